"""A build killed at any moment (kill -9) loses nothing: a player never sees a half-written file,
the next build reuses every finished line, and the result is exactly what an uninterrupted build
produces."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from audiobook.build import BuildOptions, build, prepare
from audiobook.voice.cache import LineCache

from conftest import TEST_PROFILE, make_book

PARAGRAPH = "The river ran on past the mill, and nobody remembered a year when it had been so high."
# the narrator's engine takes a while per sentence, like a real one, so kills land in every stage
SLOW = TEST_PROFILE.replace("model: narrator}", "model: narrator, options: {delay: 0.02}}")


def chapters(n: int = 3, paras: int = 6, edit: str = "") -> dict[str, str]:
    out = {}
    for c in range(n):
        body = "\n\n".join(f"{PARAGRAPH} It was day {c}.{i}{edit if i == 1 else ''}. “Is it rising still?” "
                           f"asked Liana." for i in range(paras))
        out[f"{c + 1:02d}.md"] = f"# Part {c + 1}\n\n{body}\n"
    return out


def outputs(book: Path) -> dict[str, str]:
    """The files a player or a sync client sees (temp files are hidden, with a leading dot)."""
    folder = book / "output"
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if not p.name.startswith(".")} if folder.is_dir() else {}


def kill_somewhere(book: Path, window: float, rng: random.Random) -> None:
    """Start a real build (two worker processes) and kill -9 it, and its workers, at a random moment
    of its work: after it took the book's lock, within ``window`` seconds."""
    lock = book / ".audiobook" / "build.lock"
    if lock.exists():
        lock.write_text("")
    proc = subprocess.Popen([sys.executable, "-m", "audiobook", "build", "--book", str(book), "--quiet",
                             "--jobs", "2"], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while proc.poll() is None and not (lock.exists() and lock.read_text().startswith("pid")):
        assert time.monotonic() < deadline, "the build never started"
        time.sleep(0.01)
    time.sleep(rng.uniform(0.0, window))
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def nothing_half_written(book: Path, allowed: list[dict[str, str]]) -> None:
    """After a kill: every file a player sees is one a whole build made, every cache entry and the
    build state read back whole."""
    for name, digest in outputs(book).items():
        assert any(digest == a.get(name) for a in allowed), f"{name} is not a file any complete build made"
    cache = LineCache(book / ".audiobook" / "cache")
    for key in cache.keys():
        assert cache.read(key) is not None, f"damaged cache entry {key}"
    state = book / ".audiobook" / "state.json"
    if state.exists():
        json.loads(state.read_text())


def test_killed_builds_resume_and_match_an_uninterrupted_build(tmp_path: Path) -> None:
    reference = make_book(tmp_path / "ref", chapters(), SLOW)
    window = build(reference, BuildOptions(jobs=2)).wall_seconds
    expected = outputs(reference)

    rng = random.Random(7)
    book = make_book(tmp_path / "book", chapters(), SLOW)
    cache = LineCache(book / ".audiobook" / "cache")
    for attempt in range(10):       # four kills, and more (later) if none came after a finished line
        if attempt >= 4 and any(True for _ in cache.keys()):
            break
        kill_somewhere(book, window * (1 + max(0, attempt - 3)), rng)
        nothing_half_written(book, [expected])
    finished = {k: cache.path(k).stat().st_mtime_ns for k in cache.keys()}
    assert finished, "no line finished before the kills: make the book longer"
    prep = prepare(book, BuildOptions(jobs=2))
    all_keys = set(prep.plan.keys.values())
    assert set(prep.plan.jobs) == all_keys - set(finished)       # only what no killed build finished
    report = build(book, BuildOptions(jobs=2))
    # finished lines were not synthesized again (their entries are untouched) ...
    assert {k: cache.path(k).stat().st_mtime_ns for k in finished} == finished
    assert report.lines_cached >= len(finished)
    # ... and the result is byte-identical to the uninterrupted build, with no temp file left
    assert outputs(book) == expected
    assert [p.name for p in (book / "output").iterdir() if p.name.startswith(".")] == []
    assert [p.name for p in (book / ".audiobook").rglob("*.tmp")] == []


def test_a_rebuild_killed_while_replacing_files_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    """Output files are replaced atomically: at any kill, each chapter and the full book is either
    the previous build's file or the new one, never a truncated mix."""
    book = make_book(tmp_path / "book", chapters(n=2, paras=4), SLOW)
    build(book, BuildOptions(jobs=2))
    old = outputs(book)
    for name, text in chapters(n=2, paras=4, edit=", later").items():       # every chapter changes
        (book / "manuscript" / name).write_text(text, encoding="utf-8")
    reference = tmp_path / "ref"
    shutil.copytree(book / "manuscript", reference / "manuscript")
    shutil.copytree(book / "voices", reference / "voices")
    window = build(reference, BuildOptions(jobs=2)).wall_seconds
    new = outputs(reference)
    assert set(new) == set(old) and all(new[n] != old[n] for n in new)

    rng = random.Random(11)
    for _ in range(2):
        kill_somewhere(book, window, rng)
        nothing_half_written(book, [old, new])
        assert set(outputs(book)) == set(old)                       # nothing disappeared either
    build(book, BuildOptions(jobs=2))
    assert outputs(book) == new


def test_a_synthesis_worker_that_dies_stops_the_build_with_one_line_and_the_next_build_resumes(
        tmp_path: Path) -> None:
    """A worker killed under the build (the out-of-memory killer, an engine that segfaults)."""
    crashing = TEST_PROFILE.replace("model: liana}", "model: liana, options: {crash_on: Coffee}}")
    book = make_book(tmp_path / "book", profile=crashing)
    res = subprocess.run([sys.executable, "-m", "audiobook", "build", "--book", str(book), "--jobs", "2"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert res.stderr.strip().splitlines() == [
        "error: a synthesis worker process died (out of memory, or the engine crashed); finished lines are "
        "kept: build again, with --jobs 1 to see the engine's own error"]
    nothing_half_written(book, [outputs(book)])      # (chapter 1 may be finished: it is kept)
    finished = set(LineCache(book / ".audiobook" / "cache").keys())
    assert finished
    profile = book / "voices" / "default.yaml"
    profile.write_text(TEST_PROFILE, encoding="utf-8")
    prep = prepare(book, BuildOptions(jobs=2))
    assert set(prep.plan.jobs) == set(prep.plan.keys.values()) - finished
    report = build(book, BuildOptions(jobs=2))
    assert report.lines_total > report.lines_synthesized


def test_a_temp_file_a_killed_write_left_is_no_cache_entry(tmp_path: Path) -> None:
    # kill -9 between the temp file's creation and its rename leaves ".KEY.wav.XXXX.part.wav" behind:
    # the cache's keys, counts and reads are the entries', not such leftovers
    cache = LineCache(tmp_path / "cache")
    key = "ab" + "0" * 38
    cache.write(key, np.zeros(100, dtype=np.int16))
    (cache.path(key).parent / f".{key}.wav.1234abcd.part.wav").write_bytes(b"RIFF")
    assert list(cache.keys()) == [key]
    assert cache.stats().entries == 1 and cache.read(key) is not None


def test_prune_removes_the_temp_files_killed_writes_left_but_not_a_live_one(tmp_path: Path) -> None:
    cache = LineCache(tmp_path / "cache")
    key = "ab" + "0" * 38
    cache.write(key, np.zeros(100, dtype=np.int16))
    old = cache.path(key).parent / f".{key}.wav.1234abcd.part.wav"
    live = cache.path(key).parent / f".{key}.wav.5678abcd.part.wav"
    old.write_bytes(b"RIFF")
    live.write_bytes(b"RIFF")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    removed = cache.prune([key])
    assert removed.entries == 1 and not old.exists()
    assert live.exists() and cache.read(key) is not None
