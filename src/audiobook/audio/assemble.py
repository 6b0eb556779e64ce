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
    if line.reader != previous.reader and line.brk in ("line", "paragraph"):
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
    """Write the ``placed`` lines into the chapter buffer ``out`` (float32, zeros elsewhere), a
    paragraph at a time: each paragraph is joined as one pydub AudioSegment (its lines and the
    pauses between them) and copied in once. A buffer from ``np.zeros`` takes no memory where
    nothing is written: what an edit does not touch of a long chapter is neither read nor held."""
    run: list[Placed] = []
    for where in placed:
        if run and where.line.paragraph != run[-1].line.paragraph:
            _write(out, run, line_audio)
            run = []
        run.append(where)
    if run:
        _write(out, run, line_audio)


def paragraph_audio(run: list[Placed], line_audio: Callable[[Line], np.ndarray]) -> AudioSegment:
    """One paragraph's lines, from the first line's start to the last one's end, with the pauses
    between them as silence: exact sample counts (pydub's ``silent`` rounds milliseconds), joined
    with ``+`` (no crossfade, which would blur the joins)."""
    parts: list[AudioSegment] = []
    pos = run[0].start
    for where in run:
        if where.start > pos:
            parts.append(_segment(bytes(2 * (where.start - pos))))
        if where.end > where.start:
            seg = _segment(line_audio(where.line).astype("<i2", copy=False).tobytes())
            if int(seg.frame_count()) != where.end - where.start:
                raise ValueError(f"line {where.line.chapter}:{where.line.index} has {int(seg.frame_count())} "
                                 f"samples, not the {where.end - where.start} its cache entry's size says")
            parts.append(seg)
        pos = where.end
    return sum(parts[1:], parts[0]) if parts else _segment(b"")


def _write(out: np.ndarray, run: list[Placed], line_audio: Callable[[Line], np.ndarray]) -> None:
    audio = paragraph_audio(run, line_audio)
    chunk = out[run[0].start:run[0].start + int(audio.frame_count())]
    chunk[:] = np.frombuffer(audio.raw_data, dtype="<i2")
    chunk *= 1.0 / 32768.0


def _segment(pcm: bytes) -> AudioSegment:
    return AudioSegment(data=pcm, sample_width=2, frame_rate=SAMPLE_RATE, channels=1)
