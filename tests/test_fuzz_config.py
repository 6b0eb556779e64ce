"""book.yaml and the voice profile, fuzzed (issue 16): random types, NaN and infinity, aliases,
deep nesting, huge strings. Whatever they hold, a build ends with exit code 0 or 2 and one line
per problem, never a traceback, within 10 s and 500 MB, and writes or removes nothing outside the
book's output/ and .audiobook/ and the user cache."""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import TEST_PROFILE, make_book

BOOK = {"title": "Test Book", "author": "A. Writer", "narrator": "N. Reader", "year": "2026", "language": "en",
        "credits": {"opening": True, "closing": False}, "pauses": {"paragraph": 0.9, "scene": 2.0},
        "thoughts": "narrator",
        "characters": [{"name": "Daniel", "gender": "male", "aliases": ["Dan"]}, {"name": "Liana"}]}
PROFILE = yaml.safe_load(TEST_PROFILE) | {"pauses": {"sentence": 0.3},
                                          "mastering": {"target": -20, "room_tone": -72, "meter": "rms"}}

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**20, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([math.nan, math.inf, -math.inf, 1e9, -0.0]),
    st.text(max_size=40), st.text(alphabet="\x00\x07\x1b\x7f\x9b\u202eab", max_size=20),
    st.sampled_from(["x" * 300_000, "Über " * 60, "narr", "test", "piper", "hibari", "coqui", "../../x",
                     "/dev/zero", "cover.jpg", "rms", "lufs"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)


def _paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in ``data`` a value can be put."""
    found = [here]
    if isinstance(data, dict):
        for k, v in data.items():
            found += _paths(v, (*here, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found += _paths(v, (*here, i))
    return found


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any]) -> str:
    """``base`` with a few values replaced by anything, then as YAML, maybe with YAML's own tricks."""
    data = yaml.safe_load(yaml.safe_dump(base))
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.sampled_from(_paths(data)))
        if not where:
            if draw(st.booleans()):
                data = draw(values)
            continue
        parent = data
        for step in where[:-1]:
            parent = parent[step]
        parent[where[-1]] = draw(values)
    text = yaml.safe_dump(data, allow_unicode=True, width=10**9) if draw(st.booleans()) else yaml.dump(data)
    trick = draw(st.sampled_from(["", "bomb", "deep", "deep-block", "alias", "1e9", "junk"]))
    key = draw(st.sampled_from(["pauses", "title", "mastering", "voices", "x"]))
    if trick == "bomb":
        text += "x0: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
            f"x{i}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(1, 9))
        text += f"{key}: *i\n"
    elif trick == "deep":
        n = draw(st.sampled_from([60, 70, 3000]))
        text += f"{key}: " + "[" * n + "]" * n + "\n"
    elif trick == "deep-block":
        text += f"{key}:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(draw(st.sampled_from([70, 900]))))
    elif trick == "alias":
        text = text.replace("paragraph:", "paragraph: &p", 1) + f"{key}: *p\n" if "paragraph:" in text else text
    elif trick == "1e9":
        text += f"{key}: {draw(st.sampled_from(['1e9', '.nan', '-.inf', '1_0', '0x1F', '1e400']))}\n"
    elif trick == "junk":
        text += draw(st.text(max_size=30))
    return text


def _snapshot(root: Path, skip: tuple[Path, ...]) -> dict[str, tuple[int, int]]:
    out = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if Path(folder, d) not in skip]
        for name in files:
            p = Path(folder, name)
            st_ = p.lstat()
            out[str(p)] = (st_.st_size, st_.st_mtime_ns)
    return out


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 40)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(book_yaml=mutated(BOOK), profile=mutated(PROFILE))
@example(book_yaml="pauses: {paragraph: .nan}\n", profile=yaml.safe_dump(PROFILE))
@example(book_yaml="title: Test\n", profile=TEST_PROFILE + "mastering: {room_tone: .nan}\n")
@example(book_yaml='title: "a\\0b"\n', profile=TEST_PROFILE.replace("model: daniel}", "model: daniel, speed: .nan}"))
def test_any_book_yaml_and_profile_end_in_0_or_2_within_bounds(
        book_yaml: str, profile: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from audiobook.cli.main import main

    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        root = Path(tmp)
        book = make_book(root / "book")
        (book / "manuscript" / "book.yaml").write_text(book_yaml, encoding="utf-8")
        (book / "voices" / "default.yaml").write_text(profile, encoding="utf-8")
        (root / "outside.txt").write_text("keep me")
        allowed = (book / "output", book / ".audiobook")
        before = _snapshot(root, allowed)
        monkeypatch.setattr(sys, "argv", ["audiobook", "build", "--book", str(book), "--quiet"])
        capsys.readouterr()
        tracemalloc.start()
        t0 = time.perf_counter()
        try:
            main()
            code = 0
        except SystemExit as e:
            code = int(e.code or 0)
        finally:
            seconds = time.perf_counter() - t0
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        out, err = capsys.readouterr()
        assert code in (0, 2), err
        assert "Traceback" not in out + err
        assert seconds < 10, f"{seconds:.1f} s"
        assert peak < 500 << 20, f"{peak / 2**20:.0f} MiB"
        if code == 2:
            assert all(ln.startswith(("error: ", "warning: ")) and len(ln) < 1000 for ln in err.splitlines()), err
        assert _snapshot(root, allowed) == before          # nothing outside output/ and .audiobook/
