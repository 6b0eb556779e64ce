"""``audiobook build``: validate everything, synthesize what is missing, assemble and export
only the chapters whose content changed, then the full-book file.

The build remembers, in ``.audiobook/state.json``, a hash of each chapter's content (its lines'
cache keys, pauses, mastering and tags) and the MP3 it produced, so a rebuild with nothing
changed does no work, and ``--chapter N`` rebuilds the full book from the chapter MP3s. A chapter
that changed is assembled and mastered whole, but encoded paragraph by paragraph (``segments``):
the state lists each paragraph's frames in the chapter's MP3, and the next build copies those of
every paragraph whose audio is the same. The mastered audio is encoded from memory and kept
(``.audiobook/chapters``) only for an M4B: an MP3-only book writes its line cache and its MP3s,
nothing more.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
import threading
import time
from bisect import bisect_right
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from audiobook.audio import export, segments
from audiobook.voice import render, server
from audiobook.text.accounting import count_words
from audiobook.audio.assemble import fill, place
from audiobook.book import Book, load_book
from audiobook.model import SAMPLE_RATE, to_int16
from audiobook.voice.cache import LineCache
from audiobook.files import atomic_write, read_json
from audiobook.config import gather
from audiobook.cover import Cover, read_cover
from audiobook.text.credits import credit_chapters, is_credits, state_key
from audiobook.errors import AudiobookError, OutputError, Problems
from audiobook.audio.mastering import Mastering, master_parts
from audiobook.model import Chapter, Script
from audiobook.text.script import build_script
from audiobook.text.speech import speakable
from audiobook.voice.profiles import Profile, load_profile
from audiobook.model import Voice

Progress = Callable[[str, int, int], None]   # (stage, done, total)


@dataclass(frozen=True)
class BuildOptions:
    profile: str | None = None
    chapters: frozenset[int] = frozenset()
    jobs: int = 0                     # 0: one per core
    executor: Executor | None = None  # any concurrent.futures.Executor (e.g. a cluster's)
    formats: tuple[str, ...] = ("mp3",)   # of the full-book file(s): mp3 and/or m4b


@dataclass
class ChapterReport:
    index: int
    title: str
    file: str
    duration_s: float
    lines: int
    lines_synthesized: int
    lines_cached: int
    paragraphs: int = 0               # segments of its MP3 (segments.py) ...
    paragraphs_encoded: int = 0       # ... encoded by this build (the others' frames were copied)


@dataclass
class BuildReport:
    book_file: str | None             # the first of book_files
    book_files: list[str] = field(default_factory=list)   # one per format
    chapters: list[ChapterReport] = field(default_factory=list)
    lines_total: int = 0
    lines_synthesized: int = 0
    lines_cached: int = 0
    audio_seconds: float = 0.0
    wall_seconds: float = 0.0
    synthesis_seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    words_total: int = 0              # every word of the manuscript (speaker tags are markup) ...
    words_spoken: int = 0             # ... is either spoken
    words_reported: int = 0           # ... or named in a warning (left out, or audio too short)
    server: bool = False              # lines synthesized by the synthesis server's workers (server.py)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Prepared:
    """Everything loaded and checked before any synthesis starts."""

    book: Book
    profile: Profile
    script: Script
    chapters: list[Chapter]
    cache: LineCache
    plan: render.Plan
    mastering: Mastering
    credits: tuple[Chapter, ...] = ()     # opening/closing credit tracks book.yaml enables
    cover: Cover | None = None


def prepare(book_dir: Path, options: BuildOptions) -> Prepared:
    """Load and check the whole book before any work: every problem found is reported at once."""
    problems: list[str] = []

    def attempt(fn: Callable[[], Any]) -> Any:
        return gather(problems, fn)

    book: Book | None = attempt(lambda: load_book(book_dir))
    if book is None:
        if not (Path(book_dir) / "manuscript").is_dir():    # not a book at all: that is the one problem
            raise Problems(problems)
        # book.yaml is wrong: still check the voice profile (against a book without a cast list)
        attempt(lambda: load_profile(Book(root=Path(book_dir), title=Path(book_dir).name), options.profile))
        raise Problems(problems)
    profile: Profile | None = attempt(lambda: load_profile(book, options.profile))
    mastering = attempt(lambda: Mastering.from_mapping(profile.mastering, profile.label)) if profile else None
    script: Script | None = attempt(lambda: build_script(book))
    attempt(lambda: check_writable(book.output_dir))
    attempt(lambda: check_writable(book.work_dir))
    chapters: list[Chapter] = []
    if script is not None:
        count = len(script.chapters)
        bad = sorted(n for n in options.chapters if not 1 <= n <= count)
        if bad:
            problems.append(f"--chapter {bad[0]}: the book has chapters 1 to {count}")
        chapters = [ch for ch in script.chapters if not options.chapters or ch.number in options.chapters]
    problems += [f"--format {f}: choose mp3 or m4b" for f in options.formats if f not in export.FORMATS]
    cover_path = book.cover
    cover = attempt(lambda: read_cover(cover_path, "manuscript/book.yaml: cover")) if cover_path else None
    credits = credit_chapters(book, len(script.chapters)) if script is not None else ()
    cache = LineCache(book.work_dir / "cache")
    plan = None
    if profile is not None and script is not None and not problems:
        wanted = set(options.chapters) | {c.number for c in credits} if options.chapters else None
        with_credits = Script(script.chapters + credits, script.warnings, script.texts)
        plan = attempt(lambda: render.plan(with_credits, profile, book, cache, wanted))
    if problems:
        raise Problems(problems)
    assert profile is not None and script is not None and plan is not None and mastering is not None
    return Prepared(book, profile, script, chapters, cache, plan, mastering, credits, cover)


def remove_partial_files(book: Book) -> None:
    """Temp files a killed build left behind (never trusted: they only ever get renamed into place)."""
    for pattern, folder in ((".*.part*", book.output_dir), (".*.tmp", book.work_dir)):
        if folder.is_dir():
            for p in folder.rglob(pattern):
                p.unlink(missing_ok=True)


def check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")    # unique: builds may run at once
        try:
            os.write(fd, b"ok")
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as e:
        raise OutputError(f"{folder}: cannot write there ({e.strerror}); check permissions and free space") from None


@contextmanager
def book_lock(work_dir: Path) -> Iterator[None]:
    """One build of a book at a time: a second one is refused with a clear message."""
    import fcntl

    work_dir.mkdir(parents=True, exist_ok=True)
    with open(work_dir / "build.lock", "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            f.seek(0)
            who = f.read().strip() or "another process"
            raise AudiobookError(f"{work_dir.parent}: another build of this book is running ({who}); "
                                 f"wait for it to finish, then run this one again") from None
        f.seek(0)
        f.truncate()
        f.write(f"pid {os.getpid()}")
        f.flush()
        try:
            yield
        finally:
            f.seek(0)
            f.truncate()
            fcntl.flock(f, fcntl.LOCK_UN)


def worker_pool(jobs: int = 0, warm: tuple[Voice, ...] = ()) -> Executor:
    """Synthesis workers to keep for several builds (``BuildOptions.executor``; ``--watch``): ``jobs``
    processes (0: one per core; 1: this process), each loading an engine once for all of them, the
    engines of ``warm`` as soon as they start."""
    cores = os.cpu_count() or 1
    n = jobs or cores
    return render.default_executor(n, max(1, cores // n), warm)


def build(book_dir: Path, options: BuildOptions = BuildOptions(), progress: Progress | None = None) -> BuildReport:
    t0 = time.perf_counter()
    prep = prepare(book_dir, options)
    with book_lock(prep.book.work_dir):
        return _build(prep, options, progress, t0)


def _build(prep: Prepared, options: BuildOptions, progress: Progress | None, t0: float) -> BuildReport:
    remove_partial_files(prep.book)
    report = BuildReport(book_file=None, warnings=list(prep.script.warnings) + prep.plan.warnings)
    report.warnings += prep.cover.warnings() if prep.cover else []
    progress = progress or (lambda stage, done, total: None)

    # 1. synthesize what the cache lacks, in reading order; 2. assemble + master + encode each
    # chapter whose content changed as soon as its last line is in the cache, beside the synthesis
    state = State.load(prep.book.work_dir / "state.json")
    tags = book_tags(prep.book)
    total = len(prep.script.chapters)
    tracks = sorted([*prep.chapters, *prep.credits], key=lambda c: c.number)   # credits: 0 and N+1
    stream = _m4b_stream(prep, options, state, tags, total, tracks)   # the M4B's AAC, encoded as chapters finish
    missing = [{prep.plan.key(ln) for ln in t.lines} & prep.plan.jobs.keys() for t in tracks]
    first_use: dict[str, tuple[bool, int]] = {}
    for i, t in enumerate(tracks):
        for ln in t.lines:
            first_use.setdefault(prep.plan.key(ln), (is_credits(t), i))
    # chapter by chapter so chapters finish early, the short credit tracks last (the last chapter is
    # mastered and encoded while they are spoken); longest first within one, so the pool's tail is short
    jobs = sorted(prep.plan.jobs.values(), key=lambda j: (first_use.get(j.key, (False, 0)), -len(j.text)))
    n_jobs = options.jobs or os.cpu_count() or 1
    n_jobs = max(1, min(n_jobs, len(jobs) or 1))
    threads = max(1, (os.cpu_count() or 1) // n_jobs)
    own = options.executor is None and not options.jobs     # default: the synthesis server's workers, if up
    served = server.connect() if own and jobs else None
    report.server = served is not None
    executor = options.executor or served or render.default_executor(n_jobs, threads)
    done_count = 0
    doubtful: set[str] = set(prep.plan.doubtful)      # audio far too short: its words are reported
    progress("synthesize", 0, len(jobs))

    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool, _cancelled_on_error(stream):
        assembling: dict[int, Future[tuple[dict[str, Any], tuple[Any, ...], int]]] = {}

        def start(i: int) -> None:
            if i not in assembling:
                assembling[i] = pool.submit(_chapter, prep, tracks[i], state, tags, total, "m4b" in options.formats)
                if stream is not None:
                    assembling[i].add_done_callback(functools.partial(_to_stream, stream, prep, i))

        def on_done(d: render.Done) -> None:
            nonlocal done_count
            done_count += 1
            report.synthesis_seconds += d.seconds
            if d.warning:
                report.warnings.append(d.warning)
                doubtful.add(d.key)
            progress("synthesize", done_count, len(jobs))
            for i, keys in enumerate(missing):
                if d.key in keys:
                    keys.discard(d.key)
                    if not keys:
                        start(i)

        for i, keys in enumerate(missing):
            if not keys:
                start(i)
        try:
            render.synthesize(jobs, prep.cache, executor, on_done)
        finally:
            if options.executor is None:
                executor.shutdown(wait=True, cancel_futures=True)
        synthesized = set(prep.plan.jobs)

        progress("chapters", 0, len(tracks))
        for i in range(len(tracks)):
            start(i)
            entry, lines, encoded = assembling[i].result()
            state.chapters[entry.get("key", str(entry["number"]))] = entry
            n_syn = sum(1 for ln in lines if prep.plan.key(ln) in synthesized)
            report.chapters.append(ChapterReport(
                index=entry["number"], title=entry["title"], file=entry["file"],
                duration_s=round(entry["samples"] / SAMPLE_RATE, 3), lines=len(lines),
                lines_synthesized=n_syn, lines_cached=len(lines) - n_syn,
                paragraphs=len(entry.get("segments", [])), paragraphs_encoded=encoded))
            progress("chapters", i + 1, len(tracks))
            state.save()

    # 3. the full-book file(s), from the stored chapters and credits
    _drop_disabled_credits(prep, state)
    state.book = {k: v for k, v in state.book.items() if k in export.FORMATS}   # drop the pre-M4B layout
    formats = list(dict.fromkeys(options.formats))
    with ThreadPoolExecutor(max_workers=len(formats) or 1) as pool, _cancelled_on_error(stream):   # side by side
        made = list(pool.map(lambda fmt: _full_book(prep, state, tags, total, report, fmt,
                                                    stream if fmt == "m4b" else None), formats))
    report.book_files = [f for f in made if f]
    report.warnings += _stale_book_files(prep, state, tags, formats)
    report.book_file = report.book_files[0] if report.book_files else None
    state.save()
    report.lines_total = sum(c.lines for c in report.chapters)
    report.lines_synthesized = sum(c.lines_synthesized for c in report.chapters)
    report.lines_cached = report.lines_total - report.lines_synthesized
    report.audio_seconds = round(sum(c.duration_s for c in report.chapters), 3)
    report.synthesis_seconds = round(report.synthesis_seconds, 3)
    words = count_words(prep.book, prep.script, (pos for pos, key in prep.plan.keys.items() if key in doubtful))
    report.words_total, report.words_spoken, report.words_reported = words.total, words.spoken, words.reported
    report.warnings += words.warnings
    if own and served is None and not server.running():
        server.start(prep.profile.voices.values())    # for the next build (see server.py)
    report.wall_seconds = round(time.perf_counter() - t0, 3)
    return report


def book_tags(book: Book) -> export.Tags:
    return export.Tags(title=book.title, author=book.author, album=book.title,
                       narrator=book.narrator, year=book.year)


def chapter_file(book: Book, ch: Chapter) -> Path:
    return book.output_dir / f"{ch.number:02d} - {export.safe_name(ch.title)}.mp3"


def chapter_hash(prep: Prepared, ch: Chapter, tags: export.Tags, total: int) -> str:
    parts = {
        "lines": [(prep.plan.key(ln), ln.brk, ln.speaker) for ln in ch.lines],
        "pauses": asdict(prep.book.pauses(prep.profile.pauses)),
        "mastering": asdict(prep.mastering),
        "tags": asdict(tags), "title": ch.title, "number": ch.number, "total": total,
        "format": [export.MP3_BITRATE, export.LAME_QUALITY, SAMPLE_RATE, 1, "paragraph segments"],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:32]


def _chapter(prep: Prepared, ch: Chapter, state: State, tags: export.Tags, total: int, keep_pcm: bool = False
             ) -> tuple[dict[str, Any], tuple[Any, ...], int]:
    """Assemble, master and encode one track, unless its MP3 is up to date: its state entry, its
    lines, and how many of its segments were encoded (not copied). The mastered audio is
    encoded from memory; it is stored too (``.audiobook/chapters``) only for an M4B (``keep_pcm``),
    which is encoded from it rather than from the MP3 (transcoding loses 1.7 dB of SNR)."""
    book = prep.book
    digest = chapter_hash(prep, ch, tags, total)
    out = chapter_file(book, ch)
    pcm_path = book.work_dir / "chapters" / f"{digest}.pcm"
    old = state.chapters.get(state_key(ch))
    rel = str(out.relative_to(book.root))
    mp3_done = bool(old and old.get("hash") == digest and out.is_file())
    if mp3_done and (not keep_pcm or pcm_path.is_file()):
        assert old is not None
        return old, ch.lines, 0
    pauses = book.pauses(prep.profile.pauses)

    def missing(line: Any) -> AudiobookError:
        return AudiobookError(f"line {ch.number}:{line.index} audio is missing from the cache; run the build again")

    def line_audio(line: Any) -> np.ndarray:
        pcm = prep.cache.read(prep.plan.key(line))
        if pcm is None:
            raise missing(line)
        return pcm

    def line_length(line: Any) -> int:
        n = prep.cache.samples(prep.plan.key(line))
        if n is None and speakable(line.text):
            raise missing(line)
        return n or 0

    ch_tags = export.Tags(title=ch.title, author=tags.author, album=tags.title, narrator=tags.narrator,
                          year=tags.year, track="" if is_credits(ch) else f"{ch.number}/{total}")
    settings = [prep.mastering.settings(), export.MP3_KBPS, export.LAME_QUALITY, SAMPLE_RATE]
    levels_of = segments.levels_id(prep.mastering.settings(), SAMPLE_RATE)
    with _assembly_slot(ch, prep.plan, prep.cache):
        length, placed = place(ch, pauses, line_length)
        samples = np.zeros(length, np.float32)     # each part's lines are read in when it is first needed
        parts = segments.split(placed, length, lambda p: prep.plan.key(p.line))
        views = [samples[seg.start:seg.stop] for seg in parts]
        starts = [seg.start for seg in parts]
        lines_of: list[list[Any]] = [[] for _ in parts]
        for p in placed:
            lines_of[bisect_right(starts, p.start) - 1].append(p)
        reuse = {} if mp3_done else segments.reusable(old, book.root)
        known = segments.known_levels(old, levels_of, parts)

        def wanted(steps: tuple[float, ...]) -> list[int]:
            """The parts to master: those whose MP3 frames cannot be copied (all, for an M4B's PCM)."""
            if keep_pcm or mp3_done:
                return list(range(len(parts)))
            return [i for i, seg in enumerate(parts) if segments.segment_key(seg, steps, settings) not in reuse]

        def load(i: int, out: np.ndarray = samples) -> None:
            fill(out, lines_of[i], line_audio)

        steps, levels = master_parts(views, SAMPLE_RATE, prep.mastering, known, wanted, load)    # in place
        encoded, fresh = None, 0          # (the MP3 is up to date when only the M4B's PCM was missing)
        if not mp3_done:
            keys = [segments.segment_key(seg, steps, settings) for seg in parts]
            encoded = segments.encode_all(parts, views, keys, reuse, export.MP3_KBPS, export.LAME_QUALITY,
                                          SAMPLE_RATE)
            fresh = sum(1 for key in keys if key not in reuse)
        n = segments.length(parts)
        if keep_pcm:
            pcm_path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(pcm_path, (to_int16(b).tobytes() for b in segments.timeline(samples, parts)))
        del samples, views
        if encoded is not None:
            export.write_mp3([e.data for e in encoded], sum(e.frames for e in encoded), out, ch_tags,
                             (segments.ENCODER_DELAY, segments.DECODER_DELAY))
    if old and old.get("pcm") and old.get("pcm") != pcm_path.name:
        (book.work_dir / "chapters" / old["pcm"]).unlink(missing_ok=True)
    starts = [segments.decoded_start(parts, p.start) for p in placed]     # where the MP3 has them
    lines = [[p.line.index, round(t / SAMPLE_RATE, 3), round((t + p.end - p.start) / SAMPLE_RATE, 3)]
             for p, t in zip(placed, starts, strict=True)]
    entry = {"number": ch.number, "key": state_key(ch), "title": ch.title, "hash": digest, "file": rel,
             "samples": n, "lines": lines,
             "segments": segments.records(encoded) if encoded is not None else (old or {}).get("segments", [])}
    if keep_pcm:
        entry["pcm"] = pcm_path.name
    if any(levels):
        entry["levels"] = [levels_of, {seg.content: lv for seg, lv in zip(parts, levels, strict=True)}]
    return entry, ch.lines, fresh


_BIG_CHAPTER = 10 * 60 * SAMPLE_RATE   # samples: a chapter this long is assembled alone
_big = threading.Lock()


@contextmanager
def _assembly_slot(ch: Chapter, plan: render.Plan, cache: LineCache) -> Iterator[None]:
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


def _full_book(prep: Prepared, state: State, tags: export.Tags, total: int, report: BuildReport,
               fmt: str = "mp3", stream: export.AacStream | None = None) -> str | None:
    """The whole book in one ``fmt`` file (credits included): the chapter MP3s' frames copied, or
    for the M4B, the AAC ``stream`` encoded during the build (or the chapters' stored PCM encoded
    here); rebuilt only when a chapter, the tags, the cover or the format changed."""
    book = prep.book
    keys = [state_key(c) for c in prep.credits if c.number == 0] + [str(n) for n in range(1, total + 1)]
    keys += [state_key(c) for c in prep.credits if c.number != 0]
    entries = [state.chapters.get(k) for k in keys]
    out = book.output_dir / f"{export.safe_name(book.title)}.{fmt}"
    rel = str(out.relative_to(book.root))
    cover = prep.cover
    digest = _book_digest(prep, [e for e in entries if e], tags, fmt)
    if all(entries) and state.book.get(fmt, {}).get("hash") == digest and out.is_file():
        return rel
    streamed = stream is not None and stream.count == len(entries)
    for k, e in zip(keys, entries, strict=True):
        what = f"chapter {k}" if k.isdigit() else f"the {k} credits"
        if not e or not (book.root / e["file"]).is_file():
            report.warnings.append(f"full-book {fmt} file not made: {what} has not been rendered yet "
                                   f"(run audiobook build without --chapter)")
            return None
        if fmt == "m4b" and not streamed and not (e.get("pcm") and (book.work_dir / "chapters" / e["pcm"]).is_file()):
            report.warnings.append(f"full-book m4b file not made: {what} was last built for MP3 only, and the "
                                   f"M4B is encoded from the mastered audio (run audiobook build --format m4b "
                                   f"without --chapter)")
            return None
    if fmt == "mp3":       # the chapter files' frames, copied: no second encode of the whole book
        files = [book.root / e["file"] for e in entries if e]
        export.join_mp3(files, [e["title"] for e in entries if e], out, tags, cover)
        state.book[fmt] = {"hash": digest, "file": rel}
        return rel
    markers, pos = [], 0
    for e in entries:
        assert e is not None
        start = pos
        pos += e["samples"]
        markers.append(export.Marker(e["title"], round(start * 1000 / SAMPLE_RATE), round(pos * 1000 / SAMPLE_RATE)))

    def blocks() -> Any:
        for e in entries:
            assert e is not None
            with open(book.work_dir / "chapters" / e["pcm"], "rb") as f:
                while block := f.read(1 << 20):
                    yield block

    if stream is not None and stream.count == len(entries):
        stream.finish(out, tags, markers, cover)
    else:
        export.ENCODERS[fmt](blocks(), out, tags, markers, cover)
    state.book[fmt] = {"hash": digest, "file": rel}
    return rel


def _m4b_stream(prep: Prepared, options: BuildOptions, state: State, tags: export.Tags, total: int,
                tracks: list[Chapter]) -> export.AacStream | None:
    """An AAC encoder for the M4B fed as the chapters finish (beside the synthesis), when this build
    makes every track and the M4B needs making; None otherwise (``--chapter N``: encoded at the end)."""
    if "m4b" not in options.formats or len(prep.chapters) != total:
        return None
    digest = _book_digest(prep, [{"hash": chapter_hash(prep, ch, tags, total)} for ch in tracks], tags, "m4b")
    out = prep.book.output_dir / f"{export.safe_name(prep.book.title)}.m4b"
    if state.book.get("m4b", {}).get("hash") == digest and out.is_file():
        return None
    return export.AacStream(prep.book.work_dir / ".m4b-audio.tmp", len(tracks))


def _to_stream(stream: export.AacStream, prep: Prepared, i: int, fut: Future[tuple[dict[str, Any], Any, int]]) -> None:
    if not fut.cancelled() and fut.exception() is None:
        stream.add(i, prep.book.work_dir / "chapters" / fut.result()[0]["pcm"])


@contextmanager
def _cancelled_on_error(stream: export.AacStream | None) -> Iterator[None]:
    try:
        yield
    except BaseException:
        if stream is not None:
            stream.cancel()
        raise


def _book_digest(prep: Prepared, entries: list[dict[str, Any]], tags: export.Tags, fmt: str) -> str:
    """What a full-book file is made of: its chapters' hashes, the tags, the cover, the encoder."""
    cover = prep.cover
    cover_id = [cover.kind, hashlib.sha256(cover.path.read_bytes()).hexdigest()] if cover else None
    settings = [fmt, export.MP3_BITRATE if fmt == "mp3" else [export.AAC_BITRATE, export.AAC_HEADROOM_DB]]
    return hashlib.sha256(json.dumps([[e["hash"] for e in entries], asdict(tags), cover_id, settings]
                                     ).encode()).hexdigest()[:32]


def _stale_book_files(prep: Prepared, state: State, tags: export.Tags, formats: list[str]) -> list[str]:
    """Warnings for full-book files of formats this build did not make that no longer match the
    chapters (e.g. an M4B from an earlier ``--format m4b``), which ``audiobook check`` would fail."""
    entries = [e for e in (state.chapters.get(state_key(c)) for c in prep.credits if c.number == 0) if e]
    entries += [e for n in range(1, len(prep.script.chapters) + 1) if (e := state.chapters.get(str(n)))]
    entries += [e for e in (state.chapters.get(state_key(c)) for c in prep.credits if c.number != 0) if e]
    out = []
    for fmt, old in state.book.items():
        if fmt not in formats and (prep.book.root / old["file"]).is_file() \
                and old.get("hash") != _book_digest(prep, entries, tags, fmt):
            out.append(f"{old['file']} is from an earlier build and no longer matches the chapters; "
                       f"build with --format {fmt} to update it, or delete it")
    return out


def _drop_disabled_credits(prep: Prepared, state: State) -> None:
    """Credit tracks that book.yaml no longer enables: their file and state go (so the output
    folder holds only what the full book contains, and ``audiobook check`` agrees)."""
    enabled = {state_key(c) for c in prep.credits}
    for key in ("opening", "closing"):
        old = state.chapters.get(key)
        if key not in enabled and old is not None:
            (prep.book.root / old["file"]).unlink(missing_ok=True)
            if old.get("pcm"):
                (prep.book.work_dir / "chapters" / old["pcm"]).unlink(missing_ok=True)
            del state.chapters[key]


class State:
    """What the last builds produced (``.audiobook/state.json``), saved atomically."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.chapters: dict[str, dict[str, Any]] = data.get("chapters", {})
        self.book: dict[str, Any] = data.get("book", {})

    @classmethod
    def load(cls, path: Path) -> State:
        return cls(path, read_json(path))

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, json.dumps({"chapters": self.chapters, "book": self.book}, indent=1).encode())
