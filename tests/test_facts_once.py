"""Facts computed once, where they arise, and used everywhere: a line's speaker gender and its
file:line travel with the line; book.yaml's pauses reach the synthesis; a failing line under
``--watch`` keeps the warm workers."""

from __future__ import annotations

from pathlib import Path

from audiobook.book import load_book
from audiobook.build import BuildOptions, prepare
from audiobook.build import watch as watch_module
from audiobook.errors import SynthesisError, WorkersLost
from audiobook.text.script import build_script, review
from test_watch import Watching, report

from conftest import TEST_PROFILE, make_book

BY_GENDER = """\
voices:
  narr: {engine: test, model: narrator}
  him: {engine: test, model: him}
  her: {engine: test, model: her}
cast:
  Narrator: narr
fallback:
  male: him
  female: her
  default: narr
"""


def test_discovered_speakers_fall_back_by_their_gender(tmp_path: Path) -> None:
    book = make_book(tmp_path / "book", profile=BY_GENDER, characters=False)    # no cast list: discovery
    prep = prepare(book, BuildOptions())
    said = {(ln.speaker, prep.plan.voices[(ln.chapter, ln.index)].name)
            for ln in prep.script.lines() if ln.kind == "dialogue"}
    assert said == {("Daniel", "him"), ("Liana", "her")}


def test_book_yaml_sentence_pause_overrides_the_profile(tmp_path: Path) -> None:
    book = make_book(tmp_path / "book")
    yaml = book / "manuscript" / "book.yaml"
    yaml.write_text(yaml.read_text() + "pauses:\n  sentence: 1.25\n")
    prep = prepare(book, BuildOptions())
    assert prep.plan.jobs and {j.sentence_pause for j in prep.plan.jobs.values()} == {1.25}


def test_locations_are_those_of_the_text_as_read(tmp_path: Path) -> None:
    """Under --watch a file can change between reading it and reporting on it: review and warning
    locations come from the text the script was made from, not from the file on disk."""
    book = make_book(tmp_path / "book")
    script = build_script(load_book(book))
    ch1 = book / "manuscript" / "01-first.md"
    ch1.write_text("\n\n\n\n" + ch1.read_text(encoding="utf-8"), encoding="utf-8")     # saved again, moved down
    found = {r.line.text: r.location for r in review(script, book, limit=0)}
    assert found["Hello there,"] == "manuscript/01-first.md:3"
    assert [ln.line for ln in script.chapters[0].lines[:2]] == [1, 3]


def test_a_failing_line_under_watch_keeps_the_warm_workers(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pools: list[object] = []
    real = watch_module.worker_pool

    def counted(*args):  # type: ignore[no-untyped-def]
        pools.append(real(*args))
        return pools[-1]

    monkeypatch.setattr(watch_module, "worker_pool", counted)
    failing = TEST_PROFILE.replace("model: liana}", "model: liana, options: {fail_on: Coffee}}")
    book = make_book(tmp_path / "book", profile=failing)
    w = Watching(book, BuildOptions(jobs=1))
    try:
        failed = w.next()
        assert isinstance(failed, SynthesisError) and not isinstance(failed, WorkersLost)
        ch2 = book / "manuscript" / "02-second.md"
        ch2.write_text(ch2.read_text(encoding="utf-8").replace("Coffee?", "Tea?"), encoding="utf-8")
        assert report(w.next()).lines_total > 0
        assert len(pools) == 1          # the same workers built again
    finally:
        w.stop()
