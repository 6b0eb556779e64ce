"""Piper reads a title before a name as part of its sentence ("Mrs. Quill came in." is one sentence,
not "Missus." and a pause), checked at the engine boundary, and only the lines holding a title are
rendered again when this reading is new."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from audiobook.build import BuildOptions, build
from audiobook.model import Voice
from audiobook.voice.engines.piper import PiperEngine
from audiobook.voice.engines.titles import has_title, spoken_titles

from conftest import make_book

JOE = Voice("v", "piper", "joe")


def test_a_title_before_a_name_loses_its_full_stop_and_other_full_stops_stay() -> None:
    assert spoken_titles("Mrs. Quill met Dr. Oddie and St. Brendan.") == "Mrs Quill met Dr Oddie and St Brendan."
    assert spoken_titles("Col. Pike and Prof. Wren came.") == "Colonel Pike and Professor Wren came."
    assert spoken_titles("Mrs. [[ kwˈɪl ]] came.") == "Mrs [[ kwˈɪl ]] came."      # a lexicon block is a name
    for kept in ("He lived on Baker St. Then he left.",      # a street ending its sentence
                 "She joined the U.S. Army.", "Ask Mr. and Mrs. to wait.", "I met Mr.Quill."):
        assert spoken_titles(kept) == kept and not has_title(kept)


def sentences(text: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The phonemes of each sentence as joe's model receives them."""
    from piper import PiperVoice

    heard: list[str] = []
    to_ids = PiperVoice.phonemes_to_ids
    monkeypatch.setattr(PiperVoice, "phonemes_to_ids", lambda self, ph: heard.append("".join(ph)) or to_ids(self, ph))
    audio = [chunk.samples for chunk in PiperEngine(JOE).synthesize(text, JOE)]
    monkeypatch.undo()
    assert np.concatenate(audio).size
    return heard


def test_piper_says_a_title_and_its_name_in_one_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    heard = sentences("Mrs. Quill came in. Then she sat down.", monkeypatch)
    assert len(heard) == 2 and heard[0].startswith("mˈɪsɪz ") and "kˈeɪm" in heard[0]
    assert len(sentences("He lived on Baker St. Then he left.", monkeypatch)) == 2


def test_the_new_reading_renders_again_only_the_lines_with_a_title(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    chapter = "# One\n\nMr. Quill came to tea.\n\nThe kettle sang.\n"
    book = make_book(tmp_path / "b", {"01-a.md": chapter},
                     "voices:\n  v: {engine: piper, model: joe}\ncast: {Narrator: v}\n")
    with monkeypatch.context() as m:            # as the engine read titles before: the stop a sentence end
        m.setattr(PiperEngine, "reading", classmethod(lambda cls, text: ""))
        m.setattr("audiobook.voice.engines.piper.spoken_titles", lambda text: text)
        assert build(book, BuildOptions(jobs=1)).lines_synthesized == 3
    assert build(book, BuildOptions(jobs=1)).lines_synthesized == 1
    assert build(book, BuildOptions(jobs=1)).lines_synthesized == 0
