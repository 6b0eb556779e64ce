"""The command line: the only module that prints or exits. Every command is a thin front end
over the library; AudiobookError becomes one line on stderr and exit code 2."""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from audiobook.cli.terminal import visible
from audiobook.errors import AudiobookError

if TYPE_CHECKING:
    from audiobook.build import BuildOptions, BuildReport, Progress
    from audiobook.proof.stage import ProofReport

F = TypeVar("F", bound=Callable[..., Any])

book_option = click.option(
    "--book", "book_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
    show_default=True, help="Book directory holding manuscript/, voices/ and output/.")


@click.group()
@click.version_option(package_name="audiobook")
def cli() -> None:
    """Turn a manuscript into a finished, chaptered, multi-voice audiobook."""


# ---------------------------------------------------------------------------------- build
@cli.command()
@click.option("--book", "book_dirs", type=click.Path(file_okay=False, path_type=Path), multiple=True,
              help="Book directory holding manuscript/, voices/ and output/ (default: .); repeat to build "
                   "several books on one set of workers.")
@click.option("--catalog", "catalog", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A file listing book directories, one a line (relative to the file), to build together.")
@click.option("--cluster", "cluster", envvar="AUDIOBOOK_CLUSTER", default=None, metavar="tcp://HOST:8786",
              help="Synthesize on the workers of this Dask scheduler (also AUDIOBOOK_CLUSTER).")
@click.option("--voices", "profile", default=None, help="Voice profile (default: voices/default.yaml).")
@click.option("--chapter", "chapters", type=int, multiple=True, help="Re-render only these chapters.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes (0: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write a JSON report of the build to this file.")
@click.option("--format", "formats", type=click.Choice(["mp3", "m4b"]), multiple=True,
              help="Full-book file format; repeat for both (default: mp3). Chapters are always MP3.")
@click.option("--watch", "watching", is_flag=True,
              help="Stay running: build again each time manuscript/ or voices/ change (engines stay loaded).")
@click.option("--output", "output", type=click.Path(path_type=Path), default=None,
              help="Output folder instead of output/ (or book.yaml's output:), e.g. to hear two casts side by side.")
@click.option("--proof/--no-proof", "proof", default=None,
              help="Hear every new line back with Whisper, retake what is wrong, flag the rest "
                   "(default: as book.yaml's proof: says; needs audiobook[proof]).")
def build(book_dirs: tuple[Path, ...], catalog: Path | None, cluster: str | None, profile: str | None,
          chapters: tuple[int, ...], jobs: int, quiet: bool, report_path: Path | None, formats: tuple[str, ...],
          watching: bool, output: Path | None, proof: bool | None) -> None:
    """Render the book: chapter MP3s (and credits) and a full-book MP3 and/or M4B with chapter
    markers, tags and cover in output/."""
    from audiobook.build import BuildOptions
    from audiobook.build.progress import LogLines, Status

    show = not quiet and sys.stderr.isatty()
    bars: dict[str, Any] = {}

    def bar_to(stage: str, done: int, total: int) -> None:
        if total == 0:
            return
        bar = bars.get(stage)
        if bar is not None and (bar.length != total or done < bar.pos):    # another round (proofing's retakes)
            bar = None
        if bar is None:
            label = {"synthesize": "Synthesizing lines", "chapters": "Assembling chapters",
                     "proof": "Proof-listening"}[stage]
            bar = bars[stage] = click.progressbar(length=total, label=label, show_eta=True, file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)

    def progress(stage: str, done: int, total: int) -> None:
        if show and stage in ("chapters", "proof"):       # proofing reports its hearing here
            bar_to(stage, done, total)

    def bar_status(s: Status) -> None:       # the synthesis bar counts characters: its ETA is theirs
        if s.stage == "synthesize":
            bar_to("synthesize", s.chars_done, s.chars_total)

    # not a terminal (a pipe, a log): a line every few seconds on stdout, beside the summary; stderr
    # keeps to problems
    status = None if quiet else bar_status if show else LogLines(click.echo)

    if report_path is not None and not report_path.resolve().parent.is_dir():     # before hours of work
        raise AudiobookError(f"--report {report_path}: the folder {report_path.parent} does not exist")
    from audiobook.cli.books import build_many, executor_for

    books = list(book_dirs)
    if catalog is not None:
        from audiobook.build.catalog import read_catalog

        books += read_catalog(catalog)
    books = books or [Path(".")]
    many = len(books) > 1 or catalog is not None
    if many and (chapters or watching or output):
        one = "--chapter" if chapters else "--watch" if watching else "--output"
        raise AudiobookError(f"{one} works on one book; give one --book")
    opts = BuildOptions(profile=profile, chapters=frozenset(chapters), jobs=jobs, formats=formats or ("mp3",),
                        status=None if many else status, output=output, proof=proof)
    with executor_for(cluster.strip() if cluster else None, books, opts) as executor:
        opts = replace(opts, executor=executor)
        if many:
            assert executor is not None
            build_many(books, opts, executor, progress, quiet, report_path)
        elif watching:
            _watch(books[0], opts, progress, quiet, report_path)
        else:
            _summary(served_build(books[0], opts, progress), quiet, report_path)


def served_build(book_dir: Path, opts: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """A build that hands its lines to this install's synthesis server when one is up, and leaves
    one running for the next build when none was (engines stay loaded: voice/server/). The
    server is the command line's policy: ``build()`` itself never starts one."""
    from dataclasses import replace

    from audiobook.book import load_book
    from audiobook.build import build as run_build
    from audiobook.voice import server
    from audiobook.voice.profiles import load_profile

    own = opts.executor is None and not opts.jobs
    report = run_build(book_dir, replace(opts, use_server=own and server.enabled()), progress)
    if own and not report.server and not server.running():
        server.start(load_profile(load_book(book_dir), opts.profile).voices.values())
    return report


def _watch(book_dir: Path, opts: BuildOptions, progress: Progress, quiet: bool, report_path: Path | None) -> None:
    import signal
    import time

    from audiobook.build.watch import watch

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)      # stopped by a process manager: stop as for Ctrl-C
    where = ", ".join(str(p) for p in (book_dir / "manuscript", book_dir / "voices"))
    try:
        def changed(paths: list[str]) -> None:
            shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
            click.echo(f"[{time.strftime('%H:%M:%S')}] changed: {shown}; building", err=True)

        for result in watch(book_dir, opts, progress, on_change=changed):
            stamp = time.strftime("%H:%M:%S")
            if isinstance(result, AudiobookError):
                for line in str(result).splitlines():
                    click.echo(f"error: {line}", err=True)
                click.echo(f"[{stamp}] not built; fix the above and save", err=True)
            else:
                _summary(result, quiet, report_path)
                encoded = sum(c.paragraphs_encoded for c in result.chapters)
                paragraphs = sum(c.paragraphs for c in result.chapters)
                click.echo(f"[{stamp}] built: {result.lines_synthesized} lines synthesized, "
                           f"{result.lines_cached} reused, {encoded} of {paragraphs} paragraphs encoded, "
                           f"in {result.wall_seconds:.2f} s")
            click.echo(f"watching {where} for changes (Ctrl-C to stop)", err=True)
    except KeyboardInterrupt:
        click.echo("stopped watching; finished lines are kept in the cache", err=True)


def _summary(report: BuildReport, quiet: bool, report_path: Path | None) -> None:
    for w in report.shown_warnings:
        click.echo(visible(f"warning: {w}"), err=True)
    if report.held_warnings and not quiet:
        click.echo(f"({report.held_warnings} warning(s) about lines an earlier build rendered are not repeated; "
                   f"audiobook validate lists them all)", err=True)
    if report_path is not None:
        report_path.write_text(json.dumps(report.to_json(), indent=2) + "\n", encoding="utf-8")
    if not quiet:
        minutes, seconds = divmod(report.audio_seconds, 60)
        chapters = sum(1 for c in report.chapters if not c.credits)
        credits = " and the credits" if any(c.credits for c in report.chapters) else ""
        click.echo(
            f"{chapters} chapter(s){credits}, {report.lines_total} lines "
            f"({report.lines_synthesized} synthesized{' by the synthesis server' if report.server else ''}, "
            f"{report.lines_cached} reused), "
            f"{int(minutes)}:{seconds:04.1f} of audio in {report.wall_seconds:.1f} s"
        )
        reported = f", {report.words_reported:,} reported above" if report.words_reported else ""
        click.echo(f"{report.words_total:,} words in the manuscript: {report.words_spoken:,} spoken{reported}")
        if report.proof is not None:
            click.echo(proof_summary(report.proof))
        for ch in report.chapters:
            click.echo(f"  {ch.file}")
        for book_file in report.book_files:
            click.echo(f"  {book_file}  (full book, with chapter markers)")


def proof_summary(p: ProofReport) -> str:
    heard = f" ({p.audio_seconds:.0f} s of audio heard in {p.seconds:.1f} s)" if p.proofed else ""
    flagged = f"{len(p.flagged)} still flagged (listed above)" if p.flagged else "none flagged"
    unbuilt = f"; {p.unbuilt} lines not built yet (run audiobook build)" if p.unbuilt else ""
    return f"proof: {p.proofed} takes heard of {p.lines} lines{heard}, {p.retaken} retaken, {flagged}{unbuilt}"


def run() -> None:
    """The ``audiobook`` command: ``main``, then, once it succeeded and its output is flushed, an
    exit that skips the interpreter's teardown (0.15 s after a build: freeing the models, the G2P
    dictionaries, every module), work nobody waits for: every file is written and closed, and
    the worker processes are gone, before ``main`` returns."""
    _keep_freed_memory()
    main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:      # a reader that stopped early (audiobook script | head)
        pass
    os._exit(0)


def _keep_freed_memory() -> None:
    """Ask glibc's allocator to keep 64 MB of freed memory at the top of its heaps instead of
    handing it back to the system at once: mastering a chapter paragraph by paragraph frees and
    allocates the same few-MB buffers over and over, and each one handed back came back as page
    faults (43,000 of them, 0.07 s of a 0.12 s high-pass). Anything but glibc: nothing to do."""
    import ctypes

    try:
        ctypes.CDLL(None).mallopt(-2, 64 << 20)       # M_TOP_PAD
    except (OSError, AttributeError, TypeError):
        pass


def _interrupt_again(unraisable: Any) -> None:
    """A Ctrl-C that lands in a finalizer the garbage collector runs (a worker pool's semaphore freed
    mid-build) is printed with a traceback and swallowed by Python, and the build goes on as if
    never interrupted: send it again to the main thread, from a timer thread, a tenth of a second
    later, once this hook and the finalizer have returned. Anything else as Python reports it."""
    import signal
    import threading

    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)
    else:
        main = threading.main_thread().ident
        again = threading.Timer(0.1, signal.pthread_kill, args=(main, signal.SIGINT))
        again.daemon = True
        again.start()


def _quiet_interrupt(unraisable: Any) -> None:
    """After the command: a Ctrl-C in a finalizer at exit is no error; anything else as Python reports it."""
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)


def _late_report(args: Any) -> None:
    """A worker pool's own thread that reports to a future the build already cancelled (a Ctrl-C that
    also ended a worker: Python 3.11's pool then fails every job it still holds, cancelled ones too)
    raises InvalidStateError there; nobody waits for that future, so it is no error. Anything else
    as Python reports it."""
    from concurrent.futures import InvalidStateError

    if not issubclass(args.exc_type, InvalidStateError):
        threading.__excepthook__(args)


def _interrupted(e: BaseException) -> bool:
    """A Ctrl-C, also one Python wrapped in another error on its way out (a KeyboardInterrupt during an
    import is raised as "RuntimeError: Error calling __set_name__" when it lands in a dataclass)."""
    cause: BaseException | None = e
    while cause is not None:
        if isinstance(cause, (KeyboardInterrupt, click.exceptions.Abort)):
            return True
        cause = cause.__cause__
    return False


def main() -> None:
    """Entry point: run the CLI, turning user errors into one line and exit code 2."""
    sys.unraisablehook = _interrupt_again
    threading.excepthook = _late_report
    try:
        cli.main(standalone_mode=False)
    except AudiobookError as e:
        for line in str(e).splitlines():
            click.echo(visible(f"error: {line}"), err=True)
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):      # click turns Ctrl-C into Abort
        click.echo("interrupted; finished lines are kept in the cache", err=True)
        sys.exit(130)
    except RuntimeError as e:
        if not _interrupted(e):
            raise
        click.echo("interrupted; finished lines are kept in the cache", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as e:     # a file the library does not own (e.g. --report FILE): still one line
        where = f"{e.filename}: " if e.filename else ""
        click.echo(f"error: {where}{e.strerror or e}", err=True)
        sys.exit(2)
    finally:
        sys.unraisablehook = _quiet_interrupt     # the command has ended: a late Ctrl-C has nothing to stop
