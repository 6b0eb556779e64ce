"""Timbre: move a voice's formants (the resonances of its vocal tract) independently of its pitch,
so that one base voice gives a larger or a smaller person, not only a higher or lower one.

``shift(samples, rate, pitch, formants)``: the audio is resampled as if played faster by
``formants`` semitones (pitch and formants both rise; it gets shorter), then Rubber Band
(pedalboard.time_stretch) stretches it back to its length and moves the pitch to ``pitch``
semitones from the original while keeping the formants where the resampling put them. A positive
``formants`` is a smaller vocal tract (younger, slighter), a negative one a larger (older, bigger).
Deterministic: the same samples in, the same samples out.
"""

from __future__ import annotations

import numpy as np


def shift(samples: np.ndarray, rate: int, pitch: float = 0.0, formants: float = 0.0) -> np.ndarray:
    """``samples`` (mono float32 at ``rate``) with the pitch moved by ``pitch`` semitones and the
    formants by ``formants`` semitones; the length is kept (to a few samples)."""
    import soxr
    from pedalboard import time_stretch

    x = np.asarray(samples, dtype=np.float32)
    if x.size == 0 or (not pitch and not formants):
        return x
    k = 2.0 ** (formants / 12.0)
    faster = soxr.resample(x, rate, rate / k, quality="HQ") if formants else x   # everything up by k, 1/k long
    out = time_stretch(faster[np.newaxis, :].astype(np.float32), float(rate), stretch_factor=1.0 / k,
                       pitch_shift_in_semitones=pitch - formants, preserve_formants=True)[0]
    n = len(x)
    if len(out) >= n:
        return np.ascontiguousarray(out[:n], dtype=np.float32)
    return np.concatenate([out, np.zeros(n - len(out), np.float32)])
