"""A whole novel as one chapter (issue 18): a book of one ``--hours``-hour chapter on the test
engine, built as a user builds it, must come out as parts of at most ``max_file_minutes`` (ACX:
120) each passing ``audiobook check``, with the build's peak memory under 1 GB.

    .venv/bin/python bench/long_chapter.py [--hours 5] [--minutes 120] [--keep DIR]

Prints the validation's announcement, the build's wall time and peak RSS (GNU time's maximum
resident set of the ``audiobook build`` process tree's largest process), each part's length and
the check's verdict. Results: bench/RESULTS.md, "A whole novel as one chapter".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
PROFILE = """voices:
  narr: {engine: test, model: narrator, options: {seconds_per_char: 0.2}}
cast:
  Narrator: narr
fallback:
  default: narr
"""
SENTENCES = ["The river ran on past the mill and the fields beyond it.",
             "Nobody in the village remembered a winter as long as that one.",
             "She kept the letters in a tin box under the loose board by the stove.",
             "By the time the lamps were lit the road was white with frost."]


def make_book(root: Path, hours: float) -> int:
    """One chapter of about ``hours`` hours at the profile's rate; returns its words."""
    (root / "manuscript").mkdir(parents=True)
    (root / "voices").mkdir()
    (root / "voices" / "default.yaml").write_text(PROFILE, encoding="utf-8")
    (root / "manuscript" / "book.yaml").write_text('title: "The Long Winter"\nauthor: "A. Writer"\n', encoding="utf-8")
    paras, seconds, n = [], 0.0, 0
    while seconds < hours * 3600:
        n += 1
        text = " ".join(SENTENCES[(n + k) % 4] for k in range(4)) + f" That was day {n}."
        paras.append(text)
        seconds += len(text) * 0.2 + 0.35 * 4 + 0.9
        if n % 40 == 0:
            paras.append("* * *")
    (root / "manuscript" / "01-winter.md").write_text("# The Long Winter\n\n" + "\n\n".join(paras) + "\n",
                                                      encoding="utf-8")
    return sum(len(p.split()) for p in paras if p != "* * *")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hours", type=float, default=5.0)
    ap.add_argument("--minutes", type=float, default=120.0, help="max_file_minutes (ACX: 120)")
    ap.add_argument("--keep", type=Path, default=None, help="build here and keep it (default: a temp dir)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="audiobook-long-")) if args.keep is None else args.keep
    root = tmp / "book"
    env = {**os.environ, "AUDIOBOOK_SERVER": "0"}
    try:
        words = make_book(root, args.hours)
        if args.minutes != 120:
            with open(root / "manuscript" / "book.yaml", "a", encoding="utf-8") as f:
                f.write(f"max_file_minutes: {args.minutes}\n")
        print(f"book: one chapter, {words:,} words, about {args.hours:g} hours on the test engine")
        out = subprocess.run([str(BIN / "audiobook"), "validate", "--book", str(root)], env=env,
                             capture_output=True, text=True, check=True)
        print("validate:", " | ".join(ln for ln in out.stderr.splitlines() if "parts of about" in ln))
        t0 = time.perf_counter()
        cmd = [str(BIN / "audiobook"), "build", "--book", str(root), "--jobs", "2", "--quiet",
               "--report", str(tmp / "report.json")]
        out = subprocess.run(["/usr/bin/time", "-v", *cmd], env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if out.returncode:
            raise SystemExit(f"build failed:\n{out.stderr[-3000:]}")
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr).group(1)) / 1024
        print(f"build: wall {wall:.0f} s, peak RSS {rss:.0f} MB ({'under' if rss < 1024 else 'OVER'} 1 GB)")
        report = json.loads((tmp / "report.json").read_text())
        for c in report["chapters"]:
            print(f"  {c['file']}: {c['duration_s'] / 60:.1f} min, {c['paragraphs']} paragraphs")
        over = [c for c in report["chapters"] if c["duration_s"] > args.minutes * 60]
        print(f"parts over {args.minutes:g} minutes: {len(over)}")
        chk = subprocess.run([str(BIN / "audiobook"), "check", "--book", str(root)], env=env,
                             capture_output=True, text=True)
        print("check:", chk.stdout.strip().splitlines()[-1], f"(exit {chk.returncode})")
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
