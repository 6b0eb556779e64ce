"""Delivery: the M4B and the full-book MP3 (chapters, tags, cover) and the credit tracks.

ffmpeg writes every file; mutagen (its own MP4 and ID3 parsers) reads them back.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4, MP4Cover

from audiobook.audio import acx
from audiobook.audio.export import ffmpeg
from audiobook.book import load_book
from audiobook.build import BuildOptions, BuildReport, build, prepare
from audiobook.cover import image_size
from audiobook.errors import ConfigError, Problems
from audiobook.text.credits import closing_text, opening_text
from audiobook.voice.cache import LineCache

from audio_tools import decode
from conftest import REPO, make_book

ONE_CHAPTER = {"01-only.md": "# The Only\n\nDaniel came home. “Hello,” he said.\n"}
DELIVERY_YAML = ('narrator: ["Nora Reed", "Sam Vale"]\nyear: "2026"\ncover: cover.jpg\n'
                 "credits: {opening: true, closing: true}\n")
BOTH = BuildOptions(jobs=1, formats=("mp3", "m4b"))


def delivery_book(root: Path, chapters: dict[str, str] | None = None, yaml: str = DELIVERY_YAML) -> Path:
    book = make_book(root, chapters)
    (book / "manuscript" / "cover.jpg").write_bytes((REPO / "manuscript" / "cover.jpg").read_bytes())
    with open(book / "manuscript" / "book.yaml", "a", encoding="utf-8") as f:
        f.write(yaml)
    return book


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """The two-chapter test book with credits, cover and both formats, built once."""
    book = delivery_book(tmp_path_factory.mktemp("delivery") / "book")
    return book, build(book, BOTH)


def durations(report: BuildReport) -> list[float]:
    return [c.duration_s for c in report.chapters]


TITLES = ["Opening Credits", "The First", "The Second", "Closing Credits"]


def test_report_lists_credits_around_the_chapters_and_both_book_files(built: tuple[Path, BuildReport]) -> None:
    book, report = built
    assert [(c.index, c.title) for c in report.chapters] == list(enumerate(TITLES))
    assert [c.file for c in report.chapters] == [
        "output/00 - Opening Credits.mp3", "output/01 - The First.mp3", "output/02 - The Second.mp3",
        "output/03 - Closing Credits.mp3"]
    assert report.book_files == ["output/Test Book.mp3", "output/Test Book.m4b"]
    assert report.book_file == "output/Test Book.mp3"


def test_m4b_chapters_tags_and_cover_read_back_by_mutagen(built: tuple[Path, BuildReport]) -> None:
    book, report = built
    path = book / "output" / "Test Book.m4b"
    assert path.read_bytes()[4:12] == b"ftypM4B "          # the brand, trailing space included
    m4b = MP4(path)
    assert (m4b.info.codec, m4b.info.sample_rate, m4b.info.channels) == ("mp4a.40.2", 44100, 1)
    assert abs(m4b.info.length - sum(durations(report))) < 0.05
    # chapter atoms at the exact chapter starts (ms resolution)
    assert m4b.chapters is not None
    assert [c.title for c in m4b.chapters] == TITLES
    starts = np.cumsum([0.0, *durations(report)[:-1]])
    assert np.allclose([c.start for c in m4b.chapters], starts, atol=0.0011)
    tags = m4b.tags
    assert tags is not None
    assert tags["©nam"] == ["Test Book"] and tags["©alb"] == ["Test Book"]
    assert tags["©ART"] == ["A. Writer"] and tags["aART"] == ["A. Writer"]
    assert tags["©wrt"] == ["Nora Reed, Sam Vale"]        # the narrators, as audiobook apps read them
    assert tags["©day"] == ["2026"] and tags["©gen"] == ["Audiobook"]
    (cover,) = tags["covr"]
    assert cover.imageformat == MP4Cover.FORMAT_JPEG
    assert bytes(cover) == (book / "manuscript" / "cover.jpg").read_bytes()
    assert image_size(bytes(cover)) == ("jpeg", 2400, 2400)


def test_full_book_mp3_has_cover_tags_and_credit_markers(built: tuple[Path, BuildReport]) -> None:
    book, report = built
    path = book / "output" / "Test Book.mp3"
    tags = ID3(path)
    (apic,) = tags.getall("APIC")
    assert apic.mime == "image/jpeg" and apic.type == 3      # front cover
    assert apic.data == (book / "manuscript" / "cover.jpg").read_bytes()
    assert str(tags["TIT2"]) == "Test Book" and str(tags["TALB"]) == "Test Book"
    assert str(tags["TPE1"]) == "A. Writer" and str(tags["TCOM"]) == "Nora Reed, Sam Vale"
    assert str(tags["TDRC"]) == "2026"
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert [c.sub_frames["TIT2"].text[0] for c in chaps] == TITLES
    # joined from the tracks' MP3 frames: back to back, each marker its track plus that file's
    # encoder padding and the next one's priming (under 60 ms)
    assert chaps[0].start_time == 0
    assert all(a.end_time == b.start_time for a, b in zip(chaps, chaps[1:], strict=False))
    excess = np.array([c.end_time - c.start_time for c in chaps]) - np.array(durations(report)) * 1000
    assert np.all((excess >= -1.5) & (excess <= 60)), excess
    # chapter files carry no cover (ACX takes it separately); credits carry no track number
    chapter = ID3(book / "output" / "01 - The First.mp3")
    assert not chapter.getall("APIC") and str(chapter["TRCK"]) == "1/2"
    assert "TRCK" not in ID3(book / "output" / "00 - Opening Credits.mp3")


def test_credits_are_spoken_by_the_narrator_through_the_line_cache(built: tuple[Path, BuildReport]) -> None:
    book, report = built
    b = load_book(book)
    assert opening_text(b) == ["Test Book.", "Written by A. Writer.", "Narrated by Nora Reed and Sam Vale."]
    assert closing_text(b)[0] == "The End."
    assert closing_text(b)[1] == "This has been Test Book, written by A. Writer, narrated by Nora Reed and Sam Vale."
    opening, closing = report.chapters[0], report.chapters[-1]
    for credit, texts in ((opening, opening_text(b)), (closing, closing_text(b))):
        assert credit.lines == len(texts) and credit.lines_synthesized == len(texts)
        # the test engine speaks 0.05 s per character: the track is the lines plus pauses and room tone
        spoken = sum(0.05 * len(t) for t in texts)
        assert spoken < credit.duration_s < spoken + 6
        audio = decode(book / credit.file)
        assert abs(len(audio) / 44100 - credit.duration_s) < 0.01
        assert np.sqrt(np.mean(audio**2)) > 0.05           # spoken, at ACX level (about -20 dB)
    cache = LineCache(book / ".audiobook" / "cache")
    assert cache.stats().entries == report.lines_total       # every line (credits too) is cached
    plan = prepare(book, BOTH).plan                           # ... in the narrator's voice
    credit_voices = {v.name for (chapter, _), v in plan.voices.items() if chapter in (0, 3)}
    assert credit_voices == {"narr"} and not plan.jobs


def test_check_passes_on_every_file_and_covers_the_m4b_markers(built: tuple[Path, BuildReport]) -> None:
    book, _ = built
    files = acx.book_files(book / "output")
    assert [f.name for f in files] == ["00 - Opening Credits.mp3", "01 - The First.mp3", "02 - The Second.mp3",
                                       "03 - Closing Credits.mp3", "Test Book.m4b", "Test Book.mp3"]
    report = acx.check_files(files)
    assert [(str(f.path.name), [r for r in f.rules if r.status == "fail"]) for f in report.files if not f.ok] == []
    m4b = next(f for f in report.files if f.path.suffix == ".m4b")
    markers = next(r for r in m4b.rules if r.name == "chapter markers")
    assert markers.status == "pass" and markers.measured.startswith("4 markers")


def test_nothing_changed_rebuilds_nothing_and_a_new_cover_only_the_book_files(
        tmp_path: Path) -> None:
    book = delivery_book(tmp_path / "book", ONE_CHAPTER)
    build(book, BOTH)
    out = book / "output"
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = build(book, BOTH)
    assert again.lines_synthesized == 0
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == mtimes
    # another (square) cover: the two full-book files are re-made, no chapter or credit track
    small = book / "manuscript" / "cover.jpg"
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i", "color=red:s=600x600", "-frames:v", "1",
                    str(small)], check=True)
    r = build(book, BOTH)
    assert any("600x600; ACX asks for at least 2400x2400" in w for w in r.warnings)
    changed = {p.name for p in out.iterdir() if p.stat().st_mtime_ns != mtimes.get(p.name)}
    assert changed == {"Test Book.mp3", "Test Book.m4b"}
    assert bytes(MP4(out / "Test Book.m4b")["covr"][0]) == small.read_bytes()
    assert not list(out.glob(".*"))                          # no temp files left behind


def test_m4b_only_and_credits_switched_off(tmp_path: Path) -> None:
    book = delivery_book(tmp_path / "book", ONE_CHAPTER)
    r = build(book, BuildOptions(jobs=1, formats=("m4b",)))
    assert r.book_files == ["output/Test Book.m4b"] and not (book / "output" / "Test Book.mp3").exists()
    yaml = book / "manuscript" / "book.yaml"
    yaml.write_text(yaml.read_text().replace("closing: true", "closing: false"), encoding="utf-8")
    r = build(book, BuildOptions(jobs=1, formats=("m4b",)))
    assert [c.title for c in r.chapters] == ["Opening Credits", "The Only"]
    assert sorted(p.name for p in (book / "output").iterdir()) == [
        "00 - Opening Credits.mp3", "01 - The Only.mp3", "Test Book.m4b"]
    chapters = MP4(book / "output" / "Test Book.m4b").chapters
    assert chapters is not None and [c.title for c in chapters] == ["Opening Credits", "The Only"]
    assert acx.check_files(acx.book_files(book / "output")).ok


def test_a_full_book_file_left_behind_by_another_format_is_flagged_when_stale(tmp_path: Path) -> None:
    book = delivery_book(tmp_path / "book", ONE_CHAPTER)
    build(book, BOTH)
    mp3_only = BuildOptions(jobs=1)
    assert not [w for w in build(book, mp3_only).warnings if "earlier build" in w]   # still matches
    f = book / "manuscript" / "01-only.md"
    f.write_text(f.read_text().replace("came home", "came home late"), encoding="utf-8")
    r = build(book, mp3_only)
    assert "output/Test Book.m4b is from an earlier build and no longer matches the chapters; build with " \
           "--format m4b to update it, or delete it" in r.warnings
    assert not [w for w in build(book, BOTH).warnings if "earlier build" in w]


def test_m4b_audio_is_encoded_while_the_chapters_are_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole build feeds the chapters to the AAC encoder as they finish (the M4B at the end is a
    stream copy); --chapter N encodes the stored chapters at the end: the same audio either way."""
    from audiobook.audio import export

    book = delivery_book(tmp_path / "book")
    m4b_only = BuildOptions(jobs=1, formats=("m4b",))

    def no_full_encode(*args: object) -> None:
        raise AssertionError("the M4B was encoded after the chapters")

    with monkeypatch.context() as m:
        m.setitem(export.ENCODERS, "m4b", no_full_encode)
        build(book, m4b_only)
    out = book / "output" / "Test Book.m4b"
    streamed = decode(out)
    chapters = MP4(out).chapters
    assert chapters is not None and [c.title for c in chapters] == TITLES
    out.unlink()
    r = build(book, BuildOptions(jobs=1, formats=("m4b",), chapters=frozenset({2})))
    assert r.book_files == ["output/Test Book.m4b"] and r.lines_synthesized == 0
    assert np.array_equal(decode(out), streamed)
    assert not list((book / ".audiobook").glob(".m4b-audio*"))


def test_a_failing_chapter_cancels_the_m4b_encoder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from audiobook.build import pipeline as build_module
    from audiobook.errors import AudiobookError

    book = delivery_book(tmp_path / "book")
    real = build_module.make_chapter

    def failing(prep, ch, *args):  # type: ignore[no-untyped-def]
        if ch.number == 2:
            raise AudiobookError("chapter 2 broke")
        return real(prep, ch, *args)

    monkeypatch.setattr(build_module, "make_chapter", failing)
    with pytest.raises(AudiobookError, match="chapter 2 broke"):
        build(book, BuildOptions(jobs=1, formats=("m4b",)))
    assert not (book / "output" / "Test Book.m4b").exists()
    assert not list((book / ".audiobook").glob(".m4b-audio*"))
    assert not list((book / "output").glob(".*"))


# ------------------------------------------------------------------ options checked before work


def _write_yaml_error(tmp_path: Path, yaml: str, cover: bytes | None = None) -> str:
    book = delivery_book(tmp_path / "book", ONE_CHAPTER, yaml)
    if cover is not None:
        (book / "manuscript" / "cover.jpg").write_bytes(cover)
    res = subprocess.run([sys.executable, "-m", "audiobook", "build", "--book", str(book)],
                         capture_output=True, text=True)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert not (book / ".audiobook" / "cache").exists()       # nothing synthesized
    return res.stderr


def test_a_cover_that_is_not_square_is_refused_naming_the_file(tmp_path: Path) -> None:
    wide = subprocess.run([ffmpeg(), "-v", "error", "-f", "lavfi", "-i", "color=blue:s=640x480", "-frames:v", "1",
                           "-f", "image2pipe", "-c:v", "mjpeg", "-"], capture_output=True, check=True).stdout
    err = _write_yaml_error(tmp_path, "cover: cover.jpg\n", wide)
    assert "manuscript/book.yaml: cover:" in err and "cover.jpg is 640x480; a cover must be square" in err


def test_a_cover_that_is_not_an_image_is_refused(tmp_path: Path) -> None:
    err = _write_yaml_error(tmp_path, "cover: cover.jpg\n", b"GIF89a not a jpeg")
    assert "cover.jpg is not a JPEG or PNG image" in err


def test_credits_need_author_and_narrator(tmp_path: Path) -> None:
    err = _write_yaml_error(tmp_path, "credits: {opening: true}\n")
    assert "credits: the credits name the author and the narrator; add narrator: to manuscript/book.yaml" in err


def test_png_cover_and_unknown_format(tmp_path: Path) -> None:
    book = delivery_book(tmp_path / "book", ONE_CHAPTER, "narrator: N\ncover: c.png\n")
    png = subprocess.run([ffmpeg(), "-v", "error", "-f", "lavfi", "-i", "color=green:s=64x64", "-frames:v", "1",
                          "-f", "image2pipe", "-c:v", "png", "-"], capture_output=True, check=True).stdout
    (book / "manuscript" / "c.png").write_bytes(png)
    assert image_size(png) == ("png", 64, 64)
    with pytest.raises(Problems, match="--format ogg: choose mp3 or m4b"):
        build(book, BuildOptions(jobs=1, formats=("ogg",)))
    build(book, BuildOptions(jobs=1, formats=("m4b",)))
    covr = MP4(book / "output" / "Test Book.m4b")["covr"][0]
    assert covr.imageformat == MP4Cover.FORMAT_PNG and bytes(covr) == png
    assert MP3(book / "output" / "01 - The Only.mp3").info.length > 0


def test_missing_cover_file_is_a_config_error(tmp_path: Path) -> None:
    book = delivery_book(tmp_path / "book", ONE_CHAPTER, "cover: nope.jpg\n")
    with pytest.raises(ConfigError, match="cover: nope.jpg not found"):
        load_book(book)


def test_mp3_only_builds_keep_no_mastered_audio_and_a_later_m4b_remasters_it(tmp_path: Path) -> None:
    """The mastered PCM is written only for an M4B: an MP3-only build leaves the line cache and the
    MP3s. Asking for the M4B later masters the chapters again from the cache (nothing synthesized,
    the MP3s untouched) and gives the same M4B as a build that wanted it from the start."""
    book = delivery_book(tmp_path / "book")
    build(book, BuildOptions(jobs=1))
    assert not list((book / ".audiobook").rglob("*.pcm"))
    mp3s = {p.name: p.stat().st_mtime_ns for p in (book / "output").glob("*.mp3")}
    r = build(book, BuildOptions(jobs=1, formats=("m4b",), chapters=frozenset({1})))
    assert "output/Test Book.m4b" not in r.book_files
    assert any("was last built for MP3 only" in w for w in r.warnings), r.warnings
    r = build(book, BuildOptions(jobs=1, formats=("m4b",)))
    assert r.lines_synthesized == 0 and r.book_files == ["output/Test Book.m4b"]
    assert {p.name: p.stat().st_mtime_ns for p in (book / "output").glob("*.mp3")} == mp3s
    late = decode(book / "output" / "Test Book.m4b")
    fresh = delivery_book(tmp_path / "fresh")
    build(fresh, BuildOptions(jobs=1, formats=("m4b",)))
    assert np.array_equal(decode(fresh / "output" / "Test Book.m4b"), late)
