"""The command line (click) and the ``--watch`` loop: the only place that prints or exits."""

from audiobook.cli import (
    proof,  # noqa: F401  (registers `audiobook proof`)
    voices,  # noqa: F401  (registers voices, words, say on the main group)
)
from audiobook.cli.main import main, run

__all__ = ["main", "run"]
