"""The voices a starter cast is made of: the two bundled base voices, each varied by pitch and
timbre into people the speaker-similarity meter tells apart (bench/VOICES.md, bench/timbre_grid.py).

Each list is ordered so that its first n voices are as far apart as the grid found for n, and
each is far from the narrator: a book's cast takes them in order. Speed is varied a little for
character only (the meter does not hear it). Past the end of a list the voices repeat.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tone:
    engine: str
    model: str
    pitch: float = 0.0
    timbre: float = 0.0
    speed: float = 1.0

    def yaml(self) -> str:
        parts = [f"engine: {self.engine}", f"model: {self.model}", f"speed: {self.speed:g}"]
        parts += [f"pitch: {self.pitch:g}"] if self.pitch else []
        parts += [f"timbre: {self.timbre:g}"] if self.timbre else []
        return "{" + ", ".join(parts) + "}"


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
