"""Are a cast's voices different people, and still easy to understand? For the sample book's cast
(voices/default.yaml) and the starter cast `audiobook cast --write voices` writes for a
six-character book (bench/six: three women, three men, a narrator), every voice says the same six
sentences (bench/voice_sentences.py) through the pipeline (bench/lines.py), and:

- the resemblyzer meter (../shared/tools/voices) gives the similarity matrix of the voices'
  centroids (goal: every pair below 0.75);
- Whisper (../shared/tools/asr) gives each voice's WER on those sentences, beside its base voice's
  (the engine and model with no pitch, timbre or speed; goal: at most 1.5x the base's).

    bash ../shared/tools/voices/SETUP.sh; bash ../shared/tools/asr/SETUP.sh     # once
    .venv/bin/python bench/voices_cast.py [--out bench/VOICES.md]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from audiobook.book import load_book  # noqa: E402
from audiobook.model import Voice  # noqa: E402
from audiobook.text.script import cast_of  # noqa: E402
from audiobook.voice.profiles import load_profile  # noqa: E402
from audiobook.voice.starter import voices_yaml  # noqa: E402
from lines import render_lines  # noqa: E402
from voice_sentences import SENTENCES  # noqa: E402


def voice_yaml(v: Voice) -> str:
    d: dict[str, object] = {"engine": v.engine, "model": v.model or ""}
    for key, value, default in (("speed", v.speed, 1.0), ("pitch", v.pitch, 0.0), ("timbre", v.timbre, 0.0)):
        if value != default:
            d[key] = value
    if v.options:
        d["options"] = dict(v.options)
    return yaml.safe_dump(d, default_flow_style=True, width=1000).strip()


def casts(work: Path) -> dict[str, dict[str, Voice]]:
    """cast name -> speaker -> voice (the narrator and each cast character)."""
    out = {}
    sample = load_book(REPO)
    prof = load_profile(sample)
    out["sample book (voices/default.yaml)"] = {spk: prof.voices[v] for spk, v in prof.cast.items()}
    six = work / "six"
    import shutil

    shutil.copytree(HERE / "six" / "manuscript", six / "manuscript")
    (six / "voices").mkdir()
    book = load_book(six)
    (six / "voices" / "default.yaml").write_text(voices_yaml(cast_of(book), book.title), encoding="utf-8")
    prof = load_profile(book)
    out["six characters (cast --write voices)"] = {spk: prof.voices[v] for spk, v in prof.cast.items()}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--meter", default="/tmp/voicesim/voice-distinct")
    ap.add_argument("--asr", default="/tmp/asr/asr-wer")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    report = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rendered: dict[str, list[Path]] = {}          # voice yaml -> the six WAVs

        def render(v: Voice) -> list[Path]:
            key = voice_yaml(v)
            if key not in rendered:
                pairs = render_lines(work / f"v{len(rendered)}", SENTENCES, key)
                rendered[key] = [w for t, w in pairs if t in SENTENCES]
            return rendered[key]

        def wer(files: list[Path]) -> float:
            tsv = work / "asr.tsv"
            tsv.write_text("".join(f"{f}\t{s}\n" for f, s in zip(files, SENTENCES, strict=True)), encoding="utf-8")
            subprocess.run([args.asr, "--pairs", str(tsv), "--json", str(work / "asr.json")], check=True,
                           stdout=subprocess.DEVNULL)
            return float(json.loads((work / "asr.json").read_text())["overall_wer"])

        base_wer: dict[str, float] = {}
        for title, cast in casts(work).items():
            tsv = work / "cast.tsv"
            tsv.write_text("".join(f"{spk}\t{f}\n" for spk, v in cast.items() for f in render(v)), encoding="utf-8")
            subprocess.run([args.meter, str(tsv), "--json", str(work / "sim.json")], check=False,
                           stdout=subprocess.DEVNULL)
            sim = json.loads((work / "sim.json").read_text())
            labels = sim["labels"]
            report += [f"## {title}", "", "| | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
            for i, a in enumerate(labels):
                cells = [f"{sim['matrix'][i][j]:.3f}" if j > i else ("1" if j == i else "") for j in range(len(labels))]
                report.append(f"| {a} | " + " | ".join(cells) + " |")
            top = sim["pairs"][0]
            report += ["", f"Highest pair: {top['a']} / {top['b']} {top['cos']:.3f} (goal: below 0.75).", "",
                       "| speaker | voice | WER | base voice WER | ratio |", "|---|---|---|---|---|"]
            for spk, v in cast.items():
                base = Voice("base", v.engine, v.model, v.options)
                if voice_yaml(base) not in base_wer:
                    base_wer[voice_yaml(base)] = wer(render(base))
                w, b = wer(render(v)), base_wer[voice_yaml(base)]
                report.append(f"| {spk} | `{voice_yaml(v)}` | {w:.1%} | {b:.1%} | "
                              f"{w / b if b else float('inf') if w else 1.0:.2f} |")
            report.append("")
    text = "\n".join(report)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
