"""The engine registry: every engine, built in or from a plugin, is one entry in ENGINES.

Third-party engines register through the ``audiobook.engines`` entry point group, the same way
as the built-in ones are listed here.
"""

from __future__ import annotations

from importlib import metadata

from audiobook.errors import ConfigError, did_you_mean
from audiobook.safeyaml import excerpt
from audiobook.voice.engines.base import Audio, Engine
from audiobook.voice.engines.coqui import CoquiEngine
from audiobook.voice.engines.hibari import HibariEngine
from audiobook.voice.engines.piper import PiperEngine
from audiobook.voice.engines.testtone import TestToneEngine

__all__ = ["ENGINES", "Audio", "Engine", "engine_class"]

_BUILTIN: list[type[Engine]] = [PiperEngine, HibariEngine, TestToneEngine, CoquiEngine]
ENGINES: dict[str, type[Engine]] = {cls.NAME: cls for cls in _BUILTIN}


def _load_plugins() -> None:
    for ep in metadata.entry_points(group="audiobook.engines"):
        if ep.name not in ENGINES:
            ENGINES[ep.name] = ep.load()


def engine_class(name: str, where: str = "engine") -> type[Engine]:
    if name not in ENGINES:
        _load_plugins()
    if name not in ENGINES:
        raise ConfigError(f"{where}: {excerpt(name)} is not supported{did_you_mean(str(name), sorted(ENGINES))}; "
                          f"choose one of: {', '.join(sorted(ENGINES))}")
    return ENGINES[name]
