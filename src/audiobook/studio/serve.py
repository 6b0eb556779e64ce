"""The studio's HTTP server: uvicorn on 127.0.0.1, on a socket bound before it starts (so port 0
picks a free port, known before the URL is printed), with a random token in the URL."""

from __future__ import annotations

import secrets
import signal
import socket
import threading
from types import FrameType

from audiobook.errors import AudiobookError
from audiobook.studio.session import Studio

try:
    import ruamel.yaml  # noqa: F401  (profile.py, when a voice is saved)
    import starlette  # noqa: F401
    import uvicorn
except ImportError as e:
    raise AudiobookError(f"the studio needs its extra ({e.name} is missing): pip install 'audiobook[studio]'") from None


class _Server(uvicorn.Server):
    """uvicorn, except that a stop asked for by Ctrl-C or SIGTERM ends the process normally once
    the studio has closed (uvicorn raises the signal again after its shutdown)."""

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self.should_exit and sig == signal.SIGINT:
            self.force_exit = True          # a second Ctrl-C: do not wait for open connections
        self.should_exit = True


class StudioServer:
    def __init__(self, studio: Studio, port: int = 0, token: str | None = None) -> None:
        from audiobook.studio.app import create_app

        self.studio = studio
        self.token = token or secrets.token_urlsafe(24)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.sock.bind(("127.0.0.1", port))
            self.sock.listen(128)          # connections wait in the backlog until uvicorn accepts them
        except OSError as e:
            self.sock.close()
            raise AudiobookError(f"--port {port}: cannot listen on 127.0.0.1:{port} ({e.strerror}); "
                                 "choose another port, or 0 for any free one") from None
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/?token={self.token}"
        config = uvicorn.Config(create_app(studio, self.token, self.port), log_level="warning",
                                lifespan="off", timeout_graceful_shutdown=1)
        self.server = _Server(config)
        self._thread: threading.Thread | None = None

    def run(self) -> None:
        """Serve until Ctrl-C (or SIGTERM); the watch loop runs meanwhile, and stops with it."""
        self.studio.start()
        try:
            self.server.run(sockets=[self.sock])
        finally:
            self.studio.close()
            self.sock.close()

    def start(self) -> None:
        """Serve in a thread (tests, scripts); ``stop()`` ends it."""
        self._thread = threading.Thread(target=self.run, name="studio-http", daemon=True)
        self._thread.start()
        while not self.server.started and self._thread.is_alive():
            threading.Event().wait(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join()
