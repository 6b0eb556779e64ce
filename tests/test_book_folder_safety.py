"""Nothing outside the book is touched: paths read from a (possibly crafted) state file, symbolic
links for the working folders, and output names that would overwrite each other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audiobook.build import BuildOptions, build
from audiobook.errors import AudiobookError

from conftest import make_book, run_cli


def entry(key: str, number: int, file: str, pcm: str | None = None) -> dict[str, object]:
    e: dict[str, object] = {"number": number, "key": key, "title": "x", "hash": "stale", "file": file,
                            "samples": 0, "lines": [], "segments": []}
    if pcm is not None:
        e["pcm"] = pcm
    return e


def test_a_crafted_state_cannot_delete_files_outside_the_book(tmp_path: Path) -> None:
    book = make_book(tmp_path / "book")
    victims = [tmp_path / "victim-pcm", tmp_path / "victim-file", tmp_path / "victim-rel"]
    for v in victims:
        v.write_text("keep me")
    state = {"chapters": {
        "1": entry("1", 1, "output/01 - The First.mp3", pcm="../../victim-pcm"),
        "opening": entry("opening", 0, str(victims[1])),                 # credits off: would be removed
        "closing": entry("closing", 3, "output/../../victim-rel"),
    }, "book": {"mp3": {"hash": "x", "file": str(victims[1])}}}
    (book / ".audiobook").mkdir()
    (book / ".audiobook" / "state.json").write_text(json.dumps(state))
    report = build(book, BuildOptions(jobs=1))
    assert all(v.read_text() == "keep me" for v in victims)
    ignored = [w for w in report.warnings if "ignored" in w]
    assert len(ignored) == 4 and all(".audiobook/state.json" in w for w in ignored)
    assert (book / "output" / "Test Book.mp3").is_file()        # and the build made the book as usual


@pytest.mark.parametrize("folder", ["output", ".audiobook"])
def test_a_symlinked_working_folder_is_refused_and_its_target_untouched(
        tmp_path: Path, folder: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "deep").mkdir(parents=True)
    precious = [elsewhere / ".notes.part1", elsewhere / "deep" / ".db.tmp", elsewhere / ".x.abcdefgh.tmp"]
    for p in precious:
        p.write_text("keep me")
    (book / folder).symlink_to(elsewhere, target_is_directory=True)
    code, _, err = run_cli(["build", "--book", str(book), "--jobs", "1"], capsys, monkeypatch)
    assert code == 2
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "symbolic link" in lines[0] and folder in lines[0]
    assert all(p.read_text() == "keep me" for p in precious)
    assert sorted(p.name for p in elsewhere.rglob("*")) == sorted(["deep", *(p.name for p in precious)])


def test_leftover_temp_files_are_removed_only_in_the_books_own_folders(tmp_path: Path) -> None:
    book = make_book(tmp_path / "book")
    build(book, BuildOptions(jobs=1))
    leftovers = [book / "output" / ".01 - The First.k2j4h5g6.part.mp3",
                 book / ".audiobook" / ".state.json.abcd1234.tmp"]
    nested = book / "output" / "mine" / ".keep.part1"          # not ours: a folder of the user's in output/
    nested.parent.mkdir()
    for p in [*leftovers, nested]:
        p.write_text("partial")
    build(book, BuildOptions(jobs=1))
    assert not any(p.exists() for p in leftovers)
    assert nested.read_text() == "partial"


def test_a_book_titled_like_a_chapter_file_is_refused_before_any_work(tmp_path: Path) -> None:
    book = make_book(tmp_path / "book")
    yaml = book / "manuscript" / "book.yaml"
    yaml.write_text(yaml.read_text().replace('title: "Test Book"', 'title: "01 - The First"'))
    with pytest.raises(AudiobookError) as e:
        build(book, BuildOptions(jobs=1))
    assert "book.yaml: title" in str(e.value) and "01 - The First.mp3" in str(e.value)
    assert not (book / "output").exists() or not any((book / "output").iterdir())
