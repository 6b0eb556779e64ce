"""The synthesis server's side: a process holding a pool of synthesis workers that serves the
builds of this install over a Unix socket (``python -m audiobook.voice.server SOCKET``).

Each connection is a build: it proves itself (an HMAC handshake on the user's key, within
``HANDSHAKE_SECONDS``) before anything it sends is unpickled, then sends functions by name to run
on the pool. The server exits after ``AUDIOBOOK_SERVER_IDLE`` seconds (default 30 minutes) without
a build, when its socket is gone or its pool broken, when the install's code changed and no build
is being served, and when asked to stop.
"""

from __future__ import annotations

import fcntl
import functools
import os
import pickle
import socket
import struct
import sys
import threading
import time
from concurrent.futures import BrokenExecutor, Future
from multiprocessing.connection import Connection, answer_challenge, deliver_challenge
from pathlib import Path
from typing import Any

from audiobook.errors import WorkersLost
from audiobook.voice.server.address import PACKAGE, identity, runtime_dir, socket_and_key
from audiobook.voice.server.client import STOPPED

IDLE_SECONDS = 30 * 60
HANDSHAKE_SECONDS = 5     # a client that has not proved itself within this is hung up on


def idle_seconds() -> float:
    try:
        return max(1.0, float(os.environ.get("AUDIOBOOK_SERVER_IDLE", IDLE_SECONDS)))
    except ValueError:
        return IDLE_SECONDS


class _Server:
    def __init__(self, sock: Path, key: bytes, idle: float) -> None:
        from audiobook.voice.workers import worker_pool

        self.sock, self.key, self.idle = sock, key, idle
        self.lock = threading.Lock()
        self.active = 0
        self.last = time.monotonic()
        self.stopping = threading.Event()
        self.voices: tuple[Any, ...] = ()
        try:                       # the voices to load now, from the build that started it
            self.voices = tuple(pickle.load(sys.stdin.buffer))
        except Exception:
            pass
        self.jobs = os.cpu_count() or 1
        os.environ["OMP_NUM_THREADS"] = "1"   # one engine thread a worker (a build that ran inline set 2)
        self.pool = worker_pool(0, self.voices)
        self.served = 0
        self.info: dict[str, Any] = {
            "pid": os.getpid(), "started": time.time(), "workers": self.jobs, "idle_timeout": idle,
            "voices": [getattr(v, "name", "?") for v in self.voices], "log": str(sock.with_suffix(".log")),
            "install": str(PACKAGE)}

    def run(self, listener: socket.socket) -> None:
        """Accept builds until stopped. The accept never waits on a client: each connection's
        handshake runs in its own thread, with a time limit (an idle connection costs a thread
        for ``HANDSHAKE_SECONDS``, never the next build its server)."""
        from audiobook.voice.workers import warm_up

        warm_up(self.pool, self.jobs, self.voices)
        threading.Thread(target=self._watchdog, daemon=True).start()
        listener.settimeout(0.5)         # so that a stop is seen without a connection to wake it
        while not self.stopping.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:              # the socket closed under us
                break
            threading.Thread(target=self._welcome, args=(client,), daemon=True).start()

    def _welcome(self, client: socket.socket) -> None:
        """The HMAC handshake (the client proves it has the key before anything is unpickled),
        within ``HANDSHAKE_SECONDS``; then serve it."""
        client.setblocking(True)
        limit = struct.pack("ll", int(HANDSHAKE_SECONDS), 0)
        client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, limit)
        client.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, limit)
        conn = Connection(client.detach())
        try:
            deliver_challenge(conn, self.key)
            answer_challenge(conn, self.key)
            with socket.socket(fileno=os.dup(conn.fileno())) as same:   # no time limit once it is in
                same.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 0, 0))
                same.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", 0, 0))
        except Exception:                # the wrong key, a hang-up, or silence past the limit
            conn.close()
            return
        self._serve(conn)

    def _stop(self) -> None:
        """Stop accepting; ``run`` returns within half a second."""
        self.stopping.set()

    def _watchdog(self) -> None:
        """Exit when idle, when the socket is gone or taken (nobody can reach this server), when
        the pool is broken, or, once no build is being served, when the install's code changed
        (a build then starts a new server beside this one)."""
        me = self.sock.stem
        try:
            bound = self.sock.stat().st_ino
        except OSError:
            bound = -1
        while not self.stopping.wait(min(1.0, self.idle / 4)):
            with self.lock:
                busy = self.active > 0
                idle = not busy and time.monotonic() - self.last > self.idle
            try:
                lost = self.sock.stat().st_ino != bound
            except OSError:
                lost = True
            broken = bool(getattr(self.pool, "_broken", False))
            if idle or lost or broken or (not busy and identity() != me):
                self._stop()

    def _serve(self, conn: Connection) -> None:
        with self.lock:
            self.active += 1
        pending: dict[int, Future[Any]] = {}
        send = threading.Lock()

        def reply(rid: int, fut: Future[Any]) -> None:
            pending.pop(rid, None)
            if fut.cancelled():
                return
            exc = fut.exception()
            try:
                with send:
                    try:
                        conn.send(("ok", rid, fut.result()) if exc is None else ("error", rid, exc))
                    except (pickle.PicklingError, TypeError, AttributeError):   # an exception that does not pickle
                        conn.send(("error", rid, RuntimeError(f"{type(exc).__name__}: {exc}")))
            except (OSError, EOFError, ValueError):
                pass
            if isinstance(exc, BrokenExecutor):      # a worker died: the next build starts a new server
                self._stop()

        try:
            while True:
                kind, rid, body = conn.recv()
                if kind == "run":
                    fn, args, kwargs = body
                    try:
                        fut = self.pool.submit(fn, *args, **kwargs)
                    except Exception as e:           # stopping, or a broken pool
                        fut = Future()
                        fut.set_exception(WorkersLost(f"{STOPPED} ({e})"))
                    pending[rid] = fut
                    self.served += 1
                    fut.add_done_callback(functools.partial(reply, rid))
                elif kind == "hello":
                    with send:
                        conn.send(("hello", 0, self.info | {"lines": self.served}))
                elif kind == "stop":
                    self._stop()
                    break
                else:       # "bye": the build is done, or stopped
                    break
        except (EOFError, OSError, pickle.UnpicklingError, ValueError, TypeError):
            pass
        finally:
            for fut in list(pending.values()):
                fut.cancel()
            conn.close()
            with self.lock:
                self.active -= 1
                self.last = time.monotonic()


def _tidy(keep: Path) -> None:
    """Remove the files of servers that have exited (their lock is free), but ``keep``'s."""
    for lock_file in keep.parent.glob("*.lock"):
        if lock_file.stem == keep.stem:
            continue
        try:
            with open(lock_file, "rb") as f:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                for suffix in (".sock", ".log", ".lock"):
                    lock_file.with_suffix(suffix).unlink(missing_ok=True)
        except OSError:          # held: that server still runs (it is stopping)
            pass


def serve(sock: Path) -> int:
    """Run a server at ``sock`` until it is idle, replaced or stopped."""
    files = socket_and_key(create=True)
    if files is None:
        print(f"audiobook server: {runtime_dir()} is not a private folder of this user", file=sys.stderr)
        return 1
    _, key = files
    lock = open(sock.with_suffix(".lock"), "a+")     # held for the server's life; the system lets go at exit
    for attempt in range(10):    # a build's ``running`` holds it for microseconds
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if attempt == 9:
                return 0         # another server of this install started first: it serves
            time.sleep(0.05)
    os.chdir("/")            # not the folder of the build that started it (it may go); jobs name absolute paths
    sock.unlink(missing_ok=True)             # one a killed server left
    _tidy(sock)
    server = _Server(sock, key, idle_seconds())
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(sock))
    listener.listen(64)
    bound = sock.stat().st_ino
    print(f"audiobook server {os.getpid()} at {sock}: {server.jobs} workers, voices "
          f"{', '.join(server.info['voices']) or '(none)'}; exits after {server.idle:g} s idle", flush=True)
    try:
        server.run(listener)
    finally:
        listener.close()
        try:
            if sock.stat().st_ino == bound:      # still ours: nobody can connect to it now
                sock.unlink()
        except OSError:
            pass
        # not waiting for the pool: after a worker died, CPython 3.11's pool can hang in shutdown
        # with its futures cancelled; the workers exit on their own once this process is gone
        server.pool.shutdown(wait=False, cancel_futures=True)
        print(f"audiobook server {os.getpid()}: stopped after {server.served} lines", flush=True)
    os._exit(0)

