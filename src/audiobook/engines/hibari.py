"""hibari voices (``hibari-tts``): ``heart`` ships in the package; other voices are used when
they are in hibari's cache (HIBARI_HOME or ~/.cache/hibari); nothing is downloaded at render time.

    engine: hibari
    model: heart
    options: {seed: 7}     # fixes hibari's noise so a line always renders identically
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from audiobook.engines.base import Audio, Engine, file_digest, package_version
from audiobook.errors import EngineError
from audiobook.voices import Voice

DEFAULT_SEED = 1234


def _voice_file(voice: Voice) -> str:
    try:
        from hibari import voices as hv
    except ImportError:
        raise EngineError(f"voice {voice.name}: the hibari engine is not installed; "
                          f"run: {HibariEngine.INSTALL}") from None
    name = voice.model or hv.DEFAULT
    if name not in hv.VOICES:
        raise EngineError(f"voice {voice.name}: hibari has no voice {name!r}; "
                          f"choose one of: {', '.join(hv.VOICES)}")
    try:
        path: str = hv.voice_path(name, download_missing=False)
    except FileNotFoundError:
        raise EngineError(
            f"voice {voice.name}: hibari voice {name!r} is not downloaded; it would be at "
            f"{os.path.join(hv.cache_dir(), hv.VOICES[name]['file'])}. Run once with internet: "
            f"python -c \"from hibari import Hibari; Hibari(voice='{name}')\", or use model: heart"
        ) from None
    return path


class HibariEngine(Engine):
    NAME = "hibari"
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
        return {"engine": "hibari", "version": package_version("hibari-tts"),
                "model": file_digest(_voice_file(voice))}

    @classmethod
    def describe(cls, voice: Voice) -> str:
        return f"hibari {voice.model or 'heart'}"

    def __init__(self, voice: Voice, threads: int = 1) -> None:
        super().__init__(voice, threads)
        path = _voice_file(voice)
        from hibari import Hibari

        try:
            self._tts = Hibari(voice=voice.model or "heart", model=path, threads=threads)
        except Exception as e:  # onnxruntime's own error types
            raise EngineError(f"voice {voice.name}: cannot load hibari model {path}: {e}") from None

    def synthesize(self, text: str, voice: Voice) -> Iterator[Audio]:
        seed = int(voice.option("seed", DEFAULT_SEED))
        for samples in self._tts.stream(text, speed=voice.speed, seed=seed):
            yield Audio(samples, self._tts.sample_rate)
