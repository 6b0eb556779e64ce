"""Proof checks that need no ASR, on every line: audio far too short or too long for its text,
a long silence inside it, clipping. Each finding is one sentence; any finding fails the take."""

from __future__ import annotations

import numpy as np

from audiobook.model import SAMPLE_RATE

MIN_S_PER_LETTER = 0.02      # 3x faster than any narrator: words were skipped (as planning.too_short)
MAX_S_PER_LETTER = 0.25      # 3x slower than any narrator: a loop, a stuck engine, babble
MAX_SILENCE_S = 1.6          # inside a line: sentence pauses are 0.35 s, commas shorter
SILENCE_DB = -45.0
CLIP_RUNS = 8                # runs of >= 3 full-scale samples: the engine overdrove its output


def letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def problems(text: str, pcm: np.ndarray, sentence_pause: float = 0.35) -> list[str]:
    """What is wrong with one line's audio (int16 at the pipeline's rate), without listening."""
    n = letters(text)
    seconds = len(pcm) / SAMPLE_RATE
    out = []
    if n and seconds < n * MIN_S_PER_LETTER:
        out.append(f"only {seconds:.2f} s of audio for {n} letters")
    elif n and seconds > n * MAX_S_PER_LETTER + 1.0:
        out.append(f"{seconds:.1f} s of audio for {n} letters")
    if pcm.size == 0:
        return out
    x = pcm.astype(np.float32) / 32768.0
    if n and float(np.max(np.abs(x))) < 0.01:
        out.append("silent")
        return out
    gap = longest_silence(x)
    if gap > max(MAX_SILENCE_S, 3 * sentence_pause):
        out.append(f"{gap:.1f} s of silence inside the line")
    full = np.abs(pcm.astype(np.int32)) >= 32767
    if full.any():
        runs = np.flatnonzero(full[2:] & full[1:-1] & full[:-2])
        starts = runs[np.diff(runs, prepend=-10) > 1] if runs.size else runs
        if len(starts) >= CLIP_RUNS:
            out.append(f"clipped in {len(starts)} places")
    return out


def longest_silence(x: np.ndarray, frame_s: float = 0.01) -> float:
    """The longest run of 10-ms frames below SILENCE_DB, in seconds."""
    step = int(SAMPLE_RATE * frame_s)
    frames = len(x) // step
    if frames == 0:
        return 0.0
    peak = np.abs(x[: frames * step]).reshape(frames, step).max(axis=1)
    quiet = peak < 10 ** (SILENCE_DB / 20)
    best = run = 0
    for q in quiet:
        run = run + 1 if q else 0
        best = max(best, run)
    return best * frame_s
