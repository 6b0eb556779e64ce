"""The build's proof step (``build --proof``, ``proof:`` in book.yaml): before the chapters are
made, every line not proofed before is synthesized, heard back and retaken if wrong
(audiobook/proof/stage.py), so the build then assembles the chosen takes."""

from __future__ import annotations

import os

from audiobook.build.prepare import BuildOptions, Prepared
from audiobook.build.report import BuildReport, Progress
from audiobook.config import ProofSettings
from audiobook.proof import stage
from audiobook.voice import server, workers


def settings(prep: Prepared, options: BuildOptions) -> ProofSettings | None:
    """The proof settings in force, or None when proofing is off (``--proof``/``--no-proof`` win
    over book.yaml's ``proof:``)."""
    s = prep.book.proof
    on = s.enabled if options.proof is None else options.proof
    return s.on() if on else None


def known_names(prep: Prepared) -> list[str]:
    """Names the ASR cannot know: the characters, their aliases, the speakers the profile casts, the
    words of the pronunciation lexicon (book.yaml's and the profile's)."""
    out = [*prep.profile.cast, prep.book.narrator, prep.book.author, prep.book.title]
    out += [e.word for e in prep.book.lexicon.over(prep.profile.lexicon).entries]
    for c in prep.book.characters or ():
        out += [c.name, *c.aliases]
    return [n for n in out if n]


def proof_step(prep: Prepared, options: BuildOptions, progress: Progress, report: BuildReport) -> set[str]:
    """Proof the build's lines (see the module docstring); returns the keys of lines still flagged."""
    s = settings(prep, options)
    if s is None:
        return set()
    tracks = [*prep.chapters, *prep.credits]
    lines = [ln for t in tracks for ln in t.lines]
    pending = len(prep.plan.jobs)
    n_jobs = max(1, min(options.jobs or os.cpu_count() or 1, pending or 1))
    own = options.executor is None and not options.jobs
    served = server.connect() if options.use_server and own and pending else None
    report.server = report.server or served is not None
    executor = options.executor or served or workers.default_executor(n_jobs, max(1, (os.cpu_count() or 1) // n_jobs))
    try:
        result = stage.proof(lines, prep.plan, prep.cache, prep.book.work_dir, s,
                             executor, known_names(prep), progress)
    finally:
        if options.executor is None:
            executor.shutdown(wait=True, cancel_futures=True)
    report.proof = result
    report.warnings += result.warnings + [f.describe() for f in result.flagged]
    return {prep.plan.keys[(f.chapter, f.index)] for f in result.flagged}
