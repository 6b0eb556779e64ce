"""``audiobook build --watch``: rebuilds on every change, only what changed, in one process with
its workers kept; a broken file is reported and the watch goes on; stopping leaves no process."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from audiobook.book import load_book
from audiobook.build import BuildOptions, BuildReport
from audiobook.build.watch import inputs, snapshot, watch
from audiobook.errors import AudiobookError
from audiobook.text.accounting import count_words
from audiobook.text.script import build_script

from conftest import make_book

BIN = Path(sys.executable).parent


class Watching:
    """``watch()`` on a thread; each result is taken with ``next()``."""

    def __init__(self, book: Path, options: BuildOptions) -> None:
        self.results: queue.Queue[BuildReport | AudiobookError | BaseException] = queue.Queue()
        self.stopped = threading.Event()
        self.changes: list[list[str]] = []

        def run() -> None:
            try:
                for r in watch(book, options, interval=0.05, stop=self.stopped.is_set, on_change=self.changes.append):
                    self.results.put(r)
            except BaseException as e:  # surfaced by next()
                self.results.put(e)

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def next(self) -> BuildReport | AudiobookError:
        r = self.results.get(timeout=120)
        if isinstance(r, BaseException) and not isinstance(r, AudiobookError):
            raise r
        return r

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=60)
        assert not self.thread.is_alive()


def report(r: BuildReport | AudiobookError) -> BuildReport:
    assert isinstance(r, BuildReport), r
    return r


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_change_rebuilds_only_what_changed(tmp_path: Path, jobs: int) -> None:
    book = make_book(tmp_path / "book")
    w = Watching(book, BuildOptions(jobs=jobs))
    try:
        first = report(w.next())
        assert first.lines_synthesized == first.lines_total > 0
        ch2 = book / "manuscript" / "02-second.md"
        ch2.write_text(ch2.read_text(encoding="utf-8").replace("Morning came.", "Morning came early."),
                       encoding="utf-8")
        edit = report(w.next())
        assert w.changes[-1] == ["manuscript/02-second.md"]
        assert edit.lines_synthesized == 1
        assert [c.lines_synthesized for c in edit.chapters] == [0, 1]

        profile = book / "voices" / "default.yaml"
        good = profile.read_text(encoding="utf-8")
        profile.write_text(good.replace("fallback:", "fallbak:"), encoding="utf-8")   # a typo: reported
        broken = w.next()
        assert isinstance(broken, AudiobookError) and "fallbak" in str(broken)
        profile.write_text(good.replace("model: liana", "model: liana2"), encoding="utf-8")   # fixed, Liana recast
        recast = report(w.next())
        liana = [ln for ln in build_script(load_book(book)).lines() if ln.speaker == "Liana"]
        assert recast.lines_synthesized == len(liana) > 0            # only Liana's lines
    finally:
        w.stop()


def test_words_are_counted_in_the_text_the_script_was_made_from(tmp_path: Path) -> None:
    """A file saved again while its build runs (easy in watch mode) is no 'lost words' warning:
    the words counted are those of the text as parsed; the next build takes the new text."""
    book = make_book(tmp_path / "book")
    b = load_book(book)
    script = build_script(b)
    ch1 = book / "manuscript" / "01-first.md"
    ch1.write_text(ch1.read_text(encoding="utf-8").replace("the house was quiet", "all was silent"),
                   encoding="utf-8")
    words = count_words(b, script)
    assert words.warnings == [] and words.spoken == words.total > 0


def test_snapshot_skips_editor_backups_and_sees_new_files(tmp_path: Path) -> None:
    book = make_book(tmp_path / "book")
    roots = inputs(book, None)
    before = snapshot(roots)
    assert str(book / "manuscript" / "01-first.md") in before
    for junk in (".01-first.md.swp", "01-first.md~", "#01-first.md#"):
        (book / "manuscript" / junk).write_text("x", encoding="utf-8")
    assert snapshot(roots) == before
    (book / "manuscript" / "03-third.md").write_text("# Three\n\nMore.\n", encoding="utf-8")
    assert snapshot(roots) != before
    elsewhere = tmp_path / "mine.yaml"
    elsewhere.write_text("voices: {}\n", encoding="utf-8")
    assert elsewhere in inputs(book, str(elsewhere))


def _processes_with(mark: str) -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                if mark.encode() in Path(f"/proc/{pid}/environ").read_bytes():
                    found.append(int(pid))
            except OSError:
                pass
    return found


def _wait_gone(mark: str, seconds: float = 10.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := _processes_with(mark)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def start_watch(book: Path) -> tuple[subprocess.Popen[str], str]:
    """``audiobook build --watch --jobs 2`` on ``book``, once its first build is done, and the
    environment mark its processes (workers included) carry."""
    mark = f"AUDIOBOOK_TEST_MARK={uuid.uuid4().hex}"
    env = {**os.environ, mark.split("=")[0]: mark.split("=")[1]}
    proc = subprocess.Popen([str(BIN / "audiobook"), "build", "--book", str(book), "--watch", "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    while "built:" not in line:
        assert line, proc.stderr.read() if proc.stderr else ""
        line = proc.stdout.readline()
    return proc, mark


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")
def test_sigterm_stops_the_watch_and_its_workers(tmp_path: Path) -> None:
    proc, mark = start_watch(make_book(tmp_path / "book"))
    try:
        assert len(_processes_with(mark)) >= 3          # the watch, its forkserver and workers
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        assert "stopped watching" in (proc.stderr.read() if proc.stderr else "")
    finally:
        proc.kill()
    assert _wait_gone(mark) == []


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")
def test_workers_of_a_killed_build_exit(tmp_path: Path) -> None:
    """kill -9 of a build (not of its process group): its worker processes notice and exit."""
    proc, mark = start_watch(make_book(tmp_path / "book"))
    assert [p for p in _processes_with(mark) if p != proc.pid]
    proc.kill()
    proc.wait()
    assert _wait_gone(mark) == []
