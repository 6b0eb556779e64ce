"""One chapter file as the manuscript reader takes it: its text, read only once it is known to be
UTF-8 text of a sensible size (a binary, a device or a 1 GB file is reported, not read), and the
title its name gives a chapter that has no heading.
"""

from __future__ import annotations

import re
from pathlib import Path

from audiobook.errors import ManuscriptError
from audiobook.files import not_a_file, read_head

_SMALL_WORDS = frozenset("a an and as at but by for in of on or the to".split())

MAX_FILE_BYTES = 64 << 20       # a chapter file; the longest novels are 3-5 MB in all


def read_text(path: Path, label: str) -> str:
    """A chapter file's text; its first bytes are looked at before the whole is read (a 1 GB
    binary, a pipe or a device is reported, not read)."""
    what = not_a_file(path)
    if what is not None:
        raise ManuscriptError(f"{label}: {what}; a chapter must be a UTF-8 text file (or rename it)")
    try:
        data, size = read_head(path, 8192)
    except OSError as e:
        raise ManuscriptError(f"{label}: cannot read it ({e.strerror})") from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ManuscriptError(f"{label}: UTF-16 text; save it as UTF-8")
    if b"\x00" in data:
        raise ManuscriptError(f"{label}: a binary file, not text (a NUL byte at byte {data.index(0)}); "
                              f"manuscript files must be UTF-8 text")
    if size > MAX_FILE_BYTES:
        raise ManuscriptError(f"{label}: {size / 2**20:,.0f} MiB; a chapter file is at most "
                              f"{MAX_FILE_BYTES >> 20} MiB of text: split it")
    try:
        data, size = read_head(path, MAX_FILE_BYTES + 1)
    except OSError as e:
        raise ManuscriptError(f"{label}: cannot read it ({e.strerror})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ManuscriptError(f"{label}: not UTF-8 text (byte {e.start}); save it as UTF-8") from None


def title_from_filename(path: str) -> str:
    stem = Path(path).stem
    stem = re.sub(r"^[\d\s._-]+", "", stem)
    parts = [w for w in re.split(r"[\s._-]+", stem) if w]
    if not parts:
        return ""
    out = []
    for i, w in enumerate(parts):
        low = w.lower()
        out.append(low if i and low in _SMALL_WORDS else w[:1].upper() + w[1:])
    return " ".join(out)

