"""The characters of a book and where the narration mentions them (pure; used by attribution).

``Cast`` holds the characters (from ``book.yaml`` or discovered in the text, characters.py) and finds
their mentions in a piece of narration: names, aliases ("Grandma Ivy", "the boy"), a title plus a
surname ("Mr Hale" and "Hale"), and the pronouns he/she/I with their gender.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from audiobook.book import Character
from audiobook.text.descriptions import FEMALE_NOUNS, MALE_NOUNS, PERSON_NOUNS
from audiobook.text.names import (
    DATE_WORDS,
    FEMALE_TITLES,
    FIRST_PERSON,
    FUNCTION_WORDS,
    MALE_PRONOUNS,
    MALE_TITLES,
    NOT_NAMES,
    ROLE_OF_TITLE,
    TITLES,
    first_name_gender,
    is_narrator_name,
    name_parts,
    norm,
    vocatives,
    without_article,
)
from audiobook.text.tokens import NAME_TOKEN_RE

_DATE_WORDS = frozenset(w.lower() for w in DATE_WORDS)

# the lookahead passes over most words' starts at once (each of these begins with h, s, i or m): twice as fast
_PRONOUN_RE = re.compile(r"\b(?=[hsim])(he|him|his|himself|she|her|hers|herself|I|me|my|myself)\b", re.IGNORECASE)


@dataclass
class Person:
    name: str
    gender: str = "unknown"          # male, female, unknown
    aliases: set[str] = field(default_factory=set)
    from_cast: bool = False


@dataclass(frozen=True)
class Mention:
    person: str | None   # name of the Person, or None for an unresolved pronoun / I
    start: int           # offsets within the searched text
    end: int
    kind: str            # "name", "alias", "pronoun", "first"
    word: str            # the text as written
    gender: str = "unknown"


class Cast:
    """Characters with their name forms; finds mentions in narration."""

    def __init__(self, people: Iterable[Person], from_book: bool = False) -> None:
        self.people: dict[str, Person] = {p.name: p for p in people}
        self.from_book = from_book    # the book's cast list, not discovered
        self.forms: dict[str, str] = {}
        self._build()

    @classmethod
    def from_characters(cls, characters: Sequence[Character]) -> Cast:
        return cls((Person(c.name, c.gender, set(c.aliases), True) for c in characters), from_book=True)

    def _build(self) -> None:
        owners: dict[str, set[str]] = defaultdict(set)
        exact: dict[str, str] = {}
        holders: dict[str, set[str]] = defaultdict(set)     # a form -> everyone who lists it
        self.narrator = next((p.name for p in self.people.values() if is_narrator_name(p.name)), None)
        # "Good" is a common word but the name of a character here: "Shut up, Good!" addresses him
        self.word_names = frozenset(w for p in self.people.values() for f in (p.name, *p.aliases)
                                    for w in f.split() if w in NOT_NAMES)
        for p in self.people.values():
            if p.name == self.narrator:
                continue
            for form in [p.name, *p.aliases]:
                exact[norm(form)] = p.name
                holders[norm(form)].add(p.name)
            for form in [p.name, *p.aliases]:
                for part in name_parts(form):
                    owners[part].add(p.name)
        self.forms = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}
        self.forms.update(exact)
        # "Quenby" of "Orrin Quenby" and "Mrs. Quenby": a word several people's names share (explicit.py picks)
        self.shared = {k: tuple(sorted(v)) for k, v in owners.items() if len(v) > 1 and k not in exact}
        self.contested = _contested(self.people, holders, self.shared)
        # "Hale" of "Tom Hale" and "Mrs. Hale": a bare surname in the narration is the one man's; the women
        # bearing it are called by their titles or first names ("Mrs. Hale", "Miss Hale" stay theirs)
        self.surnames = {k: men[0] for k, v in self.shared.items() if k.isalpha() and k not in TITLES
                         and first_name_gender(k.title()) is None and k not in self.contested
                         and len(men := [p for p in v if self.people[p].gender == "male"]) == 1
                         and norm(men[0]).split()[-1] == k
                         and all(self.people[p].gender == "female" and _family_form(self.people[p], k)
                                 for p in v if p != men[0])}
        self.forms.update(self.surnames)    # still shared: next to a speech verb, the Quenby of the scene (explicit.py)
        self.spoken: dict[str, str | None] = {}     # a settled form -> its owner in a vocative
        self.lean: dict[str, str] = {}      # an unsettled shared first name -> whom it means when no one is named
        self._starts: dict[str, int] = {}       # first word of a form -> the most words of such a form
        for k in self.forms:
            w = k.split(" ", 1)[0]
            self._starts[w] = max(self._starts.get(w, 0), k.count(" ") + 1)
        lower_aliases = {norm(a) for p in self.people.values() for a in p.aliases if not a[:1].isupper()}
        # name forms (not descriptions like "the boy") must be written with a capital
        self._capital_keys = {k for p in self.people.values() for f in (p.name, *p.aliases)
                              for k in (norm(f), *name_parts(f))
                              if k[:1].isalpha() and without_article(f)[:1].isupper()} - lower_aliases
        self._current = ""
        self._seen: dict[str, list[Mention]] = {}
        self._called: dict[str, list[str]] = {}
        # "the doctor" is Dr. Archie, "his uncle" is Uncle John, when the cast has only one of them
        roles: dict[str, set[str]] = defaultdict(set)
        for p in self.people.values():
            for form in [p.name, *p.aliases]:
                ws = norm(form).split()
                if ws and ws[0] in ROLE_OF_TITLE:
                    roles[ROLE_OF_TITLE[ws[0]]].add(p.name)
        self.roles = {k: next(iter(v)) for k, v in roles.items() if len(v) == 1 and k not in self.forms}
        # "the duchess" with two duchesses in the list: the attribution picks by who was named last
        self.titled = {k: tuple(sorted(v)) for k, v in roles.items() if len(v) > 1 and k not in self.forms}
        small = sorted({k for k in self.forms if " " not in k and k.isalpha() and k not in FUNCTION_WORDS
                        and (k not in self._capital_keys or k in ROLE_OF_TITLE or k in MALE_NOUNS | FEMALE_NOUNS)}
                       | set(self.roles))
        self._voc_re = re.compile(rf"(?:^|[,;!?.—]\s*)(?:(?:my )?dear |oh,? )?({'|'.join(small)})(?=\s*[,!?.;—]|\s*$)",
                                  re.IGNORECASE) if small else None
        body = "|".join(sorted(self.roles))
        self._role_re = re.compile(rf"\b(?:the|his|her|my|our|their|your)\s+(?:{body})\b", re.IGNORECASE) \
            if body else None

    def settle(self, paragraphs: Iterable[str]) -> None:
        """Give each form several cast members can be called by ("Tom" of "Tom Hale" and "Tom Wren", "Mr.
        Wren" listed by two) to the one the book seldom names any other way: the other is told apart by
        their own forms ("Hale"). Only when that one is named at least three times less often, else the
        form stays as the list has it (a shared word: for the tag to pick by recency; when that one is still
        named less often, ``lean`` gives whom the tag means where no owner is named lately). A quote that calls
        someone by it still means the one the list gives it to: the list has it from how people address
        each other ("Tom!" says his mother to Tom Hale, whom the narration calls Hale)."""
        if not self.contested:
            return
        count: Counter[str] = Counter()
        for text in paragraphs:
            for m in self.mentions(text):
                if m.person and m.kind in ("name", "alias") and norm(m.word) not in self.contested:
                    count[m.person] += 1
        for key, people in self.contested.items():
            few = sorted(people, key=lambda p: count[p])
            if count[few[1]] < 10 or count[few[0]] < 3:
                continue
            if count[few[0]] * 3 <= count[few[1]]:
                self.spoken[key] = self.forms.get(key)
                self.forms[key] = few[0]
                self.shared.pop(key, None)
            elif count[few[0]] < count[few[1]]:     # nearer than threefold: a tag picks by the scene first
                self.lean[key] = few[0]
        self._seen.clear()
        self._called.clear()

    def addressed(self, quote: str) -> list[str]:
        """The characters a quote speaks to: "Rosa, did you know?", "Yes, uncle." (a cast form or
        title written small), in order; not a name asked after ("Rosa? She left."), mostly an echo, not a call."""
        hit = self._called.get(quote)
        if hit is None:     # asked several times per quote and reading: kept like ``mentions``
            hit = self._called[quote] = self._addressed(quote)
        return list(hit)

    def _addressed(self, quote: str) -> list[str]:
        out = [r for r in (self.spoken.get(norm(v)) if norm(v) in self.spoken else self.resolve(v)
                           for v in vocatives(quote, self.word_names, asked=False)) if r]
        if self._voc_re is not None:
            for m in self._voc_re.finditer(quote):
                word = m.group(1).lower()
                who = (self.spoken.get(word) if word in self.spoken else self.forms.get(word)) or self.roles.get(word)
                if who and who not in out:
                    out.append(who)
        return out

    def describe(self, desc: str) -> str | None:
        """The cast member a description in a speech tag stands for: an alias ("the boy"), a name after a
        determiner ("his Uncle John"), or the one person with that title ("the doctor" -> "Dr. Archie")."""
        who = self.resolve(desc)
        if who is None:
            ws = desc.split()
            if len(ws) > 1:
                who = self.resolve(" ".join(ws[1:]))
            if who is None and ws:
                who = self.roles.get(ws[-1].lower())
        return who

    def gender(self, name: str | None) -> str:
        p = self.people.get(name or "")
        return p.gender if p else "unknown"

    def resolve(self, phrase: str) -> str | None:
        """The person a name or description refers to, if any."""
        key = norm(phrase)
        if key in self.forms:
            return self.forms[key]
        ws = key.split()
        if len(ws) > 1 and ws[0] in TITLES and " ".join(ws[1:]) in self.forms:
            return self.forms[" ".join(ws[1:])]
        return None

    def mentions(self, text: str) -> list[Mention]:
        """Names, aliases and pronouns in a piece of narration, in order."""
        hit = self._seen.get(text)
        if hit is None:
            # kept for the whole book (cleared by settle only): readings() reads every paragraph again backwards
            hit = self._seen[text] = self._mentions(text)
        return list(hit)

    def _mentions(self, text: str) -> list[Mention]:
        self._current = text
        out: list[Mention] = []
        taken: list[tuple[int, int]] = []
        low = text.lower()
        if len(low) == len(text):
            toks = [(m.start(), m.end(), m.group(0).replace(".", "")) for m in NAME_TOKEN_RE.finditer(low)]
        else:       # a letter whose lower case is longer (rare): fold word by word
            toks = [(m.start(), m.end(), m.group(0).casefold().replace(".", "")) for m in NAME_TOKEN_RE.finditer(text)]
        i = 0
        while i < len(toks):
            article = toks[i][2] in ("the", "a", "an") and i + 1 < len(toks)
            hit = (self._form_at(toks, i + 1) if article else None) or self._form_at(toks, i)
            if hit is None:
                i += 1
                continue
            j, end, person = hit
            start = toks[i][0]
            word = text[start:end]
            if j == i and i > 0 and not article and self._other_name_before(text, toks, i):
                i += 1          # "the Mem Sahib" is not "Missie Sahib"
                continue
            if j == i and i > 0 and toks[i][2] in self.surnames and toks[i - 1][2] in FEMALE_TITLES:
                i += 1          # "Miss Hale": not the man the bare "Hale" is
                continue
            out.append(Mention(person, start, end, "name", word, self.gender(person)))
            taken.append((start, end))
            i = j + 1
        if self._role_re is not None:
            for m in self._role_re.finditer(text):
                if not any(s <= m.start() < e for s, e in taken):
                    person = self.roles[m.group(0).split()[-1].lower()]
                    out.append(Mention(person, m.start(), m.end(), "alias", m.group(0), self.gender(person)))
                    taken.append((m.start(), m.end()))
        for m in _PRONOUN_RE.finditer(text):
            w = m.group(1)
            if any(s <= m.start() < e for s, e in taken):
                continue
            low = w.lower()
            if low in FIRST_PERSON:
                if low == "i" and w != "I":
                    continue
                out.append(Mention(None, m.start(), m.end(), "first", w))
            else:
                g = "male" if low in MALE_PRONOUNS else "female"
                out.append(Mention(None, m.start(), m.end(), "pronoun", w, g))
        out.sort(key=lambda x: x.start)
        return out

    def _other_name_before(self, text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
        """Is the one-word name at token i the end of another capitalised name ("Mem Sahib")?"""
        a, b, w = toks[i - 1]
        if not text[a:a + 1].isupper() or w in TITLES or w in self.forms or w in self.roles or w in _DATE_WORDS:
            return False
        if text[b - 1] == ".":         # "dined at Vera's. Rosa said": a sentence ended before the name
            return False
        before = text[:a].rstrip()
        if text[toks[i - 1][1]:toks[i][0]] != " ":
            return False
        return bool(before) and before[-1] not in ".!?\"“‘'—:;"

    def _form_at(self, toks: list[tuple[int, int, str]], i: int) -> tuple[int, int, str] | None:
        """The longest name form starting at token i: (last token, end offset, person)."""
        first = toks[i][2]
        longest = self._starts.get(first) or self._starts.get(first[:-2] if first.endswith(("'s", "’s")) else "")
        if not longest:
            return None
        for n in range(min(longest, len(toks) - i), 0, -1):
            words = [t[2] for t in toks[i:i + n]]
            last = toks[i + n - 1]
            key = " ".join(words)
            end = last[1]
            if key not in self.forms and words[-1].endswith(("'s", "’s")):
                key, end = key[:-2], end - 2          # "Rosa's"
            person = self.forms.get(key)
            if person is None:
                continue
            if self._current[end - 1:end] == ".":
                end -= 1
            if key in self._capital_keys and key[:1].isalpha() and not any(
                    c.isupper() for c in self._current[toks[i][0]:end]):
                continue
            return i + n - 1, end, person
        return None


def _contested(people: dict[str, Person], holders: dict[str, set[str]],
               shared: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The name forms that can stand for several cast members, with them: one two people list ("Mr.
    Hale"), a first name that opens several people's names ("Tom" of "Tom Hale" and "Tom Wren", also
    when one lists it as an alias). Only people of the sex of the form's title or first name, and no
    description ("A Friend of Mrs. Hale")."""
    def first(p: str) -> str:
        return (norm(p).split() or [""])[0]

    ranks = {norm(f) for p in people.values() for f in (p.name, *p.aliases) if without_article(f) != f}
    out: dict[str, set[str]] = {}
    for key, names in shared.items():
        if _first_name(key, ranks):
            out[key] = {p for p in names if first(p) == key}
    for key, held in holders.items():
        ws = key.split()
        who = set(held)
        if len(ws) == 1 and _first_name(key, ranks):
            who |= {p for p in people if first(p) == key and len(norm(p).split()) > 1}
        if len(who) > 1:
            out[key] = who
    contested: dict[str, tuple[str, ...]] = {}
    for key, who in out.items():
        ws = key.split()
        sex = ("male" if ws[0] in MALE_TITLES else "female" if ws[0] in FEMALE_TITLES else
               first_name_gender(key.title()))
        if sex is not None:
            who = {p for p in who if people[p].gender in (sex, "unknown")}
        who = {p for p in who if without_article(p) == p and " of " not in norm(p)}
        if len(who) > 1 and ws[-1] not in PERSON_NOUNS:
            contested[key] = tuple(sorted(who))
    return contested


def _family_form(person: Person, surname: str) -> bool:
    """Is the person a named one ("Mrs. Hale", "Anna Hale"; not "Hale's Friend") with a form ending in the surname?"""
    return without_article(person.name) == person.name and "'" not in person.name and any(
        norm(f).split()[-1:] == [surname] and " " in norm(f) for f in (person.name, *person.aliases))


def _first_name(key: str, ranks: set[str]) -> bool:
    """A first name of known sex, not a rank ("Admiral" is one, spelled "the Admiral" by some form)."""
    return first_name_gender(key.title()) is not None and key not in ROLE_OF_TITLE and key not in ranks
