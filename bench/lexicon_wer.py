"""Does the pronunciation lexicon make names heard right? Whisper's WER on the lines that hold a
lexicon word, with the lexicon off and on, for each bundled engine, side by side in one run.

Lines: bench/pronunciations/names.txt (names and places with misleading spellings, written for this
bench) and every line of the sample book holding a word of bench/pronunciations/lexicon.yaml. Each
line is rendered through the pipeline (bench/lines.py) with Piper joe and hibari heart, once
without and once with the lexicon, and transcribed by ../shared/tools/asr (Whisper base).

Scores, each the same for both modes. "spelling": the ASR tool's WER against the text as written.
"intended": the same transcripts against the closest reference in which a name may also be spelled
as Whisper writes its intended pronunciation (bench/pronunciations/heard-as.tsv: Cholmondeley said
right is heard as "Chumley", which the written reference counts as an error). "changed lines":
the intended WER on the lines whose phonemes the lexicon changes for that engine (a name the
engine already says as the entry does gets the same audio either way). "intended errors (floor)":
the errors, and (floor) those left had every lexicon word of the changed lines been heard as intended
and every other word as it was: the best a better entry could do. "names heard": how many of the
lexicon words in the lines Whisper wrote down as the word or one of its intended spellings.

    bash ../shared/tools/asr/SETUP.sh            # once
    .venv/bin/python bench/lexicon_wer.py [--takes 3] [--asr /tmp/asr/asr-wer] [--model DIR] [--out table.md]
        [--voice "piper joe"] [--lines Menzies,Tilney] [--work DIR [--rescore]]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from audiobook.book import load_book  # noqa: E402
from audiobook.config import Section, load_yaml  # noqa: E402
from audiobook.lexicon import Lexicon, load_lexicon  # noqa: E402
from audiobook.model import Voice  # noqa: E402
from audiobook.text.script import build_script  # noqa: E402
from audiobook.voice.words import say  # noqa: E402
from lines import render_lines  # noqa: E402

VOICES = {"piper joe": "{engine: piper, model: joe}", "hibari heart": "{engine: hibari, model: heart}"}
SEED = 1234                 # both engines' default seed
BASE = {"piper joe": Voice("v", "piper", "joe"), "hibari heart": Voice("v", "hibari", "heart")}


def take(voice: str, k: int) -> str:
    """The YAML of ``voice`` for take ``k``: the engine's seed + k (take 0: the voice as a build has it)."""
    return voice if k == 0 else voice[:-1] + f", options: {{seed: {SEED + k}}}}}"


def bench_lexicon() -> Lexicon:
    label = "bench/pronunciations/lexicon.yaml"
    return load_lexicon(Section(load_yaml(HERE / "pronunciations" / "lexicon.yaml", label=label), label)
                        .section("pronunciations"))


def names_list() -> list[str]:
    return [s.strip() for s in (HERE / "pronunciations" / "names.txt").read_text().splitlines() if s.strip()]


def sentences() -> tuple[list[str], int]:
    """The names list, then the sample book's lines holding a lexicon word; and how many are the book's."""
    names = names_list()
    lexicon = bench_lexicon()
    book = build_script(load_book(REPO))
    sample = [ln.text for ch in book.chapters for ln in ch.lines if lexicon.find(ln.text)]
    missing = [s for s in names if not lexicon.find(s)]
    assert not missing, f"names.txt lines without a lexicon word: {missing}"
    return names + sample, len(sample)


def wer(asr: str, pairs: list[tuple[str, Path]], work: Path, name: str, model: str | None = None) -> dict:
    tsv = work / f"{name}.tsv"
    tsv.write_text("".join(f"{wav}\t{text}\n" for text, wav in pairs), encoding="utf-8")
    out = work / f"{name}.json"
    subprocess.run([asr, "--pairs", str(tsv), "--json", str(out), *(["--model", model] if model else [])],
                   check=True, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text())


def heard_as() -> dict[str, list[list[str]]]:
    """word (lowercase) -> the other spellings of its intended pronunciation, each a list of words."""
    out: dict[str, list[list[str]]] = {}
    for row in (HERE / "pronunciations" / "heard-as.tsv").read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            word, alts = row.split("\t")
            out[word.lower()] = [a.split() for a in alts.split(",") if a.strip()]
    return out


def edits(ref: list[str], hyp: list[str]) -> int:
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def wild_edits(ref: list[str], hyp: list[str], wild: set[int]) -> int:
    """Edits from ``ref`` to ``hyp`` where each position in ``wild`` matches any 0 to 3 heard words free."""
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref):
        if i in wild:
            row = [min(row[max(0, j - 3):j + 1]) for j in range(len(hyp) + 1)]
            continue
        new = [row[0] + 1]
        for j, h in enumerate(hyp, 1):
            new.append(min(row[j] + 1, new[j - 1] + 1, row[j - 1] + (r != h)))
        row = new
    return row[-1]


def floor(result: dict, keep: set[str], lexicon: Lexicon, alternatives: dict[str, list[list[str]]]) -> int:
    """The errors left if every lexicon word on the lines the lexicon changes had been heard as intended: all
    the errors on the other lines (the same audio in both modes), and those on the other words of the changed
    lines, as they were heard."""
    errors = 0
    for item in result["items"]:
        if item["reference"] not in keep:
            errors += intended_errors({"items": [item]}, alternatives)[0]
            continue
        ref = item["reference_norm"].split()
        words = {w for s in lexicon.find(item["reference"]) for w in s.entry.word.lower().split()}
        wild = {k for k, w in enumerate(ref) if w in words or any(w == x + e for x in words for e in ("s", "'s"))}
        errors += wild_edits(ref, item["transcript_norm"].split(), wild)
    return errors


def intended_errors(result: dict, alternatives: dict[str, list[list[str]]]) -> tuple[int, int]:
    """(errors, reference words) over the items, where each name may match any of its spellings (the closest
    reference wins)."""
    errors = words = 0
    for item in result["items"]:
        ref, hyp = item["reference_norm"].split(), item["transcript_norm"].split()
        refs = [ref]
        for k, w in enumerate(ref):
            for alt in alternatives.get(w, []):
                refs += [r[:k] + alt + r[k + 1:] for r in refs if r[k:k + 1] == [w]]
        errors += min(edits(r, hyp) for r in refs)
        words += len(ref)
    return errors, words


def intended_wer(result: dict, alternatives: dict[str, list[list[str]]]) -> float:
    """Corpus WER where each name may match any of its spellings."""
    errors, words = intended_errors(result, alternatives)
    return errors / words


def names_heard(result: dict, lexicon: Lexicon, alternatives: dict[str, list[list[str]]]) -> tuple[int, int]:
    """(lexicon words Whisper wrote as the word or an intended spelling, lexicon words in all)."""
    hits = total = 0
    for item in result["items"]:
        hyp = f" {item['transcript_norm']} "
        for said in lexicon.find(item["reference"]):
            total += 1
            word = said.entry.word.lower()
            forms = [word.split(), *alternatives.get(word, [])]
            hits += any(f" {' '.join(f)} " in hyp or f" {' '.join(f)}s " in hyp for f in forms)
    return hits, total


def changed(lines: list[str], voice: Voice, lexicon: Lexicon) -> set[str]:
    """The lines whose phonemes, as this voice's engine says them, the lexicon changes."""
    return {ln for ln in lines if say(voice, ln, lexicon) != say(voice, ln, Lexicon())}


def subset(result: dict, keep: set[str]) -> dict:
    return {**result, "items": [i for i in result["items"] if i["reference"] in keep]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--asr", default="/tmp/asr/asr-wer")
    ap.add_argument("--model", default=None, help="another faster-whisper model directory for the ASR tool")
    ap.add_argument("--out", type=Path, default=None, help="write the table (markdown) here too")
    ap.add_argument("--work", type=Path, default=None, help="keep the books, audio and transcripts here")
    ap.add_argument("--takes", type=int, default=1, help="render each line this many times, each take with the "
                    "engine's next seed (one take is one draw of the voice's noise: a name can be heard right in "
                    "one and wrong in the next)")
    ap.add_argument("--voice", choices=list(VOICES), action="append", help="only this voice (repeatable; "
                    "default: both)")
    ap.add_argument("--lines", default=None, help="only the lines holding one of these lexicon words "
                    "(comma-separated, e.g. Menzies,Tilney), for exploring; the goal is scored on all")
    ap.add_argument("--rescore", action="store_true", help="score the transcripts a run left in --work again "
                    "(after an edit to heard-as.tsv) without rendering or transcribing")
    args = ap.parse_args()
    if args.rescore and not args.work:
        ap.error("--rescore needs --work DIR (where a run left its transcripts)")
    lines, from_book = sentences()
    if args.lines:
        words = {w.strip().lower() for w in args.lines.split(",")}
        lines = [ln for ln in lines if any(s.entry.word.lower() in words for s in bench_lexicon().find(ln))]
        from_book = sum(ln not in set(names_list()) for ln in lines)
    block = "pronunciations:\n" + "".join(
        f"  {k}\n" for k in (HERE / "pronunciations" / "lexicon.yaml").read_text().split("pronunciations:\n", 1)[1]
        .splitlines() if k.strip())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for label, voice in VOICES.items():
            if args.voice and label not in args.voice:
                continue
            result = {}
            for mode, lex in (("off", ""), ("on", block)):
                if args.rescore:
                    result[mode] = json.loads((work / f"{label}-{mode}.json".replace(" ", "-")).read_text())
                    continue
                pairs = []
                for k in range(args.takes):
                    name = f"{label}-{mode}".replace(" ", "-") + (f"-take{k}" if k else "")
                    rendered = [(t, w) for t, w in render_lines(work / name, lines, take(voice, k), lex) if t in lines]
                    assert len(rendered) == len(lines), (len(rendered), len(lines))
                    pairs += rendered
                result[mode] = wer(args.asr, pairs, work, f"{label}-{mode}".replace(" ", "-"), args.model)
            rows.append((label, result))
    table = [f"{len(lines)} lines ({len(lines) - from_book} from bench/pronunciations/names.txt, {from_book} from "
             f"the sample book), each holding a word of bench/pronunciations/lexicon.yaml; Whisper "
             f"{Path(args.model).name if args.model else 'base'} (../shared/tools/asr), corpus WER"
             + (f" over {args.takes} takes of each line (seeds {SEED} to {SEED + args.takes - 1})." if args.takes > 1
                else "."), "",
             "| voice | score | lexicon off | lexicon on | on / off |", "|---|---|---|---|---|"]
    alternatives = heard_as()
    lexicon = bench_lexicon()
    for label, r in rows:
        keep = changed(lines, BASE[label], lexicon)
        scores = [("WER, spelling", lambda x: x["overall_wer"]),
                  ("WER, intended", lambda x: intended_wer(x, alternatives)),
                  (f"WER, intended, the {len(keep)} changed lines", lambda x, k=keep: intended_wer(subset(x, k),
                                                                                                  alternatives))]
        for score, of in scores:
            off, on = of(r["off"]), of(r["on"])
            table.append(f"| {label} | {score} | {off:.1%} | {on:.1%} | {on / off if off else float('nan'):.2f} |")
        f0, f1 = floor(r["off"], keep, lexicon, alternatives), floor(r["on"], keep, lexicon, alternatives)
        (e0, _), (e1, _) = intended_errors(r["off"], alternatives), intended_errors(r["on"], alternatives)
        table.append(f"| {label} | intended errors (floor: left if each changed line's lexicon words were heard "
                     f"right) | {e0} ({f0}) | {e1} ({f1}) | |")
        (h0, n), (h1, _) = names_heard(r["off"], lexicon, alternatives), names_heard(r["on"], lexicon, alternatives)
        table.append(f"| {label} | names heard as intended | {h0} of {n} | {h1} of {n} | |")
    print("\n".join(table))
    for label, r in rows:
        for mode in ("off", "on"):
            wrong = [f"{i['reference']!r} -> {i['transcript']!r}" for i in r[mode]["items"] if i["wer"]]
            print(f"\n{label}, lexicon {mode}: {len(wrong)} lines heard wrong")
            print("\n".join(f"  {w}" for w in wrong))
    if args.out:
        args.out.write_text("\n".join(table) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
