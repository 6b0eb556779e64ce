"""hibari voices (``hibari-tts``): ``heart`` ships in the package; other voices are used when
they are in hibari's cache (HIBARI_HOME or ~/.cache/hibari); nothing is downloaded at render time.

    engine: hibari
    model: heart
    options: {seed: 7}     # fixes hibari's noise so a line always renders identically
"""

from __future__ import annotations

import functools
import gc
import hashlib
import importlib.util
import json
import os
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from audiobook.errors import AudiobookError, ConfigError, EngineError
from audiobook.files import atomic_write, user_cache_dir
from audiobook.lexicon import Said
from audiobook.model import Voice
from audiobook.phonemes import to_misaki
from audiobook.safeyaml import excerpt
from audiobook.voice.engines.base import Audio, Engine, file_digest, package_version, unknown_symbols

DEFAULT_SEED = 1234


@functools.cache
def _voices_module() -> ModuleType | None:
    """hibari's voice registry (``hibari/voices.py``, which imports nothing of hibari's) without
    running the package's ``__init__``: that imports the synthesizer and scipy.fft (0.5-2 s), which
    checking a profile does not need and a build's main process never uses."""
    if "hibari.voices" in sys.modules:
        return sys.modules["hibari.voices"]
    spec = importlib.util.find_spec("hibari")
    if spec is None or spec.origin is None:
        return None
    registry = importlib.util.spec_from_file_location("_audiobook_hibari_voices",
                                                      os.path.join(os.path.dirname(spec.origin), "voices.py"))
    if registry is None or registry.loader is None:
        return None
    module = importlib.util.module_from_spec(registry)
    registry.loader.exec_module(module)
    return module


@functools.cache
def _vocab() -> frozenset[str]:
    """The phoneme symbols hibari's model reads (its ``assets/vocab.json``)."""
    spec = importlib.util.find_spec("hibari")
    if spec is None or spec.origin is None:
        return frozenset()
    try:
        with open(os.path.join(os.path.dirname(spec.origin), "assets", "vocab.json"), encoding="utf-8") as f:
            return frozenset(json.load(f))
    except (OSError, ValueError):
        return frozenset()


def _voice_file(voice: Voice) -> str:
    hv: Any = _voices_module()
    if hv is None:
        raise EngineError(f"voice {voice.name}: the hibari engine is not installed; "
                          f"run: {HibariEngine.INSTALL}")
    name = voice.model or hv.DEFAULT
    if name not in hv.VOICES:
        raise EngineError(f"voice {voice.name}: hibari has no voice {excerpt(name)}; "
                          f"choose one of: {', '.join(hv.VOICES)}")
    try:
        path: str = hv.voice_path(name, download_missing=False)
    except FileNotFoundError:
        raise EngineError(
            f"voice {voice.name}: hibari voice {excerpt(name)} is not downloaded; it would be at "
            f"{os.path.join(hv.cache_dir(), hv.VOICES[name]['file'])}. Run once with internet: "
            f"python -c \"from hibari import Hibari; Hibari(voice='{name}')\", or use model: heart"
        ) from None
    return path


def _g2p(british: bool) -> Any:
    """hibari's G2P (lexicons, tokenizer, tagger), from a pickle of it in the user's cache: building
    it parses 11 MB of gzipped JSON (0.6 s, in every worker of every build), unpickling takes 0.1 s
    (with the garbage collector off: it would run over and over as the objects are made).
    The pickle is made on first use, per hibari version and asset files; a damaged one is remade."""
    from hibari import g2p as hg

    stamp = [package_version("hibari-tts"), british]
    for name in sorted(os.listdir(hg.ASSETS)):
        st = os.stat(os.path.join(hg.ASSETS, name))
        stamp.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    key = hashlib.sha256(json.dumps(stamp).encode()).hexdigest()[:16]
    path = Path(user_cache_dir()) / f"hibari-g2p-{key}.pickle"
    collecting = gc.isenabled()
    gc.disable()          # unpickling a million small objects would run the collector over and over
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except Exception:  # missing, or damaged/foreign: make it again
        pass
    finally:
        if collecting:
            gc.enable()
    g2p = hg.G2P(british=british)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps(g2p, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, AudiobookError):   # a read-only or full cache only costs the next worker the 0.6 s
        pass
    return g2p


def fft_backend() -> str:
    """The FFT hibari computes with: scipy's (float32) if it can import it, else numpy's (float64);
    they differ in the last bits of every line, so the line cache keeps them apart. scipy is a
    dependency of audiobook, so every install says the same; without looking inside hibari (whose
    import costs 0.5 s)."""
    import importlib.util

    if importlib.util.find_spec("scipy") is not None:
        return f"scipy {package_version('scipy')}"
    return f"numpy {package_version('numpy')}"


class HibariEngine(Engine):
    NAME = "hibari"
    DEFAULT_SEED = DEFAULT_SEED
    OPTIONS = {"seed": int}
    INSTALL = "pip install hibari-tts"

    @classmethod
    def load_key(cls, voice: Voice) -> tuple[Any, ...]:
        return (cls.NAME, voice.model or "heart")

    @classmethod
    def problems(cls, voice: Voice) -> list[str]:
        try:
            _voice_file(voice)
        except EngineError as e:
            return [str(e)]
        return []

    @classmethod
    def identity(cls, voice: Voice) -> dict[str, Any]:
        return {"engine": "hibari", "version": package_version("hibari-tts"), "fft": fft_backend(),
                "model": file_digest(_voice_file(voice))}

    @classmethod
    def describe(cls, voice: Voice) -> str:
        return f"hibari {voice.model or 'heart'}"

    @classmethod
    def pronounce(cls, voice: Voice, said: Said) -> str:
        """hibari's ``[word](/phonemes/)``, in its misaki symbols (converted from the espeak IPA)."""
        british = bool(_voices_module().VOICES.get(voice.model or "heart", {}).get("british"))  # type: ignore[union-attr]
        phonemes = said.own_phonemes(cls.NAME) or to_misaki(said.ipa(), british)
        known = _vocab()
        if known and (missing := unknown_symbols(phonemes, known)):
            raise ConfigError(f"{said.entry.where}: /{phonemes}/: hibari (voice {voice.name}) has no phoneme "
                              f"{missing}; give hibari its own entry in misaki's symbols (hibari: /.../)")
        return f"[{said.text}](/{phonemes}/)"

    @classmethod
    def phonemes(cls, voice: Voice, text: str) -> str:
        """hibari's G2P reading (misaki symbols), the ``[word](/phonemes/)`` forms included."""
        british = bool(_voices_module().VOICES.get(voice.model or "heart", {}).get("british"))  # type: ignore[union-attr]
        return str(_g2p(british)(text))

    def __init__(self, voice: Voice, threads: int = 1) -> None:
        super().__init__(voice, threads)
        path = _voice_file(voice)
        from hibari import Hibari

        name = voice.model or "heart"
        try:
            # one thread, whatever the worker has: hibari's samples change with its thread count
            # (the same line from a one-worker and a two-worker build differed), and a second
            # thread makes it only 13% faster
            self._tts = Hibari(voice=name, model=path, threads=1,
                               g2p=_g2p(bool(_voices_module().VOICES[name]["british"])))  # type: ignore[union-attr]
        except Exception as e:  # onnxruntime's own error types
            raise EngineError(f"voice {voice.name}: cannot load hibari model {path}: {e}") from None

    def synthesize(self, text: str, voice: Voice) -> Iterator[Audio]:
        seed = int(voice.option("seed", DEFAULT_SEED))
        for samples in self._tts.stream(text, speed=voice.speed, seed=seed):
            yield Audio(samples, self._tts.sample_rate)
