"""Discovery: the characters of a book without a cast list, found in its text (pure).

Names that speak (a speech verb next to them), are spoken to (vocatives) or recur become characters;
their forms are grouped into one person (aliases.py: "Mr. Hale", "Hale", "Mike Hale"), with a gender
voted by the pronouns and titles around them, else the usual sex of the given name; one the book writes
by the bare surname more than by his title ("Hale", "Mr. Hale") goes by the surname. A description
that speaks again and again ("the girl") is a character without a name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache
from itertools import combinations

from audiobook.text.aliases import given_after_title, group_names, spoken_titles
from audiobook.text.cast import Cast, Person
from audiobook.text.descriptions import (
    FEMALE_NOUNS,
    MALE_NOUNS,
    PERSON_NOUNS,
    anyone,
    description,
    noun_gender,
    one_person,
    someone_of_the_scene,
)
from audiobook.text.manuscript import Manuscript
from audiobook.text.names import (
    ABBREVIATED_TITLES,
    EPITHETS,
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    MALE_PRONOUNS,
    MALE_TITLES,
    NAME_RE,
    NEVER_NAMES,
    NOT_NAMES,
    ROLE_OF_TITLE,
    TITLES,
    clean_name,
    first_name_gender,
    is_title,
    name_parts,
    norm,
    vocatives,
)
from audiobook.text.nicknames import NICKNAMES
from audiobook.text.speech_verbs import PARTICLES, SPEECH_VERBS
from audiobook.text.tokens import POSSESSIVE_S, TAG_WORD_RE

_SUBJECT_PRONOUNS = frozenset("he she himself herself".split())
_SENTENCE_END_RE = re.compile(r"[.!?]['’\"”]?\s+$")
_GENDER_RE = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


def discover(ms: Manuscript) -> Cast:
    """Find the characters of a book without a cast list: names that speak, are spoken to, or recur."""
    speaks: Counter[str] = Counter()
    moves: Counter[str] = Counter()      # "Tomas went out": a verb the tags use ("went on") without its particle
    named: Counter[str] = Counter()      # mentions in the middle of a sentence (a capital that means a name)
    called: Counter[str] = Counter()     # vocatives
    gender_votes: dict[str, Counter[str]] = defaultdict(Counter)
    weak_votes: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()      # mentions in the narration
    epithet: Counter[str] = Counter()    # ... after a small epithet ("old Cotter": not the surname alone)
    placed: Counter[str] = Counter()     # ... after "in", "at", "from", "a", "the", "went to"
    placed_q: Counter[str] = Counter()   # the same in the quotes ("I must go to Oakfield")
    housed: Counter[str] = Counter()     # a house's or castle's ("Oakfield Grange", "the Castle of Oakfield")
    total_q: Counter[str] = Counter()    # mentions in the quotes
    mid_q: Counter[str] = Counter()      # ... not as a sentence's first word ("Ouch!", "Anyhow, ..." never are)
    described: Counter[str] = Counter()  # "the girl" as the speaker of a tag
    tag_subject: Counter[str] = Counter()   # ... of a speech tag only ("said the lecturer")
    starts: Counter[str] = Counter()     # capitals at the start of a sentence, never written small
    apposed: dict[str, set[str]] = defaultdict(set)     # "boy" -> {"William"} ("William, a boy of seven")
    kin: set[str] = set()                # ... after "his" or "her" ("Ivo, her little boy")
    together: Counter[tuple[str, str]] = Counter()      # two names in one sentence of narration
    mothers: Counter[str] = Counter()    # "Mrs. Vale kissed her daughter": a name its sentence calls a mother
    quoted: Counter[str] = Counter()     # given name and surname in the quotes
    answered: dict[str, Counter[str]] = defaultdict(Counter)   # "Miss Vale" called -> {"Anna": 2}: the next speaker
    answered_by: dict[str, Counter[str]] = defaultdict(Counter)    # "Greta" called -> {"the countess": 2}
    lower: Counter[str] = Counter()
    for ch in ms.chapters:
        for para in ch.paragraphs:
            lower.update(_LOWER_RE.findall(para.raw))      # a list at a time (counted in C), not word by word
    # "said Good", "Good asked": a word we take for a common one (NOT_NAMES) is a name when tags name it
    tagged = Counter(m.group(1) or m.group(2) for ch in ms.chapters for p in ch.paragraphs
                     for m in _TAGGED_WORD_RE.finditer(p.raw))
    allow = frozenset(w for w, c in tagged.items() if c >= 2 and w in NOT_NAMES and w.lower() not in TITLES
                      and w not in NEVER_NAMES)
    # "said nanny.": a household role that tags name bare and small is the name the household calls her by
    bare_roles = Counter(m.group(1) for ch in ms.chapters for p in ch.paragraphs
                         for m in _BARE_ROLE_TAG_RE.finditer(p.raw))
    for ch in ms.chapters:
        asked: set[str] = set()     # the names the last paragraph's quotes call
        for para in ch.paragraphs:
            calls: set[str] = set()
            talkers: set[str] = set()
            described_talkers: set[str] = set()     # "said the countess"
            housed.update(m.group(1) or m.group(2) for m in _HOUSED_RE.finditer(para.raw))
            segs = para.segments
            seen: list[str] = []         # names met so far in this paragraph's narration
            for i, s in enumerate(segs):
                if s.kind == "dialogue":
                    if s.tag and norm(s.tag) != "narrator":     # [Narrator]: no one speaks it
                        speaks[s.tag] += 3
                        named[s.tag] += 1
                    for v in vocatives(s.text, allow):
                        called[v] += 1
                        calls.add(v)
                    for m in NAME_RE.finditer(s.text):     # "she's in love with Mike Hale"
                        full = clean_name(m.group(0), allow)
                        total_q[full] += 1
                        if m.start() > 0 and _SENTENCE_END_RE.search(s.text, max(0, m.start() - 8), m.start()) is None:
                            mid_q[full] += 1
                        if _placed(s.text, m):
                            placed_q[full] += 1
                        if full.count(" ") == 1 and not is_title(full):
                            quoted[full] += 1
                    continue
                prev_quote = i > 0 and segs[i - 1].kind == "dialogue"
                if prev_quote:      # “…,” said the girl. / “…,” the girl said.
                    ws = words_of(s.text[:60])
                    verb = next((k for k, w in enumerate(ws[:6]) if w in SPEECH_VERBS), None)
                    if verb is not None:
                        cut = s.text.lower().find(ws[verb]) + len(ws[verb])
                        desc = description(s.text[cut:cut + 80]) if verb <= 1 \
                            else description(s.text[:cut - len(ws[verb])], last=True)
                        # "said the gallant Mr. Pim": an epithet of the name after it, which speaks
                        if desc and verb <= 1 and _before_a_name(desc, s.text[cut:cut + 80]):
                            desc = None
                        if desc and desc.split()[0].lower() == "the":
                            described[desc.lower()] += 2
                            described_talkers.add(desc.lower())
                            tag_subject[desc.lower()] += 1
                events: list[tuple[int, str]] = []
                for m in _THE_RE.finditer(s.text):     # "The boy forgot his fear."
                    desc = description("t" + s.text[m.start() + 1:m.start() + 60])
                    if desc and len(desc.split()) <= 3:
                        described[desc.lower()] += 1
                        events.append((m.start(), desc.lower()))    # "the porter ... he": a man
                for m in _THE_TITLE_RE.finditer(s.text):     # "the General" goes by his title alone
                    described["the " + m.group(1)] += 1
                for m in NAME_RE.finditer(s.text):
                    name = clean_name(m.group(0), allow)
                    if not name:
                        continue
                    sentence_start = m.start() == 0 or \
                        _SENTENCE_END_RE.search(s.text, max(0, m.start() - 8), m.start()) is not None
                    # a capital at the start of a sentence means a name when the word is never written small
                    if not sentence_start or is_title(name):
                        named[name] += 1
                    elif name.lower() not in lower:
                        starts[name] += 1
                        named[name] += starts[name] > 1
                    total[name] += 1
                    epithet[name] += _EPITHET_BEFORE_RE.search(s.text, max(0, m.start() - 8), m.start()) is not None
                    if not m.group(0).endswith(("'s", "’s")) and \
                            _MOTHER_RE.search(_SENTENCE_CUT_RE.split(s.text[m.end():], 1)[0]):
                        mothers[name] += 1
                    window = s.text[m.end():m.end() + 40]
                    before = s.text[max(0, m.start() - 20):m.start()]
                    talks = _verb_near(words_of(window)[:2]) or (prev_quote and _verb_near(words_of(before)[-2:]))
                    if talks:
                        said = _said(words_of(window)[:2]) or (prev_quote and _said(words_of(before)[-2:]))
                        (speaks if said else moves)[name] += 2
                        talkers.add(name)
                    # "in Chicago", "a Catholic": a place or a kind, not a person; "at Rosa's" is her house,
                    # and "said the Boatman" someone called by what he is
                    if _placed(s.text, m) and not talks:
                        placed[name] += 1
                    if not m.group(0).endswith(("'s", "’s")):     # "Philip's nurse ... she": not Philip
                        events.append((m.start(), name))
                for m in _GENDER_RE.finditer(s.text):
                    events.append((m.start(), m.group(0).lower()))
                cuts = [0] + [m.end() for m in _SENTENCE_CUT_RE.finditer(s.text)]
                people_in: dict[int, list[str]] = defaultdict(list)     # sentence -> names, in order
                for pos, e in sorted(events):
                    n = bisect_right(cuts, pos) - 1
                    if e in MALE_PRONOUNS or e in FEMALE_PRONOUNS:
                        g = "male" if e in MALE_PRONOUNS else "female"
                        # one person so far: a he/she is theirs (a him/her is more often someone else)
                        if len(set(seen)) == 1 and e in _SUBJECT_PRONOUNS:
                            gender_votes[seen[0]][g] += 1
                        elif e in _SUBJECT_PRONOUNS:
                            # "Holmes leaned back. He smiled.": the one name of this sentence so far, or
                            # of the one before (a weaker vote, used only without the stronger ones)
                            near = set(people_in[n]) or (set(people_in[n - 1]) if n > 0 else set())
                            if len(near) == 1:
                                weak_votes[next(iter(near))][g] += 2
                        elif e in ("his", "her") and len(set(people_in[n])) == 1:    # "Holmes, pushing back his chair"
                            weak_votes[people_in[n][0]][g] += 2 if e == "his" else 1    # "her" is also an object
                    else:
                        seen.append(e)
                        people_in[n].append(e)
                for names in people_in.values():     # "Tom ran to Mr. Marsh": two people
                    for a, b in combinations(sorted(set(names)), 2):
                        together[a, b] += 1
                for m in _APPOSITION_RE.finditer(s.text):    # "William, a boy of seven"
                    if _OF_SOMEONE_RE.search(s.text, max(0, m.start() - 30), m.start()):
                        continue        # "the sister of Tom, the girl with red hair": the girl is the sister
                    name, noun = clean_name(m.group(1), allow), m.group(2).lower()
                    if name:
                        gender_votes[name]["male" if noun in MALE_NOUNS else "female"] += 2
                        apposed[noun].add(name)
                        if re.match(r"(?:, | was | is )(?:his|her) ", s.text[m.end(1):]):
                            kin.add(name)       # "Ivo, her little boy": a relation of someone there
            # "“Good morning, Miss Vale,” said Tomas. / “Good morning,” said Anna.": the one spoken to answers
            if any(s.kind == "dialogue" for s in segs):
                if len(talkers) == 1:
                    for v in asked - talkers:
                        answered[v][next(iter(talkers))] += 1
                elif not talkers and len(described_talkers) == 1:
                    for v in asked:
                        answered_by[v][next(iter(described_talkers))] += 1
                asked = calls
            else:
                asked = set()
    # the weaker votes count where the strong ones are split (a heroine's "she"s follow the one man her
    # paragraphs name) for a name with no usual sex of its own ("Marsh came in. She ..."; "Marsh shook his head")
    for name, weak in weak_votes.items():
        strong = gender_votes[name]
        if first_name_gender(name) is None and (
                not strong or strong.most_common(1)[0][1] * 3 < sum(strong.values()) * 2):
            strong.update(weak)
    for v, c in called.items():
        # "However, I think ...": a word the book writes small, never a capital mid-sentence, is no name
        if (c >= 2 or named[v]) and not (not named[v] and " " not in v and v.lower() in lower):
            speaks[v] += c
    candidates = {n for n, c in speaks.items() if (c >= 2 or named[n] >= 2) and named[n] + called[n] >= 1} \
        | {n for n, c in named.items() if c >= 3}

    def place(n: str) -> bool:
        """"at Oakfield" half the time and never spoken to; or a quarter of the time, rarely speaking, rarely
        spoken to, with no title ("in New York", "to Oakfield": a place). "Oakfield Grange" and "the Castle
        of Oakfield" are written the way a place is too (the name the house or castle takes from it)."""
        at, of = placed[n] + placed_q[n] + housed[n], total[n] + total_q[n]
        if at < 2:
            return False
        # "said the Grey Heron": a speech verb beside a third of its mentions (two at least): no place talks
        acts = speaks[n] + moves[n]         # a place neither talks nor goes
        talks = acts - called[n]        # two for each mention a verb of speech (or going) stands beside
        if talks >= 4 and talks * 3 >= total[n] * 2 and not housed[n]:
            return False
        # one call and no verb ever beside it ("Blue Anchor," Sven told the driver): a place said, not called
        once = called[n] == 1 and acts <= called[n] and not is_title(n)
        return (at * 2 >= of and (not called[n] or once)) or (
            at * 4 >= of and acts * 5 < of and called[n] * 10 < of
            and not is_title(n) and norm(n).split()[0] not in ROLE_OF_TITLE)

    def common_word(n: str) -> bool:
        """"However", "Two": one word the book writes small more often than with a capital mid-sentence,
        and no one's first name."""
        return " " not in n and n not in allow and not is_title(n) and n.lower() not in ROLE_OF_TITLE \
            and first_name_gender(n) is None \
            and lower[n.lower()] > named[n]

    def interjection(n: str) -> bool:
        """"Ouch!", "Anyhow, ...": one word the quotes write only as a sentence's first word, which the
        narration never writes and no tag names, and no one's first name, is a cry or a word, not a person
        (a person is named mid-sentence, or by the narration, sooner or later)."""
        return " " not in n and not named[n] and not total[n] and not mid_q[n] and not is_title(n) \
            and n not in allow and first_name_gender(n) is None

    surnames = {ws[-1] for n in candidates if len(ws := n.split()) > 1}
    candidates = {n for n in candidates if not place(n) and not common_word(n) and not interjection(n)
                  and not _plural(n, candidates, surnames) and not _place_name(n)}

    @cache
    def gender_of(form: str) -> str:
        """A form's sex: its title's ("Mr. Hale" is a man however many "she"s his sentences hold: the
        heroine he talks to), else the pronouns around it, else the usual sex of its given name."""
        first = norm(form).split()[0]
        if first in MALE_TITLES:
            return "male"
        if first in FEMALE_TITLES:
            return "female"
        return _voted(gender_votes.get(form, Counter()), first_name_gender(form))

    def sex_of(form: str) -> str:
        """A form's sex for grouping: its title's, else its given name's, else, for a given name the usual
        names do not know, the sex of the full names it begins ("Corvin" of Corvin Hale: the "she"s after
        a man's given name are often the woman he is with), else the text's."""
        g, given = gender_of(form), first_name_gender(form)
        if norm(form).split()[0] in TITLES or given is not None:
            return g if given is None else given
        fulls = {gender_of(f) for f in full_of.get(form, ())} - {"unknown"}
        return fulls.pop() if len(fulls) == 1 else g

    full_of: dict[str, list[str]] = defaultdict(list)      # "Corvin" -> ["Corvin Hale"]
    for f in candidates:
        if " " in f and not is_title(f) and norm(f).split()[0] not in TITLES:
            full_of[f.split()[0]].append(f)

    def known_first(word: str) -> bool:
        return first_name_gender(word.capitalize()) is not None

    titles = TITLES | spoken_titles(candidates, TITLES, known_first)
    people = {name: Person(name, aliases=same) for name, same in group_names(
        candidates, titles, sex_of, lambda f: total[f] + called[f],
        given_after_title(candidates, titles, known_first, total.__getitem__),
        lambda a, b: together[min(a, b), max(a, b)], quoted, mothers.__getitem__,
        lambda n: total[n] + total_q[n], total.__getitem__, lambda v: answered.get(v, {})).items()}
    for p in list(people.values()):     # "Lizzy" is Elizabeth, when the book has one Elizabeth
        if p.name not in people:
            continue
        formal = frozenset().union(*(NICKNAMES.get(norm(f), ()) for f in (p.name, *p.aliases) if " " not in f))
        if not formal:
            continue
        # "Patsy" is not "Lady Patricia": the one the book calls by a title is not called by a pet name
        same = [q for q in people.values() if q is not p and not is_title(q.name) and {
            w for f in (q.name, *q.aliases) for w in norm(f).split() if w not in TITLES} & formal]
        if len(same) == 1:
            keep, gone = (p, same[0]) if " " not in same[0].name and " " in p.name and not is_title(p.name) \
                else (same[0], p)
            keep.aliases |= {gone.name, *gone.aliases}      # "Mike Hale" keeps his full name
            del people[gone.name]
    _title_alone_joins_the_one_so_titled(people)
    for p in people.values():
        votes: Counter[str] = Counter()
        by_title = {gender_of(f) for f in (p.name, *p.aliases) if norm(f).split()[0] in MALE_TITLES | FEMALE_TITLES}
        for form in [p.name, *p.aliases]:
            g = gender_of(form)
            votes.update(gender_votes.get(form, Counter()))
            if g != "unknown" and norm(form).split()[0] in TITLES:
                votes[g] += 5
        given = next((fg for f in (p.name, *sorted(p.aliases)) if (fg := first_name_gender(f) or _patronymic(f))),
                     None)
        if len(by_title) == 1:
            p.gender = by_title.pop()
        elif votes or given:
            p.gender = _voted(votes, given)
    _given_name_of_one_full_name_takes_its_sex(people, gender_votes)
    for role, c in bare_roles.items():
        if c >= 2 and not any(norm(role) in {norm(f) for f in (p.name, *p.aliases)} for p in people.values()):
            # the small form is an alias: the cast matches a name written small only as an alias
            people[role.capitalize()] = Person(role.capitalize(), _role_sex(role, "unknown"), {role})
    titled: dict[str, list[Person]] = defaultdict(list)     # "doctor" -> [Dr. Archie]
    for p in people.values():
        first = norm(p.name).split()[0]
        if first in ROLE_OF_TITLE:
            titled[ROLE_OF_TITLE[first]].append(p)
    for desc, c in described.items():   # "the girl" speaks again and again: a character without a name
        name = desc[:1].upper() + desc[1:]
        # a noun taken for a person by its ending alone ("the lecturer"; "the corridor") must speak once
        head = desc.split()[-1].lower()
        guessed = head not in PERSON_NOUNS and head not in ROLE_OF_TITLE and not tag_subject[desc]
        # "the young man", "the little man" are whoever the scene holds, not one character; so is "the voice"
        generic = len(desc.split()) > 2 and head in ("man", "woman", "lady", "gentleman", "girl", "boy", "fellow",
                                                      "lad")
        if c < 3 or guessed or generic or anyone(desc) or not one_person(desc) \
                or norm(desc) in {norm(f) for p in people.values() for f in (p.name, *p.aliases)}:
            continue
        same = titled.get(desc.split()[-1].lower(), [])
        if len(same) == 1:              # "the doctor" is Dr. Archie
            same[0].aliases.add(desc)
            continue
        in_apposition = apposed.get(desc.split()[-1].lower(), set())
        who = next(iter(in_apposition)) if len(in_apposition) == 1 else ""
        # "William, a boy of seven": "the boy" is William; but a name written more often than the description
        # ("Oskar, a quiet boy", then "Oskar" on every page) is called by it, and "the boy" is any boy
        if who and len(desc.split()) == 2 and head not in _ANY_ONE \
                and total[who] + total_q[who] + called[who] <= described[desc]:
            owner = next((p for p in people.values() if norm(who) in {norm(f) for f in (p.name, *p.aliases)}
                          or norm(who) in name_parts(p.name)), None)
            if owner is None:       # "Bobby, a boy of nine" is Bob Varga: the one person his pet name's given name fits
                pet = NICKNAMES.get(norm(who), frozenset())
                fits = [p for p in people.values() if pet and not is_title(p.name) and pet & {
                    v for f in (p.name, *p.aliases) for w in norm(f).split() for v in (w, *NICKNAMES.get(w, ()))}]
                owner = fits[0] if len(fits) == 1 else None
            if owner is None and who in kin and total[who] + total_q[who] + called[who] < 2:
                continue        # "Ivo, her little boy", named once: someone's boy there, not the boy of every scene
            if owner is None:
                owner = people[who] = Person(who, noun_gender(desc) or "unknown")
            owner.aliases.add(desc)
            continue
        if someone_of_the_scene(desc) and head not in ROLE_OF_TITLE:   # "the girl" is the one named girl
            continue                                                    # of each scene; "the Colonel" is one
        owner = _called_and_answered_by(desc, people, answered_by, total)
        if owner is not None:       # "Well, Greta?" / "said the countess": the countess is Greta
            owner.aliases.add(name)
            continue
        people[name] = Person(name, noun_gender(desc) or _role_sex(desc, gender_of(desc)))
        speaks[name] += c
    return Cast(_plain_name(p, lambda f: total[f] - epithet[f] + called[f]) for p in people.values())


def _called_and_answered_by(desc: str, people: dict[str, Person], answered_by: Mapping[str, Counter[str]],
                            narrated: Counter[str]) -> Person | None:
    """The one person known only by a given name the quotes call ("Greta, you are cruel"), never the
    narration, whom a described speaker answers twice or more ("said the countess"): the narration calls her
    by her rank, the others by her name. None where no one or several fit, or the sexes differ."""
    sex = noun_gender(desc)
    fits = [p for p in people.values() if not p.aliases and " " not in p.name and not is_title(p.name)
            and not narrated[p.name] and answered_by.get(p.name, Counter())[desc] >= 2
            and (sex is None or p.gender in (sex, "unknown"))]
    return fits[0] if len(fits) == 1 else None


def _plain_name(p: Person, uses: Callable[[str], int]) -> Person:
    """The name the book knows a person by: not "Poor Greta" or "Old Mr. Pim" when the book also writes "Greta",
    "Mr. Pim" (an epithet is no part of a name); not a title and one word ("Mr. Hale", "Dr. Lind") when the book
    writes the word alone more often ("Hale" on every page; "old Hale" is not the word alone). ``uses``: how
    often the text writes a form alone."""
    ws = norm(p.name).split()
    if len(ws) > 1 and p.name.split()[0] in EPITHETS:
        plain = next((a for a in p.aliases if norm(a) == " ".join(ws[1:])), None)
        if plain is not None:
            return replace(p, name=plain, aliases=(p.aliases - {plain}) | {p.name})
    if len(ws) != 2 or ws[0] not in TITLES:
        return p
    bare = next((a for a in p.aliases if norm(a) == ws[1]), None)
    if bare is None or uses(bare) <= uses(p.name):
        return p
    return replace(p, name=bare, aliases=(p.aliases - {bare}) | {p.name})


def _plural(n: str, candidates: set[str], surnames: set[str]) -> bool:
    """A family or a people, not one person: "the Vales", "the Vales' house" (Rosa Vale's family), "the Miss
    Vales" (the sisters, Miss Vale among them), "the Italians" (a nationality, no name). Not a name that
    is itself a surname ("Mrs. Tibbits") or a given name ("Doris")."""
    ws = n.split()
    stem = ws[-1].rstrip("'’")
    if len(stem) < 4 or not stem.endswith("s") or stem.endswith("ss") or first_name_gender(stem) is not None:
        return False
    one = stem[:-1]
    if len(ws) == 1:
        return stem not in surnames and (one in surnames or one in NOT_NAMES)
    return len(ws) == 2 and norm(ws[0]) == "miss" and f"{ws[0]} {one}" in candidates


# pronoun votes enough to overrule what a name tells of its sex (a given name's usual sex, a full name's)
_MANY_VOTES = 10


def _voted(votes: Counter[str], given: str | None) -> str:
    """A sex from the pronouns around a name, else the usual sex of its given name. A handful of votes
    (fewer than ten) never overrules the given name (a name kept in the list is 95% of one sex): in a
    story told from one person's side, his "he"s follow whoever else his paragraphs name ("Rosa came in.
    He did not look up."). Many votes with no majority tell nothing either: the given name's sex stands."""
    total = sum(votes.values())
    if given and total < _MANY_VOTES:
        return given
    if total:
        g, c = votes.most_common(1)[0]
        if c > total / 2:
            return g
    return given or "unknown"


def _given_name_of_one_full_name_takes_its_sex(people: dict[str, Person], votes: dict[str, Counter[str]]) -> None:
    """A lone word of no usual sex with only a handful of pronoun votes ("Brodya", kept apart from Brodya
    Varga by four "she"s of the woman beside him) is the given name of the one person whose full name
    begins with it: it takes that person's sex, as a known given name would."""
    for p in people.values():
        if p.aliases or " " in p.name or is_title(p.name) or first_name_gender(p.name) is not None \
                or sum(votes.get(p.name, Counter()).values()) >= _MANY_VOTES:
            continue
        owners = [q for q in people.values() if q is not p and any(
            len(ws := norm(f).split()) > 1 and ws[0] == norm(p.name) for f in (q.name, *q.aliases))]
        if len(owners) == 1 and owners[0].gender != "unknown":
            p.gender = owners[0].gender


# service roles the books' times gave to one sex ("the waiter", "the butler"; "the housekeeper"): a noun
# with no sex of its own ("the artist") still has none
_MALE_ROLES = frozenset("waiter porter butler valet groom conductor steward sexton gamekeeper innkeeper".split())
_FEMALE_ROLES = frozenset("housekeeper nurse nanny".split())
# roles a household calls someone by, written small and without "the" ("said nanny", "said cook")
_HOUSEHOLD_ROLES = ("nanny", "nurse", "cook", "governess", "housekeeper")


def _role_sex(desc: str, voted: str) -> str:
    """A described speaker's sex: the pronouns' vote, else the sex of a service role ("the porter", seldom
    followed by a pronoun of his own, is a man)."""
    if voted != "unknown":
        return voted
    head = desc.split()[-1].lower()
    return "male" if head in _MALE_ROLES else "female" if head in _FEMALE_ROLES else "unknown"


def _patronymic(form: str) -> str | None:
    """The sex a Russian patronymic gives ("Anna Petrovna": a woman; "Ivan Petrovitch": a man), else None."""
    for w in norm(form).split()[1:]:
        if w.endswith(("ovna", "evna", "ichna")):
            return "female"
        if w.endswith(("ovich", "evich", "ovitch", "evitch", "ilyich", "ilyitch")):
            return "male"
    return None


def _title_alone_joins_the_one_so_titled(people: dict[str, Person]) -> None:
    """"Mademoiselle" (a title alone) is the one Mademoiselle Vire of the book, "Mlle" too; with two
    people so titled, or none, it stays a character of its own ("the Colonel")."""
    def title(word: str) -> str:
        word = word.rstrip(".")
        return ABBREVIATED_TITLES.get(word.capitalize(), word).lower()

    for p in list(people.values()):
        ws = norm(p.name).split()
        if p.aliases or len(ws) != 1 or title(ws[0]) not in TITLES | ROLE_OF_TITLE.keys():
            continue
        same = [q for q in people.values() if q is not p and any(
            len(f.split()) > 1 and title(norm(f).split()[0]) == title(ws[0]) for f in (q.name, *q.aliases))]
        if len(same) == 1:
            same[0].aliases.add(p.name)
            del people[p.name]


_SPEECH_VERB_RE = "|".join(sorted((v for v in SPEECH_VERBS if v.endswith("ed") or v in ("said", "says", "asks")),
                                 key=len, reverse=True))
_TAGGED_WORD_RE = re.compile(rf"\b(?:{_SPEECH_VERB_RE})\s+([A-Z][a-z]+)(?=[.,;!?])"
                             rf"|[”\"’]\s+([A-Z][a-z]+)\s+(?:{_SPEECH_VERB_RE})\b")
_BARE_ROLE_TAG_RE = re.compile(rf"\b(?:{_SPEECH_VERB_RE})\s+({'|'.join(_HOUSEHOLD_ROLES)})(?=[.,;!?])")
_ROLES_RE = "|".join(sorted((t.capitalize() for t in ROLE_OF_TITLE), key=len, reverse=True))
_THE_TITLE_RE = re.compile(rf"\b[Tt]he ({_ROLES_RE})\b(?![ \t]+[A-Z])")
_PLACE_BEFORE_RE = re.compile(r"(?<![\w'’])(?:in|at|from|into|near|through|towards|a|an|the)\s+$", re.IGNORECASE)
# "went to Oakfield", "the journey to Oakfield": a place (not "said to Rosa", "turned to Rosa")
_GONE_TO_RE = re.compile(r"(?<![\w'’])(?:go|goes|going|gone|went|come|comes|coming|came|back|off|way|journey|trip|"
                         r"return|returns|returned|returning|travell?e?d?|travell?ing|sailed|sailing|drove|driving|"
                         r"rode|flew|moved|moving)\s+to\s+$", re.IGNORECASE)
# "ran over to Oakfield", "the streets of Oakfield", "the neighbourhood of Oakfield": a place too
_PLACE_OF_RE = re.compile(r"(?<![\w'’])(?:over\s+to|(?:neighbou?rhood|region|outskirts|suburbs?|streets|parish|county|"
                          r"town|city|village)\s+of)\s+$", re.IGNORECASE)


def _placed(text: str, m: re.Match[str]) -> bool:
    """Is the name found by ``m`` written the way a place is ("in Oakfield", "went to Oakfield"; not
    "at Rosa's", her house)?"""
    return not m.group(0).endswith(("'s", "’s")) and (
        _PLACE_BEFORE_RE.search(text, max(0, m.start() - 10), m.start()) is not None
        or _GONE_TO_RE.search(text, max(0, m.start() - 20), m.start()) is not None
        or _PLACE_OF_RE.search(text, max(0, m.start() - 20), m.start()) is not None)
# the last word of a place's name ("Larkin End", "Marsh Court", "Mill Street"), never of a person's
_PLACE_WORDS = frozenset("End Court Abbey Street Cottage Villa Lane Square Road Corner Place Gardens Hotel Inn "
                         "Station Terrace Avenue Crescent Parsonage Rectory Vicarage Priory Grange Lodge "
                         "Castle Palace Manor City Harbour".split())
# the first word of a place's name ("Port Oakfield", "Piazza Vale", "Lake Larkin", "San Tomas")
_PLACE_FIRST_WORDS = frozenset("Port Piazza Lake Mount Fort Cape San Santa".split())


def _place_name(n: str) -> bool:
    """A name of two words or more built the way a place's is: "Windy Corner", "Marsh Castle", "Port Oakfield"."""
    ws = n.split()
    return len(ws) > 1 and (ws[-1] in _PLACE_WORDS or ws[0] in _PLACE_FIRST_WORDS)


# "Oakfield Grange", "the Castle of Oakfield", "the Chateau de Oakfield": the word names a place (a dash
# between words ends it: "Kent--Oakfield Grange")
_HOUSED_RE = re.compile(rf"\b([A-Z][a-z][\w'’]*(?:-[\w'’]+)*)\s+(?:{'|'.join(_PLACE_WORDS)})\b"
                        r"|\b(?i:castle|chateau|château|palace|isle|island|lake|city|town|village|county|valley)"
                        r"\s+(?:of|de|du)\s+([A-Z][a-z][\w'’]*(?:-[\w'’]+)*)\b")
_THE_RE = re.compile(r"\b[Tt]he (?=[a-z])")
_EPITHET_BEFORE_RE = re.compile(rf"\b(?:{'|'.join(w.lower() for w in sorted(EPITHETS))})\s+$")


def _before_a_name(desc: str, text: str) -> bool:
    """Is the description ``desc`` found in ``text`` followed by a capitalised word ("the gallant Mr. Pim")?"""
    words = r"\s+".join(re.escape(w) for w in desc.split())
    return re.search(rf"(?i:\b{words})\s+[A-Z][a-z]", text) is not None     # not "the man I saw"


# "Hale, a man of fifty": "the man" of a later scene is any man there, not an alias of Hale
_ANY_ONE = frozenset("man woman lady gentleman fellow person".split())
_SENTENCE_CUT_RE = re.compile(r"[.!?]['’\"”]?\s+")
_MOTHER_RE = re.compile(r"\bher (?:daughters?|children)\b", re.IGNORECASE)
_LOWER_RE = re.compile(r"(?<![\w'’])[a-z][a-z'’-]*")

def words_of(text: str) -> list[str]:
    return TAG_WORD_RE.findall(text.lower())


def _verb_near(ws: list[str]) -> bool:
    return any(w in SPEECH_VERBS for w in ws)


def _said(ws: list[str]) -> bool:
    """Does a verb of speech stand in ``ws`` (the words beside a name), with its particle where it needs one?"""
    return any(w in SPEECH_VERBS and (w not in PARTICLES or bool(set(ws[k + 1:k + 2]) & PARTICLES[w]))
               for k, w in enumerate(ws))


# "Tomas, a boy of seven", "Rosa was the girl": not a noun after "of" ("the delight of her mother")
_OF_SOMEONE_RE = re.compile(r"\b(?:the|a|an|his|her) [a-z]+ of $")
_APPOSITION_RE = re.compile(rf"({NAME_RE.pattern})(?:, | was | is )(?:a|an|the|his|her) "
                            rf"(?:(?!of )[a-z,-]+ ){{0,3}}?"
                            rf"({'|'.join(sorted(MALE_NOUNS | FEMALE_NOUNS - {'her'}))})\b(?!{POSSESSIVE_S})")
