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


def assemble(chapter: Chapter, pauses: Pauses, line_audio: Callable[[Line], np.ndarray]
             ) -> tuple[np.ndarray, list[Placed]]:
    """The chapter as float32 samples in [-1, 1) and where each line landed. ``line_audio`` gives a
    line's int16 samples at the pipeline rate (from the cache).

    Lines are pydub segments; the chapter is joined once into one buffer (silences are the zeros
    the lines are not written over): peak memory is the lines plus that buffer, time is linear."""
    segments: list[AudioSegment] = []
    placed: list[Placed] = []
    pos = 0
    previous: Line | None = None
    for line in chapter.lines:
        pos += round(pause_before(line, previous, pauses) * SAMPLE_RATE)
        pcm = line_audio(line)
        seg = AudioSegment(data=pcm.astype("<i2", copy=False).tobytes(), sample_width=2,
                           frame_rate=SAMPLE_RATE, channels=1)
        segments.append(seg)
        placed.append(Placed(line, pos, pos + int(seg.frame_count())))
        pos += int(seg.frame_count())
        previous = line
    out = np.zeros(pos + round(pauses.tail * SAMPLE_RATE), np.float32)
    for seg, where in zip(segments, placed, strict=True):
        chunk = out[where.start:where.end]
        chunk[:] = np.frombuffer(seg.raw_data, dtype="<i2")
        chunk *= 1.0 / 32768.0
    return out, placed
