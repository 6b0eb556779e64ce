"""What the last builds made (``.audiobook/state.json``): typed entries with one reader and one
writer. Paths read from the state are trusted only inside the book's own ``output/`` (files) and
``.audiobook/chapters`` (stored PCM): a state file received with a book folder cannot make a
build read, overwrite or delete anything else."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from audiobook.audio.segments import Stored
from audiobook.files import atomic_write, read_json

Levels = tuple[str, dict[str, dict[str, float]]]   # (what they are good for, segment content -> levels)


@dataclass(frozen=True)
class LineSpan:
    index: int            # the line's index in its chapter
    start: float          # seconds into the chapter's MP3
    end: float


@dataclass(frozen=True)
class ChapterEntry:
    number: int
    key: str              # "1", "2", ... or "opening"/"closing" for the credit tracks
    title: str
    hash: str             # of everything that makes the chapter's MP3 (chapter.chapter_hash)
    file: str             # the MP3, relative to the book folder (always inside output/)
    samples: int
    lines: tuple[LineSpan, ...] = ()
    segments: tuple[Stored, ...] = ()
    pcm: str | None = None          # the mastered audio's file name in .audiobook/chapters (for an M4B)
    levels: Levels | None = None    # each segment's levels after each mastering step

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "number": self.number, "key": self.key, "title": self.title, "hash": self.hash, "file": self.file,
            "samples": self.samples, "lines": [[s.index, s.start, s.end] for s in self.lines],
            "segments": [[s.key, s.offset, s.size, s.crc, s.frames] for s in self.segments]}
        if self.pcm is not None:
            d["pcm"] = self.pcm
        if self.levels is not None:
            d["levels"] = [self.levels[0], self.levels[1]]
        return d


@dataclass(frozen=True)
class BookFileEntry:
    hash: str
    file: str


@dataclass
class State:
    path: Path
    root: Path                                       # the book folder
    output: str = "output"                           # the output folder, relative to root (relative())
    chapters: dict[str, ChapterEntry] = field(default_factory=dict)
    book: dict[str, BookFileEntry] = field(default_factory=dict)     # by format
    warnings: list[str] = field(default_factory=list)                # entries ignored, and why

    @classmethod
    def load(cls, path: Path, root: Path, output: str = "output") -> State:
        """The state at ``path``; entries that are damaged or point outside the book are left out
        (with a warning): the build then makes those files again."""
        state = cls(path, root, output)
        data = read_json(path)
        chapters = data.get("chapters", {})
        for key, raw in (chapters.items() if isinstance(chapters, dict) else ()):
            entry = state._chapter(raw)
            if entry is not None:
                state.chapters[str(key)] = entry
        books = data.get("book", {})
        for fmt, raw in (books.items() if isinstance(books, dict) else ()):
            if isinstance(raw, dict) and isinstance(raw.get("hash"), str) and state._output_file(raw.get("file")):
                state.book[str(fmt)] = BookFileEntry(raw["hash"], raw["file"])
        return state

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"chapters": {k: e.to_json() for k, e in self.chapters.items()},
                "book": {k: {"hash": b.hash, "file": b.file} for k, b in self.book.items()}}
        atomic_write(self.path, json.dumps(data, indent=1).encode())

    def _chapter(self, raw: Any) -> ChapterEntry | None:
        try:
            if not self._output_file(raw["file"]):
                return None
            pcm = raw.get("pcm")
            if pcm is not None and not _plain_name(pcm):
                self.warnings.append(f"{self._where()}: ignored a stored chapter file outside the book ({pcm!r})")
                pcm = None
            levels = raw.get("levels")
            if not (isinstance(levels, list) and len(levels) == 2 and isinstance(levels[0], str)
                    and isinstance(levels[1], dict)):
                levels = None
            return ChapterEntry(
                number=int(raw["number"]), key=str(raw.get("key", raw["number"])), title=str(raw["title"]),
                hash=str(raw["hash"]), file=raw["file"], samples=int(raw["samples"]),
                lines=tuple(LineSpan(int(i), float(a), float(b)) for i, a, b in raw.get("lines", [])),
                segments=tuple(Stored(str(k), int(o), int(s), int(c), int(f))
                               for k, o, s, c, f in raw.get("segments", [])),
                pcm=pcm, levels=(levels[0], levels[1]) if levels else None)
        except (KeyError, TypeError, ValueError):
            return None

    def _output_file(self, rel: Any) -> bool:
        """``rel`` names a file directly in the output folder (how every build names its files)."""
        p = PurePosixPath(rel) if isinstance(rel, str) else None
        if p is None or p.is_absolute() or p.parent != PurePosixPath(self.output) or not _plain_name(p.name):
            self.warnings.append(f"{self._where()}: ignored an entry whose file is outside output/ ({rel!r})")
            return False
        return True

    def _where(self) -> str:
        try:
            return str(self.path.relative_to(self.root))
        except ValueError:
            return str(self.path)


def relative(path: Path, root: Path) -> str:
    """``path`` relative to the book folder, as the state stores it (``output/01 - A.mp3``, or
    ``../renders/01 - A.mp3`` for an output folder outside the book)."""
    return Path(os.path.relpath(path, root)).as_posix()


def _plain_name(name: Any) -> bool:
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name and "\\" not in name \
        and "\0" not in name
