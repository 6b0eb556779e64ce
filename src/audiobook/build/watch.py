"""``audiobook build --watch``: build, then build again each time the manuscript or the voices
change, in one process. The worker processes stay up between builds with their engines loaded,
and the modules, the models' digests and hibari's G2P stay in memory, so an edit costs its own
lines, its chapter and the full-book join, not a fresh process's start (about 1 s of a one-line
edit's 1.6 s on the sample book).

Changes are found by polling the files' size and modification time (a few stats every
``interval``; no dependency, works on every file system, network ones included), and a build
starts once the files have held still for ``SETTLE`` seconds (editors save in several steps, most
within a millisecond). A file that changes while a build reads it (caught between an editor's
truncate and its write, on a busy machine) is built again right after: the files are looked at
before each build, and compared after it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from dataclasses import replace
from pathlib import Path

from audiobook.book import load_book
from audiobook.build import BuildOptions, BuildReport, Progress, build
from audiobook.errors import AudiobookError, WorkersLost
from audiobook.model import Voice
from audiobook.voice.profiles import load_profile
from audiobook.voice.workers import warm_up, worker_pool

Snapshot = dict[str, tuple[int, int]]
SETTLE = 0.05      # seconds the files must hold still before a build starts


def inputs(book_dir: Path, profile: str | None) -> list[Path]:
    """What a build reads: the manuscript folder (book.yaml, chapters, cover), the voices folder
    (profiles, reference clips) and a profile kept elsewhere."""
    roots = [book_dir / "manuscript", book_dir / "voices"]
    if profile:
        for p in (Path(profile), book_dir / profile):
            if p.is_file() and not any(p.resolve().is_relative_to(r.resolve()) for r in roots):
                roots.append(p)
    return roots


def snapshot(roots: list[Path]) -> Snapshot:
    """(modification time, size) of every file under ``roots``, hidden files and editors'
    backups (``.x.swp``, ``x~``, ``#x#``) left out."""
    found: Snapshot = {}

    def add(path: str) -> None:
        try:
            st = os.stat(path)
        except OSError:
            return
        found[path] = (st.st_mtime_ns, st.st_size)

    for root in roots:
        if root.is_file():
            add(str(root))
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not (name.startswith((".", "#")) or name.endswith("~")):
                    add(os.path.join(folder, name))
    return found


def watch(book_dir: Path, options: BuildOptions, progress: Progress | None = None, *,
          interval: float = 0.05, stop: Callable[[], bool] = lambda: False,
          on_change: Callable[[list[str]], None] = lambda paths: None,
          ) -> Iterator[BuildReport | AudiobookError]:
    """Build now and after every change, yielding each build's report, or the problem that
    stopped it (a YAML typo, an unknown speaker: fix the file and it builds again). Before each
    rebuild ``on_change`` gets the files that changed (added or removed too). Runs until
    ``stop()`` is true (checked every ``interval``) or the caller stops iterating; Ctrl-C arrives
    as KeyboardInterrupt, and a build it stops keeps what it finished, as any build does."""
    roots = inputs(book_dir, options.profile)
    own = options.executor is None
    executor: Executor | None = options.executor
    cold = True
    try:
        while True:
            before = snapshot(roots)
            if executor is None:
                voices = _voices(book_dir, options)
                executor, cold = worker_pool(options.jobs, voices), True
            try:
                result: BuildReport | AudiobookError = build(book_dir, replace(options, executor=executor), progress)
            except WorkersLost as e:          # a worker died: the next build gets new ones
                if own:
                    executor.shutdown(wait=True, cancel_futures=True)
                    executor = None
                result = e
            except AudiobookError as e:
                if snapshot(roots) != before:  # read while being saved (an empty or half file): read it again
                    time.sleep(SETTLE)
                    continue
                result = e
            yield result
            if cold and own and executor is not None:   # after the first build, so as not to slow it
                warm_up(executor, options.jobs or os.cpu_count() or 1, voices)
                cold = False
            now = _changed(roots, before, interval, stop)
            if now is None:
                return
            on_change(sorted(_relative(p, book_dir) for p in now.keys() | before.keys()
                             if now.get(p) != before.get(p)))
    finally:
        if own and executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _voices(book_dir: Path, options: BuildOptions) -> tuple[Voice, ...]:
    """The profile's voices, for the workers to load before the first edit (none if it does not load)."""
    try:
        return tuple(load_profile(load_book(book_dir), options.profile).voices.values())
    except AudiobookError:
        return ()


def _relative(path: str, book_dir: Path) -> str:
    try:
        return str(Path(path).relative_to(book_dir))
    except ValueError:
        return path


def _changed(roots: list[Path], before: Snapshot, interval: float, stop: Callable[[], bool]) -> Snapshot | None:
    """Wait until the files differ from ``before`` and then hold still for ``SETTLE``; the files
    then, or None if ``stop()`` came first."""
    now = before
    while now == before:
        if stop():
            return None
        time.sleep(interval)
        now = snapshot(roots)
    while True:                      # settle: the editor may still be writing (or be between its
        time.sleep(max(interval, SETTLE))   # truncate and its write, on a busy machine)
        later = snapshot(roots)
        if later == now:
            return now
        now = later
