"""What mastering and the extra encodes cost (issue 5: under 15% of a cold build). Prints:

1. master() on N minutes of real Piper speech (tiled): seconds, real-time factor, the level and
   true peak it reached, and its peak extra memory (tracemalloc) against the chapter's own size;
2. the loudness meters on 30 minutes: ours (blockwise BS.1770) and pyloudnorm's
   integrated_loudness, time and peak extra memory (pyloudnorm copies the whole signal);
3. the encodes of the same audio as the build makes them (``audiobook.export``, with chapter
   markers, tags and the sample cover): the full-book MP3 192 kbps (the pipeline made it before
   issue 5) and the M4B (AAC 64 kbps, fast coder), the extra encode;
4. two cold builds of the sample book (credits on, as book.yaml says), each in a fresh copy
   (empty cache): the baseline (mastering off, ``mastering: {enabled: false}``, full book as MP3
   only) and the delivery build (mastering on, ``--format mp3 --format m4b``): wall seconds and
   what mastering + the M4B add, against the 15% budget, in wall time and in CPU time (the build,
   its synthesis workers and its ffmpegs); then ``audiobook check`` on everything the delivery
   build wrote. A cold build is short (tens of seconds) and the machine shared, so the difference
   of two wall times is within its noise: the same work is also timed directly on the delivery
   build's chapters (``master()`` on each chapter's PCM, one after the other, and the M4B's AAC
   encode of the whole book; the build runs both beside the synthesis, and the full-book M4B at the
   end is a stream copy) and put against the baseline's CPU time.
   ``--repeat N`` runs the pair of builds N times (alternating) and ends with the fastest of each
   kind (the least disturbed; the usual estimate of a wall time on a shared machine). Skipped with
   --skip-build.

    .venv/bin/python bench/mastering.py [--minutes 10] [--skip-build] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
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

    from audiobook.model import Voice
    from audiobook.voice.engines.piper import PiperEngine

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


def encode(x: np.ndarray, fmt: str, out: Path) -> float:
    """The full-book encode the build runs: 10 chapter markers, the book's tags and cover."""
    from audiobook.audio import export
    from audiobook.book import load_book
    from audiobook.build.book_file import book_tags
    from audiobook.cover import read_cover

    book = load_book(REPO)
    cover = read_cover(book.cover, "cover") if book.cover else None
    pcm = (np.clip(x, -1, 1) * 32767).round().astype("<i2").tobytes()
    ms = len(x) * 1000 // RATE
    markers = [export.Marker(f"Chapter {i + 1}", ms * i // 10, ms * (i + 1) // 10) for i in range(10)]
    t0 = time.perf_counter()
    export.ENCODERS[fmt]([pcm], out, book_tags(book), markers, cover)
    return time.perf_counter() - t0


def cold_build(delivery: bool, jobs: int, keep: Path | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of it, its synthesis workers and its ffmpegs) of ``audiobook
    build`` in a fresh copy of the sample book; ``delivery``: mastering on and the M4B too, else
    mastering off and the MP3 only. ``keep``: build there. CPU time is far less disturbed by a busy
    machine than wall time."""
    import resource

    with tempfile.TemporaryDirectory() as td:
        book = keep or Path(td)
        shutil.copytree(REPO / "manuscript", book / "manuscript")
        shutil.copytree(REPO / "voices", book / "voices")
        profile = book / "voices" / "default.yaml"
        formats = ["--format", "mp3"]
        if delivery:
            formats += ["--format", "m4b"]
        else:
            profile.write_text(profile.read_text() + "\nmastering: {enabled: false}\n")
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(BIN / "audiobook"), "build", "--book", str(book), "-q", "-j", str(jobs),
                                 *formats])
        workers = WorkerCpu(proc.pid)
        workers.start()
        if proc.wait() != 0:
            raise SystemExit(f"audiobook build failed (exit {proc.returncode})")
        wall = time.perf_counter() - t0
        workers.halt()
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime + workers.seconds()


class WorkerCpu(threading.Thread):
    """CPU seconds of a process's descendants other than ffmpeg, sampled from /proc every 20 ms:
    the synthesis pool's workers hang off multiprocessing's fork server, which nobody waits for,
    so getrusage(RUSAGE_CHILDREN) never sees them (it does see the build and its ffmpegs)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.seen: dict[int, float] = {}
        self.done = threading.Event()
        self.tick = os.sysconf("SC_CLK_TCK")

    def run(self) -> None:
        while not self.done.wait(0.02):
            self.sample()

    def halt(self) -> None:
        self.done.set()
        self.join()

    def sample(self) -> None:
        procs: dict[int, tuple[int, str, float]] = {}
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    stat = Path(f"/proc/{d}/stat").read_text()
                except OSError:
                    continue
                comm = stat[stat.index("(") + 1: stat.rindex(")")]
                f = stat[stat.rindex(")") + 2:].split()
                procs[int(d)] = (int(f[1]), comm, (int(f[11]) + int(f[12])) / self.tick)
        kids: dict[int, list[int]] = {}
        for pid, (ppid, _, _) in procs.items():
            kids.setdefault(ppid, []).append(pid)
        todo = list(kids.get(self.pid, []))
        while todo:
            pid = todo.pop()
            todo += kids.get(pid, [])
            _, comm, cpu = procs[pid]
            if not comm.startswith("ffmpeg"):
                self.seen[pid] = max(cpu, self.seen.get(pid, 0.0))

    def seconds(self) -> float:
        return sum(self.seen.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()

    from audiobook.audio import dsp
    from audiobook.audio import mastering as M

    x = speech(args.minutes)
    seconds = len(x) / RATE
    size = x.nbytes / 1e6
    t0 = time.perf_counter()
    y = M.master(x.copy(), RATE)
    t = time.perf_counter() - t0
    _, _, peak = traced(M.master, x, RATE)        # tracemalloc slows numpy down: time it untraced
    print(f"1. master() on {args.minutes:g} min: {t:.2f} s (RTF {t / seconds:.4f}); RMS {dsp.measure(y, RATE):.2f} dB, "
          f"true peak {dsp.true_peak_db(y[: 120 * RATE]):.2f} dBTP (first 2 min); "
          f"extra memory {peak:.0f} MB for a {size:.0f} MB chapter")

    long = np.tile(x, int(np.ceil(30 / args.minutes)))[: 30 * 60 * RATE]
    t0 = time.perf_counter()
    dsp.measure(long, RATE, "lufs")
    t_ours = time.perf_counter() - t0
    ours, _, m_ours = traced(dsp.measure, long, RATE, "lufs")
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
        mp3 = encode(y, "mp3", Path(td) / "a.mp3")
        aac = encode(y, "m4b", Path(td) / "a.m4b")
    print(f"3. full-book encodes of {args.minutes:g} min (markers, tags, cover): MP3 192k {mp3:.2f} s "
          f"(RTF {mp3 / seconds:.4f}), M4B AAC 64k fast coder {aac:.2f} s (RTF {aac / seconds:.4f})")

    runs: list[tuple[float, float, float, float]] = []
    for run in range(1, args.repeat + 1) if not args.skip_build else ():
        off, off_cpu = cold_build(False, args.jobs)
        with tempfile.TemporaryDirectory() as td:
            on, on_cpu = cold_build(True, args.jobs, Path(td))
            check = subprocess.run([str(BIN / "audiobook"), "check", "--book", td], capture_output=True, text=True)
            audio = sum(acx_seconds(p) for p in sorted((Path(td) / "output").glob("[0-9]*.mp3")))
            t_master, t_aac = direct_costs(Path(td))
        extra = (on - off) / off * 100
        runs.append((off, on, off_cpu, on_cpu))
        print(f"4.{run} cold build of the sample book ({audio / 60:.1f} min of audio, credits included): "
              f"baseline (no mastering, MP3 only) {off:.1f} s, delivery (mastering, MP3 + M4B) {on:.1f} s: "
              f"{on - off:+.1f} s ({extra:+.1f}%; budget 15%: {'within' if extra < 15 else 'OVER'})")
        print(f"   CPU time of the same builds: baseline {off_cpu:.1f} s, delivery {on_cpu:.1f} s: "
              f"{on_cpu - off_cpu:+.1f} s ({(on_cpu - off_cpu) / off_cpu * 100:+.1f}%)")
        direct = t_master + t_aac
        print(f"   timed directly: master() on every chapter {t_master:.2f} s, the M4B's AAC encode {t_aac:.2f} s: "
              f"{direct:.2f} s = {direct / off_cpu * 100:.1f}% of the baseline's CPU time, "
              f"{direct / off * 100:.1f}% of its wall time if none of it ran beside anything "
              f"(budget 15%: {'within' if direct / off < 0.15 else 'OVER'})")
        print(f"   audiobook check on the delivery build: {check.stdout.strip().splitlines()[-1]} "
              f"(exit {check.returncode})")
    if len(runs) > 1:
        off, on, off_cpu, on_cpu = (min(r[k] for r in runs) for k in range(4))
        print(f"5. fastest of {len(runs)} each: baseline {off:.1f} s, delivery {on:.1f} s: {on - off:+.1f} s "
              f"({(on - off) / off * 100:+.1f}%; budget 15%: {'within' if on - off < 0.15 * off else 'OVER'}); "
              f"CPU {off_cpu:.1f} s vs {on_cpu:.1f} s ({(on_cpu - off_cpu) / off_cpu * 100:+.1f}%)")


def direct_costs(book_dir: Path) -> tuple[float, float]:
    """(seconds of master() over the built chapters, one after the other; seconds of the M4B's AAC
    encode of them all), from the chapter PCM the delivery build stored."""
    import json

    from audiobook.audio import export
    from audiobook.audio.mastering import master

    state = json.loads((book_dir / ".audiobook" / "state.json").read_text())
    entries = sorted(state["chapters"].values(), key=lambda e: e["number"])
    pcm = [(book_dir / ".audiobook" / "chapters" / e["pcm"]).read_bytes() for e in entries]
    t_master = 0.0
    for raw in pcm:
        x = np.frombuffer(raw, "<i2").astype(np.float32) / 32768.0
        t0 = time.perf_counter()
        master(x, RATE)
        t_master += time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as td:
        stream = export.AacStream(Path(td) / "a.m4a", len(pcm))
        t0 = time.perf_counter()
        for i in range(len(pcm)):
            stream.add(i, book_dir / ".audiobook" / "chapters" / entries[i]["pcm"])
        stream.thread.join()
        stream.proc.wait()
        t_aac = time.perf_counter() - t0
        stream.cancel()
    return t_master, t_aac


def acx_seconds(path: Path) -> float:
    from mutagen.mp3 import MP3

    return float(MP3(path).info.length)


if __name__ == "__main__":
    main()
