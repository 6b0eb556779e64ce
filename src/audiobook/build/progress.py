"""Build progress for people and for logs.

``Tracker`` turns the build's events (a line synthesized, a chapter assembled) into ``Status``
values: where the build is, how much audio it has made, and an ETA from the characters of text
still to synthesize at the speed measured so far in this build (lines differ in length by 100x,
so counting lines misleads). ``LogLines`` writes one status line at most every few seconds, for
output that is not a terminal (a pipe, a CI log); the CLI draws bars on a terminal.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

LOG_INTERVAL_S = 5.0


@dataclass(frozen=True)
class Status:
    stage: str                # "synthesize" or "assemble"
    chapter: str              # the chapter being worked on: "3", "opening credits"
    chapters: int             # chapters of the book (credits not counted)
    done: int                 # lines synthesized, or chapters assembled
    total: int
    audio_s: float            # audio synthesized by this build so far
    chars_done: int           # characters of text synthesized ...
    chars_total: int          # ... of those this build synthesizes
    elapsed_s: float          # since synthesis started

    @property
    def eta_s(self) -> float | None:
        """Seconds of synthesis left, from the characters left at the speed so far (None: unknown yet)."""
        if self.stage != "synthesize" or self.chars_done <= 0 or self.elapsed_s <= 0:
            return None
        return (self.chars_total - self.chars_done) * self.elapsed_s / self.chars_done

    @property
    def finished(self) -> bool:
        return self.done >= self.total

    def line(self) -> str:
        """``chapter 3/12, 41% of lines, 00:12:31 of audio, ETA 1:05``."""
        if self.stage == "assemble":
            return f"assembled {self.done}/{self.total} chapter files"
        where = f"chapter {self.chapter}/{self.chapters}" if self.chapter.isdigit() else self.chapter
        pct = 100 * self.done // max(1, self.total)
        eta = self.eta_s
        tail = "" if self.finished else f", ETA {clock(math.ceil(eta))}" if eta is not None else ", ETA unknown"
        return f"{where}, {pct}% of lines, {clock(self.audio_s, hours=True)} of audio{tail}"


def clock(seconds: float, hours: bool = False) -> str:
    """``1:05``, ``1:02:05``; with ``hours`` always ``00:12:31``."""
    s = int(seconds)
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    if hours:
        return f"{h:02d}:{m:02d}:{s:02d}"
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Tracker:
    """Folds the build's events into ``Status`` values and hands each to ``report``."""

    def __init__(self, jobs: Iterable[tuple[str, int, str]], chapters: int, sample_rate: int,
                 report: Callable[[Status], None], now: Callable[[], float] = time.monotonic) -> None:
        """``jobs``: (cache key, characters, chapter label) of each line to synthesize."""
        self.info = {key: (chars, label) for key, chars, label in jobs}
        self.chapters, self.rate, self.report, self.now = chapters, sample_rate, report, now
        self.chars_total = sum(c for c, _ in self.info.values())
        self.done = self.chars_done = self.samples = 0
        self.chapter = "1"
        self.t0 = now()

    def line_done(self, key: str, samples: int) -> None:
        chars, self.chapter = self.info.get(key, (0, self.chapter))
        self.done += 1
        self.chars_done += chars
        self.samples += samples
        self.report(self._status("synthesize", self.done, len(self.info)))

    def chapter_done(self, done: int, total: int) -> None:
        self.report(self._status("assemble", done, total))

    def _status(self, stage: str, done: int, total: int) -> Status:
        return Status(stage, self.chapter, self.chapters, done, total, self.samples / self.rate,
                      self.chars_done, self.chars_total, self.now() - self.t0)


class LogLines:
    """A ``Status`` consumer for logs: the first status, then one every ``interval`` seconds, and
    the last of each stage, each as one line through ``write``."""

    def __init__(self, write: Callable[[str], None], interval: float = LOG_INTERVAL_S,
                 now: Callable[[], float] = time.monotonic) -> None:
        self.write, self.interval, self.now = write, interval, now
        self.last: dict[str, float] = {}

    def __call__(self, status: Status) -> None:
        t = self.now()
        last = self.last.get(status.stage)
        if last is None or status.finished or t - last >= self.interval:
            self.last[status.stage] = t
            self.write(status.line())
