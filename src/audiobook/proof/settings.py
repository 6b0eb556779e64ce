"""Proof-listening settings: ``proof:`` in book.yaml, validated at load time.

``proof: true`` turns proofing on with the defaults; a mapping sets them one by one. Everything
here that changes a verdict is part of the proof cache's key (``ProofSettings.key``), never of a
line's audio key.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from audiobook.config import Section
from audiobook.errors import ConfigError

MODELS = ("base",)


@dataclass(frozen=True)
class ProofSettings:
    enabled: bool = False        # proof every newly synthesized line (``build --proof`` turns it on too)
    threshold: float = 0.34      # a line whose normalized word error rate is above this fails
    takes: int = 3               # takes tried per line (1: proof and report, never retake)
    model: str = "base"          # the Whisper model
    max_run: int = 3             # this many consecutive words wrong fail a line whatever its score
    beam_size: int = 1           # 1: greedy decoding (as accurate as beam 5 on clean synthetic speech)
    accept: tuple[str, ...] = ()  # words the ASR cannot know (besides the cast's names): never errors

    def key(self) -> dict[str, Any]:
        """What changes a verdict (not ``enabled``): for the proof cache's key."""
        d = asdict(self)
        d.pop("enabled")
        d["accept"] = sorted(self.accept)
        return d

    def on(self) -> ProofSettings:
        return replace(self, enabled=True)


def read_proof(top: Section) -> ProofSettings:
    """``proof:`` of book.yaml: true/false, or a mapping of the settings above."""
    value = top.raw("proof")
    if value is None:
        return ProofSettings()
    if isinstance(value, bool):
        return ProofSettings(enabled=value)
    sec = top.section("proof")
    assert sec is not None
    s = ProofSettings(
        enabled=sec.boolean("enabled", True),
        threshold=sec.number("threshold", ProofSettings.threshold, low=0.0, high=1.0) or 0.0,
        takes=sec.integer("takes", ProofSettings.takes, low=1) or 1,
        model=sec.text("model", ProofSettings.model) or "base",
        max_run=sec.integer("max_run", ProofSettings.max_run, low=1) or 1,
        beam_size=sec.integer("beam_size", ProofSettings.beam_size, low=1) or 1,
        accept=sec.strings("accept"),
    )
    if s.model not in MODELS:
        raise ConfigError(f"{sec.where('model')}: {s.model!r} is not available; choose one of: {', '.join(MODELS)}")
    if s.takes > 20:
        raise ConfigError(f"{sec.where('takes')}: {s.takes} takes is too many (at most 20)")
    sec.done()
    return s
