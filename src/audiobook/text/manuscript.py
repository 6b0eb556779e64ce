"""Manuscript files -> chapters -> paragraphs -> narration and dialogue segments (pure, no speakers).

The manuscript syntax, as a writer sees it:

* Chapters are the files of ``manuscript/`` (``*.md``, ``*.txt``) in name order. A line ``# Title``
  starts a new chapter titled "Title"; so does, in a ``.txt`` file, a line of its own such as
  ``CHAPTER I.``, ``Chapter 12: The Storm`` or ``PART TWO``, also with its title on the next line
  (``CHAPTER I.`` / ``The Mill Pond``), ``CHAPTER`` over its number, or a roman numeral alone where
  the file numbers its chapters I, II, III so (``blocks.py``, ``headings.py``; titled "Chapter 1",
  "Chapter 12: The Storm", "Part Two", "Chapter 1: The Mill Pond"). A file without one is titled after its name
  (``01-the-call.md`` -> "The Call"), or "Chapter N". ``#`` alone is not a heading; ``## Part`` is
  spoken as an ordinary paragraph.
* Paragraphs are separated by blank lines; single newlines inside a paragraph are spaces (hard
  wrapping is fine). A file with no blank line at all has one paragraph per line.
* A line of three or more asterisks (``***``, ``* * *``) or ``⁂`` is a scene break.
* Dialogue is what stands inside quotation marks: curly or straight double quotes (“…”, "…"), or,
  in books that quote with single marks, ‘…’ and '…' (apostrophes such as don’t, ’em and the boys’
  are told apart). Books whose dialogue paragraphs open with a dash (—, --) are read that way too.
  A quote inside a quote stays in the outer line. A quote may run over several paragraphs: leave
  it open at the end of each paragraph and open each following one with a quotation mark.
  Short quoted words inside narration (scare quotes, titles) stay narration.
* Speaker tag: ``[Name]`` written immediately before an opening quotation mark names the speaker
  of that quote and is never spoken: ``[Oliver]“I don’t have a mother.”``. Elsewhere square
  brackets are ordinary text.

Offsets are Python ``str`` indices into the file decoded as UTF-8 exactly as it is on disk (a BOM
counts as one character, CRLF as two), the way ``open(path, "rb").read().decode("utf-8")`` sees it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from audiobook.errors import ManuscriptError
from audiobook.text.blocks import Block, blocks
from audiobook.text.chapter_files import read_text, title_from_filename
from audiobook.text.quotes import Quote, QuoteFinder, first_char, style

SegmentKind = Literal["narration", "dialogue"]
ParagraphBreak = Literal["heading", "paragraph", "scene"]

_SUBHEADING_RE = re.compile(r"^#{2,6}[ \t]+")
_EMPHASIS_RE = re.compile(r"(?<![^\W_])[_*]+|[_*]+(?![^\W_])")


@dataclass(frozen=True)
class Segment:
    """A run of narration, or one quote, inside a paragraph."""

    kind: SegmentKind
    text: str                 # what is spoken: marks and tags removed, whitespace collapsed
    start: int                # file offsets; for dialogue the quote content without its marks
    end: int
    quote_id: int = -1        # dialogue: book-wide 0-based number of the quote; -1 for narration
    tag: str | None = None    # inline speaker tag ``[Name]`` before the quote
    continued: bool = False   # dialogue: continues the open quote of the previous paragraph
    open_end: bool = False    # dialogue: the quote had no closing mark in this paragraph


@dataclass(frozen=True)
class Paragraph:
    number: int               # 1-based within the chapter (the title is paragraph 0)
    start: int
    end: int
    line: int                 # 1-based line number in the file
    brk: ParagraphBreak
    segments: tuple[Segment, ...]
    raw: str                  # the paragraph's text as in the file (tags included)


@dataclass(frozen=True)
class Chapter:
    number: int               # 1-based within the book
    title: str
    source: str               # file relative to the book dir, "/" separators
    title_start: int          # span of the heading text (0, 0 for a title taken from the file name)
    title_end: int
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Manuscript:
    chapters: tuple[Chapter, ...]
    warnings: tuple[str, ...] = ()
    texts: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)   # source -> as parsed

    def quotes(self) -> Iterator[tuple[Chapter, Paragraph, Segment]]:
        for ch in self.chapters:
            for p in ch.paragraphs:
                for s in p.segments:
                    if s.kind == "dialogue":
                        yield ch, p, s


def spoken(raw: str) -> str:
    """The spoken form of a slice of manuscript: hard wraps joined, whitespace collapsed, emphasis marks gone."""
    return " ".join(_EMPHASIS_RE.sub("", raw).split())


def read_manuscript(files: list[Path], root: Path) -> Manuscript:
    """Parse the chapter files (in the given order) of the book at ``root``."""
    if not files:
        raise ManuscriptError(f"{root / 'manuscript'}: no chapter files (*.md, *.txt); add at least one")
    parser = _Parser()
    for path in files:
        before = len(parser.chapters)
        parser.read_file(path, _source(path, root))
        if not any(ch.paragraphs or ch.title_end for ch in parser.chapters[before:]):
            del parser.chapters[before:]          # not even a heading: no chapter
            parser.warnings.append(f"{_source(path, root)}: no text in this file; skipped")
    if not any(ch.paragraphs for ch in parser.chapters):
        raise ManuscriptError(f"{root / 'manuscript'}: the manuscript has no text")
    return Manuscript(tuple(parser.chapters), tuple(parser.warnings), parser.texts)


def parse_text(text: str, source: str = "manuscript/chapter.md") -> Manuscript:
    """Parse one file's text (for tests and tools)."""
    parser = _Parser()
    parser.parse(text, source)
    return Manuscript(tuple(parser.chapters), tuple(parser.warnings), parser.texts)


def _source(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# ------------------------------------------------------------------------------------------- parser
@dataclass
class _Parser:
    chapters: list[Chapter] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    quote_count: int = 0
    texts: dict[str, str] = field(default_factory=dict)

    def read_file(self, path: Path, source: str) -> None:
        self.parse(read_text(path, source), source)

    def parse(self, text: str, source: str) -> None:
        self.texts[source] = text
        self.text = text
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        found = blocks(text, plain=source.lower().endswith(".txt"))
        # this file's quotes; the offsets of its silent marks start empty (the previous file's must not apply)
        self.quotes = QuoteFinder(text, style(text, [(b.start, b.end) for b in found if b.kind == "text"]), self.warn)
        fallback = title_from_filename(source)
        current: list[Block] = []
        title, t_start, t_end = fallback, 0, 0
        seen_heading = False
        for b in found:
            if b.kind == "heading":
                if current or seen_heading:
                    self._chapter(title, t_start, t_end, current)
                current, seen_heading = [], True
                title, t_start, t_end = b.title, b.title_start, b.title_end
            else:
                current.append(b)
        if current or seen_heading:
            self._chapter(title, t_start, t_end, current)

    def lineno(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    def warn(self, offset: int, message: str) -> None:
        self.warnings.append(f"{self.source}:{self.lineno(offset)}: {message}")

    # -- a chapter's paragraphs
    def _chapter(self, title: str, t_start: int, t_end: int, blocks: list[Block]) -> None:
        number = len(self.chapters) + 1
        paragraphs: list[Paragraph] = []
        pending_scene = False
        open_quote: Quote | None = None
        texts = [b for b in blocks if b.kind in ("text", "scene")]
        for i, b in enumerate(texts):
            if b.kind == "scene":
                pending_scene = True
                continue
            nxt = texts[i + 1] if i + 1 < len(texts) and texts[i + 1].kind == "text" else None
            brk: ParagraphBreak = "heading" if not paragraphs else ("scene" if pending_scene else "paragraph")
            segments, open_quote = self._segments(b, nxt, open_quote)
            if segments:
                raw = self.text[b.start:b.end]
                paragraphs.append(Paragraph(len(paragraphs) + 1, b.start, b.end, b.line, brk, segments, raw))
                pending_scene = False
        self.chapters.append(Chapter(number, title or f"Chapter {number}", self.source, t_start, t_end,
                                     tuple(paragraphs)))

    # -- segments of one paragraph
    def _segments(self, b: Block, nxt: Block | None,
                  carried: Quote | None) -> tuple[tuple[Segment, ...], Quote | None]:
        start, end = b.start, b.end
        if _SUBHEADING_RE.match(self.text, start):
            start = _SUBHEADING_RE.match(self.text, start).end()  # type: ignore[union-attr]
        quotes = self.quotes.find(start, end)
        opened_by_previous = carried is not None
        still_open: Quote | None = None
        if quotes and not quotes[-1].closed:
            q = quotes[-1]
            if nxt is not None and self.quotes.opens(nxt.start, nxt.end):
                still_open = q
            else:
                self.warn(q.open, "unbalanced quotation mark: no closing mark in this paragraph; "
                                  "closed at the end of the paragraph")
        out: list[Segment] = []
        pos = start
        for k, q in enumerate(quotes):
            self._narration(out, pos, q.tag_start if q.tag is not None else q.open)
            content = spoken(self.text[q.start:q.end])
            if content:
                self.quote_count += 1
                continued = opened_by_previous and k == 0 and q.open == first_char(self.text, start, end)
                out.append(Segment("dialogue", content, q.start, q.end, self.quote_count - 1, q.tag,
                                   continued=continued, open_end=not q.closed))
            pos = q.close_end
        self._narration(out, pos, end)
        return tuple(out), still_open

    def _narration(self, out: list[Segment], start: int, end: int) -> None:
        raw = self.text[start:end]
        marks = [i for i in self.quotes.silent if start <= i < end]
        if marks:
            chars = list(raw)
            for i in marks:
                chars[i - start] = " " if (i == start or i + 1 == end) else ""
            text = spoken("".join(chars))
        else:
            text = spoken(raw)
        if not any(ch.isalnum() for ch in text):
            if any(unicodedata.category(ch)[0] in "SM" for ch in text):     # symbols, lone accents
                self.warn(start + len(raw) - len(raw.lstrip()), f"nothing to say in {text!r}; skipped")
            return
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        out.append(Segment("narration", text, start + lead, start + trail))

