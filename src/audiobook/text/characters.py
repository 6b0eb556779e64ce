"""Who the characters are and where the narration mentions them (pure; used by attribution.py).

``Cast`` holds the characters (from ``book.yaml`` or discovered in the text) and finds their
mentions in a piece of narration: names, aliases ("Grandma Ivy", "the boy"), a title plus a
surname ("Mr Hale" and "Hale"), and the pronouns he/she/I with their gender.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import combinations

from audiobook.book import Character
from audiobook.text.aliases import given_after_title, group_names, spoken_titles
from audiobook.text.manuscript import Manuscript
from audiobook.text.nicknames import NICKNAMES
from audiobook.text.speech_verbs import SPEECH_VERBS

MALE_TITLES = frozenset("mr mister sir lord uncle father brother king prince master captain colonel "
                        "general major count duke baron monsieur signor herr don".split())
FEMALE_TITLES = frozenset("mrs ms miss madam madame lady aunt mother sister queen princess mademoiselle "
                          "signora frau dame mistress grandma granny".split())
OTHER_TITLES = frozenset("dr doctor professor rev reverend judge nurse".split())
TITLES = MALE_TITLES | FEMALE_TITLES | OTHER_TITLES
_ROLE_OF_TITLE = {t: t for t in """doctor captain colonel major general professor judge nurse uncle aunt king queen
    prince princess count countess duke duchess baron baroness sergeant lieutenant inspector parson rector
    vicar squire governor grandma grandpa granny""".split()}
_ROLE_OF_TITLE.update({"dr": "doctor", "capt": "captain", "col": "colonel", "prof": "professor", "rev": "parson"})
MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
_SUBJECT_PRONOUNS = frozenset("he she himself herself".split())
FIRST_PERSON = frozenset("i me my myself".split())
# Capitalised words that are not names even in the middle of a sentence.
NOT_NAMES = frozenset(
    """I I'm I'll I've I'd O Oh Ah Yes No Well God Lord Heaven Heavens Sir Madam Mr Mrs Ms Miss Dr The A An
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Christmas English French German British American London
    Paris England France Germany Italy Europe America Street Road House Hall Park Chapter Mamma Papa Mama
    Ma Pa Mother Father Aunt Uncle Captain Colonel Doctor Professor Bible Church Christ Jesus Sunday Yeah
    Indeed Perhaps But And Then Now What Why How Who Where When If It He She They We You Thank Good Dear
    This That There Here Do Don't Let Come Go Look Tell Mademoiselle Monsieur Madame Lady Lord Master
    Thanks Thank Dearest Hello Hullo Halloa Hallo Goodbye Good-bye Good-night Good-morning Good-evening Please Sorry
    Hush Alas Hurrah Bravo Nonsense Listen Quick Stop Wait Silence Hey Hi Ha Hm Pshaw Bah Aye Nay
    Yes-yes Ay Eh Ahem Humph Gad Egad Damn Hang Bless Mercy Goodness Gracious Sure Right Fine Never Ever
    St Mt Ft No-one Nobody Everybody Somebody Anybody Someone Everyone Anyone
    Pooh Tut Fie Hark Lo Alack Alas Zounds Heigh Ho Whew Ugh Aha Oho Amen Hurray Huzza Boo
    Me My Mine Myself Us Our Ours Your Yours Him His Her Hers Its Their Them Theirs Himself Herself""".split()
)
# never a name, however often a tag seems to name it ("“Stop!” She laughed.", "I said No!")
_NEVER_NAMES = frozenset("I He She It We You They Me My Him Her His Us Our Your Their Them Yes No Ay Aye Nay".split())
_FUNCTION_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having her here hers his how if in into is it its just more most no nor not now of off on once only
    or other our out over own same shall should so some such than that the their them then there these
    they this those through to too under until up upon very was we were what when where which while who
    whom why will with would yes yet you your still even never ever always once perhaps suddenly""".split())
_NAME = r"[A-Z][\w’'-]*[a-z][\w’'-]*"
_TITLE_RE = "|".join(sorted((t.capitalize() for t in TITLES), key=len, reverse=True))
_NAME_RE = re.compile(rf"\b(?:(?:{_TITLE_RE})\.?\s+)?{_NAME}(?:[ \t]+{_NAME}){{0,2}}")
_PRONOUN_RE = re.compile(r"\b(he|him|his|himself|she|her|hers|herself|I|me|my|myself)\b", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[\w’'-]+\.?")
_SENTENCE_END_RE = re.compile(r"[.!?]['’\"”]?\s+$")
_DETERMINERS = ("the ", "a ", "an ")
_GENDER_RE = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """A name as compared: case-folded, periods dropped, whitespace collapsed, no leading article."""
    s = " ".join(name.replace(".", "").split()).casefold()
    for d in _DETERMINERS:
        if s.startswith(d):
            return s[len(d):]
    return s


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
        self.narrator = next((p.name for p in self.people.values() if is_narrator_name(p.name)), None)
        # "Good" is a common word but the name of a character here: "Shut up, Good!" addresses him
        self.word_names = frozenset(w for p in self.people.values() for f in (p.name, *p.aliases)
                                    for w in f.split() if w in NOT_NAMES)
        for p in self.people.values():
            if p.name == self.narrator:
                continue
            for form in [p.name, *p.aliases]:
                exact[norm(form)] = p.name
            for form in [p.name, *p.aliases]:
                for part in _parts(form):
                    owners[part].add(p.name)
        self.forms = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}
        self.forms.update(exact)
        self._starts: dict[str, int] = {}       # first word of a form -> the most words of such a form
        for k in self.forms:
            w = k.split(" ", 1)[0]
            self._starts[w] = max(self._starts.get(w, 0), k.count(" ") + 1)
        lower_aliases = {norm(a) for p in self.people.values() for a in p.aliases if not a[:1].isupper()}
        # name forms (not descriptions like "the boy") must be written with a capital
        self._capital_keys = {k for p in self.people.values() for f in (p.name, *p.aliases)
                              for k in (norm(f), *_parts(f))
                              if k[:1].isalpha() and _core(f)[:1].isupper()} - lower_aliases
        self._current = ""
        self._seen: dict[str, list[Mention]] = {}
        # "the doctor" is Dr. Archie, "his uncle" is Uncle John, when the cast has only one of them
        roles: dict[str, set[str]] = defaultdict(set)
        for p in self.people.values():
            for form in [p.name, *p.aliases]:
                ws = norm(form).split()
                if ws and ws[0] in _ROLE_OF_TITLE:
                    roles[_ROLE_OF_TITLE[ws[0]]].add(p.name)
        self.roles = {k: next(iter(v)) for k, v in roles.items() if len(v) == 1 and k not in self.forms}
        small = sorted({k for k in self.forms if " " not in k and k.isalpha() and k not in _FUNCTION_WORDS
                        and (k not in self._capital_keys or k in _ROLE_OF_TITLE or k in MALE_NOUNS | FEMALE_NOUNS)}
                       | set(self.roles))
        self._voc_re = re.compile(rf"(?:^|[,;!?.—]\s*)(?:(?:my )?dear |oh,? )?({'|'.join(small)})(?=\s*[,!?.;—]|\s*$)",
                                  re.IGNORECASE) if small else None
        body = "|".join(sorted(self.roles))
        self._role_re = re.compile(rf"\b(?:the|his|her|my|our|their|your)\s+(?:{body})\b", re.IGNORECASE) \
            if body else None

    def addressed(self, quote: str) -> list[str]:
        """The characters a quote speaks to: "Rosa, did you know?", "Yes, uncle." (a cast form or
        title written small), in order."""
        out = [r for r in (self.resolve(v) for v in vocatives(quote, self.word_names)) if r]
        if self._voc_re is not None:
            for m in self._voc_re.finditer(quote):
                word = m.group(1).lower()
                who = self.forms.get(word) or self.roles.get(word)
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
            if len(self._seen) > 512:     # a paragraph is looked at a few times in a row, then never again
                self._seen.clear()
            hit = self._seen[text] = self._mentions(text)
        return list(hit)

    def _mentions(self, text: str) -> list[Mention]:
        self._current = text
        out: list[Mention] = []
        taken: list[tuple[int, int]] = []
        low = text.lower()
        if len(low) == len(text):
            toks = [(m.start(), m.end(), m.group(0).replace(".", "")) for m in _TOKEN_RE.finditer(low)]
        else:       # a letter whose lower case is longer (rare): fold word by word
            toks = [(m.start(), m.end(), m.group(0).casefold().replace(".", "")) for m in _TOKEN_RE.finditer(text)]
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
        a, _b, w = toks[i - 1]
        if not text[a:a + 1].isupper() or w in TITLES or w in self.forms or w in self.roles:
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


def is_narrator_name(name: str) -> bool:
    """A cast entry standing for the first-person narrator: "I", "I (the narrator)", "we (...)"."""
    return norm(name).split(" ", 1)[0] in ("i", "we", "me")


def _core(name: str) -> str:
    """A name as written, without a leading article ("The doctor" -> "doctor")."""
    for d in ("the ", "a ", "an "):
        if name[:len(d)].lower() == d:
            return name[len(d):]
    return name


_PRONOUN_WORDS = frozenset("i me he him she it we us they whose".split())


@lru_cache(maxsize=65536)
def _parts(form: str) -> tuple[str, ...]:
    """Single words of a proper name that can stand for it ("Mr. Hale" -> "hale"), lower-cased."""
    if not form[:1].isupper() or is_narrator_name(form) or "(" in form:
        return ()
    ws = tuple(w for w in norm(form).split() if w not in TITLES and w not in _FUNCTION_WORDS
               and w not in _PRONOUN_WORDS)
    return ws if len(ws) > 1 or len(norm(form).split()) > 1 else ()


# ------------------------------------------------------------------------------------------- discovery
_TAG_AFTER_RE = re.compile(rf"^\W*(?:({_NAME_RE.pattern})\s+(\w+)|(\w+)\s+({_NAME_RE.pattern}))")


def discover(ms: Manuscript) -> Cast:
    """Find the characters of a book without a cast list: names that speak, are spoken to, or recur."""
    speaks: Counter[str] = Counter()
    named: Counter[str] = Counter()      # mentions in the middle of a sentence (a capital that means a name)
    called: Counter[str] = Counter()     # vocatives
    gender_votes: dict[str, Counter[str]] = defaultdict(Counter)
    weak_votes: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()      # mentions in the narration
    placed: Counter[str] = Counter()     # ... after "in", "at", "from", "a", "the"
    described: Counter[str] = Counter()  # "the girl" as the speaker of a tag
    starts: Counter[str] = Counter()     # capitals at the start of a sentence, never written small
    apposed: dict[str, set[str]] = defaultdict(set)     # "boy" -> {"William"} ("William, a boy of seven")
    together: Counter[tuple[str, str]] = Counter()      # two names in one sentence of narration
    quoted: Counter[str] = Counter()     # given name and surname in the quotes
    lower = {w for ch in ms.chapters for p in ch.paragraphs for w in _LOWER_RE.findall(p.raw)}
    # "said Good", "Good asked": a word we take for a common one (NOT_NAMES) is a name when tags name it
    tagged = Counter(m.group(1) or m.group(2) for ch in ms.chapters for p in ch.paragraphs
                     for m in _TAGGED_WORD_RE.finditer(p.raw))
    allow = frozenset(w for w, c in tagged.items() if c >= 2 and w in NOT_NAMES and w.lower() not in TITLES
                      and w not in _NEVER_NAMES)
    for ch in ms.chapters:
        for para in ch.paragraphs:
            segs = para.segments
            seen: list[str] = []         # names met so far in this paragraph's narration
            for i, s in enumerate(segs):
                if s.kind == "dialogue":
                    if s.tag and norm(s.tag) != "narrator":     # [Narrator]: no one speaks it
                        speaks[s.tag] += 3
                        named[s.tag] += 1
                    for v in vocatives(s.text, allow):
                        called[v] += 1
                    for m in _NAME_RE.finditer(s.text):     # "she's in love with Mike Hale"
                        full = _clean_name(m.group(0), allow)
                        if full.count(" ") == 1 and not _is_title(full):
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
                        if desc and desc.split()[0].lower() == "the":
                            described[desc.lower()] += 2
                events: list[tuple[int, str]] = []
                for m in _THE_RE.finditer(s.text):     # "The boy forgot his fear."
                    desc = description("t" + s.text[m.start() + 1:m.start() + 60])
                    if desc and len(desc.split()) <= 3:
                        described[desc.lower()] += 1
                        events.append((m.start(), desc.lower()))    # "the porter ... he": a man
                for m in _NAME_RE.finditer(s.text):
                    name = _clean_name(m.group(0), allow)
                    if not name:
                        continue
                    sentence_start = m.start() == 0 or \
                        _SENTENCE_END_RE.search(s.text, max(0, m.start() - 8), m.start()) is not None
                    # a capital at the start of a sentence means a name when the word is never written small
                    if not sentence_start or _is_title(name):
                        named[name] += 1
                    elif name.lower() not in lower:
                        starts[name] += 1
                        named[name] += starts[name] > 1
                    total[name] += 1
                    if _PLACE_BEFORE_RE.search(s.text, max(0, m.start() - 10), m.start()):
                        placed[name] += 1       # "in Chicago", "a Catholic": a place or a kind, not a person
                    window = s.text[m.end():m.end() + 40]
                    before = s.text[max(0, m.start() - 20):m.start()]
                    if _verb_near(words_of(window)[:2]) or (prev_quote and _verb_near(words_of(before)[-2:])):
                        speaks[name] += 2
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
                    name, noun = _clean_name(m.group(1), allow), m.group(2).lower()
                    if name:
                        gender_votes[name]["male" if noun in MALE_NOUNS else "female"] += 2
                        apposed[noun].add(name)
    for name, weak in weak_votes.items():
        if not gender_votes.get(name):
            gender_votes[name] = weak
    for v, c in called.items():
        if c >= 2 or named[v]:
            speaks[v] += c
    candidates = {n for n, c in speaks.items() if (c >= 2 or named[n] >= 2) and named[n] + called[n] >= 1} \
        | {n for n, c in named.items() if c >= 3}

    candidates = {n for n in candidates if not (placed[n] >= 2 and placed[n] * 2 >= total[n] and not called[n])
                  and not (n.count(" ") and n.rsplit(" ", 1)[1] in _PLACE_WORDS)}     # "Windy Corner"

    @cache
    def gender_of(form: str) -> str:
        votes = Counter(gender_votes.get(form, Counter()))
        first = norm(form).split()[0]
        if first in MALE_TITLES:
            votes["male"] += 5
        elif first in FEMALE_TITLES:
            votes["female"] += 5
        if votes:
            g, c = votes.most_common(1)[0]
            if c > sum(votes.values()) / 2:
                return g
            return "unknown"
        return first_name_gender(form) or "unknown"     # no pronoun or title says: the name's usual sex

    def sex_of(form: str) -> str:
        """A form's sex for grouping: its title's, else its given name's, else the text's."""
        g, given = gender_of(form), first_name_gender(form)
        return g if norm(form).split()[0] in TITLES or given is None else given

    def known_first(word: str) -> bool:
        return first_name_gender(word.capitalize()) is not None

    titles = TITLES | spoken_titles(candidates, TITLES, known_first)
    people = {name: Person(name, aliases=same) for name, same in group_names(
        candidates, titles, sex_of, lambda f: total[f] + called[f],
        given_after_title(candidates, titles, known_first, total.__getitem__),
        lambda a, b: together[min(a, b), max(a, b)], quoted).items()}
    for p in list(people.values()):     # "Lizzy" is Elizabeth, when the book has one Elizabeth
        if p.name not in people:
            continue
        formal = frozenset().union(*(NICKNAMES.get(norm(f), ()) for f in (p.name, *p.aliases) if " " not in f))
        if not formal:
            continue
        same = [q for q in people.values() if q is not p and {w for f in (q.name, *q.aliases)
                                                                for w in norm(f).split() if w not in TITLES} & formal]
        if len(same) == 1:
            keep, gone = (p, same[0]) if " " not in same[0].name and " " in p.name and not _is_title(p.name) \
                else (same[0], p)
            keep.aliases |= {gone.name, *gone.aliases}      # "Mike Hale" keeps his full name
            del people[gone.name]
    for p in people.values():
        votes: Counter[str] = Counter()
        for form in [p.name, *p.aliases]:
            g = gender_of(form)
            votes.update(gender_votes.get(form, Counter()))
            if g != "unknown" and norm(form).split()[0] in TITLES:
                votes[g] += 5
        if votes:
            g, c = votes.most_common(1)[0]
            if c > sum(votes.values()) / 2:
                p.gender = g
        else:
            p.gender = next((fg for f in (p.name, *sorted(p.aliases)) if (fg := first_name_gender(f))), "unknown")
    titled: dict[str, list[Person]] = defaultdict(list)     # "doctor" -> [Dr. Archie]
    for p in people.values():
        first = norm(p.name).split()[0]
        if first in _ROLE_OF_TITLE:
            titled[_ROLE_OF_TITLE[first]].append(p)
    for desc, c in described.items():   # "the girl" speaks again and again: a character without a name
        name = desc[:1].upper() + desc[1:]
        if c < 3 or norm(desc) in {norm(f) for p in people.values() for f in (p.name, *p.aliases)}:
            continue
        same = titled.get(desc.split()[-1].lower(), [])
        if len(same) == 1:              # "the doctor" is Dr. Archie
            same[0].aliases.add(desc)
            continue
        in_apposition = apposed.get(desc.split()[-1].lower(), set())
        if len(in_apposition) == 1 and len(desc.split()) == 2:     # "William, a boy of seven": the boy is William
            who = next(iter(in_apposition))
            owner = next((p for p in people.values() if norm(who) in {norm(f) for f in (p.name, *p.aliases)}
                          or norm(who) in _parts(p.name)), None)
            if owner is None:
                owner = people[who] = Person(who, noun_gender(desc) or "unknown")
            owner.aliases.add(desc)
            continue
        people[name] = Person(name, noun_gender(desc) or gender_of(desc))
        speaks[name] += c
    return Cast(people.values())


_SPEECH_VERB_RE = "|".join(sorted((v for v in SPEECH_VERBS if v.endswith("ed") or v in ("said", "says", "asks")),
                                 key=len, reverse=True))
_TAGGED_WORD_RE = re.compile(rf"\b(?:{_SPEECH_VERB_RE})\s+([A-Z][a-z]+)(?=[.,;!?])"
                             rf"|[”\"’]\s+([A-Z][a-z]+)\s+(?:{_SPEECH_VERB_RE})\b")
_PLACE_BEFORE_RE = re.compile(r"(?<![\w'’])(?:in|at|from|into|near|through|towards|a|an|the)\s+$", re.IGNORECASE)
# the last word of a place's name ("Larkin End", "Marsh Court", "Mill Street"), never of a person's
_PLACE_WORDS = frozenset("End Court Abbey Street Cottage Villa Lane Square Road Corner Place Gardens Hotel Inn "
                         "Station Terrace Avenue Crescent Parsonage Rectory Vicarage Priory Grange Lodge".split())
_THE_RE = re.compile(r"\b[Tt]he (?=[a-z])")
_SENTENCE_CUT_RE = re.compile(r"[.!?]['’\"”]?\s+")
_LOWER_RE = re.compile(r"(?<![\w'’])[a-z][a-z'’-]*")


def words_of(text: str) -> list[str]:
    return re.findall(r"[\w’']+", text.lower())


@cache
def _first_names() -> dict[str, str]:
    from audiobook.text.first_names import FEMALE, MALE

    return {**{n.casefold(): "female" for n in FEMALE.split()}, **{n.casefold(): "male" for n in MALE.split()}}


def first_name_gender(form: str) -> str | None:
    """The sex most people with this name form's first name are ("Charlotte Temple" -> female), a prior to
    use when the text gives no pronoun; None for a titled form, a description or an unlisted name."""
    words = form.split()
    if not words or not words[0][:1].isupper() or norm(words[0]) in TITLES:
        return None
    return _first_names().get(words[0].rstrip(".").casefold())


def _verb_near(ws: list[str]) -> bool:
    return any(w in SPEECH_VERBS for w in ws)


def _is_title(name: str) -> bool:
    return norm(name).split()[0] in TITLES


def _clean_name(name: str, allow: frozenset[str] = frozenset()) -> str:
    """A capitalised run as a name: leading interjections, function words and adverbs dropped ("Oh Rosa",
    "Then Rosa"), trailing common words too ("Rosa Yes"); ``allow``: words that are names in this book."""
    ws = name.split("--")[0].rstrip("-").split()     # "Emma--quite" (a broken-off sentence) is Emma
    if len(ws) > 1 and ws[0][-2:] in ("'s", "’s") and ws[0][:-2].lower() in _FUNCTION_WORDS | {"let", "it", "that"}:
        ws = ws[1:]      # "Where's Quill?", "Here's Rosa": the name is Quill, Rosa
    while ws and ws[0] not in allow and ((ws[0].rstrip(".") in NOT_NAMES and ws[0].rstrip(".").lower() not in TITLES)
                                         or ws[0].lower() in _FUNCTION_WORDS or ws[0].endswith("ly")):
        ws = ws[1:]
    while len(ws) > 1 and ws[-1] in NOT_NAMES and ws[-1] not in allow and ws[-2].rstrip(".").lower() not in TITLES:
        ws = ws[:-1]
    while ws and ws[-1] in NOT_NAMES and ws[-1] not in allow and len(ws) == 1:
        ws = ws[:-1]
    if not ws or (len(ws) == 1 and ws[0].rstrip(".").lower() in TITLES):
        return ""
    if ws[-1].endswith(("’s", "'s")):
        ws[-1] = ws[-1][:-2]
    return " ".join(ws)


# ------------------------------------------------------------------------------------------- descriptions
MALE_NOUNS = frozenset("""man boy husband father son brother uncle gentleman lad king lord sir master fellow
    grandfather papa dad youth nephew prince gentlemen men boys squire parson priest monk""".split())
FEMALE_NOUNS = frozenset("""woman girl wife mother daughter sister aunt lady maid queen mistress grandmother
    mamma mama mum mom widow niece princess women girls ladies dame matron hostess landlady nun""".split())
_APPOSITION_RE = re.compile(rf"({_NAME_RE.pattern})(?:, | was | is )(?:a|an|the|his|her) (?:[a-z,-]+ ){{0,3}}?"
                            rf"({'|'.join(sorted(MALE_NOUNS | FEMALE_NOUNS - {'her'}))})\b")
PERSON_NOUNS = MALE_NOUNS | FEMALE_NOUNS | frozenset(
    """child children person people stranger voice voices visitor guest friend companion host cousin
    parent parents baby infant nurse doctor captain officer soldier sailor servant clerk driver guide
    judge lawyer student teacher master pupil clergyman minister chaplain neighbour neighbor gaoler
    jailer guard sentry keeper porter waiter cook coachman footman butler housekeeper governess
    peasant farmer stranger creature youngster elder crowd group others other one two three several
    colonel major general sergeant lieutenant corporal private interlocutor speaker listener
    newcomer traveller traveler fool wretch villain lover prisoner convict auctioneer surgeon
    physician inspector detective constable policeman landlord innkeeper merchant shopkeeper
    passenger chief leader king ruler savage native pilot engineer boss partner colleague
    assistant secretary agent manager owner proprietor hunter fisherman artist painter poet writer
    author female male figure individual""".split())
_AGENT_SUFFIXES = ("ist", "ian", "man", "men", "ess", "ant")
_NOT_AGENTS = frozenset("another together however whether shoulder chamber whisper silver remember weather "
                        "thunder counter quarter character interior exterior chapter".split())
_DETERMINER = r"(?:the|a|an|another|his|her|their|my|our|your|this|that|one of the|one of his|one of her|" \
              r"some|[A-Z][a-z]+['’]s)"
_DESC_RE = re.compile(rf"(?<![\w'’]){_DETERMINER}\s+((?:[a-z][\w'’-]*,?\s+){{0,4}}[a-z][\w'’-]*)")
_DESC_STOP = frozenset("""with in of to from whose who which that as at on and or but by for into upon
    again then now still half little quietly softly a an the""".split())


def description(text: str, last: bool = False) -> str | None:
    """A description naming a person in a speech tag: "the old man", "a thin, elderly gentleman",
    "Philip's nurse"; the first one (at the start of ``text``) or, with ``last``, the one ending it."""
    found = list(_DESC_RE.finditer(text))
    if last:
        found = [m for m in found if not text[m.end():].strip(" ,")]
    elif found and not re.fullmatch(r"\s*(?:(?:in|up|out|forth|back|again|at last|then)\s+)?",
                                    text[:found[0].start()]):
        found = []
    if not found:
        return None
    m = found[-1] if last else found[0]
    ws = m.group(1).split()
    head = 0
    for k, w in enumerate(ws):
        bare = w.rstrip(",").lower()
        if bare in _DESC_STOP and k > 0:
            break
        if _person_noun(bare):
            head = k + 1
            if w.endswith(","):
                break
    if head == 0:
        return None
    desc = text[m.start():m.start(1)] + " ".join(ws[:head]).rstrip(",")
    return " ".join(desc.split())


_SMALL_DETERMINERS = frozenset("the a an his her my our their this that another".split())


def small_determiner(text: str) -> str:
    """"The old sailor said" at a sentence's start: the determiner as description() reads it ("the")."""
    stripped = text.lstrip()
    first = stripped.split(" ", 1)[0]
    if first.lower() in _SMALL_DETERMINERS and first[:1].isupper():
        return text[:len(text) - len(stripped)] + first.lower() + stripped[len(first):]
    return text


def noun_gender(desc: str) -> str | None:
    """'the old man' -> male, 'her mother' -> female, 'the artist' -> None."""
    noun = desc.split()[-1].lower() if desc.split() else ""
    if noun in MALE_NOUNS or noun.endswith(("man", "men")) and not noun.endswith(("woman", "women")):
        return "male"
    if noun in FEMALE_NOUNS or noun.endswith(("woman", "women", "ess")):
        return "female"
    return None


def _person_noun(word: str) -> bool:
    if word in PERSON_NOUNS:
        return True
    if "-" in word:
        return _person_noun(word.rsplit("-", 1)[1])
    if word.endswith(("er", "or")):      # painter, visitor; not lower, corner, dinner
        return len(word) > 6 and word not in _NOT_AGENTS
    return len(word) > 4 and word.endswith(_AGENT_SUFFIXES)


_VOCATIVE_RE = re.compile(
    rf"(?:^|[,;!?.—]\s*|\b(?:oh|o|dear|my dear)\s+)({_NAME_RE.pattern})(?=\s*[,!?.—]|\s*$)"
)


def vocatives(quote: str, allow: frozenset[str] = frozenset()) -> list[str]:
    """Names a quote addresses ("Rosa, did you know?", "..., Mr. Hale."): the listener, not the speaker;
    ``allow``: common words that are names in this book ("Shut up, Good!")."""
    out = []
    for m in _VOCATIVE_RE.finditer(quote):
        start = m.start(1)
        before = quote[:start].rstrip()
        after = quote[m.end(1):].lstrip()
        if before and not before.endswith((",", "!", "?", ".", "—")) \
                and not before.lower().endswith(("oh", "dear", "o")):
            continue
        if not before and not after.startswith((",", "!", "?")):
            continue
        name = _clean_name(m.group(1), allow)
        if name:
            out.append(name)
    return out
