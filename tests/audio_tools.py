"""Reading our output back with tools other than the ones that wrote it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np

from audiobook.audio.export import ffmpeg


def decode(path: Path, rate: int = 44100) -> np.ndarray:
    """Decode any audio file to mono float32 with ffmpeg."""
    out = subprocess.run([ffmpeg(), "-hide_banner", "-loglevel", "error", "-i", str(path), "-f", "f32le",
                          "-ac", "1", "-ar", str(rate), "-"], capture_output=True, check=True).stdout
    return np.frombuffer(out, dtype="<f4")


def ffmpeg_chapters(path: Path) -> list[tuple[float, float, str]]:
    """(start_s, end_s, title) of each chapter, as ffmpeg's demuxer reports them."""
    err = subprocess.run([ffmpeg(), "-hide_banner", "-i", str(path)], capture_output=True, text=True).stderr
    found = re.findall(r"Chapter #\d+:\d+: start ([\d.]+), end ([\d.]+)\s+Metadata:\s+title\s+: (.*)", err)
    return [(float(s), float(e), t.strip()) for s, e, t in found]
