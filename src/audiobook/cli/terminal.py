"""Text from a book shown on a terminal: its control characters made visible, never obeyed.

A manuscript (or a book.yaml) can hold ESC, BEL or a C1 control; written raw, they set the
terminal's title, move the cursor or hide what follows. ``visible`` writes each as ``\\x1b``.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")     # every control but tab and newline


def visible(text: str) -> str:
    """``text`` with its control characters (but tab and newline) written as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def visible_json(text: str) -> str:
    """JSON text with the control characters ``json.dumps`` leaves (DEL, C1) written as ``\\u00NN``,
    which JSON reads back as the same character."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
