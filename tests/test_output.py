"""``build --output DIR`` and ``output:`` in book.yaml: two casts rendered side by side, each
folder with its own files and build state, under the same safety rules as output/."""

from __future__ import annotations

from pathlib import Path

import pytest

from audiobook.build import BuildOptions, build

from conftest import TEST_PROFILE, make_book, run_cli

ALT_PROFILE = TEST_PROFILE.replace("Daniel: dan", "Daniel: li").replace("Liana: li", "Liana: dan")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.mp3"))}


def test_two_casts_side_by_side_each_folder_kept_and_up_to_date(tmp_path: Path) -> None:
    book = make_book(tmp_path / "b")
    (book / "voices" / "alt.yaml").write_text(ALT_PROFILE, encoding="utf-8")
    build(book, BuildOptions(jobs=1))
    default = snapshot(book / "output")
    alt = build(book, BuildOptions(jobs=1, profile="alt", output=book / "output-alt"))
    assert alt.lines_synthesized > 0 and alt.book_file == "output-alt/Test Book.mp3"
    assert [c.file for c in alt.chapters] == ["output-alt/01 - The First.mp3", "output-alt/02 - The Second.mp3"]
    assert snapshot(book / "output") == default                 # the first cast's files untouched
    assert set(snapshot(book / "output-alt")) == set(default) and snapshot(book / "output-alt") != default
    again = build(book, BuildOptions(jobs=1))                   # each folder remembers its own build
    assert again.lines_synthesized == 0 and sum(c.paragraphs_encoded for c in again.chapters) == 0
    assert snapshot(book / "output") == default
    outside = build(book, BuildOptions(jobs=1, profile="alt", output=tmp_path / "elsewhere"))
    assert outside.lines_synthesized == 0 and snapshot(tmp_path / "elsewhere") == snapshot(book / "output-alt")


def test_output_in_book_yaml_is_where_build_and_check_look(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "b")
    with open(book / "manuscript" / "book.yaml", "a", encoding="utf-8") as f:
        f.write("output: renders/first-cast\n")
    code, out, _ = run_cli(["build", "--book", str(book), "--jobs", "1"], capsys, monkeypatch)
    assert code == 0 and "renders/first-cast/01 - The First.mp3" in out and not (book / "output").exists()
    code, out, _ = run_cli(["check", "--book", str(book)], capsys, monkeypatch)
    assert code == 0 and "3 of 3 files pass every ACX rule" in out


@pytest.mark.parametrize("where", ["manuscript", "voices/alt", ".audiobook", ".", "link", "a-file"])
def test_an_output_folder_that_would_touch_the_book_or_follow_a_link_is_refused(
        tmp_path: Path, where: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "b")
    (tmp_path / "target").mkdir()
    (book / "link").symlink_to(tmp_path / "target", target_is_directory=True)
    (book / "a-file").write_text("x", encoding="utf-8")
    (book / ".audiobook").mkdir()
    before = sorted(p.relative_to(book) for p in book.rglob("*"))
    code, _, err = run_cli(["build", "--book", str(book), "--output", str(book / where)], capsys, monkeypatch)
    assert code == 2 and err.startswith("error: --output: ") and len(err.strip().splitlines()) == 1, err
    assert sorted(p.relative_to(book) for p in book.rglob("*")) == before and not any((tmp_path / "target").iterdir())
    (book / "manuscript" / "book.yaml").write_text(f"title: T\noutput: {where}\n", encoding="utf-8")
    code, _, err = run_cli(["validate", "--book", str(book)], capsys, monkeypatch)
    assert code == 2 and "manuscript/book.yaml: output: " in err
