"""``python -m audiobook.voice.server SOCKET``: run a synthesis server (``daemon.serve``)."""

import sys
from pathlib import Path

from audiobook.voice.server.daemon import serve

sys.exit(serve(Path(sys.argv[1])))
