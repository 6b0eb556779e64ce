"""Where jobs are rendered: a process pool of synthesis workers (one per core, each loading its
engines once), or this process (``--jobs 1``); and ``synthesize``, which runs jobs on any
``concurrent.futures.Executor`` (a pool, the synthesis server, a cluster) and reports each as it
finishes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from audiobook.errors import WorkersLost
from audiobook.model import Voice
from audiobook.voice.cache import LineCache
from audiobook.voice.planning import Job
from audiobook.voice.render import Done, engine_threads, init_worker, render_job


def _forkserver_deaf_to_ctrl_c() -> None:
    """Start the fork server (the parent of every worker) with Ctrl-C ignored and its stderr on
    /dev/null: it and each worker it forks ignore Ctrl-C until the worker's initializer makes it a
    quiet exit, and a worker still starting when an interrupted build has gone fails without a
    traceback. A worker's errors reach the build through its futures; ``--jobs 1`` shows an
    engine's own output."""
    from multiprocessing import forkserver

    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)      # inherited through exec
    err = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        forkserver.ensure_running()
    finally:
        os.dup2(err, 2)
        os.close(err)
        os.close(null)
        signal.signal(signal.SIGINT, before)


@contextmanager
def _ctrl_c_held(hold: bool) -> Iterator[None]:
    """Ctrl-C held back (delivered at the end) while a pool starts its workers: a KeyboardInterrupt
    inside ``submit`` leaves a worker started but not yet the pool's, which the build then does not
    wait for, and which fails with a traceback once the build has gone."""
    if not hold or threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _ready() -> None:
    """A task that only makes a pool start a worker (which runs the initializer)."""


class InlineExecutor(Executor):
    """Runs each job at submit time in this process (``--jobs 1``: no pool, no pickling)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as e:  # delivered through the future, like a pool would
            if isinstance(e, KeyboardInterrupt):
                raise
            fut.set_exception(e)
        return fut


def default_executor(jobs: int, threads: int, warm: tuple[Voice, ...] = ()) -> Executor:
    """``jobs`` worker processes (1: this process) of ``threads`` engine threads each. With ``warm``
    voices, each worker loads those voices' engines when it starts, before its first line (a pool
    kept for several builds: see ``warm_up``)."""
    if jobs <= 1:
        init_worker(threads)                 # this process is the worker (see warm_up)
        return InlineExecutor()
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["audiobook.voice.render"])
        _forkserver_deaf_to_ctrl_c()
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=init_worker,
                               initargs=(threads, warm, os.getpid()))


def warm_up(executor: Executor, jobs: int, warm: tuple[Voice, ...]) -> None:
    """Have ``executor``'s ``jobs`` workers load ``warm``'s voices now, in the background (a pool
    made with those voices starts its workers on demand: demand them), or in this process."""
    if isinstance(executor, InlineExecutor):
        init_worker(engine_threads(), warm)
    elif isinstance(executor, ProcessPoolExecutor):
        for _ in range(jobs):
            executor.submit(_ready)


def shares_disk(executor: Executor) -> bool:
    """Whether ``executor``'s workers write the line cache themselves (a local pool, the synthesis
    server), or send the audio back for this process to write (``shares_disk = False``: a cluster)."""
    return bool(getattr(executor, "shares_disk", True))


def keep(cache: LineCache, done: Done) -> Done:
    """Store the audio a worker sent back (see ``render_job``); ``done`` without it."""
    if done.pcm is None:
        return done
    cache.write(done.key, done.pcm)
    return replace(done, pcm=None)


def synthesize(jobs: list[Job], cache: LineCache, executor: Executor,
               on_done: Callable[[Done], None] | None = None) -> list[Done]:
    """Render ``jobs`` on ``executor`` in the order given; ``on_done`` is called in this thread as
    each finishes (with an executor that runs jobs at submit time, right after each one)."""
    futures: list[Future[Done]] = []
    reported: set[int] = set()
    results: list[Done] = []
    root = os.path.abspath(cache.root) if shares_disk(executor) else ""   # a server runs elsewhere

    def report(fut: Future[Done]) -> None:
        reported.add(id(fut))
        done = keep(cache, fut.result())
        results.append(done)
        if on_done:
            on_done(done)

    try:
        with _ctrl_c_held(isinstance(executor, ProcessPoolExecutor)):
            for j in jobs:
                fut = executor.submit(render_job, j, root)
                futures.append(fut)
                if fut.done():
                    report(fut)
        for fut in as_completed(futures):
            if id(fut) not in reported:
                report(fut)
    except BrokenExecutor:
        for f in futures:
            f.cancel()
        raise WorkersLost("a synthesis worker process died (out of memory, or the engine crashed); "
                             "finished lines are kept: build again, with --jobs 1 to see the engine's own "
                             "error") from None
    except BaseException:
        for f in futures:
            f.cancel()
        raise
    return results


def worker_pool(jobs: int = 0, warm: tuple[Voice, ...] = ()) -> Executor:
    """Synthesis workers to keep for several builds (``BuildOptions.executor``; ``--watch``; the
    synthesis server): ``jobs`` processes (0: one per core; 1: this process), each loading an
    engine once for all of them, the engines of ``warm`` as soon as they start."""
    cores = os.cpu_count() or 1
    n = jobs or cores
    return default_executor(n, max(1, cores // n), warm)
