"""The signal processing mastering is made of, blockwise and in place where it can be (a
60-minute chapter is 635 MB of float32: no full-length copies): high-pass and K-weighting
filters, the RMS and BS.1770 loudness meters, true peaks, the look-ahead limiter, room tone."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator

import numpy as np

BLOCK = 1 << 18                 # samples per processing block (about 6 s at 44.1 kHz)


ROOM_TONE_SEED = 20260101       # fixed: the same chapter always masters to the same samples


def blocks(n: int, size: int = BLOCK) -> Iterator[slice]:
    for start in range(0, n, size):
        yield slice(start, min(start + size, n))


def scale(x: np.ndarray, gain_db: float) -> None:
    g = np.float32(10.0 ** (gain_db / 20.0))
    for s in blocks(len(x)):
        x[s] *= g


def highpass(x: np.ndarray, rate: int, cutoff: float) -> None:
    """Second-order Butterworth high-pass, in place, blockwise (filter history carried over)."""
    f = Filter((_butter_highpass(rate, cutoff),), len(x))
    for s in blocks(len(x)):
        x[s] = f(x[s])


def _butter_highpass(rate: int, cutoff: float) -> tuple[float, ...]:
    """The bilinear (pre-warped) second-order Butterworth high-pass: scipy's ``butter(2, cutoff,
    "highpass")``, written as the audio cookbook's high-pass with Q = 1/sqrt(2)."""
    w0 = 2.0 * math.pi * cutoff / rate
    alpha, cos = math.sin(w0) / math.sqrt(2.0), math.cos(w0)
    return _normalized([(1 + cos) / 2, -(1 + cos), (1 + cos) / 2], [1 + alpha, -2 * cos, 1 - alpha])


def _normalized(b: list[float], a: list[float]) -> tuple[float, ...]:
    return (b[0] / a[0], b[1] / a[0], b[2] / a[0], a[1] / a[0], a[2] / a[0])


class Filter:
    """A cascade of biquads (``(b0, b1, b2, a1, a2)`` each), applied block by block as the FIR of
    its impulse response, cut where that has decayed below 1e-10 (far under float32's precision:
    the output matches the recursive filter's to about 1e-7), by FFT overlap-save with the input's
    history carried from block to block. numpy alone: scipy.signal takes a second to import, which a
    one-line edit would wait for, and this runs as fast as its ``sosfilt`` on a chapter."""

    def __init__(self, sections: tuple[tuple[float, ...], ...], length: int = BLOCK) -> None:
        h = _impulse_response(sections)
        self.taps = len(h)     # FFTs of 64k samples, or one just over a shorter input (a paragraph)
        self.nfft = max(min(1 << 16, 1 << (length + self.taps).bit_length()), 1 << (4 * self.taps).bit_length())
        self.hop = self.nfft - self.taps + 1
        self.spectrum = np.fft.rfft(h.astype(np.float32), self.nfft)
        self.history = np.zeros(self.taps - 1, np.float32)

    def __call__(self, block: np.ndarray) -> np.ndarray:
        """The filtered block (float32, same length), continuing from the blocks fed before."""
        n = len(block)
        frames = -(-n // self.hop)
        xp = np.zeros((frames - 1) * self.hop + self.nfft, np.float32)
        xp[: self.taps - 1] = self.history
        xp[self.taps - 1: self.taps - 1 + n] = block
        self.history = xp[n: n + self.taps - 1].copy()
        windows = np.lib.stride_tricks.sliding_window_view(xp, self.nfft)[:: self.hop][:frames]
        y = np.fft.irfft(np.fft.rfft(windows, axis=1) * self.spectrum, self.nfft, axis=1)
        return np.ascontiguousarray(y[:, self.taps - 1:], dtype=np.float32).ravel()[:n]


@functools.cache
def _impulse_response(sections: tuple[tuple[float, ...], ...], limit: int = 1 << 17) -> np.ndarray:
    """The biquads' impulse response, until 1024 samples in a row are under 1e-10 of its peak."""
    state = [[0.0, 0.0, 0.0, 0.0] for _ in sections]        # x[n-1], x[n-2], y[n-1], y[n-2]
    out: list[float] = []
    peak, quiet = 0.0, 0
    for n in range(limit):
        v = 1.0 if n == 0 else 0.0
        for (b0, b1, b2, a1, a2), st in zip(sections, state, strict=True):
            y = b0 * v + b1 * st[0] + b2 * st[1] - a1 * st[2] - a2 * st[3]
            st[1], st[0], st[3], st[2] = st[0], v, st[2], y
            v = y
        out.append(v)
        peak = max(peak, abs(v))
        quiet = quiet + 1 if abs(v) < 1e-10 * peak else 0
        if quiet >= 1024:
            return np.array(out[: len(out) - quiet + 1])
    return np.array(out)


def add_room_tone(x: np.ndarray, level_db: float) -> None:
    """Add white noise at ``level_db`` dBFS RMS under everything, from a fixed seed (one block of
    noise repeated: 6 s periods of -72 dB noise are inaudible and it costs only an add)."""
    tone = _room_tone(level_db)
    for s in blocks(len(x), len(tone)):
        x[s] += tone[: s.stop - s.start]


@functools.cache
def _room_tone(level_db: float) -> np.ndarray:
    tone = np.random.default_rng(ROOM_TONE_SEED).standard_normal(BLOCK, dtype=np.float32)
    tone *= np.float32(10.0 ** (level_db / 20.0) / float(np.sqrt(np.mean(np.square(tone, dtype=np.float64)))))
    tone.flags.writeable = False
    return tone


def sum_squares(x: np.ndarray) -> float:
    """The sum of squares of ``x``, in float64. Not ``np.dot``: OpenBLAS's threaded ddot can take 70
    times longer on a machine busier than its cores (76 ms instead of 1 ms for 6 s of audio)."""
    return float(np.einsum("i,i->", x, x, dtype=np.float64))


def db(power: float) -> float:
    """A mean square as dB (-inf for zero)."""
    return 10.0 * math.log10(power) if power > 0 else -math.inf


class RmsMeter:
    """RMS over everything fed, in dBFS (0 dBFS = a full-scale square wave): ACX's loudness."""

    def __init__(self) -> None:
        self.total = 0.0
        self.count = 0

    def feed(self, block: np.ndarray) -> None:
        b = block.astype(np.float64, copy=False)
        self.total += sum_squares(b)
        self.count += len(block)

    def result(self) -> float:
        return db(self.total / self.count) if self.count else -math.inf


class LoudnessMeter:
    """ITU-R BS.1770-4 integrated loudness of mono audio (LUFS), fed block by block."""

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self.filter = Filter((_high_shelf(rate), _k_highpass(rate)))
        self.step = round(0.1 * rate)          # 100 ms: blocks of 400 ms overlap by 75%
        self.pending = np.zeros(0)
        self.segments: list[float] = []        # sum of squares of each 100 ms step

    def feed(self, block: np.ndarray) -> None:
        y = self.filter(block).astype(np.float64)
        if len(self.pending):
            y = np.concatenate([self.pending, y])
        whole = len(y) // self.step * self.step
        if whole:
            self.segments.extend(np.square(y[:whole]).reshape(-1, self.step).sum(axis=1).tolist())
        self.pending = y[whole:]

    def result(self) -> float:
        seg = np.asarray(self.segments)
        if len(seg) < 4:
            return -math.inf
        z = (seg[:-3] + seg[1:-2] + seg[2:-1] + seg[3:]) / (4 * self.step)
        with np.errstate(divide="ignore"):
            loud = -0.691 + 10.0 * np.log10(z)
        gated = z[loud >= -70.0]
        if not len(gated):
            return -math.inf
        relative = -0.691 + 10.0 * math.log10(float(gated.mean())) - 10.0
        gated = z[(loud >= -70.0) & (loud > relative)]
        return -0.691 + 10.0 * math.log10(float(gated.mean())) if len(gated) else -math.inf


def _high_shelf(rate: int) -> tuple[float, ...]:
    """BS.1770's head filter: +4 dB shelf above about 1.5 kHz (the design pyloudnorm uses)."""
    gain_a = 10.0 ** (4.0 / 40.0)
    w0 = 2.0 * math.pi * 1500.0 / rate
    alpha = math.sin(w0) / (2.0 * (1.0 / math.sqrt(2.0)))
    cos, sq = math.cos(w0), 2.0 * math.sqrt(gain_a) * alpha
    b = [gain_a * ((gain_a + 1) + (gain_a - 1) * cos + sq), -2 * gain_a * ((gain_a - 1) + (gain_a + 1) * cos),
         gain_a * ((gain_a + 1) + (gain_a - 1) * cos - sq)]
    a = [(gain_a + 1) - (gain_a - 1) * cos + sq, 2 * ((gain_a - 1) - (gain_a + 1) * cos),
         (gain_a + 1) - (gain_a - 1) * cos - sq]
    return _normalized(b, a)


def _k_highpass(rate: int) -> tuple[float, ...]:
    """BS.1770's RLB high-pass at 38 Hz."""
    w0 = 2.0 * math.pi * 38.0 / rate
    alpha, cos = math.sin(w0) / (2.0 * 0.5), math.cos(w0)
    b = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2]
    a = [1 + alpha, -2 * cos, 1 - alpha]
    return _normalized(b, a)


def measure(x: np.ndarray, rate: int, meter: str = "rms") -> float:
    """The level of ``x`` in dB by ``meter`` ("rms": dBFS, "lufs": LUFS), blockwise."""
    m: RmsMeter | LoudnessMeter = RmsMeter() if meter == "rms" else LoudnessMeter(rate)
    for s in blocks(len(x)):
        m.feed(x[s])
    return m.result()


_OVERSAMPLE = 4


_TAPS = 8                        # on each side of the interpolated point


@functools.cache
def _interpolators() -> np.ndarray:
    """Windowed-sinc filters giving the signal at k/4 of the way to the next sample, k = 1..3."""
    n = np.arange(-_TAPS + 1, _TAPS + 1)           # sample offsets -7..8 around the left sample
    rows = []
    for k in range(1, _OVERSAMPLE):
        t = n - k / _OVERSAMPLE
        w = np.kaiser(2 * _TAPS, 8.0)
        rows.append(np.sinc(t) * w)
    return np.array(rows, dtype=np.float32)      # (3, 16)


def true_peaks(x: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """The largest magnitude of the band-limited signal on [i, i+1] for each i in ``idx``:
    the two samples and three points in between (4x oversampling, as BS.1770's true peak)."""
    if not len(idx):
        return np.zeros(0, dtype=np.float32)
    base = max(0, int(idx.min()) - _TAPS)
    pad = x[base: int(idx.max()) + _TAPS + 2]
    offsets = np.arange(-_TAPS + 1, _TAPS + 1)
    pos = np.clip(idx[:, None] - base + offsets[None, :], 0, len(pad) - 1)
    windows = pad[pos]                                             # (m, 16)
    between = np.abs(windows @ _interpolators().T).max(axis=1)
    ends = np.maximum(np.abs(x[idx]), np.abs(x[np.minimum(idx + 1, len(x) - 1)]))
    return np.maximum(between, ends)


def limit(x: np.ndarray, rate: int, ceiling_db: float, *, lookahead_ms: float = 5.0,
          release_db_per_s: float = 40.0) -> None:
    """Look-ahead true-peak limiter, in place. Never lets a sample or an inter-sample (4x) peak
    over ``ceiling_db``; the gain falls linearly (in dB) over the look-ahead before a peak and
    recovers at ``release_db_per_s`` after it. Only the neighbourhood of loud peaks is touched.

    Peaks are found first (read only), then the gain is built per block from them: with a
    max-filter of width 2L+1 (hold) and a moving average of the same width, the gain at each peak
    is at most what that peak needs, since every value averaged there saw the peak.
    """
    ceiling = 10.0 ** (ceiling_db / 20.0)
    near = ceiling * 10.0 ** (-3.0 / 20.0)   # inter-sample peaks 3 dB over both neighbours: none in speech
    found_idx, found_gr = [], []
    for s in blocks(len(x)):
        hot = np.flatnonzero(np.abs(x[s]) > near) + s.start
        hot = np.unique(np.concatenate([hot, hot - 1]).clip(0, len(x) - 1))
        if len(hot):
            peak = true_peaks(x, hot)
            over = peak > ceiling
            if over.any():
                i = hot[over]
                gr = (20.0 * np.log10(peak[over] / ceiling) + 0.02).astype(np.float32)
                found_idx += [i, np.minimum(i + 1, len(x) - 1)]
                found_gr += [gr, gr]
    if not found_idx:
        return
    idx = np.concatenate(found_idx)
    gr = np.concatenate(found_gr)
    order = np.argsort(idx, kind="stable")
    idx, gr = idx[order], gr[order]

    span = max(1, round(lookahead_ms / 1000.0 * rate))        # L
    release = np.float32(release_db_per_s / rate)                # dB per sample
    recover = int(math.ceil(float(gr.max()) / release)) + 1
    left, right = 2 * span + recover, 2 * span
    # the gain differs from 1 only within [peak - 2L, peak + 2L + recover]: work on those stretches
    gaps = np.flatnonzero(np.diff(idx) > left + right + 1)
    starts = np.concatenate([[idx[0]], idx[gaps + 1]]) - right
    stops = np.concatenate([idx[gaps], [idx[-1]]]) + left + 1
    for r0, r1 in zip(starts.clip(0, len(x)), stops.clip(0, len(x)), strict=True):
        for s in blocks(int(r1 - r0)):
            s0, s1 = int(r0) + s.start, int(r0) + s.stop
            lo, hi = max(0, s0 - left), min(len(x), s1 + right)
            a, b = np.searchsorted(idx, lo), np.searchsorted(idx, hi)
            if a == b:
                continue
            need = np.zeros(hi - lo, dtype=np.float32)
            np.maximum.at(need, idx[a:b] - lo, gr[a:b])
            held = sliding_max(need, 2 * span + 1)
            ramp = np.arange(hi - lo, dtype=np.float32) * release
            held += ramp
            released = np.maximum.accumulate(held)
            released -= ramp
            smooth = sliding_mean(released, 2 * span + 1)
            part = smooth[s0 - lo: s1 - lo]
            active = np.flatnonzero(part > 1e-4)
            if len(active):
                x[s0 + active] *= np.power(np.float32(10.0), part[active] / np.float32(-20.0))


def sliding_max(a: np.ndarray, width: int) -> np.ndarray:
    """The largest value of the ``width`` (odd) values centred on each of ``a``'s, zeros outside
    (``a`` >= 0); van Herk/Gil-Werman: two running maxima per ``width``-block, O(n) for any width."""
    half = width // 2
    n = len(a)
    padded = np.zeros(-(-(n + 2 * half) // width) * width + width, a.dtype)
    padded[half: half + n] = a
    rows = padded.reshape(-1, width)
    ahead = np.maximum.accumulate(rows, axis=1).ravel()                 # max from its block's start
    behind = np.maximum.accumulate(rows[:, ::-1], axis=1)[:, ::-1].ravel()  # max to its block's end
    return np.maximum(behind[:n], ahead[width - 1: width - 1 + n])


def sliding_mean(a: np.ndarray, width: int) -> np.ndarray:
    """The mean of the ``width`` (odd) values centred on each of ``a``'s, zeros outside (float32)."""
    half = width // 2
    c = np.zeros(len(a) + 2 * half + 1)
    np.cumsum(a, dtype=np.float64, out=c[half + 1: half + 1 + len(a)])
    c[half + 1 + len(a):] = c[half + len(a)]
    return ((c[width:] - c[: len(a)]) / width).astype(np.float32)


def true_peak_db(x: np.ndarray) -> float:
    """The 4x-oversampled peak of ``x`` in dBTP (for tests and reports)."""
    if not len(x):
        return -math.inf
    peak = float(true_peaks(x, np.arange(len(x))).max()) if len(x) < BLOCK else max(
        float(true_peaks(x, np.arange(s.start, s.stop)).max()) for s in blocks(len(x)))
    return 20.0 * math.log10(peak) if peak > 0 else -math.inf
