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

from audiobook.config import Pauses
from audiobook.model import SAMPLE_RATE, Chapter, Line


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


def assemble(chapter: Chapter, pauses: Pauses, line_audio: Callable[[Line], np.ndarray],
             line_length: Callable[[Line], int]) -> tuple[np.ndarray, list[Placed]]:
    """The chapter as float32 samples in [-1, 1) and where each line landed. ``line_audio`` gives a
    line's int16 samples at the pipeline rate (from the cache), ``line_length`` their number
    (from the cache's file size, without reading it).

    Where every line goes is known first (``place``), so the chapter is one buffer allocated once
    (silences are the zeros the lines are not written over) and each line is read, copied in and
    dropped (``fill``): peak memory is the chapter's float32 buffer, time is linear."""
    length, placed = place(chapter, pauses, line_length)
    out = np.zeros(length, np.float32)
    fill(out, placed, line_audio)
    return out, placed


def place(chapter: Chapter, pauses: Pauses, line_length: Callable[[Line], int]) -> tuple[int, list[Placed]]:
    """The chapter's length in samples and where each line goes in it, from the lines' lengths."""
    placed: list[Placed] = []
    pos = 0
    previous: Line | None = None
    for line in chapter.lines:
        pos += round(pause_before(line, previous, pauses) * SAMPLE_RATE)
        n = line_length(line)
        placed.append(Placed(line, pos, pos + n))
        pos += n
        previous = line
    return pos + round(pauses.tail * SAMPLE_RATE), placed


def fill(out: np.ndarray, placed: list[Placed], line_audio: Callable[[Line], np.ndarray]) -> None:
    """Copy the ``placed`` lines' audio into the chapter buffer ``out`` (zeros elsewhere). A
    buffer from ``np.zeros`` takes no memory where nothing is written: what an edit does not
    touch of a long chapter is neither read nor held."""
    for where in placed:
        if where.end == where.start:
            continue
        pcm = line_audio(where.line)
        seg = AudioSegment(data=pcm.astype("<i2", copy=False).tobytes(), sample_width=2,
                           frame_rate=SAMPLE_RATE, channels=1)
        if int(seg.frame_count()) != where.end - where.start:
            raise ValueError(f"line {where.line.chapter}:{where.line.index} has {int(seg.frame_count())} samples, "
                             f"not the {where.end - where.start} its cache entry's size says")
        chunk = out[where.start:where.end]
        chunk[:] = np.frombuffer(seg.raw_data, dtype="<i2")
        chunk *= 1.0 / 32768.0
