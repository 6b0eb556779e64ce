"""Bad input, driven through the command line: each case ends with exit code 2 and one clear line
naming the file and the line, byte or key (or exit code 0 and a warning, where the input can be
read sensibly), never a traceback."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from audiobook.build import BuildOptions, prepare
from audiobook.model import SAMPLE_RATE
from audiobook.text.speech import pieces, speech
from audiobook.text.tokens import words
from audiobook.voice.engines import testtone
from audiobook.voice.render import render_job

from conftest import TEST_PROFILE, edit, make_book, run_cli

BOOK_YAML = "manuscript/book.yaml"
PROFILE = "voices/default.yaml"
CHAPTER = "manuscript/01-first.md"


def run(*args: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    """``audiobook ARGS`` in this process; never a traceback."""
    code, out, err = run_cli(list(args), capsys, monkeypatch)
    assert "Traceback" not in out + err
    return code, out, err


def write(path: str, data: str | bytes) -> Callable[[Path], None]:
    def apply(book: Path) -> None:
        p = book / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return apply


HOLLOW_ONNX = b"\x08\x07\x3a\x00"    # ir_version 7 and an empty graph: whole as a file, but no model


def corrupt_model(book: Path) -> None:
    write("voices/broken.onnx", b"<html>404 Not Found</html>" * 40)(book)
    write("voices/broken.onnx.json", '{"num_speakers": 1, "audio": {"sample_rate": 22050}}')(book)
    edit(PROFILE, "{engine: test, model: daniel}", "{engine: piper, model: broken.onnx}")(book)


def no_text(book: Path) -> None:
    write(CHAPTER, "")(book)
    write("manuscript/02-second.md", "\n   \n\n")(book)


ERRORS = [
    ("book.yaml syntax", edit(BOOK_YAML, 'author: "A. Writer"', 'author: "A. Writer\nx: ['),
     r"^manuscript/book\.yaml: line \d+, column \d+: YAML syntax error"),
    ("profile syntax", edit(PROFILE, "cast:", "cast: {\n"),
     r"^voices/default\.yaml: line 8, column \d+: YAML syntax error"),
    ("tab in YAML", edit(PROFILE, "  Narrator: narr", "\tNarrator: narr"),
     r"^voices/default\.yaml: line 6, column 1: YAML syntax error: found character '\\t'"),
    ("speed is text", edit(PROFILE, "model: narrator}", "model: narrator, speed: fast}"),
     r"^voices/default\.yaml: voices\.narr\.speed: expected a number, found text 'fast'$"),
    ("pitch out of range", edit(PROFILE, "model: narrator}", "model: narrator, pitch: 40}"),
     r"^voices/default\.yaml: voices\.narr\.pitch: 40 is out of range"),
    ("characters not a list", write(BOOK_YAML, 'title: "Test Book"\ncharacters: 5\n'),
     r"^manuscript/book\.yaml: characters: expected a list, found int$"),
    ("title is a list", edit(BOOK_YAML, 'title: "Test Book"', "title: [1, 2]"),
     r"^manuscript/book\.yaml: title: expected text, found a list$"),
    ("voices is a list", write(PROFILE, "voices: [a, b]\ncast: {Narrator: a}\n"),
     r"^voices/default\.yaml: voices: expected a mapping, found a list$"),
    ("a voice with nothing under it", write(PROFILE, "voices:\n  narr:\ncast: {Narrator: narr}\n"),
     r"^voices/default\.yaml: voices\.narr: empty; give it an engine and a voice \(engine: piper, model: joe\)$"),
    ("book.yaml is a list", write(BOOK_YAML, "- a\n- b\n"),
     r"^manuscript/book\.yaml: expected a mapping of keys at the top, found list$"),
    ("unknown key in book.yaml", edit(BOOK_YAML, "author:", "authr:"),
     r'^manuscript/book\.yaml: authr: unknown key \(did you mean "author"\?\)$'),
    ("unknown key in a character", edit(BOOK_YAML, "{name: Daniel, gender: male}", "{name: Daniel, gendr: male}"),
     r'^manuscript/book\.yaml: characters\[0\]\.gendr: unknown key \(did you mean "gender"\?\)$'),
    ("unknown key in a voice", edit(PROFILE, "model: liana}", "model: liana, pich: 2}"),
     r'^voices/default\.yaml: voices\.li\.pich: unknown key \(did you mean "pitch"\?\)$'),
    ("unknown top-level key", edit(PROFILE, "fallback:", "fallbak:"),
     r'^voices/default\.yaml: fallbak: unknown key \(did you mean "fallback"\?\)$'),
    ("unknown engine option", edit(PROFILE, "model: liana}", "model: liana, options: {secs_per_char: 1}}"),
     r"^voices/default\.yaml: voices\.li\.options\.secs_per_char: unknown option "
     r'\(did you mean "seconds_per_char"\?\)'),
    ("unknown engine", edit(PROFILE, "engine: test, model: daniel", "engine: pipr, model: daniel"),
     r"^voices/default\.yaml: voices\.dan\.engine: 'pipr' is not supported \(did you mean \"piper\"\?\); "
     r"choose one of: .*piper.*test"),
    ("unknown voice", edit(PROFILE, "Daniel: dan", "Daniel: dann"),
     r"^voices/default\.yaml: cast\.Daniel: no voice named 'dann' \(did you mean \"dan\"\?\); "
     r"defined voices: narr, dan, li$"),
    ("unknown fallback voice", edit(PROFILE, "default: narr", "default: nar"),
     r"^voices/default\.yaml: fallback\.default: no voice named 'nar' \(did you mean \"narr\"\?\)"),
    ("unknown speaker", edit(PROFILE, "Daniel: dan", "Danial: dan"),
     r"^voices/default\.yaml: cast\.Danial: 'Danial' is not a character of the book \(did you mean \"Daniel\"\?\)"),
    ("the narrator cast by another name", edit(PROFILE, "Daniel: dan", "Daniel: dan\n  I (me): dan"),
     r"^voices/default\.yaml: cast\.I \(me\): 'I \(me\)' is not a speaker of the script: a first-person narrator "
     r"the book never names speaks as 'I \(first-person narrator\)'; cast that"),
    ("alias cast", lambda b: (edit(BOOK_YAML, "{name: Daniel, gender: male}",
                                   "{name: Daniel, gender: male, aliases: [Dan]}")(b),
                              edit(PROFILE, "Daniel: dan", "Dan: dan")(b)),
     r"^voices/default\.yaml: cast\.Dan: 'Dan' is another name for Daniel; cast Daniel instead$"),
    ("a key YAML reads as true", edit(PROFILE, "  Narrator: narr", "  Narrator: narr\n  yes: narr"),
     r"^voices/default\.yaml: cast: a key YAML reads as true \(yes, on\); put the name in quotes$"),
    ("unknown gender", edit(BOOK_YAML, "gender: male", "gender: mail"),
     r"^manuscript/book\.yaml: characters\[0\]\.gender: 'mail' is not one of male, female, unknown$"),
    ("unknown thoughts setting", edit(BOOK_YAML, 'title: "Test Book"', 'title: "Test Book"\nthoughts: thinker'),
     r"^manuscript/book\.yaml: thoughts: 'thinker' is not one of narrator, character$"),
    ("profile not found", lambda b: (b / PROFILE).unlink(), r"^voices/default\.yaml: voice profile not found"),
    ("missing model file", edit(PROFILE, "{engine: test, model: daniel}", "{engine: piper, model: nope.onnx}"),
     r"^voices/default\.yaml: voice dan: Piper model file .*nope\.onnx not found"),
    ("corrupt model file", corrupt_model,
     r"^voices/default\.yaml: voice dan: Piper model file .*broken\.onnx is damaged \(not an ONNX model\); "
     r"download the voice again$"),
    ("corrupt model config", lambda b: (corrupt_model(b), write("voices/broken.onnx", HOLLOW_ONNX)(b),
                                        write("voices/broken.onnx.json", "{nope")(b)),
     r"^voices/default\.yaml: voice dan: Piper config .*broken\.onnx\.json is not valid JSON"),
    ("manuscript with no text", no_text, r"manuscript: the manuscript has no text$"),
    ("binary manuscript", write(CHAPTER, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
     r"^manuscript/01-first\.md: a binary file, not text \(a NUL byte at byte 8\)"),
    ("not UTF-8", write(CHAPTER, "# T\n\nCafé au lait.\n".encode("latin-1")),
     r"^manuscript/01-first\.md: not UTF-8 text \(byte 8\); save it as UTF-8$"),
    ("UTF-16", write(CHAPTER, "# T\n\nHello.\n".encode("utf-16")),
     r"^manuscript/01-first\.md: UTF-16 text; save it as UTF-8$"),
    ("book.yaml not UTF-8", write(BOOK_YAML, b"title: caf\xe9\n"),
     r"^manuscript/book\.yaml: not UTF-8 text \(byte 10\); save it as UTF-8$"),
]


def test_every_mistake_in_book_yaml_and_the_profile_is_reported_in_one_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book")
    edit(BOOK_YAML, 'title: "Test Book"', 'titel: "Test Book"')(book)
    edit(PROFILE, "model: narrator}", "model: narrator, colour: dark}")(book)
    edit(PROFILE, "  Narrator: narr", "  Narrator: nar")(book)
    for command in (["validate"], ["build", "--jobs", "1"]):
        code, _, err = run(*command, "--book", str(book), capsys=capsys, monkeypatch=monkeypatch)
        assert code == 2 and "Traceback" not in err
        assert err.strip().splitlines() == [
            'error: manuscript/book.yaml: titel: unknown key (did you mean "title"?)',
            "error: voices/default.yaml: voices.narr.colour: unknown key; known keys: engine, model, options, "
            "pitch, speed, timbre",
            "error: voices/default.yaml: cast.Narrator: no voice named 'nar' (did you mean \"narr\"?); "
            "defined voices: narr, dan, li",
        ], err


@pytest.mark.parametrize(("name", "change", "message"), ERRORS, ids=[e[0] for e in ERRORS])
def test_bad_input_is_one_clear_line_and_exit_code_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        name: str, change: Callable[[Path], None], message: str) -> None:
    book = make_book(tmp_path / "book")
    change(book)
    for command in (["validate"], ["build", "--jobs", "1"]):
        code, _, err = run(*command, "--book", str(book), capsys=capsys, monkeypatch=monkeypatch)
        lines = err.strip().splitlines()
        assert code == 2, err
        assert len(lines) == 1, err
        assert lines[0].startswith("error: ")
        assert re.search(message, lines[0][len("error: "):]), lines[0]
    # nothing was synthesized
    cache = book / ".audiobook" / "cache"
    assert not cache.exists() or not any(cache.iterdir())


# ------------------------------------------------------------------ read sensibly, with a warning


def one_chapter(tmp_path: Path, text: str | bytes, profile: str | None = None) -> Path:
    book = make_book(tmp_path / "book", {"01-first.md": ""}, **({"profile": profile} if profile else {}))
    write(CHAPTER, text)(book)
    return book


def warnings_of(err: str) -> list[str]:
    lines = err.strip().splitlines()
    assert all(ln.startswith("warning: ") for ln in lines), err
    return [ln[len("warning: "):] for ln in lines if "no cover; ACX needs one" not in ln]   # test_init.py


def test_bom_and_crlf_are_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    book = one_chapter(tmp_path, "\ufeff# Title\r\n\r\nSome text.\r\n\r\n“Hello there,” said Liana.\r\n")
    write(BOOK_YAML, "\ufefftitle: Test Book\r\ncharacters:\r\n  - {name: Liana, gender: female}\r\n"
                     "  - {name: Daniel}\r\n")(book)
    code, out, err = run("script", "--book", str(book), "--format", "jsonl", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and err == ""
    lines = [json.loads(x) for x in out.splitlines()]
    assert [(x["speaker"], x["text"]) for x in lines] == [
        ("Narrator", "Title"), ("Narrator", "Some text."), ("Liana", "Hello there,"), ("Narrator", "said Liana.")]
    code, _, err = run("validate", "--book", str(book), capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and warnings_of(err) == []      # the one warning: no cover


def test_unbalanced_quotation_marks_warn_with_the_line_and_close_at_the_paragraph_end(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = one_chapter(tmp_path, "# T\n\n“Hello there, said Liana.\n\nDaniel nodded.\n\nThe end.” He left.\n")
    code, out, err = run("validate", "--book", str(book), capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and out.startswith("ok:")
    assert warnings_of(err) == [
        "manuscript/01-first.md:3: unbalanced quotation mark: no closing mark in this paragraph; "
        "closed at the end of the paragraph",
        "manuscript/01-first.md:7: closing quotation mark without an opening one; ignored"]
    code, out, _ = run("script", "--book", str(book), "--format", "jsonl", capsys=capsys, monkeypatch=monkeypatch)
    got = [(x["kind"], x["text"]) for x in map(json.loads, out.splitlines())][1:]
    # the open quote ends with its paragraph; the next paragraphs are narration again
    assert got[0] == ("dialogue", "Hello there, said Liana.")
    assert got[1] == ("narration", "Daniel nodded.")
    assert [k for k, _ in got[2:]] == ["narration"] and words(got[2][1]) == ["The", "end", "He", "left"]


def test_a_20000_character_paragraph_without_punctuation_is_read_in_pieces_cut_between_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    vocabulary = ["river", "an", "extraordinarily", "quiet", "mill", "x", "and", "remembered"]
    text = " ".join(vocabulary[(i * 7) % len(vocabulary)] for i in range(3200))
    text = text[:text.rindex(" ", 0, 20_000)]
    assert len(text) > 19_900 and not re.search(r"[.!?,;:]", text)
    fast = "model: narrator, options: {seconds_per_char: 0.02}}"      # less audio to resample
    book = one_chapter(tmp_path, f"# T\n\n{text}\n", TEST_PROFILE.replace("model: narrator}", fast))
    code, _, err = run("validate", "--book", str(book), capsys=capsys, monkeypatch=monkeypatch)
    limit = testtone.TestToneEngine.MAX_CHARS
    expected = pieces(text, limit)
    assert code == 0
    assert warnings_of(err) == [f"manuscript/01-first.md:3: a sentence of more than {limit} characters without "
                                f"a full stop; read in {len(expected)} pieces, cut between words"]
    # the pieces are engine-sized, cut at spaces, and nothing is dropped
    assert " ".join(expected) == text
    assert all(len(p) <= limit for p in expected) and len(expected) == pytest.approx(len(text) / limit, rel=0.1)
    assert all(p.split() == p.split(" ") for p in expected)
    assert sum((p.split() for p in expected), []) == text.split()
    # ... and that is what the engine is given
    prep = prepare(book, BuildOptions(jobs=1))
    job, = [j for j in prep.plan.jobs.values() if len(j.text) > 1000]
    heard: list[str] = []
    real = testtone.TestToneEngine.synthesize

    def listening(self: testtone.TestToneEngine, text: str, voice: object) -> object:
        heard.append(text)
        return real(self, text, voice)  # type: ignore[arg-type]

    monkeypatch.setattr(testtone.TestToneEngine, "synthesize", listening)
    done = render_job(job, str(prep.cache.root))
    assert heard == expected
    per_piece = [round(len(p) * 0.02 * testtone.SAMPLE_RATE) * 2 for p in expected]
    gap = round(job.sentence_pause * SAMPLE_RATE)
    assert done.samples == sum(per_piece) + gap * (len(expected) - 1) and not done.warning


def test_emoji_symbols_and_web_addresses_are_said_sensibly_or_skipped_with_a_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = one_chapter(tmp_path, "# T\n\nShe smiled 😀 and wrote to https://www.example.com/a/b?c=1, "
                                 "at 5° & ★ → done.\n\n🎉🎉🎉\n\nPlain “words” — fine…\n")
    code, _, err = run("validate", "--book", str(book), capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0
    assert warnings_of(err) == [
        "manuscript/01-first.md:5: nothing to say in '🎉🎉🎉'; skipped",
        "manuscript/01-first.md:3: skipped what cannot be spoken: 😀 ★ →; "
        "read the web address https://www.example.com/a/b?c=1 as 'example.com'"]
    prep = prepare(book, BuildOptions(jobs=1))
    texts = sorted(j.text for j in prep.plan.jobs.values())
    assert texts == ["Plain words — fine…", "She smiled and wrote to example.com, at 5 degrees and done.", "T"]
    # ordinary prose is sent exactly as written (so its cache keys never change)
    assert speech("Plain “words” — fine… ’Tis 100% $5.").text == "Plain “words” — fine… ’Tis 100% $5."


def test_a_tag_naming_a_speaker_who_is_not_cast_falls_back_with_a_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = one_chapter(tmp_path, "# T\n\n[Oliver]“Hello there.”\n\n[Danial]“Hi.”\n\n[Liana]“Bye.”\n")
    code, _, err = run("validate", "--book", str(book), capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0
    got = warnings_of(err)
    assert "manuscript/01-first.md:3: speaker [Oliver] is not cast in voices/default.yaml; read by voice narr, " \
           "the fallback (default); add Oliver under cast: to choose a voice" in got
    assert 'manuscript/01-first.md:5: speaker [Danial] (did you mean "Daniel"?) is not cast in ' \
           "voices/default.yaml; read by voice narr, the fallback (default); add Danial under cast: " \
           "to choose a voice" in got
    assert not [w for w in got if "Liana" in w]
    prep = prepare(book, BuildOptions(jobs=1))
    voices = {ln.speaker: prep.plan.voices[(ln.chapter, ln.index)].name for ln in prep.script.lines()}
    assert voices == {"Narrator": "narr", "Oliver": "narr", "Danial": "narr", "Liana": "li"}


def test_an_empty_file_among_chapters_is_skipped_with_a_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book")
    write("manuscript/03-third.md", "\n\n")(book)
    code, out, err = run("validate", "--book", str(book), capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and out.startswith("ok: 2 chapters")
    assert warnings_of(err) == ["manuscript/03-third.md: no text in this file; skipped"]


def test_a_model_that_fails_to_load_stops_the_build_with_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book")
    corrupt_model(book)
    write("voices/broken.onnx", HOLLOW_ONNX)(book)          # passes the cheap check, fails to load
    code, _, err = run("build", "--book", str(book), "--jobs", "1", capsys=capsys, monkeypatch=monkeypatch)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1, err
    assert re.match(r"error: voice dan: cannot load Piper model .*broken\.onnx: .*download it again$", lines[0])


def test_an_engine_failing_on_a_line_names_the_voice_and_the_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book")
    edit(PROFILE, "model: liana}", "model: liana, options: {fail_on: Coffee}}")(book)
    code, _, err = run("build", "--book", str(book), "--jobs", "1", capsys=capsys, monkeypatch=monkeypatch)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1, err
    assert lines[0] == ("error: voice li (test) failed on 'Coffee?': RuntimeError: test engine asked to fail on "
                        "'Coffee'")


def test_a_report_file_that_cannot_be_written_is_refused_before_work(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book")
    code, _, err = run("build", "--book", str(book), "--report", str(tmp_path / "nowhere" / "r.json"),
                       capsys=capsys, monkeypatch=monkeypatch)
    assert code == 2
    assert err.strip().splitlines() == [f"error: --report {tmp_path}/nowhere/r.json: the folder "
                                        f"{tmp_path}/nowhere does not exist"]
    assert not (book / ".audiobook" / "cache").exists()


def test_names_yaml_reads_as_numbers_work(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book")
    edit(PROFILE, "li: {engine: test, model: liana}", "7: {engine: test, model: liana}")(book)
    edit(PROFILE, "Liana: li", "Liana: 7")(book)
    code, out, err = run("validate", "--book", str(book), capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and out.startswith("ok: 2 chapters"), err
