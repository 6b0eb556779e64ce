"""Opening and closing credits: short tracks of their own, spoken by the narrator's voice.

ACX asks for opening credits that name the title, the author and the narrator(s), and closing
credits that say the book has ended. They are ordinary chapters of narration lines (so they go
through the same line cache, pauses and mastering as the book), numbered 0 and N+1, with files
``00 - Opening Credits.mp3`` and ``NN - Closing Credits.mp3`` that sort around the chapters.
"""

from __future__ import annotations

from audiobook.book import Book
from audiobook.model import NARRATOR, Break, Chapter, Line

OPENING = "credits:opening"        # Chapter.source of the credit tracks
CLOSING = "credits:closing"
TITLES = {OPENING: "Opening Credits", CLOSING: "Closing Credits"}


def names(people: tuple[str, ...]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(people) <= 1:
        return "".join(people)
    return ", ".join(people[:-1]) + " and " + people[-1]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def opening_text(book: Book) -> list[str]:
    """The lines of the opening credits: title, author, narrator(s)."""
    return [_sentence(book.title), _sentence(f"Written by {book.author}"),
            _sentence(f"Narrated by {names(book.narrators)}")]


def closing_text(book: Book) -> list[str]:
    title = book.title.strip().rstrip(".")
    return ["The End.", f"This has been {title}, written by {book.author}, "
            f"narrated by {names(book.narrators)}."]


def credit_chapters(book: Book, chapters: int) -> tuple[Chapter, ...]:
    """The credit tracks book.yaml enables, for a book of ``chapters`` chapters."""
    out = []
    if book.credits.opening:
        out.append(_chapter(0, OPENING, opening_text(book)))
    if book.credits.closing:
        out.append(_chapter(chapters + 1, CLOSING, closing_text(book)))
    return tuple(out)


def _chapter(number: int, source: str, texts: list[str]) -> Chapter:
    def brk(i: int) -> Break:
        return "title" if i == 0 else "heading" if i == 1 else "paragraph"

    lines = tuple(Line(number, i, "narration", NARRATOR, text, source, 0, 0, paragraph=i, brk=brk(i))
                  for i, text in enumerate(texts))
    return Chapter(number, TITLES[source], source, lines, credits="opening" if source == OPENING else "closing")


def is_credits(ch: Chapter) -> bool:
    return bool(ch.credits)


def state_key(ch: Chapter) -> str:
    """Where the build keeps a track's state: ``"opening"``/``"closing"``, or the chapter number
    (so a book that gains a chapter never mistakes the old closing credits for it)."""
    return ch.credits or str(ch.number)
