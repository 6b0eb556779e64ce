"""The conversation decoder (turns.py) on conversations written for the test."""

from __future__ import annotations

from audiobook.text.attribution.turns import HARD, Conversation, Evidence, Weights, decode, margins


def test_two_people_alternate_from_a_sure_line() -> None:
    ev = [Evidence("Ann", 30.0), Evidence(), Evidence(), Evidence()]
    assert decode(Conversation(ev, ["Ann", "Ben"])) == ["Ann", "Ben", "Ann", "Ben"]


def test_a_sure_line_late_in_the_conversation_decides_the_lines_before_it() -> None:
    # the early lines are re-alternated backwards from the one that is known
    ev = [Evidence(), Evidence(), Evidence(), Evidence("Ben", 30.0)]
    assert decode(Conversation(ev, ["Ann", "Ben"])) == ["Ann", "Ben", "Ann", "Ben"]


def test_a_tag_is_a_fact() -> None:
    # a tag against the alternation still wins; the lines after it follow it
    ev = [Evidence("Ann", 30.0), Evidence(), Evidence("Ann", -HARD), Evidence()]
    assert decode(Conversation(ev, ["Ann", "Ben"])) == ["Ann", "Ben", "Ann", "Ben"]
    ev = [Evidence("Ann", 30.0), Evidence("Ann", -HARD), Evidence()]
    assert decode(Conversation(ev, ["Ann", "Ben"])) == ["Ann", "Ann", "Ben"]


def test_the_one_addressed_answers() -> None:
    # Ann speaks to Cleo: the reply is Cleo's, though Ben is likelier in the conversation
    ev = [Evidence("Ann", 30.0, addressed_next="Cleo"), Evidence()]
    assert decode(Conversation(ev, ["Ann", "Ben", "Cleo"], {"Cleo": 0.5})) == ["Ann", "Cleo"]


def test_a_quote_that_names_someone_is_not_theirs() -> None:
    ev = [Evidence("Ann", 30.0), Evidence(excluded=frozenset({"Ben"})), Evidence()]
    assert decode(Conversation(ev, ["Ann", "Ben", "Cleo"]))[1] == "Cleo"


def test_a_continued_quote_keeps_its_speaker() -> None:
    ev = [Evidence("Ann", 30.0), Evidence(continues=True), Evidence()]
    assert decode(Conversation(ev, ["Ann", "Ben"])) == ["Ann", "Ann", "Ben"]


def test_nobody_to_give_lines_to() -> None:
    assert decode(Conversation([Evidence(), Evidence()], [])) == [None, None]


def test_margin_of_a_turn_between_two_anchors_that_agree_is_wide() -> None:
    # Ann ... Ann two paragraphs later: the line between is Ben's, and giving it to Ann costs two repeats
    ev = [Evidence("Ann", 30.0), Evidence(), Evidence("Ann", 30.0)]
    conv = Conversation(ev, ["Ann", "Ben"])
    got = decode(conv)
    assert got == ["Ann", "Ben", "Ann"]
    assert margins(conv, got)[1] > 5.0


def test_margin_of_a_turn_two_anchors_dispute_is_narrow() -> None:
    # Ann, ?, ?, Ann: one of the two middle lines must break the alternation; either could
    ev = [Evidence("Ann", 30.0), Evidence(), Evidence(), Evidence("Ann", 30.0)]
    conv = Conversation(ev, ["Ann", "Ben"])
    got = decode(conv)
    wide = margins(Conversation([Evidence("Ann", 30.0), Evidence(), Evidence("Ann", 30.0)], ["Ann", "Ben"]),
                   ["Ann", "Ben", "Ann"])
    assert max(margins(conv, got)[1:3]) < wide[1]


def test_an_anchor_the_turns_contradict_has_a_negative_margin() -> None:
    # the middle "Ann" sits where the alternation of four sure Ben / Ann lines wants Ben: weighed as
    # a speech tag that may be wrong, the rest of the conversation outvotes it
    ev = [Evidence("Ben", 30.0), Evidence("Ann", 30.0), Evidence("Ann", 30.0), Evidence("Ann", 30.0),
          Evidence("Ben", 30.0)]
    conv = Conversation(ev, ["Ann", "Ben"])
    got = decode(conv)
    assert got == ["Ben", "Ann", "Ann", "Ann", "Ben"]
    m = margins(conv, got)
    assert m[2] < 0 < m[0]


def test_a_tag_keeps_its_margin_out_of_reach() -> None:
    ev = [Evidence("Ann", -HARD), Evidence(), Evidence("Ben", 30.0)]
    conv = Conversation(ev, ["Ann", "Ben"])
    assert margins(conv, decode(conv))[0] > 1000


def test_one_person_has_no_margin() -> None:
    assert margins(Conversation([Evidence(), Evidence()], ["Ann"]), ["Ann", "Ann"]) == [0.0, 0.0]


def test_a_sir_is_answered_by_a_man() -> None:
    # Cleo is likelier in the conversation, but Ann called the one she spoke to "sir"
    ev = [Evidence("Ann", 30.0, addressed_sex="male"), Evidence()]
    conv = Conversation(ev, ["Ann", "Cleo", "Piet"], {"Cleo": 0.4, "Piet": 0.5},
                        {"Ann": "female", "Cleo": "female", "Piet": "male"})
    assert decode(conv) == ["Ann", "Piet"]


def test_the_turns_overrule_a_he_said_only_with_another_man() -> None:
    # "said Piet" / "he said" (read as Piet) / "said Piet": the "he" is the man Piet answers, not Piet twice
    he = Evidence("Piet", 30.0, fits=frozenset({"Tomas"}), soft=5.0)
    ev = [Evidence("Piet", 30.0), he, Evidence("Piet", 30.0)]
    assert decode(Conversation(ev, ["Piet", "Tomas"])) == ["Piet", "Tomas", "Piet"]
    # a woman is no "he": with only Rosa to answer him, Piet speaks twice
    she = Evidence("Piet", 30.0, fits=frozenset(), soft=5.0)
    ev = [Evidence("Piet", 30.0), she, Evidence("Piet", 30.0)]
    assert decode(Conversation(ev, ["Piet", "Rosa"])) == ["Piet", "Piet", "Piet"]


def test_a_third_person_joins_where_the_words_say_so() -> None:
    # Vera and Tomas talk untagged; then "said Piet", "said Cleo", "said Piet". Tomas is the less likely of
    # the two, but Cleo does not take his side in the middle of the untagged run: a newcomer's first line is
    # one the narration names, or one the line before addressed to them
    ev = [Evidence("Vera", 30.0), Evidence("Tomas", 30.0), Evidence(), Evidence(), Evidence(), Evidence(),
          Evidence("Piet", 30.0), Evidence("Cleo", 30.0), Evidence("Piet", 30.0)]
    got = decode(Conversation(ev, ["Vera", "Tomas", "Cleo", "Piet"], {"Tomas": 0.3}))
    assert got == ["Vera", "Tomas", "Vera", "Tomas", "Vera", "Tomas", "Piet", "Cleo", "Piet"]
    # "Cleo, what do you say?": the one addressed joins on an untagged line
    ev = [Evidence("Vera", 30.0), Evidence("Tomas", 30.0, addressed_next="Cleo"), Evidence(), Evidence(), Evidence()]
    assert decode(Conversation(ev, ["Vera", "Tomas", "Cleo"])) == ["Vera", "Tomas", "Cleo", "Tomas", "Cleo"]


def test_one_spoken_to_again_and_again_takes_over_a_long_exchange() -> None:
    # Vera talks with the boy Tomas, then turns to his aunt Cleo ("Cleo, is he always this bold?"), whom no
    # tag names, and calls her by name twice more: Cleo answers every untagged line after the first call,
    # though Tomas has a line of his own before and Cleo is the less likely of the two. Her prior is paid in
    # part where she takes her side, not in full on every one of her lines, so a long run of answers does
    # not go back to the boy
    said = Evidence("Vera", 30.0)
    to_cleo = Evidence("Vera", 30.0, addressed_next="Cleo")
    vera = [to_cleo, said, said, to_cleo, said, said, to_cleo, said]
    ev = [said, Evidence("Tomas", 30.0)] + [e for v in vera for e in (v, Evidence())]
    conv = Conversation(ev, ["Vera", "Tomas", "Cleo"], {"Cleo": 0.8})
    assert decode(conv) == ["Vera", "Tomas"] + ["Vera", "Cleo"] * 8
    # with every line's prior paid in full (and no bonus for the one the next line calls), the boy keeps the run
    assert decode(conv, Weights(stays=1.0, joins=0.0, answered=0.0))[3] == "Tomas"


def test_one_who_acts_before_speaking_may_go_on_after_their_own_line() -> None:
    # Tomas asks, Rosa answers untagged, three untagged lines more; then a paragraph that opens with
    # narration ("Rosa set down her basket.") gives Rosa a line by her own words: she spoke the line before
    # it too, and the alternation behind it holds from Tomas, rather than a repeat somewhere in the run
    ev = [Evidence("Tomas", 30.0), Evidence(), Evidence(), Evidence(), Evidence("Rosa", 30.0, pause=True)]
    conv = Conversation(ev, ["Tomas", "Rosa"])
    assert decode(conv) == ["Tomas", "Rosa", "Tomas", "Rosa", "Rosa"]
    # were the repeat as dear there as between two bare lines, Tomas would speak twice inside the run
    assert decode(conv, Weights(resumes=Weights().repeat)) == ["Tomas", "Rosa", "Tomas", "Tomas", "Rosa"]


def test_the_partner_one_answers_most_often_in_the_book_takes_the_other_side() -> None:
    # Cleo is a little likelier in this scene, but Ann and Bobby talk together all through the book: with
    # nothing else to tell them apart, Bobby takes the other side of Ann's exchange
    ev = [Evidence("Ann", 30.0), Evidence(), Evidence(), Evidence()]
    prior = {"Bobby": 0.2, "Cleo": 0.1}
    assert decode(Conversation(ev, ["Ann", "Cleo", "Bobby"], prior)) == ["Ann", "Cleo", "Ann", "Cleo"]
    pairs = {("Ann", "Bobby"): 1.0, ("Bobby", "Ann"): 1.0}
    assert decode(Conversation(ev, ["Ann", "Cleo", "Bobby"], prior, pairs=pairs)) == ["Ann", "Bobby", "Ann", "Bobby"]


def test_a_line_in_someone_s_own_words_takes_their_side() -> None:
    # Cleo is a little likelier in this scene, but the first answer calls Ann as Bobby does ("Miss Ann"):
    # Bobby takes the other side of the exchange
    ev = [Evidence("Ann", 30.0), Evidence(), Evidence(), Evidence()]
    prior = {"Bobby": 0.2, "Cleo": 0.1}
    voice: list[dict[str, float]] = [{}, {"Bobby": 1.0}, {}, {}]
    assert decode(Conversation(ev, ["Ann", "Cleo", "Bobby"], prior, voice=voice)) == ["Ann", "Bobby", "Ann", "Bobby"]


def test_the_one_the_next_line_calls_spoke_the_line_it_answers() -> None:
    # Ann's second line calls Bobby by name: she answers him, so the open line between her two is his, though
    # Cleo is a little likelier in the scene
    ev = [Evidence("Ann", 30.0), Evidence(), Evidence("Ann", 30.0, addressed_next="Bobby")]
    prior = {"Bobby": 0.2, "Cleo": 0.1}
    assert decode(Conversation(ev, ["Ann", "Cleo", "Bobby"], prior)) == ["Ann", "Bobby", "Ann"]
    assert decode(Conversation(ev, ["Ann", "Cleo", "Bobby"], prior), Weights(answered=0.0))[1] == "Cleo"


def test_the_one_the_line_before_called_answers_though_the_next_line_calls_another() -> None:
    # Ann asks Cleo by name and, after the answer, turns to Bobby: the line between is Cleo's, though Bobby is
    # Ann's usual partner and the line is in his words
    ev = [Evidence("Ann", 30.0, addressed_next="Cleo"), Evidence(), Evidence("Ann", 30.0, addressed_next="Bobby")]
    pairs = {("Ann", "Bobby"): 1.0, ("Bobby", "Ann"): 1.0}
    voice = [{}, {"Bobby": 1.0}, {}]
    conv = Conversation(ev, ["Ann", "Bobby", "Cleo"], {"Cleo": 1.1}, pairs=pairs, voice=voice)
    assert decode(conv) == ["Ann", "Cleo", "Ann"]


def test_the_turn_table_holds_each_habit_of_conversation() -> None:
    # turns._turns builds every paragraph's costs at once; each entry must be the cost the habits give one turn
    from audiobook.text.attribution.turns import _turns

    def one(pp: int, p: int, c: int, k: int, conv: Conversation, w: Weights) -> float:
        ev, people = conv.evidence[k], conv.people
        if ev.continues:
            return 0.0 if c == p else HARD
        joins = w.joins * conv.prior.get(people[c], 0.0) if k < 2 or c != pp else 0.0
        if c == p:
            return -(w.resumes if ev.pause else w.repeat) - joins
        habit = w.pair * conv.pairs.get((people[p], people[c]), 0.0)
        if k >= 2 and c != pp and pp != p:
            untold = ev.speaker is None and people[c] not in (conv.evidence[k - 1].addressed_next, ev.hint)
            return -w.newcomer - (w.untold if untold else 0.0) - joins + habit
        return -joins + habit

    people = ["Marta", "Anton", "Piet", "Cleo"]
    ev = [Evidence("Marta", 30.0, addressed_next="Piet"), Evidence(hint="Anton"), Evidence(pause=True),
          Evidence("Cleo", 2.0), Evidence(continues=True), Evidence(addressed_next="Anton"), Evidence()]
    conv = Conversation(ev, people, {"Piet": 0.5, "Cleo": 0.7},
                        pairs={("Marta", "Anton"): 0.6, ("Anton", "Cleo"): 0.25, ("Piet", "Marta"): 1.0})
    w = Weights()
    for k in range(1, len(ev)):
        table = _turns(conv, k, w)
        assert table == [[[one(pp, p, c, k, conv, w) for c in range(4)] for p in range(4)] for pp in range(4)]
