"""`audiobook check`: mastered files pass every ACX rule; files made to break each rule fail it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from _signals import RATE, speech_like
from audiobook.audio import acx
from audiobook.audio.export import ffmpeg
from audiobook.audio.mastering import Mastering, master
from audiobook.cli.main import cli
from audiobook.errors import OutputError


def encode(x: np.ndarray, out: Path, *args: str, channels: int = 1) -> Path:
    """float32 mono 44.1 kHz -> MP3 (192 kbps CBR mono 44.1 kHz unless ``args`` say otherwise);
    ``channels=2``: the same signal in both channels of the input."""
    pcm = (np.clip(x, -1, 1) * 32767).round().astype("<i2").repeat(channels).tobytes()
    codec = list(args) or ["-b:a", "192k"]
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-f", "s16le", "-ar", str(RATE), "-ac", str(channels), "-i", "-",
                    "-c:a", "libmp3lame", *codec, "-write_xing", "1", str(out)], input=pcm, check=True)
    return out


@pytest.fixture(scope="module")
def mastered() -> np.ndarray:
    return master(speech_like(12.0, -28.0), RATE)


def failed(path: Path) -> set[str]:
    return {r.name for r in acx.rules(acx.measure_file(path)) if r.status == "fail"}


def test_mastered_file_passes_every_rule(mastered: np.ndarray, tmp_path: Path) -> None:
    m = acx.measure_file(encode(mastered, tmp_path / "01.mp3"))
    table = {r.name: r for r in acx.rules(m)}
    assert [r for r in table.values() if r.status != "pass"] == []
    assert (m.codec, m.sample_rate, m.channels, m.bitrate, m.bitrate_mode) == ("mp3", 44100, 1, 192000, "CBR")
    assert -20.5 < m.rms_db < -19.5          # the target, through LAME
    assert m.peak_db < -3.2
    assert m.floor_db < -68.0
    assert m.head_s == pytest.approx(0.75, abs=0.05)
    assert m.tail_s == pytest.approx(2.0, abs=0.1)
    assert m.duration == pytest.approx(len(mastered) / RATE, abs=0.001)   # LAME's delay is trimmed


def _quiet(x: np.ndarray) -> np.ndarray:
    return x * np.float32(10 ** (-8 / 20))


def _clipped(x: np.ndarray) -> np.ndarray:
    return np.clip(x * 4.0, -1.0, 1.0)


def _noisy(x: np.ndarray) -> np.ndarray:
    return x + np.random.default_rng(0).standard_normal(len(x)).astype(np.float32) * np.float32(10 ** (-50 / 20))


def _no_head(x: np.ndarray) -> np.ndarray:
    return x[int(0.74 * RATE):]


def _long_tail(x: np.ndarray) -> np.ndarray:
    return np.concatenate([x, x[: 4 * RATE] * 0 + x[: int(0.7 * RATE)].repeat(6)[: 4 * RATE]])


BROKEN = {
    "too quiet": (_quiet, (), {"RMS"}),
    "clipped": (_clipped, (), {"peak", "RMS"}),
    "noisy": (_noisy, (), {"noise floor"}),
    "no room tone at the head": (_no_head, (), {"head room tone"}),
    "too much at the tail": (_long_tail, (), {"tail room tone"}),
    "low bit rate": (None, ("-b:a", "128k"), {"bit rate"}),
    "average bit rate": (None, ("-abr", "1", "-b:a", "224k"), {"constant bit rate"}),
    "48 kHz": (None, ("-b:a", "192k", "-ar", "48000"), {"sample rate"}),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_files_fail_their_rule(case: str, mastered: np.ndarray, tmp_path: Path) -> None:
    change, codec, expected = BROKEN[case]
    x = change(mastered.copy()) if change else mastered
    assert failed(encode(x, tmp_path / "bad.mp3", *codec)) == expected


def test_digital_silence_is_not_room_tone(tmp_path: Path) -> None:
    x = master(speech_like(6.0, -28.0), RATE, Mastering(room_tone=None))
    assert "room tone" in failed(encode(x, tmp_path / "silent.mp3"))


def test_stereo_is_allowed_but_not_mixed_with_mono(mastered: np.ndarray, tmp_path: Path) -> None:
    mono = encode(mastered, tmp_path / "01.mp3")
    stereo = encode(mastered, tmp_path / "02.mp3", channels=2)
    assert failed(stereo) == set()
    report = acx.check_files([mono, stereo])
    assert not report.ok
    assert {r.name for f in report.files for r in f.rules if r.status == "fail"} == {"consistent channels"}


# ------------------------------------------------------------------------------ chapter markers
def full_book(chapters: list[np.ndarray], out: Path, shift_ms: int = 0) -> Path:
    """The chapters in one MP3 with ID3 CTOC/CHAP markers written by mutagen (read back by ffmpeg)."""
    from mutagen.id3 import CHAP, CTOC, ID3, TIT2, CTOCFlags

    encode(np.concatenate(chapters), out)
    id3 = ID3(str(out))
    ids = [f"ch{i}" for i in range(len(chapters))]
    id3.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids))
    start = 0
    for i, ch in enumerate(chapters):
        end = start + round(len(ch) / RATE * 1000)
        id3.add(CHAP(element_id=ids[i], start_time=start + (shift_ms if i else 0), end_time=end,
                     start_offset=0xFFFFFFFF, end_offset=0xFFFFFFFF, sub_frames=[TIT2(text=[f"Chapter {i + 1}"])]))
        start = end
    id3.save(str(out), v2_version=3)
    return out


def test_chapter_markers_match_the_chapter_files(tmp_path: Path) -> None:
    chapters = [master(speech_like(s, -28.0, seed=s), RATE) for s in (5, 7)]
    files = [encode(ch, tmp_path / f"0{i}.mp3") for i, ch in enumerate(chapters, 1)]
    book = full_book(chapters, tmp_path / "Book.mp3")
    assert [c.title for c in acx.read_chapters(book)] == ["Chapter 1", "Chapter 2"]
    report = acx.check_files([*files, book])
    assert report.ok, [r for f in report.files for r in f.rules if r.status == "fail"]
    rules = {r.name: r for r in report.files[-1].rules}
    assert rules["chapter markers"].status == "pass"
    assert rules["duration"].status == "n/a"

    shifted = full_book(chapters, tmp_path / "Shifted.mp3", shift_ms=400)
    bad = {r.name: r for r in acx.check_files([*files, shifted]).files[-1].rules}
    assert bad["chapter markers"].status == "fail"
    assert bad["chapter markers"].measured == "2 markers, off by at most 400 ms"
    assert {r.name: r for r in acx.check_files([files[0], book]).files[-1].rules}[
        "chapter markers"].measured == "2 markers"


def test_m4b_markers_are_checked_too(tmp_path: Path) -> None:
    """The M4B export's chapter atoms (read back by ffmpeg) against the chapter files; the M4B's
    audio passes the level rules (it is encoded with headroom for AAC's peak overshoot)."""
    from audiobook.audio.export import Marker, Tags, encode_m4b

    chapters = [master(speech_like(s, -28.0, seed=s), RATE) for s in (5, 7)]
    files = [encode(ch, tmp_path / f"0{i}.mp3") for i, ch in enumerate(chapters, 1)]
    pcm = [(np.clip(ch, -1, 1) * 32767).round().astype("<i2").tobytes() for ch in chapters]
    cut = round(len(chapters[0]) / RATE * 1000)
    total = cut + round(len(chapters[1]) / RATE * 1000)

    def m4b(name: str, shift_ms: int) -> Path:
        out = tmp_path / name
        encode_m4b(pcm, out, Tags("Book"), [Marker("One", 0, cut + shift_ms), Marker("Two", cut + shift_ms, total)])
        return out

    good = acx.check_files([*files, m4b("Book.m4b", 0)])
    assert good.ok, [r for f in good.files for r in f.rules if r.status == "fail"]
    rules = {r.name: r for r in good.files[-1].rules}
    assert rules["chapter markers"].status == "pass" and rules["format"].status == "n/a"
    assert {rules[n].status for n in ("RMS", "peak", "noise floor", "head room tone", "tail room tone")} == {"pass"}
    bad = {r.name: r for r in acx.check_files([*files, m4b("Shifted.m4b", 300)]).files[-1].rules}
    assert bad["chapter markers"].status == "fail"
    assert bad["chapter markers"].measured == "2 markers, off by at most 300 ms"


def test_ffmetadata_parsing() -> None:
    tags, chapters = acx.parse_ffmetadata(
        ";FFMETADATA1\ntitle=A \\= B\nartist=X\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\n"
        "title=One\n[CHAPTER]\nTIMEBASE=1/44100\nSTART=66150\nEND=88200\ntitle=Two\n")
    assert tags == {"title": "A = B", "artist": "X"}
    assert chapters == [acx.Chapter("One", 0.0, 1.5), acx.Chapter("Two", 1.5, 2.0)]


# ----------------------------------------------------------------------------------------- CLI
def test_check_command_prints_the_table_and_exit_code(mastered: np.ndarray, tmp_path: Path) -> None:
    out = tmp_path / "output"
    out.mkdir()
    encode(mastered, out / "01 - One.mp3")
    runner = CliRunner()
    ok = runner.invoke(cli, ["check", "--book", str(tmp_path)])
    assert ok.exit_code == 0, ok.output
    assert "head room tone" in ok.output and "0.5 to 1.0 s" in ok.output
    assert "1 of 1 files pass every ACX rule" in ok.output

    encode(_quiet(mastered), out / "02 - Two.mp3")
    bad = runner.invoke(cli, ["check", str(out / "02 - Two.mp3")])
    assert bad.exit_code == 1
    assert [ln.split()[0] for ln in bad.output.splitlines() if ln.rstrip().endswith("FAIL")] == ["RMS"]

    empty = runner.invoke(cli, ["check", "--book", str(tmp_path / "nowhere")])
    assert isinstance(empty.exception, OutputError)
