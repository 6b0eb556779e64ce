"""The command line: the only module that prints or exits. Every command is a thin front end
over the library; AudiobookError becomes one line on stderr and exit code 2."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from audiobook.cli.terminal import visible, visible_json
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
    one running for the next build when none was (engines stay loaded: voice/server.py). The
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


# ---------------------------------------------------------------------------------- studio
@cli.command()
@book_option
@click.option("--voices", "profile", default=None, help="Voice profile (default: voices/default.yaml).")
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port on 127.0.0.1 (0: any free one).")
@click.option("--no-browser", is_flag=True, help="Print the URL only; do not open a browser.")
@click.option("--no-build", is_flag=True, help="Review and fix without rendering (no watch loop).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes (0: one per core).")
def studio(book_dir: Path, profile: str | None, port: int, no_browser: bool, no_build: bool, jobs: int) -> None:
    """Review the book in the browser: hear any line, fix its speaker or words, hear it again.

    Fixes are written into the manuscript (an inline [Name] tag, or the new words) and the
    profile; the book is rebuilt as with `build --watch`. Ctrl-C stops it."""
    import webbrowser

    from audiobook.studio import Studio
    from audiobook.studio.serve import StudioServer

    server = StudioServer(Studio(book_dir, profile, jobs=jobs, build=not no_build), port)
    click.echo(f"audiobook studio for {book_dir.resolve()}: {server.url}")
    click.echo("(only this machine can reach it, with the token in the URL; Ctrl-C to stop)", err=True)
    if not no_browser:
        webbrowser.open(server.url)
    server.run()


# ---------------------------------------------------------------------------------- init
@cli.command()
@click.argument("directory", required=False, default=Path("."), type=click.Path(file_okay=False, path_type=Path))
@click.option("--from", "source", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The book to start from: an EPUB, a plain-text (.txt, Project Gutenberg) or a Markdown file.")
@click.option("--force", is_flag=True, help="Replace the chapter files, book.yaml and voices/default.yaml of a book.")
@click.option("--keep-front-matter", is_flag=True, help="Keep title page, dedication, ... as chapters.")
def init(directory: Path, source: Path, force: bool, keep_front_matter: bool) -> None:
    """Make a book directory (manuscript/, book.yaml, voices/default.yaml) from an existing book."""
    from audiobook.importers import init_book

    for line in init_book(directory, source, force=force, keep_front_matter=keep_front_matter).summary():
        click.echo(line)


# ---------------------------------------------------------------------------------- server
@cli.group("server")
def server_cmd() -> None:
    """The synthesis server: engines kept loaded between builds, so an edit is said at once.

    A build starts it when none is running; it stops by itself after AUDIOBOOK_SERVER_IDLE
    seconds without a build (default 1800). AUDIOBOOK_SERVER=0 turns it off."""


@server_cmd.command("status")
def server_status() -> None:
    """Show the running synthesis server, if any."""
    import time

    from audiobook.voice import server

    found = server.servers()
    if not found:
        off = "" if server.enabled() else " (turned off: AUDIOBOOK_SERVER=0, or CI is set)"
        click.echo(f"no synthesis server is running{off}")
    for info in found:
        up = (time.time() - info["started"]) / 60
        stale = ("" if info["current"] else " (of this install's older code: it stops after its last build)"
                 if info["this_install"] else f" (of another install: {info.get('install', '?')})")
        click.echo(f"synthesis server {info['pid']}{stale}: up {up:.0f} min, {info['workers']} workers, "
                   f"{info['lines']} lines synthesized; voices loaded at start: {', '.join(info['voices']) or 'none'}; "
                   f"stops after {info['idle_timeout'] / 60:g} min without a build; log {info['log']}")


@server_cmd.command("stop")
@click.option("--all", "every", is_flag=True, help="Every install's server, not only this one's.")
def server_stop(every: bool) -> None:
    """Stop this install's synthesis server (the next build starts a new one, unless AUDIOBOOK_SERVER=0)."""
    from audiobook.voice import server

    pids = server.stop(every)
    click.echo(f"stopped the synthesis server ({', '.join(map(str, pids))})" if pids
               else "no synthesis server was running")


# ---------------------------------------------------------------------------------- validate
@cli.command()
@book_option
@click.option("--voices", "profile", default=None, help="Voice profile (default: voices/default.yaml).")
def validate(book_dir: Path, profile: str | None) -> None:
    """Check the book, the profile, every engine and model the cast needs, and the output folder."""
    from audiobook.build import BuildOptions, prepare
    from audiobook.cover import missing_cover

    prep = prepare(book_dir, BuildOptions(profile=profile))
    cover = prep.cover.warnings() if prep.cover else [missing_cover()]
    for w in [*prep.script.warnings, *prep.plan.warnings, *cover]:
        click.echo(visible(f"warning: {w}"), err=True)
    lines = prep.script.lines()
    click.echo(f"ok: {len(prep.script.chapters)} chapters, {len(lines)} lines, "
               f"{len(set(prep.plan.voices.values()))} voices; {len(prep.plan.jobs)} lines to synthesize")


# ---------------------------------------------------------------------------------- voices
# ---------------------------------------------------------------------------------- cache
@cli.command()
@book_option
@click.option("--voices", "profile", default=None, help="Profile whose lines count as in use when pruning.")
@click.option("--prune", is_flag=True, help="Delete cached lines that the current script does not use.")
def cache(book_dir: Path, profile: str | None, prune: bool) -> None:
    """Show the line cache's size; --prune removes entries no current script uses."""
    from audiobook.book import load_book
    from audiobook.text.script import build_script
    from audiobook.voice.cache import LineCache
    from audiobook.voice.profiles import load_profile
    from audiobook.voice.render import plan

    book = load_book(book_dir)
    lc = LineCache(book.work_dir / "cache")
    stats = lc.stats()
    click.echo(f"{lc.root}: {stats.entries} lines, {stats.bytes / 1e6:.1f} MB")
    if prune:
        from audiobook.build.pipeline import book_lock
        from audiobook.proof.stage import apply_takes

        p = plan(build_script(book), load_profile(book, profile), book, lc)
        apply_takes(p, lc, book.work_dir)       # the takes proofing chose are the lines in use
        with book_lock(book.work_dir):        # not while a build writes lines it is about to use
            removed = lc.prune(p.keys.values())
        used_by = profile or "the default profile"
        click.echo(f"pruned {removed.entries} lines ({removed.bytes / 1e6:.1f} MB) not used by {used_by}")


# ---------------------------------------------------------------------------------- script
@cli.command()
@book_option
@click.option("--chapter", "chapters", type=int, multiple=True, help="Only these chapters (1-based).")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
@click.option("--review", is_flag=True, help="List the dialogue lines most likely wrong first, with context.")
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True,
              help="With --review: how many lines (0: all).")
def script(book_dir: Path, chapters: tuple[int, ...], fmt: str, review: bool, limit: int) -> None:
    """Print the tagged script: every line with its speaker (dialogue with confidence and reason)."""
    from audiobook.book import load_book
    from audiobook.text.script import build_script

    book = load_book(book_dir)
    sc = build_script(book)
    for w in sc.warnings:
        click.echo(visible(f"warning: {w}"), err=True)
    wanted = set(chapters)
    _check_chapters(wanted, len(sc.chapters))
    if review:
        _review(sc, book.root, wanted, limit, fmt)
        return
    out = sys.stdout
    for ch in sc.chapters:
        if wanted and ch.number not in wanted:
            continue
        if fmt == "text":
            out.write(visible(f"\n== Chapter {ch.number}: {ch.title} ({ch.source})\n"))
        for line in ch.lines:
            if fmt == "jsonl":
                out.write(visible_json(json.dumps(line.to_json(), ensure_ascii=False)) + "\n")
            else:
                if line.brk in ("paragraph", "scene") and line.index > 0:
                    out.write("\n" if line.brk == "paragraph" else "\n   * * *\n\n")
                who = line.speaker if line.kind == "dialogue" else "·"
                conf = f"  [{line.confidence:.2f} {line.reason}]" if line.kind == "dialogue" else ""
                out.write(visible(f"{who:>12}  {line.text}{conf}") + "\n")


def _review(sc: Any, root: Path, wanted: set[int], limit: int, fmt: str) -> None:
    from audiobook.proof.stage import load_flagged
    from audiobook.text.script import review as find_review

    texts = {(ln.chapter, ln.index): ln.text for ln in sc.lines()}
    flags = [f for f in load_flagged(root / ".audiobook") if texts.get((f.chapter, f.index)) is not None
             and (not wanted or f.chapter in wanted)]
    for f in flags:                   # lines the last proof-listening left wrong (any kind): first
        if fmt == "jsonl":
            click.echo(json.dumps({"location": f.location, "speaker": f.speaker, "proof": f.score, "text": f.text,
                                   "heard": f.heard, "chapter": f.chapter, "index": f.index}, ensure_ascii=False))
            continue
        click.echo(f"{f.location}  {f.speaker}  [proof: score {f.score:.2f}]\n   text: {f.text}\n"
                   f"  heard: {f.heard or '; '.join(f.problems)}\n  fix: listen; rewrite or respell the line, "
                   f"or build --proof with more takes (proof: takes: in book.yaml)\n")
    items = [r for r in find_review(sc, root, 0, {(f.chapter, f.index) for f in flags})
             if not wanted or r.line.chapter in wanted]
    items = items[:limit] if limit else items
    for r in items:
        ln = r.line
        if fmt == "jsonl":
            d = {"location": r.location, "speaker": ln.speaker, "confidence": ln.confidence, "reason": ln.reason,
                 "text": ln.text, "before": r.before, "paragraph": r.paragraph, "after": r.after,
                 "others": list(r.others), "fix": r.fix, "chapter": ln.chapter, "index": ln.index}
            click.echo(visible_json(json.dumps(d, ensure_ascii=False)))
            continue
        click.echo(visible(f"{r.location}  {ln.speaker}  [{ln.confidence:.2f} {ln.reason}]"))
        for label, text in (("before", r.before), ("here", r.paragraph), ("after", r.after)):
            if text:
                click.echo(visible(f"  {label:>6}: {text if len(text) <= 300 else text[:299] + '…'}"))
        alt = f" (nearby speakers: {', '.join(r.others)})" if r.others else ""
        click.echo(visible(f"  fix: write the speaker in brackets right before the opening quote, e.g. {r.fix}{alt}\n"))
    if fmt == "text":
        click.echo(f"{len(items)} line(s) listed, least sure first; an inline [Name] tag is never listed again.")


# ---------------------------------------------------------------------------------- cast
@cli.command("cast")
@book_option
@click.option("--write", "write", type=click.Choice(["characters", "voices"]), default=None,
              help="Print a starter characters: block for book.yaml, or a starter voice profile.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --write: write to this new file instead of printing (an existing file is kept).")
def cast_cmd(book_dir: Path, write: str | None, output: Path | None) -> None:
    """List the characters found in the book: dialogue lines, gender, aliases."""
    from audiobook.book import load_book
    from audiobook.text.script import cast_of, characters_yaml, voices_yaml

    book = load_book(book_dir)
    entries = cast_of(book)
    if write is None:
        if output is not None:
            raise AudiobookError("--output needs --write characters or --write voices")
        click.echo("Characters from manuscript/book.yaml:" if book.characters is not None else
                   "Characters discovered in the text (book.yaml has no characters:; "
                   "`audiobook cast --write characters` starts one):")
        click.echo(f"  {'name':<28} {'lines':>5} {'words':>6}  {'gender':<8} aliases")
        for e in entries:
            click.echo(f"  {e.name:<28} {e.lines:>5} {e.words:>6}  {e.gender:<8} {', '.join(e.aliases)}")
        return
    text = characters_yaml(entries) if write == "characters" else voices_yaml(entries, book.title)
    if output is None:
        click.echo(text, nl=False)
        return
    if output.exists():
        raise AudiobookError(f"{output}: already exists; it is kept. Choose a new file name, or print with "
                             f"`audiobook cast --write {write}` and copy what you need")
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        raise AudiobookError(f"{output}: cannot write it ({e.strerror})") from None
    click.echo(f"wrote {output}", err=True)


def _check_chapters(wanted: set[int], count: int) -> None:
    bad = sorted(n for n in wanted if not 1 <= n <= count)
    if bad:
        raise AudiobookError(f"--chapter {bad[0]}: the book has chapters 1 to {count}")



# ---------------------------------------------------------------------------------- check
@cli.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--book", "book_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Check every MP3/M4B under this book's output/ (the default when no FILES are given).")
def check(files: tuple[Path, ...], book_dir: Path | None) -> None:
    """Measure finished files against ACX's audio rules; exit 1 if any rule fails.

    Prints, for each file, every rule with its requirement, the measured value and pass/fail;
    full-book files also get their chapter markers checked against the chapter files.
    """
    from audiobook.audio.acx import book_files, check_files

    paths = list(files)
    if book_dir is not None or not paths:
        paths += book_files(_output_of(book_dir or Path(".")))
    report = check_files(paths)
    width = (18, 32, 34)
    for f in report.files:
        click.echo(f"\n{f.path}")
        click.echo(f"  {'rule':<{width[0]}} {'requirement':<{width[1]}} {'measured':<{width[2]}} result")
        for r in f.rules:
            mark = {"pass": "pass", "fail": click.style("FAIL", fg="red", bold=True), "n/a": "n/a"}[r.status]
            click.echo(f"  {r.name:<{width[0]}} {r.requirement:<{width[1]}} {r.measured:<{width[2]}} {mark}")
    failed = [f for f in report.files if not f.ok]
    click.echo(f"\n{len(report.files) - len(failed)} of {len(report.files)} files pass every ACX rule")
    if failed:
        sys.exit(1)

def _output_of(book_dir: Path) -> Path:
    """The book's output folder (book.yaml's output:, else output/)."""
    from audiobook.book import load_book

    try:
        return load_book(book_dir).output_dir
    except AudiobookError:
        return book_dir / "output"


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


def main() -> None:
    """Entry point: run the CLI, turning user errors into one line and exit code 2."""
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
    except BrokenPipeError:
        sys.exit(0)
    except OSError as e:     # a file the library does not own (e.g. --report FILE): still one line
        where = f"{e.filename}: " if e.filename else ""
        click.echo(f"error: {where}{e.strerror or e}", err=True)
        sys.exit(2)
