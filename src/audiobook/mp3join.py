"""Join chapter MP3s into one file without re-encoding them.

The full-book MP3 holds exactly the frames of the chapter files, copied by ffmpeg's concat demuxer
(``-c copy``), which writes one Xing/LAME header for the whole stream. Re-encoding the book from
PCM costs about as long as encoding every chapter again; copying frames costs the disk I/O.

Chapter times come from the frames themselves: chapter ``k``'s audio starts after the frames of
chapters ``1..k-1`` and its own encoder delay (priming, about 13 ms), less the delay a decoder trims
once at the start of the file. Each chapter's encoder padding (up to 26 ms of silence) ends up at
the tail of the chapter before the next marker.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

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
    """Count the audio frames of an MP3 file and read its LAME delay/padding."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise OutputError(f"{path}: cannot read it ({e.strerror})") from None
    pos = _id3_size(data)
    first = _header(data, pos)
    if first is None:
        raise OutputError(f"{path}: not an MP3 file (no MPEG audio frame after its tag); render it again")
    size, rate, spf, mono, mpeg1 = first
    side = (17 if mono else 32) if mpeg1 else (9 if mono else 17)
    tag = data[pos + 4 + side: pos + 4 + side + 4]
    delay = padding = 0
    count = 0
    if tag in (b"Xing", b"Info"):
        lame = _lame_tag(data, pos, size)
        if lame >= 0 and lame + 24 <= pos + size:
            d = data[lame + 21: lame + 24]
            delay, padding = (d[0] << 4) | (d[1] >> 4), ((d[1] & 0x0F) << 8) | d[2]
        pos += size
    while (h := _header(data, pos)) is not None:
        count += 1
        pos += h[0]
    return Frames(rate, count, spf, delay, padding)


def _lame_tag(data: bytes, pos: int, size: int) -> int:
    """Where the LAME tag of the Xing/Info frame at ``pos`` starts (LAME's, or ffmpeg's when it
    encoded, "Lavc", or copied, "Lavf"), or -1."""
    for name in (b"LAME", b"Lavc", b"Lavf"):
        at = data.find(name, pos, pos + size)
        if at >= 0:
            return at
    return -1


def set_delay(path: Path, delay: int, padding: int = 0) -> None:
    """Write the encoder delay and padding (samples a gapless decoder trims at the start and the
    end) into the LAME tag of ``path``'s Info frame, in place; ffmpeg writes zeros there when it
    copies frames it did not encode."""
    with open(path, "r+b") as f:
        head = f.read(1 << 16)
        pos = _id3_size(head)
        first = _header(head, pos)
        at = _lame_tag(head, pos, first[0]) if first else -1
        if at < 0:
            raise OutputError(f"{path}: no LAME tag to hold the encoder delay")
        f.seek(at + 21)
        f.write(bytes([delay >> 4, (delay & 0x0F) << 4 | padding >> 8, padding & 0xFF]))


def audio_offset(head: bytes) -> int | None:
    """Where the first audio frame starts in a file beginning with ``head`` (after an ID3 tag and
    a Xing/Info frame); None if no MPEG audio frame is there."""
    pos = _id3_size(head)
    first = _header(head, pos)
    if first is None:
        return None
    size, _, _, mono, mpeg1 = first
    side = (17 if mono else 32) if mpeg1 else (9 if mono else 17)
    if head[pos + 4 + side: pos + 4 + side + 4] in (b"Xing", b"Info"):
        pos += size
    return pos


def count_frames(data: bytes) -> int:
    """The MPEG audio frames ``data`` holds, back to back from its start."""
    pos = count = 0
    while (h := _header(data, pos)) is not None:
        count += 1
        pos += h[0]
    return count


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
