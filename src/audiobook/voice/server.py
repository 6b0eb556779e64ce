"""The synthesis server: worker processes whose engines outlive one ``audiobook build``.

A fresh build with one edited line to say spends most of its time loading the engine that says
it (hibari: importing it and its G2P and model, 0.5-0.9 s of a 0.8-1.5 s edit). So a build that
finds no server starts one as it ends: a background process holding a pool of synthesis workers
(one per core, one engine thread each), with the profile's voices loaded, that later builds of any
book hand their lines to over a Unix socket, the way Gradle's daemon keeps a warm JVM for the next
command. It only synthesizes (``render.render_job``: each line's audio into the book's cache, as a
build's own worker does); checking, planning, assembling, mastering, encoding, messages and Ctrl-C
stay in the build's process.

Each install (interpreter and environment, audiobook's location and version) has its own server,
and several run side by side. One exits after ``AUDIOBOOK_SERVER_IDLE`` seconds (default 30
minutes) without a build; when its socket is gone or its worker pool broken; when audiobook's code
or the installed packages change, once the builds it serves have ended (a build meanwhile starts a
new server beside it); and on ``audiobook server stop`` (this install's; ``--all``: every one).
``AUDIOBOOK_SERVER=0`` turns it off; it is off where ``CI`` is set (unless ``AUDIOBOOK_SERVER=1``),
and ``--jobs N`` builds with its own N workers.

Sockets, locks and logs are in ``$XDG_RUNTIME_DIR/audiobook`` (else ``/tmp/audiobook-UID``), a
folder only its owner can open, named by the install and the state of its code; a client proves
itself with the 32-byte key kept there (``multiprocessing.connection``'s HMAC handshake, within 5 s)
before anything is unpickled.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import itertools
import os
import pickle
import secrets
import socket
import stat
import struct
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, Executor, Future
from concurrent.futures import wait as wait_for
from multiprocessing.connection import Client, Connection, answer_challenge, deliver_challenge
from pathlib import Path
from typing import Any

from audiobook.errors import WorkersLost

IDLE_SECONDS = 30 * 60
CONNECT_TIMEOUT = 2.0     # a server that does not answer within this is not used
HANDSHAKE_SECONDS = 5     # a client that has not proved itself within this is hung up on
_ENGINE_ENV = ("AUDIOBOOK_CACHE", "XDG_CACHE_HOME", "XDG_DATA_HOME", "HIBARI_HOME", "TTS_HOME")
STOPPED = ("the synthesis server stopped during the build (audiobook server stop, audiobook or a package "
           "installed, or it was killed); finished lines are kept: build again")
_started: list[subprocess.Popen[bytes]] = []     # kept, so that no ResourceWarning says it still runs


def enabled() -> bool:
    setting = os.environ.get("AUDIOBOOK_SERVER", "").strip().lower()
    if setting in ("0", "off", "no", "false"):
        return False
    return setting in ("1", "on", "yes", "true") or not os.environ.get("CI")


def idle_seconds() -> float:
    try:
        return max(1.0, float(os.environ.get("AUDIOBOOK_SERVER_IDLE", IDLE_SECONDS)))
    except ValueError:
        return IDLE_SECONDS


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

    here = Path(__file__).resolve().parents[1]
    parts = [sys.executable, sys.prefix, sys.version, str(here), package_version("audiobook"),
             [os.environ.get(k, "") for k in _ENGINE_ENV]]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:12]


def identity() -> str:
    """This install and the state of its code: audiobook's own files, the installed packages (a
    package installed or removed changes its folder's time). A server whose code changed under it
    is replaced by a new one beside it (it exits once the builds it serves end)."""
    here = Path(__file__).resolve().parents[1]
    parts: list[Any] = []
    for folder, _dirs, files in sorted(os.walk(here)):
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


KEY_BYTES = 32


def _key(folder: Path) -> bytes:
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


def _files(create: bool = False) -> tuple[Path, bytes] | None:
    """This install's socket and the user's key (made on first use), or None."""
    folder = runtime_dir(create)
    if folder is None:
        return None
    try:
        key = _key(folder) if create else (folder / "key").read_bytes()
    except OSError:
        return None
    if len(key) != KEY_BYTES:
        return None
    return folder / f"{identity()}.sock", key


# ------------------------------------------------------------------------------ the build's side
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
        try:
            self._conn.send(("bye", 0, None))   # the server cancels what is left and hangs up,
        except (OSError, EOFError, ValueError):  # which ends the reader
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
    files = _files()
    if files is None:
        return None
    found = _connect(*files)
    return ServerExecutor(*found) if found else None


def running() -> bool:
    """Whether this install's server is up (it holds its lock), without talking to it."""
    if not enabled():
        return False
    files = _files()
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
    files = _files(create=True)
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


# ------------------------------------------------------------------------------ the server's side
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
            "install": str(Path(__file__).resolve().parents[1])}

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
    """Run a server at ``sock`` until it is idle, replaced or stopped (``python -m audiobook.voice.server``)."""
    files = _files(create=True)
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


if __name__ == "__main__":
    sys.exit(serve(Path(sys.argv[1])))
