"""Plain-text books: Project Gutenberg's header and licence stripped, chapter headings found
(``headings.py``), hard-wrapped lines joined into paragraphs, text before the first chapter
(title page, contents) kept apart as front matter."""

from __future__ import annotations

import re
from dataclasses import dataclass

from audiobook.importers.model import SCENE, ImportedBook, ImportedChapter, clean, with_front
from audiobook.text.headings import LEVEL_PART, Heading, heading, is_subtitle, title_case

_PG_START = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK.*$", re.I | re.M)
_PG_END = re.compile(r"^(?:\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK.*"
                     r"|End of (?:the )?Project Gutenberg'?s? .*)$", re.I | re.M)
_PG_FIELD = re.compile(r"^(Title|Author|Language):[ \t]*(.+)$", re.M)
_SCENE = re.compile(r"^\s*(?:(?:\*\s*){3,}|(?:-\s*){5,}|⁂)\s*$")
_CREDIT = re.compile(r"^(?:Produced by|E-?text prepared by|Transcriber'?s? Note)", re.I)
LANGUAGES = {"english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it",
             "portuguese": "pt", "dutch": "nl", "finnish": "fi", "swedish": "sv", "danish": "da",
             "norwegian": "no", "latin": "la", "russian": "ru", "polish": "pl", "chinese": "zh"}


@dataclass
class _Block:
    lines: list[str]
    line: int                     # 1-based line number of its first line in the source


def read_text_book(text: str, name: str, keep_front_matter: bool = False) -> ImportedBook:
    """The book in ``text`` (the file's contents; ``name`` for messages and the fallback title)."""
    book = ImportedBook(kind="plain text")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    offset = 0
    start, end = _PG_START.search(text), _PG_END.search(text)
    if start:
        book.kind = "plain text (Project Gutenberg)"
        header = text[: start.start()]
        for key, value in _PG_FIELD.findall(header):
            value = clean(value)
            if key == "Title":
                book.title = value
            elif key == "Author":
                book.author = value
            else:
                book.language = LANGUAGES.get(value.lower(), "")
        offset = text.count("\n", 0, start.end()) + 1
        stop = end.start() if end and end.start() > start.end() else len(text)
        skipped = len(text[stop:].split())
        book.skipped.append(f"Project Gutenberg header ({offset} lines) and licence ({skipped:,} words)")
        text = text[start.end(): stop]
    blocks = _blocks(text, offset)
    _chapters(book, blocks, keep_front_matter)
    return book


def _blocks(text: str, offset: int) -> list[_Block]:
    lines = text.split("\n")
    any_blank = sum(1 for ln in lines if not ln.strip()) >= 2
    out: list[_Block] = []
    current: _Block | None = None
    for n, ln in enumerate(lines, start=offset + 1):
        if not ln.strip():
            current = None
            continue
        if _SCENE.match(ln):
            out.append(_Block([SCENE], n))
            current = None
            continue
        if current is None or not any_blank:
            current = _Block([], n)
            out.append(current)
        current.lines.append(ln)
    return out


def _chapters(book: ImportedBook, blocks: list[_Block], keep_front_matter: bool) -> None:
    bare = sum(1 for b in blocks if len(b.lines) == 1 and heading(b.lines[0], True) is not None) >= 3 \
        and not any(_heading_of(b, False) for b in blocks)
    front = ImportedChapter("Front Matter", [], "before the first chapter")
    current: ImportedChapter | None = None
    part: Heading | None = None          # a part heading waiting for its first chapter
    found: list[ImportedChapter] = []
    back = False
    consumed: set[int] = set()
    for i, b in enumerate(blocks):
        if i in consumed:
            continue
        h = _heading_of(b, bare)
        if h is not None:
            head, subtitle = h
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if (not head.rest and not subtitle and nxt is not None and len(nxt.lines) == 1
                    and heading(nxt.lines[0], bare) is None and is_subtitle(nxt.lines[0])):
                subtitle = title_case(nxt.lines[0])          # "CHAPTER I" <blank> "LOOMINGS"
                consumed.add(i + 1)
            title = head.title + (f": {head.rest}" if head.rest else "") + (f": {subtitle}" if subtitle else "")
            if head.level == LEVEL_PART:
                part = Heading(head.level, title, "")
                current = ImportedChapter(title, [], f"line {b.line}")
                found.append(current)
                continue
            if part is not None and current is not None and not current.paragraphs:
                found.remove(current)             # the part has no text of its own: its title leads
                title = f"{part.title}. {title}"
            part = None
            back = head.back_matter
            current = ImportedChapter(title, [], f"line {b.line}")
            found.append(current)
            if back:
                current.origin = "back matter"
            continue
        para = SCENE if b.lines == [SCENE] else clean(" ".join(b.lines))
        target = current if current is not None else front
        if target is front and _CREDIT.match(para):
            book.skipped.append(f"a transcriber's credit (line {b.line})")
            continue
        if para == SCENE and not target.paragraphs:
            continue
        target.paragraphs.append(para)
    for ch in found:
        while ch.paragraphs and ch.paragraphs[-1] == SCENE:
            ch.paragraphs.pop()
    empty = [ch for ch in found if not ch.paragraphs]
    if empty:
        book.skipped.append(f"{len(empty)} heading(s) with no text after them (a table of contents): "
                            + ", ".join(ch.title for ch in empty[:4]) + (" ..." if len(empty) > 4 else ""))
    found = [ch for ch in found if ch.paragraphs]
    for ch in [c for c in found if c.origin == "back matter"]:
        if not keep_front_matter:
            book.skipped.append(f"{ch.title} (back matter, {ch.words:,} words)")
            found.remove(ch)
    book.chapters = with_front(book, found, front, keep_front_matter, "title page, contents; ")
    if not book.title and front.paragraphs:
        first = front.paragraphs[0]
        if is_subtitle(first):
            book.title = title_case(first)


def _heading_of(b: _Block, bare: bool) -> tuple[Heading, str] | None:
    """The heading a block is, with a subtitle on its second line ("CHAPTER I.\\nLoomings")."""
    if len(b.lines) > 2:
        return None
    h = heading(b.lines[0], bare)
    if h is None:
        return None
    if len(b.lines) == 2:
        second = b.lines[1].strip()
        if heading(second) is not None or not is_subtitle(second):
            return None
        return h, title_case(second)
    return h, ""
