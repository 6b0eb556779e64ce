"""Proof-listening benchmark (issue 17), on bench/alice (12 minutes, 72 lines) with its real cast.
Prints, in one run, side by side:

1. a cold build without proofing, and the same cold build with ``--proof``: wall seconds (CPU
   seconds are not comparable here: the synthesis workers are the forkserver's children);
2. proofing alone (``audiobook proof`` on the first build: hearing, no synthesis): its speed as
   audio seconds per wall second, and per CPU second times the cores (what an idle machine of
   this many cores would do: the one to read on a shared machine);
3. a no-change rebuild with proofing on (it hears nothing and loads no model) beside one with
   proofing off: best of 3 each, wall and CPU (one process: comparable).

    .venv/bin/python bench/proof.py [--book bench/alice]

Needs audiobook[proof]. Whole commands as a user runs them (interpreter start included), the
synthesis server off (AUDIOBOOK_SERVER=0), so each build pays for its own workers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AUDIOBOOK = str(Path(sys.executable).parent / "audiobook")
ENV = {**os.environ, "AUDIOBOOK_SERVER": "0"}


def timed(args: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the whole process tree) of ``audiobook ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([AUDIOBOOK, *args], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in ok:
        sys.exit(f"audiobook {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def fresh(tmp: Path, source: Path, name: str) -> Path:
    book = tmp / name
    for part in ("manuscript", "voices"):
        shutil.copytree(source / part, book / part)
    return book


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--book", type=Path, default=REPO / "bench" / "alice")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="proof-bench-") as t:
        tmp = Path(t)
        ENV["AUDIOBOOK_CACHE"] = str(tmp / "user-cache")          # the model assembled once, first
        subprocess.run([sys.executable, "-c", "from audiobook.proof.asr import model_dir; model_dir()"],
                       env=ENV, check=True)
        plain, proofed = fresh(tmp, args.book, "plain"), fresh(tmp, args.book, "proofed")
        timed(["build", "--book", str(fresh(tmp, args.book, "warm")), "--no-proof", "--quiet"])   # voices' caches
        a_wall, _ = timed(["build", "--book", str(plain), "--no-proof", "--quiet"])
        b_wall, _ = timed(["build", "--book", str(proofed), "--proof", "--quiet",
                               "--report", str(tmp / "proofed.json")])
        built = json.loads((tmp / "proofed.json").read_text())
        p_wall, p_cpu = timed(["proof", "--book", str(plain), "--report", str(tmp / "heard.json")], ok=(0, 1))
        heard = json.loads((tmp / "heard.json").read_text())
        rebuilds = [timed(["build", "--book", str(proofed), "--proof", "--quiet"]) for _ in range(3)]
        plain_rebuilds = [timed(["build", "--book", str(proofed), "--no-proof", "--quiet"]) for _ in range(3)]
    audio = heard["audio_seconds"]
    pr = built["proof"]
    print(f"book: {args.book.relative_to(REPO) if args.book.is_relative_to(REPO) else args.book}: "
          f"{built['lines_total']} lines, {built['audio_seconds'] / 60:.1f} min of audio; {cores} cores; "
          f"load average at the end {os.getloadavg()[0]:.1f}")
    print(f"1. cold build            wall {a_wall:7.1f} s")
    print(f"   cold build --proof    wall {b_wall:7.1f} s   (x{b_wall / a_wall:.2f}; {pr['proofed']} takes heard, "
          f"{pr['retaken']} retaken, {len(pr['flagged'])} flagged: "
          f"{'; '.join(f['location'] + ' ' + repr(f['heard'][:60]) for f in pr['flagged'])})")
    print(f"2. proofing alone        {audio:.0f} s of audio heard in {p_wall:.1f} s wall, {p_cpu:.1f} s cpu: "
          f"{audio / p_wall:.1f}x real time (wall), {audio * cores / p_cpu:.1f}x real time on {cores} idle cores "
          f"(audio x cores / cpu); {heard['lines']} lines, {len(heard['flagged'])} flagged")
    for label, runs in (("--proof   ", rebuilds), ("--no-proof", plain_rebuilds)):
        walls = ", ".join(f"{w:.2f}" for w, _ in runs)
        print(f"3. no-change rebuild {label}: best {min(w for w, _ in runs):.2f} s wall of {walls}; "
              f"cpu {min(c for _, c in runs):.2f} s")


if __name__ == "__main__":
    main()
