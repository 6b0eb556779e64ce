"""``audiobook build`` for a catalog (several ``--book``, ``--catalog FILE``) and on a Dask cluster
(``--cluster ADDRESS``, ``AUDIOBOOK_CLUSTER``): where the executor comes from, and one summary
line per book; a book that failed is one ``error: BOOK: ...`` line and makes the exit code 2."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path

import click

from audiobook.build import BuildOptions, Progress
from audiobook.errors import AudiobookError
from audiobook.model import Voice


def cast_voices(book_dirs: list[Path], profile: str | None) -> list[Voice]:
    """The voices the books' profiles name (a book whose profile does not load is reported by its
    build): what the cluster's workers are checked for at connect time."""
    from audiobook.book import load_book
    from audiobook.voice.profiles import load_profile

    voices: dict[tuple[object, ...], Voice] = {}
    for d in book_dirs:
        try:
            for v in load_profile(load_book(d), profile).voices.values():
                voices.setdefault((v.engine, v.model, v.options), v)
        except AudiobookError:
            continue
    return list(voices.values())


@contextmanager
def executor_for(address: str | None, book_dirs: list[Path], options: BuildOptions) -> Iterator[Executor | None]:
    """The cluster's executor (checked against the books' voices) when ``address`` is given; a
    local pool for several books (one executor for all); None for one book (the build's own)."""
    if address:
        from audiobook.voice import cluster

        with cluster.connect(address, cast_voices(book_dirs, options.profile)) as ex:
            yield ex
    elif len(book_dirs) > 1:
        from audiobook.voice.workers import worker_pool

        pool = worker_pool(options.jobs)
        try:
            yield pool
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        yield None


def build_many(book_dirs: list[Path], options: BuildOptions, executor: Executor, progress: Progress,
               quiet: bool, report_path: Path | None) -> None:
    """Build every book; print each one's outcome; exit 2 if any failed."""
    from audiobook.build.catalog import build_books

    results = build_books(book_dirs, options, executor, progress)
    if report_path is not None:
        report_path.write_text(json.dumps({"books": [r.to_json() for r in results]}, indent=2) + "\n",
                               encoding="utf-8")
    for r in results:
        if r.error:
            for line in r.error.splitlines():
                click.echo(f"error: {r.book}: {line}", err=True)
            continue
        assert r.report is not None
        for w in r.report.warnings:
            click.echo(f"warning: {r.book}: {w}", err=True)
        if not quiet:
            rep = r.report
            click.echo(f"{r.book}: {len(rep.chapters)} chapter(s), {rep.lines_total} lines "
                       f"({rep.lines_synthesized} synthesized, {rep.lines_cached} reused), "
                       f"{rep.audio_seconds / 60:.1f} min of audio in {rep.wall_seconds:.1f} s")
    failed = sum(1 for r in results if r.error)
    if failed:
        click.echo(f"{failed} of {len(results)} books not built (see above); the others are done", err=True)
        sys.exit(2)
