"""A chapter's audio in segments: mastered as parts, encoded to MP3 one segment at a time, joined
by copying frames. An edit re-encodes the segment it falls in and copies the others' frames
from the chapter's last MP3, so its cost does not grow with the chapter.

**Where segments start.** At every paragraph (scene, heading) with a pause in front long enough
to hold a frame: a segment is a paragraph's lines and the pause after them, what a one-paragraph
edit changes. The cuts depend on the lines alone, never on positions, so an edit leaves every
other segment as it was.

**Why they join seamlessly.** LAME (``lameenc``) encodes ``n`` samples into frames of 1152 that
decode with ``DELAY`` samples of priming in front. A segment of ``n`` samples is encoded from its
first ``round(n / 1152) * 1152 - DELAY - MARGIN``, which comes out as exactly ``round(n / 1152)``
frames: joined, each segment's audio decodes where it belongs (to within half a frame, 13 ms of
the pause before it), and its priming falls in the last ``DELAY + MARGIN`` samples of the pause
before it, which are not encoded. Frames need no bit reservoir from the segment before (each
segment's first frame starts its own), so the join is a plain concatenation.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from audiobook.audio.assemble import Placed
from audiobook.audio.mp3join import audio_offset, count_frames
from audiobook.errors import OutputError
from audiobook.model import to_int16

FRAME = 1152                # samples per MPEG-1 Layer III frame
ENCODER_DELAY = 576         # LAME's, for the LAME tag: a decoder skips it and its own 529 ...
DECODER_DELAY = 529         # ... and, as LAME counts its padding, the last 529 (LAME tag padding)
DELAY = ENCODER_DELAY + DECODER_DELAY    # where a segment's first sample decodes
MARGIN = 288                # samples short of a whole frame, so LAME ends on the frame wanted
CUT_AT = ("paragraph", "scene", "heading")


@dataclass(frozen=True)
class Segment:
    start: int              # first sample in the assembled chapter
    stop: int               # one past the last (the pause after its lines included)
    speech_end: int         # one past the last line's last sample, from ``start``
    content: str            # its lines' keys and offsets, and its length

    @property
    def frames(self) -> int:
        """The MP3 frames it encodes to: its length to the nearest frame, but never cutting speech."""
        need = math.ceil((self.speech_end + DELAY + MARGIN) / FRAME)
        return max(2, round((self.stop - self.start) / FRAME), need)


def split(placed: list[Placed], length: int, key: Callable[[Placed], str]) -> list[Segment]:
    """The segments of a chapter of ``length`` samples whose lines are ``placed``."""
    if not placed:
        return [Segment(0, length, 0, _digest(["empty", length]))]
    starts = [0] + [i for i in range(1, len(placed)) if placed[i].line.brk in CUT_AT
                    and placed[i].start - placed[i - 1].end >= DELAY + MARGIN + FRAME]
    out = []
    for j, i in enumerate(starts):
        begin = 0 if j == 0 else placed[i].start
        after = starts[j + 1] if j + 1 < len(starts) else len(placed)
        stop = placed[after].start if after < len(placed) else length
        lines = [[key(p), p.start - begin, p.end - begin] for p in placed[i:after]]
        out.append(Segment(begin, stop, placed[after - 1].end - begin, _digest([lines, stop - begin])))
    return out


def _digest(parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, separators=(",", ":")).encode()).hexdigest()[:32]


def segment_key(seg: Segment, steps: tuple[float, ...], settings: Any) -> str:
    """What a segment's MP3 frames are made of: its content, the mastering settings and gain
    steps, the encoder."""
    return _digest([seg.content, list(steps), settings])


@dataclass(frozen=True)
class Encoded:
    key: str
    data: bytes             # its MP3 frames
    frames: int


def encode(part: np.ndarray, seg: Segment, key: str, bitrate_kbps: int, quality: int, rate: int) -> Encoded:
    """One mastered segment (float32, ``seg``'s length) as MP3 frames (see the module docstring)."""
    import lameenc

    n_in = seg.frames * FRAME - DELAY - MARGIN
    pcm = to_int16(part[:n_in]).tobytes()
    if len(part) < n_in:           # speech to its last sample: the encoder gets zeros after it
        pcm += bytes(2 * (n_in - len(part)))
    enc = lameenc.Encoder()
    enc.set_bit_rate(bitrate_kbps)
    enc.set_in_sample_rate(rate)
    enc.set_channels(1)
    enc.set_quality(quality)
    data = bytes(enc.encode(pcm)) + bytes(enc.flush())
    return Encoded(key, data, seg.frames)


def encode_all(parts: list[Segment], views: list[np.ndarray], keys: list[str], reuse: dict[str, Encoded],
               bitrate_kbps: int, quality: int, rate: int) -> list[Encoded]:
    """Every segment's frames: from ``reuse`` where its key is there, encoded otherwise, several
    at once (LAME lets go of the GIL: the last chapter of a build is encoded on every core)."""
    todo = [i for i, key in enumerate(keys) if key not in reuse]

    def one(i: int) -> Encoded:
        enc = encode(views[i], parts[i], keys[i], bitrate_kbps, quality, rate)
        check_frames(enc)
        return enc

    if len(todo) > 1:
        with ThreadPoolExecutor(min(len(todo), os.cpu_count() or 1)) as pool:
            made = dict(zip(todo, pool.map(one, todo), strict=True))
    else:
        made = {i: one(i) for i in todo}
    return [made[i] if i in made else reuse[key] for i, key in enumerate(keys)]


def timeline(samples: np.ndarray, segments: list[Segment]) -> Iterator[np.ndarray]:
    """The mastered chapter as the MP3 decodes it (``length``): each segment cut or padded (with
    zeros) to its frames. For what is encoded from the PCM instead (the M4B), so both agree."""
    left = length(segments)
    for seg in segments:
        want = min(seg.frames * FRAME, left)
        part = samples[seg.start:seg.stop][:want]
        yield part
        if len(part) < want:
            yield np.zeros(want - len(part), np.float32)
        left -= want


def length(segments: list[Segment]) -> int:
    """Samples the joined segments decode to: their frames, less what a decoder skips (``DELAY``;
    the last segment's silence is that much shorter)."""
    return sum(seg.frames for seg in segments) * FRAME - DELAY


def decoded_start(segments: list[Segment], sample: int) -> int:
    """Where a sample of the assembled chapter is in the decoded one (from its segment's start)."""
    pos = 0
    for seg in segments:
        if sample < seg.stop or seg is segments[-1]:
            return pos + sample - seg.start
        pos += seg.frames * FRAME
    return sample


def reusable(mp3: Path, stored: tuple[Stored, ...]) -> dict[str, Encoded]:
    """The ``stored`` segments of a chapter's last MP3, by key, read from the file and checked
    against their CRCs; any that do not match are left out (and encoded again)."""
    if not stored:
        return {}
    found: dict[str, Encoded] = {}
    try:
        with open(mp3, "rb") as f:
            head = f.read(1 << 16)
            base = audio_offset(head)
            if base is None:
                return {}
            for s in stored:
                f.seek(base + s.offset)
                data = f.read(s.size)
                if len(data) == s.size and zlib.crc32(data) == s.crc:
                    found[s.key] = Encoded(s.key, data, s.frames)
    except (OSError, ValueError):     # the file gone, or damaged
        return {}
    return found


def levels_id(mastering: Any, rate: int) -> str:
    """What a chapter's stored part levels (``master_parts``) are good for: these settings, this rate."""
    return _digest([mastering, rate, "part sums of squares 1"])


def known_levels(stored: tuple[str, dict[str, Any]] | None, levels_of: str, segments: list[Segment]
                 ) -> list[dict[str, float]]:
    """Each segment's levels from the chapter's last build (``stored``: what they are good for,
    and the levels by segment content), where its content and the mastering settings are the
    same; {} for the others."""
    if stored is None or stored[0] != levels_of:
        return [{} for _ in segments]
    out: list[dict[str, float]] = []
    for seg in segments:
        lv = stored[1].get(seg.content)
        if isinstance(lv, dict) and all(isinstance(k, str) and isinstance(v, float) for k, v in lv.items()):
            out.append(lv)
        else:
            out.append({})
    return out


@dataclass(frozen=True)
class Stored:
    """Where a segment's frames are in the chapter's MP3 (for the next build to copy them)."""

    key: str
    offset: int           # bytes after the first audio frame's start
    size: int
    crc: int
    frames: int


def records(encoded: list[Encoded]) -> tuple[Stored, ...]:
    """Each encoded segment's place in the MP3 written from them in order."""
    out, pos = [], 0
    for e in encoded:
        out.append(Stored(e.key, pos, len(e.data), zlib.crc32(e.data), e.frames))
        pos += len(e.data)
    return tuple(out)


def check_frames(encoded: Encoded) -> None:
    """LAME gave the frames wanted (the module docstring's arithmetic holds for this encoder)."""
    got = count_frames(encoded.data)
    if got != encoded.frames:
        raise OutputError(f"the MP3 encoder made {got} frames for a segment that needs {encoded.frames}; "
                          f"check the lameenc version (pip install -U lameenc)")

