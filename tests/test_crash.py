"""A build killed at any moment (kill -9) loses nothing: the next build reuses every finished
line and produces exactly what an uninterrupted build produces."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from audiobook.build import BuildOptions, build
from audiobook.cache import LineCache

from conftest import TEST_PROFILE, make_book

PARAGRAPH = "The river ran on past the mill, and nobody remembered a year when it had been so high."


def chapters(n: int = 3, paras: int = 30) -> dict[str, str]:
    out = {}
    for c in range(n):
        body = "\n\n".join(f"{PARAGRAPH} It was day {c}.{i}. “Is it rising still?” asked Liana."
                           for i in range(paras))
        out[f"{c + 1:02d}.md"] = f"# Part {c + 1}\n\n{body}\n"
    return out


def outputs(book: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((book / "output").iterdir())}


def test_killed_builds_resume_and_match_an_uninterrupted_build(tmp_path: Path) -> None:
    profile = TEST_PROFILE.replace("model: narrator}", "model: narrator, options: {seconds_per_char: 0.2}}")
    reference = make_book(tmp_path / "ref", chapters(), profile)
    build(reference, BuildOptions(jobs=2))
    expected = outputs(reference)

    rng = random.Random(7)
    book = make_book(tmp_path / "book", chapters(), profile)
    cache = LineCache(book / ".audiobook" / "cache")
    for attempt in range(4):
        proc = subprocess.Popen([sys.executable, "-m", "audiobook", "build", "--book", str(book), "--quiet",
                                 "--jobs", "2"], start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.8, 3.0))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        # nothing half-written is left where a later build or a player would trust it
        assert not [p for p in (book / "output").glob("*") if not p.name.endswith(".mp3")] \
            if (book / "output").exists() else True
        for key in cache.keys():
            assert cache.read(key) is not None, f"damaged cache entry after kill {attempt}"
    finished = {k: cache.path(k).stat().st_mtime_ns for k in cache.keys()}
    assert finished, "no line finished before the kills: make the book longer"
    report = build(book, BuildOptions(jobs=2))
    # finished lines were not synthesized again (their entries are untouched) ...
    assert {k: cache.path(k).stat().st_mtime_ns for k in finished} == finished
    assert report.lines_cached >= len(finished)
    # ... and the result is byte-identical to the uninterrupted build
    assert outputs(book) == expected
    leftovers = [p.name for p in (book / "output").iterdir() if p.name.startswith(".")]
    assert leftovers == []
