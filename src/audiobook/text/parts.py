"""Chapters longer than a retailer allows in one file (ACX: 120 minutes) become parts: the fewest
that each fit, near-equal in length, cut where a scene begins (else a paragraph, else, for one
paragraph longer than the limit, a line). Each part is a chapter of its own, titled "Chapter 3,
part 1 of 3", with its own file and chapter marker; the chapters after it are numbered on."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from audiobook.model import NARRATOR, Chapter, Line, Script

ACX_MINUTES = 120.0


@dataclass(frozen=True)
class Split:
    script: Script
    notes: list[str]          # one per chapter split: its estimated length and its parts


def split_long_chapters(script: Script, seconds: Callable[[Line], float], limit_s: float,
                        limit_minutes: float = ACX_MINUTES) -> Split:
    """``script`` with every chapter whose estimated length (the sum of ``seconds`` over its lines)
    is over ``limit_s`` cut into parts; ``limit_s`` <= 0 splits nothing. ``limit_minutes`` is the
    limit as the user set it (for the notes; ``limit_s`` may keep a margin)."""
    if limit_s <= 0:
        return Split(script, [])
    out: list[Chapter] = []
    notes: list[str] = []
    for ch in script.chapters:
        lengths = [seconds(ln) for ln in ch.lines]
        total = sum(lengths)
        if total <= limit_s or len(ch.lines) < 3:
            out.append(_renumbered(ch, len(out) + 1, ch.title, list(ch.lines)))
            continue
        cuts = _cuts(ch.lines, lengths, limit_s)
        if not cuts:
            out.append(_renumbered(ch, len(out) + 1, ch.title, list(ch.lines)))
            continue
        bounds = [1, *cuts, len(ch.lines)]
        n = len(bounds) - 1
        sizes = [sum(lengths[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        title = ch.lines[0]
        for p, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False), start=1):
            name = f"{ch.title}, part {p} of {n}"
            head = title if p == 1 else Line(0, 0, "narration", NARRATOR, "", ch.source, 0, 0, brk="title")
            out.append(_renumbered(ch, len(out) + 1, name, [replace(head, text=name), *ch.lines[a:b]]))
        first = _line_no(script, title)
        notes.append(f"{ch.source}:{first}: chapter {ch.number} \"{ch.title}\" is about {total / 60:.1f} minutes "
                     f"(estimated from the voices' speaking rate), over the {limit_minutes:g} minutes a file may "
                     f"hold: read as {n} parts of about {', '.join(f'{s / 60:.0f}' for s in sizes)} minutes, "
                     f"each its own file and chapter marker")
    return Split(Script(tuple(out), script.warnings, script.texts), notes)


def _cuts(lines: tuple[Line, ...], lengths: list[float], limit_s: float) -> list[int]:
    """Indices of the lines that start parts 2..n: the fewest parts under ``limit_s``, each cut at
    the best boundary near its share of the length."""
    total = sum(lengths[1:])
    for kinds in (("scene",), ("scene", "paragraph"), ("scene", "paragraph", "line")):
        starts = [i for i in range(2, len(lines)) if lines[i].brk in kinds]
        for n in range(math.ceil(total / limit_s), len(starts) + 2):
            cuts = _nearest(starts, lengths, n)
            bounds = [1, *cuts, len(lines)]
            if len(set(bounds)) == len(bounds) and \
                    all(sum(lengths[a:b]) <= limit_s for a, b in zip(bounds, bounds[1:], strict=False)):
                return cuts
            if n > 4 * math.ceil(total / limit_s) + 4:
                break
    return []


def _nearest(starts: list[int], lengths: list[float], n: int) -> list[int]:
    """For parts 2..n, the boundary in ``starts`` nearest to k/n of the chapter's length (each
    after the previous one)."""
    elapsed, at = [], 0.0
    for x in lengths:
        elapsed.append(at)
        at += x
    total = at - lengths[0]
    cuts: list[int] = []
    for k in range(1, n):
        target = lengths[0] + total * k / n
        after = [i for i in starts if not cuts or i > cuts[-1]]
        if not after:
            break
        cuts.append(min(after, key=lambda i: abs(elapsed[i] - target)))
    return cuts


def _renumbered(ch: Chapter, number: int, title: str, lines: list[Line]) -> Chapter:
    fixed = []
    for i, ln in enumerate(lines):
        brk = ln.brk if i != 1 or ln.brk == "title" else "heading"    # a part starts after its title
        fixed.append(replace(ln, chapter=number, index=i, brk=brk))
    return Chapter(number, title, ch.source, tuple(fixed))


def _line_no(script: Script, ln: Line) -> int:
    text = script.texts.get(ln.source, "")
    return text.count("\n", 0, ln.start) + 1
