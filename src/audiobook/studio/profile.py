"""A voice's pitch and speed written into its profile file, as a user would edit it: ruamel.yaml's
round trip keeps the file's comments, order, flow mappings and quoting; only the changed values
differ. The build then re-renders that voice's lines (their cache keys hash pitch and speed)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from audiobook.studio.edits import EditError, replace_file

LIMITS = {"pitch": (-12.0, 12.0), "speed": (0.25, 4.0)}     # as voices.py accepts them


def check_settings(settings: dict[str, Any]) -> dict[str, float]:
    """``{"pitch": .., "speed": ..}`` as numbers within what a profile accepts (an EditError if not)."""
    out: dict[str, float] = {}
    for key, value in settings.items():
        if key not in LIMITS:
            raise EditError(f"{key}: only pitch and speed can be changed here")
        low, high = LIMITS[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise EditError(f"{key}: {value!r} is not a number from {low:g} to {high:g}")
        out[key] = round(float(value), 2)
    return out


def set_voice(path: Path, voice: str, settings: dict[str, Any]) -> None:
    """Write ``settings`` (pitch, speed) into ``voices: <voice>:`` of the profile at ``path``."""
    from ruamel.yaml import YAML

    values = check_settings(settings)
    yaml = YAML()                   # round trip: comments, order and style are kept
    yaml.preserve_quotes = True
    yaml.width = 4096               # never re-wrap a long line
    original = path.read_text(encoding="utf-8")
    data = yaml.load(original)
    try:
        entry = data["voices"][voice]
    except (KeyError, TypeError):
        raise EditError(f"{path.name}: no voice named {voice!r} under voices:") from None
    for key, value in values.items():
        if key in entry and _number(entry[key]) == value:
            continue                       # unchanged: written as the user wrote it ("1.0" stays)
        entry[key] = int(value) if value == int(value) and not isinstance(entry.get(key), float) else value
    out = io.StringIO()
    yaml.dump(data, out)
    replace_file(path, out.getvalue().encode("utf-8"))


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
