"""Fixes written into the manuscript exactly as a user would type them: an inline ``[Name]`` tag
before a quote's opening mark, or new text in place of a line's span. The manuscript stays the one
source of truth; the build sees an ordinary edit and re-renders only what it changed.

The functions on text are pure (``tag_speaker``, ``replace_text``); ``write_manuscript`` writes
the result atomically, and only if the file still holds the text the script was made from, so a
save from an editor meanwhile is never overwritten. Every byte outside the edit stays as it was.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from audiobook.errors import AudiobookError
from audiobook.files import atomic_write
from audiobook.model import Line

OPENING_MARKS = "“\"‘'«„‚‹"
_TAG_BEFORE = re.compile(r"\[([^\[\]\r\n]{1,60})\]\Z")    # a tag ends right at the mark
_NAME = re.compile(r"^[^\[\]\r\n]{1,60}$")


class EditError(AudiobookError):
    """An edit that cannot be made as asked (no quote to tag, a stale line, a bad name)."""


def opening_mark(text: str, line: Line) -> int:
    """Offset of the opening quotation mark of a dialogue line (the mark right before its words)."""
    if line.kind != "dialogue":
        raise EditError(f"{line.source}: line {line.index} of chapter {line.chapter} is narration, "
                        "not a quote: it has no opening quotation mark to tag")
    i = line.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] not in OPENING_MARKS:
        raise EditError(f"{line.source}: the quote {line.text[:40]!r} does not start with a quotation mark "
                        "(a dash or a continued quote); tag it in the file by hand")
    return i


def tag_speaker(text: str, line: Line, name: str) -> str:
    """``text`` with the quote of ``line`` tagged ``[name]``: an existing tag right before its
    opening mark is replaced, otherwise the tag is inserted there. Nothing else changes."""
    name = name.strip()
    if not _NAME.match(name):
        raise EditError(f"speaker {name!r}: a name of 1 to 60 characters without brackets or line breaks")
    mark = opening_mark(text, line)
    old = _TAG_BEFORE.search(text, max(0, mark - 62), mark)
    start = old.start() if old else mark
    return text[:start] + f"[{name}]" + text[mark:]


def replace_text(text: str, line: Line, new: str) -> str:
    """``text`` with the span ``line`` was read from replaced by ``new`` (as the user typed it)."""
    if "\n\n" in new.replace("\r\n", "\n") or not new.strip():
        raise EditError("the new text must be one paragraph's worth, not empty and without blank lines")
    return text[:line.start] + new + text[line.end:]


def book_file(root: Path, source: str) -> Path:
    """The manuscript file ``source`` names, refused unless it lies in the book's manuscript/."""
    manuscript = (root / "manuscript").resolve()
    path = (root / source).resolve()
    if not path.is_relative_to(manuscript) or not path.is_file():
        raise EditError(f"{source}: not a file of this book's manuscript/")
    return path


def write_manuscript(root: Path, source: str, expected: str, new: str) -> None:
    """Replace the file ``source`` (relative to the book) with ``new``, if it still holds
    ``expected``; atomic (a temp file renamed over it), keeping the file's permissions."""
    path = book_file(root, source)
    current = path.read_bytes()
    if current != expected.encode("utf-8"):
        raise EditError(f"{source}: changed on disk since the studio read it; it is read again, try once more")
    replace_file(path, new.encode("utf-8"))


def replace_file(path: Path, data: bytes) -> None:
    """Atomically give ``path`` new contents, keeping its permissions (the temp file is private)."""
    mode = os.stat(path).st_mode & 0o7777
    atomic_write(path, data)
    os.chmod(path, mode)
