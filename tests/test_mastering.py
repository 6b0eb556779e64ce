"""Mastering: settings from a profile, the level it reaches, the limiter, room tone, memory."""

from __future__ import annotations

import math
import tracemalloc

import numpy as np
import pytest

from _signals import RATE, speech_like
from audiobook.audio import dsp
from audiobook.audio import mastering as M
from audiobook.audio.mastering import Mastering, master
from audiobook.errors import ConfigError

HALF_STEP = M.GAIN_STEP_DB / 2 + 0.01     # the gain is a multiple of a step: the level lands within half of one


def quietest_500ms_db(x: np.ndarray) -> float:
    frames = np.square(x[: len(x) // 441 * 441].astype(np.float64)).reshape(-1, 441).mean(axis=1)
    c = np.concatenate([[0.0], np.cumsum(frames)])
    return 10 * math.log10(float(((c[50:] - c[:-50]) / 50).min()))


# ------------------------------------------------------------------------------------- settings
def test_defaults_are_acx() -> None:
    m = Mastering.from_mapping({}, "voices/default.yaml")
    assert m == Mastering()
    assert (m.meter, m.target, m.ceiling, m.room_tone, m.highpass) == ("rms", -20.0, -3.5, -72.0, 80.0)
    assert Mastering.from_mapping(None, "x") == Mastering()


def test_typo_is_an_error_with_a_hint() -> None:
    with pytest.raises(ConfigError, match=r'voices/a\.yaml: mastering\.targte: unknown key \(did you mean "target"'):
        Mastering.from_mapping({"targte": -19}, "voices/a.yaml")


@pytest.mark.parametrize("data, message", [
    ({"meter": "peak"}, "not a meter; choose one of: rms, lufs"),
    ({"preset": "spotify"}, "not a preset; choose one of: acx, podcast"),
    ({"target": "loud"}, "expected a number"),
    ({"ceiling": 3}, "out of range"),
    ({"target": -2}, "out of range"),
    ({"target": -8, "ceiling": -6}, "no headroom"),
])
def test_bad_settings(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Mastering.from_mapping(data, "p.yaml")


def test_preset_and_overrides() -> None:
    m = Mastering.from_mapping({"preset": "podcast", "ceiling": -2, "room_tone": False}, "p.yaml")
    assert (m.meter, m.target, m.ceiling, m.room_tone) == ("lufs", -16.0, -2.0, None)
    assert Mastering.from_mapping({"room_tone": -80}, "p.yaml").room_tone == -80.0


# ------------------------------------------------------------------------------------- meters
def test_loudness_meter_agrees_with_pyloudnorm() -> None:
    pyln = pytest.importorskip("pyloudnorm")
    x = speech_like(12.0, -24.0)
    x[RATE * 3: RATE * 5] *= 4.0          # uneven level, so gating matters
    ours = dsp.measure(x, RATE, "lufs")
    theirs = pyln.Meter(RATE).integrated_loudness(x.astype(np.float64))
    assert ours == pytest.approx(theirs, abs=0.05)


@pytest.mark.parametrize("rate", [22050, 44100, 48000])
def test_filters_match_scipys_recursive_ones(rate: int) -> None:
    """The FIR-by-FFT filters (numpy only) give what scipy's recursive sosfilt gives, across
    blocks of any length (the history carries over), and the limiter's sliding max/mean are
    scipy.ndimage's with zeros outside."""
    from scipy.ndimage import maximum_filter1d, uniform_filter1d
    from scipy.signal import butter, sosfilt

    rng = np.random.default_rng(3)
    x = (rng.standard_normal(5 * rate) * 0.1).astype(np.float32)
    sos = butter(2, 80.0, "highpass", fs=rate, output="sos")
    assert np.allclose(sos[0], [*dsp._butter_highpass(rate, 80.0)[:3], 1.0, *dsp._butter_highpass(rate, 80.0)[3:]])
    expect = sosfilt(sos, x.astype(np.float64))
    f = dsp.Filter((dsp._butter_highpass(rate, 80.0),))
    cuts = [0, 1, 500, 70_000, 70_001, len(x)]           # blocks shorter and longer than the FIR
    got = np.concatenate([f(x[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)])
    assert got.dtype == np.float32 and len(got) == len(x)
    assert np.abs(got - expect).max() < 1e-6
    k = np.array([[*dsp._high_shelf(rate)[:3], 1.0, *dsp._high_shelf(rate)[3:]],
                  [*dsp._k_highpass(rate)[:3], 1.0, *dsp._k_highpass(rate)[3:]]])
    kw = dsp.Filter((dsp._high_shelf(rate), dsp._k_highpass(rate)))
    assert np.abs(kw(x) - sosfilt(k, x.astype(np.float64))).max() < 1e-6

    sparse = (rng.random(20_001) * (rng.random(20_001) > 0.995)).astype(np.float32)
    for width in (1, 3, 221, 20_001, 40_001):
        assert np.array_equal(dsp.sliding_max(sparse, width), maximum_filter1d(sparse, width, mode="constant"))
        assert np.allclose(dsp.sliding_mean(sparse, width), uniform_filter1d(sparse, width, mode="constant"),
                           atol=1e-7)


def test_mastering_never_imports_scipy() -> None:
    """scipy.signal and scipy.ndimage take over a second to import: a one-line edit would wait."""
    import subprocess
    import sys

    code = ("import sys, numpy as np; from audiobook.audio import mastering as M; "
            "x = (np.random.default_rng(1).standard_normal(441000) * 0.3).astype(np.float32); "
            "M.master(x, 44100); M.master(x, 44100, M.Mastering(meter='lufs', target=-16.0)); "
            "print(sorted(m for m in sys.modules if m.startswith('scipy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_rms_meter_is_full_scale_square_referenced() -> None:
    assert dsp.measure(np.full(RATE, 0.1, np.float32), RATE) == pytest.approx(-20.0, abs=1e-4)
    assert dsp.measure(np.zeros(100, np.float32), RATE) == -math.inf


# ------------------------------------------------------------------------------------- master
def test_master_reaches_acx_levels() -> None:
    x = speech_like(20.0, -30.0)
    y = master(x, RATE)
    assert y is x                                     # in place: no second copy of the chapter
    assert dsp.measure(y, RATE) == pytest.approx(-20.0 + 0.25, abs=HALF_STEP)
    assert dsp.true_peak_db(y) <= -3.5 + 0.02           # room tone adds a hair to the limited peaks
    assert quietest_500ms_db(y) == pytest.approx(-72.0, abs=1.0)
    head = y[: int(0.7 * RATE)]
    assert 20 * math.log10(float(np.sqrt(np.mean(np.square(head, dtype=np.float64))))) == pytest.approx(-72, abs=1)


def test_master_is_deterministic() -> None:
    a = master(speech_like(8.0), RATE)
    b = master(speech_like(8.0), RATE)
    assert np.array_equal(a, b)


@pytest.mark.parametrize("louder", [False, True])
def test_known_levels_spare_the_unchanged_parts_and_master_the_wanted_one_alike(louder: bool) -> None:
    """After an edit of one part, the levels the last build measured stand in for the other parts:
    the wanted part masters to the same steps and samples as when all are mastered, and while the
    steps stay those of the last build (an edit at the same level), no other part is processed."""
    parts = [speech_like(4.0 + i, -28.0 + i, seed=i) for i in range(5)]
    first_steps, levels = M.master_parts([p.copy() for p in parts], RATE, Mastering())
    edited = parts[2].copy()                                  # the edited paragraph: a word quieter, or
    edited[RATE: RATE + 4410] *= np.float32(0.5)              # all of it 12 dB louder
    parts[2] = speech_like(6.0, -14.0, seed=99) if louder else edited
    full = [p.copy() for p in parts]
    steps, full_levels = M.master_parts(full, RATE, Mastering())
    lazy = [p.copy() for p in parts]
    known = [lv if i != 2 else {} for i, lv in enumerate(levels)]
    asked: list[tuple[float, ...]] = []

    def wanted(s: tuple[float, ...]) -> list[int]:
        asked.append(s)
        return [2]

    lazy_steps, lazy_levels = M.master_parts(lazy, RATE, Mastering(), known, wanted)
    assert lazy_steps == steps and asked == [steps] and lazy_levels == full_levels
    assert np.array_equal(lazy[2], full[2])                   # the wanted part: the same samples
    assert (steps == first_steps) != louder                 # 12 dB louder moves the gain: all are measured
    untouched = [np.array_equal(lazy[i], parts[i]) for i in (0, 1, 3, 4)]
    assert untouched == [steps == first_steps] * 4
    stale = [{k: v * 2 for k, v in lv.items()} for lv in levels]   # levels that do not belong give other steps
    assert M.master_parts([p.copy() for p in parts], RATE, Mastering(), stale)[0] != steps


def test_peaky_input_is_limited_not_clipped() -> None:
    x = speech_like(15.0, -26.0)
    x[RATE * 2: RATE * 2 + 400] += np.float32(0.9)    # a click 25 dB over the speech
    x[RATE * 6: RATE * 8] *= 3.0
    y = master(x, RATE)
    assert dsp.true_peak_db(y) <= -3.48
    assert np.abs(y).max() < 10 ** (-3.5 / 20)
    assert dsp.measure(y, RATE) == pytest.approx(-19.75, abs=HALF_STEP)


def test_gain_is_one_per_chapter_so_voices_keep_their_levels() -> None:
    loud, soft = speech_like(8.0, -24.0, seed=2, tail=0), speech_like(8.0, -30.0, seed=3, head=0)
    y = master(np.concatenate([loud, soft]), RATE, Mastering(target=-28.0))   # no peak reaches the limiter
    a, b = y[RATE: 7 * RATE], y[len(loud) + RATE: len(loud) + 7 * RATE]
    difference = dsp.measure(a, RATE) - dsp.measure(b, RATE)
    assert difference == pytest.approx(dsp.measure(loud[RATE:7 * RATE], RATE) - dsp.measure(soft[RATE:7 * RATE], RATE),
                                       abs=0.05)


def test_lufs_target_for_podcasts() -> None:
    settings = Mastering.from_mapping({"preset": "podcast"}, "p.yaml")
    y = master(speech_like(15.0, -30.0), RATE, settings)
    assert dsp.measure(y, RATE, "lufs") == pytest.approx(-16.0 + 0.25, abs=HALF_STEP)
    assert dsp.true_peak_db(y) <= -1.48


def test_limiter_leaves_quiet_audio_alone() -> None:
    x = speech_like(5.0, -30.0)
    before = x.copy()
    dsp.limit(x, RATE, -3.0)
    assert np.array_equal(x, before)


def test_disabled_and_silent_chapters() -> None:
    x = speech_like(3.0)
    before = x.copy()
    assert np.array_equal(master(x, RATE, Mastering(enabled=False)), before)
    silent = master(np.zeros(RATE * 2, np.float32), RATE)
    assert quietest_500ms_db(silent) == pytest.approx(-72.0, abs=0.5)   # room tone only, no +60 dB gain
    assert len(master(np.zeros(0, np.float32), RATE)) == 0


def test_memory_stays_blockwise() -> None:
    """Ten minutes of audio (106 MB of float32) mastered with only block-sized extra memory."""
    x = np.tile(speech_like(30.0, -28.0, head=0, tail=0), 20)
    tracemalloc.start()
    try:
        master(x, RATE)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40e6, f"{peak / 1e6:.0f} MB"
