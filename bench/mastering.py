"""What mastering and the extra encodes cost (issue 5: under 15% of a cold build). Prints:

1. master() on N minutes of real Piper speech (tiled): seconds, real-time factor, the level and
   true peak it reached, and its peak extra memory (tracemalloc) against the chapter's own size;
2. the loudness meters on 30 minutes: ours (blockwise BS.1770) and pyloudnorm's
   integrated_loudness, time and peak extra memory (pyloudnorm copies the whole signal);
3. the encodes of the same audio: MP3 192 kbps (the pipeline already makes it) and AAC for M4B;
4. cold builds of the sample book, mastering on and off (``mastering: {enabled: false}``), each in
   a fresh copy (empty cache): wall seconds and the difference. Skipped with --skip-build.

    .venv/bin/python bench/mastering.py [--minutes 10] [--skip-build]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RATE = 44100


def speech(minutes: float) -> np.ndarray:
    """Piper speech (the first paragraphs of the sample book), resampled to 44.1 kHz and tiled."""
    import soxr

    from audiobook.engines.piper import PiperEngine
    from audiobook.voices import Voice

    voice = Voice(name="narrator", engine="piper", model="joe")
    engine = PiperEngine(voice)
    text = " ".join(p for p in (REPO / "manuscript" / "01-the-mother.md").read_text().split("\n\n")[1:6])
    parts = []
    rate = 22050
    for chunk in engine.synthesize(text[:1200], voice):
        rate = chunk.sample_rate
        parts += [chunk.samples, np.zeros(int(0.45 * rate), np.float32)]
    one = soxr.resample(np.concatenate(parts), rate, RATE).astype(np.float32)
    n = int(minutes * 60 * RATE)
    return np.tile(one, n // len(one) + 1)[:n].copy()


def traced(fn, *args):  # type: ignore[no-untyped-def]
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        value = fn(*args)
        seconds = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return value, seconds, peak / 1e6


def encode(x: np.ndarray, args: list[str], out: Path) -> float:
    from audiobook.export import ffmpeg

    pcm = (np.clip(x, -1, 1) * 32767).round().astype("<i2").tobytes()
    t0 = time.perf_counter()
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-f", "s16le", "-ar", str(RATE), "-ac", "1", "-i", "-",
                    *args, str(out)], input=pcm, check=True)
    return time.perf_counter() - t0


def cold_build(mastering: bool, jobs: int) -> float:
    with tempfile.TemporaryDirectory() as td:
        book = Path(td)
        shutil.copytree(REPO / "manuscript", book / "manuscript")
        shutil.copytree(REPO / "voices", book / "voices")
        profile = book / "voices" / "default.yaml"
        if not mastering:
            text = profile.read_text()
            profile.write_text(text + "\nmastering: {enabled: false}\n")
        t0 = time.perf_counter()
        subprocess.run([str(BIN / "audiobook"), "build", "--book", str(book), "-q", "-j", str(jobs)], check=True)
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--jobs", type=int, default=0)
    args = ap.parse_args()

    from audiobook import mastering as M

    x = speech(args.minutes)
    seconds = len(x) / RATE
    size = x.nbytes / 1e6
    t0 = time.perf_counter()
    y = M.master(x.copy(), RATE)
    t = time.perf_counter() - t0
    _, _, peak = traced(M.master, x, RATE)        # tracemalloc slows numpy down: time it untraced
    print(f"1. master() on {args.minutes:g} min: {t:.2f} s (RTF {t / seconds:.4f}); RMS {M.measure(y, RATE):.2f} dB, "
          f"true peak {M.true_peak_db(y[: 120 * RATE]):.2f} dBTP (first 2 min); "
          f"extra memory {peak:.0f} MB for a {size:.0f} MB chapter")

    long = np.tile(x, int(np.ceil(30 / args.minutes)))[: 30 * 60 * RATE]
    t0 = time.perf_counter()
    M.measure(long, RATE, "lufs")
    t_ours = time.perf_counter() - t0
    ours, _, m_ours = traced(M.measure, long, RATE, "lufs")
    print(f"2. loudness of 30 min ({long.nbytes / 1e6:.0f} MB): ours {ours:.2f} LUFS, {t_ours:.1f} s, "
          f"{m_ours:.0f} MB extra", end="")
    try:
        import pyloudnorm

        t0 = time.perf_counter()
        pyloudnorm.Meter(RATE).integrated_loudness(long)
        t_theirs = time.perf_counter() - t0
        theirs, _, m_theirs = traced(pyloudnorm.Meter(RATE).integrated_loudness, long)
        print(f"; pyloudnorm {theirs:.2f} LUFS, {t_theirs:.1f} s, {m_theirs:.0f} MB extra")
    except ImportError:
        print("; pyloudnorm not installed")
    del long

    with tempfile.TemporaryDirectory() as td:
        mp3 = encode(y, ["-c:a", "libmp3lame", "-b:a", "192k"], Path(td) / "a.mp3")
        aac = encode(y, ["-c:a", "aac", "-aac_coder", "fast", "-b:a", "64k", "-f", "mp4"], Path(td) / "a.m4b")
    print(f"3. encodes of {args.minutes:g} min: MP3 192k {mp3:.2f} s (RTF {mp3 / seconds:.4f}), "
          f"AAC 64k fast coder {aac:.2f} s (RTF {aac / seconds:.4f})")

    if not args.skip_build:
        off = cold_build(False, args.jobs)
        on = cold_build(True, args.jobs)
        print(f"4. cold build of the sample book: mastering off {off:.1f} s, on {on:.1f} s: "
              f"+{on - off:.1f} s ({(on - off) / off * 100:+.1f}%)")


if __name__ == "__main__":
    main()
