"""Confidence from the features of each decision (confidence.py), and `script --review` ranked by it."""

from __future__ import annotations

from pathlib import Path

from audiobook.model import Character
from audiobook.text.attribution import attribute
from audiobook.text.attribution.confidence import WEIGHTS, Readings, family, features, score
from audiobook.text.attribution.grammar import opens_clause
from audiobook.text.attribution.sieve import readings
from audiobook.text.attribution.state import ANSWERS, BEAT, COLON, EXPLICIT, FITS_BOTH, PRONOUN, TURNS, Attribution
from audiobook.text.cast import Cast
from audiobook.text.manuscript import parse_text
from audiobook.text.script import review, script_of

CAST = Cast.from_characters([Character("Rosa", (), "female"), Character("Tomas", (), "male"),
                             Character("Ivy", (), "female")])


def rated(text: str) -> list[tuple[str, str, float, str]]:
    ms = parse_text(text)
    found = attribute(ms, CAST)
    return [(s.text, found[s.quote_id].speaker, found[s.quote_id].confidence, found[s.quote_id].reason)
            for _, _, s in ms.quotes()]


def test_the_family_is_read_from_the_rule_not_the_reason() -> None:
    text = ("[Tomas]“The river is high.”\n\n“It is,” said Rosa.\n\n“Too high,” he said.\n\n“We wait.”\n\n"
            "“For how long?”")
    ms = parse_text(text)
    found = attribute(ms, CAST)
    assert [family(found[s.quote_id]) for _, _, s in ms.quotes()] == ["tag", "explicit", "pronoun", "turns", "turns"]
    assert family(Attribution("Rosa", 0.5, 'explicit: "said Rosa"')) == "weak"     # no rule: not read from words
    assert family(Attribution("Rosa", 0.5, "turn-taking: 1 turn from Ann (she fits both)", rule=FITS_BOTH)) \
        == "fits_both"
    assert family(Attribution("Rosa", 0.5, 'colon: explicit: "said Rosa"', rule=COLON)) == "explicit"


def decided(who: str, reason: str, margin: float | None = None) -> Attribution:
    """An attribution with the rule the pass that words its reason so gives it."""
    head = reason.split(":", 1)[0]
    rule = ((TURNS if " from " in reason else ANSWERS) if head == "turn-taking"
            else {"explicit": EXPLICIT, "pronoun": PRONOUN, "beat": BEAT}[head])
    return Attribution(who, 0.5, reason, margin=margin, rule=rule)


def test_weights_are_fitted_and_probabilities() -> None:
    assert WEIGHTS and "bias" in WEIGHTS
    assert 0 < score({}) < 1 and score({"rule_explicit": 1.0}) > score({"rule_turns": 1.0})


def test_a_named_speaker_is_surer_than_a_counted_turn() -> None:
    text = ("“Is the boat ready?” said Rosa.\n\n“Almost,” said Tomas.\n\n“Then we go at noon.”\n\n“At noon.”\n\n"
            "“Bring the rope.”\n\n“Which rope?”\n\n“The long one.”")
    lines = rated(text)
    tagged = [c for _, _, c, r in lines if r.startswith("explicit")]
    counted = [c for _, _, c, r in lines if r.startswith("turn-taking")]
    assert tagged and counted and min(tagged) > max(counted)


def conversation(speakers: list[str], reasons: list[str], last: str = "“Go.”") -> dict[int, dict[str, float]]:
    """The features of a conversation of one quote per paragraph, decided as given."""
    ms = parse_text("\n\n".join([*(f"“Line {k}.”" for k in range(len(speakers) - 1)), last]))
    found = {k: decided(s, r) for k, (s, r) in enumerate(zip(speakers, reasons, strict=True))}
    return features(ms, CAST, found)


def test_a_turn_the_next_tag_contradicts_is_less_sure() -> None:
    # counting from "said Rosa" gives the fourth line to Tomas; counting back from the last line gives
    # it to Tomas too (agree), or to Rosa when that one is Tomas's (the anchors disagree)
    reasons = ['explicit: "said Rosa"', "turn-taking: 1 turn from Rosa", "turn-taking: 2 turns from Rosa",
               "turn-taking: 3 turns from Rosa", 'explicit: "said X"']
    agree = conversation(["Rosa", "Tomas", "Rosa", "Tomas", "Rosa"], reasons)[3]
    clash = conversation(["Rosa", "Tomas", "Rosa", "Tomas", "Tomas"], reasons)[3]
    assert (agree["agree"], agree["disagree"]) == (1.0, 0.0) and (clash["agree"], clash["disagree"]) == (0.5, 0.5)
    assert score(clash) < score(agree)


def test_a_reply_naming_the_speaker_makes_the_turn_surer() -> None:
    reasons = ['explicit: "said Rosa"', 'explicit: "said Tomas"', "turn-taking: answers Tomas", "turn-taking: x"]
    named = conversation(["Rosa", "Tomas", "Rosa", "Tomas"], reasons, "“Yes, Rosa.”")[2]
    plain = conversation(["Rosa", "Tomas", "Rosa", "Tomas"], reasons, "“Yes.”")[2]
    other = conversation(["Rosa", "Tomas", "Rosa", "Tomas"], reasons, "“Yes, Ivy.”")[2]
    assert (named["reply_names_me"], plain["reply_names_me"], other["reply_names_other"]) == (1.0, 0.0, 1.0)
    assert score(named) > score(plain) > score(other)


def test_features_skip_tags_and_cover_every_other_quote() -> None:
    ms = parse_text("[Rosa]“Ready?”\n\n“Almost,” said Tomas.\n\n“Go.”")
    found = attribute(ms, CAST)
    f = features(ms, CAST, found)
    assert set(f) == {1, 2} and found[0].confidence == 1.0
    assert f[1]["rule_explicit"] == 1.0 and f[1]["cast_list"] == 1.0
    assert f[2][f"rule_{family(found[2])}"] == 1.0 and family(found[2]) in ("answers", "turns")


def test_review_lists_flagged_lines_first_then_the_least_sure(tmp_path: Path) -> None:
    text = "# One\n\n“Ready?” said Rosa.\n\n“Almost,” said Tomas.\n\n“Then go.”\n\n“I will.”\n\n[Ivy]“Wait!”"
    (tmp_path / "manuscript").mkdir()
    (tmp_path / "manuscript" / "chapter.md").write_text(text)
    sc = script_of(parse_text(text), CAST)
    plain = review(sc, tmp_path, limit=0)
    assert [r.line.confidence for r in plain] == sorted(r.line.confidence for r in plain)
    assert all(r.line.reason != "tag" for r in plain)
    surest = plain[-1].line
    flagged = review(sc, tmp_path, limit=0, flagged={(surest.chapter, surest.index)})
    assert flagged[0].line == surest and [r.line for r in flagged[1:]] == [r.line for r in plain[:-1]]


def test_review_lists_a_thought_whose_thinker_is_named_as_a_tagged_line(tmp_path: Path) -> None:
    # the thought is Rosa's, as "thought Rosa" says: as sure as "said Rosa", so the least sure spoken line comes first
    text = ("# One\n\n“Is the boat ready?” said Rosa.\n\n“Almost,” said Tomas.\n\n“Strange,” thought Rosa.\n\n"
            "“Then we go at noon.”")
    (tmp_path / "manuscript").mkdir()
    (tmp_path / "manuscript" / "chapter.md").write_text(text)
    first, *rest = review(script_of(parse_text(text), CAST), tmp_path, limit=0)
    assert first.line.text == "Then we go at noon."     # a turn: the least sure spoken line
    thought, = (r.line for r in rest if r.line.text == "Strange,")
    assert (thought.speaker, thought.reader) == ("Rosa", "Narrator") and thought.confidence >= 0.8


def test_review_lists_a_thought_nobody_is_named_for_first(tmp_path: Path) -> None:
    text = ("# One\n\n“Is the boat ready?” said Rosa.\n\n“Almost,” said Tomas.\n\n“Strange,” thought somebody.\n\n"
            "“Then we go at noon.”")
    (tmp_path / "manuscript").mkdir()
    (tmp_path / "manuscript" / "chapter.md").write_text(text)
    first, *_rest = review(script_of(parse_text(text), CAST), tmp_path, limit=0)
    assert (first.line.text, first.line.speaker, first.line.confidence) == ("Strange,", "Narrator", 0.1)


def margin_features(text: str) -> list[dict[str, float]]:
    ms = parse_text(text)
    found = attribute(ms, CAST)
    f = features(ms, CAST, found)
    return [f[s.quote_id] for _, _, s in ms.quotes()]


def test_a_turn_both_anchors_agree_on_is_surer_than_one_they_dispute() -> None:
    dock = "Rosa found Tomas at the dock.\n\n“Is the boat ready?” asked Rosa.\n\n“Almost.”\n\n"
    sure = margin_features(dock + "“Then we go,” said Rosa.")
    torn = margin_features(dock + "“Good.”\n\n“Then we go,” said Rosa.")
    assert sure[1]["turn_margin"] > max(torn[1]["turn_margin"], torn[2]["turn_margin"])
    assert score(sure[1]) > max(score(torn[1]), score(torn[2]))


def test_a_speech_tag_the_turns_contradict_is_less_sure() -> None:
    # "she said" in the third paragraph sits where the alternation wants Tomas
    fits = margin_features("“Ready?” said Rosa.\n\n“Almost,” said Tomas.\n\n“Go,” said Rosa.\n\n“Now,” said Tomas.")
    odd = margin_features("“Ready?” said Rosa.\n\n“Almost,” said Tomas.\n\n“Go,” said Rosa.\n\n“Now,” said Rosa."
                          "\n\n“Fine,” said Tomas.\n\n“Yes,” said Rosa.")
    assert fits[2]["support"] > odd[3]["support"] and score(fits[2]) > score(odd[3])


def test_a_line_given_to_someone_who_seldom_talks_nearby_is_less_sure() -> None:
    # Rosa and Tomas talk; the same untagged turn is surer given to one of them than to Ivy, who has one
    # other line in the scene (two people speak more than she does)
    tags = ['explicit: "said Rosa"', 'explicit: "said Tomas"'] * 3 + ['explicit: "said Ivy"']
    speakers = ["Rosa", "Tomas"] * 3 + ["Ivy"]
    main = conversation([*speakers, "Rosa", "Tomas"], [*tags, "turn-taking: x", 'explicit: "said Tomas"'])[7]
    rare = conversation([*speakers, "Ivy", "Tomas"], [*tags, "turn-taking: x", 'explicit: "said Tomas"'])[7]
    assert (main["outranked"], rare["outranked"]) == (0.0, 2 / 3)
    assert score(rare) < score(main)


def test_a_turn_given_to_someone_no_nearby_tag_names_is_less_sure() -> None:
    # the decoder gives the fourth line to Ivy or to Rosa; Rosa has a speech tag of her own nearby, Ivy none
    ms = parse_text("\n\n".join(f"“Line {k}.”" for k in range(5)))
    tags = ['explicit: "said Rosa"', 'explicit: "said Tomas"', 'explicit: "said Rosa"']

    def decoded(who: str) -> dict[str, float]:
        said = zip(["Rosa", "Tomas", "Rosa"], tags, strict=True)
        found = {k: decided(s, r) for k, (s, r) in enumerate(said)}
        found[3] = decided(who, "turn-taking: the likeliest speaker of the conversation", margin=1.0)
        found[4] = decided("Tomas", 'explicit: "said Tomas"')
        return features(ms, CAST, found)[3]

    ivy, rosa = decoded("Ivy"), decoded("Rosa")
    assert (ivy["unanchored"], rosa["unanchored"]) == (1.0, 0.0)
    assert score(ivy) < score(rosa)


def test_the_reading_backwards_resolves_a_pronoun_by_the_name_after_it() -> None:
    # forwards "she" is Rosa, named before; read backwards the nearest woman named is Ivy, who comes next
    ms = parse_text("Rosa set down the lamp.\n\n“It is late,” she said.\n\nIvy came in from the yard.")
    found = attribute(ms, CAST)
    r = readings(ms, ms, CAST)
    q = next(s.quote_id for _, _, s in ms.quotes())
    assert (found[q].speaker, r.backwards[q]) == ("Rosa", "Ivy")
    both = features(ms, CAST, found, r)[q]
    one = features(ms, CAST, found, r._replace(backwards={q: "Rosa"}))[q]
    assert (both["reread_backwards"], one["reread_backwards"]) == (1.0, 0.0) and score(both) < score(one)
    assert found[q].confidence == round(score(both), 3)


def test_the_reading_with_discovered_characters_is_mapped_to_the_cast() -> None:
    # discovery knows "Rosa" and "Tomas"; the cast list calls them by their full names
    cast = Cast.from_characters([Character("Rosa Vale", (), "female"), Character("Tomas Reyes", (), "male")])
    ms = parse_text("“Is the boat ready?” asked Rosa.\n\n“Almost,” said Tomas.\n\n“Then we go.”")
    found = attribute(ms, cast)
    r = readings(ms, ms, cast)
    assert r.discovered is not None
    assert [r.discovered[s.quote_id] for _, _, s in ms.quotes()][:2] == ["Rosa Vale", "Tomas Reyes"]
    assert readings(ms, ms, Cast([])).discovered is None     # without a cast list there is no other cast
    q = [s.quote_id for _, _, s in ms.quotes()][-1]
    other = "Tomas Reyes" if found[q].speaker == "Rosa Vale" else "Rosa Vale"
    agree = {s.quote_id: found[s.quote_id].speaker for _, _, s in ms.quotes()}
    same = features(ms, cast, found, Readings(agree, {**r.discovered, q: found[q].speaker}))[q]
    rival = features(ms, cast, found, Readings(agree, {**r.discovered, q: other}))[q]
    nobody = features(ms, cast, found, Readings(agree, {**r.discovered, q: None}))[q]
    assert (same["reread_other"], rival["reread_other"], nobody["reread_nobody"]) == (0.0, 1.0, 1.0)
    assert score(rival) < score(nobody) < score(same)


def test_a_turn_counted_from_an_action_beat_is_less_sure_than_one_from_a_speech_tag() -> None:
    # the same third line counted one turn from the line before it: "Tomas shrugged." (a beat: its subject
    # need not be the one who speaks), "said Tomas" or "he said" (speech tags, a name or a pronoun)
    def counted_from(reason: str) -> dict[str, float]:
        return conversation(["Rosa", "Tomas", "Rosa"], ['explicit: "said Rosa"', reason,
                                                        "turn-taking: 1 turn from Tomas"])[2]

    said, he, beat = (counted_from(r) for r in ('explicit: "said Tomas"', "pronoun: he → Tomas",
                                                'beat: "Tomas shrugged."'))
    assert (said["weak_anchor"], he["weak_anchor"], beat["weak_anchor"]) == (0.0, 0.0, 1.0)
    assert score(beat) < score(said)


def test_a_turn_across_a_pause_is_less_sure_than_one_straight_after_the_line_before() -> None:
    # Tomas's line, then his action, then an untagged line: after "He walked to the window." Tomas may go on,
    # so giving the line to Rosa by the turns is less sure than where the two lines follow each other
    def third(tomas: str) -> dict[str, float]:
        ms = parse_text(f"“Ready?” said Rosa.\n\n{tomas}\n\n“Then go.”\n\n“Fine,” said Tomas.")
        reasons = ['explicit: "said Rosa"', 'explicit: "said Tomas"', "turn-taking: 1 turn from Tomas",
                   'explicit: "said Tomas"']
        found = {k: decided(s, r) for k, (s, r) in enumerate(zip(["Rosa", "Tomas", "Rosa", "Tomas"],
                                                                          reasons, strict=True))}
        return features(ms, CAST, found)[2]

    straight = third("“Almost,” said Tomas.")
    paused = third("“Almost,” said Tomas. He walked to the window.")
    assert (straight["paused"], paused["paused"]) == (0.0, 1.0)
    assert score(paused) < score(straight)


def test_a_turn_the_line_before_called_for_by_name_is_surer() -> None:
    """The one a line calls by name answers it: a turn given to them is surer than one given to
    someone else after the call."""
    reasons = ['explicit: "said Rosa"', "turn-taking: 1 turn from Rosa", "turn-taking: 2 turns from Rosa"]
    ms = parse_text("“Are you coming, Tomas?” said Rosa.\n\n“In a minute.”\n\n“Good.”")
    called = features(ms, CAST, {k: Attribution(s, 0.5, r) for k, (s, r) in
                                 enumerate(zip(["Rosa", "Tomas", "Rosa"], reasons, strict=True))})[1]
    other = features(ms, CAST, {k: Attribution(s, 0.5, r) for k, (s, r) in
                                enumerate(zip(["Rosa", "Ivy", "Rosa"], reasons, strict=True))})[1]
    assert (called["called_me"], other["called_other"]) == (1.0, 1.0)
    assert score(called) > score(other)


def test_a_line_calling_its_own_speaker_by_name_is_less_sure() -> None:
    reasons = ['explicit: "said Rosa"', "turn-taking: 1 turn from Rosa", 'explicit: "said Rosa"']
    own = conversation(["Rosa", "Tomas", "Rosa"], reasons, "“Go.”")
    ms = parse_text("“Ready?” said Rosa.\n\n“Tomas, wait for me.”\n\n“Go.”")
    mine = features(ms, CAST, {k: Attribution(s, 0.5, r) for k, (s, r) in
                               enumerate(zip(["Rosa", "Tomas", "Rosa"], reasons, strict=True))})[1]
    assert mine["self_called"] == 1.0 and own[1].get("self_called") == 0.0
    assert score(mine) < score({**mine, "self_called": 0.0})


def test_a_turn_given_to_the_one_who_spoke_just_before_is_less_sure() -> None:
    # a decided turn that gives Tomas two paragraphs running: nothing in the text says he goes on
    reasons = ['explicit: "said Rosa"', 'explicit: "said Tomas"', "turn-taking: x", 'explicit: "said Rosa"']
    again = conversation(["Rosa", "Tomas", "Tomas", "Rosa"], reasons)[2]
    turn = conversation(["Rosa", "Tomas", "Rosa", "Tomas"], reasons)[2]
    said = conversation(["Rosa", "Tomas", "Tomas", "Rosa"], [*reasons[:2], 'explicit: "said Tomas"', reasons[3]])[2]
    assert (again["repeats"], turn["repeats"]) == (1.0, 0.0) and "repeats" not in said     # a tag says so
    assert score(again) < score({**again, "repeats": 0.0})


SAID = {"Rosa": 'explicit: "said Rosa"', "Tomas": 'explicit: "said Tomas"', "Ivy": 'explicit: "said Ivy"'}


def answered(before: list[str], who: str) -> dict[str, float]:
    """The features of a line given to ``who`` between two of Rosa's, after the tagged lines ``before``,
    a paragraph of narration between."""
    n = len(before)
    ms = parse_text("\n\n".join([*(f"“Line {k}.”" for k in range(n)), "They walked on.", "“Well?”", "“Yes.”",
                                   "“Good.”"]))
    found = {k: decided(s, SAID[s]) for k, s in enumerate(before)}
    found[n] = decided("Rosa", SAID["Rosa"])
    found[n + 1] = decided(who, "turn-taking: answers Rosa")
    found[n + 2] = decided("Rosa", SAID["Rosa"])
    return features(ms, CAST, found)[n + 1]


def test_a_turn_given_to_the_one_its_neighbours_talk_with_most_is_surer() -> None:
    # Rosa and Tomas trade three tagged lines earlier in the book, Rosa and Ivy one; the untagged answer
    # to Rosa later, Rosa speaking after it, is surer given to Tomas than to Ivy
    before = ["Rosa", "Tomas", "Rosa", "Tomas", "Ivy", "Rosa"]
    tomas, ivy = answered(before, "Tomas"), answered(before, "Ivy")
    assert (tomas["usual_partner"], ivy["usual_partner"]) == (1.0, 0.0)
    assert score(tomas) > score({**tomas, "usual_partner": 0.0})


def test_a_line_given_to_someone_the_one_before_never_talks_with_is_less_sure() -> None:
    # Rosa's three exchanges in the book are all with Tomas: a line after hers given to Ivy is less sure
    before = ["Rosa", "Tomas", "Rosa", "Tomas"]
    tomas, ivy = answered(before, "Tomas"), answered(before, "Ivy")
    assert (tomas["stranger"], ivy["stranger"]) == (0.0, 1.0)
    assert answered(before[:2], "Ivy")["stranger"] == 0.0       # one exchange says little
    assert score(ivy) < score({**ivy, "stranger": 0.0})


def test_a_line_calling_someone_as_its_speaker_is_seen_to_is_surer() -> None:
    # tags show Tomas saying "ma'am" and Ivy "my dear": an untagged "Of course, ma'am." is surer as Tomas's
    ms = parse_text("“Yes, ma'am.”\n\n“Come here, my dear.”\n\nThey walked on.\n\n“Well?”\n\n“Of course, ma'am.”\n\n"
                    "“Good.”")

    def given(who: str) -> dict[str, float]:
        found = {0: decided("Tomas", SAID["Tomas"]), 1: decided("Ivy", SAID["Ivy"]), 2: decided("Rosa", SAID["Rosa"]),
                 3: decided(who, "turn-taking: answers Rosa"), 4: decided("Rosa", SAID["Rosa"])}
        return features(ms, CAST, found)[3]

    tomas, ivy = given("Tomas"), given("Ivy")
    assert (tomas["own_form"], ivy["own_form"]) == (1.0, 0.0)
    assert "own_form" not in features(ms, CAST, {k: decided("Rosa", SAID["Rosa"]) for k in range(5)})[0]  # it teaches
    assert score(tomas) > score({**tomas, "own_form": 0.0})


def test_a_line_in_the_words_of_another_speaker_near_it_is_less_sure() -> None:
    # Tomas talks of the boat and the river, Ivy of the garden and the roses; an untagged line about the boat
    # between their tagged lines is less sure given to Ivy than to Tomas
    tomas = ["The boat is on the river by the old mill.", "Bring the rope down to the boat tonight.",
             "The river is high and the boat needs a rope.", "We row the boat across the river at dawn."]
    ivy = ["The roses in the garden want water today.", "My garden has the best roses in the village.",
           "Cut the roses by the garden wall for me.", "The garden gate is open and the roses are out."]
    lines = [x for pair in zip(tomas, ivy, strict=True) for x in pair]
    ms = parse_text("\n\n".join([*(f"“{t}”" for t in lines), "They walked on.", "“Where now?”",
                                 "“Down to the river.”", "“The rope is in the boat by the river.”", "“Very well.”"]))
    n = len(lines)

    def given(who: str) -> dict[str, float]:
        found = {k: decided("Tomas" if k % 2 == 0 else "Ivy", SAID["Tomas" if k % 2 == 0 else "Ivy"])
                 for k in range(n)}
        found |= {n: decided("Ivy", SAID["Ivy"]), n + 1: decided("Tomas", SAID["Tomas"]),
                  n + 2: decided(who, "turn-taking: answers Tomas"), n + 3: decided("Ivy", SAID["Ivy"])}
        return features(ms, CAST, found)[n + 2]

    right, wrong = given("Tomas"), given("Ivy")
    assert right["words_other"] < 0 < wrong["words_other"]
    assert score(wrong) < score({**wrong, "words_other": 0.0}) < score({**wrong, "words_other": -0.5})


def test_a_turn_given_to_someone_only_a_he_or_she_anchors_in_the_conversation_is_less_sure() -> None:
    # Tomas's side is anchored by "he said" alone in the first reading, by "said Tomas" in the second
    speakers = ["Rosa", "Tomas", "Rosa", "Tomas", "Rosa"]
    turns = ["turn-taking: 1 turn from Tomas", "turn-taking: 2 turns from Tomas", "turn-taking: 3 turns from Tomas"]
    weak = conversation(speakers, ['explicit: "said Rosa"', 'pronoun: "he said"', *turns])[3]
    named = conversation(speakers, ['explicit: "said Rosa"', 'explicit: "said Tomas"', *turns])[3]
    assert (weak["weak_side"], named["weak_side"]) == (1.0, 0.0)
    assert score(weak) < score(named)


def test_a_he_line_given_to_someone_nothing_in_the_conversation_names_is_less_sure() -> None:
    speakers = ["Rosa", "Tomas", "Rosa", "Tomas"]
    turns = ["turn-taking: 1 turn from Rosa", "turn-taking: 2 turns from Rosa"]
    alone = conversation(speakers, ['explicit: "said Rosa"', *turns, 'pronoun: "he said"'])[3]
    named = conversation(speakers, ['explicit: "said Rosa"', 'explicit: "said Tomas"', turns[1],
                                    'pronoun: "he said"'])[3]
    assert (alone["pronoun_unanchored"], named["pronoun_unanchored"]) == (1.0, 0.0)
    assert score(alone) < score(named)


def test_a_he_line_after_its_speaker_is_named_as_a_subject_is_surer_than_after_a_passing_mention() -> None:
    def pronoun_line(narration: str) -> dict[str, float]:
        ms = parse_text(f"{narration}\n\n“It is late,” he said.")
        return features(ms, CAST, {0: decided("Tomas", 'pronoun: "he said"')})[0]

    subject = pronoun_line("Rosa sat down. Tomas walked to the window.")
    assert subject["pronoun_subject"] == 1.0
    assert pronoun_line("Rosa sat down, and the old Tomas walked to the window.")["pronoun_subject"] == 1.0
    passing = [pronoun_line(t) for t in ("Rosa walked to Tomas.", "Rosa took Tomas's hat.", "Rosa kissed Tomas.")]
    assert [f["pronoun_subject"] for f in passing] == [0.0, 0.0, 0.0]
    assert all(score(subject) > score(f) for f in passing)


def test_a_name_opens_its_clause_after_punctuation_a_conjunction_or_an_adjective_not_as_an_owner_or_object() -> None:
    def tomas(text: str) -> bool:
        m = [m for m in CAST.mentions(text) if m.person == "Tomas"][-1]
        return opens_clause(text, m)

    assert [tomas(t) for t in ("Tomas sat down.", "Rosa sat down; Tomas rose.", "When poor Tomas came in, she rose.",
                               "Rosa sat down, and the old Tomas walked out.")] == [True] * 4
    assert [tomas(t) for t in ("Rosa kissed Tomas.", "Rosa walked to Tomas.", "Rosa took Tomas's hat.",
                               "Rosa took Tomas s hat.")] == [False] * 4
