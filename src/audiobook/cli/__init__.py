"""The command line (click) and the ``--watch`` loop: the only place that prints or exits."""

from audiobook.cli import (  # each registers its commands on the main group
    inspect,  # noqa: F401  validate, script, cast, cache, check
    proof,  # noqa: F401  proof
    tools,  # noqa: F401  init, studio, server
    voices,  # noqa: F401  voices, words, say
)
from audiobook.cli.main import main, run

__all__ = ["main", "run"]
