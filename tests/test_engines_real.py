"""Each real engine renders a short chapter end to end (real models from PyPI packages)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from mutagen.mp3 import MP3

from audiobook.build import BuildOptions, build
from audiobook.engines import engine_class
from audiobook.render import to_pipeline
from audiobook.voices import Voice

from audio_tools import decode
from conftest import make_book

SHORT = {"01-short.md": "# Short\n\nThen, in France, he met a girl named Liana. “Hello,” said Daniel.\n"}


def profile(engine: str, model: str, options: str = "") -> str:
    return (f"voices:\n  v: {{engine: {engine}, model: {model}{options}}}\n"
            f"  w: {{engine: {engine}, model: {model}{options}, pitch: 3, speed: 1.2}}\n"
            "cast: {Narrator: v, Daniel: w}\n")


@pytest.mark.parametrize(("engine", "model"), [("piper", "joe"), ("hibari", "heart")])
def test_real_engine_renders_a_short_chapter(tmp_path: Path, engine: str, model: str) -> None:
    book = make_book(tmp_path / "b", SHORT, profile(engine, model))
    report = build(book, BuildOptions(jobs=1))
    assert report.lines_synthesized == 4      # title, narration, dialogue, narration
    mp3 = book / report.chapters[0].file
    assert MP3(mp3).info.sample_rate == 44100
    audio = decode(mp3)
    seconds = len(audio) / 44100
    # about 14 words of speech, plus pauses: a few seconds, not silence and not a fragment
    assert 4.0 < seconds < 12.0
    speech = audio[int(0.9 * 44100): int(2.0 * 44100)]
    assert np.sqrt(np.mean(speech**2)) > 0.02


def test_piper_speaker_of_single_speaker_model_is_rejected() -> None:
    v = Voice("x", "piper", "joe", options=(("speaker", 3),))
    problems = engine_class("piper").problems(v)
    assert problems and "has one speaker" in problems[0]


def test_hibari_voice_not_downloaded_is_a_clear_problem() -> None:
    v = Voice("x", "hibari", "emma")
    problems = engine_class("hibari").problems(v)
    assert problems and "not downloaded" in problems[0] and "emma" in problems[0]


def test_pitch_shift_moves_the_fundamental() -> None:
    rate = 22050
    t = np.arange(rate) / rate
    tone = (0.3 * np.sin(2 * np.pi * 200 * t)).astype(np.float32)
    up = to_pipeline(tone, rate, 12.0)     # one octave up, resampled to 44.1 kHz

    def peak(x: np.ndarray, r: int) -> float:
        spec = np.abs(np.fft.rfft(x[r // 4: -r // 4]))
        return float(np.argmax(spec) * r / (len(x[r // 4: -r // 4])))

    assert abs(peak(up, 44100) - 400) < 10
    assert abs(len(up) - 2 * len(tone)) <= 2
