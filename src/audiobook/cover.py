"""Cover images: the format and size read from the file's header (no imaging library needed).

ACX asks for a square cover of at least 2400x2400 pixels, JPEG (we also take PNG, which MP4 and
ID3 both carry). ``read_cover`` rejects anything else with a message naming the file.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from audiobook.errors import ConfigError
from audiobook.files import not_a_file, read_head

ACX_MIN_PIXELS = 2400
MAX_PIXELS = 3000           # ACX's largest; more only makes every MP3 bigger
MAX_BYTES = 10 << 20        # a 3000x3000 JPEG is 1-4 MB; every chapter file carries a copy
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (baseline, progressive, ...): not DHT (C4), JPG (C8) or DAC (CC)
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


@dataclass(frozen=True)
class Cover:
    path: Path
    kind: str          # "jpeg" or "png"
    width: int
    height: int

    @property
    def mime(self) -> str:
        return f"image/{self.kind}"

    def warnings(self) -> list[str]:
        """What a retailer would reject although the file is usable."""
        if min(self.width, self.height) < ACX_MIN_PIXELS:
            return [f"{self.path}: the cover is {self.width}x{self.height}; ACX asks for at least "
                    f"{ACX_MIN_PIXELS}x{ACX_MIN_PIXELS}"]
        return []


def missing_cover() -> str:
    """The warning for a book without a cover: retailers need one; how to add it."""
    return (f"manuscript/book.yaml: no cover; ACX needs one (a square JPEG or PNG of at least "
            f"{ACX_MIN_PIXELS}x{ACX_MIN_PIXELS}): put it in manuscript/ and add `cover: cover.jpg` to book.yaml")


def image_size(data: bytes) -> tuple[str, int, int] | None:
    """(kind, width, height) of a JPEG or PNG from its header bytes; None for anything else."""
    if data.startswith(_PNG_MAGIC) and len(data) >= 24 and data[12:16] == b"IHDR":
        w, h = struct.unpack(">II", data[16:24])
        return "png", int(w), int(h)
    if not data.startswith(b"\xff\xd8"):
        return None
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:                 # fill byte
            i += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):   # markers without a length
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2: i + 4])
        if marker in _SOF and i + 9 <= len(data):
            h, w = struct.unpack(">HH", data[i + 5: i + 9])
            return "jpeg", int(w), int(h)
        if marker == 0xDA:                 # start of scan before any frame header
            return None
        i += 2 + length
    return None


def read_cover(path: Path, where: str) -> Cover:
    """The cover at ``path``, checked: a square JPEG or PNG of at most ``MAX_PIXELS`` and
    ``MAX_BYTES``. ``where`` names the key (for messages)."""
    what = not_a_file(path)
    if what is not None:
        raise ConfigError(f"{where}: {path}: {what}")
    try:
        head, size = read_head(path, 1 << 20)
    except OSError as e:
        raise ConfigError(f"{where}: cannot read {path} ({e.strerror})") from None
    fix = f"save it as a JPEG of {MAX_PIXELS}x{MAX_PIXELS} pixels or less (quality 90: 1-4 MB)"
    if size > MAX_BYTES:
        raise ConfigError(f"{where}: {path} is {size / 1e6:.1f} MB; a cover is at most {MAX_BYTES / 1e6:.1f} MB: {fix}")
    found = image_size(head)
    if found is None:
        raise ConfigError(f"{where}: {path} is not a JPEG or PNG image")
    kind, w, h = found
    if w != h or w == 0:
        raise ConfigError(f"{where}: {path} is {w}x{h}; a cover must be square "
                          f"(ACX asks for at least {ACX_MIN_PIXELS}x{ACX_MIN_PIXELS})")
    if w > MAX_PIXELS:
        raise ConfigError(f"{where}: {path} is {w}x{h} pixels; ACX takes at most {MAX_PIXELS}x{MAX_PIXELS}: {fix}")
    return Cover(path, kind, w, h)
