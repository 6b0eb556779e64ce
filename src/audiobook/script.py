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
    from audiobook.attribution import attribute
    from audiobook.characters import Cast, discover
    from audiobook.manuscript import read_manuscript

    ms = read_manuscript(book.manuscript_files(), book.root)
    cast = Cast.from_characters(book.characters) if book.characters is not None else discover(ms)
    found = attribute(ms, cast)
    warnings = list(ms.warnings)
    chapters = []
    for ch in ms.chapters:
        lines = [Line(ch.number, 0, "narration", NARRATOR, ch.title, ch.source, ch.title_start, ch.title_end,
                      paragraph=0, brk="title")]
        for p in ch.paragraphs:
            for k, seg in enumerate(p.segments):
                brk: Break = p.brk if k == 0 else "line"
                speaker, confidence, reason = NARRATOR, 1.0, ""
                if seg.kind == "dialogue":
                    a = found[seg.quote_id]
                    speaker, confidence, reason = a.speaker, round(a.confidence, 2), a.reason
                    if seg.tag and book.characters is not None and cast.resolve(seg.tag) is None:
                        warnings.append(f"{ch.source}:{_line_of(p, seg.start)}: speaker tag [{seg.tag}] "
                                        "is not in the characters of book.yaml")
                lines.append(Line(ch.number, len(lines), seg.kind, speaker, seg.text, ch.source, seg.start,
                                  seg.end, paragraph=p.number, brk=brk, confidence=confidence, reason=reason))
        chapters.append(Chapter(ch.number, ch.title, ch.source, tuple(lines)))
    return Script(tuple(chapters), tuple(warnings))


def _line_of(p: object, offset: int) -> int:
    from audiobook.manuscript import Paragraph

    assert isinstance(p, Paragraph)
    return p.line + p.raw[: offset - p.start].count("\n")
