"""build_script on a book directory, and the `audiobook script` command's contract."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from audiobook.book import load_book
from audiobook.cli.main import cli
from audiobook.text.script import build_script

SAMPLE = Path(__file__).resolve().parents[1]   # the repository root is the sample book

SAMPLE_SPEAKERS = [
    ("I don’t have a mother,", "Oliver"),
    ("I already have one like this! Uncle Adam gave me the same one!", "Oliver"),
    ("You’re always off somewhere—I just got tired of being alone,", "Liana"),
    ("I won’t stop you seeing our son. But the flat’s mine. Figure out where to live with your boyfriend,",
     "Daniel"),
    ("Adam and I are leaving. Oliver can stay with you for now. Once we’re settled, I’ll take him back.", "Liana"),
    ("Your boyfriend doesn’t want him around, does he?", "Daniel"),
    ("I barely found where you lived. I want to see my son. I know I did everything wrong…", "Liana"),
    ("Yeah. This is your mum.", "Daniel"),
    ("I don’t have a mother.", "Oliver"),
    ("You heard him. Don’t come back.", "Daniel"),
]


def write_book(root: Path, files: dict[str, str], yaml: str = 'title: "T"\n') -> Path:
    (root / "manuscript").mkdir(parents=True)
    (root / "manuscript" / "book.yaml").write_text(yaml, encoding="utf-8")
    for name, text in files.items():
        (root / "manuscript" / name).write_bytes(text.encode("utf-8"))
    return root


def test_sample_book_every_quote_attributed_without_tags() -> None:
    sc = build_script(load_book(SAMPLE))
    got = [(ln.text, ln.speaker) for ln in sc.lines() if ln.kind == "dialogue"]
    assert got == SAMPLE_SPEAKERS
    assert "[" not in "".join(p.read_text(encoding="utf-8") for p in load_book(SAMPLE).manuscript_files())
    assert sc.warnings == ()


def test_sample_book_every_quote_attributed_without_its_cast_list(tmp_path: Path) -> None:
    """The sample book with `characters:` taken out of book.yaml: discovery finds the same speakers."""
    shutil.copytree(SAMPLE / "manuscript", tmp_path / "manuscript")
    yaml = tmp_path / "manuscript" / "book.yaml"
    yaml.write_text(re.sub(r"(?ms)^characters:.*?(?=^\S|\Z)", "", yaml.read_text(encoding="utf-8")), encoding="utf-8")
    book = load_book(tmp_path)
    assert book.characters is None
    assert [(ln.text, ln.speaker) for ln in build_script(book).lines() if ln.kind == "dialogue"] == SAMPLE_SPEAKERS


def test_sample_book_structure_and_offsets() -> None:
    book = load_book(SAMPLE)
    sc = build_script(book)
    assert [c.title for c in sc.chapters] == ["A Terrible Mother", "The Gift", "Years Later"]
    for ch in sc.chapters:
        text = (book.root / ch.source).read_bytes().decode("utf-8")
        title = ch.lines[0]
        assert (title.brk, title.kind, title.speaker, title.paragraph) == ("title", "narration", "Narrator", 0)
        assert text[title.start:title.end] == ch.title
        assert ch.lines[1].brk == "heading"
        assert [ln.index for ln in ch.lines] == list(range(len(ch.lines)))
        for ln in ch.lines[1:]:
            if ln.kind == "dialogue":
                assert text[ln.start:ln.end] == ln.text
                assert 0 < ln.confidence <= 1 and ln.reason
            else:
                assert ln.speaker == "Narrator"


def test_lines_of_one_paragraph_and_breaks(tmp_path: Path) -> None:
    book = write_book(tmp_path, {"01-the-call.md": "“Come,” said Ann, “now.”\n\n* * *\n\nThey went."})
    sc = build_script(load_book(book))
    ch, = sc.chapters
    assert ch.title == "The Call" and (ch.lines[0].start, ch.lines[0].end) == (0, 0)
    assert [(ln.kind, ln.brk, ln.paragraph, ln.speaker) for ln in ch.lines] == [
        ("narration", "title", 0, "Narrator"),
        ("dialogue", "heading", 1, "Ann"), ("narration", "line", 1, "Narrator"), ("dialogue", "line", 1, "Ann"),
        ("narration", "scene", 2, "Narrator")]


def test_tag_names_the_speaker_and_unknown_tag_warns(tmp_path: Path) -> None:
    yaml = 'title: "T"\ncharacters:\n  - name: Ann\n    gender: female\n'
    book = write_book(tmp_path, {"a.md": "Ann sat.\n\n[Bob]“Hello.”\n\n[Ann]“Hi.”"}, yaml)
    sc = build_script(load_book(book))
    dl = [ln for ln in sc.lines() if ln.kind == "dialogue"]
    assert [(ln.speaker, ln.reason, ln.confidence) for ln in dl] == [("Bob", "tag", 1.0), ("Ann", "tag", 1.0)]
    assert sc.warnings == ("manuscript/a.md:3: speaker tag [Bob] is not in the characters of book.yaml",)


def test_script_jsonl_contract() -> None:
    result = CliRunner().invoke(cli, ["script", "--book", str(SAMPLE), "--format", "jsonl", "--chapter", "2"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.output.splitlines() if x.strip()]
    keys = {"chapter", "index", "kind", "speaker", "text", "source", "start", "end",
            "confidence", "reason", "paragraph", "break", "line", "gender", "narrated"}
    assert all(set(r) == keys for r in rows)
    assert {r["chapter"] for r in rows} == {2}
    assert rows[0]["break"] == "title" and rows[0]["source"] == "manuscript/02-the-gift.md"


def test_script_text_format_shows_speakers() -> None:
    result = CliRunner().invoke(cli, ["script", "--book", str(SAMPLE), "--chapter", "3"])
    assert result.exit_code == 0
    assert "Daniel  You heard him. Don’t come back." in result.output


@pytest.mark.parametrize(("content", "message"), [
    (b"caf\xe9", "error: manuscript/a.md: not UTF-8 text (byte 3); save it as UTF-8"),
    (b"", "error: "),
])
def test_script_errors_are_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / "manuscript").mkdir()
    (tmp_path / "manuscript" / "a.md").write_bytes(content)
    p = subprocess.run([sys.executable, "-c", "from audiobook.cli import main; main()", "script", "--book",
                        str(tmp_path)], capture_output=True, text=True)
    assert p.returncode == 2
    assert p.stderr.startswith(message) and len(p.stderr.strip().splitlines()) == 1
    assert "Traceback" not in p.stderr


def test_cast_counts_a_speakers_words_as_the_book_counts_words(tmp_path: Path) -> None:
    """`audiobook cast`'s words per character use the text side's one word pattern (tokens.py): a
    dash or an ellipsis standing alone is no word."""
    from audiobook.text.script import cast_of

    root = write_book(tmp_path, {"01.md": "# One\n\n“Wait — stop ... now,” said Rosa. “Fine,” said Tomas.\n"},
                      'title: "T"\ncharacters:\n  - {name: Rosa, gender: female}\n  - {name: Tomas, gender: male}\n')
    words = {e.name: e.words for e in cast_of(load_book(root))}
    assert words["Rosa"] == 3 and words["Tomas"] == 1
