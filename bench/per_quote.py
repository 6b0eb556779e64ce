"""Per-quote attribution on a gold set, in process, and the difference between two such runs (issue 15).

Every book dir under BOOKS_ROOT (with gold.json) is scripted with its cast list and without it, one book and
track per worker; each gold quote is joined to the dialogue line that decides it exactly as
``../shared/tools/score_attribution.py`` does (its ``score_book`` is imported, not copied), and written with its
gold and predicted speaker, whether it is right, and the deciding rule, reason and confidence. Two runs compared
say which quotes a change mended and which it broke, per book and track: how bench/ATTRIBUTION.md counts a rule.

    .venv/bin/python bench/per_quote.py run /tmp/pdnc-dev OUT.json [--jobs 2] [--track both|cast|no-cast] [--books A,B]
    .venv/bin/python bench/per_quote.py diff BEFORE.json AFTER.json [--show 40]
    .venv/bin/python bench/per_quote.py rules OUT.json [--track cast|no-cast]

``run`` imports ``audiobook`` from this checkout's src/ (put first on sys.path), so a second checkout sharing
the venv measures its own code. The JSON holds offsets and speakers only, no text: still, never commit one made
from PDNC (no licence).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TRACKS = {"both": ("cast", "no-cast"), "cast": ("cast",), "no-cast": ("no-cast",)}


def book_quotes(job: tuple[str, str]) -> tuple[str, str, list[dict]]:
    """One book on one track: a record per gold quote."""
    book_dir, track = job
    sys.path[:0] = [str(REPO / "src"), str(SHARED / "tools")]
    import score_attribution as sa

    from audiobook.book import load_book
    from audiobook.text.attribution import attribute
    from audiobook.text.cast import Cast
    from audiobook.text.characters import discover
    from audiobook.text.manuscript import read_manuscript

    book = load_book(Path(book_dir))
    if track == "no-cast":
        book = dataclasses.replace(book, characters=None)
    ms = read_manuscript(book.manuscript_files(), book.root)
    cast = Cast.from_characters(book.characters) if book.characters is not None else discover(ms)
    found = attribute(ms, cast)
    lines, qids = [], []
    for ch, _p, s in ms.quotes():
        lines.append({"kind": "dialogue", "speaker": found[s.quote_id].speaker, "source": ch.source,
                      "start": s.start, "end": s.end})
        qids.append(s.quote_id)
    scored = sa.score_book(sa.load_gold(book_dir), lines, book_dir, with_lines=True)
    out = []
    for r in scored["quote_results"]:
        a = found[qids[r["line"]]] if r["line"] is not None else None
        out.append({"start": r["start"], "end": r["end"], "gold": r["gold"], "type": r["type"],
                    "pred": r["predicted"], "correct": r["correct"], "detected": r["detected"],
                    "rule": a.rule if a else None, "reason": a.reason if a else None,
                    "conf": a.confidence if a else None})
    return Path(book_dir).name, track, out


def run(root: Path, out: Path, jobs: int, track: str, books: str) -> None:
    dirs = sorted(str(p.parent) for p in root.glob("*/gold.json"))
    if books:
        dirs = [d for d in dirs if Path(d).name in set(books.split(","))]
    if not dirs:
        raise SystemExit(f"{root}: no book with gold.json here")
    work = sorted(((d, t) for d in dirs for t in TRACKS[track]),
                  key=lambda j: -sum(f.stat().st_size for f in Path(j[0], "manuscript").glob("*.txt")))
    result: dict[str, dict[str, list[dict]]] = {t: {} for t in TRACKS[track]}
    with ProcessPoolExecutor(jobs) as pool:
        for name, t, quotes in pool.map(book_quotes, work):
            result[t][name] = quotes
    for t, per_book in result.items():
        n = sum(len(q) for q in per_book.values())
        right = sum(r["correct"] for q in per_book.values() for r in q)
        print(f"{t}: {right} of {n} right ({right / max(1, n):.4f})")
    out.write_text(json.dumps(result))


def diff(before: Path, after: Path, show: int) -> None:
    old, new = json.loads(before.read_text()), json.loads(after.read_text())
    for t in new:
        if t not in old:
            continue
        mended = broken = 0
        examples = []
        for book in sorted(new[t]):
            was = {(r["start"], r["end"]): r for r in old[t].get(book, [])}
            m = b = 0
            for r in new[t][book]:
                o = was.get((r["start"], r["end"]))
                if o is None or o["correct"] == r["correct"]:
                    continue
                m, b = (m + 1, b) if r["correct"] else (m, b + 1)
                examples.append(("+" if r["correct"] else "-", book, o, r))
            if m or b:
                print(f"  {t} {book}: +{m} -{b}")
            mended, broken = mended + m, broken + b
        print(f"{t}: net {mended - broken:+d} ({mended} mended / {broken} broken)")
        for sign, book, o, r in examples[:show]:
            print(f"   {sign} {book} {r['start']} gold={r['gold']} was={o['pred']} [{o['rule']}] "
                  f"now={r['pred']} [{r['rule']}] {r['reason']}")


def rules(path: Path, track: str) -> None:
    per_book = json.loads(path.read_text())[track]
    n: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for quotes in per_book.values():
        for r in quotes:
            n[str(r["rule"])] += 1
            wrong[str(r["rule"])] += not r["correct"]
    for rule, c in n.most_common():
        print(f"{rule:28s} {c:6d} quotes  {wrong[rule]:5d} wrong  accuracy {1 - wrong[rule] / c:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("root", type=Path)
    r.add_argument("out", type=Path)
    r.add_argument("--jobs", type=int, default=2)
    r.add_argument("--track", choices=sorted(TRACKS), default="both")
    r.add_argument("--books", default="", help="comma-separated book dir names")
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--show", type=int, default=0)
    u = sub.add_parser("rules")
    u.add_argument("path", type=Path)
    u.add_argument("--track", choices=("cast", "no-cast"), default="cast")
    a = ap.parse_args()
    if a.cmd == "run":
        run(a.root, a.out, a.jobs, a.track, a.books)
    elif a.cmd == "diff":
        diff(a.before, a.after, a.show)
    else:
        rules(a.path, a.track)


if __name__ == "__main__":
    main()
