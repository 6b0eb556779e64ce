"""The studio's model of one book: the prepared script (lines, speakers, cache keys) kept current by
the ``build --watch`` loop, which runs in a thread and announces each build to the pages.

A fix goes into the manuscript file (``edits``) or the profile (``profile``), nothing else: the
watch loop sees the save as it sees an editor's and builds incrementally, so only the changed lines
are synthesized. An audition (a sample line in a voice with a new pitch or speed) is synthesized in
this process into the line cache, under the key the build will use once the change is saved.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from audiobook.build import BuildOptions, BuildReport, Prepared, prepare
from audiobook.build.prepare import chapter_file
from audiobook.errors import AudiobookError, one_line
from audiobook.model import NARRATOR, Chapter, Line, Script
from audiobook.studio import edits
from audiobook.studio.profile import check_settings, set_voice
from audiobook.text.script import review
from audiobook.voice.planning import plan
from audiobook.voice.render import render_job

Listener = Callable[[dict[str, Any]], None]
AUDITION = "\x00audition"     # a speaker name no manuscript can hold


@dataclass(frozen=True)
class Snapshot:
    """The book as last read: the prepared build (script, profile, plan) and the review order."""

    prep: Prepared
    rank: dict[tuple[int, int], int]      # (chapter, index) -> place in the `script --review` order
    version: int
    others: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)   # likeliest other speakers

    def chapter(self, number: int) -> Chapter:
        for ch in (*self.prep.script.chapters, *self.prep.credits):    # credits: 0 and the last + 1
            if ch.number == number:
                return ch
        raise edits.EditError(f"chapter {number}: the book has chapters 1 to {len(self.prep.script.chapters)}")

    def line(self, chapter: int, index: int) -> Line:
        lines = self.chapter(chapter).lines
        if not 0 <= index < len(lines):
            raise edits.EditError(f"chapter {chapter}: no line {index}")
        return lines[index]


class Studio:
    """One book open in the studio. ``start()`` runs the watch loop (unless ``build`` is false:
    browse and fix without rendering); ``close()`` stops it and the workers."""

    def __init__(self, book_dir: Path, profile: str | None = None, *, jobs: int = 0, build: bool = True) -> None:
        self.root = Path(book_dir)
        self.options = BuildOptions(profile=profile, jobs=jobs)
        self.build = build
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._audition_lock = threading.Lock()
        self.status: dict[str, Any] = {"state": "idle"}
        self._last_built: dict[tuple[int, int], str] = {}     # each line's key at the last build
        self.snapshot = self._read(0)         # errors in the book stop the studio before it serves

    # ------------------------------------------------------------------ reading the book
    def _read(self, version: int) -> Snapshot:
        prep = prepare(self.root, self.options)
        order = review(prep.script, prep.book.root, 0)
        rank = {(r.line.chapter, r.line.index): i for i, r in enumerate(order)}
        return Snapshot(prep, rank, version, {(r.line.chapter, r.line.index): r.others for r in order})

    def refresh(self) -> Snapshot:
        """Read the book again (after an edit, and after each build)."""
        with self._lock:
            self.snapshot = self._read(self.snapshot.version + 1)
            return self.snapshot

    # ------------------------------------------------------------------ events
    def listen(self, fn: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(fn)
        return lambda: self._listeners.remove(fn) if fn in self._listeners else None

    def publish(self, event: dict[str, Any]) -> None:
        if event["type"] in ("building", "built", "error"):
            self.status = {"state": event["type"], "at": time.time(),
                           **{k: v for k, v in event.items() if k in ("message", "summary")}}
        for fn in list(self._listeners):
            fn(event)

    # ------------------------------------------------------------------ the watch loop
    def start(self) -> None:
        if self.build and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="studio-watch", daemon=True)
            self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        """The watch loop: it owns its worker pool (a new one after a worker died) and reports
        each build; a problem in a file is shown on the page until it is fixed."""
        from audiobook.build.watch import watch

        self.publish({"type": "building", "paths": []})
        try:
            for result in watch(self.root, self.options, self._progress, stop=self._stop.is_set,
                                on_change=lambda paths: self.publish({"type": "building", "paths": paths})):
                if isinstance(result, AudiobookError):
                    self.publish({"type": "error", "message": str(result)})
                else:
                    self._built(result)
        except Exception as e:        # not the book's fault: say so on the page rather than die silently
            self.publish({"type": "error", "message": f"the build loop stopped ({type(e).__name__}: "
                                                      f"{one_line(e)}); restart the studio"})
            raise

    def _progress(self, stage: str, done: int, total: int) -> None:
        if total and (done == total or done % max(1, total // 20) == 0):
            self.publish({"type": "progress", "stage": stage, "done": done, "total": total})

    def _built(self, report: BuildReport) -> None:
        try:
            snap = self.refresh()
        except AudiobookError as e:
            self.publish({"type": "error", "message": str(e)})
            return
        before, self._last_built = self._last_built, dict(snap.prep.plan.keys)
        changed = [{"chapter": c, "index": i, "key": k} for (c, i), k in snap.prep.plan.keys.items()
                   if before.get((c, i)) != k]
        encoded = sum(c.paragraphs_encoded for c in report.chapters)
        self.publish({"type": "built", "version": snap.version, "changed": changed,
                      "summary": f"{report.lines_synthesized} lines synthesized, {report.lines_cached} reused, "
                                 f"{encoded} paragraphs encoded, in {report.wall_seconds:.2f} s",
                      "synthesized": report.lines_synthesized})

    # ------------------------------------------------------------------ fixes
    def set_speaker(self, chapter: int, index: int, speaker: str, expect: str) -> Snapshot:
        """Tag the quote at (chapter, index) with ``[speaker]`` (``Narrator``: not spoken by a character)."""
        line = self._current(chapter, index, expect)
        text = self.snapshot.prep.script.texts[line.source]
        edits.write_manuscript(self.root, line.source, text, edits.tag_speaker(text, line, speaker))
        return self.refresh()

    def set_text(self, chapter: int, index: int, new: str, expect: str) -> Snapshot:
        line = self._current(chapter, index, expect)
        text = self.snapshot.prep.script.texts[line.source]
        edits.write_manuscript(self.root, line.source, text, edits.replace_text(text, line, new))
        return self.refresh()

    def _current(self, chapter: int, index: int, expect: str) -> Line:
        """The line the page showed, checked against the manuscript as it is now."""
        line = self.snapshot.line(chapter, index)
        if line.text != expect:
            self.refresh()
            line = self.snapshot.line(chapter, index)
            if line.text != expect:
                raise edits.EditError(f"chapter {chapter}, line {index} has changed since the page showed it; "
                                      "the page is updated: try again")
        return line

    # ------------------------------------------------------------------ voices
    def audition(self, voice: str, settings: dict[str, Any], text: str = "") -> tuple[str, str]:
        """Synthesize a sample line in ``voice`` with new ``settings`` (pitch, speed) into the line
        cache, unsaved; returns (cache key, the text said)."""
        snap = self.snapshot
        prof = snap.prep.profile
        if voice not in prof.voices:
            raise edits.EditError(f"{prof.label}: no voice named {voice!r}")
        values = check_settings(settings)
        base = prof.voices[voice]
        trial = replace(base, pitch=values.get("pitch", base.pitch), speed=values.get("speed", base.speed))
        said = text.strip() or self.sample_text(voice)
        line = Line(1, 0, "dialogue", AUDITION, said, "", 0, 0)
        profile = replace(prof, voices={**prof.voices, voice: trial}, cast={**prof.cast, AUDITION: voice})
        p = plan(Script((Chapter(1, "", "", (line,)),)), profile, snap.prep.book, snap.prep.cache)
        key = p.key(line)
        with self._audition_lock:       # in this process, one at a time (the engines stay loaded here)
            for job in p.jobs.values():
                render_job(job, str(snap.prep.cache.root.resolve()))
        return key, said

    def sample_text(self, voice: str) -> str:
        """The first thing this voice says in the book (a quote if it has one), or a stock line."""
        snap = self.snapshot
        for kind in ("dialogue", "narration"):
            for (c, i), v in snap.prep.plan.voices.items():
                ln = snap.line(c, i)
                if v.name == voice and ln.kind == kind and len(ln.text) > 12:
                    return ln.text
        return "This is how I sound, reading a line of your book."

    def save_voice(self, voice: str, settings: dict[str, Any]) -> None:
        prof = self.snapshot.prep.profile
        if voice not in prof.voices:
            raise edits.EditError(f"{prof.label}: no voice named {voice!r}")
        path = prof.path.resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise edits.EditError(f"{prof.label}: the profile lies outside the book; edit it by hand")
        set_voice(path, voice, settings)

    # ------------------------------------------------------------------ files of the book
    def chapter_mp3(self, number: int) -> Path:
        return chapter_file(self.snapshot.prep.book, self.snapshot.chapter(number))

    def speakers(self) -> list[str]:
        """Whom a line can be given to: the narrator, the cast, the book's characters, the script's speakers."""
        snap = self.snapshot
        names = [NARRATOR, *snap.prep.profile.cast, *(c.name for c in snap.prep.book.characters or ()),
                 *snap.prep.script.speakers()]
        return list(dict.fromkeys(n for n in names if not n.startswith("\x00")))
