"""Fit the conversation decoder's weights (turns.Weights) on LitBank by coordinate search, in this process.

Every LitBank excerpt (``../shared/attribution/litbank``, CC BY) is attributed with its cast list and without
it (discovery), for each setting of the weights, and its gold quotes scored as
``../shared/tools/score_attribution.py`` does (its functions are imported, not copied). The search takes each
weight in turn over a small grid (x0, x0.5, x0.75, x1.25, x1.5, x2 of its value), keeps the best move if it gains
at least ``--margin`` correct quotes on the two tracks together (a guard against noise; of equal gains the
smallest step), and sweeps again until no move is kept or ``--sweeps`` are done; it prints each move and the path.
The confidence (``sieve.readings``, ``rate``) is skipped: it changes no speaker. With ``--bind`` the excerpts
are bound into novels as ``bench/confidence.py`` binds them for its fit (each first-person excerpt alone, all the
third-person ones in one novel with the union of their casts), so that the decoder's book-level habits (pair,
forms of address, talkers) meet many characters and long books, as in a whole novel.

    .venv/bin/python bench/fit_weights.py [--books ../shared/attribution/litbank] [--jobs 2] [--sweeps 3]
    .venv/bin/python bench/fit_weights.py --only repeat=4,hint=1.2       # score one setting
    .venv/bin/python bench/fit_weights.py --bind [--only ...]           # the excerpts bound into novels

Fit only on LitBank: nothing fitted on an unlicensed corpus may be committed (PDNC is for checking).
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import math
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))

import score_attribution as sa  # noqa: E402

from audiobook.book import load_book  # noqa: E402
from audiobook.text.attribution import attribute, sieve, turns  # noqa: E402
from audiobook.text.attribution.turns import Weights  # noqa: E402
from audiobook.text.cast import Cast  # noqa: E402
from audiobook.text.characters import discover  # noqa: E402
from audiobook.text.manuscript import Manuscript, read_manuscript  # noqa: E402
from confidence import bind, groups  # noqa: E402  (bench/confidence.py: its binding, shared)

GRID = (0.0, 0.5, 0.75, 1.25, 1.5, 2.0)
_BOOKS: list[tuple[str, Manuscript, Cast, Cast, dict[str, dict]]] = []    # per worker, loaded once


def _load(books: list[tuple[str, dict[str, dict] | None, list | None]]) -> None:
    """Each book: its dir, and for a bound one the gold of each chapter and the union of the casts."""
    sieve.readings = sieve.rate = lambda *_args: None   # the confidence: it changes no speaker, costs 3/4 of the time
    for b, golds, union in books:
        book = load_book(Path(b))
        if golds is None:
            ms = read_manuscript(book.manuscript_files(), book.root)
            gold = sa.load_gold(b)
            golds, chars = {gold["source"]: gold}, book.characters
        else:
            ms = read_manuscript(sorted((Path(b) / "manuscript").glob("*.txt")), Path(b))
            chars = union
        listed = Cast.from_characters(chars) if chars is not None else discover(ms)
        _BOOKS.append((b, ms, listed, discover(ms), golds))


def _correct(book: str, ms: Manuscript, cast: Cast, golds: dict[str, dict]) -> int:
    found = attribute(ms, copy.deepcopy(cast))      # a cast keeps what it read (settle, mentions): a fresh one
    right = 0
    for source, gold in golds.items():
        lines = [{"kind": "dialogue", "speaker": found[s.quote_id].speaker, "source": ch.source, "start": s.start,
                  "end": s.end} for ch, _p, s in ms.quotes() if ch.source == source]
        right += int(sa.score_book(gold, lines, book)["correct"])
    return right


def _score(job: tuple[Weights, int, bool]) -> int:
    """Correct quotes of one book with the given weights, with its cast list or without."""
    w, k, cast_list = job
    turns.WEIGHTS = w       # conversation.SURE (the margin that teaches forms of address) stays the product's
    book, ms, listed, found_cast, golds = _BOOKS[k]
    return _correct(book, ms, listed if cast_list else found_cast, golds)


def score(ex: ProcessPoolExecutor, settings: list[Weights], n: int) -> list[tuple[int, int]]:
    """Correct quotes of every setting, summed over the books: (cast track, no-cast track)."""
    jobs = [(w, k, t) for w in settings for k in range(n) for t in (True, False)]
    got = list(ex.map(_score, jobs, chunksize=1 if n < 20 else 10))
    return [(sum(got[i * 2 * n:(i + 1) * 2 * n:2]), sum(got[i * 2 * n + 1:(i + 1) * 2 * n:2]))
            for i in range(len(settings))]


def parse(text: str) -> Weights:
    return dataclasses.replace(Weights(), **{k: float(v) for k, v in (kv.split("=") for kv in text.split(",") if kv)})


def changed(w: Weights) -> str:
    base = Weights()
    return ", ".join(f"{f.name} {getattr(base, f.name):g}->{getattr(w, f.name):g}"
                     for f in dataclasses.fields(w) if getattr(w, f.name) != getattr(base, f.name)) or "hand-set"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--books", default=str(SHARED / "attribution" / "litbank"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sweeps", type=int, default=3)
    ap.add_argument("--margin", type=int, default=2, help="the fewest quotes a move must gain to be kept")
    ap.add_argument("--only", help="score this setting (name=value,...) against the hand-set weights and stop")
    ap.add_argument("--bind", action="store_true", help="bind the excerpts into novels as bench/confidence.py does")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        return search(args, Path(tmp))


def search(args: argparse.Namespace, tmp: Path) -> int:
    excerpts = list(map(Path, sa.find_books(args.books)))
    books: list[tuple[str, dict[str, dict] | None, list | None]] = []
    if args.bind:       # the largest first: it is the longest job
        for group in sorted(groups(excerpts), key=len, reverse=True):
            root = tmp / f"novel{len(books):02d}"
            golds, union = bind(group, root, 0.0, excerpts.index(group[0]))
            books.append((str(root), golds, union))
    else:
        books = [(str(b), None, None) for b in excerpts]
    n = len(books)
    with ProcessPoolExecutor(args.jobs, initializer=_load, initargs=(books,)) as ex:
        t = time.time()
        best = Weights()
        (c, nc), = score(ex, [best], n)
        print(f"hand-set: cast {c}, no cast {nc}, sum {c + nc}   ({time.time() - t:.0f} s a setting)", flush=True)
        if args.only:
            (c1, nc1), = score(ex, [parse(args.only)], n)
            print(f"{changed(parse(args.only))}: cast {c1} ({c1 - c:+d}), no cast {nc1} ({nc1 - nc:+d})")
            return 0
        path = [("hand-set", c, nc)]
        for sweep in range(1, args.sweeps + 1):
            moved = False
            for f in dataclasses.fields(Weights):
                now = getattr(best, f.name)
                base = now or getattr(Weights(), f.name)       # a weight turned off is tried again at its old scale
                values = sorted({round(base * x, 4) for x in GRID} - {now})
                settings = [dataclasses.replace(best, **{f.name: v}) for v in values]
                scores = score(ex, settings, n)
                line = "  ".join(f"{v:g}: {a - c:+d}/{b - nc:+d}" for v, (a, b) in zip(values, scores, strict=True))
                print(f"sweep {sweep} {f.name} (now {now:g})   {line}", flush=True)
                # the best gain; of equal gains the smallest step (off is the largest)
                (a, b), v, w = max(zip(scores, values, settings, strict=True),
                                   key=lambda x: (x[0][0] + x[0][1], -abs(math.log(x[1] / base)) if x[1] else -99))
                if a + b - c - nc >= args.margin:
                    print(f"  keep {f.name} {now:g} -> {v:g}: cast {a} ({a - c:+d}), no cast {b} ({b - nc:+d})")
                    path.append((f"{f.name} {now:g}->{v:g}", a, b))
                    best, c, nc, moved = w, a, b, True
            if not moved:
                break
        print("\npath (cast / no cast correct quotes on LitBank):")
        for step, a, b in path:
            print(f"  {step:28} {a:5d} {b:5d}")
        print(f"fitted: {changed(best)}\n{best}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
