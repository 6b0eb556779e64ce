"""A chapter file's lines -> blocks: paragraphs, chapter headings, scene breaks and blank lines.

Paragraphs are separated by blank lines, and a paragraph's lines are one block (hard wrapping is
fine); a file with no blank line at all has one paragraph per line. ``# Title`` is a chapter
heading; so is, in a plain-text file, a numbered heading on a line of its own (``headings.py``),
or with its title on the next line (``CHAPTER I.`` / ``The Mill Pond``), as the importer reads it;
a roman numeral alone between blank lines where the file numbers its chapters I, II, III ... so; and
``CHAPTER`` with its number on the next line.
A line of three or more asterisks, or ``⁂``, is a scene break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from audiobook.text.headings import LEVEL_PART, heading, is_subtitle, roman_to_int

_SCENE_RE = re.compile(r"^\s*(?:(?:\*\s*){3,}|⁂)\s*$")
_HEADING_RE = re.compile(r"^#[ \t]+(\S.*?)[ \t]*#*[ \t]*$")
_WORD_RE = re.compile(r"^\s*(?:CHAPTER|Chapter|PART|Part|BOOK|Book)\s*$")     # a heading's word alone on its line


@dataclass
class Block:
    start: int                # file offsets of the block's text (line ends excluded)
    end: int
    line: int                 # 1-based line number of its first line
    kind: Literal["text", "blank", "heading", "scene"]
    title: str = ""           # a heading: its title, and the span of the title in the file
    title_start: int = 0
    title_end: int = 0


def blocks(text: str, plain: bool) -> list[Block]:
    """The blocks of a file's ``text``; ``plain``: a ``.txt`` file, whose numbered heading lines
    (``CHAPTER I.``) start chapters too."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append((pos, pos + len(body)))
        pos += len(raw)
    if text.startswith("\ufeff") and lines:
        lines[0] = (1, lines[0][1])
    any_blank = any(not text[s:e].strip() for s, e in lines)
    bare = plain and any_blank and _bare_numbered(text, lines)
    found: list[Block] = []
    skip = 0
    for n, (s, e) in enumerate(lines, start=1):
        if n <= skip:
            continue
        body = text[s:e]
        if not body.strip():
            found.append(Block(s, e, n, "blank"))
            continue
        m = _HEADING_RE.match(body)
        if m:
            found.append(Block(s, e, n, "heading", m.group(1), s + m.start(1), s + m.end(1)))
            continue
        opens = not found or found[-1].kind != "text"
        alone = not any_blank or (opens and (n == len(lines) or not text[slice(*lines[n])].strip()))
        h = heading(body, bare) if plain and alone else None
        stop, end = e, s + len(body.rstrip())
        if h is None and plain and opens and any_blank and _titled(text, lines, n):
            nxt = text[slice(*lines[n])]
            h = heading(f"{body.strip()} {nxt.strip()}")    # "CHAPTER I." / "The Mill Pond", "CHAPTER" / "10"
            if h is not None:
                stop, end, skip = lines[n][1], lines[n][0] + len(nxt.rstrip()), n + 1
        if h is not None and h.kind in ("numbered", "bare"):
            lead = len(body) - len(body.lstrip())
            found.append(Block(s, stop, n, "heading", h.spoken, s + lead, end))
            continue
        if _SCENE_RE.match(body):
            found.append(Block(s, e, n, "scene"))
            continue
        if any_blank and found and found[-1].kind == "text":
            found[-1].end = e
        else:
            found.append(Block(s, e, n, "text"))
    return found


def _titled(text: str, lines: list[tuple[int, int]], n: int) -> bool:
    """Line ``n`` (1-based) is a heading with no title of its own (``CHAPTER I.``, or ``CHAPTER``
    alone) whose title or number is the next line, then a blank line or the end: "CHAPTER I." /
    "The Mill Pond", the layout of most plain-text novels."""
    if n >= len(lines):
        return False
    body, nxt = text[slice(*lines[n - 1])], text[slice(*lines[n])]
    own = heading(body)
    untitled = own is not None and own.kind == "numbered" and not own.rest or _WORD_RE.match(body) is not None
    after_blank = n + 1 >= len(lines) or not text[slice(*lines[n + 1])].strip()
    return untitled and after_blank and heading(nxt) is None and is_subtitle(nxt)


def _bare_numbered(text: str, lines: list[tuple[int, int]]) -> bool:
    """The file numbers its chapters with roman numerals alone between blank lines, I, II, III ...
    in order (three at least; after a ``BOOK II`` line they may start again at I), and has no ``CHAPTER``
    line of its own."""
    def blank(i: int) -> bool:
        return i < 0 or i >= len(lines) or not text[slice(*lines[i])].strip()
    count, expect, part = 0, 1, False
    for i, (s, e) in enumerate(lines):
        if blank(i) or not (blank(i - 1) and blank(i + 1)):
            continue
        h = heading(text[s:e], True)
        if h is not None and h.kind == "numbered":
            if h.level != LEVEL_PART:
                return False
            part = True
        elif h is not None and h.kind == "bare":
            value = roman_to_int(text[s:e].strip().rstrip("."))
            if value != expect and not (part and value == 1):
                return False
            count, expect, part = count + 1, (value or 0) + 1, False
    return count >= 3
