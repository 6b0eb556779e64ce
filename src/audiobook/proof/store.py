"""What proofing found and decided, kept with the book (``.audiobook/proof.json``, ``takes.json``).

``results``: one verdict per take heard, under a key of the take's audio key, the ASR model and
the proof settings (never part of the audio's key): a rebuild hears nothing it heard before.
``takes``: the take chosen for each line (by its first take's audio key), with the settings that
chose it: the build uses that take from then on, proofing on or off, and never decides again
under the same settings (Whisper int8 may hear a line slightly differently on another CPU).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from audiobook.files import atomic_write, read_json

VERSION = 1


@dataclass(frozen=True)
class Verdict:
    """One take of one line, heard."""

    take: int
    heard: str              # what Whisper heard ("" when the checks alone failed it)
    score: float            # normalized word error rate
    run: int                # longest run of consecutive word errors
    problems: tuple[str, ...] = ()   # from the checks that need no ASR
    ok: bool = True

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Verdict:
        return cls(int(d["take"]), str(d["heard"]), float(d["score"]), int(d["run"]),
                   tuple(d.get("problems", ())), bool(d["ok"]))

    def rank(self) -> tuple[bool, int, float, int]:
        """Better takes sort first: passing, fewer problems, lower score, earlier take."""
        return (not self.ok, len(self.problems), self.score, self.take)


def settings_id(payload: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


class ProofStore:
    def __init__(self, work_dir: Path) -> None:
        self.work_dir = work_dir
        results, takes = read_json(work_dir / "proof.json"), read_json(work_dir / "takes.json")
        self.results: dict[str, dict[str, Any]] = \
            results.get("results", {}) if results.get("version") == VERSION else {}
        self.takes: dict[str, dict[str, Any]] = takes.get("takes", {}) if takes.get("version") == VERSION else {}
        self.changed = False

    @classmethod
    def load(cls, work_dir: Path) -> ProofStore:
        return cls(work_dir)

    @staticmethod
    def key(audio_key: str, sid: str) -> str:
        return f"{audio_key}:{sid}"

    def verdict(self, audio_key: str, sid: str) -> Verdict | None:
        d = self.results.get(self.key(audio_key, sid))
        try:
            return Verdict.from_json(d) if d else None
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, audio_key: str, sid: str, v: Verdict) -> None:
        self.results[self.key(audio_key, sid)] = v.to_json()
        self.changed = True

    def take(self, base_key: str) -> tuple[int, str] | None:
        """The take chosen for a line and the settings id that chose it."""
        d = self.takes.get(base_key)
        if not isinstance(d, dict) or not isinstance(d.get("take"), int):
            return None
        return d["take"], str(d.get("settings", ""))

    def choose(self, base_key: str, take: int, sid: str) -> None:
        if self.takes.get(base_key) != {"take": take, "settings": sid}:
            self.takes[base_key] = {"take": take, "settings": sid}
            self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        self.work_dir.mkdir(parents=True, exist_ok=True)
        for name, key, data in (("proof.json", "results", self.results), ("takes.json", "takes", self.takes)):
            blob = json.dumps({"version": VERSION, key: data}, separators=(",", ":"))
            atomic_write(self.work_dir / name, blob.encode())
        self.changed = False


def chosen_takes(work_dir: Path) -> dict[str, int]:
    """base key -> take, for the lines whose chosen take is not the first (cheap: every build reads it)."""
    data = read_json(work_dir / "takes.json")
    takes = data.get("takes", {}) if data.get("version") == VERSION else {}
    return {k: d["take"] for k, d in takes.items()
            if isinstance(d, dict) and isinstance(d.get("take"), int) and d["take"] > 0}
