"""Commands around the build: init (a book from an EPUB or text), studio (review in the browser),
and the synthesis server's status and stop."""

from __future__ import annotations

from pathlib import Path

import click

from audiobook.cli.main import book_option, cli


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
