"""Audio files out: MP3 chapters, and the full book as an MP3 (ID3 chapter markers, tags, APIC
cover) and/or an M4B (AAC, chapter atoms, iTunes tags, cover).

The MP3s are written here from frames already encoded (``write_mp3``: a chapter's paragraphs,
LAME-encoded by ``segments``; ``join_mp3``: the chapter files' frames, for the full book) after
an ID3 tag made here (``id3_tag``). The M4B's AAC, and ``encode_mp3`` (an MP3 straight from PCM,
for benchmarks and tests), are ffmpeg (from imageio-ffmpeg, or one on PATH) fed raw PCM on stdin.
Every file is written under a temporary name in its folder and renamed into place when complete,
so a player or a sync client never sees a half-written book.
"""

from __future__ import annotations

import errno
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audiobook.cover import Cover
from audiobook.errors import EngineError, OutputError, write_failed
from audiobook.files import replacing
from audiobook.model import MAX_NAME_BYTES, SAMPLE_RATE

MP3_BITRATE = "192k"
MP3_KBPS = 192
# LAME's -q (0 slowest .. 9 fastest). At 192 kbps mono speech 7 decodes as close to the source as
# LAME's default 3 (30.4 vs 30.0 dB SNR on a sample chapter) and encodes 2.1x faster.
LAME_QUALITY = 7
AAC_BITRATE = "64k"      # mono speech: what Audible sells as high quality
# AAC at 64k overshoots the mastered peaks by up to 1.2 dB (MP3 at 192k: 0.3 dB): the M4B is
# encoded this much lower, so it keeps ACX's -3 dB peak and stays well inside its RMS window.
AAC_HEADROOM_DB = 1.5


@dataclass(frozen=True)
class Tags:
    title: str
    author: str = ""
    album: str = ""
    narrator: str = ""
    year: str = ""
    track: str = ""          # "3/12"


@dataclass(frozen=True)
class Marker:
    title: str
    start_ms: int
    end_ms: int


def ffmpeg() -> str:
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg
    except ImportError:
        raise EngineError("ffmpeg not found; run: pip install imageio-ffmpeg (or install ffmpeg)") from None
    return str(imageio_ffmpeg.get_ffmpeg_exe())


def start_mp3(out: Path, tags: Tags, metadata: Path | None = None, cover: Cover | None = None
              ) -> subprocess.Popen[bytes]:
    """An ffmpeg process encoding s16le mono PCM from its stdin into ``out`` (192 kbps CBR).
    ``metadata``: an FFMETADATA file whose chapters become ID3 CTOC/CHAP frames; ``cover``: an
    APIC front cover."""
    return _start("mp3", out, tags, metadata, cover)


def start_m4b(out: Path, tags: Tags, metadata: Path | None = None, cover: Cover | None = None
              ) -> subprocess.Popen[bytes]:
    """Like ``start_mp3``, into an M4B: AAC, chapter atoms (Nero ``chpl`` and a QuickTime chapter
    track, which ffmpeg writes both), iTunes tags, the cover as ``covr``, brand ``M4B ``."""
    return _start("m4b", out, tags, metadata, cover)


PCM_INPUT = ("-f", "s16le", "-ar", str(SAMPLE_RATE), "-ac", "1", "-i", "pipe:0")
AAC_CODEC = ["-af", f"volume=-{AAC_HEADROOM_DB}dB", "-c:a", "aac", "-aac_coder", "fast", "-b:a", AAC_BITRATE,
             "-ar", str(SAMPLE_RATE), "-ac", "1"]


def _start(fmt: str, out: Path, tags: Tags, metadata: Path | None, cover: Cover | None,
           source: tuple[str, ...] = PCM_INPUT) -> subprocess.Popen[bytes]:
    """ffmpeg writing ``out``; its audio comes from ``source`` (PCM on stdin, or an AAC file
    copied: format ``m4bcopy``)."""
    cmd = [ffmpeg(), "-hide_banner", "-loglevel", "error", "-y", *source]
    maps = ["-map", "0:a"]
    if metadata is not None:
        cmd += ["-f", "ffmetadata", "-i", str(metadata)]
        maps += ["-map_metadata", "1", "-map_chapters", "1"]
    if cover is not None:      # the demuxer named, so a "%" in the path is not an image pattern
        cmd += ["-f", f"{cover.kind}_pipe", "-i", str(cover.path)]
        maps += ["-map", f"{2 if metadata is not None else 1}:v", "-c:v", "copy", "-disposition:v:0", "attached_pic"]
        if fmt.startswith("mp3"):
            maps += ["-metadata:s:v", "title=Album cover", "-metadata:s:v", "comment=Cover (front)"]
    cmd += maps
    if fmt == "mp3":
        cmd += ["-c:a", "libmp3lame", "-b:a", MP3_BITRATE, "-compression_level", str(LAME_QUALITY),
                "-ar", str(SAMPLE_RATE), "-ac", "1", "-id3v2_version", "3", "-write_xing", "1"]
    elif fmt == "m4bcopy":
        cmd += ["-c:a", "copy"]
    else:
        cmd += AAC_CODEC
    for k, v in (("title", tags.title), ("artist", tags.author), ("album", tags.album or tags.title),
                 ("album_artist", tags.author), ("composer", tags.narrator), ("date", tags.year),
                 ("track", tags.track), ("genre", "Audiobook")):
        if v:
            cmd += ["-metadata", f"{k}={v}"]
    if fmt.startswith("mp3"):
        cmd += ["-f", "mp3", str(out)]
    else:      # the brand with its trailing space, or ffmpeg ignores it; moov first, for streaming
        cmd += ["-f", "mp4", "-brand", "M4B ", "-movflags", "+faststart", str(out)]
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)


def ffmetadata(markers: list[Marker]) -> str:
    """Chapters in ffmpeg's FFMETADATA1 format (times in ms)."""
    def esc(text: str) -> str:
        return "".join("\\" + c if c in "=;#\\\n" else c for c in text)

    out = [";FFMETADATA1"]
    for m in markers:
        out += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={m.start_ms}", f"END={m.end_ms}", f"title={esc(m.title)}"]
    return "\n".join(out) + "\n"


def finish(proc: subprocess.Popen[bytes], out: Path) -> None:
    _, err = proc.communicate()
    if proc.returncode != 0:
        said = err.decode(errors="replace")
        if "No space left on device" in said:
            raise write_failed(out.parent, errno.ENOSPC)
        raise OutputError(f"{out}: ffmpeg failed: {said.strip()[-300:]}")


def encode_mp3(pcm: Iterable[bytes], out: Path, tags: Tags, markers: list[Marker] | None = None,
               cover: Cover | None = None) -> None:
    """Encode PCM blocks into ``out`` atomically, with ID3 chapter markers and cover if given."""
    _encode(start_mp3, pcm, out, tags, markers, cover)


def encode_m4b(pcm: Iterable[bytes], out: Path, tags: Tags, markers: list[Marker] | None = None,
               cover: Cover | None = None) -> None:
    """Encode PCM blocks into an M4B ``out`` atomically, with chapter atoms and cover if given."""
    _encode(start_m4b, pcm, out, tags, markers, cover)


def write_mp3(pieces: list[bytes], count: int, out: Path, tags: Tags, delay: tuple[int, int]) -> None:
    """MP3 frames (``segments.encode``'s, ``count`` in all) into ``out`` atomically, as they are,
    after an ID3 tag and an Info frame whose LAME tag gives the encoder's ``delay`` (samples a
    gapless decoder skips at the start and at the end)."""
    from audiobook.audio import mp3join

    with replacing(out) as tmp:
        header = pieces[0][:4] if pieces else b""
        mp3join.write(tmp, id3_tag(tags), header, pieces, count, sum(len(p) for p in pieces), *delay)


ID3_MAX_BYTES = 1 << 28          # an ID3v2 size is 28 bits (four 7-bit bytes)


def id3_tag(tags: Tags, markers: list[Marker] | None = None, cover: Cover | None = None) -> bytes:
    """An ID3v2.3 tag: the book's tags; chapter markers as CHAP frames in book order (the order
    ffmpeg and most players list them in), under one ordered top-level CTOC; the cover as the
    front-cover APIC; 1 KB of padding for a tag editor's changes."""
    def frame(name: str, data: bytes) -> bytes:
        return name.encode("ascii") + struct.pack(">IH", len(data), 0) + data

    def text(name: str, value: str) -> bytes:        # UTF-16 with a byte-order mark: v2.3 has no UTF-8
        return frame(name, b"\x01" + value.encode("utf-16"))

    out = [text(name, value) for name, value in (
        ("TIT2", tags.title), ("TPE1", tags.author), ("TALB", tags.album or tags.title), ("TPE2", tags.author),
        ("TCOM", tags.narrator), ("TYER", tags.year), ("TRCK", tags.track), ("TCON", "Audiobook")) if value]
    if markers:
        ids = [f"ch{i}".encode("ascii") for i in range(len(markers))]
        listed = ids[:255]                           # CTOC counts its entries in one byte
        out.append(frame("CTOC", b"toc\x00" + bytes([0x03, len(listed)]) + b"".join(i + b"\x00" for i in listed)))
        out += [frame("CHAP", i + b"\x00" + struct.pack(">IIII", m.start_ms, m.end_ms, 0xFFFFFFFF, 0xFFFFFFFF)
                      + text("TIT2", m.title)) for i, m in zip(ids, markers, strict=True)]
    if cover is not None:
        head = b"\x00" + cover.mime.encode("ascii") + b"\x00\x03Album cover\x00"
        size = sum(map(len, out)) + 10 + len(head) + cover.path.stat().st_size + 1024
        if size >= ID3_MAX_BYTES:         # the size field would wrap: an unplayable file
            raise OutputError(f"{cover.path}: the cover makes the MP3's tag {size / 2**20:.0f} MiB; ID3 holds "
                              f"{ID3_MAX_BYTES >> 20} MiB: use a cover of at most 10 MB")
        out.append(frame("APIC", head + cover.path.read_bytes()))
    body = b"".join(out) + bytes(1024)
    n = len(body)                                    # "synchsafe": 7 bits a byte
    return b"ID3\x03\x00\x00" + bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F]) + body


ENCODERS = {"mp3": encode_mp3, "m4b": encode_m4b}
FORMATS = tuple(ENCODERS)


def _encode(start: Callable[[Path, Tags, Path | None, Cover | None], subprocess.Popen[bytes]],
            pcm: Iterable[bytes], out: Path, tags: Tags, markers: list[Marker] | None, cover: Cover | None) -> None:
    with replacing(out) as tmp, tempfile.TemporaryDirectory() as td:
        meta = None
        if markers:
            meta = Path(td) / "chapters.txt"
            meta.write_text(ffmetadata(markers), encoding="utf-8")
        proc = start(tmp, tags, meta, cover)
        assert proc.stdin is not None
        try:
            for block in pcm:
                proc.stdin.write(block)
        except BrokenPipeError:
            pass
        finish(proc, out)


def join_mp3(files: list[Path], titles: list[str], out: Path, tags: Tags, cover: Cover | None = None
             ) -> list[Marker]:
    """The chapter MP3s ``files`` joined into ``out`` by copying their frames (no re-encode), with
    one chapter marker per file at the sample where its audio starts (``mp3join``)."""
    from audiobook.audio import mp3join

    frames = [mp3join.frames(f) for f in files]
    starts = mp3join.chapter_starts(frames) + [mp3join.total_samples(frames)]
    markers = [Marker(t, round(a * 1000 / SAMPLE_RATE), round(b * 1000 / SAMPLE_RATE))
               for t, a, b in zip(titles, starts[:-1], starts[1:], strict=True)]
    first, last = frames[0], frames[-1]
    with replacing(out) as tmp:
        mp3join.write(tmp, id3_tag(tags, markers, cover), first.header, _audio(files, frames),
                      sum(f.count for f in frames), sum(f.size for f in frames), first.delay, last.padding)
    return markers


def _audio(files: list[Path], frames: list[Any]) -> Iterator[bytes]:
    """The audio frames of each file, in pieces of at most 1 MB."""
    for path, f in zip(files, frames, strict=True):
        with open(path, "rb") as src:
            src.seek(f.offset)
            left = f.size
            while left > 0:
                piece = src.read(min(left, 1 << 20))
                if not piece:
                    raise OutputError(f"{path}: changed while the full book was being joined; build again")
                left -= len(piece)
                yield piece


class AacStream:
    """The M4B's audio, encoded while the chapters are still being made, so the full-book M4B at
    the end is a stream copy (no encode of the whole book after the last chapter).

    Chapters are handed over with ``add(i, pcm_file)`` from any thread and in any order; a feeder
    thread writes them to one ffmpeg in book order (0, 1, ...) as each one's turn comes. ``finish``
    then copies the AAC into ``out`` with the chapters, tags and cover; ``cancel`` drops it all.
    """

    def __init__(self, tmp: Path, count: int) -> None:
        import queue
        import threading

        self.tmp, self.count, self.fed = tmp, count, 0
        self.error: str | None = None
        self.done = False
        tmp.parent.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen([ffmpeg(), "-hide_banner", "-loglevel", "error", "-y", *PCM_INPUT,
                                      *AAC_CODEC, "-f", "mp4", str(tmp)], stdin=subprocess.PIPE, stderr=subprocess.PIPE)
        self.queue: queue.Queue[tuple[int, Path] | None] = queue.Queue()
        self.thread = threading.Thread(target=self._feed, name="m4b-audio", daemon=True)
        self.thread.start()

    def add(self, index: int, pcm: Path) -> None:
        self.queue.put((index, pcm))

    def _feed(self) -> None:
        assert self.proc.stdin is not None
        pending: dict[int, Path] = {}
        try:
            while self.fed < self.count:
                item = self.queue.get()
                if item is None:
                    return
                pending[item[0]] = item[1]
                while self.fed in pending:
                    with open(pending.pop(self.fed), "rb") as f:
                        while block := f.read(1 << 20):
                            self.proc.stdin.write(block)
                    self.fed += 1
        except OSError as e:        # ffmpeg died (its message comes with finish) or a PCM file vanished
            self.error = str(e)
        finally:
            self.proc.stdin.close()

    def finish(self, out: Path, tags: Tags, markers: list[Marker], cover: Cover | None) -> None:
        """The M4B at ``out``, atomically, once every chapter was fed."""
        self.thread.join()          # it closed ffmpeg's stdin: wait, don't communicate()
        assert self.proc.stderr is not None
        err = self.proc.stderr.read()
        self.proc.wait()
        self.done = True
        try:
            if self.proc.returncode != 0 or self.error or self.fed != self.count:
                why = err.decode(errors="replace").strip()[-300:] or self.error or "not every chapter was fed"
                raise OutputError(f"{out}: ffmpeg failed: {why}")
            with replacing(out) as dst, tempfile.TemporaryDirectory() as td:
                meta = Path(td) / "chapters.txt"
                meta.write_text(ffmetadata(markers), encoding="utf-8")
                finish(_start("m4bcopy", dst, tags, meta, cover, ("-i", str(self.tmp))), out)
        finally:
            self.tmp.unlink(missing_ok=True)

    def cancel(self) -> None:
        """Stop and remove everything (a no-op after ``finish``)."""
        if self.done:
            return
        self.done = True
        self.queue.put(None)
        self.thread.join()
        self.proc.kill()
        self.proc.wait()
        if self.proc.stderr is not None:
            self.proc.stderr.close()
        self.tmp.unlink(missing_ok=True)


def safe_name(text: str) -> str:
    """``text`` as a file name: letters, digits and a few marks, at most ``MAX_NAME_BYTES`` (a long
    chapter heading is cut between words; the system refuses names over 255 bytes)."""
    keep = "".join(c if c.isalnum() or c in " -_.,'()&" else " " for c in text)
    name = " ".join(keep.split()).strip(" .")
    if len(name.encode()) > MAX_NAME_BYTES:
        cut = name.encode()[:MAX_NAME_BYTES].decode(errors="ignore")
        name = (cut.rsplit(" ", 1)[0] if " " in cut else cut).strip(" .")
    return name or "untitled"
