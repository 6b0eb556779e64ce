"""What the pages show, as JSON-ready dicts: chapters with progress and ACX status, a chapter's
lines (filtered, one page at a time), the cast table, and a chapter's loudness over time."""

from __future__ import annotations

import math
import subprocess
import threading
from pathlib import Path
from typing import Any

import numpy as np

from audiobook.model import Line
from audiobook.studio.session import Snapshot, Studio

PAGE = 100          # lines per page: a 3,000-line chapter is 30 pages, never 3,000 rows at once


def chapters(studio: Studio) -> list[dict[str, Any]]:
    snap = studio.snapshot
    cache = snap.prep.cache
    out = []
    for ch in snap.prep.script.chapters:
        keys = [snap.prep.plan.keys[(ch.number, ln.index)] for ln in ch.lines]
        mp3 = studio.chapter_mp3(ch.number)
        out.append({
            "number": ch.number, "title": ch.title, "source": ch.source, "lines": len(ch.lines),
            "dialogue": sum(ln.kind == "dialogue" for ln in ch.lines),
            "rendered": sum(cache.has(k) for k in keys),
            "review": sum((ch.number, ln.index) in snap.rank for ln in ch.lines),
            "mp3": mp3.is_file(),
        })
    return out


def timings(studio: Studio, chapter: int) -> dict[int, list[float]]:
    """Where each line of a chapter lies in its MP3 as last built (seconds), from the build's state:
    a line whose audio left the cache can still be heard there."""
    from audiobook.build.state import State

    path = studio.snapshot.prep.book.work_dir / "state.json"
    if not path.is_file():
        return {}

    def run(p: Path) -> dict[int, dict[int, list[float]]]:
        state = State.load(p, studio.snapshot.prep.book.root)
        return {e.number: {s.index: [s.start, s.end] for s in e.lines} for e in state.chapters.values()}
    return dict(_memoized(path, "timings", run).get(chapter, {}))


def line_json(snap: Snapshot, ln: Line, at: dict[int, list[float]] | None = None) -> dict[str, Any]:
    key = snap.prep.plan.keys[(ln.chapter, ln.index)]
    voice = snap.prep.plan.voices[(ln.chapter, ln.index)]
    return {"chapter": ln.chapter, "index": ln.index, "kind": ln.kind, "speaker": ln.speaker, "narrated": ln.narrated,
            "at": (at or {}).get(ln.index), "voice": voice.name, "text": ln.text,
            "confidence": ln.confidence, "reason": ln.reason,
            "paragraph": ln.paragraph, "key": key, "audio": snap.prep.cache.has(key),
            "review": snap.rank.get((ln.chapter, ln.index)),
            "others": list(snap.others.get((ln.chapter, ln.index), ())),     # the fixes `script --review` suggests
            "source": snap.prep.script.texts[ln.source][ln.start:ln.end] if ln.source in snap.prep.script.texts
            else ln.text}


def lines(studio: Studio, chapter: int, *, filter: str = "", speaker: str = "", page: int = 0) -> dict[str, Any]:
    """One page of a chapter's lines in reading order, or in the ``script --review`` order
    (``filter="review"``), or only one speaker's (``speaker``)."""
    snap = studio.snapshot
    ch = snap.chapter(chapter)
    chosen = list(ch.lines)
    if filter == "review":
        chosen = sorted((ln for ln in chosen if (ln.chapter, ln.index) in snap.rank),
                        key=lambda ln: snap.rank[(ln.chapter, ln.index)])
    if speaker:
        chosen = [ln for ln in chosen if ln.speaker == speaker]
    pages = max(1, math.ceil(len(chosen) / PAGE))
    page = min(max(0, page), pages - 1)
    at = timings(studio, ch.number)
    warnings = [w for w in (*snap.prep.script.warnings, *snap.prep.plan.warnings) if w.startswith(ch.source + ":")]
    return {"chapter": ch.number, "title": ch.title, "source": ch.source, "version": snap.version,
            "warnings": warnings,
            "total": len(chosen), "page": page, "pages": pages, "page_size": PAGE,
            "lines": [line_json(snap, ln, at) for ln in chosen[page * PAGE:(page + 1) * PAGE]]}


def voices(studio: Studio) -> list[dict[str, Any]]:
    from audiobook.voice.engines import engine_class

    snap = studio.snapshot
    prof = snap.prep.profile
    speakers: dict[str, set[str]] = {}
    for (c, i), v in snap.prep.plan.voices.items():
        speakers.setdefault(v.name, set()).add(snap.line(c, i).reader)
    return [{"name": v.name, "engine": v.engine, "model": engine_class(v.engine).describe(v),
             "speed": v.speed, "pitch": v.pitch,
             "cast": sorted({s for s, n in prof.cast.items() if n == v.name} | speakers.get(v.name, set())),
             "sample": studio.sample_text(v.name)} for v in prof.voices.values()]


# ------------------------------------------------------------------------------ measuring
_memo: dict[tuple[str, int, int, str], Any] = {}
_memo_lock = threading.Lock()


def _memoized(path: Path, what: str, fn: Any) -> Any:
    st = path.stat()
    k = (str(path), st.st_mtime_ns, st.st_size, what)
    with _memo_lock:
        if k in _memo:
            return _memo[k]
    value = fn(path)
    with _memo_lock:
        _memo[k] = value
    return value


def acx_status(path: Path) -> dict[str, Any]:
    """ACX's rules for one chapter MP3 (``audiobook check``), remembered until the file changes."""
    from audiobook.audio.acx import measure_file, rules

    def run(p: Path) -> dict[str, Any]:
        found = rules(measure_file(p))
        return {"ok": all(r.status != "fail" for r in found),
                "rules": [{"name": r.name, "requirement": r.requirement, "measured": r.measured,
                           "status": r.status} for r in found]}
    return dict(_memoized(path, "acx", run))


def loudness(path: Path, points: int = 2000) -> dict[str, Any]:
    """RMS and peak level (dBFS) of an MP3 over time, in at most ``points`` windows of at least
    0.1 s, with ACX's limits: what a producer scans for a too-quiet line or a long silence."""
    from audiobook.audio.export import ffmpeg

    def run(p: Path) -> dict[str, Any]:
        rate = 44100
        raw = subprocess.run([ffmpeg(), "-v", "error", "-nostdin", "-i", str(p), "-map", "0:a:0", "-ac", "1",
                              "-ar", str(rate), "-f", "f32le", "-"], capture_output=True, check=False)
        x = np.frombuffer(raw.stdout[: len(raw.stdout) // 4 * 4], dtype="<f4").astype(np.float64)
        duration = len(x) / rate
        window = max(int(0.1 * rate), math.ceil(len(x) / points)) if len(x) else int(0.1 * rate)
        n = len(x) // window
        frames = x[: n * window].reshape(n, window) if n else np.zeros((0, window))
        rms = 10 * np.log10(np.maximum(np.mean(frames ** 2, axis=1), 1e-12))
        peak = 20 * np.log10(np.maximum(np.max(np.abs(frames), axis=1, initial=0.0), 1e-6))
        return {"duration": duration, "window": window / rate,
                "rms": [round(float(v), 1) for v in rms], "peak": [round(float(v), 1) for v in peak],
                "limits": {"rms_low": -23.0, "rms_high": -18.0, "peak": -3.0, "floor": -60.0}}
    return dict(_memoized(path, f"loudness{points}", run))
