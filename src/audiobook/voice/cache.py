"""Content-addressed line audio: one WAV per key, written atomically, checked on read.

A key hashes everything that changes a line's audio (``line_key``): the text as sent to the
engine, the voice (engine, model identity, options, speed, pitch) and the pipeline's audio format.
Nothing positional (no chapter or line numbers), so editing one paragraph leaves every other
line's key alone. Each file ends with a CRC chunk, so a damaged entry is detected and re-rendered.
"""

from __future__ import annotations

import hashlib
import json
import struct
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from audiobook.files import atomic_write
from audiobook.model import SAMPLE_RATE

FORMAT = {"rate": SAMPLE_RATE, "channels": 1, "bits": 16, "version": 2}
_CRC_CHUNK = b"abck"
_OVERHEAD = 44 + 12             # RIFF/fmt/data headers, and the CRC chunk after the samples
STALE_PART_S = 600              # a temp file this old is no live write's: prune removes it


def line_key(text: str, voice_identity: dict[str, Any], extra: dict[str, Any] | None = None) -> str:
    payload = {"text": text, "voice": voice_identity, "format": FORMAT, "extra": extra or {}}
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:40]


@dataclass(frozen=True)
class CacheStats:
    entries: int
    bytes: int


class LineCache:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.wav"

    def has(self, key: str) -> bool:
        """Cheap existence check (the content is verified when read)."""
        return self.path(key).is_file()

    def samples(self, key: str) -> int | None:
        """How many samples an entry holds, from its size alone (None if missing): one stat, no read."""
        try:
            size = self.path(key).stat().st_size
        except OSError:
            return None
        return max(0, size - _OVERHEAD) // 2

    def read(self, key: str) -> np.ndarray | None:
        """The int16 samples of an entry, or None if it is missing or damaged (then removed)."""
        p = self.path(key)
        try:
            blob = p.read_bytes()
        except OSError:
            return None
        samples = _decode(blob)
        if samples is None:
            p.unlink(missing_ok=True)
        return samples

    def write(self, key: str, samples: np.ndarray) -> Path:
        """Store int16 mono samples; temp file + rename, so a killed build leaves no half entry.
        Not synced to disk: after a power cut an entry may be empty or torn, which its size and
        CRC show on read (it is then rendered again), so a build need not wait for the disk."""
        p = self.path(key)
        p.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(p, _encode(samples.astype("<i2", copy=False)), durable=False)
        return p

    def keys(self) -> Iterator[str]:
        """The entries' keys; not the temp files (".KEY.wav.XXXX.part.wav") a killed build leaves."""
        if not self.root.is_dir():
            return
        for sub in self.root.iterdir():
            if sub.is_dir():
                for f in sub.glob("*.wav"):
                    if not f.name.startswith("."):
                        yield f.stem

    def stats(self) -> CacheStats:
        n = size = 0
        for key in self.keys():
            try:
                size += self.path(key).stat().st_size
            except FileNotFoundError:        # removed meanwhile (a damaged entry, a prune)
                continue
            n += 1
        return CacheStats(n, size)

    def prune(self, keep: Iterable[str], now: float | None = None) -> CacheStats:
        """Delete every entry whose key is not in ``keep``, and the temp files killed writes left
        (those older than STALE_PART_S: a younger one may be a live write's); returns what was removed."""
        keep = set(keep)
        stale = (time.time() if now is None else now) - STALE_PART_S
        doomed = [self.path(key) for key in list(self.keys()) if key not in keep]
        if self.root.is_dir():
            doomed += [f for sub in self.root.iterdir() if sub.is_dir()
                       for f in sub.glob(".*.part.wav") if _mtime(f) < stale]
        n = size = 0
        for p in doomed:
            try:
                size += p.stat().st_size
                p.unlink()
            except FileNotFoundError:
                continue
            n += 1
        return CacheStats(n, size)


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except FileNotFoundError:
        return float("inf")


def _encode(pcm: np.ndarray) -> list[bytes | memoryview]:
    """The WAV file of ``pcm`` as pieces to write one after the other (the samples not copied)."""
    data = memoryview(np.ascontiguousarray(pcm).data).cast("B")
    fmt = struct.pack("<HHIIHH", 1, 1, SAMPLE_RATE, SAMPLE_RATE * 2, 2, 16)
    pad = b"\0" if len(data) % 2 else b""
    tail = pad + _CRC_CHUNK + struct.pack("<I", 4) + struct.pack("<I", zlib.crc32(data))
    head = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data))
    size = len(head) + len(data) + len(tail)
    return [b"RIFF" + struct.pack("<I", size) + head, data, tail]


def _decode(blob: bytes) -> np.ndarray | None:
    if len(blob) < 12 or blob[:4] != b"RIFF" or blob[8:12] != b"WAVE":
        return None
    if struct.unpack("<I", blob[4:8])[0] != len(blob) - 8:
        return None
    pos, data, crc = 12, None, None
    while pos + 8 <= len(blob):
        cid, size = blob[pos:pos + 4], struct.unpack("<I", blob[pos + 4:pos + 8])[0]
        body = blob[pos + 8:pos + 8 + size]
        if cid == b"data":
            data = body
        elif cid == _CRC_CHUNK and size == 4:
            crc = struct.unpack("<I", body)[0]
        pos += 8 + size + (size % 2)
    if data is None or crc is None or zlib.crc32(data) != crc:
        return None
    return np.frombuffer(data, dtype="<i2")
