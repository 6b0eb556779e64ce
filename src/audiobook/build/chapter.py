"""One track (a chapter or a credit track): its lines placed with their pauses, mastered and
encoded paragraph by paragraph, unless its MP3 is up to date. A paragraph whose audio is the same
as in the last build has its MP3 frames copied, not encoded again (audio/segments.py)."""

from __future__ import annotations

import hashlib
import json
import threading
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

import numpy as np

from audiobook.audio import export, segments
from audiobook.audio.assemble import Placed, fill, place
from audiobook.audio.mastering import master_parts
from audiobook.build.long_chapter import STREAMED_SAMPLES, make_streamed
from audiobook.build.prepare import Prepared, chapter_file
from audiobook.build.state import ChapterEntry, LineSpan, State, relative
from audiobook.errors import AudiobookError
from audiobook.files import atomic_write
from audiobook.model import SAMPLE_RATE, Chapter, Line, to_int16
from audiobook.text.credits import is_credits, state_key
from audiobook.voice import planning
from audiobook.voice.cache import LineCache


@dataclass(frozen=True)
class Made:
    """A track's state entry after this build, and how many of its segments were encoded."""

    entry: ChapterEntry
    lines: tuple[Line, ...]
    encoded: int


def chapter_hash(prep: Prepared, ch: Chapter, tags: export.Tags, total: int) -> str:
    parts = {
        "lines": [(prep.plan.key(ln), ln.brk, ln.reader) for ln in ch.lines],
        "pauses": asdict(prep.book.pauses(prep.profile.pauses)),
        "mastering": asdict(prep.mastering),
        "tags": asdict(tags), "title": ch.title, "number": ch.number, "total": total,
        "format": [export.MP3_BITRATE, export.LAME_QUALITY, SAMPLE_RATE, 1, "paragraph segments"],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:32]


def make_chapter(prep: Prepared, ch: Chapter, state: State, tags: export.Tags, total: int,
                 keep_pcm: bool = False) -> Made:
    """Assemble, master and encode one track, unless its MP3 is up to date. The mastered audio is
    encoded from memory; it is stored too (``.audiobook/chapters``) only for an M4B (``keep_pcm``),
    which is encoded from it rather than from the MP3 (transcoding loses 1.7 dB of SNR)."""
    book = prep.book
    digest = chapter_hash(prep, ch, tags, total)
    out = chapter_file(book, ch)
    pcm_path = book.work_dir / "chapters" / f"{digest}.pcm"
    old = state.chapters.get(state_key(ch))
    mp3_done = bool(old and old.hash == digest and out.is_file())
    if old is not None and mp3_done and (not keep_pcm or pcm_path.is_file()):
        return Made(old, ch.lines, 0)

    def missing(line: Line) -> AudiobookError:
        return AudiobookError(f"line {ch.number}:{line.index} audio is missing from the cache; run the build again")

    def line_audio(line: Line) -> np.ndarray:
        pcm = prep.cache.read(prep.plan.key(line))
        if pcm is None:
            raise missing(line)
        return pcm

    def line_length(line: Line) -> int:
        n = prep.cache.samples(prep.plan.key(line))
        if n is None and prep.plan.said[(line.chapter, line.index)].text:
            raise missing(line)
        return n or 0

    ch_tags = export.Tags(title=ch.title, author=tags.author, album=tags.title, narrator=tags.narrator,
                          year=tags.year, track="" if is_credits(ch) else f"{ch.number}/{total}")
    settings = [prep.mastering.settings(), export.MP3_KBPS, export.LAME_QUALITY, SAMPLE_RATE]
    levels_of = segments.levels_id(prep.mastering.settings(), SAMPLE_RATE)
    with _assembly_slot(ch, prep.plan, prep.cache):
        length, placed = place(ch, book.pauses(prep.profile.pauses), line_length)
        parts = segments.split(placed, length, lambda p: prep.plan.key(p.line))
        starts = [seg.start for seg in parts]
        lines_of: list[list[Placed]] = [[] for _ in parts]
        for p in placed:
            lines_of[bisect_right(starts, p.start) - 1].append(p)
        reuse = {} if mp3_done or old is None else segments.reusable(book.root / old.file, old.segments)
        known = segments.known_levels(old.levels if old else None, levels_of, parts)

        def wanted(steps: tuple[float, ...]) -> list[int]:
            """The parts to master: those whose MP3 frames cannot be copied (all, for an M4B's PCM)."""
            if keep_pcm or mp3_done:
                return list(range(len(parts)))
            return [i for i, seg in enumerate(parts) if segments.segment_key(seg, steps, settings) not in reuse]

        encoded: list[segments.Encoded] | None = None  # (the MP3 is up to date when only the M4B's PCM was missing)
        if length > STREAMED_SAMPLES:          # part by part: memory does not grow with the chapter
            steps, levels, encoded = make_streamed(parts, lines_of, line_audio, prep.mastering, known, wanted,
                                                   settings, reuse, not mp3_done, pcm_path if keep_pcm else None)
        else:
            samples = np.zeros(length, np.float32)     # each part's lines are read in when it is first needed
            views = [samples[seg.start:seg.stop] for seg in parts]

            def load(i: int, out: np.ndarray = samples) -> None:
                fill(out, lines_of[i], line_audio)

            steps, levels = master_parts(views, SAMPLE_RATE, prep.mastering, known, wanted, load)    # in place
            if not mp3_done:
                keys = [segments.segment_key(seg, steps, settings) for seg in parts]
                encoded = segments.encode_all(parts, views, keys, reuse, export.MP3_KBPS, export.LAME_QUALITY,
                                              SAMPLE_RATE)
            if keep_pcm:
                pcm_path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(pcm_path, (to_int16(b).tobytes() for b in segments.timeline(samples, parts)))
            del samples, views
        fresh = sum(1 for e in encoded if e.key not in reuse) if encoded is not None else 0
        n = segments.length(parts)
        if encoded is not None:
            export.write_mp3([e.data for e in encoded], sum(e.frames for e in encoded), out, ch_tags,
                             (segments.ENCODER_DELAY, segments.DECODER_DELAY))
    if old and old.pcm and old.pcm != pcm_path.name:
        (book.work_dir / "chapters" / old.pcm).unlink(missing_ok=True)
    starts = [segments.decoded_start(parts, p.start) for p in placed]     # where the MP3 has them
    spans = tuple(LineSpan(p.line.index, round(t / SAMPLE_RATE, 3), round((t + p.end - p.start) / SAMPLE_RATE, 3))
                  for p, t in zip(placed, starts, strict=True))
    entry = ChapterEntry(
        number=ch.number, key=state_key(ch), title=ch.title, hash=digest,
        file=relative(out, book.root), samples=n, lines=spans,
        segments=segments.records(encoded) if encoded is not None else (old.segments if old else ()),
        pcm=pcm_path.name if keep_pcm else None,
        levels=(levels_of, {seg.content: lv for seg, lv in zip(parts, levels, strict=True)}) if any(levels) else None)
    return Made(entry, ch.lines, fresh)


_BIG_CHAPTER = 10 * 60 * SAMPLE_RATE   # samples: a chapter this long is assembled alone
_big = threading.Lock()


@contextmanager
def _assembly_slot(ch: Chapter, plan: planning.Plan, cache: LineCache) -> Iterator[None]:
    """Short chapters are assembled side by side; a long one (its line audio, from the cache's
    file sizes, over 10 minutes) waits for the other long ones, so peak memory is one long chapter
    (about 6 bytes a sample: its lines, and the float32 chapter), whatever the book's length."""
    size = 0
    for line in ch.lines:
        try:
            size += cache.path(plan.key(line)).stat().st_size // 2
        except OSError:
            pass
    if size < _BIG_CHAPTER:
        yield
        return
    with _big:
        yield
