"""A long chapter's audio made part by part (audio/streamed.py): each paragraph placed, mastered
and encoded on its own, the stored PCM (for an M4B) written as it comes, so a build's memory does
not grow with the chapter's length. The files are those the in-memory path makes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np

from audiobook.audio import export, segments
from audiobook.audio.assemble import Placed, fill
from audiobook.audio.mastering import Mastering
from audiobook.audio.streamed import master_streamed
from audiobook.files import atomic_write
from audiobook.model import SAMPLE_RATE, Line, to_int16

Levels = dict[str, float]
STREAMED_SAMPLES = 20 * 60 * SAMPLE_RATE    # chapters longer than this are made part by part


def make_streamed(parts: list[segments.Segment], lines_of: list[list[Placed]],
                  line_audio: Callable[[Line], np.ndarray], mastering: Mastering,
                  known: list[Levels] | None, wanted: Callable[[tuple[float, ...]], list[int]],
                  settings: list[object], reuse: dict[str, segments.Encoded], encode: bool,
                  pcm_path: Path | None) -> tuple[tuple[float, ...], list[Levels], list[segments.Encoded] | None]:
    """(gain steps, each part's levels, every part's MP3 frames, or None when ``encode`` is off);
    the mastered PCM is written to ``pcm_path`` when one is given (then every part is mastered)."""

    def make(i: int) -> np.ndarray:
        seg = parts[i]
        x = np.zeros(seg.stop - seg.start, np.float32)
        fill(x, [replace(p, start=p.start - seg.start, end=p.end - seg.start) for p in lines_of[i]], line_audio)
        return x

    steps, levels, mastered = master_streamed([seg.stop - seg.start for seg in parts], make, SAMPLE_RATE, mastering,
                                              known, wanted)
    made: dict[int, segments.Encoded] = {}

    def consume() -> Iterator[bytes]:
        left = segments.length(parts)
        for i, x in mastered:
            seg = parts[i]
            if encode:
                key = segments.segment_key(seg, steps, settings)
                if key not in reuse:
                    made[i] = segments.encode(x, seg, key, export.MP3_KBPS, export.LAME_QUALITY, SAMPLE_RATE)
                    segments.check_frames(made[i])
            if pcm_path is not None:      # as the MP3 decodes it: each part cut or padded to its frames
                want = min(seg.frames * segments.FRAME, left)
                left -= want
                pcm = to_int16(x[:want]).tobytes()
                yield pcm + bytes(2 * (want - min(want, len(x))))

    if pcm_path is not None:
        pcm_path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(pcm_path, consume())
    else:
        for _ in consume():
            pass
    if not encode:
        return steps, levels, None
    keys = [segments.segment_key(seg, steps, settings) for seg in parts]
    return steps, levels, [made[i] if i in made else reuse[key] for i, key in enumerate(keys)]
