"""The manuscript parser: chapters, paragraphs, quotes and their offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from audiobook.errors import ManuscriptError
from audiobook.text.chapter_files import title_from_filename
from audiobook.text.manuscript import parse_text, read_manuscript
from audiobook.text.tokens import words


def segs(text: str) -> list[tuple[str, str]]:
    ms = parse_text(text)
    return [(s.kind, s.text) for ch in ms.chapters for p in ch.paragraphs for s in p.segments]


def dialogue(text: str) -> list[str]:
    return [t for k, t in segs(text) if k == "dialogue"]


def test_curly_and_straight_double_quotes() -> None:
    assert segs("“Hello,” she said.") == [("dialogue", "Hello,"), ("narration", "she said.")]
    assert segs('"Hello," she said.') == [("dialogue", "Hello,"), ("narration", "she said.")]


def test_interrupted_quote_gives_two_dialogue_lines_and_narration_between() -> None:
    assert segs("“Well,” he said, “that is that.”") == [
        ("dialogue", "Well,"), ("narration", "he said,"), ("dialogue", "that is that.")]


def test_closing_mark_used_as_opener() -> None:
    assert segs("I came to see my son—”I don’t have a mother,” he replied.") == [
        ("narration", "I came to see my son—"), ("dialogue", "I don’t have a mother,"), ("narration", "he replied.")]


def test_british_single_quotes_and_apostrophes() -> None:
    text = "‘Don’t take ’em, it’s the boys’ toys,’ said Ann. ‘Go.’\n\n‘Why?’ asked Tom."
    assert dialogue(text) == ["Don’t take ’em, it’s the boys’ toys,", "Go.", "Why?"]


def test_straight_single_quotes_with_elisions() -> None:
    text = "'I won't go, 'tis late,' said Ann.\n\n'Then stay,' said Tom."
    assert dialogue(text) == ["I won't go, 'tis late,", "Then stay,"]


def test_nested_quote_stays_in_the_outer_line() -> None:
    assert dialogue("“She told me ‘never again’ and left,” he said.") == ["She told me ‘never again’ and left,"]


def test_multi_paragraph_quote() -> None:
    text = "“The first part.\n\n“The second part.\n\n“The end,” she said."
    ms = parse_text(text)
    qs = [s for _, _, s in ms.quotes()]
    assert [q.text for q in qs] == ["The first part.", "The second part.", "The end,"]
    assert [q.continued for q in qs] == [False, True, True]
    assert ms.warnings == ()


def test_unbalanced_quote_warns_with_file_and_line() -> None:
    ms = parse_text("Intro.\n\n“Never closed, he said.\n\nNarration.", "manuscript/x.md")
    assert [s.text for _, _, s in ms.quotes()] == ["Never closed, he said."]
    assert ms.warnings and ms.warnings[0].startswith("manuscript/x.md:3:")


def test_scare_quotes_and_titles_stay_narration() -> None:
    text = "He called it his “office” and sang “Greensleeves” every night."
    assert dialogue(text) == []
    assert segs(text)[0][1].split() == "He called it his office and sang Greensleeves every night.".split()


def test_a_line_of_dots_is_dialogue_only_with_a_tag_after_it() -> None:
    # a speaker who trails off into dots alone, tagged: a line of its own; dots with no tag stay narration
    assert dialogue("“. . . .” the porter murmured, and went back to his lamp.") == [". . . ."]
    assert dialogue("He wrote “. . .” in the margin and closed the book.") == []


def test_a_line_broken_off_by_an_aside_goes_on_as_dialogue() -> None:
    # the second half, in lower case after an untagged aside, is still the same speaker's line
    assert dialogue("“I only wanted” (Marta turned to the window) “a little more time.”") == [
        "I only wanted", "a little more time."]
    assert dialogue("“It was never” Anton rubbed his jaw “quite the plan.”") == ["It was never", "quite the plan."]
    # quoted terms joined by "and", a thought, or a term that runs on stay narration
    assert dialogue("“Go on,” Hugo wrote “yes” and “no” in the margin.") == ["Go on,"]
    assert dialogue("“The bridge,” Cleo thought, “was too narrow.”") == ["The bridge,"]
    assert dialogue("“Well,” said Ivo, who liked a “fair price” for his bread.") == ["Well,"]


def test_inline_tag_is_not_spoken() -> None:
    ms = parse_text("[Oliver]“I don’t have a mother.”\n\n[Note] this is narration.")
    (_, _, q), = ms.quotes()
    assert q.tag == "Oliver" and q.text == "I don’t have a mother."
    texts = [s.text for ch in ms.chapters for p in ch.paragraphs for s in p.segments]
    assert texts == ["I don’t have a mother.", "[Note] this is narration."]


def test_offsets_point_at_the_quote_content_with_bom_and_crlf() -> None:
    text = "\ufeff# Title\r\n\r\nSome text.\r\n“Hello there,” said Ann.\r\n\r\n“Bye.”\r\n"
    ms = parse_text(text)
    assert ms.chapters[0].title == "Title"
    ch = ms.chapters[0]
    assert text[ch.title_start:ch.title_end] == "Title"
    for _, _, q in ms.quotes():
        assert text[q.start:q.end] == q.text


def test_hard_wrapped_paragraphs_join_and_line_per_paragraph_files() -> None:
    ms = parse_text("One line\nwrapped here.\n\nNext paragraph.")
    assert [p.segments[0].text for p in ms.chapters[0].paragraphs] == ["One line wrapped here.", "Next paragraph."]
    ms = parse_text("First.\nSecond.\nThird.")
    assert len(ms.chapters[0].paragraphs) == 3


def test_headings_and_scene_breaks() -> None:
    ms = parse_text("# One\n\nA.\n\n* * *\n\nB.\n\n#\n\n# Two\n\nC.\n\n***\n\nD.", "manuscript/01-x.md")
    assert [c.title for c in ms.chapters] == ["One", "Two"]
    assert [p.brk for p in ms.chapters[0].paragraphs] == ["heading", "scene"]   # "#" alone is no heading
    assert [p.brk for p in ms.chapters[1].paragraphs] == ["heading", "scene"]


def test_dash_dialogue() -> None:
    text = "—Back to barracks! he said sternly.\n\n—Thanks, old chap, he cried. That will do.\n\n—Yes.\n\nHe left."
    assert segs(text) == [
        ("dialogue", "Back to barracks!"), ("narration", "he said sternly."),
        ("dialogue", "Thanks, old chap,"), ("narration", "he cried."), ("dialogue", "That will do."),
        ("dialogue", "Yes."), ("narration", "He left.")]


def test_no_words_lost() -> None:
    text = "# T\n\n“A,” he said, “b” “c.”\n\n‘Odd’ one. He said: “Go!” “Now!” — she left.\n\n[Ann]“Hi.”"
    ms = parse_text(text)
    spoken = " ".join(s.text for ch in ms.chapters for p in ch.paragraphs for s in p.segments)
    assert words(spoken) == words(text.replace("# T", "").replace("[Ann]", ""))


def test_title_from_filename() -> None:
    assert title_from_filename("01-the-call.md") == "The Call"
    assert title_from_filename("1342_pride_and_prejudice.txt") == "Pride and Prejudice"
    assert title_from_filename("007.md") == ""


def test_errors(tmp_path: Path) -> None:
    (tmp_path / "manuscript").mkdir()
    bad = tmp_path / "manuscript" / "a.md"
    bad.write_bytes(b"ok \xff\xfe bad")
    with pytest.raises(ManuscriptError, match=r"a.md: not UTF-8 text \(byte 3\)"):
        read_manuscript([bad], tmp_path)
    bad.write_bytes(b"\x00\x01\x02")
    with pytest.raises(ManuscriptError, match="binary"):
        read_manuscript([bad], tmp_path)
    bad.write_text("   \n\n")
    with pytest.raises(ManuscriptError, match="no text"):
        read_manuscript([bad], tmp_path)
    with pytest.raises(ManuscriptError, match="no chapter files"):
        read_manuscript([], tmp_path)


def test_chapter_lines_of_a_plain_text_file_start_chapters_as_headings_do() -> None:
    text = ("CHAPTER I. The Gate\n\nThe gate was shut.\n\nChapter 2\n\nIt opened at noon.\n"
            "Chapter 3 was read aloud by nobody, this line says.\n\nPART TWO--The Field\n\nCHAPTER III\n\nGrass.\n")
    txt = parse_text(text, "manuscript/book.txt")
    assert [c.title for c in txt.chapters] == ["Chapter 1: The Gate", "Chapter 2", "Part Two: The Field", "Chapter 3"]
    assert [len(c.paragraphs) for c in txt.chapters] == [1, 1, 0, 1]
    first = txt.chapters[0]
    assert text[first.title_start:first.title_end] == "CHAPTER I. The Gate"
    assert "Chapter 3 was read aloud" in txt.chapters[1].paragraphs[0].raw      # a sentence, not a heading
    md = parse_text(text, "manuscript/book.md")                                  # Markdown: only "# " starts one
    assert [c.title for c in md.chapters] == ["Book"]


def test_roman_numerals_alone_number_the_chapters_of_a_file_that_counts_them_so() -> None:
    text = "I\n\nThe bell rang.\n\nII\n\nNobody came.\n\nIII.\n\nIt rang again. Then\nI\nheard it.\n"
    txt = parse_text(text, "manuscript/book.txt")
    assert [c.title for c in txt.chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]
    assert [p.raw for p in txt.chapters[2].paragraphs] == ["It rang again. Then\nI\nheard it."]   # not alone
    # numerals that do not count 1, 2, 3 in order, or a file with CHAPTER lines, keep them as text
    assert len(parse_text("II\n\nA.\n\nI\n\nB.\n\nIII\n\nC.\n", "manuscript/b.txt").chapters) == 1
    assert [c.title for c in parse_text("CHAPTER I\n\nI\n\nA.\n\nII\n\nB.\n\nIII\n\nC.\n",
                                        "manuscript/b.txt").chapters] == ["Chapter 1"]


def test_numerals_under_part_headings_and_a_chapter_word_over_its_number_start_chapters() -> None:
    text = "BOOK I\n\nI.\n\nA bell.\n\nII.\n\nA door.\n\nBOOK II\n\nIII.\n\nA key.\n"
    assert [c.title for c in parse_text(text, "manuscript/b.txt").chapters] == [
        "Book 1", "Chapter 1", "Chapter 2", "Book 2", "Chapter 3"]
    text = "          CHAPTER\n             7\n\nThe boat left.\n\nCHAPTER\n8\n\nIt came back.\n"
    txt = parse_text(text, "manuscript/b.txt")
    assert [c.title for c in txt.chapters] == ["Chapter 7", "Chapter 8"]
    assert [p.raw for p in txt.chapters[0].paragraphs] == ["The boat left."]


def test_a_chapter_line_with_its_title_on_the_next_line_starts_a_chapter() -> None:
    # the layout of most plain-text novels: "CHAPTER I." then the chapter's name, then a blank line
    text = ("CHAPTER I.\nThe Mill Pond\n\nThe water was still.\n\nCHAPTER II.\nA LETTER FROM TOWN\n\n"
            "It came at noon.\n\nChapter 3\nwas never written, the author said later.\n\nNor was it.\n")
    txt = parse_text(text, "manuscript/book.txt")
    assert [c.title for c in txt.chapters] == ["Chapter 1: The Mill Pond", "Chapter 2: A Letter from Town"]
    assert text[txt.chapters[0].title_start:txt.chapters[0].title_end] == "CHAPTER I.\nThe Mill Pond"
    assert [p.raw for p in txt.chapters[0].paragraphs] == ["The water was still."]
    assert "Chapter 3\nwas never written" in txt.chapters[1].paragraphs[1].raw       # a sentence, not a title
