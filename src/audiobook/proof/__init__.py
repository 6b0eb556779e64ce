"""Proof-listening: every synthesized line heard back with Whisper, bad takes retaken, the rest
flagged. ``asr`` (the model, batched hearing), ``match``
(normalized alignment and score), ``checks`` (what needs no ASR), ``store`` (verdicts and chosen
takes), ``stage`` (the retake loop), ``faults`` (a fault-injecting engine for tests)."""

