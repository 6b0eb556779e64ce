"""Input a hostile or unlucky user gives (issue 16): no silent bad output, no hang, no runaway memory,
one line instead of a traceback. Driven through the command line; each case failed before its fix."""

from __future__ import annotations

import os
import re
import struct
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from audiobook.text.speech import pieces

from conftest import edit, make_book, run_cli

BOOK_YAML = "manuscript/book.yaml"
PROFILE = "voices/default.yaml"


def run(book: Path, *args: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    code, out, err = run_cli([*args, "--book", str(book)], capsys, monkeypatch)
    assert "Traceback" not in out + err
    return code, out, err


def add(path: str, extra: str) -> Callable[[Path], None]:
    def apply(book: Path) -> None:
        with open(book / path, "a", encoding="utf-8") as f:
            f.write(extra)
    return apply


def jpeg_header(width: int, height: int) -> bytes:
    """The start of a baseline JPEG: SOI and a frame header giving its size (all ``read_cover`` reads)."""
    sof = b"\x08" + struct.pack(">HH", height, width) + b"\x03" + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return b"\xff\xd8" + b"\xff\xc0" + struct.pack(">H", 2 + len(sof)) + sof


def sparse(path: Path, size: int) -> None:
    with open(path, "wb") as f:
        f.truncate(size)


def cover(data: bytes, size: int = 0) -> Callable[[Path], None]:
    def apply(book: Path) -> None:
        with open(book / "manuscript" / "cover.jpg", "wb") as f:
            f.write(data)
            if size:
                f.truncate(size)        # sparse: the size without the disk
        add(BOOK_YAML, "cover: cover.jpg\n")(book)
    return apply


BILLION_LAUGHS = "lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"l{i}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9))

REFUSED = [
    # 4: NaN and infinity pass every range check; refused where numbers are read
    ("room tone NaN", add(PROFILE, "mastering: {room_tone: .nan}\n"),
     r"^voices/default\.yaml: mastering\.room_tone: nan is not a usable number; write one \(-120 to -40\)$"),
    ("target NaN", add(PROFILE, "mastering: {target: .nan}\n"), r"mastering\.target: nan is not a usable number"),
    ("pause infinite", add(PROFILE, "pauses: {paragraph: .inf}\n"), r"pauses\.paragraph: inf is not a usable number"),
    ("pause -infinite in book.yaml", add(BOOK_YAML, "pauses: {scene: -.inf}\n"),
     r"^manuscript/book\.yaml: pauses\.scene: -inf is not a usable number"),
    ("huge integer", add(PROFILE, "pauses: {paragraph: " + "9" * 400 + "}\n"),
     r"pauses\.paragraph: 999.* is not a usable number"),
    ("engine option NaN", edit(PROFILE, "model: daniel}", "model: daniel, options: {delay: .nan}}"),
     r"^voices/default\.yaml: voices\.dan\.options\.delay: nan is not a usable number"),
    # 13: found late before (ONNX errors, after synthesis)
    ("speed NaN", edit(PROFILE, "model: daniel}", "model: daniel, speed: .nan}"),
     r"^voices/default\.yaml: voices\.dan\.speed: nan is not a usable number; write one \(0\.25 to 4\)$"),
    ("title too long for a file name", edit(BOOK_YAML, 'title: "Test Book"', "title: " + "Long " * 50),
     r"^manuscript/book\.yaml: title: 249 bytes, too long for the full book's file name \(at most 200\); "
     r"shorten it$"),
    # 12: tracebacks before
    ("NUL in the title", edit(BOOK_YAML, 'title: "Test Book"', 'title: "Test\\0Book"'),
     r"^manuscript/book\.yaml: title: a control character \(U\+0000\) at character 5; remove it$"),
    ("ESC in the author", edit(BOOK_YAML, 'author: "A. Writer"', 'author: "A.\\eWriter"'),
     r"^manuscript/book\.yaml: author: a control character \(U\+001B\)"),
    ("speaker_wav of numbers", edit(PROFILE, "{engine: test, model: daniel}",
                                    "{engine: coqui, model: xtts, options: {speaker_wav: [1, 2]}}"),
     r"^voices/default\.yaml: voices\.dan\.options\.speaker_wav: expected a list of text \(file names\), "
     r"found \[1, 2\]$"),
    ("book.yaml nested 3000 deep", add(BOOK_YAML, "pauses: " + "[" * 3000 + "]" * 3000 + "\n"),
     r"^manuscript/book\.yaml: line \d+, column \d+: YAML syntax error: nested more than 64 levels deep$"),
    ("profile nested 1000 deep (block style)",
     add(PROFILE, "mastering:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(1000))),
     r"^voices/default\.yaml: line \d+, column \d+: YAML syntax error: nested more than 64 levels deep$"),
    # 6: billion laughs, in either file
    ("billion laughs in book.yaml", add(BOOK_YAML, "x:\n" + "".join("  " + ln + "\n" for ln in
                                                                BILLION_LAUGHS.splitlines())),
     r"^manuscript/book\.yaml: line \d+, column \d+: YAML syntax error: aliases \(\*name\) expand to more "
     r"than 100,000 values; write the values out instead$"),
    ("billion laughs in a number", add(PROFILE, "bomb:\n" + "".join("  " + ln + "\n" for ln in
                                                                BILLION_LAUGHS.splitlines())
                                       + "pauses: {paragraph: *j}\n"),
     r"^voices/default\.yaml: line \d+, column \d+: YAML syntax error: aliases"),
    ("a huge value is cut in the message", edit(PROFILE, "model: daniel}", "model: daniel, speed: " + "x" * 200_000
                                                + "}"),
     r"^voices/default\.yaml: voices\.dan\.speed: expected a number, found text 'xxx+\.\.\.x+'$"),
    # 4: the cover is bounded
    ("cover over 3000 px", cover(jpeg_header(4000, 4000)),
     r"^manuscript/book\.yaml: cover: .*cover\.jpg is 4000x4000 pixels; ACX takes at most 3000x3000: save it "
     r"as a JPEG of 3000x3000 pixels or less"),
    ("cover over 10 MB", cover(jpeg_header(2400, 2400), size=300 << 20),
     r"^manuscript/book\.yaml: cover: .*cover\.jpg is 314\.6 MB; a cover is at most 10\.5 MB: save it as a JPEG"),
    ("cover a FIFO", lambda b: (os.mkfifo(b / "manuscript" / "cover.jpg"), add(BOOK_YAML, "cover: cover.jpg\n")(b)),
     r"^manuscript/book\.yaml: cover: cover\.jpg: a named pipe \(FIFO\), not a file$"),
    # 5: a chapter that is not a file is reported, not skipped
    ("chapter a dangling symlink", lambda b: (b / "manuscript" / "03-third.md").symlink_to(b / "gone.md"),
     r"^manuscript/03-third\.md: a symbolic link to .*gone\.md, which does not exist; a chapter must be a "
     r"UTF-8 text file \(or rename it\)$"),
    ("chapter a FIFO", lambda b: os.mkfifo(b / "manuscript" / "03-third.md"),
     r"^manuscript/03-third\.md: a named pipe \(FIFO\), not a file"),
    ("chapter /dev/zero", lambda b: (b / "manuscript" / "03-third.md").symlink_to("/dev/zero"),
     r"^manuscript/03-third\.md: a device, not a file"),
    ("chapter a folder", lambda b: (b / "manuscript" / "03-third.md").mkdir(),
     r"^manuscript/03-third\.md: a folder, not a file"),
    # 7: a huge file is looked at, not read whole
    ("chapter a 1 GiB binary", lambda b: (sparse(b / "big.bin", 1 << 30),
                                          (b / "manuscript" / "03-third.md").symlink_to(b / "big.bin")),
     r"^manuscript/03-third\.md: a binary file, not text \(a NUL byte at byte 0\)"),
    ("book.yaml a device", lambda b: ((b / BOOK_YAML).unlink(), (b / BOOK_YAML).symlink_to("/dev/zero")),
     r"^manuscript/book\.yaml: a device, not a file; make it a YAML file$"),
]


@pytest.mark.parametrize("name,change,message", REFUSED, ids=[c[0] for c in REFUSED])
def test_refused_at_validation_with_one_line(
        name: str, change: Callable[[Path], None], message: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book")
    change(book)
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        code, out, err = run(book, "validate", capsys=capsys, monkeypatch=monkeypatch)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - t0 < 10
    assert peak < 200 << 20, f"{peak / 2**20:.0f} MiB"
    assert code == 2, (out, err)
    lines = [ln.removeprefix("error: ") for ln in err.splitlines() if ln.startswith("error: ")]
    assert any(re.search(message, ln) for ln in lines), lines
    assert all(len(ln) < 400 for ln in err.splitlines()), "a message embeds the value whole"


ACCEPTED = [
    ("1e0 is a number (YAML 1.1 reads it as text)", add(PROFILE, "pauses: {paragraph: 1e0, scene: 2.5E+0}\n")),
    ("a title of 200 bytes", edit(BOOK_YAML, 'title: "Test Book"', "title: " + "Long " * 40)),
    ("a cover of 3000 px", cover(jpeg_header(3000, 3000))),
    ("a few aliases", lambda b: (edit(PROFILE, "narr: {", "narr: &v {")(b),
                                 edit(PROFILE, "{engine: test, model: liana}", "*v")(b))),
]


@pytest.mark.parametrize("name,change", ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_accepted(name: str, change: Callable[[Path], None], tmp_path: Path,
                  capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book")
    change(book)
    code, out, err = run(book, "validate", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0, err
    assert out.startswith("ok: ")


def test_1e9_is_read_as_a_number_and_checked_as_one(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book")
    add(PROFILE, "pauses: {paragraph: 1e9}\n")(book)
    code, _, err = run(book, "validate", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 2
    assert "error: voices/default.yaml: pauses.paragraph: 1000000000.0 is out of range (0.0 to 30.0)" in err


def test_a_chapter_title_too_long_for_a_file_name_is_cut_between_words(tmp_path: Path) -> None:
    from audiobook.audio.export import safe_name

    name = safe_name("Über " * 60)
    assert len(name.encode()) <= 200 and name.endswith("Über") and " Über" in name


def test_an_id3_tag_over_256_mib_is_refused_not_written(tmp_path: Path) -> None:
    from audiobook.audio.export import Tags, id3_tag
    from audiobook.cover import Cover
    from audiobook.errors import OutputError

    big = tmp_path / "cover.jpg"
    with open(big, "wb") as f:
        f.truncate(300 << 20)
    with pytest.raises(OutputError, match=r"cover\.jpg: the cover makes the MP3's tag 300 MiB; ID3 holds 256 MiB"):
        id3_tag(Tags(title="T", author="A"), cover=Cover(big, "jpeg", 3000, 3000))


def test_a_run_without_spaces_is_cut_at_the_engine_limit() -> None:
    """A 5,000-character "word" took Piper 1.6 GB at once; cut, each piece is at most the limit."""
    word = "ab" * 2500
    cut = pieces(f"Read {word} now.", 400)
    assert all(len(p) <= 400 for p in cut)
    assert "".join(cut).replace(" ", "") == f"Read{word}now."


def test_a_long_run_is_warned_about_and_keyed_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book", {"01-first.md": "# One\n\nThe code was " + "Q7" * 300 + ".\n"})
    code, _, err = run(book, "validate", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0
    assert "manuscript/01-first.md:3: a word of 601 characters without a space; read in pieces of" in err


def test_script_shows_control_characters_instead_of_sending_them_to_the_terminal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book", {"01-first.md": "# One\x1b]0;owned\x07\n\nHe rang.\x07 \x9b2J Done.\n"})
    for args in (["script"], ["script", "--format", "jsonl"], ["script", "--review"]):
        code, out, err = run(book, *args, capsys=capsys, monkeypatch=monkeypatch)
        assert code == 0, err
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out + err), (args, out + err)
    code, out, _ = run(book, "script", capsys=capsys, monkeypatch=monkeypatch)
    assert "\\x1b]0;owned\\x07" in out and "\\x9b2J" in out
