"""Speaker attribution (issue 3): accuracy on the LitBank books and the speed of scripting a novel.

1. accuracy: ``../shared/tools/score_attribution.py`` on ``../shared/attribution/litbank`` with the
   cast list (book.yaml's ``characters:``) and without it (``--no-cast``, characters discovered);
   prints the scorer's summary lines (micro accuracy, detection recall, per quote type);
2. speed: every LitBank excerpt, repeated until the book has at least ``--words`` words (150,000 by
   default), as the chapters of one book, scripted on one core: ``build_script`` in this process
   (parse, discovery or cast, attribution, script lines), best of ``--repeat`` runs, without and
   with a cast list (the union of the excerpts' casts), then the whole ``audiobook script
   --format jsonl`` command once (interpreter start and JSON output included).

    .venv/bin/python bench/attribution.py [--skip-accuracy] [--skip-speed] [--words 150000] [--repeat 3]

Results and the commands are recorded in bench/ATTRIBUTION.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BIN = Path(sys.executable).parent


def accuracy(litbank: Path, scorer: Path, jobs: int) -> None:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    for track in ([], ["--no-cast"]):
        cmd = [sys.executable, str(scorer), str(litbank), "--jobs", str(jobs), *track]
        t0 = time.perf_counter()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
        took = time.perf_counter() - t0
        print(f"\n## {'without the cast list (--no-cast)' if track else 'with the cast list'}"
              f"   ({took:.1f} s)\n$ {' '.join(['python3', 'score_attribution.py', str(litbank), *cmd[3:]])}")
        for line in out.splitlines():
            if line.startswith(("overall", "micro", "per type", "false dialogue", "attribution accuracy")):
                print("  " + line)


def make_novel(litbank: Path, root: Path, words: int) -> tuple[int, int, list[str]]:
    """Write a book of LitBank excerpts (repeated) with at least ``words`` words; (words, chapters, cast yaml)."""
    texts = sorted(litbank.glob("*/manuscript/*.txt"))
    if not texts:
        raise SystemExit(f"{litbank}: no LitBank books here")
    (root / "manuscript").mkdir(parents=True)
    total = n = 0
    cast: dict[str, str] = {}
    while total < words:
        for t in texts:
            n += 1
            body = t.read_text(encoding="utf-8")
            (root / "manuscript" / f"{n:04d}-{t.parent.parent.name[:40]}.txt").write_text(
                f"# Chapter {n}\n\n{body}", encoding="utf-8")
            total += len(body.split())
            yaml = (t.parent / "book.yaml").read_text(encoding="utf-8")
            for m in re.finditer(r'- name: (".*?"|\S+)\n(?:\s+aliases: .*\n)?\s+gender: (\w+)', yaml):
                cast.setdefault(m.group(1), m.group(2))
            if total >= words:
                break
    entries = [f"  - name: {name}\n    gender: {g}" for name, g in cast.items()]
    return total, n, entries


def speed(litbank: Path, words: int, repeat: int) -> None:
    from audiobook.book import load_book
    from audiobook.script import build_script

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})     # one core
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "novel"
        total, chapters, cast = make_novel(litbank, root, words)
        print(f"\n## speed: {total:,} words in {chapters} chapters (LitBank excerpts, repeated), one core")
        yaml = root / "manuscript" / "book.yaml"
        for label, text in (("no cast list (discovery)", 'title: "Novel"\n'),
                            (f"cast list of {len(cast)} characters", 'title: "Novel"\ncharacters:\n'
                             + "\n".join(cast) + "\n")):
            yaml.write_text(text, encoding="utf-8")
            book = load_book(root)
            times, cpu = [], []
            for _ in range(repeat):
                t0, c0 = time.perf_counter(), time.process_time()
                sc = build_script(dataclasses.replace(book))
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            quotes = sum(1 for ln in sc.lines() if ln.kind == "dialogue")
            print(f"  build_script, {label}: best {min(times):.2f} s wall, {min(cpu):.2f} s CPU of {repeat} "
                  f"(wall {', '.join(f'{t:.2f}' for t in times)}); {quotes:,} dialogue lines, "
                  f"{total / min(cpu):,.0f} words per CPU second")
        yaml.write_text('title: "Novel"\n', encoding="utf-8")
        cmd = [str(BIN / "audiobook"), "script", "--book", str(root), "--format", "jsonl"]
        pin = ["taskset", "-c", str(sorted(os.sched_getaffinity(0))[0])] if hasattr(os, "sched_getaffinity") \
            and subprocess.run(["which", "taskset"], capture_output=True).returncode == 0 else []
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        out = subprocess.run([*pin, *cmd], capture_output=True, check=True).stdout
        took = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_s = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        nlines = out.count(b"\n")
        print(f"  $ {'taskset -c N ' if pin else ''}audiobook script --book NOVEL --format jsonl  (no cast list): "
              f"{took:.2f} s wall, {cpu_s:.2f} s CPU, {nlines:,} lines, {len(out) / 1e6:.1f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--litbank", type=Path, default=SHARED / "attribution" / "litbank")
    ap.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_attribution.py")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--words", type=int, default=150_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-accuracy", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args()
    if not args.skip_accuracy:
        accuracy(args.litbank, args.scorer, args.jobs)
    if not args.skip_speed:
        speed(args.litbank, args.words, args.repeat)


if __name__ == "__main__":
    main()
