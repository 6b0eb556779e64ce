"""The engine interface: a named backend that turns text into audio, one chunk per sentence.

An engine class is built once per worker process for one *model* (``Engine(voice)``), then asked
to speak many lines with ``synthesize``. Everything that picks the model lives in the Voice; the
per-call settings (speed, speaker) come from the Voice too, so two voices on one model share
the loaded engine (see ``load_key``).
"""

from __future__ import annotations

import hashlib
import json
import os
from abc import ABC, abstractmethod
from collections.abc import Container, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from audiobook.errors import AudiobookError
from audiobook.files import atomic_write, read_json, user_cache_dir

if TYPE_CHECKING:
    from audiobook.lexicon import Said
    from audiobook.model import Voice


@dataclass(frozen=True)
class Audio:
    """Mono float32 samples in [-1, 1] and their rate."""

    samples: np.ndarray
    sample_rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.sample_rate


class Engine(ABC):
    NAME: ClassVar[str]
    #: engine options a voice may set, with their types (validated when a profile loads)
    OPTIONS: ClassVar[dict[str, type | tuple[type, ...]]] = {}
    #: options whose values are file paths (resolved against the profile's folder)
    PATH_OPTIONS: ClassVar[tuple[str, ...]] = ()
    #: install hint shown when the engine's package is missing
    INSTALL: ClassVar[str] = ""
    #: the longest sentence, in characters, the engine is given; longer ones are cut between words
    MAX_CHARS: ClassVar[int] = 400
    #: the ``seed`` option's default, for engines whose noise is seeded (None: one take only)
    DEFAULT_SEED: ClassVar[int | None] = None

    def __init__(self, voice: Voice, threads: int = 1) -> None:
        """``threads``: the cores this worker may use. An engine whose samples depend on its thread
        count uses one whatever it is given (Piper, hibari), so that any worker says a line alike."""
        self.voice = voice
        self.threads = threads

    @classmethod
    def load_key(cls, voice: Voice) -> tuple[Any, ...]:
        """Voices with the same load key share one loaded engine in a process."""
        return (cls.NAME, voice.model)

    @classmethod
    @abstractmethod
    def problems(cls, voice: Voice) -> list[str]:
        """What stops this voice from working (missing package or model, bad speaker), checked
        without loading the model; each problem is one sentence saying what to do."""

    @classmethod
    @abstractmethod
    def identity(cls, voice: Voice) -> dict[str, Any]:
        """Everything about the engine and model that changes the audio (engine version, the
        model file's content hash), for the cache key. Cheap: no model loading."""

    @classmethod
    def take(cls, voice: Voice, k: int) -> Voice | None:
        """``voice`` for take ``k``: another draw of the engine's noise (``seed`` + k), as
        reproducible as the first; take 0 is ``voice`` itself. None: the engine has one take."""
        if k == 0:
            return voice
        if cls.DEFAULT_SEED is None or "seed" not in cls.OPTIONS:
            return None
        seed = int(voice.option("seed", cls.DEFAULT_SEED)) + k
        return replace(voice, options=tuple(sorted({**dict(voice.options), "seed": seed}.items())))

    @classmethod
    def describe(cls, voice: Voice) -> str:
        """One line for ``audiobook voices``: which model, which speaker."""
        return voice.model or "(default model)"

    #: how the engine reads ``pronounce``'s forms within a line; part of the cache key of each line
    #: holding a lexicon word (a new way of reading them re-renders those lines and no others)
    LEXICON_READING = ""

    @classmethod
    def reading(cls, text: str) -> str:
        """How this engine's own text handling changes the reading of ``text`` (a short label, '' for
        none); part of the cache key of exactly the lines it changes."""
        return ""

    @classmethod
    def pronounce(cls, voice: Voice, said: Said) -> str:
        """What this engine is given, in place of one word of a line, to say it as the book's
        pronunciation lexicon says: a respelling here (an engine that reads only text); engines
        that take phonemes inline override it. ConfigError naming the entry if it cannot."""
        return said.respelling(cls.NAME)

    @classmethod
    def phonemes(cls, voice: Voice, text: str) -> str:
        """The phonemes this engine reads ``text`` (with ``pronounce``'s forms in it) as, for
        ``audiobook words``; '' for an engine that cannot tell without speaking."""
        return ""

    @abstractmethod
    def synthesize(self, text: str, voice: Voice) -> Iterator[Audio]:
        """Yield the audio of ``text`` spoken with ``voice``, one chunk per sentence, without
        silence appended between them (the pipeline adds its own pauses)."""


def unknown_symbols(phonemes: str, known: Container[str]) -> str:
    """The symbols of a lexicon entry's ``phonemes`` a model's alphabet lacks, quoted for an error
    message ("'x', 'q'"); "" when it knows them all."""
    return ", ".join(repr(c) for c in dict.fromkeys(phonemes) if c not in known)


def trim_silence(samples: np.ndarray, rate: int, threshold_db: float = -45.0, keep_s: float = 0.02) -> np.ndarray:
    """Cut leading/trailing near-silence, keeping ``keep_s`` seconds of margin, so pauses are ours."""
    if samples.size == 0:
        return samples
    threshold = 10 ** (threshold_db / 20)
    loud = np.flatnonzero(np.abs(samples) > threshold)
    if loud.size == 0:
        return samples[:0]
    keep = int(keep_s * rate)
    return samples[max(0, loud[0] - keep): min(len(samples), loud[-1] + 1 + keep)]


_DIGESTS: dict[str, str] = {}       # "path|size|mtime|inode" -> sha256, this process and remembered ones


def file_digest(path: str | Path) -> str:
    """sha256 of a model file, memoised on (path, size, mtime, inode), here and across builds of
    any book (``load_digest_memo``, in the user's cache): hashing the sample book's models takes
    0.1-0.3 s."""
    st = os.stat(path)
    key = f"{os.path.abspath(path)}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}"
    if key not in _DIGESTS:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        _DIGESTS[key] = h.hexdigest()
    return _DIGESTS[key]


def remember_digests(known: dict[str, str]) -> None:
    """Digests an earlier build computed (see ``digests_known``); entries of changed files no longer match."""
    _DIGESTS.update({k: v for k, v in known.items() if isinstance(k, str) and isinstance(v, str)})


def digests_known() -> dict[str, str]:
    """The digests whose file is still as it was (to remember for the next build)."""
    out = {}
    for key, digest in _DIGESTS.items():
        path = key.rsplit("|", 3)[0]
        try:
            st = os.stat(path)
        except OSError:
            continue
        if key == f"{path}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}":
            out[key] = digest
    return out


def load_digest_memo() -> dict[str, str]:
    """Take up the digests builds of any book remembered (``digests.json`` in the user's cache);
    returns them, for ``save_digest_memo``."""
    remembered = read_json(Path(user_cache_dir()) / "digests.json")
    remember_digests(remembered)
    return remembered


def save_digest_memo(remembered: dict[str, str]) -> None:
    """Remember this process's digests for later builds, if they differ from ``remembered``."""
    known = digests_known()
    if known == remembered:
        return
    memo = Path(user_cache_dir()) / "digests.json"
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(memo, json.dumps(known, indent=0, sort_keys=True).encode())
    except (OSError, AudiobookError):   # only a memo: the next build hashes the models again
        pass


def package_version(dist: str) -> str:
    """Installed version of a distribution, without importing it ('' if not installed)."""
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ""
