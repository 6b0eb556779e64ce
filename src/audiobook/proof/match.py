"""Does what was heard match what was written? A normalized word alignment and its error rate.

Both sides go through Whisper's English normalizer (case, punctuation, numbers spelled or in
digits, British/US spelling, contractions), then are aligned word by word. Not errors: a name
the ASR cannot know (the cast's names and aliases, words capitalized inside a sentence,
``proof.accept``) heard as one or two words spelled somewhat like it; another spelling of a
word ("learnt"/"learned"); a compound written in two words and heard in one ("to-day"/"today"),
or the other way round. A line's score is its word error rate; a run of consecutive errors (words
skipped, a phrase said twice, a cut end) is what a truncation or repetition looks like.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_PLAIN = re.compile(r"[()\[\]<>{}\u2013\u2014]|--")
_TOKEN = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")


@functools.cache
def _normalizer() -> object:
    try:
        from whisper_normalizer.english import EnglishTextNormalizer
    except ImportError:           # the extra is missing: asr.problems() says what to install
        return None
    return EnglishTextNormalizer()


def words(text: str) -> list[str]:
    """``text`` as normalized words."""
    norm = _normalizer()
    t = _PLAIN.sub(" ", text.replace("\u2019", "'").replace("\u2018", "'"))   # (asides) are spoken: keep their words
    t = norm(t) if callable(norm) else t.lower()
    return _WORD.findall(t.replace("-", " "))


def names(raw: Iterable[str]) -> frozenset[str]:
    """The normalized single words of names and accepted words (each word of "Mr. Quenby")."""
    return frozenset(w for name in raw for w in words(name) if len(w) > 1)


def proper_nouns(text: str) -> frozenset[str]:
    """Words capitalized inside a sentence ("... the cat Dinah"): names the ASR may not know."""
    found, before = [], "."
    for tok in _TOKEN.findall(text):
        if tok[0].isupper() and tok[1:].islower() and (before.isalpha() or before == ","):
            found.append(tok)
        if not tok.isalpha() and tok not in ",'\u2019-":
            before = tok
        elif tok.isalpha():
            before = tok
    return names(found)


def sounds_like(name: str, heard: str) -> bool:
    """A name heard as a spelling of it ("Liana" as "lee anna"), not as another word ("Friday" as "child")."""
    import difflib

    return difflib.SequenceMatcher(None, name, heard).ratio() >= 0.5


def near(a: str, b: str) -> bool:
    """One spelling of the other ("learnt"/"learned", "curtsey"/"curtsy"): not a different word."""
    if min(len(a), len(b)) < 4 or a[:3] != b[:3]:
        return False
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


@dataclass(frozen=True)
class Match:
    n_ref: int            # words written
    errors: int           # substitutions + deletions + insertions, forgiven ones not counted
    run: int              # the longest run of consecutive errors
    ops: tuple[str, ...]  # the alignment, for reports: "=w", "~w>h", "-w", "+h"

    @property
    def score(self) -> float:
        """The word error rate (errors over words written); 1.0 when nothing was heard of a line."""
        if self.n_ref == 0:
            return 0.0 if self.errors == 0 else 1.0
        return self.errors / self.n_ref


def match(text: str, heard: str, known: frozenset[str] = frozenset()) -> Match:
    """Align ``heard`` to ``text`` (both normalized here)."""
    ref, hyp = words(text), words(heard)
    known = known | proper_nouns(text)
    n, m = len(ref), len(hyp)
    INF = 10 ** 9
    cost = [[INF] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, str]]] = [[(0, 0, "")] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0
    for i in range(n + 1):
        for j in range(m + 1):
            c = cost[i][j]
            if c >= INF:
                continue
            moves: list[tuple[int, int, int, str]] = []
            if i < n and j < m:
                same = ref[i] == hyp[j]
                moves.append((1, 1, 0 if same else 1, f"={ref[i]}" if same else f"~{ref[i]}>{hyp[j]}"))
                if not same and near(ref[i], hyp[j]):
                    moves.append((1, 1, 0, f"={ref[i]}>{hyp[j]}"))
                if ref[i] in known and not same:
                    if sounds_like(ref[i], hyp[j]):
                        moves.append((1, 1, 0, f"={ref[i]}>{hyp[j]}"))
                    if j + 1 < m and sounds_like(ref[i], hyp[j] + hyp[j + 1]):
                        moves.append((1, 2, 0, f"={ref[i]}>{hyp[j]} {hyp[j + 1]}"))
                if i + 1 < n and ref[i] + ref[i + 1] == hyp[j]:
                    moves.append((2, 1, 0, f"={ref[i]} {ref[i + 1]}"))
                if j + 1 < m and hyp[j] + hyp[j + 1] == ref[i]:
                    moves.append((1, 2, 0, f"={ref[i]}"))
            if i < n:
                moves.append((1, 0, 1, f"-{ref[i]}"))
            if j < m:
                moves.append((0, 1, 1, f"+{hyp[j]}"))
            for di, dj, dc, op in moves:
                if c + dc < cost[i + di][j + dj]:
                    cost[i + di][j + dj] = c + dc
                    back[i + di][j + dj] = (i, j, op)
    ops: list[str] = []
    i, j = n, m
    while i or j:
        pi, pj, op = back[i][j]
        ops.append(op)
        i, j = pi, pj
    ops.reverse()
    run = longest = 0
    for op in ops:
        run = 0 if op.startswith("=") else run + 1
        longest = max(longest, run)
    return Match(n, cost[n][m], longest, tuple(ops))
