"""Each real engine renders a short chapter end to end (real models from PyPI packages)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from mutagen.mp3 import MP3

from audiobook.build import BuildOptions, build
from audiobook.model import Voice
from audiobook.voice.engines import engine_class
from audiobook.voice.render import to_pipeline

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


def test_hibari_g2p_comes_from_a_pickle_that_is_remade_when_damaged(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The G2P is unpickled from the user cache (0.15 s instead of 0.6 s per worker); a missing or
    damaged pickle is remade, and the phonemes are those of a freshly built G2P."""
    from hibari.g2p import G2P

    from audiobook.voice.engines import hibari

    monkeypatch.setenv("AUDIOBOOK_CACHE", str(tmp_path / "cache"))
    text = "Liana said the 3rd of March, 1895, was cold."
    first = hibari._g2p(False)
    [pickled] = list((tmp_path / "cache").glob("hibari-g2p-*.pickle"))
    assert first(text) == G2P()(text)
    pickled.write_bytes(b"not a pickle")
    assert hibari._g2p(False)(text) == G2P()(text)
    assert pickled.stat().st_size > 1_000_000                  # remade
    assert hibari._g2p(False)(text) == first(text)
    monkeypatch.setenv("AUDIOBOOK_CACHE", "/proc/no-such-cache")      # cannot be written: built, not stored
    assert hibari._g2p(False)(text) == first(text)


def test_model_digests_are_remembered_across_builds_and_redone_when_the_file_changes(tmp_path: Path) -> None:
    from audiobook.voice.engines import base

    model = tmp_path / "model.onnx"
    model.write_bytes(b"weights 1")
    d1 = base.file_digest(model)
    known = base.digests_known()
    base._DIGESTS.clear()
    base.remember_digests(known)
    model_key = next(k for k in known if k.startswith(str(model)))
    base._DIGESTS[model_key] = "remembered"                 # the next lookup must come from the memo
    assert base.file_digest(model) == "remembered"
    model.write_bytes(b"weights 2, longer")                 # size and mtime change: hashed again
    assert base.file_digest(model) not in (d1, "remembered")
    assert model_key not in base.digests_known()            # the stale entry is not kept


def test_model_digests_are_shared_by_every_book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A model hashed for one book is not hashed again for another (the memo is in the user's cache)."""
    from audiobook.build import prepare
    from audiobook.voice.engines import base

    first = make_book(tmp_path / "a", SHORT, profile("piper", "joe"))
    key_a = prepare(first, BuildOptions()).plan.keys
    base._DIGESTS.clear()                                  # a new process: only the memo on disk

    def no_hashing(*args: object) -> None:
        raise AssertionError("a model file was hashed again")

    monkeypatch.setattr(base, "hashlib", SimpleNamespace(sha256=no_hashing))   # base's hashing only
    second = make_book(tmp_path / "b", SHORT, profile("piper", "joe"))
    assert prepare(second, BuildOptions()).plan.keys == key_a


def test_piper_says_a_line_the_same_whatever_came_before_and_however_many_threads() -> None:
    """Piper's model draws noise on every call; loaded with fixed noise, a line is the same
    samples from any worker (two processes of a build, a line said again after a damaged entry)."""
    joe = Voice("n", "piper", "joe")

    def say(engine: object, text: str) -> np.ndarray:
        return np.concatenate([c.samples for c in engine.synthesize(text, joe)])  # type: ignore[attr-defined]

    one = engine_class("piper")(joe, threads=1)
    first = say(one, "Two long weeks later, the parcel came.")
    other = say(one, "Daniel laughed.")
    two = engine_class("piper")(joe, threads=2)
    assert np.array_equal(say(two, "Daniel laughed."), other)
    assert np.array_equal(say(two, "Two long weeks later, the parcel came."), first)
    seeded = Voice("n", "piper", "joe", options=(("seed", 7),))
    assert not np.array_equal(np.concatenate([c.samples for c in engine_class("piper")(seeded).synthesize(
        "Daniel laughed.", seeded)]), other)       # another seed: another take


def test_one_and_two_workers_give_the_same_piper_and_hibari_audio(tmp_path: Path) -> None:
    both = ("voices:\n  v: {engine: hibari, model: heart}\n  w: {engine: piper, model: joe}\n"
            "cast: {Narrator: v, Daniel: w}\n")
    a = make_book(tmp_path / "a", SHORT, both)
    b = make_book(tmp_path / "b", SHORT, both)
    build(a, BuildOptions(jobs=1))
    build(b, BuildOptions(jobs=2))
    name = "01 - Short.mp3"
    assert (a / "output" / name).read_bytes() == (b / "output" / name).read_bytes()
