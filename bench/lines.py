"""Render sentences as line audio through the pipeline, the way a build does (for the voice benches).

``render_lines(tmp, sentences, voice_yaml, pronunciations)`` writes a one-chapter book whose paragraphs are
the sentences, cast to one voice (narrator), plans it with the real plan (lexicon, cache keys),
synthesizes the lines on one worker and returns (sentence, line WAV) pairs, in order.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from audiobook.build import BuildOptions, prepare
from audiobook.voice import workers


def render_lines(root: Path, sentences: list[str], voice: str, pronunciations: str = "") -> list[tuple[str, Path]]:
    """``voice``: the YAML of one voice, e.g. ``{engine: piper, model: joe}``; ``pronunciations``:
    the ``pronunciations:`` block of book.yaml (YAML text), or ''."""
    (root / "manuscript").mkdir(parents=True, exist_ok=True)
    (root / "voices").mkdir(exist_ok=True)
    (root / "manuscript" / "01.md").write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
    (root / "manuscript" / "book.yaml").write_text(f'title: "Bench"\n{pronunciations}', encoding="utf-8")
    (root / "voices" / "default.yaml").write_text(textwrap.dedent(f"""\
        voices:
          v: {voice}
        cast: {{Narrator: v}}
        """), encoding="utf-8")
    prep = prepare(root, BuildOptions(jobs=1))
    executor = workers.default_executor(1, 1)
    workers.synthesize(list(prep.plan.jobs.values()), prep.cache, executor)
    out = []
    for line in prep.script.chapters[0].lines:
        out.append((line.text, prep.cache.path(prep.plan.key(line))))
    return out
