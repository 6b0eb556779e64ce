"""A title's full stop before a name, which espeak-ng (Piper's phonemizer) takes for a sentence end.

Piper reads "Mrs. Hale came in." as two sentences, "Missus." with a falling close and a pause, then
"Hale came in."; every "Mr." of a book is said that way. espeak-ng reads "Mr", "Mrs", "Dr" and "St"
without the stop as it does with it, and reads most other short titles letter by letter or as a
word ("Col" as "call"), so those are written out. Only a title followed by a capitalised word (or a
lexicon block) changes, and "St." only where it is Saint ("met St. John"), not a street ending a
sentence ("on Baker St. Then"): "St." after a capitalised word is left as written.
"""

from __future__ import annotations

import re

from audiobook.text.names import ABBREVIATED_TITLES as SPOKEN

_TITLE = re.compile(r"(?<![\w.])(" + "|".join(sorted(SPOKEN, key=len, reverse=True)) + r")\.(?=\s+(?:[A-Z]|\[\[))")


def spoken_titles(text: str) -> str:
    """``text`` with each title before a name written as one word with no full stop."""
    return _TITLE.sub(lambda m: m.group(0) if _street(text, m) else SPOKEN[m.group(1)], text)


def has_title(text: str) -> bool:
    return any(not _street(text, m) for m in _TITLE.finditer(text))


def _street(text: str, m: re.Match[str]) -> bool:
    """Is this "St." a street's, after its name ("Baker St.")?"""
    before = text[:m.start()].rstrip().rsplit(None, 1)
    return m.group(1) == "St" and bool(before) and before[-1][:1].isupper()
