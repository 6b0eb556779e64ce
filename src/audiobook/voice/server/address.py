"""Where a build finds its synthesis server, and how it proves itself to it.

Sockets, locks and logs are in ``$XDG_RUNTIME_DIR/audiobook`` (else ``/tmp/audiobook-UID``), a
folder only its owner can open; a server's socket is named by its install (``install``) and the
state of the install's code (``identity``), so several installs' servers run side by side and a
changed one is replaced. A client proves itself with the user's 32-byte key kept there.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parents[2]      # audiobook's own folder
_ENGINE_ENV = ("AUDIOBOOK_CACHE", "XDG_CACHE_HOME", "XDG_DATA_HOME", "HIBARI_HOME", "TTS_HOME")
KEY_BYTES = 32


def runtime_dir(create: bool = False) -> Path | None:
    """The user's folder for the server's files; None if it is not safely the user's own."""
    base = os.environ.get("XDG_RUNTIME_DIR") or ""
    folder = Path(base) / "audiobook" if base and os.path.isdir(base) else \
        Path(tempfile.gettempdir()) / f"audiobook-{os.getuid()}"
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        return None
    return folder


def install() -> str:
    """Which install this is: the interpreter and its environment, audiobook's location and
    version, the engines' settings from the environment. Each install has its own server."""
    from audiobook.voice.engines.base import package_version

    parts = [sys.executable, sys.prefix, sys.version, str(PACKAGE), package_version("audiobook"),
             [os.environ.get(k, "") for k in _ENGINE_ENV]]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:12]


def identity() -> str:
    """This install and the state of its code: audiobook's own files, the installed packages (a
    package installed or removed changes its folder's time). A server whose code changed under it
    is replaced by a new one beside it (it exits once the builds it serves end)."""
    parts: list[Any] = []
    for folder, _dirs, files in sorted(os.walk(PACKAGE)):
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                parts.append((name, st.st_size, st.st_mtime_ns))
    for folder in sorted(set(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))):
        try:
            parts.append((folder, os.stat(folder).st_mtime_ns))
        except OSError:
            pass
    return f"{install()}-{hashlib.sha256(repr(parts).encode()).hexdigest()[:8]}"


def user_key(folder: Path) -> bytes:
    """The user's key, made on first use: written whole before anyone can read it (a temp file
    linked into place), and one of the wrong length (an interrupted write, a full disk) replaced
    by a new one: never an empty key, which would turn authentication off."""
    key_file = folder / "key"
    try:
        key = key_file.read_bytes()
        if len(key) == KEY_BYTES:
            return key
    except FileNotFoundError:
        key = None
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".key.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(KEY_BYTES))
            f.flush()
            os.fsync(f.fileno())
        if key is None:
            try:
                os.link(tmp, key_file)           # only if there is still none: the first one made wins
            except FileExistsError:
                pass
        else:
            os.replace(tmp, key_file)
    finally:
        Path(tmp).unlink(missing_ok=True)
    key = key_file.read_bytes()
    if len(key) != KEY_BYTES:
        raise OSError(f"{key_file}: a key of {len(key)} bytes")
    return key


def socket_and_key(create: bool = False) -> tuple[Path, bytes] | None:
    """This install's socket and the user's key (made on first use), or None."""
    folder = runtime_dir(create)
    if folder is None:
        return None
    try:
        key = user_key(folder) if create else (folder / "key").read_bytes()
    except OSError:
        return None
    if len(key) != KEY_BYTES:
        return None
    return folder / f"{identity()}.sock", key

