"""The conversation decoder (turns.py) on conversations written for the test."""

from __future__ import annotations

from audiobook.text.attribution.turns import HARD, Conversation, Evidence, decode


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
