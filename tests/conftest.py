"""Shared fixtures. Tests never touch user state: caches point at tmp dirs (autouse)."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# CI explores the same examples every run (a found bug is pinned with @example, not met by chance);
# locally hypothesis keeps drawing new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]

TEST_PROFILE = """\
voices:
  narr: {engine: test, model: narrator}
  dan: {engine: test, model: daniel}
  li: {engine: test, model: liana}
cast:
  Narrator: narr
  Daniel: dan
  Liana: li
fallback:
  default: narr
"""

TWO_CHAPTERS = {
    "01-first.md": """\
        # The First

        Daniel came home. “Hello there,” he said. “Anyone in?”

        [Liana]“Only me.” She smiled.

        * * *

        Later that night, the house was quiet.
        """,
    "02-second.md": """\
        # The Second

        Morning came. “Coffee?” asked Liana.

        “Please,” said Daniel.
        """,
}


@pytest.fixture(autouse=True)
def _isolate_user_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))      # downloaded voices (catalogue.py)
    monkeypatch.delenv("AUDIOBOOK_DATA", raising=False)
    monkeypatch.setenv("HIBARI_HOME", str(home / "hibari"))
    monkeypatch.setenv("AUDIOBOOK_SERVER", "0")     # no build leaves a server behind (test_server.py turns it on)


def make_book(root: Path, chapters: dict[str, str] | None = None, profile: str = TEST_PROFILE,
              characters: bool = True) -> Path:
    """A small book directory using the test engine."""
    (root / "manuscript").mkdir(parents=True)
    (root / "voices").mkdir()
    for name, text in (chapters or TWO_CHAPTERS).items():
        (root / "manuscript" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    yaml = 'title: "Test Book"\nauthor: "A. Writer"\n'
    if characters:
        yaml += ("characters:\n  - {name: Daniel, gender: male}\n  - {name: Liana, gender: female}\n")
    (root / "manuscript" / "book.yaml").write_text(yaml, encoding="utf-8")
    (root / "voices" / "default.yaml").write_text(profile, encoding="utf-8")
    return root


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return make_book(tmp_path / "book")


@pytest.fixture
def sample_book(tmp_path: Path) -> Path:
    """A copy of the repository's own sample book (manuscript/ and voices/)."""
    dst = tmp_path / "sample"
    dst.mkdir()
    shutil.copytree(REPO / "manuscript", dst / "manuscript")
    shutil.copytree(REPO / "voices", dst / "voices")
    return dst


def interruptible() -> None:
    """A child's SIGINT back to its default before exec (``preexec_fn``): a shell runs a background
    job with SIGINT ignored, and a child would inherit that and never see the test's Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def edit(path: str, old: str, new: str) -> Callable[[Path], None]:
    """A change to a book for a parametrised test: ``old`` replaced by ``new`` in the book's ``path``
    (``old`` must be there)."""
    def apply(book: Path) -> None:
        p = book / path
        text = p.read_text(encoding="utf-8")
        assert old in text, (old, text)
        p.write_text(text.replace(old, new), encoding="utf-8")
    return apply


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    """``audiobook ARGS`` in this process, through the same entry point as the console script:
    (exit code, stdout, stderr)."""
    from audiobook.cli.main import main

    monkeypatch.setattr(sys, "argv", ["audiobook", *args])
    capsys.readouterr()
    try:
        main()
        code = 0
    except SystemExit as e:
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
