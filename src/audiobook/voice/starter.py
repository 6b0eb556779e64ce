"""A starter voice profile for a book's cast (``audiobook cast --write voices``): one voice per
speaking character, the most distinct the bundled voices give, the narrator apart from all, and
fallbacks; built as data and written with ``yaml.safe_dump``.

The palette: the two bundled base voices, each varied by pitch and timbre into people the
speaker-similarity meter tells apart (bench/VOICES.md, bench/timbre_grid.py). Each list is ordered
so that its first n voices are as far apart as the grid found for n, and each is far from the
narrator: a book's cast takes them in order. Speed is varied a little for character only (the
meter does not hear it). Past the end of a list the voices repeat.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from audiobook.model import UNNAMED_NARRATOR
from audiobook.text.script import CastEntry


@dataclass(frozen=True)
class Tone:
    engine: str
    model: str
    pitch: float = 0.0
    timbre: float = 0.0
    speed: float = 1.0

    def settings(self) -> dict[str, Any]:
        d: dict[str, Any] = {"engine": self.engine, "model": self.model, "speed": self.speed}
        d.update({k: v for k, v in (("pitch", self.pitch), ("timbre", self.timbre)) if v})
        return d


NARRATOR = Tone("piper", "joe", pitch=-4.0, speed=0.95)        # a deep voice, apart from every character
FEMALE = [
    Tone("hibari", "heart", pitch=-2.0, timbre=4.0, speed=1.05),   # lower, from a smaller throat
    Tone("hibari", "heart", pitch=4.0, timbre=-4.0, speed=1.0),    # higher, the same throat
    Tone("hibari", "heart", pitch=-2.0, timbre=-2.0, speed=0.97),  # low and full, older
]
MALE = [
    Tone("piper", "joe", pitch=4.0, timbre=-4.0, speed=1.0),       # higher, the same throat
    Tone("piper", "joe", pitch=-2.0, timbre=4.0, speed=1.05),      # low voice, smaller throat
    Tone("piper", "joe", pitch=4.0, speed=1.05),                   # young
]


def starter_profile(entries: list[CastEntry]) -> tuple[dict[str, Any], list[str]]:
    """The profile as data, and a note per character on how it was cast (for the file's header)."""
    voices: dict[str, Any] = {"storyteller": NARRATOR.settings()}
    cast: dict[str, str] = {"Narrator": "storyteller"}
    notes: list[str] = []
    first: dict[str, str] = {}            # engine -> the first character voice on it (the fallbacks)
    counts = {"female": 0, "male": 0}
    for e in entries:
        if not e.lines:
            continue
        if e.name == UNNAMED_NARRATOR:
            cast[e.name] = "storyteller"
            notes.append(f"{e.name}: the narrator's voice")
            continue
        g = e.gender if e.gender in counts else ("female" if counts["female"] < counts["male"] else "male")
        palette = FEMALE if g == "female" else MALE
        tone = palette[counts[g] % len(palette)]
        counts[g] += 1
        vid = _voice_id(e.name, voices)
        voices[vid] = tone.settings()
        cast[e.name] = vid
        first.setdefault(tone.engine, vid)
        notes.append(f"{e.name}: {vid}, {e.lines} lines" + ("" if e.gender == g else ", gender unknown")
                     + (", the same voice as another: change it" if counts[g] > len(palette) else ""))
    fallback = {"male": first.get("piper", "storyteller"), "female": first.get("hibari", "storyteller"),
                "default": "storyteller"}
    return {"voices": voices, "cast": cast, "fallback": fallback}, notes


def voices_yaml(entries: list[CastEntry], title: str = "") -> str:
    """The starter profile as YAML, its header saying how each character was cast."""
    data, notes = starter_profile(entries)
    head = [f"# Starter voice profile{' for ' + title if title else ''}, written by `audiobook cast --write voices`.",
            *(f"#   {n}" for n in notes)]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=None, width=120)
    return "\n".join(head) + "\n" + body


def _voice_id(name: str, used: dict[str, Any]) -> str:
    base = "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split()) or "voice"
    vid, n = base, 2
    while vid in used:
        vid, n = f"{base}-{n}", n + 1
    return vid
