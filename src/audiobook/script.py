"""The tagged script: chapters of narration and dialogue lines, each with its speaker.

This module holds the data model that the rest of the pipeline consumes. ``build_script`` turns a
book's manuscript into a Script (manuscript.py reads the files, attribution.py picks speakers).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from audiobook.book import Book

NARRATOR = "Narrator"

Kind = Literal["narration", "dialogue"]
# What comes before a line, which sets the pause in front of it (see config.Pauses):
#   "title"     the line is the chapter title (first line of a chapter)
#   "heading"   first line after the title
#   "paragraph" first line of a new paragraph
#   "scene"     first line after a scene break
#   "line"      another line of the same paragraph (e.g. the "he said" inside a quote)
Break = Literal["title", "heading", "paragraph", "scene", "line"]


@dataclass(frozen=True)
class Line:
    chapter: int          # 1-based chapter number
    index: int            # 0-based position within the chapter, in reading order
    kind: Kind
    speaker: str          # NARRATOR for narration
    text: str             # what is spoken (speaker tags and quotation marks removed)
    source: str           # manuscript file, relative to the book dir, with "/" separators
    start: int            # str offsets into that file of the span the line comes from
    end: int
    paragraph: int = 0    # 0-based paragraph number within the chapter (the title is paragraph 0)
    brk: Break = "paragraph"
    confidence: float = 1.0   # how sure attribution is of ``speaker`` (1.0 for narration and tags)
    reason: str = ""          # why this speaker, e.g. 'tag', 'explicit: "said Rosa"', 'turn-taking'

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["break"] = d.pop("brk")
        return d


@dataclass(frozen=True)
class Chapter:
    number: int           # 1-based
    title: str
    source: str
    lines: tuple[Line, ...]   # lines[0] is the spoken title (brk == "title")


@dataclass(frozen=True)
class Script:
    chapters: tuple[Chapter, ...]
    warnings: tuple[str, ...] = ()   # e.g. an unbalanced quotation mark, with file and line

    def lines(self) -> list[Line]:
        return [line for ch in self.chapters for line in ch.lines]

    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for line in self.lines():
            seen.setdefault(line.speaker, None)
        return list(seen)


def build_script(book: Book) -> Script:
    """Read the book's manuscript and return the tagged script (every quote with a speaker)."""
    raise NotImplementedError("the manuscript parser lands in manuscript.py / attribution.py")
