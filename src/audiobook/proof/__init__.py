"""Proof-listening: every synthesized line heard back with Whisper, bad takes retaken, the rest
flagged. ``settings`` (book.yaml ``proof:``), ``asr`` (the model, batched hearing), ``match``
(normalized alignment and score), ``checks`` (what needs no ASR), ``store`` (verdicts and chosen
takes), ``stage`` (the retake loop), ``faults`` (a fault-injecting engine for tests)."""

from audiobook.proof.settings import ProofSettings

__all__ = ["ProofSettings"]
