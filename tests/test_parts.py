"""Chapters longer than a file may hold (ACX: 120 minutes) are read as near-equal parts, cut at
scene or paragraph breaks, announced at validation with their estimated length."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audiobook.book import load_book
from audiobook.build import BuildOptions, build
from audiobook.model import Script
from audiobook.text.parts import split_long_chapters
from audiobook.text.script import build_script

from conftest import make_book, run_cli


def paragraphs(n: int, scene_after: int | None = None) -> str:
    out = []
    for i in range(1, n + 1):
        out.append(f"Paragraph {i} goes on for a little while, as paragraphs in a long chapter do.")
        if scene_after == i:
            out.append("* * *")
    return "\n\n".join(out)


def script_of(tmp_path: Path, text: str) -> Script:
    return build_script(load_book(make_book(tmp_path / "b", {"01.md": text})))


def test_a_long_chapter_becomes_the_fewest_near_equal_parts_and_later_chapters_follow_on(tmp_path: Path) -> None:
    script = script_of(tmp_path, f"# Long\n\n{paragraphs(10)}\n\n# After\n\nThe end.\n")
    split = split_long_chapters(script, lambda ln: 1.0 if ln.brk != "title" else 0.0, 4.0)   # 10 s of lines
    titles = [c.title for c in split.script.chapters]
    assert titles == ["Long, part 1 of 3", "Long, part 2 of 3", "Long, part 3 of 3", "After"]
    sizes = [len(c.lines) - 1 for c in split.script.chapters[:3]]
    assert sizes == [3, 4, 3] or sizes == [3, 3, 4] or sizes == [4, 3, 3]
    assert [c.number for c in split.script.chapters] == [1, 2, 3, 4]
    for ch in split.script.chapters:
        assert [ln.chapter for ln in ch.lines] == [ch.number] * len(ch.lines)
        assert [ln.index for ln in ch.lines] == list(range(len(ch.lines)))
        assert ch.lines[0].brk == "title" and ch.lines[0].text == ch.title and ch.lines[1].brk == "heading"
    spoken = [ln.text for ch in split.script.chapters[:3] for ln in ch.lines[1:]]
    assert spoken == [ln.text for ln in script.chapters[0].lines[1:]]          # every line, in order, once
    assert len(split.notes) == 1 and "chapter 1 \"Long\" is about 0.2 minutes" in split.notes[0]
    assert split.notes[0].startswith("manuscript/01.md:1: ") and "read as 3 parts" in split.notes[0]


@pytest.mark.parametrize("scene_after, first_part", [(19, 19), (15, 20), (None, 20)])
def test_a_scene_break_near_the_middle_wins_over_the_exact_middle_but_not_one_far_from_it(
        tmp_path: Path, scene_after: int | None, first_part: int) -> None:
    script = script_of(tmp_path, f"# Long\n\n{paragraphs(40, scene_after=scene_after)}\n")
    split = split_long_chapters(script, lambda ln: 1.0 if ln.brk != "title" else 0.0, 24.0)
    first, second = split.script.chapters
    assert len(first.lines) - 1 == first_part and second.lines[1].text.startswith(f"Paragraph {first_part + 1} ")
    assert split_long_chapters(script, lambda ln: 1.0, 0).script == script      # 0: never split


def test_a_build_reads_a_too_long_chapter_as_parts_each_under_the_limit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "b", {"01-long.md": f"# The Long One\n\n{paragraphs(18, scene_after=9)}\n",
                                      "02-short.md": "# Short\n\nDone.\n"})
    with open(book / "manuscript" / "book.yaml", "a", encoding="utf-8") as f:
        f.write("max_file_minutes: 1.0\n")
    code, out, err = run_cli(["validate", "--book", str(book)], capsys, monkeypatch)
    note = re.search(r'chapter 1 "The Long One" is about ([\d.]+) minutes .* read as (\d) parts of about', err)
    assert code == 0 and note, err
    estimated, parts = float(note.group(1)), int(note.group(2))
    assert parts == 2 and out.startswith("ok: 3 chapters")
    report = build(book, BuildOptions(jobs=1))
    assert [c.title for c in report.chapters] == ["The Long One, part 1 of 2", "The Long One, part 2 of 2", "Short"]
    assert all(c.duration_s <= 60 for c in report.chapters)
    measured = sum(c.duration_s for c in report.chapters[:2]) / 60
    assert measured == pytest.approx(estimated, rel=0.1)
    assert report.words_total == report.words_spoken
    code, out, _ = run_cli(["check", "--book", str(book)], capsys, monkeypatch)
    assert "01 - The Long One, part 1 of 2.mp3" in out and "02 - The Long One, part 2 of 2.mp3" in out


def test_nothing_is_split_under_the_limit(tmp_path: Path) -> None:
    book = make_book(tmp_path / "b")
    assert [c.title for c in build(book, BuildOptions(jobs=1)).chapters] == ["The First", "The Second"]
