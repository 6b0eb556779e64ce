"""Progress for logs: one line every few seconds when the output is not a terminal, with an ETA
from the characters still to synthesize at the speed measured so far."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from audiobook.build.progress import LogLines, Status, Tracker

from conftest import make_book

LINE = re.compile(r"^chapter (\d+)/2, (\d+)% of lines, \d\d:\d\d:\d\d of audio(, ETA (\d+:\d\d|unknown))?$")


def test_a_piped_build_prints_progress_lines(tmp_path: Path) -> None:
    root = make_book(tmp_path / "book")
    env = dict(os.environ, AUDIOBOOK_SERVER="0", XDG_CACHE_HOME=str(tmp_path / "cache"))
    out = subprocess.run([sys.executable, "-m", "audiobook", "build", "--book", str(root), "--jobs", "1"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = [ln for ln in out.stdout.splitlines() if LINE.match(ln)]
    assert len(lines) >= 2, out.stdout
    first, last = LINE.match(lines[0]), LINE.match(lines[-1])
    assert first and first.group(4) and last and last.group(2) == "100" and last.group(3) is None
    assert "assembled 2/2 chapter files" in out.stdout
    assert not any(LINE.match(ln) for ln in out.stderr.splitlines())        # stderr keeps to problems
    quiet = subprocess.run([sys.executable, "-m", "audiobook", "build", "--book", str(root), "--quiet", "--jobs", "1"],
                           capture_output=True, text=True, env=env, timeout=300)
    assert quiet.returncode == 0 and not quiet.stdout


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_the_eta_counts_characters_at_the_speed_so_far_and_lines_come_every_few_seconds() -> None:
    clock, seen, written = Clock(), [], []
    log = LogLines(written.append, interval=5.0, now=clock)

    def both(s: Status) -> None:
        seen.append(s)
        log(s)

    jobs = [("a", 100, "1"), ("b", 300, "1"), ("c", 600, "2"), ("d", 1000, "closing credits")]
    tracker = Tracker(jobs, chapters=2, sample_rate=100, report=both, now=clock)
    clock.t = 2.0
    tracker.line_done("a", 150)            # 100 of 2000 characters in 2 s: 1900 left at 50/s
    assert seen[-1].eta_s == 38.0 and seen[-1].line() == "chapter 1/2, 25% of lines, 00:00:01 of audio, ETA 0:38"
    clock.t = 4.0
    tracker.line_done("b", 100)            # not 5 s since the last line written: nothing written
    assert len(written) == 1 and seen[-1].eta_s == 16.0
    clock.t = 7.5
    tracker.line_done("c", 100)
    assert written[-1] == "chapter 2/2, 75% of lines, 00:00:03 of audio, ETA 0:08"
    clock.t = 8.0
    tracker.line_done("d", 100)            # the last line is always written
    assert written[-1] == "closing credits, 100% of lines, 00:00:04 of audio"
    tracker.chapter_done(1, 3)
    tracker.chapter_done(2, 3)
    tracker.chapter_done(3, 3)
    assert written[-2:] == ["assembled 1/3 chapter files", "assembled 3/3 chapter files"]
