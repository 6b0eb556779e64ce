"""A fast, deterministic engine for tests and benchmarks: no model, audio length follows the text.

Each sentence becomes ``SECONDS_PER_CHAR * len(sentence)`` seconds of a soft tone whose pitch
depends on the voice's ``model`` name, so different voices sound different and every run is
bit-identical. ``options: {delay: 0.2}`` makes it take that long per sentence, like a real engine;
``fail_on: word`` makes it fail on lines containing the word, ``crash_on: word`` kill its process.
"""

from __future__ import annotations

import os
import re
import signal
import time
import zlib
from collections.abc import Iterator
from typing import Any

import numpy as np

from audiobook.model import Voice
from audiobook.voice.engines.base import Audio, Engine

SECONDS_PER_CHAR = 0.05
SAMPLE_RATE = 22050
_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=\S)")


def split_sentences(text: str) -> list[str]:
    return [s for s in (p.strip() for p in _SENTENCE.split(text)) if s]


class TestToneEngine(Engine):
    NAME = "test"
    OPTIONS = {"seconds_per_char": (int, float), "fail_on": str, "delay": (int, float), "crash_on": str}

    @classmethod
    def problems(cls, voice: Voice) -> list[str]:
        return []

    @classmethod
    def identity(cls, voice: Voice) -> dict[str, Any]:
        return {"engine": "test", "version": 1}

    @classmethod
    def describe(cls, voice: Voice) -> str:
        return f"test tone {voice.model or 'default'}"

    def synthesize(self, text: str, voice: Voice) -> Iterator[Audio]:
        per_char = float(voice.option("seconds_per_char", SECONDS_PER_CHAR)) / voice.speed
        fail_on = voice.option("fail_on")
        if fail_on and fail_on in text:
            raise RuntimeError(f"test engine asked to fail on {fail_on!r}")
        crash_on = voice.option("crash_on")
        if crash_on and crash_on in text:          # the process dies, as when it runs out of memory
            os.kill(os.getpid(), signal.SIGKILL)
        freq = 110 + zlib.crc32((voice.model or "").encode()) % 220
        for sentence in split_sentences(text):
            time.sleep(float(voice.option("delay", 0)))      # a slow engine, for crash and lock tests
            n = int(round(len(sentence) * per_char * SAMPLE_RATE))
            t = np.arange(n, dtype=np.float64) / SAMPLE_RATE
            tone = 0.3 * np.sin(2 * np.pi * freq * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 3 * t))
            yield Audio(tone.astype(np.float32), SAMPLE_RATE)
