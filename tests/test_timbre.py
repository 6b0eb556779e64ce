"""The timbre control moves formants without moving the pitch, and pitch without formants."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy.signal import iirpeak, lfilter

from audiobook.model import Voice
from audiobook.voice.timbre import shift

RATE = 22050


def _buzz() -> np.ndarray:
    """A 150 Hz pulse train through one resonance at 1000 Hz: a one-formant 'voice'."""
    t = np.arange(2 * RATE) / RATE
    src = 0.2 * np.sign(np.sin(2 * np.pi * 150 * t))
    b, a = iirpeak(1000, 5, fs=RATE)
    return lfilter(b, a, src).astype(np.float32)


def _pitch_and_formant(y: np.ndarray) -> tuple[float, float]:
    mid = y[RATE // 2: -RATE // 2]
    spec = np.abs(np.fft.rfft(mid * np.hanning(len(mid))))
    freqs = np.fft.rfftfreq(len(mid), 1 / RATE)
    low, band = (freqs > 80) & (freqs < 400), (freqs > 500) & (freqs < 3000)
    # the formant: the centre of mass of the envelope, not one harmonic
    power = spec[band] ** 2
    return float(freqs[low][np.argmax(spec[low])]), float(np.sum(freqs[band] * power) / np.sum(power))


@pytest.mark.parametrize(("pitch", "formants"), [(0.0, 4.0), (0.0, -4.0), (4.0, 0.0), (3.0, -3.0)])
def test_pitch_and_formants_move_independently(pitch: float, formants: float) -> None:
    x = _buzz()
    f0, formant = _pitch_and_formant(x)
    y = shift(x, RATE, pitch=pitch, formants=formants)
    g0, gformant = _pitch_and_formant(y)
    assert len(y) == len(x)
    assert g0 == pytest.approx(f0 * 2 ** (pitch / 12), rel=0.03)
    assert gformant == pytest.approx(formant * 2 ** (formants / 12), rel=0.08)


def test_the_same_audio_gives_the_same_samples() -> None:
    x = _buzz()
    assert np.array_equal(shift(x, RATE, 2.0, -3.0), shift(x, RATE, 2.0, -3.0))


def test_timbre_is_in_the_cache_key_only_when_set() -> None:
    plain = Voice("v", "piper", "joe").settings()
    assert "timbre" not in plain                                   # old keys unchanged
    assert Voice("v", "piper", "joe", timbre=-2.0).settings()["timbre"] == -2.0


def test_a_starter_cast_gives_six_characters_seven_different_voices() -> None:
    """cast --write voices: women and men by gender on the two base voices, each with its own pitch
    and timbre from the measured palette, the narrator apart from all."""
    import yaml

    from audiobook.text.script import CastEntry
    from audiobook.voice.starter import voices_yaml

    entries = [CastEntry(n, g, (), 3, 20, False) for n, g in
               [("Mara", "female"), ("Ines", "female"), ("Joan", "female"),
                ("Tobias", "male"), ("Ravi", "male"), ("Hugh", "male")]]
    profile = yaml.safe_load(voices_yaml(entries))
    voices = {spk: profile["voices"][v] for spk, v in profile["cast"].items()}
    assert len({(v["engine"], v.get("pitch", 0), v.get("timbre", 0)) for v in voices.values()}) == 7
    assert {voices[n]["model"] for n in ("Mara", "Ines", "Joan")} == {"heart"}
    assert {voices[n]["model"] for n in ("Tobias", "Ravi", "Hugh")} == {"joe"}
    assert len({v.get("timbre", 0) for v in voices.values()}) >= 3          # timbre spread, not only pitch


def test_another_process_makes_the_same_samples(tmp_path: Path) -> None:
    """A worker process says a line with a timbre exactly as this one does (rebuilds stay byte-identical)."""
    import subprocess
    import sys

    x = _buzz()
    np.save(tmp_path / "x.npy", x)
    code = ("import numpy as np, sys; from audiobook.voice.timbre import shift; "
            f"np.save(sys.argv[1], shift(np.load(sys.argv[2]), {RATE}, 3.0, -2.0))")
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "y.npy"), str(tmp_path / "x.npy")], check=True)
    assert np.array_equal(np.load(tmp_path / "y.npy"), shift(x, RATE, 3.0, -2.0))
