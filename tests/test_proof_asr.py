"""Proof-listening with the real ASR (Whisper base) on real Piper/hibari speech: injected faults
are flagged and retaken, a fault that survives every take is reported with its file:line, a clean
book is not flagged, and proof verdicts are cached with the line."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from audiobook.build import BuildOptions, build, prepare
from audiobook.proof.asr import model_dir
from audiobook.proof.store import ProofStore, Verdict

from proof_book import KINDS, SENTENCES, write_book

REPO = Path(__file__).resolve().parents[1]
FAULTED = 40                      # lines with a fault: 8 of each kind; every 5th on every take


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One user cache for this module (the Whisper model assembled once, the voices' derived files)."""
    d = tmp_path_factory.mktemp("user-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AUDIOBOOK_CACHE", str(d))
        model_dir()
        yield d


@pytest.fixture
def cache_env(shared_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AUDIOBOOK_CACHE", str(shared_cache))
    return shared_cache


def _faults() -> tuple[list[dict], set[int]]:
    faults, persistent = [], set()
    for i in range(FAULTED):
        entry: dict = {"line": SENTENCES[i][:40], "fault": KINDS[i % len(KINDS)]}
        if i % 5 == 4:
            persistent.add(i)         # every take: survives the retakes, must be reported
        else:
            entry["seeds"] = [1234]   # the first take only: a retake repairs it
        faults.append(entry)
    return faults, persistent


def _first_take(store: ProofStore, base: str) -> Verdict:
    found = [Verdict.from_json(v) for k, v in store.results.items() if k.startswith(base + ":")]
    assert len(found) == 1, base
    return found[0]


def test_injected_faults_are_flagged_retaken_or_reported(tmp_path: Path, cache_env: Path) -> None:
    faults, persistent = _faults()
    book = write_book(tmp_path / "book", faults, SENTENCES, proof="{takes: 2}")
    report = build(book, BuildOptions(jobs=1))
    assert report.proof is not None
    prep = prepare(book, BuildOptions())
    store = ProofStore.load(prep.book.work_dir)
    lines = [ln for ln in prep.script.lines() if ln.index > 0]          # the title is line 0
    assert len(lines) == len(SENTENCES)
    first = {i: _first_take(store, prep.plan.firsts.get(prep.plan.key(ln), prep.plan.key(ln)))
             for i, ln in enumerate(lines)}
    caught = [i for i in range(FAULTED) if not first[i].ok]
    assert len(caught) >= 0.95 * FAULTED, [(SENTENCES[i], first[i]) for i in range(FAULTED) if first[i].ok]
    flagged = {(f.chapter, f.index): f for f in report.proof.flagged}
    once = [i for i in range(FAULTED) if i not in persistent]
    repaired = [i for i in once if (lines[i].chapter, lines[i].index) not in flagged
                and prep.plan.key(lines[i]) != prep.plan.firsts.get(prep.plan.key(lines[i]), prep.plan.key(lines[i]))]
    assert len(repaired) >= 0.9 * len(once)
    for i in persistent:              # reported with the manuscript line it comes from
        f = flagged[(lines[i].chapter, lines[i].index)]
        assert f.location == f"manuscript/01-small.md:{3 + 2 * i}" and f.text == SENTENCES[i] and f.takes == 2
    assert not [i for i in range(FAULTED, len(SENTENCES)) if (lines[i].chapter, lines[i].index) in flagged]
    assert report.proof.retaken >= len(repaired)            # and lines whose second take was less bad
    assert any(w.startswith(f"manuscript/01-small.md:{3 + 2 * min(persistent)}: proof:") for w in report.warnings)

    # nothing changed: nothing heard, nothing synthesized, the same takes
    again = build(book, BuildOptions(jobs=1))
    assert again.proof is not None and again.proof.proofed == 0 and again.lines_synthesized == 0
    assert again.proof.retaken == report.proof.retaken and len(again.proof.flagged) == len(report.proof.flagged)

    # one paragraph edited: only its line is synthesized and heard
    ms = book / "manuscript" / "01-small.md"
    edit = "We walked along the shore as the tide came in."
    ms.write_text(ms.read_text(encoding="utf-8").replace(SENTENCES[-1], edit), encoding="utf-8")
    edited = build(book, BuildOptions(jobs=1))
    assert edited.proof is not None and edited.proof.proofed == 1 and edited.lines_synthesized == 1
    assert not edited.proof.flagged or all(f.text != SENTENCES[-1] for f in edited.proof.flagged)


def test_a_clean_book_read_by_the_default_cast_is_rarely_flagged(tmp_path: Path, cache_env: Path) -> None:
    """The sample book and bench/alice (112 distinct lines, 13 minutes of speech), the real
    default cast: at most 2% of lines fail their first take."""
    failed, total = [], 0
    for src in (REPO, REPO / "bench" / "alice"):
        book = tmp_path / src.name
        book.mkdir()
        for part in ("manuscript", "voices"):
            shutil.copytree(src / part, book / part)
        report = build(book, BuildOptions(jobs=os.cpu_count() or 1, proof=True))
        assert report.proof is not None
        store = ProofStore.load(book / ".audiobook")
        firsts = [Verdict.from_json(v) for v in store.results.values() if v["take"] == 0]
        total += len(firsts)
        failed += [v for v in firsts if not v.ok]
    assert total >= 100
    assert len(failed) <= 0.02 * total, failed
