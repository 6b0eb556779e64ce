"""What a build tells its caller: per chapter and for the whole book (``--report`` writes it as JSON)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from audiobook.proof.stage import ProofReport

Progress = Callable[[str, int, int], None]   # (stage, done, total)


@dataclass
class ChapterReport:
    index: int
    title: str
    file: str
    duration_s: float
    lines: int
    lines_synthesized: int
    lines_cached: int
    paragraphs: int = 0               # segments of its MP3 (audio/segments.py) ...
    paragraphs_encoded: int = 0       # ... encoded by this build (the others' frames were copied)
    credits: bool = False             # an opening or closing credits track, not a chapter of the book


@dataclass
class BuildReport:
    book_file: str | None             # the first of book_files
    book_files: list[str] = field(default_factory=list)   # one per format
    chapters: list[ChapterReport] = field(default_factory=list)
    lines_total: int = 0
    lines_synthesized: int = 0
    lines_cached: int = 0
    audio_seconds: float = 0.0
    wall_seconds: float = 0.0
    synthesis_seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    shown_warnings: list[str] = field(default_factory=list)   # those the CLI shows (notices.py) ...
    held_warnings: int = 0            # ... and how many are about lines an earlier build rendered
    words_total: int = 0              # every word of the manuscript (speaker tags are markup) ...
    words_spoken: int = 0             # ... is either spoken
    words_reported: int = 0           # ... or named in a warning (left out, or audio too short)
    server: bool = False              # lines synthesized by the synthesis server's workers
    proof: ProofReport | None = None  # proof-listening (build --proof): lines proofed, retaken, flagged

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
