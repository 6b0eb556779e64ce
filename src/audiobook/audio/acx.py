"""Measuring finished files against ACX's audio submission requirements.

Each file is decoded by ffmpeg to float PCM through a pipe and measured in one streaming pass (a
two-hour file never sits in memory); the container facts (bit rate, CBR, sample rate, channels)
come from mutagen, and the chapter markers from ffmpeg's ffmetadata output.

What is measured, and how ACX describes it:

- RMS: of the whole file, in dBFS (full-scale sine = -3 dBFS RMS);            -23 to -18 dB
- peak: the largest decoded sample (sample peak of the decode, not a 4x true peak: ACX's own
  checker reads sample peaks; the mastering limiter already works to a true-peak ceiling);  <= -3 dB
- noise floor: the RMS of the quietest 500 ms window (sliding in 10 ms steps);  <= -60 dB
- room tone: the head is the time before the first 10 ms frame above the speech threshold
  (20 dB over the floor, at least -50 dBFS), the tail the time after the last; 0.5-1 s / 1-5 s;
  and room tone is noise, not digital silence (floor above -100 dB);
- MP3, 192 kbps or more, constant bit rate, 44.1 kHz, mono (or stereo in every file), each file at
  most 120 minutes. An M4B is not an ACX upload: its codec rules show as "n/a".

A file with chapter markers is a full-book file: its duration rule is "n/a", and its markers are
compared with the durations of the other (chapter) files checked with it.
"""

from __future__ import annotations

import math
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from audiobook.audio.dsp import sum_squares
from audiobook.errors import AudiobookError, OutputError

FRAME_S = 0.010
FLOOR_WINDOW_S = 0.5
SPEECH_OVER_FLOOR_DB = 20.0
SPEECH_MIN_DB = -50.0
MARKER_TOLERANCE_S = 0.06   # a joined MP3 chapter carries its encoder padding + the next priming
SUFFIXES = (".mp3", ".m4b", ".m4a")
MP3_BITRATES = tuple(k * 1000 for k in (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320))


@dataclass(frozen=True)
class Chapter:
    title: str
    start: float      # seconds
    end: float


@dataclass(frozen=True)
class Measurement:
    path: Path
    codec: str                  # "mp3", "aac", ...
    sample_rate: int
    channels: int
    bitrate: int                # bits per second, as the container states it
    bitrate_mode: str           # "CBR", "VBR", "ABR" or "unknown"
    duration: float             # seconds of decoded audio
    rms_db: float
    peak_db: float
    floor_db: float
    head_s: float
    tail_s: float
    chapters: tuple[Chapter, ...] = ()

    @property
    def is_full_book(self) -> bool:
        return len(self.chapters) > 0


@dataclass(frozen=True)
class Rule:
    name: str
    requirement: str
    measured: str
    status: str                 # "pass", "fail" or "n/a"


@dataclass(frozen=True)
class Report:
    path: Path
    rules: tuple[Rule, ...]
    measurement: Measurement | None = None

    @property
    def ok(self) -> bool:
        return all(r.status != "fail" for r in self.rules)


@dataclass
class BookReport:
    files: list[Report] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)


# ---------------------------------------------------------------------------------- measuring
def measure_file(path: Path) -> Measurement:
    """Decode ``path`` and measure everything the rules need."""
    codec, rate, channels, bitrate, mode = _container(path)
    frames, total, peak, count = _decode(path, rate, channels)
    floor_db = _floor(frames)
    head, tail = _room_tone(frames, floor_db, count / rate if rate else 0.0)
    return Measurement(
        path=path, codec=codec, sample_rate=rate, channels=channels, bitrate=bitrate, bitrate_mode=mode,
        duration=count / rate if rate else 0.0,
        rms_db=_db(total / (count * channels)) if count else -math.inf,
        peak_db=20.0 * math.log10(peak) if peak > 0 else -math.inf,
        floor_db=floor_db, head_s=head, tail_s=tail, chapters=tuple(read_chapters(path)))


def _container(path: Path) -> tuple[str, int, int, int, str]:
    import mutagen

    try:
        f = mutagen.File(str(path))
    except (mutagen.MutagenError, OSError) as e:
        raise AudiobookError(f"{path}: cannot read it as audio ({e})") from None
    if f is None or getattr(f, "info", None) is None:
        raise AudiobookError(f"{path}: not an audio file mutagen knows (MP3, M4B, ...)")
    info = f.info
    kind = type(f).__name__.lower()
    if kind.startswith("mp3") or kind == "easymp3":
        codec = "mp3"
        mode = str(getattr(info, "bitrate_mode", "UNKNOWN")).rsplit(".", 1)[-1]   # BitrateMode.CBR
    else:
        codec = str(getattr(info, "codec", kind)).split(".")[0]
        codec = {"mp4a": "aac"}.get(codec, codec)
        mode = "unknown"
    bitrate = int(getattr(info, "bitrate", 0) or 0)
    if codec == "mp3" and mode == "CBR":     # mutagen divides bytes by time: 191,998 for 192 kbps + tags
        bitrate = min(MP3_BITRATES, key=lambda b: abs(b - bitrate))
    return (codec, int(getattr(info, "sample_rate", 0) or 0), int(getattr(info, "channels", 0) or 0),
            bitrate, mode.upper() if mode.upper() != "UNKNOWN" else "unknown")


def _decode(path: Path, rate: int, channels: int) -> tuple[np.ndarray, float, float, int]:
    """Stream the decode: 10 ms frame mean squares, total sum of squares, peak, sample count."""
    from audiobook.audio.export import ffmpeg

    if rate <= 0 or channels <= 0:
        raise AudiobookError(f"{path}: no audio stream found")
    frame = max(1, round(FRAME_S * rate))
    proc = subprocess.Popen([ffmpeg(), "-v", "error", "-nostdin", "-i", str(path), "-map", "0:a:0",
                             "-f", "f32le", "-acodec", "pcm_f32le", "-"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    chunk = frame * 100 * channels * 4           # one second of audio
    energies: list[np.ndarray] = []
    total, peak, count = 0.0, 0.0, 0
    rest = np.zeros(0, np.float32)
    while True:
        data = proc.stdout.read(chunk)
        if not data:
            break
        x = np.frombuffer(data[: len(data) // 4 * 4], dtype="<f4")
        if len(rest):
            x = np.concatenate([rest, x])
        usable = len(x) // (frame * channels) * frame * channels
        block, rest = x[:usable], x[usable:].copy()
        if usable:
            b = block.astype(np.float64)
            total += sum_squares(b)
            peak = max(peak, float(np.abs(block).max()))
            count += usable // channels
            energies.append(np.square(b).reshape(-1, frame * channels).mean(axis=1))
    if len(rest):
        b = rest.astype(np.float64)
        total += sum_squares(b)
        peak = max(peak, float(np.abs(rest).max()))
        count += len(rest) // channels
    _, err = proc.communicate()
    if proc.returncode != 0:
        raise AudiobookError(f"{path}: ffmpeg cannot decode it: {err.decode(errors='replace').strip()[-200:]}")
    return (np.concatenate(energies) if energies else np.zeros(0)), total, peak, count


def _db(power: float) -> float:
    return 10.0 * math.log10(power) if power > 0 else -math.inf


def _floor(frames: np.ndarray) -> float:
    """RMS of the quietest 500 ms window, in dB."""
    n = round(FLOOR_WINDOW_S / FRAME_S)
    if len(frames) == 0:
        return -math.inf
    if len(frames) < n:
        return _db(float(frames.mean()))
    c = np.concatenate([[0.0], np.cumsum(frames)])
    return _db(max(0.0, float(((c[n:] - c[:-n]) / n).min())))


def speech_threshold_db(floor_db: float) -> float:
    return max(SPEECH_MIN_DB, floor_db + SPEECH_OVER_FLOOR_DB)


def _room_tone(frames: np.ndarray, floor_db: float, duration: float) -> tuple[float, float]:
    """Seconds before the first and after the last frame of speech (all of it if none)."""
    threshold = 10.0 ** (speech_threshold_db(floor_db) / 10.0)
    loud = np.flatnonzero(frames > threshold)
    if not len(loud):
        return duration, duration
    return float(loud[0]) * FRAME_S, max(0.0, duration - float(loud[-1] + 1) * FRAME_S)


def read_chapters(path: Path) -> list[Chapter]:
    """Chapter markers as ffmpeg reads them (its ffmetadata output), in seconds."""
    from audiobook.audio.export import ffmpeg

    out = subprocess.run([ffmpeg(), "-v", "error", "-nostdin", "-i", str(path), "-f", "ffmetadata", "-"],
                         capture_output=True)
    if out.returncode != 0:
        raise AudiobookError(f"{path}: ffmpeg cannot read it: {out.stderr.decode(errors='replace')[-200:]}")
    return parse_ffmetadata(out.stdout.decode("utf-8", errors="replace"))[1]


def parse_ffmetadata(text: str) -> tuple[dict[str, str], list[Chapter]]:
    """(global tags, chapters) from an FFMETADATA1 text."""
    tags: dict[str, str] = {}
    chapters: list[Chapter] = []
    section: dict[str, str] | None = None
    blocks: list[dict[str, str]] = []
    for raw in re.split(r"(?<!\\)\n", text):
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("["):
            section = {} if line.upper() == "[CHAPTER]" else None
            if section is not None:
                blocks.append(section)
            continue
        key, sep, value = line.partition("=")
        if not sep:
            continue
        value = re.sub(r"\\(.)", r"\1", value.replace("\\\n", "\n"))
        (section if section is not None else tags)[key.strip().lower()] = value
    for b in blocks:
        num, _, den = b.get("timebase", "1/1000").partition("/")
        unit = float(num) / float(den or 1)
        chapters.append(Chapter(title=b.get("title", ""), start=int(b.get("start", 0)) * unit,
                                end=int(b.get("end", 0)) * unit))
    return tags, chapters


# ------------------------------------------------------------------------------------- rules
def _fmt_db(v: float) -> str:
    return "-inf dB" if v == -math.inf else f"{v:.1f} dB"


def rules(m: Measurement) -> tuple[Rule, ...]:
    """Every ACX rule with the measured value and its verdict."""
    mp3 = m.codec == "mp3"

    def rule(name: str, req: str, measured: str, ok: bool, applies: bool = True) -> Rule:
        return Rule(name, req, measured, ("pass" if ok else "fail") if applies else "n/a")

    minutes = m.duration / 60.0
    return (
        rule("format", "MP3", m.codec.upper() + ("" if mp3 else " (ACX takes MP3)"), mp3, mp3),
        rule("bit rate", ">= 192 kbps", f"{m.bitrate / 1000:.0f} kbps", m.bitrate >= 192000, mp3),
        rule("constant bit rate", "CBR", m.bitrate_mode, m.bitrate_mode == "CBR", mp3),
        rule("sample rate", "44,100 Hz", f"{m.sample_rate:,} Hz", m.sample_rate == 44100),
        rule("channels", "mono (or stereo in every file)", {1: "mono", 2: "stereo"}.get(m.channels,
             f"{m.channels} channels"), m.channels in (1, 2)),
        rule("RMS", "-23 to -18 dB", _fmt_db(m.rms_db), -23.0 <= m.rms_db <= -18.0),
        rule("peak", "<= -3.0 dB", _fmt_db(m.peak_db), m.peak_db <= -3.0),
        rule("noise floor", "<= -60 dB", _fmt_db(m.floor_db), m.floor_db <= -60.0),
        rule("room tone", "noise, not digital silence", _fmt_db(m.floor_db), m.floor_db > -100.0),
        rule("head room tone", "0.5 to 1.0 s", f"{m.head_s:.2f} s", 0.5 <= m.head_s <= 1.0),
        rule("tail room tone", "1 to 5 s", f"{m.tail_s:.2f} s", 1.0 <= m.tail_s <= 5.0),
        rule("duration", "<= 120 min", f"{minutes:.1f} min" + (" (full book)" if m.is_full_book else ""),
             minutes <= 120.0, not m.is_full_book),
    )


def marker_rule(book: Measurement, chapter_files: list[Measurement]) -> Rule:
    """The full-book file's chapter markers against the chapter files' durations, in order."""
    req = f"match the {len(chapter_files)} chapter files (within {MARKER_TOLERANCE_S * 1000:.0f} ms)"
    marks = book.chapters
    if len(marks) != len(chapter_files):
        return Rule("chapter markers", req, f"{len(marks)} markers", "fail")
    # each marker as long as its chapter file, starting where the one before ends, the last ending
    # with the book: a full book joined from MP3 frames carries each file's encoder padding (under
    # 40 ms a chapter), so the markers are compared one by one, not with a running sum
    worst, end = 0.0, 0.0
    for mark, ch in zip(marks, chapter_files, strict=True):
        worst = max(worst, abs(mark.start - end), abs((mark.end - mark.start) - ch.duration))
        end = mark.end
    worst = max(worst, abs(book.duration - end))
    return Rule("chapter markers", req, f"{len(marks)} markers, off by at most {worst * 1000:.0f} ms",
                "pass" if worst <= MARKER_TOLERANCE_S else "fail")


def check_files(paths: Iterable[Path]) -> BookReport:
    """Measure every file; full-book files also get their markers checked against the others."""
    measured = [measure_file(p) for p in paths]
    chapter_files = [m for m in measured if not m.is_full_book]
    report = BookReport()
    channels = {m.channels for m in measured}
    for m in measured:
        rs = list(rules(m))
        if len(channels) > 1:
            rs.append(Rule("consistent channels", "all files alike",
                           "mixed mono and stereo", "fail"))
        if m.is_full_book:
            rs.append(marker_rule(m, chapter_files) if chapter_files else
                      Rule("chapter markers", "match the chapter files", "no chapter files checked", "n/a"))
        report.files.append(Report(path=m.path, rules=tuple(rs), measurement=m))
    return report


def book_files(output_dir: Path) -> list[Path]:
    """The finished audio files under a book's output folder, in name order."""
    if not output_dir.is_dir():
        raise OutputError(f"{output_dir}: no output folder; run audiobook build first")
    files = sorted(p for p in output_dir.rglob("*")
                   if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))
    if not files:
        raise OutputError(f"{output_dir}: no MP3 or M4B files; run audiobook build first")
    return files
