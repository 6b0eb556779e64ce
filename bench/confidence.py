"""Attribution confidence (issue 15): fit its weights on LitBank, check its calibration on any gold set.

Every book dir under BOOKS_ROOT (with gold.json) is scripted in this process, with its cast list
and/or without it; each gold quote is joined to the dialogue line that decides it exactly as
``../shared/tools/score_attribution.py`` does (its functions are imported, not copied).

    .venv/bin/python bench/confidence.py --fit [../shared/attribution/litbank]   # prints WEIGHTS
    .venv/bin/python bench/confidence.py --check BOOKS_ROOT [--track cast|no-cast|both]
    .venv/bin/python bench/confidence.py --cv     # held-out log loss per L2 penalty, on LitBank alone, and L2's pick

``--fit`` fits the logistic model of src/audiobook/confidence.py (L2-penalised, Newton steps) on
both tracks of the given books and prints the weights to paste into ``WEIGHTS``. Fit only on the
LitBank set (CC BY 4.0): nothing fitted on an unlicensed corpus may be committed. ``--check``
prints the calibration table (stated confidence in bins of 0.1 against the observed accuracy of
the lines that decide a gold quote; a line is right when every quote it decides is) and the share
of all wrong quotes decided by the least confident 10% and 20% of each book's lines (summed over
books, ties in expectation), as ``review_effort.py`` counts "errors caught".
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))

import score_attribution as sa  # noqa: E402

from audiobook.book import load_book  # noqa: E402
from audiobook.text.attribution import attribute  # noqa: E402
from audiobook.text.attribution.confidence import family, features, score  # noqa: E402
from audiobook.text.attribution.sieve import readings  # noqa: E402
from audiobook.text.attribution.unspoken import unspoken, without  # noqa: E402
from audiobook.text.cast import Cast  # noqa: E402
from audiobook.text.characters import discover  # noqa: E402
from audiobook.text.manuscript import read_manuscript  # noqa: E402
from audiobook.text.speech_verbs import SPEECH_VERBS  # noqa: E402


@dataclasses.dataclass
class Row:
    book: str
    qid: int
    confidence: float
    features: dict[str, float]
    right: bool               # every gold quote this line decides is right
    rule: str                 # its decision's rule family (confidence.family)


def book_rows(book_dir: Path, cast_list: bool) -> tuple[list[Row], int, int]:
    """The lines that decide a gold quote, and the book's count of gold quotes and of wrong ones."""
    book = load_book(book_dir)
    if not cast_list:
        book = dataclasses.replace(book, characters=None)
    ms = read_manuscript(book.manuscript_files(), book.root)
    cast = Cast.from_characters(book.characters) if book.characters is not None else discover(ms)
    found = attribute(ms, cast)
    spoken = without(ms, unspoken(ms))
    feats = features(spoken, cast, found, readings(ms, spoken, cast))
    lines, qids = [], []
    for ch, _p, s in ms.quotes():
        a = found[s.quote_id]
        lines.append({"kind": "dialogue", "speaker": a.speaker, "source": ch.source, "start": s.start, "end": s.end})
        qids.append(s.quote_id)
    gold = sa.load_gold(str(book_dir))
    scored = sa.score_book(gold, lines, str(book_dir), with_lines=True)
    right: dict[int, bool] = {}
    wrong = 0
    for r in scored["quote_results"]:
        wrong += not r["correct"]
        if r["line"] is not None:
            q = qids[r["line"]]
            right[q] = right.get(q, True) and r["correct"]
    rows = [Row(book_dir.name, q, found[q].confidence, feats.get(q, {}), ok, family(found[q]))
            for q, ok in right.items()]
    return rows, scored["quotes"], wrong


def bind(books: list[Path], root: Path, blank: float, seed: int) -> tuple[dict[str, dict], list]:
    """Write the excerpts into ``root`` as the chapters of one book (``manuscript/NNN.txt``), ``blank`` of
    their speech tags after a quote blanked out (see untagged_copy): the gold of each chapter, by its
    source, and the union of their cast lists."""
    (root / "manuscript").mkdir(parents=True)
    golds, union = {}, {}
    for n, b in enumerate(books):
        copy = untagged_copy(b, root / f"x{n}", blank, seed + n)
        gold = sa.load_gold(str(copy))
        name = f"manuscript/{n:03d}.txt"
        (root / name).write_bytes((copy / gold["source"]).read_bytes())
        gold["source"] = name
        golds[name] = gold
        for c in load_book(copy).characters or ():
            union.setdefault(c.name, c)
    return golds, list(union.values())


def groups(books: list[Path]) -> list[list[Path]]:
    """The excerpts bound so that no novel has two narrators (binding several first-person excerpts names one
    narrator for all and mixes up their lines): each told in the first person on its own, and all those told
    in the third bound into one novel, many characters each with a small share of the lines and few exchanges
    with each other, as a whole novel has (bound ten at a time, the book-wide features read excerpts, not a
    novel: bench/ATTRIBUTION.md, review session 33)."""
    third = [b for b in books if not first_person(b)]
    return [[b] for b in books if b not in third] + [third]


def novel_rows(books: list[Path], cast_list: bool, blank: float, seed: int) -> tuple[list[Row], int, int]:
    """Excerpts bound as the chapters of one book (see bind), with the union of their casts: many
    characters, each with a small share of the lines, as in a whole novel. Rows, gold quotes and wrong
    quotes, as book_rows."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        golds, union = bind(books, root, blank, seed)
        ms = read_manuscript(sorted((root / "manuscript").glob("*.txt")), root)
        cast = Cast.from_characters(union) if cast_list else discover(ms)
        found = attribute(ms, cast)
        spoken = without(ms, unspoken(ms))
        feats = features(spoken, cast, found, readings(ms, spoken, cast))
        rows: list[Row] = []
        quotes = wrong = 0
        for (name, gold), excerpt in zip(golds.items(), books, strict=True):
            lines, qids = [], []
            for ch, _p, s in ms.quotes():
                if ch.source == name:
                    a = found[s.quote_id]
                    lines.append({"kind": "dialogue", "speaker": a.speaker, "source": name, "start": s.start,
                                  "end": s.end})
                    qids.append(s.quote_id)
            scored = sa.score_book(gold, lines, str(root), with_lines=True)
            right: dict[int, bool] = {}
            for r in scored["quote_results"]:
                wrong += not r["correct"]
                if r["line"] is not None:
                    q = qids[r["line"]]
                    right[q] = right.get(q, True) and r["correct"]
            quotes += scored["quotes"]
            # each row names its excerpt, not its place in the binding: --cv holds out whole excerpts
            rows += [Row(excerpt.name, q, found[q].confidence, feats.get(q, {}), ok, family(found[q]))
                     for q, ok in right.items()]
        return rows, quotes, wrong


def untagged_copy(book_dir: Path, dst: Path, share: float, seed: int) -> Path:
    """A copy of the book with ``share`` of its speech tags after a quote blanked out (spaces, so every
    offset stays): long runs of untagged turns, as whole novels have and 2,000-word excerpts seldom do."""
    import random
    import shutil

    shutil.copytree(book_dir, dst)
    book = load_book(dst)
    ms = read_manuscript(book.manuscript_files(), book.root)
    rng = random.Random(seed)
    for source in {ch.source for ch in ms.chapters}:
        path = dst / source
        text = list(path.read_bytes().decode("utf-8"))
        for ch in ms.chapters:
            if ch.source != source:
                continue
            for p in ch.paragraphs:
                segs = p.segments
                for i, seg in enumerate(segs[:-1]):
                    after = segs[i + 1]
                    if seg.kind != "dialogue" or after.kind != "narration" or len(after.text.split()) > 8:
                        continue
                    if any(w.strip(".,;:!?").lower() in SPEECH_VERBS for w in after.text.split()[:4]) \
                            and rng.random() < share:
                        for k in range(after.start, after.end):
                            if text[k] not in "\r\n":
                                text[k] = " "
        path.write_bytes("".join(text).encode("utf-8"))
    return dst


def collect(root: Path, tracks: list[bool]) -> tuple[list[Row], int, int, float, float]:
    """Rows of every book and track; quotes, wrong quotes, errors caught at 20% (summed per book)."""
    rows: list[Row] = []
    quotes = wrong = 0
    caught = {0.1: 0.0, 0.2: 0.0}
    for book_dir in map(Path, sa.find_books(str(root))):
        for cast_list in tracks:
            r, n, w = book_rows(book_dir, cast_list)
            rows += r
            quotes += n
            wrong += w
            for frac in caught:
                caught[frac] += _caught(r, frac)
    return rows, quotes, wrong, caught[0.2] / max(1, wrong), caught[0.1] / max(1, wrong)


def _caught(rows: list[Row], frac: float) -> float:
    """Expected wrong lines among the least confident ``frac`` of the rows (ties broken at random)."""
    budget = frac * len(rows)
    out = 0.0
    by_conf: dict[float, list[Row]] = {}
    for r in rows:
        by_conf.setdefault(r.confidence, []).append(r)
    for c in sorted(by_conf):
        group = by_conf[c]
        bad = sum(not r.right for r in group)
        take = min(budget, len(group))
        out += bad * take / len(group)
        budget -= take
        if budget <= 0:
            break
    return out


# the penalty ``--cv`` picks by the one-standard-error rule: the strongest whose held-out log loss is within
# one standard error of the best. The model is applied to whole novels, unlike the excerpts it is fitted on;
# among penalties the excerpts cannot tell apart, the one with the least extreme weights is the safer bet.
L2 = 32.0


# the direction each feature can only push, by reasoning: a weight fitted the other way (too few long
# conversations in the excerpts to learn it) is left out of the model rather than kept backwards
SIGNS = {"agree": 1, "disagree": -1, "alternates": 1, "reply_names_me": 1, "reply_names_other": -1,
         "calls_previous": 1, "people3": -1, "rivals": -1, "unnamed_for": -1, "share": 1, "unknown_gender": -1,
         "renamed": -1, "many_quotes": -1, "nearest_agrees": 1, "nearest_disagrees": -1, "book_anchors": 1,
         "after_question": 1, "me_named": 1, "opens_chain": -1, "weak_anchor": -1, "paused": -1, "support": 1,
         "turn_margin": 1, "pronoun_rival": -1, "crowd": -1, "outranked": -1, "unanchored": -1,
         "reread_other": -1, "reread_nobody": -1, "reread_backwards": -1, "called_me": 1, "called_other": -1,
         "self_called": -1, "names_self": -1, "repeats": -1, "usual_partner": 1, "stranger": -1,
         "own_form": 1, "words_other": -1, "weak_side": -1, "pronoun_unanchored": -1,
         "pronoun_subject": 1}


def fit(rows: list[Row], l2: float = L2) -> dict[str, float]:
    """Logistic regression with the signs of SIGNS: fit, drop the features fitted backwards, fit again."""
    rows = [r for r in rows if r.features]      # tags and quotes not spoken have fixed confidences
    # a rule seen on fewer than 50 lines gets no weight of its own (a dozen lines fit anything)
    seen = Counter(k for r in rows for k in r.features if k.startswith("rule_"))
    names = sorted({k for r in rows for k in r.features if not k.startswith("_")
                    and (not k.startswith("rule_") or seen[k] >= 50)})
    while True:
        w = _fit(rows, names, l2)
        backwards = [k for k in names if SIGNS.get(k, 0) * w[k] < 0]
        if not backwards:
            return w
        names = [k for k in names if k not in backwards]


def _fit(rows: list[Row], names: list[str], l2: float) -> dict[str, float]:
    x = np.array([[1.0] + [r.features.get(k, 0.0) for k in names] for r in rows])
    y = np.array([float(r.right) for r in rows])
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], l2)
    pen[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + pen * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"bias": round(float(w[0]), 3), **{k: round(float(v), 3) for k, v in zip(names, w[1:], strict=True)}}


def cross_validate(rows: list[Row], penalties: tuple[float, ...], folds: int = 5) -> dict[float, tuple[float, float]]:
    """Held-out log loss of each L2 penalty (mean and its standard error over the lines), the excerpts
    split into ``folds`` groups (an excerpt's rows of every track and blank level held out together): how strongly
    to shrink the weights is chosen on LitBank too, never on a corpus we only measure."""
    rows = [r for r in rows if r.features]
    books = sorted({r.book for r in rows})
    out = {}
    for l2 in penalties:
        losses = []
        for k in range(folds):
            held = set(books[k::folds])
            w = fit([r for r in rows if r.book not in held], l2)
            for r in rows:
                if r.book in held:
                    p = min(max(score(r.features, w), 1e-6), 1 - 1e-6)
                    losses.append(-np.log(p if r.right else 1 - p))
        x = np.array(losses)
        out[l2] = (float(x.mean()), float(x.std(ddof=1) / np.sqrt(len(x))))
    return out


def one_se(losses: dict[float, tuple[float, float]]) -> float:
    """The strongest penalty whose held-out loss is within one standard error of the best one's."""
    best = min(losses, key=lambda l2: losses[l2][0])
    mean, se = losses[best]
    return max(l2 for l2, (m, _) in losses.items() if m <= mean + se)


def table(rows: list[Row]) -> list[str]:
    out = ["| stated confidence | lines | observed accuracy | mean stated | within 0.1 |",
           "|---|---:|---:|---:|---|"]
    for b in range(10):
        lo, hi = b / 10, (b + 1) / 10
        sel = [r for r in rows if lo <= r.confidence < hi or (b == 9 and r.confidence == 1.0)]
        if not sel:
            continue
        obs = sum(r.right for r in sel) / len(sel)
        mean = sum(r.confidence for r in sel) / len(sel)
        ok = "yes" if abs(obs - mean) <= 0.1 else "NO"
        ok = ok if len(sel) >= 100 else f"({ok}, under 100 lines)"
        out.append(f"| {lo:.1f}-{hi:.1f} | {len(sel):,} | {obs:.3f} | {mean:.3f} | {ok} |")
    return out


def training_rows(root: Path) -> tuple[list[Row], int, int]:
    """The fitting set, both tracks, as written and with half their speech tags blanked out, the excerpts
    bound into novels (see groups)."""
    books = list(map(Path, sa.find_books(str(root))))
    bound = groups(books)
    rows: list[Row] = []
    quotes = wrong = 0
    for blank in (0.0, 0.5):
        for group in bound:
            for cast_list in (True, False):
                r, n, w = novel_rows(group, cast_list, blank, books.index(group[0]))
                rows += r
                quotes += n
                wrong += w
    return rows, quotes, wrong


def first_person(book_dir: Path) -> bool:
    """Told in the first person: 10 or more I/me/my per 1,000 words of narration (narrator.py's test)."""
    book = load_book(book_dir)
    words = mine = 0
    for ch in read_manuscript(book.manuscript_files(), book.root).chapters:
        for p in ch.paragraphs:
            for s in p.segments:
                if s.kind == "narration":
                    ws = [w.strip(".,;:!?\"'“”‘’()") for w in s.text.split()]
                    words += len(ws)
                    mine += sum(w in ("I", "me", "my", "My") for w in ws)
    return mine * 1000 >= 10 * max(words, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", nargs="?", type=Path, default=SHARED / "attribution" / "litbank")
    ap.add_argument("--fit", action="store_true", help="fit and print WEIGHTS (LitBank only)")
    ap.add_argument("--check", action="store_true", help="calibration table and errors caught (the default)")
    ap.add_argument("--track", choices=("cast", "no-cast", "both"), default="cast")
    ap.add_argument("--cv", action="store_true", help="held-out log loss of each L2 penalty (LitBank only)")
    ap.add_argument("--l2", type=float, default=L2)
    args = ap.parse_args()
    if args.cv:
        losses = cross_validate(training_rows(args.root)[0], (0.5, 1, 2, 4, 8, 16, 32, 64, 128))
        for l2, (loss, se) in losses.items():
            print(f"L2 {l2:5}: held-out log loss {loss:.4f} (standard error {se:.4f})")
        print(f"one-standard-error rule: L2 {one_se(losses)}")
        return
    if args.fit:
        rows, quotes, wrong = training_rows(args.root)
        w = fit(rows, args.l2)
        print("WEIGHTS: dict[str, float] = {")
        for k, v in w.items():
            print(f'    "{k}": {v},')
        print("}")
        rows = [dataclasses.replace(r, confidence=score(r.features, w)) for r in rows if r.features]
        label = "bound into novels, both tracks, tags as written and half blanked"
    else:
        tracks = {"cast": [True], "no-cast": [False], "both": [True, False]}[args.track]
        rows, quotes, wrong, at20, at10 = collect(args.root, tracks)
        label = "+".join("cast" if t else "no-cast" for t in tracks)
    print(f"{args.root.name}, {label}: {quotes:,} gold quotes, {wrong:,} wrong; {len(rows):,} deciding lines")
    print("\n".join(table(rows)))
    per_rule: dict[str, list[Row]] = {}
    for r in rows:
        per_rule.setdefault(r.rule, []).append(r)
    for rule, rs in sorted(per_rule.items(), key=lambda kv: -len(kv[1])):
        print(f"  {rule:10} lines {len(rs):6,}  observed {sum(r.right for r in rs) / len(rs):.3f}  "
              f"stated {sum(r.confidence for r in rs) / len(rs):.3f}")
    if not args.fit:
        print(f"errors caught at 10% review: {100 * at10:.1f}%   at 20% review: {100 * at20:.1f}%")


if __name__ == "__main__":
    main()
