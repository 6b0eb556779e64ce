"""The studio's fixes, without a browser: tags and text written into the manuscript exactly as a
user would type them (every other byte kept), stale edits refused, and a voice's pitch and speed
written into its profile with the comments and layout kept."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from audiobook.book import load_book
from audiobook.studio import Studio
from audiobook.studio.edits import EditError, replace_text, tag_speaker, write_manuscript
from audiobook.studio.profile import set_voice
from audiobook.text.manuscript import parse_text
from audiobook.text.script import build_script, script_of

from conftest import make_book


def lines_of(text: str) -> list:
    from audiobook.text.characters import discover

    ms = parse_text(text, "manuscript/a.md")
    return script_of(ms, discover(ms)).chapters[0].lines


def quote(lines: list, words: str):
    return next(ln for ln in lines if ln.kind == "dialogue" and words in ln.text)


def test_a_tag_is_inserted_right_before_the_opening_mark() -> None:
    text = "# One\n\nMara looked up. “Is it late?” she asked.\n\n“Very,” said Tom.\n"
    new = tag_speaker(text, quote(lines_of(text), "late"), "Tom")
    assert new == text.replace("“Is it", "[Tom]“Is it")
    assert quote(lines_of(new), "late").speaker == "Tom"


def test_an_existing_tag_is_replaced_not_doubled() -> None:
    text = "# One\n\n[Mara]\"Is it late?\" she asked.\r\n\r\n\"Very,\" said Tom.\r\n"
    new = tag_speaker(text, quote(lines_of(text), "late"), "Narrator")
    assert new == text.replace("[Mara]", "[Narrator]")       # CRLF and straight quotes kept


def test_a_tag_on_the_next_line_is_not_taken_for_this_quotes() -> None:
    text = "# One\n\nHe wrote [sic]\n“Go home,” said Ann.\n"
    new = tag_speaker(text, quote(lines_of(text), "Go home"), "Bea")
    assert new == text.replace("“Go", "[Bea]“Go")


def test_narration_has_no_quote_to_tag() -> None:
    text = "# One\n\nThe rain fell all night.\n"
    with pytest.raises(EditError, match="narration"):
        tag_speaker(text, lines_of(text)[1], "Tom")
    with pytest.raises(EditError, match="brackets"):
        tag_speaker("# One\n\n“Hi,” she said.\n", quote(lines_of("# One\n\n“Hi,” she said.\n"), "Hi"), "A]B")


def test_text_edit_replaces_only_the_lines_span() -> None:
    text = "# One\n\nThe rain *fell* all night. “Stay,” said Ann.\n"
    ln = lines_of(text)[1]
    assert text[ln.start:ln.end] == "The rain *fell* all night."
    assert replace_text(text, ln, "The snow fell.") == text.replace("The rain *fell* all night.", "The snow fell.")
    with pytest.raises(EditError):
        replace_text(text, ln, "One.\n\nTwo.")


def test_the_file_is_written_only_if_unchanged_since_read(tmp_path: Path) -> None:
    root = make_book(tmp_path / "b")
    path = root / "manuscript" / "01-first.md"
    text = path.read_text(encoding="utf-8")
    path.chmod(0o640)
    write_manuscript(root, "manuscript/01-first.md", text, text + "More.\n")
    assert path.read_bytes() == (text + "More.\n").encode()
    assert path.stat().st_mode & 0o777 == 0o640
    with pytest.raises(EditError, match="changed on disk"):
        write_manuscript(root, "manuscript/01-first.md", text, text)
    with pytest.raises(EditError, match="not a file of this book"):
        write_manuscript(root, "voices/default.yaml", "", "")
    with pytest.raises(EditError, match="not a file of this book"):
        write_manuscript(root, "manuscript/../../outside.md", "", "")


def test_studio_reassigns_and_edits_through_the_manuscript(tmp_path: Path) -> None:
    root = make_book(tmp_path / "b")
    studio = Studio(root, build=False)
    ch = studio.snapshot.chapter(2)
    ln = next(x for x in ch.lines if x.text == "Please,")
    before = (root / ln.source).read_bytes()
    studio.set_speaker(2, ln.index, "Liana", ln.text)
    after = (root / ln.source).read_bytes()
    assert after == before.replace("“Please,”".encode(), "[Liana]“Please,”".encode())
    assert studio.snapshot.line(2, ln.index).speaker == "Liana"
    assert studio.snapshot.line(2, ln.index).reason == "tag"
    studio.set_speaker(1, 2, "Narrator", "Hello there,")      # not spoken: the narrator reads it, no warning
    assert studio.snapshot.line(1, 2).speaker == "Narrator"
    assert not studio.snapshot.prep.script.warnings
    with pytest.raises(EditError, match="has changed"):
        studio.set_speaker(2, ln.index, "Daniel", "something else")
    studio.set_text(2, 1, "Evening came.", "Morning came.")
    assert (root / ln.source).read_bytes() == after.replace(b"Morning came.", b"Evening came.")
    assert [x.text for x in build_script(load_book(root)).chapters[1].lines][1] == "Evening came."


def test_profile_edit_keeps_comments_and_layout(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    original = textwrap.dedent("""\
        # my cast
        voices:
          narr: {engine: test, model: narrator}   # flow style kept
          dan:                # a grown man
            engine: test
            model: daniel
            speed: 1.0
        cast:
          Narrator: narr
          Daniel: dan
        """)
    path.write_text(original, encoding="utf-8")
    path.chmod(0o644)
    set_voice(path, "dan", {"pitch": -2.5, "speed": 1.1})
    assert path.stat().st_mode & 0o777 == 0o644
    set_voice(path, "narr", {"pitch": 3})
    assert path.read_text(encoding="utf-8") == original.replace("speed: 1.0", "speed: 1.1\n    pitch: -2.5").replace(
        "model: narrator}   #", "model: narrator, pitch: 3} #")      # the comment keeps its column when it can
    with pytest.raises(EditError, match="from -12 to 12"):
        set_voice(path, "dan", {"pitch": 40})
    with pytest.raises(EditError, match="no voice named"):
        set_voice(path, "nobody", {"pitch": 1})


def test_a_chapters_page_of_lines_with_filters_and_its_warnings(tmp_path: Path) -> None:
    from audiobook.studio import views

    root = make_book(tmp_path / "b", {"01-a.md": "# A\n\n“Open,” said Daniel. “Never closed.\n\nLiana smiled.\n"})
    studio = Studio(root, build=False)
    page = views.lines(studio, 1)
    assert [ln["speaker"] for ln in page["lines"]] == ["Narrator", "Daniel", "Narrator", "Daniel", "Narrator"]
    assert any("unbalanced quotation mark" in w for w in page["warnings"])
    assert [ln["text"] for ln in views.lines(studio, 1, speaker="Daniel")["lines"]] == ["Open,", "Never closed."]
    review = views.lines(studio, 1, filter="review")["lines"]
    assert [ln["review"] for ln in review] == sorted(ln["review"] for ln in review) and review
    assert all(ln["audio"] is False and ln["at"] is None for ln in page["lines"])
