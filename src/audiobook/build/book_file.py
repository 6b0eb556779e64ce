"""The full-book files: the MP3 (the chapter MP3s' frames copied, with chapter markers) and the
M4B (AAC encoded from the chapters' mastered audio, streamed while the chapters are made when the
build makes them all). Each is remade only when a chapter, the tags, the cover or the format
changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import asdict

from audiobook.audio import export
from audiobook.book import Book
from audiobook.build.chapter import Made, chapter_hash
from audiobook.build.prepare import Prepared, book_file
from audiobook.build.state import BookFileEntry, ChapterEntry, State, relative
from audiobook.cover import missing_cover
from audiobook.model import SAMPLE_RATE, Chapter
from audiobook.text.credits import state_key


def book_tags(book: Book) -> export.Tags:
    return export.Tags(title=book.title, author=book.author, album=book.title,
                       narrator=book.narrator, year=book.year)


def track_keys(prep: Prepared) -> list[str]:
    """The state keys of the book's tracks in playing order: opening credits, chapters, closing credits."""
    keys = [state_key(c) for c in prep.credits if c.number == 0]
    keys += [str(n) for n in range(1, len(prep.script.chapters) + 1)]
    return keys + [state_key(c) for c in prep.credits if c.number != 0]


def full_book(prep: Prepared, state: State, tags: export.Tags, warnings: list[str], fmt: str = "mp3",
              stream: export.AacStream | None = None) -> str | None:
    """The whole book in one ``fmt`` file (credits included): the chapter MP3s' frames copied, or
    for the M4B, the AAC ``stream`` encoded during the build (or the chapters' stored PCM encoded
    here). Returns its path relative to the book, or None (with a warning) when a track is missing."""
    book = prep.book
    keys = track_keys(prep)
    entries = [state.chapters.get(k) for k in keys]
    out = book_file(book, fmt)
    rel = relative(out, book.root)
    digest = book_digest(prep, [e.hash for e in entries if e], tags, fmt)
    old = state.book.get(fmt)
    if all(entries) and old is not None and old.hash == digest and out.is_file():
        return rel
    streamed = stream is not None and stream.count == len(entries)
    for k, e in zip(keys, entries, strict=True):
        what = f"chapter {k}" if k.isdigit() else f"the {k} credits"
        if not e or not (book.root / e.file).is_file():
            warnings.append(f"full-book {fmt} file not made: {what} has not been rendered yet "
                            f"(run audiobook build without --chapter)")
            return None
        if fmt == "m4b" and not streamed and not (e.pcm and (book.work_dir / "chapters" / e.pcm).is_file()):
            warnings.append(f"full-book m4b file not made: {what} was last built for MP3 only, and the "
                            f"M4B is encoded from the mastered audio (run audiobook build --format m4b "
                            f"without --chapter)")
            return None
    present = [e for e in entries if e is not None]
    if prep.cover is None:
        warnings.append(missing_cover())          # when the file that would carry it is made
    if fmt == "mp3":       # the chapter files' frames, copied: no second encode of the whole book
        export.join_mp3([book.root / e.file for e in present], [e.title for e in present], out, tags, prep.cover)
    else:
        markers, pos = [], 0
        for e in present:
            start = pos
            pos += e.samples
            markers.append(export.Marker(e.title, round(start * 1000 / SAMPLE_RATE), round(pos * 1000 / SAMPLE_RATE)))
        if stream is not None and streamed:
            stream.finish(out, tags, markers, prep.cover)
        else:
            export.ENCODERS[fmt](_pcm_blocks(prep, present), out, tags, markers, prep.cover)
    state.book[fmt] = BookFileEntry(digest, rel)
    return rel


def _pcm_blocks(prep: Prepared, entries: list[ChapterEntry]) -> Iterator[bytes]:
    for e in entries:
        assert e.pcm is not None
        with open(prep.book.work_dir / "chapters" / e.pcm, "rb") as f:
            while block := f.read(1 << 20):
                yield block


def m4b_stream(prep: Prepared, formats: tuple[str, ...], state: State, tags: export.Tags, total: int,
               tracks: list[Chapter]) -> export.AacStream | None:
    """An AAC encoder for the M4B fed as the chapters finish (beside the synthesis), when this build
    makes every track and the M4B needs making; None otherwise (``--chapter N``: encoded at the end)."""
    if "m4b" not in formats or len(prep.chapters) != total:
        return None
    digest = book_digest(prep, [chapter_hash(prep, ch, tags, total) for ch in tracks], tags, "m4b")
    old = state.book.get("m4b")
    if old is not None and old.hash == digest and book_file(prep.book, "m4b").is_file():
        return None
    return export.AacStream(prep.book.work_dir / ".m4b-audio.tmp", len(tracks))


def to_stream(stream: export.AacStream, prep: Prepared, i: int, fut: Future[Made]) -> None:
    """Feed a finished track's stored PCM to the M4B's encoder (a done-callback of its future)."""
    if not fut.cancelled() and fut.exception() is None:
        pcm = fut.result().entry.pcm
        assert pcm is not None
        stream.add(i, prep.book.work_dir / "chapters" / pcm)


@contextmanager
def cancelled_on_error(stream: export.AacStream | None) -> Iterator[None]:
    try:
        yield
    except BaseException:
        if stream is not None:
            stream.cancel()
        raise


def book_digest(prep: Prepared, chapter_hashes: list[str], tags: export.Tags, fmt: str) -> str:
    """What a full-book file is made of: its chapters' hashes, the tags, the cover, the encoder."""
    cover = prep.cover
    cover_id = [cover.kind, hashlib.sha256(cover.path.read_bytes()).hexdigest()] if cover else None
    settings = [fmt, export.MP3_BITRATE if fmt == "mp3" else [export.AAC_BITRATE, export.AAC_HEADROOM_DB]]
    return hashlib.sha256(json.dumps([chapter_hashes, asdict(tags), cover_id, settings]
                                     ).encode()).hexdigest()[:32]


def stale_book_files(prep: Prepared, state: State, tags: export.Tags, formats: list[str]) -> list[str]:
    """Warnings for full-book files of formats this build did not make that no longer match the
    chapters (e.g. an M4B from an earlier ``--format m4b``), which ``audiobook check`` would fail."""
    hashes = [e.hash for k in track_keys(prep) if (e := state.chapters.get(k))]
    out = []
    for fmt, old in state.book.items():
        if fmt not in formats and (prep.book.root / old.file).is_file() \
                and old.hash != book_digest(prep, hashes, tags, fmt):
            out.append(f"{old.file} is from an earlier build and no longer matches the chapters; "
                       f"build with --format {fmt} to update it, or delete it")
    return out


def drop_disabled_credits(prep: Prepared, state: State) -> None:
    """Credit tracks that book.yaml no longer enables: their file and state go (so the output
    folder holds only what the full book contains, and ``audiobook check`` agrees)."""
    enabled = {state_key(c) for c in prep.credits}
    for key in ("opening", "closing"):
        old = state.chapters.get(key)
        if key not in enabled and old is not None:
            (prep.book.root / old.file).unlink(missing_ok=True)
            if old.pcm:
                (prep.book.work_dir / "chapters" / old.pcm).unlink(missing_ok=True)
            del state.chapters[key]
