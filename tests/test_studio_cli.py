"""``audiobook studio`` as a user runs it: it prints a URL with a token on 127.0.0.1, serves the
book with it, stops cleanly on SIGTERM; a broken book is one line, not a traceback."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from conftest import make_book, run_cli

BIN = Path(sys.executable).parent


def test_studio_prints_its_url_serves_and_stops_on_sigterm(tmp_path: Path) -> None:
    root = make_book(tmp_path / "b")
    proc = subprocess.Popen([str(BIN / "audiobook"), "studio", "--book", str(root), "--no-browser", "--no-build"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+/)\?token=([\w-]{20,})", first)
        assert m, first
        with urllib.request.urlopen(f"{m.group(1)}api/book?token={m.group(2)}", timeout=10) as resp:
            assert json.load(resp)["title"] == "Test Book"
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_a_broken_book_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_book(tmp_path / "b")
    (root / "voices" / "default.yaml").write_text("voices: {narr: {engine: nope}}\ncast: {Narrator: narr}\n")
    code, out, err = run_cli(["studio", "--book", str(root), "--no-browser"], capsys, monkeypatch)
    assert code == 2
    assert err.startswith("error: voices/default.yaml") and "nope" in err and "Traceback" not in err
