"""Manuscript files -> chapters -> paragraphs -> narration and dialogue segments (pure, no speakers).

The manuscript syntax, as a writer sees it:

* Chapters are the files of ``manuscript/`` (``*.md``, ``*.txt``) in name order. A line ``# Title``
  starts a new chapter titled "Title"; so does, in a ``.txt`` file, a line of its own such as
  ``CHAPTER I.``, ``Chapter 12: The Storm`` or ``PART TWO`` (``headings.py``; titled
  "Chapter 1", "Chapter 12: The Storm", "Part Two"). A file without one is titled after its name
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
from audiobook.files import not_a_file, read_head
from audiobook.text.headings import heading
from audiobook.text.tokens import WORD_RE, words

SegmentKind = Literal["narration", "dialogue"]
ParagraphBreak = Literal["heading", "paragraph", "scene"]

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
DASHES = ("—", "―", "--", "–")
# Words that start with an apostrophe: a mark before them does not open a quote.
ELISIONS = frozenset(
    "em tis twas twere twill twould tisn taint cause bout round n nuff ere e im er ow til till ud d s t ave "
    "allo ello appen alf ard eard ome ouse oo".split()
)
SPEECH_VERBS = frozenset(
    """say says said saying ask asks asked asking reply replies replied replying answer answers answered
    cry cries cried exclaim exclaims exclaimed shout shouts shouted whisper whispers whispered mutter
    muttered murmur murmured murmurs call called calls add added adds continue continued continues return
    returned rejoin rejoined remark remarked observe observed repeat repeated begin began interrupt
    interrupted demand demanded inquire inquired enquire enquired retort retorted respond responded
    declare declared insist insisted explain explained suggest suggested protest protested sigh sighed
    laugh laughed groan groaned growl growled snap snapped yell yelled scream screamed sob sobbed stammer
    stammered falter faltered urge urged plead pleaded beg begged gasp gasped roar roared thunder
    thundered bellow bellowed drawl drawled sneer sneered admit admitted agree agreed assent assented
    persist persisted resume resumed conclude concluded venture ventured hiss hissed breathe breathed
    chuckle chuckled grumble grumbled mumble mumbled moan moaned wail wailed shriek shrieked warn warned
    announce announced propose proposed remonstrate remonstrated interpose interposed quoth intone intoned
    ejaculate ejaculated pursue pursued went go goes put broke cut told tell tells resumed echo echoed
    counter countered snarl snarled giggle giggled squeal squealed  chime chimed
    whimper whimpered grunt grunted bark barked reason reasoned cajole cajoled scold scolded
    speak speaks spoke""".split()
)

_TAG_RE = re.compile(r"\[([^\[\]\r\n]{1,60})\]")
_SCENE_RE = re.compile(r"^\s*(?:(?:\*\s*){3,}|⁂)\s*$")
_HEADING_RE = re.compile(r"^#[ \t]+(\S.*?)[ \t]*#*[ \t]*$")
_SUBHEADING_RE = re.compile(r"^#{2,6}[ \t]+")
_EMPHASIS_RE = re.compile(r"(?<![^\W_])[_*]+|[_*]+(?![^\W_])")
_SMALL_WORDS = frozenset("a an and as at but by for in of on or the to".split())


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


MAX_FILE_BYTES = 64 << 20       # a chapter file; the longest novels are 3-5 MB in all


def read_text(path: Path, label: str) -> str:
    """A chapter file's text; its first bytes are looked at before the whole is read (a 1 GB
    binary, a pipe or a device is reported, not read)."""
    what = not_a_file(path)
    if what is not None:
        raise ManuscriptError(f"{label}: {what}; a chapter must be a UTF-8 text file (or rename it)")
    try:
        data, size = read_head(path, 8192)
    except OSError as e:
        raise ManuscriptError(f"{label}: cannot read it ({e.strerror})") from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ManuscriptError(f"{label}: UTF-16 text; save it as UTF-8")
    if b"\x00" in data:
        raise ManuscriptError(f"{label}: a binary file, not text (a NUL byte at byte {data.index(0)}); "
                              f"manuscript files must be UTF-8 text")
    if size > MAX_FILE_BYTES:
        raise ManuscriptError(f"{label}: {size / 2**20:,.0f} MiB; a chapter file is at most "
                              f"{MAX_FILE_BYTES >> 20} MiB of text: split it")
    try:
        data, size = read_head(path, MAX_FILE_BYTES + 1)
    except OSError as e:
        raise ManuscriptError(f"{label}: cannot read it ({e.strerror})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ManuscriptError(f"{label}: not UTF-8 text (byte {e.start}); save it as UTF-8") from None


def title_from_filename(path: str) -> str:
    stem = Path(path).stem
    stem = re.sub(r"^[\d\s._-]+", "", stem)
    parts = [w for w in re.split(r"[\s._-]+", stem) if w]
    if not parts:
        return ""
    out = []
    for i, w in enumerate(parts):
        low = w.lower()
        out.append(low if i and low in _SMALL_WORDS else w[:1].upper() + w[1:])
    return " ".join(out)


# ------------------------------------------------------------------------------------------- parser
@dataclass
class _Block:
    start: int
    end: int
    line: int
    kind: Literal["text", "blank", "heading", "scene"]
    title: str = ""
    title_start: int = 0
    title_end: int = 0


@dataclass
class _Quote:
    open: int                 # offset of the opening mark
    start: int                # content span
    end: int
    close_end: int            # offset after the closing mark (== end when unclosed)
    closed: bool
    tag: str | None = None
    tag_start: int = -1


@dataclass
class _Style:
    mode: Literal["double", "single"]
    dash: bool


@dataclass
class _Parser:
    chapters: list[Chapter] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    quote_count: int = 0
    silent: set[int] = field(default_factory=set)    # offsets of quotation marks that are not spoken
    texts: dict[str, str] = field(default_factory=dict)

    def read_file(self, path: Path, source: str) -> None:
        self.parse(read_text(path, source), source)

    def parse(self, text: str, source: str) -> None:
        self.texts[source] = text
        self.text = text
        self.source = source
        self.silent = set()           # offsets into this file: the previous file's must not apply
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        blocks = self._blocks(text)
        self.style = _style(text, blocks)
        fallback = title_from_filename(source)
        current: list[_Block] = []
        title, t_start, t_end = fallback, 0, 0
        seen_heading = False
        for b in blocks:
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

    # -- blocks: paragraphs, headings, scene breaks
    def _blocks(self, text: str) -> list[_Block]:
        lines: list[tuple[int, int]] = []
        pos = 0
        for raw in text.splitlines(keepends=True):
            body = raw.rstrip("\r\n")
            lines.append((pos, pos + len(body)))
            pos += len(raw)
        if text.startswith("\ufeff") and lines:
            lines[0] = (1, lines[0][1])
        any_blank = any(not text[s:e].strip() for s, e in lines)
        plain = self.source.lower().endswith(".txt")
        blocks: list[_Block] = []
        for n, (s, e) in enumerate(lines, start=1):
            body = text[s:e]
            if not body.strip():
                blocks.append(_Block(s, e, n, "blank"))
                continue
            m = _HEADING_RE.match(body)
            if m:
                blocks.append(_Block(s, e, n, "heading", m.group(1), s + m.start(1), s + m.end(1)))
                continue
            alone = not any_blank or ((not blocks or blocks[-1].kind != "text")
                                      and (n == len(lines) or not text[slice(*lines[n])].strip()))
            h = heading(body) if plain and alone else None
            if h is not None and h.kind == "numbered":
                lead = len(body) - len(body.lstrip())
                blocks.append(_Block(s, e, n, "heading", h.spoken, s + lead, s + len(body.rstrip())))
                continue
            if _SCENE_RE.match(body):
                blocks.append(_Block(s, e, n, "scene"))
                continue
            if any_blank and blocks and blocks[-1].kind == "text":
                blocks[-1].end = e
            else:
                blocks.append(_Block(s, e, n, "text"))
        return blocks

    def _chapter(self, title: str, t_start: int, t_end: int, blocks: list[_Block]) -> None:
        number = len(self.chapters) + 1
        paragraphs: list[Paragraph] = []
        pending_scene = False
        open_quote: _Quote | None = None
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
    def _segments(self, b: _Block, nxt: _Block | None,
                  carried: _Quote | None) -> tuple[tuple[Segment, ...], _Quote | None]:
        start, end = b.start, b.end
        if _SUBHEADING_RE.match(self.text, start):
            start = _SUBHEADING_RE.match(self.text, start).end()  # type: ignore[union-attr]
        quotes = self._quotes(start, end)
        opened_by_previous = carried is not None
        still_open: _Quote | None = None
        if quotes and not quotes[-1].closed:
            q = quotes[-1]
            if nxt is not None and self._starts_with_opener(nxt):
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
                continued = opened_by_previous and k == 0 and q.open == self._first_char(start, end)
                out.append(Segment("dialogue", content, q.start, q.end, self.quote_count - 1, q.tag,
                                   continued=continued, open_end=not q.closed))
            pos = q.close_end
        self._narration(out, pos, end)
        return tuple(out), still_open

    def _narration(self, out: list[Segment], start: int, end: int) -> None:
        raw = self.text[start:end]
        marks = [i for i in self.silent if start <= i < end]
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

    def _first_char(self, start: int, end: int) -> int:
        raw = self.text[start:end]
        return start + len(raw) - len(raw.lstrip())

    def _starts_with_opener(self, b: _Block) -> bool:
        i = self._first_char(b.start, b.end)
        ch = self.text[i:i + 1]
        if self.style.mode == "double":
            return ch in DOUBLE_OPEN or ch == '"'
        return ch in SINGLE_OPEN or (ch == "'" and not self._elision(i))

    # -- quote scanning
    def _quotes(self, start: int, end: int) -> list[_Quote]:
        first = self._first_char(start, end)
        if self.style.dash:
            for d in DASHES:
                if self.text.startswith(d, first):
                    return _dash_quotes(self.text, first, len(d), end)
        found = self._scan(start, end)
        tags = {m.end(): m for m in _TAG_RE.finditer(self.text, start, end)}
        for q in found:
            m = tags.get(q.open)
            if m is not None:
                q.tag, q.tag_start = m.group(1).strip(), m.start()
        kept = []
        for q in found:
            if q.tag is not None or _is_utterance(self.text, q, start, end):
                kept.append(q)
            else:                                 # a scare quote or title: narration, marks not spoken
                self.silent.update((q.open, q.end))
        return kept

    def _scan(self, start: int, end: int) -> list[_Quote]:
        text = self.text
        double = self.style.mode == "double"
        quotes: list[_Quote] = []
        cur: int | None = None    # offset of the open mark
        i = start
        while i < end:
            ch = text[i]
            if double:
                is_open = ch in DOUBLE_OPEN
                is_close = ch in DOUBLE_CLOSE
                straight = ch == '"'
            else:
                is_open = ch in SINGLE_OPEN and not self._elision(i)
                is_close = ch in SINGLE_CLOSE
                straight = ch == "'"
            if not (is_open or is_close or straight):
                i += 1
                continue
            if cur is None:
                if is_open or (straight and self._may_open(i)) or (is_close and self._glued_opener(i)):
                    cur = i
                elif is_close and double:
                    self.warn(i, "closing quotation mark without an opening one; ignored")
            elif (is_open or straight) and double and (inner := self._nested(i, end)) is not None:
                i = inner + 1             # “I read “Emma” twice”: a quote inside the quote
                continue
            elif is_close or straight:
                if double or self._single_closes(i, end):
                    quotes.append(_Quote(cur, cur + 1, i, i + 1, True))
                    cur = None
            elif is_open:
                self.warn(cur, "unbalanced quotation mark: a new quote opens before this one closes")
                stop = i
                while stop > cur + 1 and text[stop - 1].isspace():
                    stop -= 1
                quotes.append(_Quote(cur, cur + 1, stop, stop, True))
                cur = i
            i += 1
        if cur is not None:
            stop = end
            while stop > cur + 1 and text[stop - 1].isspace():
                stop -= 1
            quotes.append(_Quote(cur, cur + 1, stop, stop, False))
        return quotes

    def _nested(self, i: int, end: int) -> int | None:
        """Inside a double-quoted quote, does the mark at i open a quote within it (a title, words
        repeated)? Yes when it is shaped as an opener and two closing marks follow before any other
        opening one: the inner quote's and the outer's. Returns the offset of the inner closing mark."""
        text = self.text
        if text[i] == '"' and not (i > 0 and text[i - 1].isspace() and text[i + 1:i + 2].isalnum()):
            return None
        closes = []
        for j in range(i + 1, end):
            ch = text[j]
            if ch in DOUBLE_OPEN or (ch == '"' and text[j - 1].isspace()):
                return None
            if ch in DOUBLE_CLOSE or ch == '"':
                closes.append(j)
                if len(closes) == 2:
                    return closes[0]
        return None

    def _elision(self, i: int) -> bool:
        """Is the mark at i an apostrophe starting an elided word ('em, ’tis)?"""
        m = WORD_RE.match(self.text, i + 1)
        return m is not None and m.group(0).lower().split("’")[0].split("'")[0] in ELISIONS \
            and (i == 0 or not self.text[i - 1].isalnum())

    def _may_open(self, i: int) -> bool:
        text = self.text
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if self.style.mode == "double":
            return not (prev.isalnum() or prev in ".,!?;:") or not (nxt.isspace())
        return not prev.isalnum() and not nxt.isspace() and not self._elision(i)

    def _glued_opener(self, i: int) -> bool:
        """A closing mark used as an opener: ``son—”I don’t``."""
        text = self.text
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return not prev.isalnum() and prev not in ".,!?;:" and nxt.isalnum() and not self._elision(i)

    def _single_closes(self, i: int, end: int) -> bool:
        """Does the single mark at i close the open quote, or is it an apostrophe?"""
        text = self.text
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if nxt.isalnum():
            return False                      # don’t, o’clock
        if not prev.isalnum():
            return True                       # ‘Go,’ / ‘Why?’
        # a letter before, no letter after: the boys’ / goin’ or a plain closing mark
        for j in range(i + 1, end):
            if text[j] in "’'" and not text[j - 1].isalnum() and not text[j - 1].isspace() \
                    and not (j + 1 < len(text) and text[j + 1].isalnum()):
                return False                  # a surer closing mark follows
        return True


def _dash_quotes(text: str, first: int, width: int, end: int) -> list[_Quote]:
    """A paragraph opened by a dash: speech up to the end, minus an inserted tag like ``, he said.``."""
    stop = end
    while stop > first and text[stop - 1].isspace():
        stop -= 1
    for d in DASHES:
        if text.endswith(d, first + width, stop):
            stop -= len(d)
            break
    quotes: list[_Quote] = []
    pos = first + width
    opened = first
    for m in _DASH_TAG_RE.finditer(text, pos, stop):
        tag_words = words(m.group("tag").lower())
        # the verb comes early in a tag ("Buck Mulligan told his face in the mirror.")
        if not any(w in SPEECH_VERBS for w in tag_words[:4 if len(tag_words) > 7 else 7]):
            continue
        q_end = m.start("tag")
        while q_end > pos and text[q_end - 1].isspace():
            q_end -= 1
        quotes.append(_Quote(opened, pos, q_end, q_end, True))
        pos = m.end("tag")
        while pos < stop and text[pos].isspace():
            pos += 1
        opened = pos
    if any(c.isalnum() for c in text[pos:stop]):
        quotes.append(_Quote(opened, pos, stop, stop, True))
    return quotes


# ", he said sternly." / "? Mulligan said." inside a dash paragraph: a short clause with a speech verb
_DASH_TAG_RE = re.compile(r"(?<=[,!?.…])\s+(?P<tag>[^\s,.!?;:—]+(?:\s+[^\s,.!?;:—]+){0,9}[.,:;])(?=\s|$)")


def _is_utterance(text: str, q: _Quote, p_start: int, p_end: int) -> bool:
    """Tell speech from scare quotes, titles and quoted words inside narration."""
    content = text[q.start:q.end]
    ws = words(content)
    if not ws:
        return False
    if not q.closed or len(ws) > 8:
        return True
    before = text[p_start:q.open].rstrip()
    if not before or before.endswith((":", "—", "-", "–")):
        return True                           # opens the paragraph, or after "said:" / a dash
    stripped = content.rstrip()
    if stripped.endswith(("?", "!", ",", "…", "—", "--", "-")):
        return True
    prior = words(before[-60:].lower())
    after = words(text[q.close_end:min(p_end, q.close_end + 40)].lower())[:3]
    # after a tag: "said Rosa, “...”", "said the man, licking his lips, “...”" or the second half of
    # "“...,” said her father; “she times them ill.”"
    if prior and (prior[-1] in SPEECH_VERBS or (before.endswith((",", ";")) and
                                                any(w in SPEECH_VERBS for w in prior[-6:]))):
        return True
    if any(w in SPEECH_VERBS for w in after):
        return True
    if before.endswith(('"', "”", "’", "'")):
        return True                           # one quote after another: a line of dialogue
    if before.endswith(",") and content[:1].isupper() and stripped.endswith((".", "!", "?")):
        return True                           # a whole sentence quoted: "namely, “He who strikes first ...”"
    return stripped.endswith(".") and before.endswith((".", "!", "?"))


def _style(text: str, blocks: list[_Block]) -> _Style:
    """How this file quotes dialogue: with double or single marks, and whether dash paragraphs are speech."""
    double_par = single_par = dash_par = 0
    for b in blocks:
        if b.kind != "text":
            continue
        raw = text[b.start:b.end].lstrip()
        ch = raw[:1]
        if ch in DOUBLE_OPEN or ch == '"' or (ch in DOUBLE_CLOSE and raw[1:2].isalnum()):
            double_par += 1
        elif (ch in SINGLE_OPEN or ch == "'") and raw[1:2].isalnum() \
                and WORD_RE.match(raw, 1) is not None \
                and (WORD_RE.match(raw, 1).group(0).lower() not in ELISIONS):  # type: ignore[union-attr]
            single_par += 1
        elif raw.startswith(DASHES) and raw[2:3].strip():
            dash_par += 1
    if double_par == single_par:
        double_marks = sum(text.count(c) for c in DOUBLE_OPEN) + text.count('"') // 2
        mode: Literal["double", "single"] = "single" if text.count("‘") > double_marks else "double"
    else:
        mode = "double" if double_par > single_par else "single"
    return _Style(mode, dash=dash_par >= 3 and dash_par > max(double_par, single_par))
