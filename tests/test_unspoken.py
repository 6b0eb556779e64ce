"""Quoted text that no character speaks (verse, titles, scare quotes, thoughts) is read by the narration
voice (unspoken.py); what a character does say stays theirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from audiobook.model import NARRATOR, Character, Line
from audiobook.text.cast import Cast
from audiobook.text.manuscript import parse_text
from audiobook.text.script import script_of

from conftest import make_book

CAST = Cast.from_characters([Character("Rosa", (), "female"), Character("Tomas", (), "male")])


def voiced(text: str) -> list[tuple[str, str]]:
    """(text, speaker) of every line after the title, narration included."""
    script = script_of(parse_text("# One\n\n" + text), CAST)
    return [(ln.text, ln.speaker) for ln in script.lines()[1:]]


THINKERS = Cast.from_characters([Character("Greta", (), "female"), Character("Hugo", (), "male")])


def line_of(text: str, words: str, cast: Cast = CAST) -> Line:
    hits = [ln for ln in script_of(parse_text("# One\n\n" + text), cast).lines()[1:] if words in ln.text]
    assert hits, f"{words!r} not read at all"
    return hits[0]


def speaker_of(text: str, words: str) -> str:
    hits = [spk for t, spk in voiced(text) if words in t]
    assert hits, f"{words!r} not read at all"
    return hits[0]


@pytest.mark.parametrize("text, words", [
    # verse set out in lines, its own paragraph after a sentence it completes
    ("Tomas had learnt from the old books that\n\n“Every river runs to the sea,\nAnd every sea to the sky.”",
     "Every river"),
    # verse in lines inside a paragraph of a book with hard-wrapped prose
    ("Rosa opened the hymn book at the page her mother had marked long ago, and\nthe words were "
     "still underlined in brown ink where the girl had pressed:\n\n“Lead me where the water\nRuns clear "
     "and cold and slow,\nAnd I will follow after\nWherever it may go.”\n\nShe closed the book.", "Lead me"),
    # a fragment of a poem quoted inside a sentence
    ("From the old poets Rosa learnt to pity those who “wander lonely through the rain.”", "wander lonely"),
])
def test_quoted_verse_is_read_by_the_narrator(text: str, words: str) -> None:
    assert speaker_of(text, words) == NARRATOR


@pytest.mark.parametrize("text, words", [
    ("Tomas had read “The Drowned Lantern,” which frightened him for a week.", "Drowned Lantern"),
    ("Rosa sang “The Ferryman’s Daughter” while she worked.", "Ferryman"),
    ("The book was called “A Winter on the River.”", "Winter on the River"),
])
def test_quoted_titles_are_read_by_the_narrator(text: str, words: str) -> None:
    assert speaker_of(text, words) == NARRATOR


@pytest.mark.parametrize("text, words", [
    ("Tomas waited for the so-called “gentleman,” as Rosa liked to call him.", "gentleman"),
    ("Rosa did not care for the word “duty.”", "duty"),
    ("Her “little holiday,” as the doctor put it, lasted a year.", "little holiday"),
])
def test_scare_quotes_are_read_by_the_narrator(text: str, words: str) -> None:
    assert speaker_of(text, words) == NARRATOR


@pytest.mark.parametrize("text, words, thinker", [
    ("Rosa looked at the empty boat. “Strange,” she thought.", "Strange", "Rosa"),
    ("“He will not come back,” thought Tomas, watching the water.", "He will not come back", "Tomas"),
    ("Rosa wondered, “Where has he gone?”", "Where has he gone", "Rosa"),
    ("“How odd,” Tomas reflected.", "How odd", "Tomas"),
])
def test_unspoken_thoughts_are_read_by_the_narrator(text: str, words: str, thinker: str) -> None:
    line = line_of(text, words)
    assert (line.speaker, line.narrated, line.reader) == (thinker, True, NARRATOR)


@pytest.mark.parametrize("text, words, thinker", [
    ("“Cold again,” thought Greta.", "Cold again", "Greta"),
    ("Hugo wondered, “Is it late?”", "Is it late", "Hugo"),
    ("Greta put down the cup. “Too sweet,” she thought to herself.", "Too sweet", "Greta"),
    ("“Later, then,” said Greta. Hugo shrugged. “Nobody listens,” he thought.", "Nobody listens", "Hugo"),
])
def test_a_thought_names_its_thinker(text: str, words: str, thinker: str) -> None:
    line = line_of(text, words, THINKERS)
    assert (line.speaker, line.narrated, line.reader) == (thinker, True, NARRATOR)
    assert line.confidence >= 0.8 and line.reason.endswith(f"→ {thinker}")


def test_a_thought_no_tag_resolves_stays_the_narrators() -> None:
    line = line_of("The hall was empty. “Strange,” thought somebody.", "Strange", THINKERS)
    assert (line.speaker, line.reader) == (NARRATOR, NARRATOR)


@pytest.mark.parametrize("text, words, speaker", [
    ("“The river is high,” said Rosa.", "river is high", "Rosa"),
    ("Then Tomas said “Come here” and walked away.", "Come here", "Tomas"),
    ("“Row, row,” sang Rosa,\n“Down to the sea.”", "Row, row", "Rosa"),
    ("Rosa took the oars and began her old song:\n\n“Row, row, the river is wide,\nRow to the other side!”",
     "Row, row", "Rosa"),
    ("Rosa thought for a moment. “Then we go at noon.”", "Then we go", "Rosa"),
    ("“I thought so,” said Tomas.", "I thought so", "Tomas"),
    ("“Strange,” she said, and thought no more of it. Rosa smiled.", "Strange", "Rosa"),
    ("Tomas turned to her and answered\n\n“Not tonight.”", "Not tonight", "Tomas"),
    # an exclamation or a question the narration reports in its own sentence is still said
    ("Rosa passed him on the stairs with a cheery “Good night, Tomas!” and went up to bed.", "Good night", "Rosa"),
    ("Tomas looked up from the nets. He greeted her with his usual “How are you keeping?” but did not stop.",
     "How are you", "Tomas"),

])
def test_what_a_character_says_stays_theirs(text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, words) == speaker


def test_hard_wrapped_speech_is_no_verse_for_a_long_word_that_did_not_fit() -> None:
    # two lines, each opening with a capital, the first short only because the long word after it was put on
    # the next line
    text = ("Rosa laid the parcel on the kitchen table and turned it over twice in her\n"
            "hands, looking for a name, while Tomas waited by the door with his cap.\n\n"
            "“It came on the early cart from the mill beyond old\nSaint-Aubin-des-Marais.”")
    assert speaker_of(text, "It came on the early cart") != NARRATOR


@pytest.mark.parametrize("text, words", [
    ("Rosa heard him muttering to himself “Where is the rope?” in the dark.", "Where is the rope"),
    ("Tomas sat down. “Sell the boat?” Rosa wondered if she had heard him right.", "Sell the boat"),
    ("“I’ll call a boat. No; wait--” He thought. “The ferry runs at noon.”", "call a boat"),
])
def test_speech_near_a_verb_of_thinking_is_still_speech(text: str, words: str) -> None:
    assert speaker_of(text, words) != NARRATOR


def test_a_tag_overrides_the_narrator() -> None:
    text = ("Tomas had learnt from the old books that\n\n"
            "[Tomas]“Every river runs to the sea,\nAnd every sea to the sky.”")
    assert speaker_of(text, "Every river") == "Tomas"


def test_the_reason_says_why() -> None:
    script = script_of(parse_text("# One\n\nRosa looked at the boat. “Strange,” she thought."), CAST)
    line, = (ln for ln in script.lines() if "Strange" in ln.text)
    assert (line.kind, line.speaker, line.reason) == \
        ("dialogue", "Rosa", 'not spoken: a thought ("she thought") → Rosa')


def test_a_thought_is_no_turn_of_the_conversation() -> None:
    text = ("“Is the boat ready?” said Rosa.\n\n“Almost,” said Tomas.\n\n“Strange,” thought Rosa.\n\n"
            "“Then we go at noon.”")
    assert (line_of(text, "Strange").speaker, line_of(text, "Strange").reader) == ("Rosa", NARRATOR)
    assert speaker_of(text, "Then we go") == "Rosa"


def test_narrator_tag_is_nobody_discovered() -> None:
    from audiobook.text.characters import discover

    ms = parse_text("“Come in,” said Ann.\n\n[Narrator]“Thirty days hath September.”\n\n[Narrator]“April, June.”")
    assert "Narrator" not in discover(ms).people


THOUGHT_CHAPTER = {"01-one.md": "# One\n\nLiana looked at the boat. “Strange,” she thought.\n\n"
                                "“Come here,” said Daniel.\n"}


def _voice_of_the_thought(tmp_path: Path, setting: str = "") -> str:
    from audiobook.book import load_book
    from audiobook.text.script import build_script
    from audiobook.voice.cache import LineCache
    from audiobook.voice.planning import plan
    from audiobook.voice.profiles import load_profile

    root = make_book(tmp_path / "book", THOUGHT_CHAPTER)
    if setting:
        with (root / "manuscript" / "book.yaml").open("a", encoding="utf-8") as f:
            f.write(setting)
    book = load_book(root)
    script = build_script(book)
    line, = (ln for ln in script.lines() if ln.text.startswith("Strange"))
    assert line.speaker == "Liana"
    return plan(script, load_profile(book), book, LineCache(root / ".audiobook" / "cache")).voices[
        (line.chapter, line.index)].name


def test_the_narrator_voice_reads_a_thought(tmp_path: Path) -> None:
    assert _voice_of_the_thought(tmp_path) == "narr"


def test_thoughts_character_reads_a_thought_in_the_thinkers_voice(tmp_path: Path) -> None:
    assert _voice_of_the_thought(tmp_path, "thoughts: character\n") == "li"



def test_a_narrated_thought_pauses_as_a_change_of_voice() -> None:
    from dataclasses import replace

    from audiobook.audio.assemble import pause_before
    from audiobook.config import Pauses

    said = Line(1, 1, "dialogue", "Greta", "Come in.", "a.md", 0, 8)
    thought = replace(said, index=2, text="Too late.", brk="line", narrated=True)     # Greta's, the narrator reads it
    pauses = Pauses()
    assert pause_before(thought, said, pauses) == max(pauses.line, pauses.speaker_change) > pauses.line
