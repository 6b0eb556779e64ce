"""Many books on one executor (``audiobook build --book A --book B ...``, ``--catalog FILE``).

Every book is checked first; one with bad input is reported and the others go on. Then the
missing lines of all of them go to one executor (a local pool or a cluster), the longest chapters
first, so the workers stay busy to the end and the short tracks fill the tail. Each book builds as
it would alone, in its own thread: its chapters are assembled, mastered and encoded as their lines
come back, and it writes its own output, state and report (``.audiobook/report.json``). A line two
books share (same text and voice) is said once and stored in both books' caches.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, InvalidStateError, ThreadPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from audiobook.build.pipeline import book_lock, run_prepared
from audiobook.build.prepare import BuildOptions, Prepared, prepare
from audiobook.build.report import BuildReport, Progress
from audiobook.errors import AudiobookError, SynthesisError
from audiobook.files import atomic_write
from audiobook.voice import planning, render, workers
from audiobook.voice.cache import LineCache

WINDOW = 1000        # lines handed to the executor ahead of the workers (a cluster's scheduler holds them)


@dataclass
class BookResult:
    """One book of a catalog build: its report, or the error that stopped it."""

    book: str
    report: BuildReport | None = None
    error: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"book": self.book, "error": self.error, "report": self.report.to_json() if self.report else None}


def read_catalog(path: Path) -> list[Path]:
    """The book folders a catalog file lists, one a line (``#`` starts a comment), relative to it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise AudiobookError(f"--catalog {path}: cannot read it ({getattr(e, 'strerror', None) or e})") from None
    books = [path.parent / line.split("#", 1)[0].strip() for line in text.splitlines()
             if line.split("#", 1)[0].strip()]
    if not books:
        raise AudiobookError(f"--catalog {path}: lists no book folders (one a line)")
    return books


def schedule(preps: Iterable[tuple[int, Prepared]]) -> list[tuple[int, planning.Job]]:
    """Every book's missing lines in the order to say them: chapters by the text they still need
    said, longest first, across all books; within a chapter, longest lines first."""
    groups: list[tuple[int, int, list[planning.Job]]] = []
    for book, prep in preps:
        seen: set[str] = set()
        for track in sorted([*prep.chapters, *prep.credits], key=lambda c: c.number):
            jobs = []
            for ln in track.lines:
                key = prep.plan.key(ln)
                if key in prep.plan.jobs and key not in seen:
                    seen.add(key)
                    jobs.append(prep.plan.jobs[key])
            if jobs:
                groups.append((sum(len(j.text) for j in jobs), book, jobs))
    groups.sort(key=lambda g: -g[0])
    return [(book, j) for _, book, jobs in groups for j in sorted(jobs, key=lambda j: -len(j.text))]


class Feed:
    """Hands the lines of many books to one executor, at most ``window`` ahead, in the order
    given; as each comes back, stores its audio in every book's cache that wants it, and
    resolves those books' futures (what ``executor_for(book)`` returned to the book's build)."""

    def __init__(self, executor: Executor, window: int = WINDOW,
                 on_done: Callable[[int, int], None] | None = None) -> None:
        self.executor = executor
        self.window = window
        self.on_done = on_done or (lambda done, total: None)
        self.order: list[planning.Job] = []
        self.wanted: dict[str, list[tuple[LineCache, Future[render.Done]]]] = {}
        self.futures: dict[tuple[int, str], Future[render.Done]] = {}
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="audiobook-feed", daemon=True)

    def add(self, book: int, cache: LineCache, job: planning.Job) -> None:
        fut: Future[render.Done] = Future()
        if job.key not in self.wanted:
            self.wanted[job.key] = []
            self.order.append(job)
        self.wanted[job.key].append((cache, fut))
        self.futures[(book, job.key)] = fut

    def executor_for(self, book: int) -> Executor:
        return _BookExecutor(self, book)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join()

    def _run(self) -> None:
        pending: dict[Future[render.Done], planning.Job] = {}
        todo = iter(self.order)
        done = 0
        try:
            while not self.stopping.is_set():
                while len(pending) < self.window and (job := next(todo, None)) is not None:
                    targets = self.wanted[job.key]
                    if all(fut.cancelled() for _, fut in targets):     # every book wanting it has failed
                        continue
                    root = os.path.abspath(targets[0][0].root) if workers.shares_disk(self.executor) else ""
                    pending[self.executor.submit(render.render_job, job, root)] = job
                if not pending:
                    return
                finished, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
                for fut in finished:
                    self._deliver(pending.pop(fut), fut)
                    done += 1
                    self.on_done(done, len(self.order))
        except BaseException as e:     # the executor broke (the cluster went away): every book hears it
            self._fail_all(e)
        finally:
            for fut in pending:
                fut.cancel()
            self._fail_all(SynthesisError("the build was stopped; finished lines are kept: build again"))

    def _fail_all(self, error: BaseException) -> None:
        for targets in self.wanted.values():
            for _, fut in targets:
                _settle(fut, error=error)

    def _deliver(self, job: planning.Job, fut: Future[render.Done]) -> None:
        targets = self.wanted.pop(job.key)
        try:
            result = fut.result()
        except BaseException as e:
            for _, target in targets:
                _settle(target, error=e)
            return
        pcm = result.pcm
        if pcm is None and len(targets) > 1:       # a worker wrote it into the first book's cache
            pcm = targets[0][0].read(job.key)
        for i, (cache, target) in enumerate(targets):
            if pcm is not None and (result.pcm is not None or i > 0):
                cache.write(job.key, pcm)
            _settle(target, replace(result, pcm=None))


def _settle(fut: Future[render.Done], done: render.Done | None = None, error: BaseException | None = None) -> None:
    try:
        if error is not None:
            fut.set_exception(error)
        else:
            fut.set_result(done)  # type: ignore[arg-type]
    except InvalidStateError:      # cancelled by its book's build, or already settled
        pass


class _BookExecutor(Executor):
    """What one book's build sees as its executor: its lines' futures from the feed."""

    shares_disk = True       # the feed has stored the audio by the time a future is done

    def __init__(self, feed: Feed, book: int) -> None:
        self.feed = feed
        self.book = book

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        job = args[0]
        return self.feed.futures[(self.book, job.key)]


def build_books(book_dirs: list[Path], options: BuildOptions, executor: Executor,
                progress: Progress | None = None, window: int = WINDOW) -> list[BookResult]:
    """Build every book of ``book_dirs`` with its lines on ``executor``: a result per book (the
    same folder listed twice is built once), each with its report or the error that stopped it."""
    dirs = list({Path(os.path.abspath(d)): d for d in book_dirs}.values())
    results = [BookResult(str(d)) for d in dirs]
    progress = progress or (lambda stage, done, total: None)
    with ExitStack() as held:
        preps: dict[int, tuple[Prepared, float]] = {}
        for i, d in enumerate(dirs):
            t0 = time.perf_counter()
            try:
                prep = prepare(d, replace(options, executor=None))
                held.enter_context(book_lock(prep.book.work_dir))
            except AudiobookError as e:
                results[i].error = str(e)
                continue
            preps[i] = (prep, t0)
        feed = Feed(executor, window, lambda done, total: progress("synthesize", done, total))
        for i, job in schedule((i, p) for i, (p, _) in preps.items()):
            feed.add(i, preps[i][0].cache, job)
        progress("synthesize", 0, len(feed.order))
        feed.start()
        pool = ThreadPoolExecutor(max_workers=max(1, len(preps)), thread_name_prefix="audiobook-book")
        try:
            builds = {i: pool.submit(run_prepared, prep, replace(options, executor=feed.executor_for(i)), None, t0)
                      for i, (prep, t0) in preps.items()}
            for i, fut in builds.items():
                try:
                    results[i].report = report = fut.result()
                except AudiobookError as e:
                    results[i].error = str(e)
                    continue
                _save_report(preps[i][0], report)
        finally:
            feed.stop()           # (on Ctrl-C: the books still waiting for lines hear it and stop)
            pool.shutdown(wait=True)
    return results


def _save_report(prep: Prepared, report: BuildReport) -> None:
    atomic_write(prep.book.work_dir / "report.json", (json.dumps(report.to_json(), indent=2) + "\n").encode())
