"""Messages for people: a warning about a line is shown by the build that synthesizes it, not
by every later one; a missing cover and a missing profile say what to do; the summary counts
chapters, not credit tracks."""

from __future__ import annotations

from pathlib import Path

import pytest

from audiobook.build import BuildOptions, build

from conftest import make_book, run_cli

UNBALANCED = {"01-first.md": "# The First\n\nDaniel came home. “Hello there, he said.\n\nThe house was quiet.\n",
              "02-second.md": "# The Second\n\nMorning came.\n"}
ONCE = BuildOptions(jobs=1)


def test_a_line_warning_is_shown_when_its_line_is_synthesized_and_kept_in_every_report(tmp_path: Path) -> None:
    book = make_book(tmp_path / "b", UNBALANCED)
    first = build(book, ONCE)
    quote = [w for w in first.warnings if "unbalanced quotation mark" in w]
    assert len(quote) == 1 and quote[0] in first.shown_warnings and first.held_warnings == 0
    again = build(book, ONCE)                      # nothing synthesized: kept in the report, not shown
    assert quote[0] in again.warnings and quote[0] not in again.shown_warnings and again.held_warnings == 1
    chapter = book / "manuscript" / "01-first.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("quiet", "silent"), encoding="utf-8")
    other = build(book, ONCE)                      # another paragraph edited: still not repeated
    assert other.lines_synthesized == 1 and quote[0] not in other.shown_warnings
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("came home", "came back"), encoding="utf-8")
    edited = build(book, ONCE)                     # its own paragraph said again: shown again
    assert edited.lines_synthesized >= 1 and [w for w in edited.shown_warnings if "unbalanced" in w]


def test_a_missing_cover_says_acx_needs_one_and_how_to_add_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "b")
    code, _, err = run_cli(["validate", "--book", str(book)], capsys, monkeypatch)
    assert code == 0 and "no cover; ACX needs one" in err and "add `cover: cover.jpg` to book.yaml" in err
    code, out, err = run_cli(["build", "--book", str(book), "--jobs", "1"], capsys, monkeypatch)
    assert code == 0 and "no cover; ACX needs one" in err       # the full-book file was made without one
    code, out, err = run_cli(["build", "--book", str(book), "--jobs", "1"], capsys, monkeypatch)
    assert code == 0 and "no cover" not in err                  # nothing made again: not repeated


def test_a_missing_profile_names_the_command_that_writes_one(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "b")
    (book / "voices" / "default.yaml").unlink()
    code, _, err = run_cli(["validate", "--book", str(book)], capsys, monkeypatch)
    command = f"audiobook cast --book {book} --write voices -o {book / 'voices' / 'default.yaml'}"
    assert code == 2 and "voice profile not found" in err and f"`{command}`" in err
    code, _, _ = run_cli(command.split()[1:], capsys, monkeypatch)      # doing what it says works
    assert code == 0
    code, out, _ = run_cli(["validate", "--book", str(book)], capsys, monkeypatch)
    assert code == 0 and out.startswith("ok: 2 chapters")


def test_the_summary_counts_chapters_not_credit_tracks(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "b")
    with open(book / "manuscript" / "book.yaml", "a", encoding="utf-8") as f:
        f.write('narrator: "Nora Reed"\ncredits: {opening: true, closing: true}\n')
    code, out, _ = run_cli(["build", "--book", str(book), "--jobs", "1"], capsys, monkeypatch)
    assert code == 0 and "2 chapter(s) and the credits," in out
    code, out, _ = run_cli(["build", "--book", str(book), "--jobs", "1", "--chapter", "2"], capsys, monkeypatch)
    assert code == 0 and "1 chapter(s) and the credits," in out
