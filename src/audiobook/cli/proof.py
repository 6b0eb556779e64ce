"""``audiobook proof``: hear an existing build's lines back without synthesizing anything, and
the ``script --review`` section of lines the last proofing flagged."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from audiobook.cli.main import book_option, cli, proof_summary


@cli.command("proof")
@book_option
@click.option("--voices", "profile", default=None, help="Voice profile (default: voices/default.yaml).")
@click.option("--chapter", "chapters", type=int, multiple=True, help="Only these chapters.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the proof report as JSON (each flagged line: file:line, text, heard, score).")
def proof_cmd(book_dir: Path, profile: str | None, chapters: tuple[int, ...], report_path: Path | None) -> None:
    """Proof-listen the lines of the last build (nothing is synthesized or retaken; `build --proof`
    retakes). Lists each line still wrong; exit code 1 if there is one."""
    from audiobook.build import BuildOptions, prepare
    from audiobook.build.pipeline import book_lock
    from audiobook.build.proofing import known_names
    from audiobook.proof.stage import proof

    prep = prepare(book_dir, BuildOptions(profile=profile, chapters=frozenset(chapters)))
    show = sys.stderr.isatty()
    bar = None

    def progress(stage: str, done: int, total: int) -> None:
        nonlocal bar
        if show and stage == "proof" and total:
            if bar is None:
                bar = click.progressbar(length=total, label="Proof-listening", file=sys.stderr)
                bar.__enter__()
            bar.update(done - bar.pos)

    lines = [ln for t in [*prep.chapters, *prep.credits] for ln in t.lines]
    with book_lock(prep.book.work_dir):
        report = proof(lines, prep.plan, prep.cache, prep.book.work_dir, prep.book.proof.on(),
                       None, known_names(prep), progress)
    if bar is not None:
        bar.__exit__(None, None, None)
    if report_path is not None:
        report_path.write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for f in report.flagged:
        why = f"  ({'; '.join(f.problems)})" if f.problems else ""
        click.echo(f"{f.location}  {f.speaker}  score {f.score:.2f}{why}")
        click.echo(f"   text: {f.text}")
        click.echo(f"  heard: {f.heard}\n")
    click.echo(proof_summary(report))
    if report.flagged:
        sys.exit(1)

