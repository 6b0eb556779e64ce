"""Files the pipeline writes and reads back: one atomic write, JSON state, the user cache folder."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from audiobook.errors import write_failed


def read_json(path: Path) -> dict[str, Any]:
    """A JSON object the pipeline wrote (state, memos); {} if it is missing, damaged or not an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def atomic_write(path: Path, data: bytes | Iterable[bytes | memoryview], durable: bool = True) -> None:
    """Write ``data`` (bytes, or blocks of them) to ``path`` so readers see the old file or the
    new one, never a part; ``durable``: on disk (fsync) before it replaces the old one."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            for block in [data] if isinstance(data, bytes) else data:
                f.write(block)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise write_failed(path.parent, e) from None
    except BaseException:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise


def user_cache_dir() -> str:
    """Where engines keep what they derive from installed files (``$XDG_CACHE_HOME/audiobook``,
    ``~/.cache/audiobook``); ``AUDIOBOOK_CACHE`` overrides it."""
    if os.environ.get("AUDIOBOOK_CACHE"):
        return os.path.expanduser(os.environ["AUDIOBOOK_CACHE"])
    return os.path.join(os.path.expanduser(os.environ.get("XDG_CACHE_HOME") or "~/.cache"), "audiobook")
