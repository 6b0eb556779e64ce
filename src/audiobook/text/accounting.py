"""No text silently lost: every word of the manuscript is counted as spoken or as reported.

``count_words`` compares each manuscript file with the script made from it. A word is *spoken* when
it is in a line the engine is sent and whose audio passed the length check; it is *reported* when a
warning says what happened to it: left out with a web address's path, in a line whose audio
looked too short, or missed by the parser (a bug, but never a silent one). Speaker tags
(``[Name]`` before a quote) are markup, not words of the book.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from audiobook.book import Book
from audiobook.model import Line, Script
from audiobook.text.chapter_files import read_text
from audiobook.text.speech import Speech, speech
from audiobook.text.tokens import WORD_RE, words

_ALNUM_RE = re.compile(r"[^\W_]+")
_TAG_BEFORE_QUOTE = re.compile(r"\[[^\[\]\r\n]{1,60}\](?=[“\"‘'„«”’»])")


@dataclass
class WordCount:
    total: int = 0
    spoken: int = 0
    reported: int = 0
    warnings: list[str] = field(default_factory=list)


def _letters(text: str) -> str:
    return "".join(_ALNUM_RE.findall(text))      # the characters c.isalnum() is true of, in order


def count_words(book: Book, script: Script, doubtful: Iterable[tuple[int, int]] = (),
                said: Mapping[tuple[int, int], Speech] | None = None) -> WordCount:
    """Count the words of every manuscript file behind ``script``; ``doubtful`` are the (chapter,
    index) of lines whose audio was reported as too short or silent; ``said``: what each line was
    turned into for the engine, where already known (the build's plan)."""
    said = said or {}
    doubtful = set(doubtful)
    by_source: dict[str, list[Line]] = {}
    for ln in script.lines():
        if ln.end > ln.start:                        # a title taken from a file name is no text of the book
            by_source.setdefault(ln.source, []).append(ln)
    wc = WordCount()
    for source, lines in by_source.items():
        raw = script.texts.get(source)        # the text the script was made from (the file may have changed since)
        if raw is None:
            raw = read_text(book.root / source, source)
        lost: list[tuple[int, str]] = []             # (offset, word): in the file, not in the script
        pos = 0
        for ln in sorted(lines, key=lambda x: x.start):
            lost += _untagged_words(raw, pos, ln.start)
            pos = max(pos, ln.end)
            span = raw[ln.start:ln.end]
            mine = words(span)
            missing: list[str] = []
            theirs = words(ln.text)
            if ln.brk == "title":      # a heading is said in its spoken form: "CHAPTER I." -> "Chapter 1"
                theirs = mine
            if mine != theirs and _letters(span) != _letters(ln.text):
                for op, i1, i2, _, _ in difflib.SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes():
                    if op in ("delete", "replace"):
                        missing += mine[i1:i2]
                lost += [(ln.start, w) for w in missing]
            kept = len(mine) - len(missing)
            wc.total += kept
            if (ln.chapter, ln.index) in doubtful:
                wc.reported += kept
            else:
                sp = said.get((ln.chapter, ln.index)) or speech(ln.text)
                left_out = min(sp.words_left_out, kept) if sp.addresses else 0
                wc.reported += left_out
                wc.spoken += kept - left_out
        lost += _untagged_words(raw, pos, len(raw))
        wc.total += len(lost)
        wc.reported += len(lost)
        if lost:
            lost.sort()
            starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", raw)]
            shown = " ".join(w for _, w in lost[:12]) + (" ..." if len(lost) > 12 else "")
            wc.warnings.append(f"{source}:{bisect_right(starts, lost[0][0])}: {len(lost)} word(s) are not in "
                               f"the script and will not be spoken: {shown} (please report this as a bug)")
    return wc


def _untagged_words(raw: str, start: int, end: int) -> list[tuple[int, str]]:
    """Words between script lines, except speaker tags (there should be none)."""
    gap = _TAG_BEFORE_QUOTE.sub(lambda m: " " * len(m.group(0)), raw[start:end])
    return [(start + m.start(), m.group(0)) for m in WORD_RE.finditer(gap)]

