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


SCENE_REACH = 0.05     # a scene break this close to a cut's ideal place (share of a part) is taken


def _cuts(lines: tuple[Line, ...], lengths: list[float], limit_s: float) -> list[int]:
    """Indices of the lines that start parts 2..n: the fewest parts under ``limit_s``, each cut
    near its share of the length, where a scene begins if one is close, else a paragraph, else
    (a paragraph longer than a part) a line."""
    total = sum(lengths[1:])
    elapsed, at = [], 0.0
    for x in lengths:
        elapsed.append(at)
        at += x
    fewest = math.ceil(total / limit_s)
    for n in range(fewest, min(len(lines) - 1, 2 * fewest + 8) + 1):
        cuts: list[int] = []
        reach = SCENE_REACH * total / n
        for k in range(1, n):
            target = lengths[0] + total * k / n
            after = [i for i in range(2, len(lines)) if not cuts or i > cuts[-1]]
            pick = None
            for kinds, near in ((("scene",), reach), (("scene", "paragraph"), total),
                                (("scene", "paragraph", "line"), total)):
                found = [i for i in after if lines[i].brk in kinds and abs(elapsed[i] - target) <= near]
                if found:
                    pick = min(found, key=lambda i: abs(elapsed[i] - target))
                    break
            if pick is None:
                break
            cuts.append(pick)
        bounds = [1, *cuts, len(lines)]
        if len(cuts) == n - 1 and all(sum(lengths[a:b]) <= limit_s for a, b in zip(bounds, bounds[1:], strict=False)):
            return cuts
    return []


def _renumbered(ch: Chapter, number: int, title: str, lines: list[Line]) -> Chapter:
    fixed = []
    for i, ln in enumerate(lines):
        brk = ln.brk if i != 1 or ln.brk == "title" else "heading"    # a part starts after its title
        fixed.append(replace(ln, chapter=number, index=i, brk=brk))
    return Chapter(number, title, ch.source, tuple(fixed))


def _line_no(script: Script, ln: Line) -> int:
    text = script.texts.get(ln.source, "")
    return text.count("\n", 0, ln.start) + 1
