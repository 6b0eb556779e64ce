"""The build's side of the synthesis server: find this install's server and hand it lines as a
``concurrent.futures.Executor``; start one in the background; list and stop servers.

``AUDIOBOOK_SERVER=0`` turns the server off; it is off where ``CI`` is set (unless
``AUDIOBOOK_SERVER=1``).
"""

from __future__ import annotations

import fcntl
import itertools
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from concurrent.futures import wait as wait_for
from multiprocessing.connection import Client, Connection
from pathlib import Path
from typing import Any

from audiobook.errors import WorkersLost
from audiobook.voice.server.address import KEY_BYTES, identity, install, runtime_dir, socket_and_key

CONNECT_TIMEOUT = 2.0     # a server that does not answer within this is not used
STOPPED = ("the synthesis server stopped during the build (audiobook server stop, audiobook or a package "
           "installed, or it was killed); finished lines are kept: build again")
_started: list[subprocess.Popen[bytes]] = []     # kept, so that no ResourceWarning says it still runs


def enabled() -> bool:
    setting = os.environ.get("AUDIOBOOK_SERVER", "").strip().lower()
    if setting in ("0", "off", "no", "false"):
        return False
    return setting in ("1", "on", "yes", "true") or not os.environ.get("CI")


class ServerExecutor(Executor):
    """A ``concurrent.futures.Executor`` whose calls run on a synthesis server's workers. Functions
    go by name (module-level, as for a process pool); a server that goes away fails the calls still
    waiting with a ``WorkersLost`` that says so (a worker of its that dies: ``BrokenExecutor``,
    as for a process pool)."""

    def __init__(self, conn: Connection, info: dict[str, Any]) -> None:
        self.info = info
        self._conn = conn
        self._futures: dict[int, Future[Any]] = {}
        self._ids = itertools.count()
        self._lock = threading.Lock()
        self._closed = False
        self._reader = threading.Thread(target=self._read, daemon=True, name="audiobook-server-replies")
        self._reader.start()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot schedule new futures after shutdown")
            rid = next(self._ids)
            self._futures[rid] = fut
            try:
                self._conn.send(("run", rid, (fn, args, kwargs)))
            except (OSError, EOFError):
                del self._futures[rid]
                fut.set_exception(WorkersLost(STOPPED))
        return fut

    def _read(self) -> None:
        try:
            while True:
                kind, rid, value = self._conn.recv()
                with self._lock:
                    fut = self._futures.pop(rid, None)
                if fut is None or not fut.set_running_or_notify_cancel():
                    continue
                if kind == "ok":
                    fut.set_result(value)
                else:
                    fut.set_exception(value)
        except (EOFError, OSError, pickle.UnpicklingError, ValueError, TypeError):
            pass
        with self._lock:
            left, self._futures = list(self._futures.values()), {}
            self._closed = True
        for fut in left:
            if fut.set_running_or_notify_cancel():
                fut.set_exception(WorkersLost(STOPPED))
        with self._lock:          # never while shutdown() or submit() is sending on it
            self._conn.close()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._closed = True
            pending = list(self._futures.values())
        if cancel_futures:
            for fut in pending:
                fut.cancel()
        elif wait:
            wait_for(pending)
        with self._lock:          # the reader closes the connection when the server goes away
            try:
                if not self._conn.closed:
                    self._conn.send(("bye", 0, None))   # the server cancels what is left and hangs up,
            except (OSError, EOFError, ValueError):      # which ends the reader
                pass
        if wait:
            self._reader.join(CONNECT_TIMEOUT)


def _connect(sock: Path, key: bytes) -> tuple[Connection, dict[str, Any]] | None:
    """A connection to the server at ``sock`` that answered within ``CONNECT_TIMEOUT``, and what it
    says about itself; None if there is none (or it is stuck: a thread is left waiting on it)."""
    if not sock.exists():
        return None
    got: list[tuple[Connection, dict[str, Any]]] = []

    def attempt() -> None:
        try:
            conn = Client(str(sock), family="AF_UNIX", authkey=key)
            conn.send(("hello", 0, None))
            kind, _, info = conn.recv()
            if kind == "hello":
                got.append((conn, info))
            else:
                conn.close()
        except Exception:         # refused (a stale socket), the wrong key, a server stopping: none
            pass

    t = threading.Thread(target=attempt, daemon=True, name="audiobook-server-connect")
    t.start()
    t.join(CONNECT_TIMEOUT)
    return got[0] if got else None


def connect() -> ServerExecutor | None:
    """The running server of this install as an executor, or None (none running, or turned off)."""
    if not enabled():
        return None
    files = socket_and_key()
    if files is None:
        return None
    found = _connect(*files)
    return ServerExecutor(*found) if found else None


def running() -> bool:
    """Whether this install's server is up (it holds its lock), without talking to it."""
    if not enabled():
        return False
    files = socket_and_key()
    if files is None:
        return False
    try:
        with open(files[0].with_suffix(".lock"), "rb") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(f, fcntl.LOCK_UN)
    except OSError:
        pass
    return False


def start(voices: Iterable[Any]) -> bool:
    """Start this install's server in the background, loading ``voices``; it lives on after this
    process (its own session: the terminal's Ctrl-C is not its). False if it cannot be started."""
    if not enabled():
        return False
    files = socket_and_key(create=True)
    if files is None:
        return False
    sock, _ = files
    try:
        with open(sock.with_suffix(".log"), "wb") as log:
            # -P, and in /: no module of the build's folder (a book's own code.py) shadows one of the server's
            proc = subprocess.Popen([sys.executable, "-P", "-m", "audiobook.voice.server", str(sock)], cwd="/",
                                    stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT,
                                    start_new_session=True, close_fds=True)
        assert proc.stdin is not None
        proc.stdin.write(pickle.dumps(tuple(voices)))
        proc.stdin.close()
    except OSError:
        return False
    _started.append(proc)
    return True


def _answering(every: bool = True) -> Iterator[tuple[Path, Connection, dict[str, Any]]]:
    """Every server of this user (``every``) or of this install that answers: its socket, a
    connection to it, what it says."""
    folder = runtime_dir()
    if folder is None or not (folder / "key").is_file():
        return
    key = (folder / "key").read_bytes()
    if len(key) != KEY_BYTES:
        return
    for sock in sorted(folder.glob("*.sock" if every else f"{install()}-*.sock")):
        got = _connect(sock, key)
        if got:
            yield sock, *got


def servers() -> list[dict[str, Any]]:
    """What every server of this user that answers says about itself."""
    found = []
    for sock, conn, info in _answering():
        conn.close()
        found.append(info | {"socket": str(sock), "current": sock.stem == identity(),
                             "this_install": sock.stem.startswith(install())})
    return found


def stop(every: bool = False, wait: float = 10.0) -> list[int]:
    """Ask this install's servers (``every``: every one of this user) to exit, even while they
    serve a build (which then stops with a message); their pids, once gone (after at most ``wait``
    seconds)."""
    pids = []
    for _sock, conn, info in _answering(every):
        try:
            conn.send(("stop", 0, None))
        except OSError:
            pass
        pids.append(int(info["pid"]))
        conn.close()
    deadline = time.monotonic() + wait
    while pids and any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return pids


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a server this process started and that exited is reaped)."""
    for proc in _started:
        if proc.pid == pid:
            return proc.poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

