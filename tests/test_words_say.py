"""``audiobook words`` (names and rare words, with each cast engine's phonemes) and ``audiobook say``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from conftest import make_book, run_cli

TEXT = {"01-a.md": ("# Chapter One\n\nSiobhan met Mr. Tilney in 1895, at the BBC.\n\n"
                    "Then Tilney left for Zanzibarr. “Goodbye,” said Tilney’s sister.\n")}
REAL = ("voices:\n  narr: {engine: hibari, model: heart}\n  man: {engine: piper, model: joe}\n"
        "cast: {Narrator: narr}\nfallback: {male: man}\n")


def _lexicon(book: Path, entries: str) -> None:
    yaml = book / "manuscript" / "book.yaml"
    yaml.write_text(yaml.read_text() + "pronunciations:\n" + entries, encoding="utf-8")


def test_words_lists_names_numbers_abbreviations_and_unknown_words(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "b", TEXT, REAL)
    _lexicon(book, "  Tilney: /ˈzuːluː/\n")
    code, out, err = run_cli(["words", "--book", str(book)], capsys, monkeypatch)
    assert code == 0, err
    rows = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert set(rows) >= {"Tilney", "Siobhan", "1895", "BBC", "Mr.", "Zanzibarr"}
    assert "One" not in rows and "Then" not in rows and "Goodbye" not in rows   # heading, sentence starts
    tilney = rows["Tilney"].split()
    assert tilney[1:5] == ["3", "manuscript/01-a.md:3", "name,unknown", "yes"]          # Tilney, Tilney, Tilney's
    assert tilney[5:] == ["zˈulu", "zˈuːluː"]          # hibari's misaki symbols, Piper's espeak IPA
    assert rows["1895"].split()[3] == "number" and rows["BBC"].split()[3] == "abbreviation"
    assert "unknown" in rows["Zanzibarr"]
    siobhan = rows["Siobhan"].split()
    assert siobhan[3] == "unknown" and "ʃ" in siobhan[-1]        # it starts a sentence: not a name

    code, out, _ = run_cli(["words", "--book", str(book), "--missing"], capsys, monkeypatch)
    assert code == 0 and "Tilney" not in out and "Siobhan" in out


def test_say_writes_the_voice_with_the_lexicon_applied(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "b", TEXT, REAL)
    plain, named = tmp_path / "plain.wav", tmp_path / "named.wav"
    code, out, err = run_cli(["say", "Tilney came.", "--voice", "man", "--book", str(book), "-o", str(plain)],
                             capsys, monkeypatch)
    assert code == 0, err
    _lexicon(book, "  Tilney: /ˈzuːluːbɑːɹtəlmjuː/\n")          # much longer than the word
    code, out, err = run_cli(["say", "Tilney came.", "--voice", "man", "--book", str(book), "-o", str(named)],
                             capsys, monkeypatch)
    assert code == 0, err
    a, rate = soundfile.read(plain)
    b, _ = soundfile.read(named)
    assert rate == 44100 and 0.4 < len(a) / rate < 2.0
    assert len(b) > len(a) + 0.3 * rate and np.sqrt(np.mean(b**2)) > 0.02


def test_say_an_unknown_voice_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "b", TEXT, REAL)
    code, _, err = run_cli(["say", "Hi.", "--voice", "mann", "--book", str(book), "-o", str(tmp_path / "x.wav")],
                           capsys, monkeypatch)
    assert code == 2 and err.count("\n") == 1 and 'did you mean "man"' in err
    assert not (tmp_path / "x.wav").exists()
