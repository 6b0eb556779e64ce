"""Names learned for the people the text describes: "my son ... his name's George", "Their son, George,",
"I am Mary Lennox," the little girl said, and the one who answers "What name?" with a name. What is
learned (``State.described``, ``State.noun_names``) renames those descriptions' lines once every
pass has run.
"""

from __future__ import annotations

import re
from functools import lru_cache

from audiobook.text.attribution.explicit import OWN_NAME_RE
from audiobook.text.attribution.grammar import is_description, short
from audiobook.text.attribution.mentions import surnames
from audiobook.text.attribution.narrator import looks_like_a_name
from audiobook.text.attribution.state import ANSWERS_NAME, Attribution, State
from audiobook.text.cast import Cast
from audiobook.text.descriptions import PERSON_NOUNS, noun_gender
from audiobook.text.manuscript import Segment


def names_in(st: State, raw: str) -> None:
    """The people a paragraph names by their relation: "my son; his name's George", "Their son, George,", and
    the family a name joins ("Anna Brandt")."""
    surnames_in(st, raw)
    elders_in(st, raw)
    for m in _NAME_IS_RE.finditer(raw):     # "This is my son; his name's George."
        name_is(st, raw[max(0, m.start() - 200):m.start()], m.group(1).lower(), m.group(2))
    for m in _KIN_NAMED_RE.finditer(raw):   # "Their son, George, was born."
        if name := _name(st, m.group(2)):
            st.noun_names[m.group(1)] = name


def surnames_in(st: State, raw: str) -> None:
    """"Anna Brandt" where the list writes Anna alone and another entry is a Brandt ("Mrs. Brandt"): Anna is
    of that family, so "her mother" said of Anna can be found among the Brandts. With a cast list only:
    discovery already gives Anna the forms the text writes."""
    if not st.cast.from_book:
        return
    families = _families(st.cast)
    for m in _FULL_NAME_RE.finditer(raw):
        first, last = m.group(1), m.group(2).lower()
        who = st.cast.resolve(first)
        if who is None or last not in families or st.cast.resolve(m.group(0)) not in (None, who):
            continue    # "Anna Brandt" an entry of its own
        st.family.setdefault(who, set()).add(last)


def elders_in(st: State, raw: str) -> None:
    """"old Mrs. Brandt", "old Tomas" in the narration (not in its quotes, where "old" is a fond word): the
    text calls that person old, so "said the old lady" of a scene with her and a younger woman is she."""
    for m in _OLD_NAME_RE.finditer(_QUOTED_RE.sub(" ", raw)):
        name = _POSSESSIVE_END_RE.sub("", m.group(1))       # "old Mrs. Brandt's chair"
        who = st.cast.resolve(name) or st.cast.resolve(name.split()[0])
        if who is not None:
            st.elders.add(who)


@lru_cache(maxsize=8)
def _families(cast: Cast) -> frozenset[str]:
    """The surnames the cast list writes (once per cast, not per paragraph)."""
    return frozenset(s for name in cast.people for s in surnames(cast, name))


def name_is(st: State, before: str, pronoun: str, name: str) -> None:
    """"my son ... his name's George", "my mother ... Her name was Duchess": the nearest "my/our" person
    noun before, of the pronoun's gender, is that name (a relation introduced, then named)."""
    gender = "male" if pronoun == "his" else "female"
    nouns = [mm.group(1).lower() for mm in _MY_NOUN_RE.finditer(before)
             if mm.group(1).lower() in PERSON_NOUNS and noun_gender(mm.group(1)) in (gender, None)]
    if nouns:       # the word after "her name was" is a name, known or not
        st.noun_names[nouns[-1]] = st.cast.resolve(name) or name


def own_names(st: State, segs: tuple[Segment, ...], found: dict[int, Attribution]) -> None:
    """"I am Mary Lennox," the little girl said: the little girl is Mary."""
    for i, a in found.items():
        own = OWN_NAME_RE.search(segs[i].text)
        if own and a.speaker.startswith(("The ", "A ", "An ")) and a.speaker.split()[1][:1].islower():
            name = st.cast.resolve(own.group(1)) or st.cast.resolve(own.group(1).split()[0])
            if name is None and looks_like_a_name(own.group(1)):
                name = own.group(1)
            if name:
                st.described[a.speaker.casefold()] = name


def answers_to_what_name(st: State) -> None:
    """"What name?" / "Greyson,--office on second floor.": the gentleman who answers is Greyson; "Tell us
    your name!" / "Pip, sir.": the one who answers is Pip."""
    for prev, it in zip(st.items, st.items[1:], strict=False):
        before, q = prev.quote_ids[-1], it.quote_ids[0]
        asked = next((m for k in prev.quote_ids if (m := _ASKS_NAME_RE.search(st.raw[k]))), None)
        if it.gpar != prev.gpar + 1 or not asked:
            continue
        alone = _NAME_ALONE_RE.fullmatch(st.raw[q])
        if alone and asked.group(0).lower().startswith(("your", "who", "what name")):
            name = _name(st, alone.group(1))
            if name:
                if name != st.out[before].speaker:
                    for k in it.quote_ids:
                        st.out[k] = Attribution(name, 0.7, f'answers to its name: "{short(st.raw[q])}"',
                                                    rule=ANSWERS_NAME)
                continue
        m = _NAME_FIRST_RE.match(st.raw[q])
        who = st.out[q].speaker
        if m is None or not is_description(who) or st.out[before].speaker == who:
            continue
        name = _name(st, m.group(1))
        if name and name != st.out[before].speaker:
            st.described[who.casefold()] = name


def _name(st: State, words: str) -> str | None:
    """The cast member the words name, else the words themselves where they look like a name."""
    return st.cast.resolve(words) or (words if looks_like_a_name(words) else None)


def rename_described(st: State) -> None:
    """"the artist" before we learned he is Felix: the lines of a description named since are the name's."""
    for q, a in st.out.items():
        named = st.described.get(a.speaker.casefold()) or (
            st.noun_names.get(a.speaker.split()[-1].lower()) if is_description(a.speaker) else None)
        if named and named != a.speaker:
            st.out[q] = Attribution(named, a.confidence * 0.9, f"{a.reason} = {named}", a.speaker,
                                    pronoun=a.pronoun, rule=a.rule)


_OLD_NAME_RE = re.compile(r"(?<![\w’'-])[Oo]ld ((?:(?:Mr|Mrs|Miss|Lady|Sir|Madame|Monsieur|Professor|Dr)\.? )?"
                          r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)")
_POSSESSIVE_END_RE = re.compile(r"['’]s$")
_QUOTED_RE = re.compile(r"[“\"][^”\"]*[”\"]")
_FULL_NAME_RE = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b")
_NAME_IS_RE = re.compile(r"\b([Hh]is|[Hh]er) (?:christian |real |first )?name(?:'s|’s| is| was) ([A-Z][\w’'-]+)")
_KIN_NAMED_RE = re.compile(r"\b(?:[Mm]y|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er) (son|daughter|mother|father|wife|husband|"
                           r"brother|sister|uncle|aunt|nephew|niece|grandson|granddaughter), ([A-Z][\w’'-]+),")
_MY_NOUN_RE = re.compile(r"\b(?:[Mm]y|[Oo]ur) (?:[a-z]+ )?([a-z]+)(?:['’]s)?\b")
_ASKS_NAME_RE = re.compile(r"\b(?:what(?:'s|’s| is)? (?:your |the |his |her )?name|your name|who are you)\b",
                           re.IGNORECASE)
_NAME_FIRST_RE = re.compile(r"\s*((?:Mr|Mrs|Miss|Ms|Dr)?\.?\s*(?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*)"
                            r"\s*(?:[,.!;]|--|—|$)")
_NAME_ALONE_RE = re.compile(r"\s*((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*)(?:,\s*(?:sir|ma'am|ma’am|madam|miss))?"
                            r"[.!]?\s*")
