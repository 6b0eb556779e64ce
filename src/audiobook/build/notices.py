"""Which warnings a build shows. A warning about a line of the book ("manuscript/03.md:17: ...")
is shown by the build that synthesizes a line of its paragraph, and by ``validate``; a later
build that only reuses those lines keeps it in its report without repeating it. Warnings
about no line (the cover, a model, the output folder) are always shown."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from audiobook.model import Line, Script

_WHERE = re.compile(r"^(?P<source>[^:\n]+):(?P<line>\d+): ")


@dataclass(frozen=True)
class _Span:
    first: int                # 1-based file lines the paragraph's script lines cover
    last: int
    keys: frozenset[str]


def shown(warnings: Iterable[str], script: Script, keys: Mapping[tuple[int, int], str],
          synthesized: set[str]) -> tuple[list[str], int]:
    """(the warnings to show, how many were held back) for a build that synthesized the lines
    whose cache keys are ``synthesized``; ``keys`` maps (chapter, index) to a line's key."""
    spans = _spans(script, keys)
    show: list[str] = []
    held = 0
    for w in dict.fromkeys(warnings):           # each once
        m = _WHERE.match(w)
        hit = [s for s in spans.get(m.group("source"), ()) if s.first <= int(m.group("line")) <= s.last] if m else []
        if hit and not any(s.keys & synthesized for s in hit):
            held += 1
        else:
            show.append(w)
    return show, held


def _spans(script: Script, keys: Mapping[tuple[int, int], str]) -> dict[str, list[_Span]]:
    paragraphs: dict[tuple[int, int], list[Line]] = {}
    for ln in script.lines():
        if ln.end > ln.start:
            paragraphs.setdefault((ln.chapter, ln.paragraph), []).append(ln)
    starts: dict[str, list[int]] = {}
    out: dict[str, list[_Span]] = {}
    for lines in paragraphs.values():
        source = lines[0].source
        text = script.texts.get(source)
        if text is None:
            continue
        if source not in starts:
            starts[source] = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        first = bisect_right(starts[source], min(ln.start for ln in lines))
        last = bisect_right(starts[source], max(ln.end for ln in lines))
        found = frozenset(k for ln in lines if (k := keys.get((ln.chapter, ln.index))) is not None)
        out.setdefault(source, []).append(_Span(first, last, found))
    return out
