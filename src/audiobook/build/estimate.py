"""How long a line will sound, before it is synthesized: for lines already in the cache, their
length; for the others, their characters at the speaking rate measured on the same voice's cached
lines (else a voice's usual rate, or the test engine's exact one), plus the pause before them.
Used to announce and cut chapters longer than a file may hold (text/parts.py)."""

from __future__ import annotations

from collections.abc import Callable

from audiobook.config import Pauses
from audiobook.model import SAMPLE_RATE, Line
from audiobook.voice import planning
from audiobook.voice.cache import LineCache
from audiobook.voice.engines.testtone import SECONDS_PER_CHAR

CHARS_PER_SECOND = 14.0       # about 150 words a minute: audiobook narration's usual pace


def speaking_time(plan: planning.Plan, lines: list[Line], cache: LineCache, pauses: Pauses) -> Callable[[Line], float]:
    """A function giving each of ``lines`` (planned in ``plan``) its estimated seconds."""
    measured: dict[str, list[float]] = {}     # voice name -> [seconds, characters] of its cached lines
    known: dict[tuple[int, int], float] = {}
    for ln in lines:
        pos = (ln.chapter, ln.index)
        key, voice = plan.keys.get(pos), plan.voices.get(pos)
        n = cache.samples(key) if key is not None else None
        if n is not None and voice is not None and ln.text:
            known[pos] = n / SAMPLE_RATE
            m = measured.setdefault(voice.name, [0.0, 0.0])
            m[0] += n / SAMPLE_RATE
            m[1] += len(ln.text)
    gap = {"title": pauses.title, "heading": pauses.paragraph, "paragraph": pauses.paragraph,
           "scene": pauses.scene, "line": pauses.line}

    def seconds(ln: Line) -> float:
        pos = (ln.chapter, ln.index)
        if pos in known:
            said = known[pos]
        else:
            voice = plan.voices.get(pos)
            m = measured.get(voice.name) if voice is not None else None
            if m and m[1] > 0:
                per_char = m[0] / m[1]
            elif voice is not None and voice.engine == "test":
                per_char = float(voice.option("seconds_per_char", SECONDS_PER_CHAR)) / voice.speed
            else:
                per_char = 1 / (CHARS_PER_SECOND * (voice.speed if voice is not None else 1.0))
            said = len(ln.text) * per_char
        return said + gap.get(ln.brk, pauses.paragraph)
    return seconds
