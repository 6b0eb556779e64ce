"""The synthesis server: worker processes whose engines outlive one ``audiobook build``.

A fresh build with one edited line to say spends most of its time loading the engine that says
it (hibari: importing it and its G2P and model, 0.5-0.9 s of a 0.8-1.5 s edit). So a build that
finds no server starts one as it ends: a background process holding a pool of synthesis workers
(one per core, one engine thread each), with the profile's voices loaded, that later builds of any
book hand their lines to over a Unix socket, the way Gradle's daemon keeps a warm JVM for the next
command. It only synthesizes (``render.render_job``: each line's audio into the book's cache, as a
build's own worker does); checking, planning, assembling, mastering, encoding, messages and Ctrl-C
stay in the build's process.

The build's side is ``client.py`` (what this package exports); the server's, ``daemon.py`` (run as
``python -m audiobook.voice.server``); where they meet, and how a client proves itself, ``address.py``.

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

from audiobook.voice.server.address import identity
from audiobook.voice.server.client import (
    CONNECT_TIMEOUT,
    ServerExecutor,
    alive,
    connect,
    enabled,
    running,
    servers,
    start,
    stop,
)
from audiobook.voice.server.daemon import HANDSHAKE_SECONDS

__all__ = ["CONNECT_TIMEOUT", "HANDSHAKE_SECONDS", "ServerExecutor", "alive", "connect", "enabled", "identity",
           "running", "servers", "start", "stop"]
