"""The command line: the only module that prints or exits. Every command is a thin front end
over the library; AudiobookError becomes one line on stderr and exit code 2."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from audiobook.errors import AudiobookError

F = TypeVar("F", bound=Callable[..., Any])

book_option = click.option(
    "--book", "book_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
    show_default=True, help="Book directory holding manuscript/, voices/ and output/.")


@click.group()
@click.version_option(package_name="audiobook")
def cli() -> None:
    """Turn a manuscript into a finished, chaptered, multi-voice audiobook."""


# ---------------------------------------------------------------------------------- script
@cli.command()
@book_option
@click.option("--chapter", "chapters", type=int, multiple=True, help="Only these chapters (1-based).")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
def script(book_dir: Path, chapters: tuple[int, ...], fmt: str) -> None:
    """Print the tagged script: every line with its speaker."""
    from audiobook.book import load_book
    from audiobook.script import build_script

    book = load_book(book_dir)
    sc = build_script(book)
    for w in sc.warnings:
        click.echo(f"warning: {w}", err=True)
    wanted = set(chapters)
    _check_chapters(wanted, len(sc.chapters))
    out = sys.stdout
    for ch in sc.chapters:
        if wanted and ch.number not in wanted:
            continue
        if fmt == "text":
            out.write(f"\n== Chapter {ch.number}: {ch.title} ({ch.source})\n")
        for line in ch.lines:
            if fmt == "jsonl":
                out.write(json.dumps(line.to_json(), ensure_ascii=False) + "\n")
            else:
                if line.brk in ("paragraph", "scene") and line.index > 0:
                    out.write("\n" if line.brk == "paragraph" else "\n   * * *\n\n")
                who = line.speaker if line.kind == "dialogue" else "·"
                conf = f"  [{line.confidence:.2f} {line.reason}]" if line.kind == "dialogue" else ""
                out.write(f"{who:>12}  {line.text}{conf}\n")


def _check_chapters(wanted: set[int], count: int) -> None:
    bad = sorted(n for n in wanted if not 1 <= n <= count)
    if bad:
        raise AudiobookError(f"--chapter {bad[0]}: the book has chapters 1 to {count}")


def main() -> None:
    """Entry point: run the CLI, turning user errors into one line and exit code 2."""
    try:
        cli.main(standalone_mode=False)
    except AudiobookError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(e.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted; finished lines are kept in the cache", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
