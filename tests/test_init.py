"""``audiobook init``: an EPUB (made here with ebooklib, and by pandoc), a Project Gutenberg text
and a Markdown file each become a book whose build says every word of every chapter, under the
right titles, with the cover."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from audiobook.audio.export import ffmpeg
from audiobook.book import load_book
from audiobook.build import BuildOptions, build, prepare
from audiobook.cover import image_size
from audiobook.importers import SourceError, init_book
from audiobook.text.headings import heading
from audiobook.text.script import build_script

from conftest import TEST_PROFILE, run_cli

CHAPTERS = [   # (title in the navigation, heading in the document, paragraphs)
    ("Chapter One: The Lamp", "Chapter One", [
        "The lamp had burned all night in the window of the keeper’s house.",
        "“Who lit it?” asked Mara. “Nobody has been up here since spring.”",
        "Tobias shrugged and said nothing at all."]),
    ("Chapter Two: The Tide", "Chapter Two", [
        "At dawn the tide came in faster than either of them had expected.",
        "“Run,” said Tobias, “or we will both be swimming home.”"]),
    ("Chapter Three: The Keeper", "Chapter Three", [
        "The keeper was waiting for them at the top of the stairs, holding the key.",
        "Nobody spoke for a long time, and then the lamp went out."]),
]


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def script_words(root: Path) -> dict[str, list[str]]:
    """Chapter title -> the words its script speaks after the title (in order)."""
    sc = build_script(load_book(root))
    return {ch.title: [w for ln in ch.lines if ln.index > 0 for w in words(ln.text)] for ch in sc.chapters}


def with_test_voices(root: Path) -> BuildOptions:
    (root / "voices" / "test.yaml").write_text(TEST_PROFILE, encoding="utf-8")
    return BuildOptions(profile="test", jobs=1)


def tall_jpeg(path: Path) -> bytes:
    """A 300x450 JPEG, as EPUB covers usually are (not square)."""
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=navy:s=300x450", "-frames:v", "1",
                    str(path)], check=True)
    return path.read_bytes()


def make_epub(path: Path, cover: bytes) -> None:
    from ebooklib import epub

    b = epub.EpubBook()
    b.set_identifier("lantern-keeper-test")
    b.set_title("The Lantern Keeper")
    b.set_language("en-GB")
    b.add_author("Mara Quill")
    b.set_cover("images/cover.jpg", cover)
    front = [
        epub.EpubHtml(title="Title Page", file_name="title.xhtml",
                      content='<html><body><section epub:type="titlepage"><h1>The Lantern Keeper</h1>'
                              "<p>Mara Quill</p></section></body></html>"),
        epub.EpubHtml(title="Copyright", file_name="copyright.xhtml",
                      content="<html><body><p>Copyright 2026 Mara Quill. All rights reserved.</p></body></html>"),
        epub.EpubHtml(title="Dedication", file_name="dedication.xhtml",
                      content="<html><body><p>For my sister, who kept the light.</p></body></html>"),
    ]
    chapters = []
    for n, (nav_title, head, paras) in enumerate(CHAPTERS, start=1):
        body = f"<h1>{head}</h1>" + "".join(f"<p>{p}</p>" for p in paras)
        if n == 2:
            body = body.replace("faster than", "<em>faster</em> than") + "<hr/>"
        chapters.append(epub.EpubHtml(title=nav_title, file_name=f"text/ch{n}.xhtml",
                                      content=f"<html><body>{body}</body></html>"))
    for item in front + chapters:
        b.add_item(item)
    b.toc = [epub.Link(i.file_name, i.title, i.file_name.replace("/", "-")) for i in front + chapters]
    b.add_item(epub.EpubNcx())
    b.add_item(epub.EpubNav())
    b.spine = ["cover", "nav", *front, *chapters]
    epub.write_epub(str(path), b)


def test_an_epub_made_by_ebooklib_becomes_a_book_with_its_chapters_titles_and_cover(tmp_path: Path) -> None:
    source = tmp_path / "lantern.epub"
    make_epub(source, tall_jpeg(tmp_path / "tall.jpg"))
    root = tmp_path / "book"
    report = init_book(root, source)
    assert [c.title for c in report.chapters] == [t for t, _, _ in CHAPTERS]
    assert [c.file for c in report.chapters] == ["manuscript/01-chapter-one-the-lamp.md",
                                                 "manuscript/02-chapter-two-the-tide.md",
                                                 "manuscript/03-chapter-three-the-keeper.md"]
    skipped = "\n".join(report.book.skipped)
    for kind in ("title page", "copyright page", "dedication", "contents"):
        assert f"({kind}," in skipped
    book = load_book(root)
    assert (book.title, book.author, book.language) == ("The Lantern Keeper", "Mara Quill", "en")
    assert book.cover is not None and image_size(book.cover.read_bytes()) == ("jpeg", 450, 450)   # padded
    said = script_words(root)
    assert list(said) == [t for t, _, _ in CHAPTERS]
    for title, _, paras in CHAPTERS:
        assert said[title] == words(" ".join(paras))            # every word, in order, nothing else
    text = "\n".join(report.summary())
    assert "3 chapters" in text and "Next: audiobook build --book" in text and "Mara (" in text

    prepare(root, BuildOptions())        # the starter voices/default.yaml is a valid profile
    result = build(root, with_test_voices(root))
    assert [c.title for c in result.chapters] == [t for t, _, _ in CHAPTERS]
    assert sorted(p.name for p in (root / "output").glob("*.mp3")) == [
        "01 - Chapter One The Lamp.mp3", "02 - Chapter Two The Tide.mp3", "03 - Chapter Three The Keeper.mp3",
        "The Lantern Keeper.mp3"]
    assert result.words_total == result.words_spoken
    (apic,) = ID3(root / result.book_files[0]).getall("APIC")
    assert apic.data == book.cover.read_bytes()


def test_front_matter_is_kept_when_asked(tmp_path: Path) -> None:
    source = tmp_path / "lantern.epub"
    make_epub(source, tall_jpeg(tmp_path / "tall.jpg"))
    report = init_book(tmp_path / "book", source, keep_front_matter=True)
    assert [c.title for c in report.chapters] == ["Title Page", "Copyright", "Dedication",
                                                  *(t for t, _, _ in CHAPTERS)]


GUTENBERG = """\
The Project Gutenberg eBook of The Mill at Hollow End

This eBook is for the use of anyone anywhere in the United States and
most other parts of the world at no cost and with almost no restrictions
whatsoever.

Title: The Mill at Hollow End

Author: Edith Marlow

Release date: March 1, 2026 [eBook #99999]

Language: English

*** START OF THE PROJECT GUTENBERG EBOOK THE MILL AT HOLLOW END ***

Produced by a volunteer at Distributed Proofreaders

THE MILL AT HOLLOW END

By Edith Marlow

CONTENTS

 CHAPTER I.    THE MILLER'S DAUGHTER
 CHAPTER II.   A STRANGER ON THE ROAD
 CHAPTER III.  FLOOD


CHAPTER I.
THE MILLER'S DAUGHTER

The mill at Hollow End had stood by the river for two hundred years, and
in all that time it had never once stopped turning. Ellen Marlow knew
every board of it.

"Father," said Ellen, "the wheel is slowing."

"It will turn," answered the miller. "It always has."

* * * * *

That night the river was quiet.


CHAPTER II.

A STRANGER ON THE ROAD

A man came walking down the road at noon, with a pack on his back and
no hat upon his head.

"Is this the mill?" he asked.


CHAPTER III.

The rain began on Tuesday and did not stop until the following week,
and by then the river had come up over the lower field.

THE END

*** END OF THE PROJECT GUTENBERG EBOOK THE MILL AT HOLLOW END ***

Updated editions will replace the previous one--the old editions will
be renamed.
"""
GUTENBERG_CHAPTERS = ["Chapter 1: The Miller's Daughter", "Chapter 2: A Stranger on the Road", "Chapter 3"]


def _chapter_words(text: str, start: str, end: str) -> list[str]:
    begin = text.index(start)
    body = text[begin:text.index(end, begin)]
    body = "\n".join(ln for ln in body.splitlines()[1:] if not ln.startswith("* *"))
    return words(body)


def test_a_gutenberg_text_becomes_a_book_without_header_licence_or_contents(tmp_path: Path) -> None:
    source = tmp_path / "pg99999.txt"
    source.write_text(GUTENBERG, encoding="utf-8")
    root = tmp_path / "mill"
    report = init_book(root, source)
    assert [c.title for c in report.chapters] == GUTENBERG_CHAPTERS
    book = load_book(root)
    assert (book.title, book.author, book.language, book.cover) == ("The Mill at Hollow End", "Edith Marlow",
                                                                     "en", None)
    said = script_words(root)
    assert list(said) == GUTENBERG_CHAPTERS
    assert said[GUTENBERG_CHAPTERS[0]] == _chapter_words(GUTENBERG, "THE MILLER'S DAUGHTER\n\n", "CHAPTER II.")
    assert said[GUTENBERG_CHAPTERS[1]] == _chapter_words(GUTENBERG, "A STRANGER ON THE ROAD\n\n", "CHAPTER III.")
    assert said[GUTENBERG_CHAPTERS[2]] == _chapter_words(GUTENBERG, "CHAPTER III.\n\n", "*** END")
    first = (root / report.chapters[0].file).read_text(encoding="utf-8")
    assert "for two hundred years, and in all that time" in first       # hard wraps re-flowed
    assert "cover: none found; ACX needs one" in "\n".join(report.summary())

    result = build(root, with_test_voices(root))
    assert [c.title for c in result.chapters] == GUTENBERG_CHAPTERS
    assert result.words_total == result.words_spoken


@pytest.mark.parametrize("fmt", ["epub3", "epub2"])
def test_an_epub_made_by_pandoc_becomes_a_book(tmp_path: Path, fmt: str) -> None:
    pandoc = shutil.which("pandoc")
    assert pandoc, "pandoc is not installed: `make test` installs it (apt-get install pandoc)"
    md = tmp_path / "src.md"
    md.write_text("---\ntitle: The Lantern Keeper\nauthor: Mara Quill\nlang: en-US\n---\n\n"
                  + "".join(f"# {t}\n\n" + "\n\n".join(p.replace("’", "'") for p in ps) + "\n\n"
                            for t, _, ps in CHAPTERS), encoding="utf-8")
    cover = tmp_path / "tall.jpg"
    tall_jpeg(cover)
    source = tmp_path / "lantern.epub"
    subprocess.run([pandoc, str(md), "-t", fmt, "-o", str(source), f"--epub-cover-image={cover}"], check=True)
    root = tmp_path / "book"
    report = init_book(root, source)
    assert report.book.kind == ("EPUB 3" if fmt == "epub3" else "EPUB 2")
    assert [c.title for c in report.chapters] == [t for t, _, _ in CHAPTERS]
    assert any("title page" in s for s in report.book.skipped)
    said = script_words(root)
    for title, _, paras in CHAPTERS:
        assert said[title] == words(" ".join(paras))
    book = load_book(root)
    assert book.cover is not None and image_size(book.cover.read_bytes()) == ("jpeg", 450, 450)
    if fmt == "epub3":
        result = build(root, with_test_voices(root))
        assert [c.title for c in result.chapters] == [t for t, _, _ in CHAPTERS]
        assert ID3(root / result.book_files[0]).getall("APIC")[0].data == book.cover.read_bytes()


def test_markdown_with_front_matter_and_one_title_heading(tmp_path: Path) -> None:
    md = tmp_path / "novel.md"
    md.write_text("---\ntitle: Small Hours\nauthor: [A. One, B. Two]\n---\n# Small Hours\n\nA note first.\n\n"
                  "## Midnight\n\nIt was [late](https://example.com) and *dark*.\n\n---\n\n- Then morning.\n\n"
                  "## Dawn\n\n> Light came.\n", encoding="utf-8")
    report = init_book(tmp_path / "b", md)
    assert report.book.title == "Small Hours" and report.book.author == "A. One and B. Two"
    assert [c.title for c in report.chapters] == ["Midnight", "Dawn"]
    assert report.book.chapters[0].paragraphs == ["It was late and *dark*.", "* * *", "Then morning."]
    assert script_words(tmp_path / "b")["Dawn"] == ["light", "came"]


def test_init_never_replaces_a_book_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "pg.txt"
    source.write_text(GUTENBERG, encoding="utf-8")
    code, out, err = run_cli(["init", str(tmp_path / "b"), "--from", str(source)], capsys, monkeypatch)
    assert code == 0 and "3 chapters" in out and f"Next: audiobook build --book {tmp_path / 'b'}" in out
    chapter = tmp_path / "b" / "manuscript" / "01-chapter-1-the-miller-s-daughter.md"
    chapter.write_text("# Mine\n\nMy own edit.\n", encoding="utf-8")
    code, out, err = run_cli(["init", str(tmp_path / "b"), "--from", str(source)], capsys, monkeypatch)
    assert code == 2 and "already holds a book" in err and "--force" in err and "Traceback" not in err
    assert chapter.read_text(encoding="utf-8") == "# Mine\n\nMy own edit.\n"
    code, out, err = run_cli(["init", str(tmp_path / "b"), "--from", str(source), "--force"], capsys, monkeypatch)
    assert code == 0 and chapter.read_text(encoding="utf-8").startswith("# Chapter 1: The Miller's Daughter")


def test_a_file_that_is_not_a_book_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.epub"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SourceError, match="broken.epub: not a readable EPUB"):
        init_book(tmp_path / "b", bad)


@pytest.mark.parametrize("line, title, rest", [
    ("CHAPTER I.", "Chapter 1", ""),
    ("Chapter 12: The Storm", "Chapter 12", "The Storm"),
    ("CHAPTER THE FIRST", "Chapter the First", ""),
    ("CHAPTER XIV. THE RETURN OF THE KING", "Chapter 14", "The Return of the King"),
    ("Chapter Twenty-One", "Chapter Twenty-One", ""),
    ("PART TWO", "Part Two", ""),
    ("BOOK IV", "Book 4", ""),
    ("PREFACE", "Preface", ""),
])
def test_chapter_headings_of_plain_text(line: str, title: str, rest: str) -> None:
    h = heading(line)
    assert h is not None and (h.title, h.rest) == (title, rest)


@pytest.mark.parametrize("line", ["Part two of the plan had failed, and he knew it,", "chapter 1",
                                  "CHAPTER", "Chapter and verse were quoted at him."])
def test_sentences_are_not_headings(line: str) -> None:
    assert heading(line) is None


def test_parts_lead_their_first_chapter_and_bare_numerals_count_when_the_book_uses_them(tmp_path: Path) -> None:
    from audiobook.importers.text import read_text_book

    text = "PART ONE\n\nCHAPTER 1\n\nFirst words here.\n\nCHAPTER 2\n\nSecond words.\n\nPART TWO\n\n" \
           "CHAPTER 3\n\nThird words.\n"
    assert [c.title for c in read_text_book(text, "x.txt").chapters] == [
        "Part One. Chapter 1", "Chapter 2", "Part Two. Chapter 3"]
    bare = "I.\n\nOne.\n\nII.\n\nTwo.\n\nIII.\n\nThree.\n"
    assert [c.title for c in read_text_book(bare, "x.txt").chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]


def test_a_plain_text_manuscript_with_chapter_lines_builds_as_chapters_saying_every_word(tmp_path: Path) -> None:
    from conftest import make_book

    root = make_book(tmp_path / "b", {"book.txt": "CHAPTER I.\n\nDaniel came home.\n\nCHAPTER II. THE NIGHT\n\n"
                                                  "“Only me,” said Liana.\n"})
    result = build(root, BuildOptions(jobs=1))
    assert [c.title for c in result.chapters] == ["Chapter 1", "Chapter 2: The Night"]
    assert result.words_total == result.words_spoken == 13     # headings count as said
