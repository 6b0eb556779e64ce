"""``build()``: prepare, then synthesize what the line cache lacks while each chapter whose content
changed is made as soon as its last line is in the cache, then the full-book files.

The state (``.audiobook/state.json``, build/state.py) remembers each chapter's content hash and
the MP3 it produced, so a rebuild with nothing changed does no work and ``--chapter N`` rebuilds
the full book from the chapter MP3s."""

from __future__ import annotations

import functools
import hashlib
import os
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from audiobook.audio import export
from audiobook.book import Book
from audiobook.build import book_file as books
from audiobook.build import notices
from audiobook.build.chapter import Made, make_chapter
from audiobook.build.prepare import BuildOptions, Prepared, prepare
from audiobook.build.progress import Tracker
from audiobook.build.proofing import proof_step
from audiobook.build.report import BuildReport, ChapterReport, Progress
from audiobook.build.state import State, relative
from audiobook.errors import AudiobookError
from audiobook.model import SAMPLE_RATE, Chapter
from audiobook.text.accounting import count_words
from audiobook.text.credits import is_credits
from audiobook.voice import planning, render, server, workers


def build(book_dir: Path, options: BuildOptions | None = None, progress: Progress | None = None) -> BuildReport:
    """Render the book in ``book_dir`` (see the module docstring); raises AudiobookError subclasses
    for problems a person must fix. Never starts a synthesis server (the CLI decides that)."""
    t0 = time.perf_counter()
    options = options or BuildOptions()
    prep = prepare(book_dir, options)
    with book_lock(prep.book.work_dir):
        return _run(prep, options, progress or (lambda stage, done, total: None), t0)


def run_prepared(prep: Prepared, options: BuildOptions, progress: Progress | None = None,
                 t0: float | None = None) -> BuildReport:
    """``build()`` of a book already prepared, whose lock the caller holds (build/catalog.py)."""
    return _run(prep, options, progress or (lambda stage, done, total: None), time.perf_counter() if t0 is None else t0)


def _run(prep: Prepared, options: BuildOptions, progress: Progress, t0: float) -> BuildReport:
    remove_partial_files(prep)
    state = State.load(state_path(prep.book), prep.book.root, relative(prep.book.output_dir, prep.book.root))
    report = BuildReport(book_file=None, warnings=[*prep.script.warnings, *prep.plan.warnings, *state.warnings])
    report.warnings += prep.cover.warnings() if prep.cover else []
    tags = books.book_tags(prep.book)
    total = len(prep.script.chapters)
    tracks = sorted([*prep.chapters, *prep.credits], key=lambda c: c.number)   # credits: 0 and N+1
    stream = books.m4b_stream(prep, options.formats, state, tags, total, tracks)
    flagged = proof_step(prep, options, progress, report)
    made, doubtful = _synthesize_and_make(prep, options, progress, state, tags, total, tracks, stream, report)
    synthesized = prep.plan.jobs.keys() | prep.plan.done      # by the build, or before it by proofing
    for t, m in zip(tracks, made, strict=True):
        n_syn = sum(1 for ln in m.lines if prep.plan.key(ln) in synthesized)
        report.chapters.append(ChapterReport(
            index=m.entry.number, title=m.entry.title, file=m.entry.file,
            duration_s=round(m.entry.samples / SAMPLE_RATE, 3), lines=len(m.lines),
            lines_synthesized=n_syn, lines_cached=len(m.lines) - n_syn,
            paragraphs=len(m.entry.segments), paragraphs_encoded=m.encoded, credits=is_credits(t)))

    books.drop_disabled_credits(prep, state)
    state.book = {k: v for k, v in state.book.items() if k in export.FORMATS}
    formats = list(dict.fromkeys(options.formats))
    with ThreadPoolExecutor(max_workers=len(formats) or 1) as pool, books.cancelled_on_error(stream):   # side by side
        files = list(pool.map(lambda fmt: books.full_book(prep, state, tags, report.warnings, fmt,
                                                          stream if fmt == "m4b" else None), formats))
    report.book_files = [f for f in files if f]
    report.warnings += books.stale_book_files(prep, state, tags, formats)
    report.book_file = report.book_files[0] if report.book_files else None
    state.save()
    report.lines_total = sum(c.lines for c in report.chapters)
    report.lines_synthesized = sum(c.lines_synthesized for c in report.chapters)
    report.lines_cached = report.lines_total - report.lines_synthesized
    report.audio_seconds = round(sum(c.duration_s for c in report.chapters), 3)
    report.synthesis_seconds = round(report.synthesis_seconds, 3)
    doubtful |= set(prep.plan.doubtful) | flagged
    words = count_words(prep.book, prep.script, (pos for pos, key in prep.plan.keys.items() if key in doubtful),
                        prep.plan.said)
    report.words_total, report.words_spoken, report.words_reported = words.total, words.spoken, words.reported
    report.warnings += words.warnings
    report.shown_warnings, report.held_warnings = notices.shown(report.warnings, prep.script, prep.plan.keys,
                                                                set(prep.plan.jobs))
    report.wall_seconds = round(time.perf_counter() - t0, 3)
    return report


class _Chapters:
    """Makes each track on a thread pool as soon as its last missing line is in the cache."""

    def __init__(self, prep: Prepared, state: State, tags: export.Tags, total: int, tracks: list[Chapter],
                 keep_pcm: bool, stream: export.AacStream | None, pool: ThreadPoolExecutor) -> None:
        self.prep, self.state, self.tags, self.total, self.tracks = prep, state, tags, total, tracks
        self.keep_pcm, self.stream, self.pool = keep_pcm, stream, pool
        self.futures: dict[int, Future[Made]] = {}
        self.missing = [{prep.plan.key(ln) for ln in t.lines} & prep.plan.jobs.keys() for t in tracks]

    def start(self, i: int) -> None:
        if i not in self.futures:
            self.futures[i] = self.pool.submit(make_chapter, self.prep, self.tracks[i], self.state, self.tags,
                                               self.total, self.keep_pcm)
            if self.stream is not None:
                self.futures[i].add_done_callback(functools.partial(books.to_stream, self.stream, self.prep, i))

    def start_ready(self) -> None:
        for i, keys in enumerate(self.missing):
            if not keys:
                self.start(i)

    def line_done(self, key: str) -> None:
        for i, keys in enumerate(self.missing):
            if key in keys:
                keys.discard(key)
                if not keys:
                    self.start(i)


def _synthesize_and_make(prep: Prepared, options: BuildOptions, progress: Progress, state: State,
                         tags: export.Tags, total: int, tracks: list[Chapter], stream: export.AacStream | None,
                         report: BuildReport) -> tuple[list[Made], set[str]]:
    """Synthesize what the cache lacks, in reading order, making each track beside the synthesis
    as soon as its lines are in; then every track in order (the state saved after each). Also
    returns the keys of lines whose audio came out far too short (their words are reported)."""
    first_use: dict[str, tuple[bool, int]] = {}
    for i, t in enumerate(tracks):
        for ln in t.lines:
            first_use.setdefault(prep.plan.key(ln), (is_credits(t), i))
    # chapter by chapter so chapters finish early, the short credit tracks last (the last chapter is
    # made while they are spoken); longest first within one, so the pool's tail is short
    jobs = sorted(prep.plan.jobs.values(), key=lambda j: (first_use.get(j.key, (False, 0)), -len(j.text)))
    n_jobs = max(1, min(options.jobs or os.cpu_count() or 1, len(jobs) or 1))
    threads = max(1, (os.cpu_count() or 1) // n_jobs)
    own = options.executor is None and not options.jobs
    served = server.connect() if options.use_server and own and jobs else None
    report.server = served is not None
    executor = options.executor or served or workers.default_executor(n_jobs, threads)
    doubtful: set[str] = set()
    done_count = 0
    progress("synthesize", 0, len(jobs))
    tracker = Tracker(_labelled(jobs, first_use, tracks), total, SAMPLE_RATE, options.status or (lambda s: None))
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool, books.cancelled_on_error(stream):
        chapters = _Chapters(prep, state, tags, total, tracks, "m4b" in options.formats, stream, pool)

        def on_done(d: render.Done) -> None:
            nonlocal done_count
            done_count += 1
            report.synthesis_seconds += d.seconds
            if d.warning:
                report.warnings.append(d.warning)
                doubtful.add(d.key)
            progress("synthesize", done_count, len(jobs))
            tracker.line_done(d.key, d.samples)
            chapters.line_done(d.key)

        chapters.start_ready()
        try:
            workers.synthesize(jobs, prep.cache, executor, on_done)
        finally:
            if options.executor is None:
                executor.shutdown(wait=True, cancel_futures=True)
        progress("chapters", 0, len(tracks))
        made = []
        for i in range(len(tracks)):
            chapters.start(i)
            m = chapters.futures[i].result()
            state.chapters[m.entry.key] = m.entry
            made.append(m)
            progress("chapters", i + 1, len(tracks))
            tracker.chapter_done(i + 1, len(tracks))
            state.save()
    return made, doubtful


def _labelled(jobs: list[planning.Job], first_use: dict[str, tuple[bool, int]],
              tracks: list[Chapter]) -> list[tuple[str, int, str]]:
    """(key, characters, chapter label) of each job, for the progress tracker."""
    def label(key: str) -> str:
        i = first_use.get(key, (False, 0))[1]
        t = tracks[i] if i < len(tracks) else None
        if t is None or not is_credits(t):
            return str(t.number if t is not None else 1)
        return "opening credits" if t.number == 0 else "closing credits"
    return [(j.key, len(j.text), label(j.key)) for j in jobs]


def state_path(book: Book) -> Path:
    """The state of the builds into the book's output folder: ``state.json`` for output/, one
    per other folder (``--output``: each folder's files are its own, a cast beside another)."""
    if book.output is None:
        return book.work_dir / "state.json"
    digest = hashlib.sha256(str(book.output.resolve()).encode()).hexdigest()[:12]
    return book.work_dir / f"state-{digest}.json"


def remove_partial_files(prep: Prepared) -> None:
    """Temp files a killed build left behind in the book's own folders (never trusted: they only
    ever get renamed into place). Only files directly in those folders, named as our atomic writes
    name them; never a recursive walk, never through a symbolic link."""
    book = prep.book
    cache = book.work_dir / "cache"
    shards = [d for d in cache.iterdir() if d.is_dir() and not d.is_symlink()] \
        if cache.is_dir() and not cache.is_symlink() else []
    for folder in (book.output_dir, book.work_dir, book.work_dir / "chapters", *shards):
        if folder.is_symlink() or not folder.is_dir():
            continue
        for p in folder.iterdir():
            if p.name.startswith(".") and (p.name.endswith(".tmp") or ".part" in p.name) and not p.is_symlink() \
                    and p.is_file():
                p.unlink(missing_ok=True)


@contextmanager
def book_lock(work_dir: Path) -> Iterator[None]:
    """One build of a book at a time: a second one is refused with a clear message."""
    import fcntl

    work_dir.mkdir(parents=True, exist_ok=True)
    with open(work_dir / "build.lock", "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            f.seek(0)
            who = f.read().strip() or "another process"
            raise AudiobookError(f"{work_dir.parent}: another build of this book is running ({who}); "
                                 f"wait for it to finish, then run this one again") from None
        f.seek(0)
        f.truncate()
        f.write(f"pid {os.getpid()}")
        f.flush()
        try:
            yield
        finally:
            f.seek(0)
            f.truncate()
            fcntl.flock(f, fcntl.LOCK_UN)
