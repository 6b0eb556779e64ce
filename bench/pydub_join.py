"""What joining each paragraph with pydub costs (issue 14): the sample book's chapters filled into
their buffers the way the build does it (``assemble.fill``: a paragraph as one AudioSegment, copied
in once) and the way it did before (each line's samples copied straight into the buffer), side by
side in one run, as a share of a cold build of the same book.

    .venv/bin/python bench/pydub_join.py [--repeat 20]

Needs a built sample book (``make audiobook``): the lines are read from its cache.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from audiobook.audio.assemble import Placed, fill, place
from audiobook.build import BuildOptions, prepare
from audiobook.model import Line

REPO = Path(__file__).resolve().parents[1]


def numpy_fill(out: np.ndarray, placed: list[Placed], line_audio: Callable[[Line], np.ndarray]) -> None:
    """The join without pydub: each line's int16 samples copied into the float32 buffer."""
    for where in placed:
        if where.end > where.start:
            chunk = out[where.start:where.end]
            chunk[:] = line_audio(where.line)
            chunk *= 1.0 / 32768.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    prep = prepare(REPO, BuildOptions())
    audio = {ln: prep.cache.read(prep.plan.key(ln)) for ch in prep.script.chapters for ln in ch.lines}
    if any(a is None for a in audio.values()):
        sys.exit("build the sample book first: make audiobook")
    pauses = prep.book.pauses(prep.profile.pauses)
    tracks = [place(ch, pauses, lambda ln: len(audio[ln])) for ch in prep.script.chapters]    # type: ignore[arg-type]
    timings: dict[str, float] = {"numpy": 0.0, "pydub": 0.0}
    results: dict[str, list[np.ndarray]] = {}
    for _ in range(args.repeat):
        for name, how in (("numpy", numpy_fill), ("pydub", fill)):
            bufs = []
            t0 = time.perf_counter()
            for length, placed in tracks:
                out = np.zeros(length, np.float32)
                how(out, placed, audio.__getitem__)  # type: ignore[arg-type]
                bufs.append(out)
            timings[name] += (time.perf_counter() - t0) / args.repeat
            results[name] = bufs
    same = all(np.array_equal(a, b) for a, b in zip(results["numpy"], results["pydub"], strict=True))
    with tempfile.TemporaryDirectory() as td:
        book = Path(td) / "book"
        shutil.copytree(REPO / "manuscript", book / "manuscript")
        shutil.copytree(REPO / "voices", book / "voices")
        env = {**os.environ, "AUDIOBOOK_SERVER": "0", "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", "")}
        t0 = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "audiobook"), "build", "--book", str(book), "-q"],
                       check=True, env={k: v for k, v in env.items() if v})
        cold = time.perf_counter() - t0
    extra = timings["pydub"] - timings["numpy"]
    print(f"sample book, {len(audio)} lines in {len(tracks)} chapters (mean of {args.repeat})")
    print(f"  join, samples copied straight in : {timings['numpy'] * 1000:7.1f} ms")
    print(f"  join, a paragraph per AudioSegment: {timings['pydub'] * 1000:7.1f} ms   identical samples: {same}")
    print(f"  cold build of the same book      : {cold:7.2f} s")
    print(f"  pydub's extra cost: {extra * 1000:.1f} ms = {100 * extra / cold:.2f}% of the cold build (goal <= 2%)")


if __name__ == "__main__":
    main()
