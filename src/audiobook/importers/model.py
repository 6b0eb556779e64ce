"""What every importer returns: a book's metadata and its chapters as plain paragraphs.

Importers only read; ``init.py`` writes the book directory. A paragraph is one line of text
(hard wraps joined), or ``SCENE`` for a scene break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from audiobook.errors import AudiobookError

SCENE = "* * *"
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


class SourceError(AudiobookError):
    """A source file that cannot be imported (not an EPUB, no chapters, ...)."""


@dataclass(frozen=True)
class Cover:
    data: bytes
    name: str                   # the file name it had in the source (for messages)


@dataclass
class ImportedChapter:
    title: str
    paragraphs: list[str]
    origin: str = ""            # where it came from (an EPUB document, a line number)

    @property
    def words(self) -> int:
        return sum(len(_WORD_RE.findall(p)) for p in self.paragraphs if p != SCENE)


@dataclass
class ImportedBook:
    kind: str                   # "EPUB 3", "plain text (Project Gutenberg)", "Markdown", ...
    title: str = ""
    author: str = ""
    language: str = ""
    cover: Cover | None = None
    chapters: list[ImportedChapter] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)     # "Copyright (copyright page)", ...
    notes: list[str] = field(default_factory=list)


def clean(text: str) -> str:
    """Whitespace collapsed (hard wraps, non-breaking spaces, soft hyphens gone)."""
    return " ".join(text.replace("\u00ad", "").replace("\u200b", "").split())


def roman_to_int(word: str) -> int | None:
    """The value of a roman numeral (``XIV`` -> 14), or None when ``word`` is not one."""
    w = word.lower()
    if not w or any(c not in _ROMAN for c in w):
        return None
    total = 0
    for i, c in enumerate(w):
        v = _ROMAN[c]
        total += -v if i + 1 < len(w) and _ROMAN[w[i + 1]] > v else v
    return total if _int_to_roman(total) == w else None


def _int_to_roman(n: int) -> str:
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)
