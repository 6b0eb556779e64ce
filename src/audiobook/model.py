"""The pipeline's shared value types: the script (lines, chapters), characters, voices, and the
audio format. Every stage imports these from here; this module imports nothing of the project."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import numpy as np

SAMPLE_RATE = 44100            # the pipeline's audio format: 44.1 kHz mono 16-bit
GENDERS = ("male", "female", "unknown")
MAX_NAME_BYTES = 200          # an output file name (a title), in UTF-8 bytes: the system allows 255

NARRATOR = "Narrator"
UNNAMED_NARRATOR = "I (first-person narrator)"   # the speaker of "I said" when the book never names its narrator

Kind = Literal["narration", "dialogue"]
# What comes before a line, which sets the pause in front of it (see config.Pauses):
#   "title"     the line is the chapter title (first line of a chapter)
#   "heading"   first line after the title
#   "paragraph" first line of a new paragraph
#   "scene"     first line after a scene break
#   "line"      another line of the same paragraph (e.g. the "he said" inside a quote)
Break = Literal["title", "heading", "paragraph", "scene", "line"]


@dataclass(frozen=True)
class Line:
    chapter: int          # 1-based chapter number
    index: int            # 0-based position within the chapter, in reading order
    kind: Kind
    speaker: str          # NARRATOR for narration
    text: str             # what is spoken (speaker tags and quotation marks removed)
    source: str           # manuscript file, relative to the book dir, with "/" separators
    start: int            # str offsets into that file of the span the line comes from
    end: int
    paragraph: int = 0    # 0-based paragraph number within the chapter (the title is paragraph 0)
    brk: Break = "paragraph"
    confidence: float = 1.0   # how sure attribution is of ``speaker`` (1.0 for narration and tags)
    reason: str = ""          # why this speaker, e.g. 'tag', 'explicit: "said Rosa"', 'turn-taking'
    line: int = 0             # 1-based line of ``source`` where the span starts (0: not from a file)
    gender: str = "unknown"   # the speaker's (from the cast list, discovery, or a description)
    narrated: bool = False    # the narration voice reads it though ``speaker`` thinks it (a thought), or nobody says it

    @property
    def reader(self) -> str:
        """Whose voice reads the line: the narrator's for a narrated one, else the speaker's."""
        return NARRATOR if self.narrated else self.speaker

    @property
    def reader_gender(self) -> str:
        """The gender a voice for ``reader`` is chosen by when the profile casts none."""
        return "unknown" if self.narrated else self.gender

    @property
    def location(self) -> str:
        """``file:line`` for messages, from the text as it was read (not as it is now on disk)."""
        return f"{self.source}:{self.line}" if self.line else self.source

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["break"] = d.pop("brk")
        return d


@dataclass(frozen=True)
class Chapter:
    number: int           # 1-based
    title: str
    source: str
    lines: tuple[Line, ...]   # lines[0] is the spoken title (brk == "title")
    credits: str = ""         # "opening" or "closing" for a credit track (numbered 0 and N+1)


@dataclass(frozen=True)
class Script:
    chapters: tuple[Chapter, ...]
    warnings: tuple[str, ...] = ()   # e.g. an unbalanced quotation mark, with file and line
    texts: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)  # each file as read

    def lines(self) -> list[Line]:
        return [line for ch in self.chapters for line in ch.lines]

    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for line in self.lines():
            seen.setdefault(line.speaker, None)
        return list(seen)



@dataclass(frozen=True)
class Character:
    name: str
    aliases: tuple[str, ...] = ()
    gender: str = "unknown"


@dataclass(frozen=True)
class Voice:
    name: str
    engine: str
    model: str | None = None          # engine-specific: a bundled name, a path, a zoo id
    options: tuple[tuple[str, Any], ...] = ()   # engine options, sorted (hashable)
    speed: float = 1.0                # 1.0 = the model's own pace; 1.2 = 20% faster
    pitch: float = 0.0                # semitones, applied after synthesis (changes the timbre too)
    timbre: float = 0.0               # semitones the formants move beyond pitch's move, the pitch kept

    def option(self, key: str, default: Any = None) -> Any:
        return dict(self.options).get(key, default)

    def settings(self) -> dict[str, Any]:
        """Everything about this voice that changes its audio (for the cache key)."""
        out = {"engine": self.engine, "model": self.model, "options": dict(self.options),
               "speed": self.speed, "pitch": self.pitch}
        if self.timbre:                # only when set: the keys of voices without it stay as they were
            out["timbre"] = self.timbre
        return out


def to_int16(samples: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] as the pipeline's 16-bit ones (clipped, rounded); ``samples`` is
    left as it is."""
    x = np.clip(samples, -1.0, 1.0).astype(np.float32, copy=False)
    x *= np.float32(32767.0)
    return np.rint(x, out=x).astype("<i2")
