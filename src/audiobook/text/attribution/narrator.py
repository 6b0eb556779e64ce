"""Who the first-person narrator is (the pass between the sieve and turn-taking, sieve.py).

Without a name, "I said" is spoken by ``I (first-person narrator)``. The narrator is named by the
quotes around "I said": the one addressed just before or just after it ("..., Quatermain?" / "I
lit my pipe." / "Mt Kenia," I said), self-introductions ("I am Pip", "my name was Pip", "he called
me Darkie"), a name alone the narrator answers with ("Jonathan Harker."); with a cast list, the
listed character nobody names. A book with fewer than 10 I/me/my per 1,000 narration words is told
in the third person: its stray "I" speaks no line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from audiobook.model import UNNAMED_NARRATOR
from audiobook.text.attribution.mentions import name_forms
from audiobook.text.attribution.state import EXPLICIT, FIRST, Attribution, Item, State
from audiobook.text.names import TITLES, first_name_gender, norm

INTRO_RE = re.compile(r"\b(?:I am|I'm|I’m|my name is|call me|it is I,?|this is)\s+(.{1,40}?)(?=[,.!?;]|$)",
                      re.IGNORECASE)
_NAME_ONLY_RE = re.compile(r"\s*((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*)\.\s*")


def looks_like_a_name(words: str) -> bool:
    """"Jane", "Mr. Lockwood": a known first name or a title first (not "Rather", "Boh")."""
    first = norm(words).split()[0] if words.strip() else ""
    return first in TITLES or first_name_gender(words) is not None


_PLAIN_TITLES = {"mr": "male", "mister": "male", "monsieur": "male", "herr": "male", "signor": "male",
                 "mrs": "female", "madame": "female", "miss": "female", "mademoiselle": "female", "ms": "female"}


def name_narrator(st: State) -> None:
    """Name the first-person narrator: the one the others address, or who introduces themselves; the lines
    and thoughts of "I" become theirs."""
    votes: Counter[str] = Counter()
    by_gpar = {it.gpar: it for it in st.items}
    def said_by(it: Item) -> str | None:
        a = it.found.get(it.quote_ids[-1])
        return a.speaker if a else None

    # someone a tag names in the third person ("said Sir Henry") is not the one who says "I said"
    named_third = {a.speaker for it in st.items for a in it.found.values() if a.rule == EXPLICIT}
    for it in st.items:
        if said_by(it) != FIRST:
            continue
        # the one addressed just before "I said" (or just after it, in the reply), one paragraph of
        # narration apart at most
        for n in (it.gpar - 2, it.gpar - 1, it.gpar + 1, it.gpar + 2):
            other = by_gpar.get(n)
            if other and (heard := other.listener or other.called) and said_by(other) != FIRST \
                    and heard not in named_third:
                votes[heard] += 1
        for q in it.quote_ids:
            for m in INTRO_RE.finditer(st.raw[q]):
                r = st.cast.resolve(m.group(1))
                if r:
                    votes[r] += 3
            # "And you are?" / "Jonathan Harker." (a name nobody else in the book goes by)
            alone = _NAME_ONLY_RE.fullmatch(st.raw[q])
            if alone and looks_like_a_name(alone.group(1)) and st.cast.resolve(alone.group(1)) is None:
                votes[alone.group(1)] += 3
    votes.update(st.intro_votes)
    if st.cast.narrator:      # the cast list names the narrator ("I (the narrator)")
        votes = Counter({st.cast.narrator: 1})
    if not votes and st.cast.from_book:
        # the narrator is rarely named in their own narration, and less often in the quotes
        silent = [p for p in st.cast.people if p not in st.named_in_narration]
        unnamed = [p for p in silent if p not in st.named_in_quotes]
        if len(silent) == 1 or unnamed:
            votes[(unnamed or silent)[0]] += 1
        else:       # the first listed character that no tag names ("said Good") says "I said"
            untagged = [p for p in st.cast.people if p not in named_third]
            if untagged:
                votes[untagged[0]] += 1
    # a tie goes to what looks like a name (a real name, not a word misread as a vocative)
    name = max(votes, key=lambda p: (votes[p], looks_like_a_name(p))) if votes else UNNAMED_NARRATOR
    also: set[str] = set()      # other names the narrator goes by ("Ned" and "Mr. Pim")
    if votes and not st.cast.from_book:
        name, also = _full_name(st, votes) or (name, also)
    st.narrator_name = name
    third = st.third_person
    if third:
        # a book told in the third person: an "I" in the narration is a stray, not a speaker
        for it in st.items:
            if any(a.speaker == FIRST for a in it.found.values()):
                it.found.clear()
        name = UNNAMED_NARRATOR
    me = also | {FIRST}
    for it in st.items:
        for q, a in it.found.items():
            if a.speaker in me:
                it.found[q] = Attribution(name, a.confidence if votes else 0.6, a.reason, pronoun=a.pronoun,
                                          rule=a.rule)
        it.recent = list(dict.fromkeys(name if p in me else p for p in it.recent if p != FIRST or not third))
        if it.silent in me:     # "I nodded." before a line the turns decide: the narrator listened
            it.silent = None if third else name
        if also:
            it.listener = name if it.listener in also else it.listener
            it.called = name if it.called in also else it.called
            it.excluded = {name if p in also else p for p in it.excluded}
    # "I thought": the narrator's thought too; in a book told in the third person a stray "I" thinks nothing
    st.thinkers = {q: replace(a, speaker=name) if a.speaker in me else a for q, a in st.thinkers.items()
                   if not (third and a.speaker == FIRST)}


def _full_name(st: State, votes: Counter[str]) -> tuple[str, set[str]] | None:
    """Friends call the narrator "Ned", strangers "Mr. Pim": when the name most votes give is a
    given name and another, with a tenth of its votes (two at least), is a plain title with a surname
    of the same sex that the book gives no one a given name for, the narrator is "Ned Pim", and
    both names are the narrator's."""
    (given, most), *rest = votes.most_common()
    sex = first_name_gender(given)
    if " " in given or sex is None:
        return None
    for other, n in rest:
        if n < max(2, most / 10):
            break
        forms = [norm(f).split() for f in name_forms(st.cast, other)]
        titled = [ws for ws in forms if len(ws) == 2 and _PLAIN_TITLES.get(ws[0]) == sex]
        if titled and all(len(ws) == 1 or len(ws) == 2 and ws[0] in TITLES for ws in forms):
            return f"{given} {titled[0][1].capitalize()}", {given, other}
    return None
