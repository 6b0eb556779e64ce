"""Piper says a lexicon word in its line's context: the phonemes its model receives (the engine
boundary, ``PiperVoice.phonemes_to_ids``) differ from the line without the lexicon in the word alone,
with the sentences and the words around it as espeak-ng reads the whole line."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from audiobook.config import Section
from audiobook.lexicon import load_lexicon, mark
from audiobook.model import Voice
from audiobook.voice.engines.piper import PiperEngine, _espeak_sentences
from audiobook.voice.engines.piper_lexicon import in_context

JOE = Voice("v", "piper", "joe")


@pytest.fixture(scope="module")
def joe() -> PiperEngine:
    return PiperEngine(JOE)


def said(engine: PiperEngine, text: str, entries: dict[str, str], monkeypatch: pytest.MonkeyPatch
         ) -> tuple[list[str], np.ndarray]:
    """(each sentence's phonemes as the model receives them, the samples) for ``text`` with ``entries``."""
    from piper import PiperVoice

    heard: list[str] = []
    to_ids = PiperVoice.phonemes_to_ids
    monkeypatch.setattr(PiperVoice, "phonemes_to_ids", lambda self, ph: heard.append("".join(ph)) or to_ids(self, ph))
    lexicon = load_lexicon(Section(entries, "manuscript/book.yaml", "pronunciations"), "en")
    marked = mark(text, lexicon.find(text), functools.partial(PiperEngine.pronounce, JOE))
    audio = np.concatenate([chunk.samples for chunk in engine.synthesize(marked, JOE)])
    monkeypatch.undo()
    return heard, audio


def test_an_entry_saying_a_word_as_espeak_does_leaves_its_line_as_it_was(
        joe: PiperEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    # espeak-ng reads Worcester and Aoife as these entries say: the line must not change at all,
    # neither "in" (stressed when the text before the word was read alone), nor the linking r of
    # "Worcester all", nor the sentence break before Aoife (lost when the word opened a sentence)
    for text, entries in [("His aunt had lived in Worcester all her life.", {"Worcester": "/ˈwʊstɚ/"}),
                          ("That was it. Aoife admitted it.", {"Aoife": "/ˈiːfə/"}),
                          ("Hermione is here.", {"Hermione": "/hɜːmˈaɪəni/"})]:
        plain, plain_audio = said(joe, text, {}, monkeypatch)
        with_entry, entry_audio = said(joe, text, entries, monkeypatch)
        assert with_entry == plain, text
        assert np.array_equal(entry_audio, plain_audio), text


def test_only_the_word_changes_and_the_sentences_stay_as_espeak_splits_them(
        joe: PiperEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "We stopped for tea in Loughborough on the way north."
    plain, _ = said(joe, text, {}, monkeypatch)
    with_entry, _ = said(joe, text, {"Loughborough": "/ˈlʌfbɹə/"}, monkeypatch)
    assert plain == ["wiː stˈɑːpt fɔːɹ tˈiːʲ ɪn lˈʌfbəɹˌoʊ ɔnðə wˈeɪ nˈɔːɹθ."]
    assert with_entry == [plain[0].replace("lˈʌfbəɹˌoʊ", "lˈʌfbɹə")]

    text = "Mrs. Featherstonehaugh did not approve."
    plain, _ = said(joe, text, {}, monkeypatch)
    with_entry, _ = said(joe, text, {"Featherstonehaugh": "/ˈfænʃɔː/"}, monkeypatch)
    assert len(plain) == 1 and with_entry == [plain[0].replace("fˈɛðɚstˌoʊnhɔː", "fˈænʃɔː")]   # titles.py


def test_a_line_that_holds_a_stand_in_is_left_to_pipers_own_reading() -> None:
    phonemize = functools.partial(_espeak_sentences, "en-us")
    assert in_context("Zobnik met [[ tˈɪlni ]].", phonemize) is None
    assert in_context("No lexicon word here.", phonemize) is None
    assert in_context("Henry [[ tˈɪlni ]] met [[ ˈiːfə ]].", phonemize) == [list("hˈɛnɹi tˈɪlni mˈɛt ˈiːfə.")]
