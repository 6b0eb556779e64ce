"""Before any synthesis: load and check the whole book, its cast and its output names, and plan
which lines must be rendered. Every problem found is reported at once."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from audiobook.audio import export
from audiobook.audio.mastering import Mastering
from audiobook.book import Book, load_book, output_folder
from audiobook.build.estimate import speaking_time
from audiobook.build.progress import Status
from audiobook.config import gather
from audiobook.cover import Cover, read_cover
from audiobook.errors import OutputError, Problems
from audiobook.model import Chapter, Script
from audiobook.proof.stage import apply_takes
from audiobook.text.credits import credit_chapters
from audiobook.text.parts import split_long_chapters
from audiobook.text.script import build_script
from audiobook.voice import planning
from audiobook.voice.cache import LineCache
from audiobook.voice.profiles import Profile, load_profile


@dataclass(frozen=True)
class BuildOptions:
    profile: str | None = None
    chapters: frozenset[int] = frozenset()
    jobs: int = 0                     # 0: one per core
    executor: Executor | None = None  # any concurrent.futures.Executor (e.g. a cluster's)
    formats: tuple[str, ...] = ("mp3",)   # of the full-book file(s): mp3 and/or m4b
    use_server: bool = False          # hand lines to a running synthesis server (the CLI's choice)
    status: Callable[[Status], None] | None = None   # where the build is, with an ETA (progress.py)
    output: Path | None = None        # the output folder instead of book.yaml's output: or output/
    proof: bool | None = None         # proof-listen the lines (None: as book.yaml's proof: says)


@dataclass
class Prepared:
    """Everything loaded and checked before any synthesis starts."""

    book: Book
    profile: Profile
    script: Script
    chapters: list[Chapter]
    cache: LineCache
    plan: planning.Plan
    mastering: Mastering
    credits: tuple[Chapter, ...] = ()     # opening/closing credit tracks book.yaml enables
    cover: Cover | None = None


def prepare(book_dir: Path, options: BuildOptions) -> Prepared:
    """Load and check the whole book before any work: every problem found is reported at once."""
    problems: list[str] = []

    def attempt(fn: Callable[[], Any]) -> Any:
        return gather(problems, fn)

    book: Book | None = attempt(lambda: load_book(book_dir))
    if book is not None and options.output is not None:
        root, folder = book.root, options.output
        chosen = attempt(lambda: output_folder(root, folder, "--output"))
        book = replace(book, output=chosen or folder)     # refused: reported, and not written to
    if book is None:
        if not (Path(book_dir) / "manuscript").is_dir():    # not a book at all: that is the one problem
            raise Problems(problems)
        # book.yaml is wrong: still check the voice profile (against a book without a cast list)
        attempt(lambda: load_profile(Book(root=Path(book_dir), title=Path(book_dir).name), options.profile))
        raise Problems(problems)
    profile: Profile | None = attempt(lambda: load_profile(book, options.profile))
    mastering = attempt(lambda: Mastering.from_mapping(profile.mastering, profile.label)) if profile else None
    script: Script | None = attempt(lambda: build_script(book))
    cache = LineCache(book.work_dir / "cache")
    if script is not None and profile is not None and book.max_file_minutes > 0:
        whole, cast = script, profile
        script = attempt(lambda: in_parts(book, cast, whole, cache)) or script
    if not any(p.startswith("--output:") for p in problems):
        attempt(lambda: check_writable(book.output_dir, book.root))
    attempt(lambda: check_writable(book.work_dir, book.root))
    chapters: list[Chapter] = []
    if script is not None:
        count = len(script.chapters)
        bad = sorted(n for n in options.chapters if not 1 <= n <= count)
        if bad:
            problems.append(f"--chapter {bad[0]}: the book has chapters 1 to {count}")
        chapters = [ch for ch in script.chapters if not options.chapters or ch.number in options.chapters]
    problems += [f"--format {f}: choose mp3 or m4b" for f in options.formats if f not in export.FORMATS]
    cover_path = book.cover
    cover = attempt(lambda: read_cover(cover_path, "manuscript/book.yaml: cover")) if cover_path else None
    credits = credit_chapters(book, len(script.chapters)) if script is not None else ()
    if script is not None:
        problems += name_clashes(book, [*script.chapters, *credits])
    plan = None
    if profile is not None and script is not None and not problems:
        wanted = set(options.chapters) | {c.number for c in credits} if options.chapters else None
        with_credits = Script(script.chapters + credits, script.warnings, script.texts)
        plan = attempt(lambda: planning.plan(with_credits, profile, book, cache, wanted))
        if plan is not None:
            apply_takes(plan, cache, book.work_dir)     # the takes proofing chose, proofing on or off
    if problems:
        raise Problems(problems)
    assert profile is not None and script is not None and plan is not None and mastering is not None
    return Prepared(book, profile, script, chapters, cache, plan, mastering, credits, cover)


def chapter_file(book: Book, ch: Chapter) -> Path:
    return book.output_dir / f"{ch.number:02d} - {export.safe_name(ch.title)}.mp3"


def book_file(book: Book, fmt: str) -> Path:
    return book.output_dir / f"{export.safe_name(book.title)}.{fmt}"


def name_clashes(book: Book, tracks: list[Chapter]) -> list[str]:
    """Two output files with one name (a book titled like a chapter file): one would overwrite the
    other. Compared case-insensitively, as on macOS and Windows disks."""
    seen: dict[str, str] = {}
    problems = []
    named = [(chapter_file(book, ch).name, f"chapter {ch.number} ({ch.title})") for ch in tracks]
    named += [(book_file(book, fmt).name, f"the full-book {fmt} file") for fmt in export.FORMATS]
    for name, what in named:
        other = seen.get(name.lower())
        seen[name.lower()] = what
        if other is not None:
            problems.append(f"manuscript/book.yaml: title: {what} and {other} would both be output/{name}; "
                            f"give the book a title that is not a chapter's file name")
    return problems


def in_parts(book: Book, profile: Profile, script: Script, cache: LineCache) -> Script:
    """``script`` with its chapters longer than ``max_file_minutes`` (book.yaml; ACX's 120) cut into
    parts (text/parts.py), each announced with its estimated length among the script's warnings."""
    pauses = book.pauses(profile.pauses)
    # a file also holds its head and tail room tone; estimates are within a few percent: 3% margin
    limit = book.max_file_minutes * 60 * 0.97 - pauses.head - pauses.tail
    if sum(len(ln.text) for ln in script.lines()) * 0.2 < limit:   # even at 5 characters a second: no
        return script                                                 # chapter is that long
    plan = planning.plan(script, profile, book, cache)
    split = split_long_chapters(script, speaking_time(plan, script.lines(), cache, pauses), limit,
                                book.max_file_minutes)
    return Script(split.script.chapters, (*split.script.warnings, *split.notes), split.script.texts)


def check_writable(folder: Path, root: Path) -> None:
    """``folder`` (the book's output/ or .audiobook/) is a real folder we can write in. A symbolic
    link is refused: the build deletes and replaces files there, and must not do it elsewhere."""
    if folder.is_symlink():
        raise OutputError(f"{folder}: is a symbolic link; the build writes and deletes files in "
                          f"{folder.name}/, so it must be a real folder inside {root} (remove the link)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")    # unique: builds may run at once
        try:
            os.write(fd, b"ok")
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as e:
        raise OutputError(f"{folder}: cannot write there ({e.strerror}); check permissions and free space") from None
