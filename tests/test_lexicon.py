"""The pronunciation lexicon: matching, conversion to each engine's alphabet, the phonemes each real
engine receives, and that an entry re-renders exactly the lines that hold its word."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from audiobook.book import load_book
from audiobook.build import BuildOptions, build
from audiobook.config import Section
from audiobook.errors import ConfigError
from audiobook.lexicon import load_lexicon, mark
from audiobook.model import Voice
from audiobook.phonemes import normalize_ipa, respelling_ipa, to_misaki, to_respelling
from audiobook.voice.engines import ENGINES
from audiobook.voice.engines.base import unknown_symbols

from conftest import make_book, run_cli


def lexicon(entries: dict[str, object]):
    return load_lexicon(Section(entries, "manuscript/book.yaml", "pronunciations"), "en")


def test_words_match_whole_with_plurals_and_possessives_case_insensitively() -> None:
    lx = lexicon({"Tilney": "/ˈtɪlni/", "Reading": {"ipa": "/ˈɹɛdɪŋ/", "case": True},
                  "sprigged muslin": "/ˈspɹɪɡd ˈmʌzlɪn/"})
    text = ("TILNEY's sister, the Tilneys and the tilneys' house; Tilneyville; went to Reading, "
            "reading a sprigged  muslin.")
    found = [(s.text, s.suffix) for s in lx.find(text)]
    assert found == [("TILNEY's", "'s"), ("Tilneys", "s"), ("tilneys'", "s'"), ("Reading", ""),
                     ("sprigged  muslin", "")]


def test_a_longer_phrase_wins_over_a_word_inside_it() -> None:
    lx = lexicon({"muslin": "/ˈmʌzlɪn/", "sprigged muslin": "/ˈspɹɪɡd ˈmʌzlɪn/"})
    assert [s.text for s in lx.find("a sprigged muslin and a muslin")] == ["sprigged muslin", "muslin"]


def test_endings_are_said_as_english_says_them() -> None:
    lx = lexicon({"Tilney": "/ˈtɪlni/", "Marsh": "/ˈmɑːɹʃ/", "Pratt": "/ˈpɹæt/"})
    said = {s.text: s.ipa() for s in lx.find("Tilney's Marsh's Pratt's Tilneys")}
    assert said == {"Tilney's": "tˈɪlniz", "Marsh's": "mˈɑːɹʃɪz", "Pratt's": "pɹˈæts", "Tilneys": "tˈɪlniz"}


def test_stress_marks_move_to_the_vowel_where_the_voices_expect_them() -> None:
    assert normalize_ipa("/ˈspɹɪɡd ˈmʌzlɪn/") == "spɹˈɪɡd mˈʌzlɪn"
    assert normalize_ipa("/ʃɪˈvɔːn/") == "ʃɪvˈɔːn"
    assert normalize_ipa("/'tilni/") == "tˈɪlni".replace("ɪ", "i")     # typed ' and r, g: espeak's own


def test_each_engine_is_given_its_own_form() -> None:
    lx = lexicon({"Tilney": "TIL-nee", "Eilidh": {"ipa": "/ˈeɪli/", "hibari": "/ˈAlɪ/", "coqui": "Ayley"}})
    text = "Tilney's friend Eilidh."
    forms = {name: mark(text, lx.find(text), functools.partial(ENGINES[name].pronounce, Voice("v", name)))
             for name in ("piper", "hibari", "coqui")}
    assert forms["piper"] == "[[ tˈɪlniːz ]] friend [[ ˈeɪli ]]."
    assert forms["hibari"] == "[Tilney's](/tˈɪlniz/) friend [Eilidh](/ˈAlɪ/)."
    assert forms["coqui"] == "tilnee's friend Ayley."


def test_respellings_are_read_by_espeak_with_the_stress_where_the_capitals_are() -> None:
    assert respelling_ipa("TIL-nee") == "tˈɪlniː"
    assert respelling_ipa("muz-LIN") == "mʌzlˈɪn"
    assert respelling_ipa("Tilnee") == "tˈɪlniː"        # no capitals: espeak's own stress


def test_a_one_syllable_word_written_without_stress_is_stressed_as_espeak_writes_it() -> None:
    assert normalize_ipa("/niːv/") == "nˈiːv"
    assert normalize_ipa("/kæt dɒɡ/") == "kˈæt dˈɒɡ"
    assert normalize_ipa("/ˈspɹɪɡd mʌzlɪn/") == "spɹˈɪɡd mʌzlɪn"      # stress written: kept as written
    assert normalize_ipa("/ˈkiːθli/") == "kˈiːθli"
    assert normalize_ipa("/kiːθli/") == "kiːθli"           # two syllables: where is not guessed


def test_espeak_ipa_becomes_misaki_symbols_for_hibari() -> None:
    assert to_misaki("dʒˈɔɪ tʃˈeɪn ɡˈoʊ bˈɑːɾəl kˈaɪt bˈɜːd") == "ʤˈY ʧˈAn ɡˈO bˈɑTᵊl kˈIt bˈɜɹd"
    assert to_misaki("ɡˈəʊ bˈɜːd", british=True) == "ɡˈQ bˈɜːd"
    assert to_respelling("tˈɪlni") == "tilnee"


@pytest.mark.parametrize(("value", "problem"), [
    ("/ˈtɪlnQ/", "'Q' is not an espeak-ng IPA symbol"),
    ("/ˈtɪlni", "IPA goes between two slashes"),
    ("//", "no phonemes between the slashes"),
    ("/ˈtl/", "has no vowel"),
    ("TIL_nee!", "a respelling is letters"),
])
def test_a_bad_entry_is_one_line_naming_book_yaml_and_the_entry(tmp_path: Path, value: str, problem: str,
                                                                capsys: pytest.CaptureFixture[str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "b")
    yaml = book / "manuscript" / "book.yaml"
    yaml.write_text(yaml.read_text() + f"pronunciations:\n  Tilney: {value!r}\n".replace("'", '"'), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_book(book)
    assert str(err.value).startswith("manuscript/book.yaml: pronunciations.Tilney: ")
    assert problem in str(err.value)
    code, out, errs = run_cli(["script", "--book", str(book)], capsys, monkeypatch)
    assert code == 2 and len(errs.strip().splitlines()) == 1 and "pronunciations.Tilney" in errs


def test_unknown_keys_of_an_entry_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"pronunciations\.Tilney\.ipaa: unknown key \(did you mean \"ipa\"\?\)"):
        lexicon({"Tilney": {"ipaa": "/ˈtɪlni/"}})


def test_a_profile_shares_a_lexicon_file_and_the_book_wins(tmp_path: Path) -> None:
    from audiobook.voice.profiles import load_profile

    book = make_book(tmp_path / "b")
    (book / "voices" / "names.yaml").write_text("pronunciations:\n  Tilney: TIL-nee\n  Liana: lee-AH-na\n",
                                               encoding="utf-8")
    prof = book / "voices" / "default.yaml"
    prof.write_text(prof.read_text() + "pronunciations: names.yaml\n", encoding="utf-8")
    yaml = book / "manuscript" / "book.yaml"
    yaml.write_text(yaml.read_text() + "pronunciations:\n  liana: /liˈɑːnə/\n", encoding="utf-8")
    b = load_book(book)
    merged = b.lexicon.over(load_profile(b).lexicon)
    assert {e.word: e.phonemes() for e in merged.entries} == {"liana": "liˈɑːnə", "Tilney": "tˈɪlniː"}


# --------------------------------------------------------------------------- the real engines
BOOK = {"01-a.md": "# One\n\nTilney came to tea.\n\nThe kettle sang.\n\nShe liked Tilney's hat.\n"}


def _profile(engine: str, model: str) -> str:
    return f"voices:\n  v: {{engine: {engine}, model: {model}}}\ncast: {{Narrator: v}}\n"


def _set_entry(book: Path, ipa: str | None) -> None:
    yaml = book / "manuscript" / "book.yaml"
    base = yaml.read_text().split("pronunciations:")[0]
    yaml.write_text(base + (f"pronunciations:\n  Tilney: /{ipa}/\n" if ipa else ""), encoding="utf-8")


@pytest.mark.parametrize(("engine", "model"), [("piper", "joe"), ("hibari", "heart")])
def test_an_entry_changes_the_phonemes_the_engine_gets_and_rerenders_only_its_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str, model: str) -> None:
    heard: list[str] = []
    if engine == "piper":
        from piper import PiperVoice

        to_ids = PiperVoice.phonemes_to_ids        # the phonemes of one sentence, made the model's input
        monkeypatch.setattr(PiperVoice, "phonemes_to_ids", lambda self, ph: to_ids(self, _keep(heard, [ph])[0]))
    else:
        from hibari import Hibari

        phonemize_h = Hibari.phonemize
        monkeypatch.setattr(Hibari, "phonemize", lambda self, text: _keep(heard, phonemize_h(self, text)))
    book = make_book(tmp_path / "b", BOOK, _profile(engine, model))
    first = build(book, BuildOptions(jobs=1))
    assert first.lines_synthesized == 4                      # title and three paragraphs
    plain = list(heard)
    assert not any("zuːlu" in p or "zulu" in p for p in plain)

    _set_entry(book, "ˈzuːluː")            # a pronunciation no reading of "Tilney" comes near
    heard.clear()
    second = build(book, BuildOptions(jobs=1))
    assert second.lines_synthesized == 2                     # the two lines with Tilney, nothing else
    expected = "zˈuːluː" if engine == "piper" else "zˈulu"      # hibari's symbols: no length marks
    assert len(heard) == 2 and all(expected in h for h in heard)
    assert "tˈɪlni" not in " ".join(heard)

    _set_entry(book, "ˈtɪlniː")
    heard.clear()
    assert build(book, BuildOptions(jobs=1)).lines_synthesized == 2
    assert all("tˈɪlni" in h for h in heard)

    _set_entry(book, None)                 # back as it was: every line from the cache
    assert build(book, BuildOptions(jobs=1)).lines_synthesized == 0


def _keep(heard: list[str], phonemes: list) -> list:
    for p in phonemes:
        heard.append("".join(p) if isinstance(p, list) else str(p))
    return phonemes


def test_an_entry_for_an_engine_that_does_not_exist_is_reported_before_synthesis(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "b")
    yaml = book / "manuscript" / "book.yaml"
    yaml.write_text(yaml.read_text() + "pronunciations:\n  Daniel: {ipa: /ˈdænjəl/, pipr: /ˈdænjəl/}\n",
                    encoding="utf-8")
    code, _, err = run_cli(["validate", "--book", str(book)], capsys, monkeypatch)
    assert code == 2 and err.count("\n") == 1
    assert "manuscript/book.yaml: pronunciations.Daniel.pipr: no engine named 'pipr' (did you mean \"piper\"?)" in err



def test_a_symbol_the_voice_lacks_is_one_line_naming_the_entry() -> None:
    # espeak IPA with a click, which hibari's misaki alphabet lacks (joe's map has every espeak
    # symbol, so only a smaller Piper voice could fail the same way: unknown_symbols is shared)
    lx = lexicon({"Quorra": "/ʘɔːɹə/"})
    text = "Quorra waved."
    with pytest.raises(ConfigError) as err:
        mark(text, lx.find(text), functools.partial(ENGINES["hibari"].pronounce, Voice("v", "hibari")))
    message = str(err.value)
    assert "\n" not in message and "manuscript/book.yaml" in message and "Quorra" in message
    assert "has no phoneme 'ʘ'" in message
    assert unknown_symbols("ʘaʘb", {"a"}) == "'ʘ', 'b'" and unknown_symbols("ab", {"a", "b"}) == ""
