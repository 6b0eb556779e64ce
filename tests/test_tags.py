"""A speaker tag is a fact: exactly that speaker, spelled as written, on exactly that quote (tags.py),
whatever the attribution passes think of the lines around it."""

from __future__ import annotations

import re
from pathlib import Path

from audiobook.book import load_book
from audiobook.model import Character
from audiobook.text.attribution import attribute
from audiobook.text.cast import Cast, Person
from audiobook.text.manuscript import parse_text
from audiobook.text.script import build_script

ANN_MARY = Cast.from_characters([Character("Ann", (), "female"), Character("Mary", (), "female"),
                                 Character("Tom", (), "male")])


def said(text: str, cast: Cast) -> list[tuple[str, str, str]]:
    ms = parse_text(text)
    found = attribute(ms, cast)
    return [(s.text, found[s.quote_id].speaker, found[s.quote_id].reason) for _, _, s in ms.quotes()]


def test_turn_taking_does_not_overwrite_a_tag_next_to_a_pronoun_quote() -> None:
    # "she fits both" moved the whole paragraph to the other woman, tag included
    text = ("“Is the boat ready?” said Ann.\n\n“Almost,” said Mary.\n\n"
            "[Ann]“We need rope.” “More rope,” she said.")
    assert said(text, ANN_MARY)[2] == ("We need rope.", "Ann", "tag")


def test_a_description_tag_stays_as_written_with_a_cast_list() -> None:
    # the answer to "what is your name?" names its speaker: not when a tag says who speaks
    cast = Cast.from_characters([Character("Rosa", (), "female"), Character("Tomas", (), "male")])
    text = "Rosa knocked.\n\n“Who are you? What is your name?” said Rosa.\n\n[a rough voice]“Tomas, the ferryman.”"
    assert said(text, cast)[1] == ("Tomas, the ferryman.", "a rough voice", "tag")


def test_a_tag_is_not_another_character_with_the_same_surname() -> None:
    cast = Cast.from_characters([Character("Rose Markham", (), "female"), Character("Fergus", (), "male")])
    text = "“Good day,” said Rose Markham.\n\n[Mrs. Markham]“Sit up straight, Rose.”"
    assert said(text, cast)[1][1] == "Mrs. Markham"


def test_without_a_cast_list_a_tag_is_spelled_as_written() -> None:
    # discovery's guesses (here: "Mrs. Markham" merged into Rose Markham, "Mrs. Shaw" into Shaw)
    # do not respell a tag
    found = Cast([Person("Rose Markham", "female", {"Mrs. Markham", "Rose"}), Person("Shaw", "male", {"Mrs. Shaw"}),
                  Person("Fergus", "male")])
    text = ("“Good day,” said Rose Markham.\n\n[Mrs. Markham]“Sit up straight, Rose.”\n\n"
            "“Indeed,” said Shaw.\n\n[Mrs. Shaw]“Come back!”")
    assert [spk for _, spk, _ in said(text, found)] == ["Rose Markham", "Mrs. Markham", "Shaw", "Mrs. Shaw"]


def test_a_tag_spelling_a_cast_alias_is_that_character() -> None:
    cast = Cast.from_characters([Character("Margaret Quenby", ("Meg",), "female")])
    assert said("[meg]“Oh, Papa.”", cast)[0][1] == "Margaret Quenby"


def test_a_nested_title_keeps_the_tagged_quote_whole() -> None:
    for text in ("[Rosa]“I have read “The Monk” twice, Tomas.”", '[Rosa]"I have read "The Monk" twice, Tomas."'):
        (quote, spk, reason), = said(text, ANN_MARY)
        assert spk == "Rosa" and reason == "tag" and quote.startswith("I have read") and quote.endswith("Tomas.")


def test_narrator_tag_is_documented_and_not_warned_about(tmp_path: Path) -> None:
    (tmp_path / "manuscript").mkdir()
    (tmp_path / "manuscript" / "01.md").write_text(
        "# One\n\n“Come in,” said Ann.\n\n[Narrator]“Thirty days hath September.”\n\n[Nobody]“Hello.”\n")
    (tmp_path / "manuscript" / "book.yaml").write_text("title: T\ncharacters:\n  - name: Ann\n    gender: female\n")
    script = build_script(load_book(tmp_path))
    lines = [ln for ln in script.lines() if ln.kind == "dialogue"]
    assert [(ln.speaker, ln.reason) for ln in lines[1:]] == [("Narrator", "tag"), ("Nobody", "tag")]
    assert [w for w in script.warnings if "[" in w] == [
        "manuscript/01.md:7: speaker tag [Nobody] is not in the characters of book.yaml"]
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    assert "[Narrator]" in readme and "not spoken by a character" in readme


def test_a_tag_tells_who_the_he_of_the_lines_after_it_is() -> None:
    # "he" stood for Will (the subject of the narration); the tag says Tom is talking, so the "he said"
    # two paragraphs on is Tom too, as after "said Tom"
    cast = Cast.from_characters([Character("Tom", (), "male"), Character("Will", (), "male"),
                                 Character("Ann", (), "female")])
    text = ("Will watched Tom at the fire.\n\n{}“It is cold,” he said.\n\n“Put on a log,” said Ann.\n\n"
            "“I will,” he said.")
    assert [spk for _, spk, _ in said(text.format(""), cast)] == ["Will", "Ann", "Will"]
    assert said(text.format("[Tom]"), cast) == [("It is cold,", "Tom", "tag"),
                                               ("Put on a log,", "Ann", 'explicit: "said Ann"'),
                                               ("I will,", "Tom", "pronoun: he → Tom")]


def _turns_agree_with_their_reason(lines: list[tuple[str, str, str]]) -> bool:
    """"turn-taking: N turns from X": the speaker is X exactly when N is even."""
    for _, spk, why in lines:
        m = re.match(r"turn-taking: (\d+) turns? from (.+?)(?: \(|$)", why)
        if m and (spk == m.group(2)) != (int(m.group(1)) % 2 == 0):
            return False
    return True


def test_one_tag_re_alternates_the_lines_before_and_after_it() -> None:
    # nothing says who talks, so the turns guessed Ann and Tom; a tag on the third line is Mary: the
    # lines before and after it alternate between Mary and Ann from there, each reason counted from it
    text = ("Ann and Mary sat by the fire while Tom slept.\n\n“Is it cold?”\n\n“Very.”\n\n{}“Shall I fetch wood?”"
            "\n\n“Please.”\n\n“Where is the axe?”\n\n“By the door.”")
    before = said(text.format(""), ANN_MARY)
    assert "Tom" in [spk for _, spk, _ in before]
    after = said(text.format("[Mary]"), ANN_MARY)
    assert [spk for _, spk, _ in after] == ["Mary", "Ann", "Mary", "Ann", "Mary", "Ann"]
    assert after[2] == ("Shall I fetch wood?", "Mary", "tag")
    assert all(why.endswith("from Mary") for _, _, why in after[:2] + after[3:])
    assert _turns_agree_with_their_reason(before) and _turns_agree_with_their_reason(after)


def test_an_untagged_quote_beside_a_tagged_one_does_not_claim_the_tag() -> None:
    # it shares the tagged quote's speaker, but says so: the producer sees it was not tagged itself
    lines = said("Tom watched Ann and Mary.\n\n[Ann]“Is it cold?” “Shall I fetch wood?”", ANN_MARY)
    assert lines == [("Is it cold?", "Ann", "tag"),
                     ("Shall I fetch wood?", "Ann", "tag: same paragraph as a tagged quote")]


def test_he_answered_after_a_tagged_line_is_the_other_man() -> None:
    # a tag names who just spoke, as "said Will" would: "he answered" is the one who answers him
    cast = Cast.from_characters([Character("Tom", (), "male"), Character("Will", (), "male")])
    text = "Tom and Will sat by the fire.\n\n[{}]“Are you ready?”\n\n“Yes,” he answered.\n\n“Then go.”"
    for asks, answers in (("Will", "Tom"), ("Tom", "Will")):
        assert said(text.format(asks), cast) == [
            ("Are you ready?", asks, "tag"), ("Yes,", answers, f"pronoun: he → {answers}"),
            ("Then go.", asks, f"turn-taking: 1 turn from {answers}")]


def test_a_tag_in_a_paragraph_of_two_speakers_leaves_the_other_to_its_own_evidence() -> None:
    # the narration gives the first quote to Ann; the producer tagged the second, Tom's: it is a fact
    # for its own quote, and the first stays Ann's instead of taking the tag
    text = "Ann and Tom were asked to help.\n\nAnn shook her head. “Not I.” Her brother only shrugged. {}“Nor I.”"
    assert [spk for _, spk, _ in said(text.format(""), ANN_MARY)] == ["Ann", "Ann"]
    assert [(spk, why.split(":")[0]) for _, spk, why in said(text.format("[Tom]"), ANN_MARY)] == [
        ("Ann", "beat"), ("Tom", "tag")]
    # the same speaker by the tag and by the narration: the untagged quote says it shares the tag
    lines = said("Tom watched Ann.\n\n[Ann]“Is it cold?” She shivered. “Shall I fetch wood?”", ANN_MARY)
    assert [(spk, why) for _, spk, why in lines] == [("Ann", "tag"), ("Ann", "tag: same paragraph as a tagged quote")]


def test_a_quote_after_the_tagged_one_in_its_paragraph_keeps_the_tag_not_the_opening_beat() -> None:
    # the paragraph opens on someone else ("He stared" read as Tom); the producer tagged its
    # first quote Bobby: the quote that runs on after the tag's own "he said" is Bobby's too, and the
    # lines after alternate from Bobby, not from the man of the opening beat
    cast = Cast.from_characters([Character("Tom", (), "male"), Character("Bobby", (), "male"),
                                 Character("Nelly", (), "female")])
    text = ("Tom sat alone at the bar, and Nelly poured.\n\n"
            "He stared at his glass until Bobby walked in. "
            "[Bobby]“Coffee, please,” he said. “Why so gloomy, friend?”\n\n"
            "[Tom]“No reason.”\n\n“None at all?”")
    lines = said(text, cast)
    assert [spk for _, spk, _ in lines] == ["Bobby", "Bobby", "Tom", "Bobby"]
    assert lines[1][2] == "tag: same paragraph as a tagged quote"
    # back to back with the tagged quote, no narration between: a reply, still the paragraph's evidence's
    lines = said("Ann and Mary sat by the fire.\n\nTom teased Ann about her red cheeks. "
                 "[Ann]“Not at all.” “The fire, then.”", ANN_MARY)
    assert [spk for _, spk, _ in lines] == ["Ann", "Tom"]


def test_a_tag_on_a_described_speaker_teaches_the_chapter_who_the_description_is() -> None:
    # the cast lists Bobby as "the innkeeper"; in this chapter the innkeeper is Tomas, and a tag says so once:
    # later speech tags and the narration's "The innkeeper" follow it (the he after it too); the next chapter
    # reads the description afresh
    cast = Cast.from_characters([Character("Tomas", (), "male"), Character("Bobby", ("the innkeeper",), "male"),
                                 Character("Rosa", (), "female"), Character("Anna", (), "female")])
    scene = ("Rosa came into the inn.\n\n[Tomas]“Welcome,” said the innkeeper.\n\n“Thank you,” said Rosa.\n\n"
             "“More wine?” said the fat innkeeper.\n\n“Please,” said Rosa.\n\n"
             "Anna sat down. The innkeeper poured the wine and smiled at her.\n\n“Drink up,” he said.\n\n")
    text = f"# Chapter 1\n\n{scene}# Chapter 2\n\n“Good night,” said the innkeeper."
    got = said(text, cast)
    assert [spk for _, spk, _ in got] == ["Tomas", "Rosa", "Tomas", "Rosa", "Tomas", "Bobby"]
    assert got[2][2] == 'explicit: "said innkeeper" = Tomas (as tagged)'


def test_a_tag_after_anchored_turns_does_not_re_alternate_them() -> None:
    # Tomas calls Hugo by name, so the next line is Hugo's; a tag two lines later gives a line to Marta, who
    # cuts in: Hugo keeps his answer instead of the turns before the tag making Marta Tomas's partner
    cast = Cast.from_characters([Character("Tomas", (), "male"), Character("Hugo", (), "male"),
                                 Character("Marta", (), "female")])
    text = ("“Hugo, is the cart loaded?” said Tomas.\n\n“Nearly.”\n\n“Then hurry.”\n\n{}“You both talk too much.”"
            "\n\n“Do we?”")
    assert [spk for _, spk, _ in said(text.format(""), cast)] == ["Tomas", "Hugo", "Tomas", "Hugo", "Tomas"]
    lines = said(text.format("[Marta]"), cast)
    assert [spk for _, spk, _ in lines] == ["Tomas", "Hugo", "Tomas", "Marta", "Tomas"]
    assert lines[3][2] == "tag"


def test_a_quote_after_a_tagged_one_goes_to_the_one_the_narration_between_names() -> None:
    # the producer tagged the first quote; the narration between the two names its own subject, who speaks
    # the second: not the tagged speaker, and the next line answers that one
    cast = Cast.from_characters([Character("Marta", (), "female"), Character("Hugo", (), "male")])
    text = ("“Where were you?” said Hugo.\n\n“Out,” said Marta.\n\n"
            "[Marta]“Home.” Hugo frowned. “We shall see.”\n\n“You doubt me?”")
    assert [spk for _, spk, _ in said(text, cast)] == ["Hugo", "Marta", "Marta", "Hugo", "Marta"]
    # a pronoun there is the tagged speaker's own "she said": the quote stays with the tag
    text = text.replace("Hugo frowned.", "she said.")
    assert [spk for _, spk, _ in said(text, cast)][3] == "Marta"
