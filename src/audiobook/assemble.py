"""Line audio -> chapter audio: the pause rules, joined once (never ``track += seg`` in a loop).

Pauses come from what stands before each line (``Line.brk``) and whether the speaker changes
(see config.Pauses). The chapter starts with ``head`` and ends with ``tail`` silence.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

with warnings.catch_warnings():   # pydub warns when ffmpeg is not on PATH; we only join PCM with it
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment

from audiobook.cache import SAMPLE_RATE
from audiobook.config import Pauses
from audiobook.script import Chapter, Line


def pause_before(line: Line, previous: Line | None, pauses: Pauses) -> float:
    """Seconds of silence in front of ``line``."""
    if previous is None:
        return pauses.head
    gap = {"title": pauses.head, "heading": pauses.title, "paragraph": pauses.paragraph,
           "scene": pauses.scene, "line": pauses.line}[line.brk]
    if line.speaker != previous.speaker and line.brk in ("line", "paragraph"):
        gap = max(gap, pauses.speaker_change)
    return gap


@dataclass(frozen=True)
class Placed:
    """Where a line sits in the chapter audio, in samples."""

    line: Line
    start: int
    end: int


def silence(seconds: float) -> AudioSegment:
    """Exactly round(seconds * rate) samples (pydub's ``silent`` truncates: 0.7 s -> 30869)."""
    n = round(seconds * SAMPLE_RATE)
    return AudioSegment(data=bytes(2 * n), sample_width=2, frame_rate=SAMPLE_RATE, channels=1)


def assemble(chapter: Chapter, pauses: Pauses, line_audio: Callable[[Line], np.ndarray]
             ) -> tuple[np.ndarray, list[Placed]]:
    """The chapter's int16 samples and where each line landed. ``line_audio`` gives a line's
    int16 samples at the pipeline rate (from the cache)."""
    segments: list[AudioSegment] = []
    placed: list[Placed] = []
    pos = 0
    previous: Line | None = None
    for line in chapter.lines:
        gap = silence(pause_before(line, previous, pauses))
        segments.append(gap)
        pos += int(gap.frame_count())
        pcm = line_audio(line)
        seg = AudioSegment(data=pcm.astype("<i2", copy=False).tobytes(), sample_width=2,
                           frame_rate=SAMPLE_RATE, channels=1)
        segments.append(seg)
        placed.append(Placed(line, pos, pos + len(pcm)))
        pos += len(pcm)
        previous = line
    segments.append(silence(pauses.tail))
    raw = b"".join(seg.raw_data for seg in segments)   # join once: linear time
    return np.frombuffer(raw, dtype="<i2"), placed
