"""Markdown books: YAML front matter for the metadata, ``#`` (or, under a single ``#`` title,
``##``) headings for chapters; links, images, list and quote marks reduced to the words read."""

from __future__ import annotations

import re

import yaml

from audiobook.importers.model import SCENE, ImportedBook, ImportedChapter, clean, with_front

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)
_ATX = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_RULE = re.compile(r"^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|⁂)$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_HTML = re.compile(r"<[^>\n]+>")
_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)+|^[ \t]*(?:[-+*]|\d+[.)])[ \t]+")


def read_markdown_book(text: str, name: str, keep_front_matter: bool = False) -> ImportedBook:
    book = ImportedBook(kind="Markdown")
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    m = _FRONT.match(text)
    if m:
        try:
            meta = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError:
            meta = {}
        if isinstance(meta, dict):
            book.title = clean(str(meta.get("title") or ""))
            author = meta.get("author") or ""
            book.author = " and ".join(map(str, author)) if isinstance(author, list) else clean(str(author))
            book.language = str(meta.get("lang") or meta.get("language") or "").split("-")[0].lower()
        text = text[m.end():]
    lines = text.split("\n")
    levels = [len(h.group(1)) for ln in lines if (h := _ATX.match(ln))]
    level = 2 if levels.count(1) == 1 and levels.count(2) >= 1 else 1
    front = ImportedChapter("Front Matter", [], "before the first chapter")
    current: ImportedChapter | None = None
    found: list[ImportedChapter] = []
    buf: list[str] = []
    fenced = False

    def flush() -> None:
        para = clean(_HTML.sub("", _LINK.sub(r"\1", _IMAGE.sub("", " ".join(buf)))))
        buf.clear()
        if para:
            (current if current is not None else front).paragraphs.append(para)

    for ln in lines:
        if ln.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            flush()
            continue
        h = None if fenced else _ATX.match(ln)
        if h and len(h.group(1)) == 1 and level == 2:
            flush()
            book.title = book.title or clean(h.group(2))
            continue
        if h and len(h.group(1)) == level:
            flush()
            current = ImportedChapter(clean(h.group(2)), [], name)
            found.append(current)
            continue
        if not ln.strip():
            flush()
        elif not fenced and _RULE.match(ln):
            flush()
            target = current if current is not None else front
            if target.paragraphs:
                target.paragraphs.append(SCENE)
        else:
            if h:                     # a deeper heading: a paragraph of its own
                flush()
                buf.append(h.group(2))
                flush()
                continue
            buf.append(_PREFIX.sub("", ln))
    flush()
    for ch in [*found, front]:
        while ch.paragraphs and ch.paragraphs[-1] == SCENE:
            ch.paragraphs.pop()
    empty = [ch.title for ch in found if not ch.paragraphs]
    if empty:
        book.skipped.append(f"{len(empty)} heading(s) with no text after them: {', '.join(empty[:4])}")
    found = [ch for ch in found if ch.paragraphs]
    book.chapters = with_front(book, found, front, keep_front_matter, "")
    return book
