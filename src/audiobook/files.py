"""Files the pipeline writes and reads back: one atomic write, JSON state, the user cache folder."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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


@contextmanager
def replacing(path: Path, durable: bool = True) -> Iterator[Path]:
    """A new temp file beside ``path`` for the caller (or a program it runs) to write; renamed over
    ``path`` on success, so readers see the old file or the new one, never a part; deleted on
    failure. ``durable``: on disk (fsync) before it replaces the old one. The file is created
    with the mode a plain ``open`` gives (0o666 less the umask): finished files are for players."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part{path.suffix}")   # ffmpeg reads the suffix
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        yield tmp
        if durable:
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise write_failed(path.parent, e) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: bytes | Iterable[bytes | memoryview], durable: bool = True) -> None:
    """Write ``data`` (bytes, or blocks of them) to ``path`` whole or not at all (``replacing``)."""
    with replacing(path, durable) as tmp, open(tmp, "wb") as f:
        for block in [data] if isinstance(data, bytes) else data:
            f.write(block)


def user_cache_dir() -> str:
    """Where engines keep what they derive from installed files (``$XDG_CACHE_HOME/audiobook``,
    ``~/.cache/audiobook``); ``AUDIOBOOK_CACHE`` overrides it."""
    if os.environ.get("AUDIOBOOK_CACHE"):
        return os.path.expanduser(os.environ["AUDIOBOOK_CACHE"])
    return os.path.join(os.path.expanduser(os.environ.get("XDG_CACHE_HOME") or "~/.cache"), "audiobook")


def not_a_file(path: Path) -> str | None:
    """What ``path`` is when it is not a file that can be read whole (a link to nothing, a named
    pipe, a device, a folder), for a message; None for a regular file (or a link to one)."""
    import stat

    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return f"a symbolic link to {os.readlink(path)}, which does not exist"
        return "not found"
    except OSError as e:
        return f"cannot read it ({e.strerror})"
    if stat.S_ISREG(st.st_mode):
        return None
    kind = ("a folder" if stat.S_ISDIR(st.st_mode) else "a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode)
            else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "a socket")
    return f"{kind}, not a file"


def read_head(path: Path, limit: int) -> tuple[bytes, int]:
    """The first ``limit`` bytes of the regular file ``path`` and its whole size, without blocking
    on a pipe or reading a device forever (OSError for anything but a regular file)."""
    import errno
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return f.read(limit), st.st_size
