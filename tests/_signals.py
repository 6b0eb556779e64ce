"""Deterministic speech-like test signals for the mastering and ACX tests."""

from __future__ import annotations

import numpy as np

RATE = 44100


def speech_like(seconds: float, level_db: float = -26.0, *, rate: int = RATE, seed: int = 1,
                head: float = 0.75, tail: float = 2.0) -> np.ndarray:
    """Voiced "syllables" (a 140 Hz buzz through two formants) in words with pauses between them,
    RMS of the voiced parts about ``level_db``, with digital silence of ``head`` and ``tail`` seconds
    at the ends: what the assembler hands to mastering."""
    rng = np.random.default_rng(seed)
    n = round(seconds * rate)
    t = np.arange(n) / rate
    f0 = 140.0 * (1.0 + 0.08 * np.sin(2 * np.pi * 0.7 * t))
    phase = 2 * np.pi * np.cumsum(f0) / rate
    buzz = sum(np.sin(k * phase) / k * (1.4 if k in (4, 5, 12, 13) else 1.0) for k in range(1, 30))
    syll = 0.5 - 0.5 * np.cos(2 * np.pi * 4.0 * t)                       # 4 syllables a second
    word = np.ones(n)
    pos = 0
    while pos < n:                                                        # words of 0.6-1.6 s
        length = int(rng.uniform(0.6, 1.6) * rate)
        gap = int(rng.uniform(0.25, 0.8) * rate)
        word[pos + length: pos + length + gap] = 0.0
        pos += length + gap
    x = (buzz * syll * word * (1.0 + 0.6 * rng.standard_normal(n) * 0.05)).astype(np.float32)
    voiced = x[word > 0]
    x *= np.float32(10 ** (level_db / 20) / np.sqrt(np.mean(np.square(voiced, dtype=np.float64))))
    z = np.zeros
    return np.concatenate([z(round(head * rate), np.float32), x, z(round(tail * rate), np.float32)])
