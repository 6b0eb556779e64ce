"""How far do pitch and timbre move a voice? Each bundled base voice (Piper joe, hibari heart) says
the six bench sentences once; every (pitch, timbre) variant is made from that audio by the
pipeline's own post-processing (render.to_pipeline), and the resemblyzer meter
(../shared/tools/voices) gives every variant's similarity to its base and to every other variant.
The casts in voices/default.yaml and `cast --write voices` are picked from this table.

    SMOKE=0 bash ../shared/tools/voices/SETUP.sh        # once
    .venv/bin/python bench/timbre_grid.py [--pitch -3,0,3] [--timbre -3,0,3] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from audiobook.model import Voice  # noqa: E402
from audiobook.voice.engines import engine_class  # noqa: E402
from audiobook.voice.engines.base import trim_silence  # noqa: E402
from audiobook.voice.render import to_pipeline  # noqa: E402
from voice_sentences import SENTENCES  # noqa: E402

BASES = {"joe": Voice("joe", "piper", "joe"), "heart": Voice("heart", "hibari", "heart")}


def raw(voice: Voice) -> list[tuple[np.ndarray, int]]:
    """Each sentence as the engine says it (silence trimmed, at the engine's rate)."""
    engine = engine_class(voice.engine)(voice)
    out = []
    for s in SENTENCES:
        chunks = list(engine.synthesize(s, voice))
        rate = chunks[0].sample_rate
        out.append((np.concatenate([trim_silence(np.asarray(c.samples, np.float32), rate) for c in chunks]), rate))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pitch", default="-3,0,3")
    ap.add_argument("--timbre", default="-3,0,3")
    ap.add_argument("--meter", default="/tmp/voicesim/voice-distinct")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    pitches = [float(p) for p in args.pitch.split(",")]
    timbres = [float(t) for t in args.timbre.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        pairs = []
        for base, voice in BASES.items():
            audio = raw(voice)
            for p in pitches:
                for t in timbres:
                    label = f"{base} p{p:+g} t{t:+g}"
                    for i, (x, rate) in enumerate(audio):
                        path = Path(tmp) / f"{label.replace(' ', '_')}-{i}.wav"
                        soundfile.write(str(path), to_pipeline(x, rate, p, t), 44100, subtype="PCM_16")
                        pairs.append(f"{label}\t{path}\n")
        tsv = Path(tmp) / "pairs.tsv"
        tsv.write_text("".join(pairs), encoding="utf-8")
        out = Path(tmp) / "out.json"
        subprocess.run([args.meter, str(tsv), "--json", str(out)], check=False, stdout=subprocess.DEVNULL)
        result = json.loads(out.read_text())
    labels, matrix = result["labels"], np.array(result["matrix"])
    print("similarity to the base voice (pitch 0, timbre 0), rows pitch, columns timbre:")
    for base in BASES:
        ref = labels.index(f"{base} p+0 t+0") if f"{base} p+0 t+0" in labels else None
        print(f"\n{base:>8} | " + " | ".join(f"t{t:+g}" for t in timbres))
        for p in pitches:
            cells = [f"{matrix[ref, labels.index(f'{base} p{p:+g} t{t:+g}')]:.3f}" if ref is not None else "-"
                     for t in timbres]
            print(f"p{p:+5g}   | " + " | ".join(cells))
    if args.json:
        args.json.write_text(json.dumps({"labels": labels, "matrix": matrix.round(4).tolist()}), encoding="utf-8")


if __name__ == "__main__":
    main()
