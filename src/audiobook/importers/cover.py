"""An imported cover made usable: a book's cover must be a square JPEG or PNG, and an EPUB's is
usually a tall rectangle (or a GIF or WebP). ffmpeg, which the build already uses, pads it to a
square; nothing is cropped."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from audiobook.cover import ACX_MIN_PIXELS, image_size
from audiobook.importers.model import Cover


def square_cover(cover: Cover) -> tuple[bytes, str, str]:
    """(image bytes, file suffix, what was done) for ``cover``; raises OSError or
    subprocess.CalledProcessError when ffmpeg cannot read it."""
    found = image_size(cover.data)
    if found is not None and found[1] == found[2] and found[1] > 0:
        kind, w, _ = found
        return cover.data, ".png" if kind == "png" else ".jpg", f"{w}x{w} {kind.upper()}"
    from audiobook.audio.export import ffmpeg

    suffix = Path(cover.name).suffix.lower() or ".img"
    with tempfile.TemporaryDirectory(prefix="audiobook-cover-") as tmp:
        src, dst = Path(tmp) / f"in{suffix}", Path(tmp) / "out.jpg"
        src.write_bytes(cover.data)
        subprocess.run([ffmpeg(), "-v", "error", "-nostdin", "-y", "-i", str(src), "-frames:v", "1",
                        "-vf", r"pad=max(iw\,ih):max(iw\,ih):(ow-iw)/2:(oh-ih)/2:color=black,format=yuvj444p",
                        "-q:v", "2", str(dst)], check=True, capture_output=True, timeout=120)
        data = dst.read_bytes()
    size = image_size(data)
    side = size[1] if size else 0
    was = f"{found[1]}x{found[2]} {found[0].upper()}" if found else Path(cover.name).suffix.lstrip(".").upper()
    small = f"; ACX asks for at least {ACX_MIN_PIXELS}x{ACX_MIN_PIXELS}" if side < ACX_MIN_PIXELS else ""
    return data, ".jpg", f"{was} padded to a {side}x{side} square JPEG{small}"
