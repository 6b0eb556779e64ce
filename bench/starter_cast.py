"""The starter-cast track: attribution after pasting `audiobook cast --write characters` into book.yaml.

For every book directory under BOOKS_ROOT (each with gold.json, as ``../shared/tools/score_attribution.py``
reads them), a copy is made in a temporary folder without the ``characters:`` key, ``audiobook cast
--write characters`` is run on it and its output pasted, unedited, in place of that key, as a new user
following the README would; then the scorer runs on the copies (``--in-place``: the copies are the books).

    .venv/bin/python bench/starter_cast.py /tmp/pdnc-dev [--jobs 2]

The scorer's output is printed as is (per book, per quote type, the last line the overall accuracy).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_attribution.py"


def without_characters(yaml: str) -> str:
    """book.yaml without its top-level ``characters:`` block (the scorer's --no-cast does the same)."""
    return re.sub(r"(?ms)^characters:.*?(?=^\S|\Z)", "", yaml)


def starter_copy(book: Path, into: Path, audiobook: str) -> None:
    shutil.copytree(book, into, ignore=shutil.ignore_patterns("gold.json"))
    yaml = into / "manuscript" / "book.yaml"
    yaml.write_text(without_characters(yaml.read_text(encoding="utf-8")), encoding="utf-8")
    starter = subprocess.run([audiobook, "cast", "--book", str(into), "--write", "characters"],
                             check=True, capture_output=True, text=True).stdout
    yaml.write_text(yaml.read_text(encoding="utf-8").rstrip("\n") + "\n" + starter, encoding="utf-8")
    shutil.copy(book / "gold.json", into / "gold.json")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("books_root", type=Path)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--scorer", type=Path, default=SCORER)
    args = ap.parse_args()
    audiobook = str(Path(sys.executable).with_name("audiobook"))
    books = sorted(p.parent for p in args.books_root.glob("*/gold.json"))
    if not books:
        print(f"{args.books_root}: no book directory with gold.json under it", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="starter_cast_") as tmp:
        for book in books:
            starter_copy(book, Path(tmp) / book.name, audiobook)
        cmd = f"{audiobook} script --book {{book}} --format jsonl"
        return subprocess.run([sys.executable, str(args.scorer), tmp, "--in-place", "--jobs", str(args.jobs),
                               "--cmd", cmd]).returncode


if __name__ == "__main__":
    sys.exit(main())
