"""Nothing lost, nothing confusing: the parser on arbitrary text (hypothesis), every word of a
build counted as spoken or reported, two builds of one book at once, and a disk that fills up."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from audiobook.build import BuildOptions, build, prepare
from audiobook.cli.main import main
from audiobook.text.accounting import count_words
from audiobook.text.manuscript import Manuscript, parse_text
from audiobook.text.quotes import DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_CLOSE, SINGLE_OPEN
from audiobook.text.tokens import words
from audiobook.voice.cache import LineCache

from conftest import TEST_PROFILE, make_book, run_cli

# ------------------------------------------------------------------ the parser never loses text

QUOTE_MARKS = set(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'")
TOKENS = ["“", "”", '"', "'", "’", "‘", "„", "«", "»", "[Ann]", "[Bob] ", "# ", "## ", "#", "\n", "\n\n",
          "\r\n", "\r\n\r\n", "* * *\n", "***", "⁂", "—", "--", "–", " ", " ", "he said", "said Ann", "Hello",
          "don't", "’em", "’tis", "boys’", "o’clock", "😀", "🎉", "★", "\ufeff", "_", "*", ",", ".", "?", "!",
          "…", ":", ";", "(", ")", "[", "]", "a", "I", "x1", "Ünïcödé", "\t", "\u2028", "\x0b", "\x85"]
OPENERS = ["", "", "“", '"', "‘", "'", "— ", "—", "-- ", "[Ann]“", "# ", "## "]
paragraphs = st.tuples(st.sampled_from(OPENERS), st.lists(st.sampled_from(TOKENS), max_size=12).map("".join))
texts = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=60).map("".join),
    st.lists(paragraphs.map("".join), max_size=8).map("\n\n".join),
    st.text(max_size=200),
    st.text(alphabet=st.sampled_from([t for t in TOKENS if len(t) == 1]), max_size=200),
)


def counted(c: str) -> bool:
    """A character that is text of the book: letters, digits, marks, symbols (not whitespace,
    punctuation, quotation marks or markup such as #, *, _, [ ])."""
    return unicodedata.category(c)[0] in "LNMS" and c not in QUOTE_MARKS


def check_nothing_lost(text: str, ms: Manuscript) -> None:
    """Every counted character of ``text`` is in exactly one span the parser made (a chapter title
    or a segment), in order, and the spoken text of the span has exactly the counted characters of
    the span; outside the spans there are only speaker tags before a quotation mark, and symbols
    or lone accents the parser warned about ("nothing to say in ...")."""
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    spans: list[tuple[int, int, str]] = []
    for ch in ms.chapters:
        if ch.title_end > ch.title_start:
            spans.append((ch.title_start, ch.title_end, ch.title))
        for p in ch.paragraphs:
            for s in p.segments:
                spans.append((s.start, s.end, s.text))
    pos = 0
    outside: list[int] = []
    for start, end, said in spans:
        assert start >= pos, f"spans overlap or go backwards at {start}: {spans}"
        outside += range(pos, start)
        pos = end
        assert [c for c in text[start:end] if counted(c)] == [c for c in said if counted(c)], (start, end, said)
    outside += range(pos, len(text))
    tags = [range(m.start(), m.end()) for m in re.finditer(r"\[[^\[\]\r\n]{1,60}\](?=[“\"‘'„«”’»])", text)]
    for i in outside:
        c = text[i]
        if not counted(c) or any(i in t for t in tags):
            continue
        line = bisect_right(line_starts, i)
        assert unicodedata.category(c)[0] in "SM" and any(
            (m := re.match(r"manuscript/chapter\.md:(\d+): nothing to say in (.*); skipped$", w))
            and int(m.group(1)) <= line and (c in m.group(2) or repr(c)[1:-1] in m.group(2))
            for w in ms.warnings), \
            f"{c!r} at offset {i} (line {line}) is in no line of the script: {ms}"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_the_parser_never_crashes_and_never_loses_a_character(text: str) -> None:
    ms = parse_text(text)
    check_nothing_lost(text, ms)


def test_the_property_catches_a_lost_word() -> None:
    text = "“Hello,” he said. Later."
    ms = parse_text(text)
    ch = ms.chapters[0]
    p = ch.paragraphs[0]
    broken = Manuscript((type(ch)(ch.number, ch.title, ch.source, ch.title_start, ch.title_end,
                                  (type(p)(p.number, p.start, p.end, p.line, p.brk, p.segments[:-1], p.raw),)),))
    try:
        check_nothing_lost(text, broken)
    except AssertionError:
        return
    raise AssertionError("a dropped segment went unnoticed")


def test_known_tricky_texts() -> None:
    for text in ["[Ann]“”", "“”", "# \n\n“", "\ufeff\ufeff# T", "a\u2028“b”\u2028c", "’’’", "[A]“[B]“x”",
                 "—a, said b. —c", "# T #\n\n## Part\n\n_x_ *y*", "😀\n\n“😀” he said"]:
        check_nothing_lost(text, parse_text(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=3), st.booleans())
def test_a_book_of_arbitrary_files_keeps_every_word(files: list[str], cast_list: bool) -> None:
    """The whole way from files to script (several files, attribution with and without a cast
    list): nothing crashes, and the word count finds no word missing from the script."""
    from audiobook.book import load_book
    from audiobook.errors import ManuscriptError
    from audiobook.text.script import build_script

    with tempfile.TemporaryDirectory() as td:
        root = make_book(Path(td) / "book", {f"{i:02d}.md": "" for i in range(len(files))}, characters=cast_list)
        for i, text in enumerate(files):
            (root / "manuscript" / f"{i:02d}.md").write_text(text, encoding="utf-8")
        book = load_book(root)
        try:
            script = build_script(book)
        except ManuscriptError as e:
            assert "the manuscript has no text" in str(e) or "a binary file" in str(e)
            return
        wc = count_words(book, script)
        assert wc.warnings == [] and wc.total == wc.spoken + wc.reported


def test_one_file_does_not_change_how_the_next_is_read(tmp_path: Path) -> None:
    """A scare quote's marks at offsets 0 and 1 of one file once silenced offsets 0 and 1 of the next."""
    from audiobook.text.manuscript import read_manuscript

    for name, text in (("01.md", "“"), ("02.md", "000 and more")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    ms = read_manuscript([tmp_path / "01.md", tmp_path / "02.md"], tmp_path)
    assert [s.text for ch in ms.chapters for p in ch.paragraphs for s in p.segments] == ["000 and more"]


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(min_value=1, max_value=60))
@example("🏻", 1)                 # a skin tone on its own was dropped without a word (found in CI)
@example("x\u200dy", 1)          # and so was a lone zero-width joiner
def test_what_an_engine_is_sent(text: str, limit: int) -> None:
    """Ordinary prose is sent as written; nothing unsayable reaches an engine; a text with a sentence
    over ``limit`` is cut between words (inside one only when it is longer), pieces at most
    ``limit`` long, and nothing is dropped."""
    from audiobook.text.speech import pieces, speech, too_long

    said = speech(text)
    if not said.changed and not any(c in "&©°№§" for c in text):
        assert said.text == " ".join(text.split())
    assert not any(unicodedata.category(c) in ("So", "Cc", "Co", "Cn", "Cs") for c in said.text)
    cut = pieces(said.text, limit)
    if max(map(len, said.text.split(" "))) <= limit:
        assert " ".join(cut) == said.text
    else:                                  # a longer word is cut too
        assert "".join(cut).replace(" ", "") == said.text.replace(" ", "")
    if too_long(said.text, limit):         # sentences short enough are left for the engine to split
        assert all(len(p) <= limit for p in cut)
    else:
        assert cut == [said.text]
    assert all(p and p == p.strip() for p in cut) or said.text == ""


# ------------------------------------------------------------------ every word spoken or reported

ACCOUNTED = {
    "01-first.md": """\
        # The First

        Daniel came home. “Hello there,” he said. “Anyone in?”

        [Liana]“Only me.” She smiled 😀 and pointed at https://www.example.com/a/b?c=1 on the screen.

        “Never closed, said Liana.

        * * *

        Later that _night_, the house was quiet.
        """,
    "02-second.md": """\
        Morning came. “Coffee?” asked Liana.

        [Daniel]“Please.”
        """,
}


def test_every_word_of_the_manuscript_is_spoken_or_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    short = TEST_PROFILE.replace("model: daniel}", "model: daniel, options: {seconds_per_char: 0.001}}")
    book = make_book(tmp_path / "book", ACCOUNTED, short)
    monkeypatch.setattr(sys, "argv", ["audiobook", "build", "--book", str(book), "--jobs", "1",
                                      "--report", str(tmp_path / "report.json")])
    main()
    out, err = capsys.readouterr()
    rep = json.loads((tmp_path / "report.json").read_text())
    # counted independently: the words of the files, speaker tags being markup
    text = " ".join((book / "manuscript" / name).read_text(encoding="utf-8") for name in ACCOUNTED)
    total = len(words(re.sub(r"\[(Liana|Daniel)\]", " ", text)))
    assert rep["words_total"] == total, (rep["words_total"], total)
    assert rep["words_spoken"] + rep["words_reported"] == total
    # reported: the path of the web address, and Daniel's lines, whose audio was far too short
    prep = prepare(book, BuildOptions(jobs=1))
    daniel = [ln.text for ln in prep.script.lines() if ln.speaker == "Daniel"]
    assert {"Hello there,", "Anyone in?", "Please."} <= set(daniel)
    url_path = len(words("https://www.example.com/a/b?c=1")) - len(words("example.com"))
    assert rep["words_reported"] == url_path + sum(len(words(t)) for t in daniel)
    warned = [w for w in err.splitlines() if w.startswith("warning: ")]
    assert sum("voice dan: only" in w for w in warned) == len(set(daniel))
    assert any("read the web address https://www.example.com/a/b?c=1 as 'example.com'" in w for w in warned)
    assert f"{total} words in the manuscript: {total - rep['words_reported']} spoken, " \
           f"{rep['words_reported']} reported above" in out


def test_too_short_audio_kept_from_an_earlier_build_is_reported_again(tmp_path: Path) -> None:
    short = TEST_PROFILE.replace("model: daniel}", "model: daniel, options: {seconds_per_char: 0.001}}")
    book = make_book(tmp_path / "book", profile=short)
    first = build(book, BuildOptions(jobs=1))
    again = build(book, BuildOptions(jobs=1))
    assert again.lines_synthesized == 0
    flagged = sorted(w for w in first.warnings if "words may be missing" in w)
    still = sorted(w for w in again.warnings if "words may be missing" in w)
    assert len(still) == len(flagged) > 0 and all("kept from an earlier build" in w for w in still)
    assert again.words_reported == first.words_reported > 0
    assert again.words_spoken == first.words_spoken


def test_words_the_script_misses_are_reported_not_lost(book: Path) -> None:
    from audiobook.book import load_book
    from audiobook.model import Chapter, Script
    from audiobook.text.script import build_script

    b = load_book(book)
    script = build_script(b)
    ch = script.chapters[0]
    dropped = ch.lines[4]
    assert dropped.text == "Anyone in?"
    partial = Script((Chapter(ch.number, ch.title, ch.source, ch.lines[:4] + ch.lines[5:]), *script.chapters[1:]))
    full, lossy = count_words(b, script), count_words(b, partial)
    assert full.total == full.spoken == lossy.total and full.warnings == []
    assert lossy.reported == 2 and lossy.spoken == full.total - 2
    assert lossy.warnings == ["manuscript/01-first.md:3: 2 word(s) are not in the script and will not be spoken: "
                              "Anyone in (please report this as a bug)"]


# ------------------------------------------------------------------ two builds of one book at once


def outputs(book: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((book / "output").iterdir())}


def cache_is_sound(book: Path) -> int:
    """Every cache entry reads back whole; no temp file is left anywhere. Returns the entry count."""
    cache = LineCache(book / ".audiobook" / "cache")
    keys = list(cache.keys())
    assert all(cache.read(k) is not None for k in keys)
    leftovers = [p for p in book.rglob(".*") if p.is_file() and p.name != ".write-test"
                 and (p.name.endswith(".tmp") or ".part" in p.name)]
    assert leftovers == []
    return len(keys)


def cli_build(book: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "audiobook", "build", "--book", str(book), "--jobs", "1",
                             *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_builds_of_one_book_at_once_one_refused_cache_consistent(tmp_path: Path) -> None:
    slow = TEST_PROFILE.replace("model: narrator}", "model: narrator, options: {delay: 0.25}}")
    book = make_book(tmp_path / "book", profile=slow)
    first, second = cli_build(book, "--quiet"), cli_build(book, "--quiet")
    checker = subprocess.Popen([sys.executable, "-m", "audiobook", "validate", "--book", str(book)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = [(p.wait(timeout=120), *p.communicate()) for p in (first, second)]
    out, err = checker.communicate(timeout=120)
    assert checker.returncode == 0 and out.startswith("ok:"), err      # checking alongside a build is fine
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 2], results
    (winner, _, _), = [(p, out, err) for p, (code, out, err) in zip((first, second), results, strict=True)
                       if code == 0]
    refused, = [err for code, _, err in results if code == 2]
    assert refused.strip().splitlines() == [
        f"error: {book}: another build of this book is running (pid {winner.pid}); "
        f"wait for it to finish, then run this one again"]
    entries = cache_is_sound(book)
    built = outputs(book)
    # the second build, run again afterwards, works and has nothing left to do
    again = cli_build(book, "--report", str(tmp_path / "r.json"))
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    rep = json.loads((tmp_path / "r.json").read_text())
    assert rep["lines_synthesized"] == 0 and rep["lines_cached"] == rep["lines_total"] > 0
    assert cache_is_sound(book) == entries and outputs(book) == built


def test_prune_is_refused_while_a_build_runs(book: Path) -> None:
    """``cache --prune`` never deletes lines under a running build: it is refused like a second build."""
    import fcntl

    import numpy as np

    unused = LineCache(book / ".audiobook" / "cache")
    unused.write("f" * 40, np.ones(100, np.int16))             # no script uses it: prune would remove it
    with open(book / ".audiobook" / "build.lock", "a+") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        f.write("pid 4242")
        f.flush()
        pruned = subprocess.run([sys.executable, "-m", "audiobook", "cache", "--book", str(book), "--prune"],
                                capture_output=True, text=True)
    assert pruned.returncode == 2
    assert pruned.stderr.strip().splitlines() == [
        f"error: {book}: another build of this book is running (pid 4242); wait for it to finish, then run this "
        f"one again"]
    assert list(unused.keys()) == ["f" * 40]


# ------------------------------------------------------------------ a disk that fills up mid-build

SMALL = TEST_PROFILE.replace("model: narrator}", "model: narrator, options: {seconds_per_char: 0.02}}")


def part(n: int, text: int | None = None) -> str:
    """Chapter ``n``; ``text`` another chapter's words under this one's title (a rewrite)."""
    return f"# Part {n}\n\n" + "\n\n".join(
        f"Paragraph {j} of part {text or n}, told slowly. “Is it {j} of {text or n}?” asked Liana."
        for j in range(4)) + "\n"


@contextmanager
def small_disk(path: Path, size: str) -> Iterator[Path]:
    """A real tmpfs of ``size`` at ``path`` (needs root, as CI runs; no fake ENOSPC)."""
    assert os.geteuid() == 0, "this test fills a real small tmpfs: run it as root, as CI does"
    path.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


cli_in_process = run_cli


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, int], int]:
    """Outputs of an uninterrupted build of the book with part 2 rewritten, its cache entries' sizes,
    and the size of part 2's mastered audio."""
    book = make_book(tmp_path_factory.mktemp("ref") / "book", {"01.md": part(1), "02.md": part(2, text=3)}, SMALL)
    build(book, BuildOptions(jobs=1))
    cache = LineCache(book / ".audiobook" / "cache")
    state = json.loads((book / ".audiobook" / "state.json").read_text())
    return outputs(book), {k: cache.path(k).stat().st_size for k in cache.keys()}, state["chapters"]["2"]["samples"] * 2


@pytest.mark.parametrize("fills_during", ["lines", "output"])
def test_a_full_disk_stops_with_a_clear_message_and_keeps_finished_work(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        reference: tuple[dict[str, str], dict[str, int], int], fills_during: str) -> None:
    expected, ref_sizes, pcm_size = reference
    with small_disk(tmp_path / "disk", "24m") as disk:
        book = make_book(disk / "book", {"01.md": part(1), "02.md": part(2)}, SMALL)
        code, _, err = cli_in_process(["build", "--book", str(book), "--jobs", "1", "-q"], capsys, monkeypatch)
        assert code == 0, err
        before = outputs(book)
        cache = LineCache(book / ".audiobook" / "cache")
        old_keys = set(cache.keys())
        new_lines = {k: size for k, size in ref_sizes.items() if k not in old_keys}
        assert len(new_lines) >= 5
        # part 2 is rewritten, and the disk is nearly full
        (book / "manuscript" / "02.md").write_text(part(2, text=3), encoding="utf-8")
        room = {"lines": sum(new_lines.values()) // 2,                  # while synthesizing part 2
                "output": sum(new_lines.values()) + pcm_size // 8,        # while encoding its MP3 (~pcm/3.7)
                }[fills_during]
        st = os.statvfs(disk)
        with open(disk / "filler", "wb") as f:
            f.write(b"\0" * (st.f_bavail * st.f_frsize - room))
        code, out, err = cli_in_process(["build", "--book", str(book), "--jobs", "1"], capsys, monkeypatch)
        lines = err.strip().splitlines()
        assert code == 2 and len(lines) == 1, err
        where = {"lines": "/.audiobook/cache/", "output": "/output"}
        assert re.match(rf"error: {re.escape(str(book))}{where[fills_during]}[^:]*: cannot write \(No space left on "
                        rf"device\): the disk is full; free some space, then build again; finished work is kept$",
                        lines[0]), lines[0]
        assert "Traceback" not in out + err
        # finished work is intact: the chapter files and the full book as they were, every cached line
        assert outputs(book) == before
        assert old_keys <= set(cache.keys())
        cache_is_sound(book)
        kept = set(cache.keys()) - old_keys
        if fills_during == "lines":
            assert 0 < len(kept) < len(new_lines)
        else:
            assert kept == set(new_lines)
        # space freed: the next build reuses what was finished and makes the same book as an uninterrupted one
        (disk / "filler").unlink()
        code, _, err = cli_in_process(["build", "--book", str(book), "--jobs", "1", "-q", "--report",
                                       str(tmp_path / "r.json")], capsys, monkeypatch)
        assert code == 0, err
        rep = json.loads((tmp_path / "r.json").read_text())
        assert rep["lines_synthesized"] == len(new_lines) - len(kept)
        assert outputs(book) == expected
        cache_is_sound(book)
