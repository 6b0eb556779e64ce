"""Attribution rules that matter most with a cast list (sieve.py, characters.py), each pinned on a
small scene written for it."""

from __future__ import annotations

from audiobook.book import Character
from audiobook.text.attribution.sieve import attribute
from audiobook.text.characters import Cast
from audiobook.text.manuscript import parse_text

Cast_ = list[tuple[str, str, tuple[str, ...]]]
ROSA_TOMAS: Cast_ = [("Rosa", "female", ()), ("Tomas", "male", ())]


def who(text: str, cast: Cast_ = ROSA_TOMAS) -> list[str]:
    ms = parse_text(text)
    found = attribute(ms, Cast.from_characters([Character(n, a, g) for n, g, a in cast]))
    return [found[s.quote_id].speaker for _, _, s in ms.quotes()]


def test_a_name_after_a_preposition_is_not_the_speaker() -> None:
    text = "Tomas came back from the boats.\n\nHe turned to Rosa and said, “The river is high.”\n"
    assert who(text) == ["Tomas"]


def test_a_negated_speech_verb_is_no_tag() -> None:
    text = ("Rosa waited at the door with her coat on.\n\n"
            "“Will you come with me?” Tomas said nothing. He went on mending the net.\n")
    assert who(text) == ["Rosa"]


def test_the_one_who_keeps_silent_is_not_the_speaker() -> None:
    text = ("Rosa and Tomas sat by the stove.\n\n"
            "“Will you come with me?” Tomas did not answer.\n")
    assert who(text) == ["Rosa"]


def test_a_pronoun_is_never_a_word_of_a_long_cast_name() -> None:
    # a cast entry named by what the reader knows of her: "She" at a sentence start is not her
    cast: Cast_ = [("Rosa", "female", ()), ("The Woman Whose House She Kept", "female", ()), ("Tomas", "male", ())]
    text = ("Rosa came down the stairs. She stopped by the window.\n\n"
            "“The river is high,” she said.\n")
    assert who(text, cast) == ["Rosa"]
