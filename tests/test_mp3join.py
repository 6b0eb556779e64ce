"""Joining chapter MP3s by copying frames: frame counts, LAME delay/padding, chapter starts, and
the joined file decoded by ffmpeg sample for sample where the chapters say."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from mutagen.mp3 import MP3, BitrateMode

from audiobook.audio import export, mp3join
from audiobook.errors import OutputError
from audiobook.model import SAMPLE_RATE


def decode(path: Path) -> np.ndarray:
    raw = subprocess.run([export.ffmpeg(), "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1",
                          "-ar", str(SAMPLE_RATE), "-"], check=True, capture_output=True).stdout
    return np.frombuffer(raw, "<i2")


def tone(seconds: float, freq: float) -> np.ndarray:
    t = np.arange(round(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    x = 0.3 * np.sin(2 * np.pi * freq * t)
    x[: SAMPLE_RATE // 10] = 0.0          # a head of silence, like a chapter's room tone
    return (x * 32767).astype("<i2")


def similarity(got: np.ndarray, ref: np.ndarray) -> float:
    g = got.astype(float)
    return float(np.dot(g, ref) / (np.linalg.norm(g) * np.linalg.norm(ref) + 1e-9))


@pytest.fixture(scope="module")
def chapters(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, np.ndarray]]:
    root = tmp_path_factory.mktemp("join")
    out = []
    for i, (secs, freq) in enumerate([(1.3, 440.0), (2.71, 660.0), (0.9, 330.0)], 1):
        pcm = tone(secs, freq)
        path = root / f"{i:02d}.mp3"
        export.encode_mp3([pcm.tobytes()], path, export.Tags(title=f"Chapter {i}"))
        out.append((path, pcm))
    return out


def test_frames_and_lame_tag_give_the_exact_pcm_length(chapters: list[tuple[Path, np.ndarray]]) -> None:
    for path, pcm in chapters:
        f = mp3join.frames(path)
        assert f.sample_rate == SAMPLE_RATE and f.samples_per_frame == 1152
        assert f.delay > 0 and f.count > 0
        assert f.samples - f.delay - f.padding == len(pcm)
        assert len(decode(path)) == len(pcm)


def test_joined_file_holds_every_chapter_where_the_starts_say(chapters: list[tuple[Path, np.ndarray]],
                                                                tmp_path: Path) -> None:
    files = [p for p, _ in chapters]
    out = tmp_path / "book.mp3"
    markers = export.join_mp3(files, ["One", "Two", "Three"], out, export.Tags(title="Book", author="A"))
    info = MP3(out).info
    assert info.bitrate_mode == BitrateMode.CBR and info.sample_rate == SAMPLE_RATE
    decoded = decode(out)
    fr = [mp3join.frames(p) for p in files]
    assert len(decoded) == mp3join.total_samples(fr)
    starts = mp3join.chapter_starts(fr)
    for (_, pcm), start, m in zip(chapters, starts, markers, strict=True):
        assert m.start_ms == round(start * 1000 / SAMPLE_RATE)
        ref = pcm.astype(float)[SAMPLE_RATE // 10: SAMPLE_RATE // 10 + 4000]   # after the silent head
        at = start + SAMPLE_RATE // 10
        scores = {s: similarity(decoded[at + s: at + s + len(ref)], ref) for s in range(-300, 301)}
        best = max(scores, key=lambda s: scores[s])
        assert best == 0 and scores[0] > 0.99, (m.title, best, scores[0])
    assert markers[-1].end_ms == round(len(decoded) * 1000 / SAMPLE_RATE)


def test_not_an_mp3_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "x.mp3"
    bad.write_bytes(b"RIFF" + bytes(400))
    with pytest.raises(OutputError, match="x.mp3: not an MP3 file"):
        mp3join.frames(bad)


def test_written_tags_and_chapters_read_back_in_book_order(chapters: list[tuple[Path, np.ndarray]],
                                                           tmp_path: Path) -> None:
    """The ID3 tag is written here: every tag as players read it (mutagen, ffmpeg), non-ASCII text
    intact, and a dozen chapters listed in book order whatever their titles' lengths (ffmpeg lists
    CHAP frames in file order)."""
    from mutagen.id3 import ID3

    from audio_tools import ffmpeg_chapters

    files = [p for p, _ in chapters] * 4
    titles = [("Ch. " + "x" * (12 - i) + f" {i} — Élan") for i in range(12)]
    out = tmp_path / "book.mp3"
    tags = export.Tags(title="Le Livre — Tëst", author="Zoë Ångström", narrator="Nora Reed", year="2026")
    markers = export.join_mp3(files, titles, out, tags)
    assert [t for _, _, t in ffmpeg_chapters(out)] == titles
    id3 = ID3(out)
    assert str(id3["TIT2"]) == "Le Livre — Tëst" and str(id3["TPE1"]) == "Zoë Ångström"
    assert str(id3["TCOM"]) == "Nora Reed" and str(id3["TDRC"]) == "2026" and str(id3["TCON"]) == "Audiobook"
    (toc,) = id3.getall("CTOC")
    assert toc.child_element_ids == [f"ch{i}" for i in range(12)]
    got = sorted((c.start_time, c.end_time) for c in id3.getall("CHAP"))
    assert got == [(m.start_ms, m.end_ms) for m in markers]
    assert MP3(out).info.length == pytest.approx(len(decode(out)) / SAMPLE_RATE, abs=0.002)  # the Info frame


def test_a_second_decoder_reads_the_files_written_here_the_same(tmp_path: Path) -> None:
    """libsndfile's MP3 decoder (mpg123, via soundfile) agrees with ffmpeg, sample for sample in
    length and position, on a chapter and a full book written here: both read the Info frame and
    trim the LAME tag's delay and padding (a player that did not would start 25 ms late)."""
    import soundfile

    from audiobook.build import BuildOptions, build

    from conftest import make_book

    book = make_book(tmp_path / "b")
    report = build(book, BuildOptions(jobs=1))
    files = [book / c.file for c in report.chapters]
    state = json.loads((book / ".audiobook" / "state.json").read_text())["chapters"].values()
    lengths = {Path(e["file"]).name: e["samples"] for e in state}
    lengths[Path(report.book_files[0]).name] = mp3join.total_samples([mp3join.frames(f) for f in files])
    for path in sorted((book / "output").glob("*.mp3")):
        ours = decode(path).astype(np.float32) / 32768
        theirs, rate = soundfile.read(path, dtype="float32")
        assert rate == SAMPLE_RATE and len(theirs) == len(ours), path.name
        assert abs(len(theirs) - lengths[path.name]) <= 1, path.name       # the length the build meant
        assert np.corrcoef(theirs, ours)[0, 1] > 0.999, path.name


def test_frames_trusts_an_info_frame_only_when_the_file_agrees(
        chapters: list[tuple[Path, np.ndarray]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Info frame's counts stand in for a walk over every frame header (a 20-hour book has 2.7
    million), and give what the walk gives; a file cut short no longer matches them and is walked."""
    files = [p for p, _ in chapters]
    book = tmp_path / "book.mp3"
    export.join_mp3(files, ["One", "Two", "Three"], book, export.Tags(title="Book"))
    quick = [mp3join.frames(p) for p in [*files, book]]
    with monkeypatch.context() as m:
        m.setattr(mp3join, "_counted", lambda *args: None)
        walked = [mp3join.frames(p) for p in [*files, book]]
    assert quick == walked
    cut = tmp_path / "cut.mp3"
    cut.write_bytes(book.read_bytes()[:-1000])
    assert mp3join.frames(cut).count < walked[-1].count
