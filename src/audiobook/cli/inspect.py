"""Commands that read a book and report: validate, script (and --review), cast, cache, check."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from audiobook.cli.main import book_option, cli
from audiobook.cli.terminal import visible, visible_json
from audiobook.errors import AudiobookError
from audiobook.model import NARRATOR, Line


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
    from audiobook.voice.planning import plan
    from audiobook.voice.profiles import load_profile

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
                conf = f"  [{line.confidence:.2f} {line.reason}{_read_by(line)}]" if line.kind == "dialogue" else ""
                out.write(visible(f"{who:>12}  {line.text}{conf}") + "\n")


def _read_by(line: Line) -> str:
    """'; read by the narrator' for a character's line the narration voice reads (a thought)."""
    return "; read by the narrator" if line.narrated and line.speaker != NARRATOR else ""


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
            d = {"location": r.location, "speaker": ln.speaker, "narrated": ln.narrated, "confidence": ln.confidence,
                 "reason": ln.reason,
                 "text": ln.text, "before": r.before, "paragraph": r.paragraph, "after": r.after,
                 "others": list(r.others), "fix": r.fix, "chapter": ln.chapter, "index": ln.index}
            click.echo(visible_json(json.dumps(d, ensure_ascii=False)))
            continue
        click.echo(visible(f"{r.location}  {ln.speaker}  [{ln.confidence:.2f} {ln.reason}{_read_by(ln)}]"))
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
    from audiobook.text.script import cast_of, characters_yaml
    from audiobook.voice.starter import voices_yaml

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
