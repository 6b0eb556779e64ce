"""What every importer returns: a book's metadata and its chapters as plain paragraphs.

Importers only read; ``init.py`` writes the book directory. A paragraph is one line of text
(hard wraps joined), or ``SCENE`` for a scene break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from audiobook.errors import AudiobookError
from audiobook.text.tokens import words

SCENE = "* * *"


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
        return sum(len(words(p)) for p in self.paragraphs if p != SCENE)


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


def with_front(book: ImportedBook, found: list[ImportedChapter], front: ImportedChapter, keep: bool,
               what: str) -> list[ImportedChapter]:
    """The chapters, given the text before the first heading (``front``): the whole book when no
    heading was found, kept as a chapter with ``keep``, else skipped and said so (``what`` it
    likely is, e.g. "title page, contents; ")."""
    if not found:
        book.notes.append("no chapter headings found: the whole text is one chapter")
        front.title = book.title or "Chapter 1"
        return [front] if front.paragraphs else []
    if front.paragraphs:
        if keep:
            return [front, *found]
        book.skipped.append(f"the text before the first chapter ({what}{front.words:,} words)")
    return found
