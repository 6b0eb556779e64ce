"""A chapter file's lines -> blocks: paragraphs, chapter headings, scene breaks and blank lines.

Paragraphs are separated by blank lines, and a paragraph's lines are one block (hard wrapping is
fine); a file with no blank line at all has one paragraph per line. ``# Title`` is a chapter
heading; so is, in a plain-text file, a numbered heading on a line of its own (``headings.py``).
A line of three or more asterisks, or ``⁂``, is a scene break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from audiobook.text.headings import heading

_SCENE_RE = re.compile(r"^\s*(?:(?:\*\s*){3,}|⁂)\s*$")
_HEADING_RE = re.compile(r"^#[ \t]+(\S.*?)[ \t]*#*[ \t]*$")


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
    found: list[Block] = []
    for n, (s, e) in enumerate(lines, start=1):
        body = text[s:e]
        if not body.strip():
            found.append(Block(s, e, n, "blank"))
            continue
        m = _HEADING_RE.match(body)
        if m:
            found.append(Block(s, e, n, "heading", m.group(1), s + m.start(1), s + m.end(1)))
            continue
        alone = not any_blank or ((not found or found[-1].kind != "text")
                                  and (n == len(lines) or not text[slice(*lines[n])].strip()))
        h = heading(body) if plain and alone else None
        if h is not None and h.kind == "numbered":
            lead = len(body) - len(body.lstrip())
            found.append(Block(s, e, n, "heading", h.spoken, s + lead, s + len(body.rstrip())))
            continue
        if _SCENE_RE.match(body):
            found.append(Block(s, e, n, "scene"))
            continue
        if any_blank and found and found[-1].kind == "text":
            found[-1].end = e
        else:
            found.append(Block(s, e, n, "text"))
    return found

