"""The proof stage: every line not heard before is heard back, a take that fails is retaken, and
what still fails after every take is reported, never silent.

It runs after planning and before assembly: it synthesizes the lines the build is missing (and
retakes: ``options.seed`` + k, ``planning.take_job``), hears them in batches, keeps each line's
best take, records the choice (``store``), and points the plan at the chosen takes, so the
build then only assembles. A line's verdict is cached under its audio key, the ASR model and the
settings: a rebuild with nothing changed hears nothing and loads no model.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from audiobook.config import ProofSettings
from audiobook.files import atomic_write
from audiobook.model import SAMPLE_RATE, Line
from audiobook.proof import asr, checks
from audiobook.proof.match import Match, match, names, proper_nouns
from audiobook.proof.store import ProofStore, Verdict, chosen_takes, settings_id
from audiobook.voice import planning, render, workers
from audiobook.voice.cache import LineCache

CHECKS_VERSION = 3          # bump when checks.py or match.py judge differently: every line is heard again
BATCH = 64                  # lines heard at once (their audio held in memory)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Flag:
    """A line still wrong after every take."""

    location: str           # manuscript file:line
    chapter: int
    index: int
    speaker: str
    text: str
    heard: str
    score: float
    problems: tuple[str, ...]
    takes: int              # takes tried

    def describe(self) -> str:
        why = "; ".join(self.problems) or f"heard {self.heard[:80]!r}"
        return (f"{self.location}: proof: {why} (score {self.score:.2f} after {self.takes} take"
                f"{'s' if self.takes != 1 else ''}): {self.text[:80]!r}")


@dataclass
class ProofReport:
    lines: int = 0          # lines with words in this build (each distinct line once)
    proofed: int = 0        # takes heard by this run (verdicts from the cache not counted)
    retaken: int = 0        # lines whose kept take is not the first
    flagged: list[Flag] = field(default_factory=list)
    synthesized: int = 0    # takes synthesized by proofing (first takes and retakes)
    unbuilt: int = 0        # lines not heard because their audio is not built yet (audiobook proof)
    audio_seconds: float = 0.0   # audio heard
    seconds: float = 0.0    # wall time of the stage
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def apply_takes(plan: planning.Plan, cache: LineCache, work_dir: Path) -> None:
    """Point ``plan`` at each line's chosen take (recorded by earlier proofing), proofing on or off."""
    takes = chosen_takes(work_dir)
    if not takes:
        return
    for pos, base in list(plan.keys.items()):
        k = takes.get(base)
        job = planning.take_job(plan.specs[base], k) if k and base in plan.specs else None
        if job is not None:
            _point(plan, pos, base, job)
    _refresh_jobs(plan, cache)


def _point(plan: planning.Plan, pos: tuple[int, int], base: str, job: planning.Job) -> None:
    plan.keys[pos] = job.key
    plan.specs[job.key] = job
    if job.key != base:
        plan.firsts[job.key] = base


def _refresh_jobs(plan: planning.Plan, cache: LineCache) -> None:
    used = set(plan.keys.values())
    plan.jobs = {k: j for k, j in plan.jobs.items() if k in used}
    for key in used:
        spec = plan.specs.get(key)
        if spec is not None and spec.text and key not in plan.jobs and key not in plan.done \
                and cache.samples(key) is None:
            plan.jobs[key] = spec


_TRANSCRIBER: dict[int, asr.Transcriber] = {}     # loaded once per process (kept under --watch)


def transcriber(beam_size: int) -> asr.Transcriber:
    if beam_size not in _TRANSCRIBER:
        _TRANSCRIBER[beam_size] = asr.Transcriber(beam_size=beam_size)
    return _TRANSCRIBER[beam_size]


def proof(lines: Iterable[Line], plan: planning.Plan, cache: LineCache, work_dir: Path,
          settings: ProofSettings, executor: Executor | None = None,
          known: Iterable[str] = (), progress: Progress | None = None) -> ProofReport:
    """Proof ``lines`` (see the module's docstring). Without ``executor`` nothing is synthesized:
    the lines whose audio is cached are heard, nothing is retaken and no take is chosen."""
    t0 = time.perf_counter()
    progress = progress or (lambda stage, done, total: None)
    report = ProofReport()
    store = ProofStore.load(work_dir)
    sid = settings_id({"settings": settings.key(), "asr": asr.identity(settings.model), "checks": CHECKS_VERSION})
    lines = list(lines)
    # names the ASR cannot know: the cast's, accept:, and every word the book capitalizes inside a
    # sentence somewhere (so "Dinah" at the start of a line is known from "... said Dinah")
    names_known = names([*known, *settings.accept]) | frozenset().union(*(proper_nouns(ln.text) for ln in lines))
    firsts: dict[str, Line] = {}
    positions: dict[str, list[tuple[int, int]]] = {}
    for ln in lines:
        key = plan.key(ln)
        base = plan.firsts.get(key, key)
        if base in plan.specs and plan.specs[base].text:
            firsts.setdefault(base, ln)
            positions.setdefault(base, []).append((ln.chapter, ln.index))
    report.lines = len(firsts)
    fixed: dict[str, int] = {}
    for base in firsts:
        t = store.take(base)
        if t is not None and (t[1] == sid or executor is None):
            fixed[base] = t[0]
    tries: dict[str, list[Verdict]] = {base: [] for base in firsts}
    todo = {base: fixed.get(base, 0) for base in firsts}
    heard_so_far = 0
    while todo:
        jobs = {base: job for base, k in todo.items() if (job := planning.take_job(plan.specs[base], k)) is not None}
        need: list[tuple[str, planning.Job]] = []
        for base, job in jobs.items():
            v = store.verdict(job.key, sid)
            if v is not None and v.take == todo[base]:
                tries[base].append(v)
            else:
                need.append((base, job))
        if executor is None:
            built = [(b, j) for b, j in need if cache.samples(j.key) is not None]
            report.unbuilt += len(need) - len(built)
            need = built
        else:
            missing = [j for _, j in need if cache.samples(j.key) is None and j.key not in plan.done]
            if missing:
                _synthesize(missing, plan, cache, executor, report, progress)
        total = heard_so_far + len(need)
        for start in range(0, len(need), BATCH):
            batch = need[start:start + BATCH]
            for (base, job), v in zip(batch, _hear(batch, todo, cache, settings, names_known, report), strict=True):
                store.put(job.key, sid, v)
                tries[base].append(v)
            heard_so_far += len(batch)
            report.proofed += len(batch)
            progress("proof", heard_so_far, total)
        store.save()                       # a killed build keeps what it heard
        nxt = {}
        for base, k in todo.items():
            last = tries[base][-1] if tries[base] else None
            if executor is not None and last is not None and not last.ok and base not in fixed \
                    and k + 1 < settings.takes and planning.take_job(plan.specs[base], k + 1) is not None:
                nxt[base] = k + 1
        todo = nxt
    for base, ln in firsts.items():
        if not tries[base]:
            continue
        best = next((v for v in tries[base] if v.take == fixed[base]), None) if base in fixed else None
        best = best or min(tries[base], key=Verdict.rank)
        if executor is not None:
            store.choose(base, best.take, sid)
            job = planning.take_job(plan.specs[base], best.take)
            assert job is not None
            for pos in positions[base]:
                _point(plan, pos, base, job)
        if best.take > 0:
            report.retaken += 1
        if not best.ok:
            report.flagged.append(Flag(ln.location, ln.chapter, ln.index, ln.reader, plan.specs[base].text,
                                       best.heard, round(best.score, 3), best.problems, len(tries[base])))
    _refresh_jobs(plan, cache)
    store.save()
    save_flagged(work_dir, report.flagged)
    report.seconds = round(time.perf_counter() - t0, 3)
    report.audio_seconds = round(report.audio_seconds, 1)
    return report


def _synthesize(jobs: list[planning.Job], plan: planning.Plan, cache: LineCache, executor: Executor,
                report: ProofReport, progress: Progress) -> None:
    progress("synthesize", 0, len(jobs))
    count = 0

    def on_done(d: render.Done) -> None:
        nonlocal count
        count += 1
        plan.done.add(d.key)
        if d.warning:
            report.warnings.append(d.warning)
        progress("synthesize", count, len(jobs))

    workers.synthesize(jobs, cache, executor, on_done)
    report.synthesized += len(jobs)


def save_flagged(work_dir: Path, flagged: list[Flag]) -> None:
    """The lines the last proofing left flagged (``script --review`` lists them first)."""
    atomic_write(work_dir / "flagged.json", json.dumps([asdict(f) for f in flagged], ensure_ascii=False).encode())


def load_flagged(work_dir: Path) -> list[Flag]:
    """The lines the last proofing left flagged; [] if none or never proofed."""
    try:
        data = json.loads((work_dir / "flagged.json").read_text(encoding="utf-8"))
        return [Flag(**{**d, "problems": tuple(d["problems"])}) for d in data]
    except (OSError, ValueError, TypeError, KeyError):
        return []


def failed(m: Match, settings: ProofSettings) -> bool:
    """Too many words wrong, or a run of them (a skip, a repeat, a cut end)."""
    return (m.errors >= 2 and m.score > settings.threshold) or m.run >= settings.max_run


def _hear(batch: list[tuple[str, planning.Job]], todo: dict[str, int], cache: LineCache, settings: ProofSettings,
          known: frozenset[str], report: ProofReport) -> list[Verdict]:
    """Check and hear one batch of takes; a take that fails inside a packed window is heard once
    more alone (a neighbour's noise can throw Whisper off), and the better hearing kept."""
    pcms = [cache.read(job.key) for _, job in batch]
    out: list[Verdict | None] = [None] * len(batch)
    listen: list[int] = []
    found: list[list[str]] = []
    for i, ((base, job), pcm) in enumerate(zip(batch, pcms, strict=True)):
        if pcm is None:
            out[i] = Verdict(todo[base], "", 1.0, 0, ("audio missing from the cache",), False)
            found.append([])
            continue
        found.append(checks.problems(job.text, pcm, job.sentence_pause))
        if found[i]:
            out[i] = Verdict(todo[base], "", 1.0, 0, tuple(found[i]), False)
        else:
            listen.append(i)
    if listen:
        model = transcriber(settings.beam_size)
        clips = {i: asr.to_asr(pcms[i], SAMPLE_RATE) for i in listen}    # type: ignore[arg-type]
        report.audio_seconds += sum(len(p) for i in listen if (p := pcms[i]) is not None) / SAMPLE_RATE
        heard = dict(zip(listen, model.hear([clips[i] for i in listen]), strict=True))
        for i in listen:
            base, job = batch[i]
            m = match(job.text, heard[i], known)
            if failed(m, settings):
                alone = model.hear_one(clips[i])
                m2 = match(job.text, alone, known)
                if (m2.errors, m2.run) < (m.errors, m.run):
                    m, heard[i] = m2, alone
            out[i] = Verdict(todo[base], heard[i], round(m.score, 4), m.run, (), not failed(m, settings))
    return [v for v in out if v is not None]
