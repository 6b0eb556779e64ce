"""A long chapter is mastered and encoded part by part (never whole in memory), and comes out
exactly as the in-memory path makes it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from audiobook.audio.mastering import Mastering, master_parts
from audiobook.audio.streamed import master_streamed
from audiobook.build import BuildOptions, build
from audiobook.build import chapter as chapter_module
from audiobook.model import SAMPLE_RATE

from conftest import make_book


def speechlike(seed: int, seconds: float) -> np.ndarray:
    """Bursts of band-limited noise with silence at both ends, as a paragraph's audio is."""
    rng = np.random.default_rng(seed)
    n = int(seconds * SAMPLE_RATE)
    x = np.zeros(n, np.float32)
    body = rng.standard_normal(n - SAMPLE_RATE // 2).astype(np.float32) * np.float32(0.05 + 0.1 * (seed % 3))
    envelope = (np.sin(np.linspace(0, 40 * np.pi, len(body))) > 0).astype(np.float32)
    x[SAMPLE_RATE // 4: SAMPLE_RATE // 4 + len(body)] = body * envelope
    return x


@pytest.mark.parametrize("settings", [Mastering(), Mastering(meter="lufs", target=-19.0),
                                      Mastering(room_tone=None, highpass=0.0), Mastering(enabled=False)])
def test_streamed_mastering_makes_the_samples_master_parts_makes(settings: Mastering) -> None:
    source = [speechlike(i, 1.0 + 0.3 * i) for i in range(6)]
    in_memory = [p.copy() for p in source]
    steps, levels = master_parts(in_memory, SAMPLE_RATE, settings)
    made: list[int] = []

    def make(i: int) -> np.ndarray:
        made.append(i)
        return source[i].copy()

    s_steps, s_levels, parts = master_streamed([len(p) for p in source], make, SAMPLE_RATE, settings)
    assert s_steps == steps and s_levels == levels
    out = list(parts)
    assert [i for i, _ in out] == list(range(6))
    assert all(np.array_equal(x, in_memory[i]) for i, x in out)
    assert not settings.enabled or len(made) > 6           # each pass made the parts afresh


def test_known_levels_and_wanted_parts_are_honoured_as_in_master_parts() -> None:
    source = [speechlike(i, 1.0) for i in range(5)]
    _, known = master_parts([p.copy() for p in source], SAMPLE_RATE, Mastering())
    again = [p.copy() for p in source]
    steps, levels = master_parts(again, SAMPLE_RATE, Mastering(), known, lambda s: [2])
    made: list[int] = []

    def make(i: int) -> np.ndarray:
        made.append(i)
        return source[i].copy()

    s_steps, s_levels, parts = master_streamed([len(p) for p in source], make, SAMPLE_RATE, Mastering(), known,
                                               lambda s: [2])
    ((i, x),) = list(parts)
    assert (s_steps, s_levels, i) == (steps, levels, 2) and np.array_equal(x, again[2])
    assert made == [2]          # every level was known: only the wanted part was made


def test_a_long_chapter_made_part_by_part_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# Long\n\n" + "\n\n".join(f"“Paragraph {i},” said Daniel, “is long enough.” Liana nodded {i} times."
                                      for i in range(12)) + "\n"
    options = BuildOptions(jobs=1, formats=("mp3", "m4b"))
    whole = build(make_book(tmp_path / "whole", {"01-long.md": text}), options)
    monkeypatch.setattr(chapter_module, "STREAMED_SAMPLES", 0)          # every chapter part by part
    parts = build(make_book(tmp_path / "parts", {"01-long.md": text}), options)
    assert whole.chapters[0].paragraphs == parts.chapters[0].paragraphs == 13
    for name in ("01 - Long.mp3", "Test Book.mp3"):
        made = (tmp_path / "parts" / "output" / name).read_bytes()
        assert made == (tmp_path / "whole" / "output" / name).read_bytes()
    pcm = sorted((tmp_path / "whole" / ".audiobook" / "chapters").iterdir())
    assert [p.read_bytes() for p in pcm] == [
        p.read_bytes() for p in sorted((tmp_path / "parts" / ".audiobook" / "chapters").iterdir())]
    # an edit re-encodes only its paragraph, part by part too
    book = tmp_path / "parts"
    chapter = book / "manuscript" / "01-long.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("nodded 5 times", "nodded five times"),
                       encoding="utf-8")
    edited = build(book, BuildOptions(jobs=1))
    assert edited.chapters[0].paragraphs_encoded == 1
