"""MP3 files from frames already encoded: a chapter from its segments' frames, the full book
from its chapter files' frames, without re-encoding (``write``).

A file is an ID3v2 tag, one Info frame (LAME's header for constant bit rate: frame and byte
counts, a seek table, and the encoder delay and padding a gapless decoder trims), then the
frames. Re-encoding the book from PCM costs about as long as encoding every chapter again;
copying frames costs the disk I/O.

Chapter times come from the frames themselves: chapter ``k``'s audio starts after the frames of
chapters ``1..k-1`` and its own encoder delay (priming, about 13 ms), less the delay a decoder trims
once at the start of the file. Each chapter's encoder padding (up to 26 ms of silence) ends up at
the tail of the chapter before the next marker.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from audiobook.errors import OutputError

# MPEG audio: bitrates (kbps) by [version is MPEG-1][bitrate index], Layer III only
_BITRATES = {
    True: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    False: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


@dataclass(frozen=True)
class Frames:
    """The audio frames of one MP3 file: byte range, count, and the samples they decode to."""

    sample_rate: int
    count: int               # audio frames, the Xing/Info frame excluded
    samples_per_frame: int
    delay: int               # encoder delay (LAME tag), samples a decoder trims at the start
    padding: int             # encoder padding (LAME tag), samples trimmed at the end
    offset: int = 0          # where the first audio frame starts in the file
    size: int = 0            # bytes of audio frames from there
    header: bytes = b""      # the first audio frame's 4 header bytes

    @property
    def samples(self) -> int:
        """Samples of all frames, before a decoder trims delay and padding."""
        return self.count * self.samples_per_frame


def _id3_size(data: bytes) -> int:
    if data[:3] != b"ID3" or len(data) < 10:
        return 0
    size = 0
    for b in data[6:10]:
        size = (size << 7) | (b & 0x7F)
    footer = 10 if data[5] & 0x10 else 0
    return 10 + size + footer


def _header(data: bytes, pos: int) -> tuple[int, int, int, bool, bool] | None:
    """(frame bytes, sample rate, samples per frame, mono, mpeg1) of a Layer III frame at pos."""
    if pos + 4 > len(data):
        return None
    h = struct.unpack_from(">I", data, pos)[0]
    if (h >> 21) & 0x7FF != 0x7FF or (h >> 17) & 3 != 1:   # sync, Layer III
        return None
    version, br_idx, sr_idx = (h >> 19) & 3, (h >> 12) & 15, (h >> 10) & 3
    if version == 1 or br_idx in (0, 15) or sr_idx == 3:
        return None
    mpeg1 = version == 3
    rate = _RATES[version][sr_idx]
    kbps = _BITRATES[mpeg1][br_idx]
    pad = (h >> 9) & 1
    spf = 1152 if mpeg1 else 576
    size = (spf // 8) * kbps * 1000 // rate + pad
    return size, rate, spf, (h >> 6) & 3 == 3, mpeg1


def frames(path: Path) -> Frames:
    """Count the audio frames of an MP3 file and read its LAME delay/padding. A file whose Info
    frame's byte count matches its size (every file ``write`` makes) is taken at its Info frame's
    word, after a check of its first and last frames: no walk over a million frame headers."""
    try:
        with open(path, "rb") as f:
            head = f.read(1 << 16)
            total = os.fstat(f.fileno()).st_size
            pos = _id3_size(head)
            if pos + 4096 > len(head):             # a big tag (a cover): read past it
                f.seek(0)
                head = f.read(pos + 4096)
            counted = _counted(f, head, pos, total)
            if counted is not None:
                return counted
            f.seek(0)
            data = f.read()
    except OSError as e:
        raise OutputError(f"{path}: cannot read it ({e.strerror})") from None
    first = _header(data, pos)
    if first is None:
        raise OutputError(f"{path}: not an MP3 file (no MPEG audio frame after its tag); render it again")
    size, rate, spf, _, _ = first
    delay, padding, info = _info(data, pos)
    start = pos + size if info else pos
    count, end = _walk(data, start)
    return Frames(rate, count, spf, delay, padding, start, end - start, data[start:start + 4])


def _walk(data: bytes, pos: int) -> tuple[int, int]:
    """(how many, where they end) of the MPEG audio frames back to back in ``data`` from ``pos``."""
    count = 0
    while (h := _header(data, pos)) is not None:
        count += 1
        pos += h[0]
    return count, pos


def _xing(data: bytes, pos: int) -> int | None:
    """Where the "Xing"/"Info" word of a Xing/Info frame at ``pos`` is (after the frame's 4-byte
    header and its side information), or None if the frame there is audio, or no frame."""
    first = _header(data, pos)
    if first is None:
        return None
    at = pos + 4 + _side_info(first[3], first[4])
    return at if data[at: at + 4] in (b"Xing", b"Info") else None


def _side_info(mono: bool, mpeg1: bool) -> int:
    """Bytes of a Layer III frame's side information."""
    return (17 if mono else 32) if mpeg1 else (9 if mono else 17)


def _info(data: bytes, pos: int) -> tuple[int, int, bool]:
    """(delay, padding, whether it is one) of the Xing/Info frame at ``pos``."""
    first = _header(data, pos)
    if first is None or _xing(data, pos) is None:
        return 0, 0, False
    size = first[0]
    delay = padding = 0
    lame = _lame_tag(data, pos, size)
    if lame >= 0 and lame + 24 <= pos + size:
        d = data[lame + 21: lame + 24]
        delay, padding = (d[0] << 4) | (d[1] >> 4), ((d[1] & 0x0F) << 8) | d[2]
    return delay, padding, True


def _counted(f: BinaryIO, head: bytes, pos: int, total: int) -> Frames | None:
    """The file's frames from its Info frame's counts, if they agree with the file: its byte count
    reaches the end of the file, the audio's size fits that many frames of its bit rate, and a
    frame ends exactly at the end of the file. None: count them one by one."""
    first, at = _header(head, pos), _xing(head, pos)
    if first is None or at is None or len(head) < at + 16:
        return None
    size, rate, spf, _, _ = first
    flags, count, nbytes = struct.unpack(">III", head[at + 4: at + 16])
    start = pos + size
    audio = total - start
    second = _header(head, start)
    if flags & 3 != 3 or not count or pos + nbytes != total or second is None:
        return None
    n = second[0] - ((struct.unpack_from(">I", head, start)[0] >> 9) & 1)   # a frame without its padding byte
    if not count * n <= audio <= count * (n + 1):
        return None
    f.seek(max(start, total - 2 * (n + 1)))
    tail = f.read()
    if not any((h := _header(tail, i)) is not None and i + h[0] == len(tail) for i in range(len(tail) - 3)):
        return None
    delay, padding, _ = _info(head, pos)
    return Frames(rate, count, spf, delay, padding, start, audio, head[start:start + 4])


def _lame_tag(data: bytes, pos: int, size: int) -> int:
    """Where the LAME tag of the Xing/Info frame at ``pos`` starts (LAME's, or ffmpeg's when it
    encoded, "Lavc", or copied, "Lavf"), or -1."""
    for name in (b"LAME", b"Lavc", b"Lavf"):
        at = data.find(name, pos, pos + size)
        if at >= 0:
            return at
    return -1


def audio_offset(head: bytes) -> int | None:
    """Where the first audio frame starts in a file beginning with ``head`` (after an ID3 tag and
    a Xing/Info frame); None if no MPEG audio frame is there."""
    pos = _id3_size(head)
    first = _header(head, pos)
    if first is None:
        return None
    return pos + first[0] if _xing(head, pos) is not None else pos


def count_frames(data: bytes) -> int:
    """The MPEG audio frames ``data`` holds, back to back from its start."""
    return _walk(data, 0)[0]


def chapter_starts(files: list[Frames]) -> list[int]:
    """Sample offsets at which each file's audio begins in the decoded joined stream: after the
    frames before it, less the delay a decoder trims once at the start, plus its own delay."""
    starts, pos = [], 0
    for i, f in enumerate(files):
        starts.append(0 if i == 0 else pos - files[0].delay + f.delay)
        pos += f.samples
    return starts


def total_samples(files: list[Frames]) -> int:
    """Decoded length of the joined stream: all frames less the first delay and the last padding."""
    return sum(f.samples for f in files) - files[0].delay - files[-1].padding


def info_frame(header: bytes, frames: int, audio_bytes: int, delay: int, padding: int) -> bytes:
    """An Info frame (Xing header with a LAME tag) for ``frames`` frames of ``audio_bytes`` that
    start with the 4-byte ``header``: the same stream's frame layout, so a player reads it as a
    silent frame of that stream, and a gapless one trims ``delay`` and ``padding`` samples."""
    h = (struct.unpack(">I", header)[0] & ~(1 << 9)) | (1 << 16)   # no padding byte, no CRC
    parsed = _header(struct.pack(">I", h), 0)
    if parsed is None:
        raise OutputError("not an MPEG audio frame header")
    size, _, _, mono, mpeg1 = parsed
    total = size + audio_bytes
    toc = bytes(min(255, i * 256 // 100) for i in range(100))       # constant bit rate: linear
    body = struct.pack(">I", h) + bytes(_side_info(mono, mpeg1)) + b"Info"
    body += struct.pack(">III", 0x0F, frames, total) + toc + struct.pack(">I", 0)   # quality 0
    kbps = _BITRATES[mpeg1][(h >> 12) & 15]
    lame = b"LAME3.100" + bytes([0x01, 0]) + bytes(8) + bytes([0, min(255, kbps)])
    lame += bytes([delay >> 4, (delay & 0x0F) << 4 | padding >> 8, padding & 0xFF])
    lame += bytes(4) + struct.pack(">I", total) + bytes(2)     # misc, gain, preset; length; no music CRC
    frame = body + lame
    frame += struct.pack(">H", _crc16(frame))
    return frame + bytes(size - len(frame))


def _crc16(data: bytes) -> int:
    """CRC-16 (ARC: polynomial 0x8005 reflected, initial 0), the LAME tag's checksum."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def write(path: Path, tag: bytes, header: bytes, frames: Iterable[bytes], count: int, size: int,
          delay: int, padding: int) -> None:
    """``path``: the ID3 ``tag``, an Info frame, then ``frames``: the audio frames' bytes in pieces
    of any size, ``count`` frames and ``size`` bytes in all, the first with the 4-byte ``header``."""
    with open(path, "wb") as f:
        f.write(tag)
        f.write(info_frame(header, count, size, delay, padding))
        written = 0
        for piece in frames:
            f.write(piece)
            written += len(piece)
    if written != size:
        raise OutputError(f"{path}: {written} bytes of audio frames, not the {size} expected")
