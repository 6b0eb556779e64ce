"""A fault-injecting engine, to test proofing against real speech: ``engine: faulty`` wraps a
real engine (``options.inner``, ``model`` is the inner engine's) and, for the lines and takes a
faults file names, spoils the take the way real engines fail:

- ``drop``: leaves out ``words`` (3 or more) consecutive words from the middle of the line
- ``repeat``: says a phrase of ``words`` (3 or more) words twice
- ``cut``: cuts the last ``fraction`` (0.3 or more) of the line's audio
- ``noise``: replaces the line with noise shaped like speech; ``babble``: with its speech reversed

The faults file (``options.faults``, JSON): ``[{"line": "text the line contains", "fault":
"drop", "seeds": [1234]}, ...]``; without ``seeds`` every take is spoiled. Deterministic like
the engine it wraps: a take is the same samples every time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from audiobook.errors import EngineError
from audiobook.model import Voice
from audiobook.voice.engines.base import Audio, Engine, file_digest

FAULTS = ("drop", "repeat", "cut", "noise", "babble")
DEFAULT_SEED = 1234


def inner_voice(voice: Voice) -> Voice:
    opts = {k: v for k, v in voice.options if k not in ("inner", "faults")}
    return replace(voice, engine=str(voice.option("inner", "")), options=tuple(sorted(opts.items())))


def _inner_class(voice: Voice) -> type[Engine]:
    from audiobook.voice.engines import engine_class

    return engine_class(str(voice.option("inner", "")), f"voice {voice.name}: options.inner")


def read_faults(path: str | Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise EngineError(f"{path}: cannot read the faults file ({e})") from None
    if not isinstance(data, list) or not all(isinstance(d, dict) and d.get("fault") in FAULTS
                                             and isinstance(d.get("line"), str) for d in data):
        raise EngineError(f"{path}: expected a list of {{line, fault ({', '.join(FAULTS)}), seeds}}")
    return data


class FaultEngine(Engine):
    NAME = "faulty"
    DEFAULT_SEED = DEFAULT_SEED
    OPTIONS = {"inner": str, "faults": str, "seed": int, "speaker": (int, str)}
    PATH_OPTIONS = ("faults",)

    @classmethod
    def load_key(cls, voice: Voice) -> tuple[Any, ...]:
        return (cls.NAME, voice.option("faults"), _inner_class(voice).load_key(inner_voice(voice)))

    @classmethod
    def problems(cls, voice: Voice) -> list[str]:
        try:
            read_faults(str(voice.option("faults", "")))
            return _inner_class(voice).problems(inner_voice(voice))
        except EngineError as e:
            return [str(e)]

    @classmethod
    def identity(cls, voice: Voice) -> dict[str, Any]:
        return {"engine": cls.NAME, "faults": file_digest(str(voice.option("faults"))),
                "inner": _inner_class(voice).identity(inner_voice(voice))}

    def __init__(self, voice: Voice, threads: int = 1) -> None:
        super().__init__(voice, threads)
        self.faults = read_faults(str(voice.option("faults")))
        self._inner: dict[tuple[Any, ...], Engine] = {}

    def _engine(self, voice: Voice) -> Engine:
        cls = _inner_class(voice)
        inner = inner_voice(voice)
        key = cls.load_key(inner)
        if key not in self._inner:
            self._inner[key] = cls(inner, self.threads)
        return self._inner[key]

    def fault(self, text: str, seed: int) -> dict[str, Any] | None:
        for f in self.faults:
            if f["line"] in text and ("seeds" not in f or seed in f["seeds"]):
                return f
        return None

    def synthesize(self, text: str, voice: Voice) -> Iterator[Audio]:
        inner = inner_voice(voice)
        engine = self._engine(voice)
        f = self.fault(text, int(voice.option("seed", DEFAULT_SEED)))
        kind = f["fault"] if f else ""
        if kind in ("drop", "repeat"):
            text = spoil_text(text, kind, int(f.get("words", 3)) if f else 3)
        chunks = list(engine.synthesize(text, inner))
        if kind not in ("cut", "noise", "babble") or not chunks:
            yield from chunks
            return
        rate = chunks[0].sample_rate
        x = np.concatenate([np.asarray(c.samples, np.float32) for c in chunks])
        if kind == "cut":
            x = x[: int(len(x) * (1 - float(f.get("fraction", 0.4) if f else 0.4)))]
        elif kind == "babble":
            x = x[::-1].copy()
        else:
            rng = np.random.default_rng(len(text))
            hop = max(1, rate // 50)
            env = np.repeat(np.abs(x[: len(x) // hop * hop]).reshape(-1, hop).max(axis=1), hop)
            x = (rng.standard_normal(len(env)).astype(np.float32) * env * 0.5).astype(np.float32)
        yield Audio(x, rate)


def spoil_text(text: str, kind: str, n: int) -> str:
    """``text`` with ``n`` consecutive words from its middle left out (drop) or said twice (repeat)."""
    words = text.split()
    if len(words) < n + 2:
        return text
    i = (len(words) - n) // 2
    if kind == "drop":
        return " ".join(words[:i] + words[i + n:])
    return " ".join(words[: i + n] + words[i: i + n] + words[i + n:])
