"""Chapters encoded in segments (one per paragraph) and joined by frame copy: an edit re-encodes
its paragraph only, and the result is the same file a cold build makes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from audiobook.audio import mastering, segments
from audiobook.audio.mp3join import audio_offset
from audiobook.build import BuildOptions, build
from audiobook.model import SAMPLE_RATE
from audiobook.voice.cache import LineCache

from audio_tools import decode
from conftest import make_book

PARAGRAPHS = [
    "The first paragraph sets the scene at the mill.",
    "The second one walks down to the river, slowly.",
    "A third paragraph, where the weather turns.",
    "The fourth brings the miller home for supper.",
    "And the fifth closes the chapter for the night.",
]


def chapter(paragraphs: list[str]) -> dict[str, str]:
    return {"01-one.md": "# One\n\n" + "\n\n".join(paragraphs) + "\n"}


def state(book: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return json.loads((book / ".audiobook" / "state.json").read_text())["chapters"]


@pytest.mark.parametrize("frames", [2, 3, 7, 40, 133])
@pytest.mark.parametrize("extra", [-575, -1, 0, 1, 575])
def test_each_segment_encodes_to_exactly_its_frames(frames: int, extra: int) -> None:
    """The arithmetic the join rests on: a segment of n samples is LAME-encoded into round(n/1152)
    frames (a wrong count would shift every later line of the chapter)."""
    n = frames * segments.FRAME + extra
    seg = segments.Segment(0, n, max(0, frames * segments.FRAME - segments.DELAY - segments.MARGIN), "x")
    tone = (0.3 * np.sin(np.arange(n) * 0.05)).astype(np.float32)
    enc = segments.encode(tone, seg, "k", 192, 7, SAMPLE_RATE)
    segments.check_frames(enc)
    assert enc.frames == seg.frames == frames


def test_segments_start_at_paragraphs_and_depend_on_the_lines_alone(tmp_path: Path) -> None:
    book = make_book(tmp_path / "b", chapter(PARAGRAPHS))
    build(book, BuildOptions(jobs=1))
    before = state(book)["1"]["segments"]
    assert len(before) == 1 + len(PARAGRAPHS)          # the title, then one per paragraph
    f = book / "manuscript" / "01-one.md"
    f.write_text(f.read_text().replace("A third paragraph", "A third, much longer paragraph"), encoding="utf-8")
    r = build(book, BuildOptions(jobs=1))
    assert r.lines_synthesized == 1
    after = state(book)["1"]["segments"]
    old_keys = {s[0] for s in before}
    assert [s[0] in old_keys for s in after] == [True, True, True, False, True, True]


def test_an_edit_reencodes_its_paragraph_and_gives_the_file_a_cold_build_gives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "b", chapter(PARAGRAPHS))
    build(book, BuildOptions(jobs=1))
    old = (book / "output" / "01 - One.mp3").read_bytes()
    f = book / "manuscript" / "01-one.md"
    edited = f.read_text().replace("walks down", "wanders down")
    f.write_text(edited, encoding="utf-8")
    encoded: list[str] = []
    real = segments.encode
    monkeypatch.setattr(segments, "encode", lambda part, seg, key, *a: encoded.append(key) or real(part, seg, key, *a))
    filtered: list[int] = []
    highpass = mastering.highpass
    monkeypatch.setattr(mastering, "highpass", lambda x, *a: filtered.append(len(x)) or highpass(x, *a))
    read: list[str] = []
    cache_read = LineCache.read
    monkeypatch.setattr(LineCache, "read", lambda self, key: read.append(key) or cache_read(self, key))
    report = build(book, BuildOptions(jobs=1))
    monkeypatch.undo()
    assert (report.chapters[0].paragraphs, report.chapters[0].paragraphs_encoded) == (6, 1)
    assert len(filtered) == 1        # and mastered alone: the others' levels are the last build's,
    assert len(read) == 1            # and their lines are not even read from the cache
    new = (book / "output" / "01 - One.mp3").read_bytes()
    rec = state(book)["1"]["segments"]
    base = audio_offset(new)
    assert base is not None
    assert encoded == [rec[2][0]]                        # the second paragraph's segment, and no other
    copied = [s for s in rec if s[0] != rec[2][0]]
    assert all(new[base + s[1]: base + s[1] + s[2]] in old for s in copied)   # frames copied, bit for bit

    cold = make_book(tmp_path / "cold", chapter(PARAGRAPHS))
    (cold / "manuscript" / "01-one.md").write_text(edited, encoding="utf-8")
    build(cold, BuildOptions(jobs=1))
    assert (cold / "output" / "01 - One.mp3").read_bytes() == new
    assert state(cold)["1"]["lines"] == state(book)["1"]["lines"]


def test_a_damaged_chapter_file_is_not_copied_from(tmp_path: Path) -> None:
    book = make_book(tmp_path / "b", chapter(PARAGRAPHS))
    build(book, BuildOptions(jobs=1))
    mp3 = book / "output" / "01 - One.mp3"
    rec = state(book)["1"]["segments"]
    data = bytearray(mp3.read_bytes())
    base = audio_offset(bytes(data))
    assert base is not None
    data[base + rec[4][1] + 100] ^= 0xFF                 # one byte of the fourth paragraph's frames
    mp3.write_bytes(bytes(data))
    f = book / "manuscript" / "01-one.md"
    f.write_text(f.read_text().replace("walks down", "wanders down"), encoding="utf-8")
    build(book, BuildOptions(jobs=1))
    cold = tmp_path / "cold"
    shutil.copytree(book / "manuscript", cold / "manuscript")
    shutil.copytree(book / "voices", cold / "voices")
    build(cold, BuildOptions(jobs=1))
    assert (cold / "output" / "01 - One.mp3").read_bytes() == mp3.read_bytes()


def test_lines_are_where_the_decoded_mp3_has_them_and_the_m4b_agrees(tmp_path: Path) -> None:
    book = make_book(tmp_path / "b", chapter(PARAGRAPHS))
    r = build(book, BuildOptions(jobs=1, formats=("mp3", "m4b")))
    entry = state(book)["1"]
    audio = decode(book / entry["file"])
    pcm = np.fromfile(book / ".audiobook" / "chapters" / entry["pcm"], "<i2").astype(np.float32) / 32768
    assert len(audio) == len(pcm) == entry["samples"]
    assert r.chapters[0].duration_s == pytest.approx(len(audio) / SAMPLE_RATE, abs=0.001)
    snr = 10 * np.log10(np.sum(pcm ** 2) / np.sum((pcm - audio) ** 2))
    assert snr > 25                                      # LAME at 192 kbps, junctions included

    def rms(a: np.ndarray) -> float:
        return float(np.sqrt(np.mean(np.square(a, dtype=np.float64))))

    for _, start, end in entry["lines"]:
        s, e = round(start * SAMPLE_RATE), round(end * SAMPLE_RATE)
        assert rms(audio[s:e]) > 100 * rms(audio[s - 2000:s - 200])   # speech starts where recorded


def test_no_pauses_keeps_every_word(tmp_path: Path) -> None:
    """Pauses set to nothing (book.yaml): no paragraph has room for a cut, and the chapter's last
    line ends the file; the MP3 still holds all of its speech, to the last sample."""
    book = make_book(tmp_path / "b", chapter(PARAGRAPHS))
    with open(book / "manuscript" / "book.yaml", "a", encoding="utf-8") as f:
        f.write("pauses: {paragraph: 0, title: 0, head: 0, tail: 0, line: 0, speaker_change: 0}\n")
    build(book, BuildOptions(jobs=1))
    entry = state(book)["1"]
    assert len(entry["segments"]) == 1
    audio = decode(book / entry["file"])
    _, start, end = entry["lines"][-1]
    last = audio[round(start * SAMPLE_RATE): round(end * SAMPLE_RATE)]
    assert round(end * SAMPLE_RATE) <= len(audio)
    def rms(a: np.ndarray) -> float:
        return float(np.sqrt(np.mean(np.square(a, dtype=np.float64))))

    assert rms(last[-500:]) > 0.5 * rms(last[len(last) // 2:][:4000])     # the tone runs to its end
