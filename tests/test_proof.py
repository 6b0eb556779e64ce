"""Proof-listening without the ASR: matching, the checks that need no ASR, settings, takes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from audiobook.book import load_book
from audiobook.config import ProofSettings
from audiobook.errors import ConfigError
from audiobook.model import SAMPLE_RATE, Voice
from audiobook.proof import checks
from audiobook.proof.faults import spoil_text
from audiobook.proof.match import match, names, proper_nouns, words
from audiobook.proof.stage import failed
from audiobook.proof.store import ProofStore, Verdict, chosen_takes
from audiobook.voice import planning
from audiobook.voice.engines import engine_class


# ----------------------------------------------------------------------------------- matching
def test_normalized_words_unify_case_punctuation_numbers_and_spelling() -> None:
    assert words("The COLOUR of 1,000 boats; realised!") == words("the color of one thousand boats realized")
    assert words("It was twenty-one days (or so).") == ["it", "was", "21", "days", "or", "so"]


def test_a_clean_hearing_scores_zero_and_a_skip_is_a_run() -> None:
    text = "The baker opened his shop before the sun came over the hills."
    assert match(text, "the baker opened his shop before the sun came over the hills").score == 0
    skipped = match(text, "The baker opened his shop over the hills.")
    assert skipped.errors == 4 and skipped.run == 4
    repeated = match(text, "The baker opened his shop before the sun before the sun came over the hills.")
    assert repeated.run == 3 and failed(repeated, ProofSettings())


def test_one_misheard_word_in_a_long_line_passes() -> None:
    m = match("She packed a lunch of sandwiches and pears for the long journey north.",
              "She packed a lunch of sandwiches and bears for the long journey north.")
    assert m.errors == 1 and not failed(m, ProofSettings())


def test_names_the_asr_cannot_know_are_not_errors() -> None:
    cast = names(["Liana", "Mr. Okonkwo"])
    assert match("Then Liana met Mr. Okonkwo at the gate.", "then lee anna met mister oconquo at the gate",
                 cast).errors == 0
    # a name capitalized inside a sentence is known without a cast list
    assert "brindlewick" in proper_nouns("They rode to Brindlewick at dawn.")
    assert match("They rode to Brindlewick at dawn.", "they rode to brindle wick at dawn").errors == 0
    # ...but a name left out is still a missing word, and one heard as another word is an error
    assert match("They rode to Brindlewick at dawn.", "they rode to at dawn").errors == 1
    cut = match("The class will read the first chapter before Friday.", "The class will read the first child")
    assert cut.run == 3 and failed(cut, ProofSettings())


def test_compounds_and_near_spellings_are_not_errors() -> None:
    assert match("He came back to-day with a fishing-rod.", "he came back today with a fishing rod").errors == 0
    assert match("She had learnt the words.", "she had learned the words").errors == 0


# ----------------------------------------------------------------------------------- checks
def _tone(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (0.3 * np.sin(2 * np.pi * 220 * t) * 32767).astype(np.int16)


def test_checks_find_audio_too_short_too_long_silent_gaps_and_clipping() -> None:
    text = "The musicians played in the square until the lamps were lit at dusk."     # 55 letters
    assert checks.problems(text, _tone(3.5)) == []
    assert "letters" in checks.problems(text, _tone(0.5))[0]                 # far too short
    assert "letters" in checks.problems(text, _tone(16.0))[0]                # far too long
    gap = np.concatenate([_tone(1.5), np.zeros(int(2.0 * SAMPLE_RATE), np.int16), _tone(1.5)])
    assert "silence inside" in checks.problems(text, gap)[0]
    loud = _tone(3.5).astype(np.int32) * 4
    assert "clipped" in checks.problems(text, np.clip(loud, -32767, 32767).astype(np.int16))[0]


# ----------------------------------------------------------------------------------- settings
def _book(tmp_path: Path, proof: str) -> Path:
    (tmp_path / "manuscript").mkdir(parents=True)
    (tmp_path / "manuscript" / "book.yaml").write_text(f"title: T\nproof: {proof}\n", encoding="utf-8")
    return tmp_path


def test_proof_settings_are_validated_at_load(tmp_path: Path) -> None:
    assert load_book(_book(tmp_path / "a", "true")).proof == ProofSettings(enabled=True)
    s = load_book(_book(tmp_path / "b", "{threshold: 0.2, takes: 4, accept: [Zorblax]}")).proof
    assert (s.enabled, s.threshold, s.takes, s.accept) == (True, 0.2, 4, ("Zorblax",))
    with pytest.raises(ConfigError, match=r"proof\.thresold: unknown key \(did you mean \"threshold\"\?\)"):
        load_book(_book(tmp_path / "c", "{thresold: 0.2}"))
    with pytest.raises(ConfigError, match=r"proof\.takes: 0 must be at least 1"):
        load_book(_book(tmp_path / "d", "{takes: 0}"))


def test_settings_that_change_a_verdict_are_in_its_key_and_enabled_is_not() -> None:
    assert ProofSettings().key() == ProofSettings(enabled=True).key()
    assert ProofSettings(threshold=0.2).key() != ProofSettings().key()


# ----------------------------------------------------------------------------------- takes
def test_a_take_is_another_seed_and_its_own_cache_key() -> None:
    voice = Voice("n", "hibari", "heart")
    cls = engine_class("hibari")
    assert cls.take(voice, 0) is voice
    assert dict(cls.take(voice, 2).options)["seed"] == 1236                 # type: ignore[union-attr]
    assert dict(cls.take(Voice("n", "hibari", "heart", (("seed", 7),)), 1).options)["seed"] == 8  # type: ignore[union-attr]
    assert engine_class("test").take(Voice("t", "test", "x"), 1) is None   # one take only
    job = planning.Job("k", "Hello there.", voice, 0.35, 400, "")
    one, two = planning.take_job(job, 1), planning.take_job(job, 2)
    assert one is not None and two is not None and len({one.key, two.key, job.key}) == 3
    assert planning.take_job(job, 1) == one                                  # reproducible


def test_the_store_keeps_verdicts_per_settings_and_the_chosen_takes(tmp_path: Path) -> None:
    store = ProofStore.load(tmp_path)
    store.put("audio1", "s1", Verdict(0, "hello", 0.0, 0))
    store.choose("base1", 2, "s1")
    store.choose("base2", 0, "s1")
    store.save()
    again = ProofStore.load(tmp_path)
    assert again.verdict("audio1", "s1") == Verdict(0, "hello", 0.0, 0)
    assert again.verdict("audio1", "s2") is None                          # other settings: heard again
    assert again.take("base1") == (2, "s1")
    assert chosen_takes(tmp_path) == {"base1": 2}


def test_spoiled_text_drops_or_repeats_three_words_from_the_middle() -> None:
    text = "one two three four five six seven eight nine"
    assert spoil_text(text, "drop", 3) == "one two three seven eight nine"
    assert spoil_text(text, "repeat", 3) == "one two three four five six four five six seven eight nine"


def test_audio_far_too_short_is_retried_in_the_next_take_not_the_same_one(tmp_path: Path) -> None:
    """A deterministic engine says a line alike every time: the retry of a take far too short for
    its text uses the next take (hibari under a fault that cuts 95% of the first take only)."""
    from audiobook.build import BuildOptions, build
    from audiobook.voice.cache import LineCache

    from proof_book import write_book

    text = "The lighthouse keeper climbed the spiral stairs three times every night."
    book = write_book(tmp_path / "b", [{"line": "lighthouse", "fault": "cut", "fraction": 0.95, "seeds": [1234]}],
                      [text], proof="false")
    report = build(book, BuildOptions(jobs=1))
    assert not [w for w in report.warnings if "letters" in w]
    prep_keys = list(LineCache(book / ".audiobook" / "cache").keys())
    lengths = sorted(LineCache(book / ".audiobook" / "cache").samples(k) or 0 for k in prep_keys)
    assert lengths[-1] / SAMPLE_RATE > 2.5          # the whole line, from the second take


def test_script_review_lists_the_lines_proofing_flagged_first(book: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from audiobook.proof.stage import Flag, save_flagged
    from audiobook.text.script import build_script

    from conftest import run_cli

    ln = [x for x in build_script(load_book(book)).lines() if x.kind == "narration" and x.index > 0][0]
    (book / ".audiobook").mkdir()
    save_flagged(book / ".audiobook", [Flag("manuscript/01-first.md:3", ln.chapter, ln.index, ln.speaker, ln.text,
                                            "daniel came", 0.5, (), 3)])
    code, out, _ = run_cli(["script", "--book", str(book), "--review"], capsys, monkeypatch)
    assert code == 0
    first = out.splitlines()[:3]
    assert first[0].startswith("manuscript/01-first.md:3  Narrator  [proof: score 0.50]")
    assert first[1].strip() == f"text: {ln.text}" and first[2].strip() == "heard: daniel came"


def test_audiobook_proof_before_any_build_says_what_to_do(book: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import run_cli

    code, out, _ = run_cli(["proof", "--book", str(book)], capsys, monkeypatch)
    assert code == 0
    assert "proof: 0 takes heard of" in out and "lines not built yet (run audiobook build)" in out


def test_chosen_takes_are_used_by_every_build_and_kept_by_cache_prune(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A take recorded by proofing replaces the first take in the plan, proofing on or off."""
    from audiobook.build import BuildOptions, build, prepare
    from audiobook.voice.cache import LineCache

    from conftest import run_cli
    from proof_book import write_book

    book = write_book(tmp_path / "b", [], ["The cat slept all afternoon on the warm stones of the kitchen step."],
                      proof="false")
    build(book, BuildOptions(jobs=1))
    prep = prepare(book, BuildOptions())
    line = prep.script.lines()[1]
    first = prep.plan.key(line)
    store = ProofStore.load(book / ".audiobook")
    store.choose(first, 1, "settings")
    store.save()
    again = prepare(book, BuildOptions())
    take = again.plan.key(line)
    assert take != first and again.plan.firsts[take] == first and take in again.plan.jobs
    report = build(book, BuildOptions(jobs=1))
    assert report.lines_synthesized == 1
    cache = LineCache(book / ".audiobook" / "cache")
    code, out, _ = run_cli(["cache", "--book", str(book), "--prune"], capsys, monkeypatch)
    assert code == 0 and cache.has(take) and not cache.has(first)


def test_the_lexicon_s_words_and_the_cast_are_names_the_asr_need_not_know(book: Path) -> None:
    from audiobook.build import BuildOptions, prepare
    from audiobook.build.proofing import known_names

    yaml = book / "manuscript" / "book.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8") + "pronunciations:\n  Tilney: TIL-nee\n", encoding="utf-8")
    known = names(known_names(prepare(book, BuildOptions())))
    assert {"tilney", "daniel", "liana"} <= known
    assert match("Mr. Tilney smiled.", "mister tillney smiled", known).errors == 0
