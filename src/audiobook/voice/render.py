"""One job -> one line's audio, in a synthesis worker (a process of a pool, the synthesis server's,
a cluster's, or the build's own with ``--jobs 1``).

The worker loads each engine once and keeps it; the text goes to it in pieces it takes, and its
audio is trimmed, pitch- and timbre-shifted, resampled to the pipeline's rate and checked (far
too short for the text, or silent: said once more in the next take, then reported). The line goes
into the book's cache, or back to the build from a worker that cannot reach the book's disk.
"""

from __future__ import annotations

import functools
import os
import signal
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from audiobook.errors import AudiobookError, SynthesisError
from audiobook.lexicon import mark
from audiobook.model import SAMPLE_RATE, Voice, to_int16
from audiobook.text.speech import pieces
from audiobook.voice.cache import LineCache
from audiobook.voice.engines import Engine, engine_class
from audiobook.voice.engines.base import load_digest_memo
from audiobook.voice.planning import Job, engine_id, too_short


@dataclass(frozen=True)
class Done:
    key: str
    samples: int          # length of the stored audio
    seconds: float        # time the engine spent (worker-side)
    warning: str = ""     # audio that still looked wrong after one retry
    pcm: np.ndarray | None = None   # the audio itself, from a worker without the book's disk (a cluster)


# A worker process's state, and the only module globals of the voice side: the engines it has
# loaded (by Engine.load_key, with the identity they were loaded for, so a changed model file is
# loaded again), and the engine threads it was started with (init_worker).
_LOADED: dict[tuple[Any, ...], tuple[str, Engine]] = {}
_THREADS = 1


def init_worker(threads: int, warm: tuple[Voice, ...] = (), parent: int = 0) -> None:
    """Make this process a synthesis worker of ``threads`` engine threads; with ``parent``, one that
    exits when that process is gone and on Ctrl-C without a traceback; ``warm``'s voices loaded now."""
    global _THREADS
    _THREADS = threads
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    if parent:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
        signal.signal(signal.SIGINT, _quiet_exit)   # Ctrl-C: the build says it once; no traceback here
    load_digest_memo()            # the models' digests (identities, the Piper noise model) without hashing again
    for voice in warm:            # load and run each voice once now, not on the first line of an edit
        try:                      # (model, G2P, the first inference's allocations, pitch and resampling)
            _speak(Job("", "Ready.", voice, 0.0, engine_id=engine_id(engine_class(voice.engine).identity(voice))))
        except Exception:         # reported on the first line that voice speaks
            pass


def _quiet_exit(signum: int, frame: object) -> None:
    os._exit(128 + signum)


def engine_threads() -> int:
    """The engine threads this worker was started with."""
    return _THREADS


def _exit_with(parent: int) -> None:
    """A worker whose build was killed (kill -9, SIGTERM) exits within a second instead of
    waiting for work forever, holding its engines' memory."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:   # the pid was reused by someone else's process: ours is gone
            os._exit(1)


def _engine(voice: Voice, engine_id: str = "") -> Engine:
    """The loaded engine for ``voice``, loaded again if the model it was loaded from has changed
    since (a worker kept between builds: ``--watch``, the synthesis server)."""
    cls = engine_class(voice.engine)
    k = cls.load_key(voice)
    if k in _LOADED and _LOADED[k][0] != engine_id:
        del _LOADED[k]
    if k not in _LOADED:
        _LOADED[k] = (engine_id, cls(voice, threads=_THREADS))
    return _LOADED[k][1]


def render_job(job: Job, cache_root: str) -> Done:
    """Synthesize one job into the cache (runs in a worker process, or inline for --jobs 1); with
    no ``cache_root`` (a worker that cannot reach the book's disk), the audio comes back in the
    result instead. Audio far too short for its text, or silent, is synthesized once more in
    the next take (the same take again would say it alike), then reported."""
    t0 = time.perf_counter()
    audio = _speak(job)
    problem = suspicious(job.text, audio)
    retry = engine_class(job.voice.engine).take(job.voice, 1) if problem else None
    if problem and retry is not None:
        audio = _speak(replace(job, voice=retry))
        problem = suspicious(job.text, audio)
    seconds = time.perf_counter() - t0
    pcm = to_int16(audio)
    warning = f"voice {job.voice.name}: {problem}: {job.text[:80]!r}" if problem else ""
    if not cache_root:
        return Done(job.key, len(pcm), seconds, warning, pcm)
    LineCache(Path(cache_root)).write(job.key, pcm)
    return Done(job.key, len(pcm), seconds, warning)


def suspicious(text: str, audio: np.ndarray) -> str:
    letters = sum(ch.isalnum() for ch in text)
    if short := too_short(text, len(audio)):
        return short
    if letters and (audio.size == 0 or float(np.max(np.abs(audio))) < 0.01):
        return "the engine returned silence"
    return ""


def _speak(job: Job) -> np.ndarray:
    from audiobook.voice.engines.base import trim_silence

    engine = _engine(job.voice, job.engine_id)
    chunks: list[np.ndarray] = []
    try:
        for piece in pieces(job.text, job.max_chars or engine.MAX_CHARS):
            if job.lexicon:
                piece = mark(piece, job.lexicon.find(piece), functools.partial(engine.pronounce, job.voice))
            for chunk in engine.synthesize(piece, job.voice):
                audio = trim_silence(np.asarray(chunk.samples, dtype=np.float32), chunk.sample_rate)
                if audio.size:
                    chunks.append(to_pipeline(audio, chunk.sample_rate, job.voice.pitch, job.voice.timbre))
    except AudiobookError:
        raise
    except Exception as e:  # an engine failing on one line is reported with the line, not a traceback
        raise SynthesisError(f"voice {job.voice.name} ({job.voice.engine}) failed on {job.text[:60]!r}: "
                             f"{type(e).__name__}: {e}") from None
    gap = np.zeros(int(round(job.sentence_pause * SAMPLE_RATE)), dtype=np.float32)
    joined: list[np.ndarray] = []
    for i, samples in enumerate(chunks):
        if i:
            joined.append(gap)
        joined.append(samples)
    return np.concatenate(joined) if joined else np.zeros(0, np.float32)


def to_pipeline(samples: np.ndarray, rate: int, pitch: float, timbre: float = 0.0) -> np.ndarray:
    """Pitch-shift (semitones) at the engine's rate, then resample to the pipeline's rate. ``pitch``
    moves the formants with the pitch (as a tape played faster); ``timbre`` moves the formants that
    many semitones more, the pitch staying where ``pitch`` put it (``timbre.shift``)."""
    if timbre:
        from audiobook.voice.timbre import shift

        samples = shift(samples, rate, pitch=pitch, formants=pitch + timbre)
    elif pitch:
        from pedalboard import PitchShift

        samples = PitchShift(semitones=pitch)(samples[np.newaxis, :], rate)[0]
    if rate != SAMPLE_RATE:
        import soxr

        samples = soxr.resample(samples, rate, SAMPLE_RATE, quality="HQ")
    return np.asarray(samples, dtype=np.float32)

