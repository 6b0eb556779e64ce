"""The build pipeline on the fast test engine: pause rules, files, markers, incremental builds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from mutagen.id3 import ID3
from mutagen.mp3 import MP3, BitrateMode

from audiobook.audio.assemble import assemble, pause_before
from audiobook.build import BuildOptions, build
from audiobook.cli.main import cli
from audiobook.config import Pauses
from audiobook.model import SAMPLE_RATE, Chapter, Line
from audiobook.voice.cache import LineCache

from audio_tools import decode, ffmpeg_chapters

# ------------------------------------------------------------------ pause rules, exact lengths


def _line(i: int, brk: str, speaker: str = "Narrator", para: int = 0) -> Line:
    kind = "narration" if speaker == "Narrator" else "dialogue"
    return Line(1, i, kind, speaker, f"line {i}", "manuscript/x.md", 0, 0, para, brk)  # type: ignore[arg-type]


def test_pause_rules_give_exact_lengths() -> None:
    p = Pauses(sentence=0.1, line=0.2, speaker_change=0.5, paragraph=0.8, scene=2.0, title=1.5, head=0.7, tail=2.5)
    lines = (
        _line(0, "title"),
        _line(1, "heading", para=1),
        _line(2, "line", "Daniel", 1),        # same paragraph, speaker changes -> speaker_change
        _line(3, "line", "Daniel", 1),        # same speaker -> line
        _line(4, "paragraph", "Daniel", 2),   # new paragraph, same speaker -> paragraph
        _line(5, "paragraph", "Narrator", 3),  # new paragraph and speaker -> max(paragraph, change)
        _line(6, "scene", "Narrator", 4),
    )
    ch = Chapter(1, "T", "manuscript/x.md", lines)
    n = 1000  # every line is 1000 samples
    samples, placed = assemble(ch, p, lambda line: np.full(n, 100, np.int16), lambda line: n)
    gaps = [0.7, 1.5, 0.5, 0.2, 0.8, 0.8, 2.0]
    pos = 0
    for gap, pl in zip(gaps, placed, strict=True):
        pos += round(gap * SAMPLE_RATE)
        assert pl.start == pos
        pos += n
        assert pl.end == pos
    assert len(samples) == pos + round(2.5 * SAMPLE_RATE)
    assert pause_before(lines[0], None, p) == 0.7


def test_sentence_pause_inside_a_line(book: Path) -> None:
    """The test engine speaks 0.05 s per character of each sentence; the pipeline puts exactly
    ``pauses.sentence`` between sentences of one line."""
    from audiobook.model import Voice
    from audiobook.voice.engines.testtone import TestToneEngine
    from audiobook.voice.planning import Job
    from audiobook.voice.render import render_job

    cache = LineCache(book / "c")
    voice = Voice("v", "test", "m")
    assert TestToneEngine.problems(voice) == []
    done = render_job(Job("k" * 40, "Ab cd. Efgh ij!", voice, 0.25), str(cache.root))
    expected = round(6 * 0.05 * 22050) * 2 + round(0.25 * SAMPLE_RATE) + round(8 * 0.05 * 22050) * 2
    assert done.samples == expected
    audio = cache.read("k" * 40)
    assert audio is not None and len(audio) == expected


# ------------------------------------------------------------------ a whole build


def test_build_writes_chapters_and_full_book_with_markers(book: Path) -> None:
    report = build(book, BuildOptions(jobs=1))
    assert [c.index for c in report.chapters] == [1, 2]
    assert report.lines_synthesized == report.lines_total > 0
    files = [book / c.file for c in report.chapters]
    for f, ch in zip(files, report.chapters, strict=True):
        info = MP3(f).info
        assert (info.sample_rate, info.channels) == (44100, 1)
        assert abs(info.bitrate - 192000) < 500 and info.bitrate_mode == BitrateMode.CBR
        assert abs(info.length - ch.duration_s) < 0.1
    assert report.book_file is not None
    full = book / report.book_file
    # written by ffmpeg, read back by mutagen ...
    tags = ID3(full)
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert [c.sub_frames["TIT2"].text[0] for c in chaps] == ["The First", "The Second"]
    # the full book is the chapter files' frames: each marker is its chapter plus that file's
    # encoder padding and the next one's priming (under one MP3 frame + 13 ms), back to back
    d1 = round(report.chapters[0].duration_s * 1000)
    assert chaps[0].start_time == 0 and 0 <= chaps[0].end_time - d1 <= 60
    assert chaps[1].start_time == chaps[0].end_time
    assert str(tags["TIT2"]) == "Test Book" and str(tags["TPE1"]) == "A. Writer"
    toc = tags.getall("CTOC")[0]
    assert toc.child_element_ids == [c.element_id for c in chaps]
    # ... and by ffmpeg's demuxer
    marks = ffmpeg_chapters(full)
    assert [t for _, _, t in marks] == ["The First", "The Second"]
    assert abs(marks[1][0] - chaps[1].start_time / 1000) < 0.002
    # the full book is the chapters back to back
    assert abs(MP3(full).info.length - sum(c.duration_s for c in report.chapters)) < 0.1
    # decoded audio starts where the marker says: chapter 2's title tone begins right after its head
    audio = decode(full)
    head = 0.75
    start = marks[1][0] + head
    before = audio[int((start - 0.3) * SAMPLE_RATE): int((start - 0.05) * SAMPLE_RATE)]
    after = audio[int((start + 0.05) * SAMPLE_RATE): int((start + 0.3) * SAMPLE_RATE)]
    assert np.sqrt(np.mean(before**2)) < 0.01 < np.sqrt(np.mean(after**2))


def test_output_files_are_readable_by_others_as_the_umask_allows(book: Path) -> None:
    """Written under a private temp name, then opened up as the umask says (a media server or a
    sync client running as another user must be able to read the book)."""
    import os

    old = os.umask(0o022)
    try:
        build(book, BuildOptions(jobs=1))
    finally:
        os.umask(old)
    files = list((book / "output").iterdir())
    assert files and all(f.stat().st_mode & 0o777 == 0o644 for f in files), \
        {f.name: oct(f.stat().st_mode & 0o777) for f in files}


def test_rebuild_with_nothing_changed_does_nothing(book: Path) -> None:
    build(book, BuildOptions(jobs=1))
    mtimes = {p: p.stat().st_mtime_ns for p in (book / "output").iterdir()}
    again = build(book, BuildOptions(jobs=1))
    assert again.lines_synthesized == 0 and again.lines_cached == again.lines_total
    assert {p: p.stat().st_mtime_ns for p in (book / "output").iterdir()} == mtimes


def test_editing_one_paragraph_resynthesizes_only_its_lines(book: Path) -> None:
    build(book, BuildOptions(jobs=1))
    ch2 = book / "output" / "02 - The Second.mp3"
    before = ch2.stat().st_mtime_ns
    f = book / "manuscript" / "01-first.md"
    f.write_text(f.read_text().replace("Later that night", "Much later that night"), encoding="utf-8")
    r = build(book, BuildOptions(jobs=1))
    assert r.lines_synthesized == 1
    assert r.chapters[0].lines_synthesized == 1 and r.chapters[1].lines_synthesized == 0
    assert ch2.stat().st_mtime_ns == before   # the other chapter is not re-assembled


def test_inserting_a_paragraph_keeps_the_following_lines_cached(book: Path) -> None:
    build(book, BuildOptions(jobs=1))
    f = book / "manuscript" / "01-first.md"
    f.write_text(f.read_text().replace("* * *", "A new paragraph appears.\n\n* * *"), encoding="utf-8")
    r = build(book, BuildOptions(jobs=1))
    assert r.lines_synthesized == 1


def test_swapping_one_voice_resynthesizes_only_that_speaker(book: Path) -> None:
    first = build(book, BuildOptions(jobs=1))
    prof = book / "voices" / "default.yaml"
    prof.write_text(prof.read_text().replace("model: liana", "model: liana2"), encoding="utf-8")
    r = build(book, BuildOptions(jobs=1))
    from audiobook.book import load_book
    from audiobook.text.script import build_script

    liana = [ln for ln in build_script(load_book(book)).lines() if ln.speaker == "Liana"]
    assert len(liana) >= 2
    assert r.lines_synthesized == len({ln.text for ln in liana})
    assert first.lines_total == r.lines_total


def test_chapter_option_touches_only_that_chapter(book: Path) -> None:
    build(book, BuildOptions(jobs=1))
    ch1 = book / "output" / "01 - The First.mp3"
    before = ch1.stat().st_mtime_ns
    prof = book / "voices" / "default.yaml"
    prof.write_text(prof.read_text().replace("model: liana", "model: liana2"), encoding="utf-8")
    r = build(book, BuildOptions(jobs=1, chapters=frozenset({2})))
    assert [c.index for c in r.chapters] == [2]
    assert r.lines_synthesized == 1            # "Coffee?" only; chapter 1's Liana line untouched
    assert ch1.stat().st_mtime_ns == before
    assert r.book_file is not None             # rebuilt from the stored chapters


def test_one_and_two_workers_give_identical_audio(tmp_path: Path) -> None:
    from conftest import make_book

    a = make_book(tmp_path / "a")
    b = make_book(tmp_path / "b")
    build(a, BuildOptions(jobs=1))
    build(b, BuildOptions(jobs=2))
    for name in ("01 - The First.mp3", "02 - The Second.mp3"):
        assert np.array_equal(decode(a / "output" / name), decode(b / "output" / name))
    keys_a = sorted(LineCache(a / ".audiobook" / "cache").keys())
    assert keys_a == sorted(LineCache(b / ".audiobook" / "cache").keys())
    for k in keys_a:
        assert LineCache(a / ".audiobook" / "cache").path(k).read_bytes() == \
            LineCache(b / ".audiobook" / "cache").path(k).read_bytes()


def test_damaged_cache_entry_is_detected_and_rerendered(book: Path) -> None:
    build(book, BuildOptions(jobs=1))
    cache = LineCache(book / ".audiobook" / "cache")
    key = sorted(cache.keys())[0]
    p = cache.path(key)
    blob = bytearray(p.read_bytes())
    blob[100] ^= 0xFF
    p.write_bytes(bytes(blob))
    assert cache.read(key) is None
    (book / "output" / "01 - The First.mp3").unlink()   # force re-assembly too
    r = build(book, BuildOptions(jobs=1))
    assert r.lines_synthesized >= 1 and cache.read(key) is not None


def test_report_json_and_cli_summary(book: Path) -> None:
    res = CliRunner().invoke(cli, ["build", "--book", str(book), "--jobs", "1", "--report", str(book / "r.json")])
    assert res.exit_code == 0, res.output
    assert "2 chapter(s)" in res.output
    rep = json.loads((book / "r.json").read_text())
    assert set(rep) >= {"book_file", "chapters", "lines_total", "lines_synthesized", "lines_cached",
                        "audio_seconds", "wall_seconds", "synthesis_seconds"}
    assert set(rep["chapters"][0]) >= {"index", "title", "file", "duration_s", "lines", "lines_synthesized",
                                       "lines_cached"}


def test_cache_command_prunes_unused_lines(book: Path) -> None:
    build(book, BuildOptions(jobs=1))
    f = book / "manuscript" / "02-second.md"
    f.write_text(f.read_text().replace("Morning came.", "Dawn came."), encoding="utf-8")
    build(book, BuildOptions(jobs=1))
    res = CliRunner().invoke(cli, ["cache", "--book", str(book), "--prune"])
    assert res.exit_code == 0, res.output
    assert "pruned 1 lines" in res.output


# ------------------------------------------------------------------ errors a user can act on


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "audiobook", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("engine: test, model: daniel", "engine: tset, model: daniel"),
         "voices/default.yaml: voices.dan.engine: 'tset' is not supported (did you mean \"test\"?); choose one of:"),
        (("model: liana}", "model: liana, pich: 2}"),
         'voices/default.yaml: voices.li.pich: unknown key (did you mean "pitch"?)'),
        (("Liana: li", "Liana: lee"), "voices/default.yaml: cast.Liana: no voice named 'lee'"),
        (("cast:", "cast:\n  Oliver: [1, 2]\n  x: {"), "voices/default.yaml: line"),
    ],
)
def test_profile_errors_are_one_clear_line(book: Path, edit: tuple[str, str], message: str) -> None:
    prof = book / "voices" / "default.yaml"
    prof.write_text(prof.read_text().replace(*edit), encoding="utf-8")
    res = run_cli("build", "--book", str(book))
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert message in res.stderr, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_missing_piper_model_file_is_reported_before_work(book: Path) -> None:
    prof = book / "voices" / "default.yaml"
    prof.write_text(prof.read_text().replace("{engine: test, model: daniel}", "{engine: piper, model: nope.onnx}"),
                    encoding="utf-8")
    res = run_cli("build", "--book", str(book))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "nope.onnx not found" in res.stderr
    assert not (book / ".audiobook" / "cache").exists() or not any((book / ".audiobook" / "cache").iterdir())


def test_not_a_book_directory(tmp_path: Path) -> None:
    res = run_cli("build", "--book", str(tmp_path))
    assert res.returncode == 2 and "no manuscript/ folder" in res.stderr and "Traceback" not in res.stderr


def test_audio_too_short_for_its_text_is_retried_then_reported(book: Path) -> None:
    prof = book / "voices" / "default.yaml"
    prof.write_text(prof.read_text().replace("model: daniel}", "model: daniel, options: {seconds_per_char: 0.001}}"),
                    encoding="utf-8")
    r = build(book, BuildOptions(jobs=1))
    flagged = [w for w in r.warnings if "words may be missing" in w]
    assert flagged and all("voice dan" in w for w in flagged)


def test_second_build_of_the_same_book_is_refused_while_one_runs(book: Path) -> None:
    import fcntl

    (book / ".audiobook").mkdir()
    with open(book / ".audiobook" / "build.lock", "a+") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        f.write("pid 4242")
        f.flush()
        res = run_cli("build", "--book", str(book))
    assert res.returncode == 2 and "another build of this book is running (pid 4242)" in res.stderr
    assert build(book, BuildOptions(jobs=1)).lines_synthesized > 0   # free again


def test_validate_reports_every_problem_at_once(book: Path) -> None:
    prof = book / "voices" / "default.yaml"
    prof.write_text(prof.read_text().replace("{engine: test, model: daniel}", "{engine: piper, model: a.onnx}")
                    .replace("{engine: test, model: liana}", "{engine: piper, model: b.onnx}"), encoding="utf-8")
    res = run_cli("validate", "--book", str(book))
    assert res.returncode == 2
    assert "a.onnx not found" in res.stderr and "b.onnx not found" in res.stderr
    assert "Traceback" not in res.stderr
