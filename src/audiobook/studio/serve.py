"""The studio's HTTP server: uvicorn on 127.0.0.1, on a socket bound before it starts (so port 0
picks a free port, known before the URL is printed), with a random token in the URL."""

from __future__ import annotations

import secrets
import socket
import threading

from audiobook.errors import AudiobookError
from audiobook.studio.session import Studio


class StudioServer:
    def __init__(self, studio: Studio, port: int = 0, token: str | None = None) -> None:
        try:
            import uvicorn

            from audiobook.studio.app import create_app
        except ImportError as e:
            raise AudiobookError(f"the studio needs its extra ({e.name} is missing): "
                                 "pip install 'audiobook[studio]'") from None
        self.studio = studio
        self.token = token or secrets.token_urlsafe(24)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.sock.bind(("127.0.0.1", port))
        except OSError as e:
            self.sock.close()
            raise AudiobookError(f"--port {port}: cannot listen on 127.0.0.1:{port} ({e.strerror}); "
                                 "choose another port, or 0 for any free one") from None
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/?token={self.token}"
        config = uvicorn.Config(create_app(studio, self.token, self.port), log_level="warning",
                                lifespan="off", timeout_graceful_shutdown=1)
        self.server = uvicorn.Server(config)
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
