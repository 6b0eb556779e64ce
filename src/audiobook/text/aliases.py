"""Which discovered name forms are one person, and what to call them (discovery, characters.py).

A book calls one person several ways: "Anton Vasek", "Mr. Vasek", "Monsieur Vasek", "Vasek";
"Lucy", "Miss Lucy"; "Mr. John Hale", "John Hale". The forms are grouped by how English
names are built (a title, given names, a surname):

1. the same words under titles of one kind ("Mr." and "Monsieur"; "Miss" and "Mademoiselle"), or
   with no title, are one person; "Miss Quenby" and "Mrs. Quenby" are two; a bare "Quenby" the narration
   writes as often as "Mr. Quenby", in a family with a "Mrs." and a "Miss Quenby", is a son's, not his father's;
2. a lone word joins the one person whose longer name has it ("Vasek" of "Anton Vasek"), but a given
   name under a married woman's title is her husband's ("Tom" of "Mrs. Tom Vale" is not hers);
3. a title with one word joins the one full name ending (the surname) or beginning (the given name)
   with that word, of a compatible sex, unless titles of two kinds of one sex share the word (a
   mother and daughter: "Mrs. Quenby", "Miss Quenby"), the book writes that title before a full name
   too, less often than the title alone ("Mr. John Quenby" is told apart from another "Mr. Quenby"), or
   the two are named together in a sentence more than once ("Tom ran to Mr. Marsh": a son and his father);
   a married woman's title written with "her daughter" ("Mrs. Quenby kissed her daughter") is not the
   woman's full name of that surname ("Rosa Quenby" is the daughter);
4. "Miss Quenby" alone is the one unmarried woman of that surname ("Rosa Quenby", or "Rosa" where "Rosa Quenby" is
   written once), not a sister the narration calls "Miss <her given name>" (the eldest daughter is "Miss Quenby");
   failing a name, the woman who answers when the quotes call "Miss Quenby";
5. a given name the quotes call is the person the narration names only by a title who answers it ("Well, Rosa?"
   "said Mrs. Quenby").

A person is then called by the full name when the text writes it at least twice, else by a title
with one name ("Mr. Hale", "Sir Roger"), else by the form it uses most; "Mr.", "Mrs.", "Miss"
with a given name ("Miss Lucy", what a servant says) only when there is nothing else.
A woman known as "Miss Quenby" and "Rosa" is Rosa ("Miss Quenby" passes to the next sister).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping

# titles that are one kind: a man's plain title in several languages, a married woman's, an unmarried one's
_KIND = {t: "mr" for t in "mr mister monsieur herr signor senor señor mistah mista".split()}
_KIND.update({t: "mrs" for t in "mrs madame madam frau signora senora señora missus".split()})
_KIND.update({t: "miss" for t in "miss mademoiselle mlle fraulein fräulein signorina senorita señorita".split()})


def _words(form: str) -> list[str]:
    return " ".join(form.replace(".", " ").split()).casefold().split()


class _Groups:
    """Union-find over name forms that keeps each group of one sex."""

    def __init__(self, forms: Iterable[str], gender_of: Callable[[str], str]) -> None:
        self.up = {f: f for f in forms}
        self.sexes = {f: {gender_of(f)} - {"unknown"} for f in self.up}

    def find(self, f: str) -> str:
        while self.up[f] != f:
            self.up[f] = self.up[self.up[f]]
            f = self.up[f]
        return f

    def join(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        both = self.sexes[ra] | self.sexes[rb]
        if len(both) > 1:
            return False
        self.up[rb] = ra
        self.sexes[ra] = both
        return True

    def sex(self, f: str) -> set[str]:
        return self.sexes[self.find(f)]


def group_names(forms: Iterable[str], titles: frozenset[str], gender_of: Callable[[str], str],
                uses: Callable[[str], int], by_given: Callable[[str], bool],
                together: Callable[[str, str], int] = lambda _a, _b: 0,
                written: Mapping[str, int] | None = None,
                mother: Callable[[str], int] = lambda _f: 0,
                seen: Callable[[str], int] = lambda _n: 0,
                narrated: Callable[[str], int] = lambda _n: 0,
                answers: Callable[[str], Mapping[str, int]] = lambda _f: {}) -> dict[str, set[str]]:
    """Name forms grouped into people: {the name to call them by: their other forms}. ``titles``: the
    title words (lower case, no period); ``uses``: how often the text writes a form; ``by_given``: is a
    title and one word a title with a given name ("Miss Lucy"), not with a surname ("Miss Quenby");
    ``together``: in how many sentences the narration names two forms; ``written``: names of two words
    the text writes anywhere, quotes too, and how often (a full name only the quotes give); ``mother``: in
    how many sentences the narration writes a form, then "her daughter" or "her children" (a mother); ``seen``:
    how often the text writes a name, narration and quotes (names not among the forms too: "Anna Vale" once);
    ``narrated``: how often the narration writes it; ``answers``: for a form the quotes call, the forms the
    narration gives the next line to, and how often."""
    split: dict[str, tuple[str, tuple[str, ...]]] = {}
    for f in sorted(forms, key=lambda f: (-uses(f), f)):     # the same groups whatever the order given
        ws = _words(f)
        if len(ws) > 1 and ws[0] in titles:
            split[f] = (ws[0], tuple(ws[1:]))
        else:
            split[f] = ("", tuple(ws))
    g = _Groups(split, gender_of)
    # 1. the same words under titles of one kind, or under none
    by_rest: dict[tuple[str, ...], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for f, (t, rest) in split.items():
        by_rest[rest][_KIND.get(t, t)].append(f)
    for rest, kinds in by_rest.items():
        for same in kinds.values():
            for f in same[1:]:
                g.join(same[0], f)
        bare = kinds.get("", [])
        titled = [k for k in kinds if k]
        # a family of "Mr.", "Mrs." and "Miss" X and no man's full name of X: the father goes by his title, and
        # a bare "X" the narration writes at least as often as "Mr. X" is a son's ("X rode off"), not his
        family = {"mr", "mrs", "miss"} <= set(kinds) and not any(
            len(r) > 1 and r[-1] == rest[-1] and _fit(g.sex(o), {"male"}) for o, (_t, r) in split.items())
        for f in bare:
            fits = [k for k in titled if _fit(g.sex(kinds[k][0]), g.sex(f))]
            son = family and fits == ["mr"] and 0 < sum(narrated(m) for m in kinds["mr"]) <= narrated(f)
            if len(fits) == 1 and not son:
                g.join(kinds[fits[0]][0], f)
    # 2. a lone word: the one person whose longer name has it
    for f, (t, rest) in split.items():
        if t or len(rest) != 1 or len(_members(g, f)) > 1:
            continue
        # a surname two people share ("Quenby" of Rosa Quenby and Tom Quenby) is neither's, whatever its pronouns
        # "Mrs. Tom Vale" is Tom's wife: under a married woman's title only the surname is hers
        hits = {g.find(o) for o, (t2, r2) in split.items() if len(r2) > 1 and (
            r2[-1] == rest[0] or rest[0] in r2 and _fit(g.sex(o), g.sex(f)) and _KIND.get(t2) != "mrs")}
        if len(hits) == 1 and _fit(g.sex(next(iter(hits))), g.sex(f)):
            g.join(next(iter(hits)), f)
    # 3. a title with one word: the one full name with that surname or given name
    full = [f for f, (_t, rest) in split.items() if len(rest) > 1]
    for rest, kinds in by_rest.items():
        if len(rest) != 1:
            continue
        word = rest[0]
        for k, same in kinds.items():
            if not k:
                continue
            sex = g.sex(same[0])
            # "Mrs. Quenby" and "Miss Quenby": which one is "Rosa Quenby" is not known; but "Mr. Quenby"
            # is not "General Quenby", a man his rank names: a plain title passes over the ranks
            rivals = [k2 for k2 in kinds if k2 and k2 != k and g.sex(kinds[k2][0]) == sex
                      and (k not in _KIND.values() or k2 in _KIND.values())]
            if rivals:
                continue
            # "Mr. George Thorne" is written to tell him from another Mr. Thorne, the "Mr. Thorne" of every page;
            # a man the book calls "Mr. Oskar Pim" at least as often as "Mr. Pim" is one man named two ways
            told = {r for f in full if (r := split[f][1])[-1] == word and k in by_rest[r]}
            if told and (len(told) > 1 or sum(uses(f) for f in by_rest[next(iter(told))][k])
                         < sum(uses(f) for f in same)):
                continue
            # "Mrs. Vale kissed her daughter": a mother, and the woman's full name of her surname is the daughter's
            daughter = k in ("mrs", "lady") and any(mother(f) for f in same)
            hits = {g.find(f) for f in full if _fit(g.sex(f), sex) and word in (split[f][1][0], split[f][1][-1])
                    and not (daughter and word == split[f][1][-1])}
            hits = {h for h in hits if not _other_title(g, h, split, k)}     # "Sir Roger Quenby" is no "Mr. Quenby"
            if len(hits) != 1:
                continue
            other = next(iter(hits))
            # named together in a sentence more than once ("Tom ran to Mr. Marsh"): two people; the title form
            # counts, not the bare surname the narration calls the man by in turn with his given name
            if sum(together(a, b) for a in _members(g, other) for b in same) <= 1:
                g.join(other, same[0])
    _given_name_of_the_one_not_called_by_surname(g, split, together)
    _miss_of_her_surname(g, split, titles, by_given, mother, seen, narrated, answers, together)
    _given_name_answered_by_a_title(g, split, answers, together)
    groups: dict[str, list[str]] = defaultdict(list)
    for f in split:
        groups[g.find(f)].append(f)
    fuller = _fuller(groups, split, written or {})
    out: dict[str, set[str]] = {}
    for root, same in groups.items():
        if root in fuller:
            out[fuller[root]] = set(same)
            continue
        name = _call(same, split, uses, by_given)
        out[name] = set(same) - {name}
    return out


def _miss_of_her_surname(g: _Groups, split: dict[str, tuple[str, tuple[str, ...]]], titles: frozenset[str],
                         by_given: Callable[[str], bool], mother: Callable[[str], int], seen: Callable[[str], int],
                         narrated: Callable[[str], int], answers: Callable[[str], Mapping[str, int]],
                         together: Callable[[str, str], int]) -> None:
    """"Miss Vale" alone is the one unmarried woman the book names with that surname: a full name "Anna Vale", or a
    woman known as "Anna" whose full name the text writes, even once. A "Mrs. Vale" stands in the way (mother or
    daughter?) unless the narration calls her a mother ("her daughter"). By the convention that the eldest daughter
    is "Miss Vale" and her sisters "Miss Marta", a woman the narration calls "Miss <her given name>" is not she
    (a servant's "Miss Anna" in a quote is no such sign)."""
    for f, (t, rest) in split.items():
        if _KIND.get(t) != "miss" or len(rest) != 1 or by_given(f) or any(
                len(split[m][1]) > 1 or not split[m][0] and split[m][1] != rest for m in _members(g, f)):
            continue
        if any(r2 == rest and _KIND.get(t2) == "mrs" and not mother(o) for o, (t2, r2) in split.items()):
            continue
        surname = f.split()[-1]
        groups: dict[str, list[str]] = defaultdict(list)
        for o in split:
            groups[g.find(o)].append(o)
        found = [root for root, same in groups.items() if root != g.find(f) and _fit(g.sex(root), g.sex(f))
                 and _her_given_names(same, split, surname, titles, seen)
                 and not any(narrated(f"Miss {n}") or narrated(f"Miss {n} {surname}")
                             for n in _her_given_names(same, split, surname, titles, seen))]
        if len(found) != 1:     # no name tells: the one who answers when "Miss Vale" is called, two times in three
            found = _who_answers(g, f, groups, split, answers, narrated, together)
        if len(found) == 1:
            g.join(found[0], f)


def _given_name_answered_by_a_title(g: _Groups, split: dict[str, tuple[str, tuple[str, ...]]],
                                    answers: Callable[[str], Mapping[str, int]],
                                    together: Callable[[str, str], int]) -> None:
    """A given name the quotes call ("Well, Marta?") is the person the narration names by a title ("Mrs. Vale",
    "Lord Tomas") and no given name of its own when that person answers it (``_answerer``): the narration's name
    and the family's."""
    groups: dict[str, list[str]] = defaultdict(list)
    for o in split:
        groups[g.find(o)].append(o)
    for f, (t, rest) in split.items():
        if t or len(rest) != 1:
            continue
        root = _answerer(g, f, groups, split, answers, together)
        if root is None:
            continue
        same = groups[root]
        surnames = {split[m][1][-1] for m in same if split[m][0]}
        if surnames and all(split[m][0] or split[m][1][-1] in surnames for m in same):
            g.join(root, f)


def _who_answers(g: _Groups, f: str, groups: Mapping[str, list[str]], split: dict[str, tuple[str, tuple[str, ...]]],
                 answers: Callable[[str], Mapping[str, int]], narrated: Callable[[str], int],
                 together: Callable[[str, str], int]) -> list[str]:
    """The unmarried woman who answers when the quotes call ``f`` ("Miss Vale", ``_answerer``); none where she is
    called "Miss <her given name>" by the narration (a younger sister)."""
    surname = f.split()[-1]
    root = _answerer(g, f, groups, split, answers, together)
    if root is None or not _fit(g.sex(root), g.sex(f)):
        return []
    same = groups[root]
    if any(_KIND.get(t) == "mrs" or t == "lady" or len(ws) > 1 and ws[-1] != split[f][1][-1]
           for t, ws in (split[m] for m in same)):
        return []
    if any(narrated(f"Miss {m}") or narrated(f"Miss {m} {surname}") for m in same if not split[m][0]):
        return []
    return [root]


def _answerer(g: _Groups, f: str, groups: Mapping[str, list[str]], split: Mapping[str, tuple[str, tuple[str, ...]]],
              answers: Callable[[str], Mapping[str, int]], together: Callable[[str, str], int]) -> str | None:
    """The person who answers when the quotes call ``f``, at least twice and two times in three; none where the
    narration names the two together in a sentence more often than the one answers ("Anna and Miss Vale": two
    people; a narrator who varies the name of one person does so now and then)."""
    votes: Counter[str] = Counter()
    for m, n in answers(f).items():
        if m in split and g.find(m) != g.find(f):
            votes[g.find(m)] += n
    if sum(votes.values()) < 2:
        return None
    root, n = votes.most_common(1)[0]
    if n < 2 or 3 * n < 2 * sum(votes.values()) \
            or sum(together(a, b) for a in groups[root] for b in _members(g, f)) > n:
        return None
    return root


def _her_given_names(same: list[str], split: Mapping[str, tuple[str, tuple[str, ...]]], surname: str,
                     titles: frozenset[str], seen: Callable[[str], int]) -> list[str]:
    """The given names of an unmarried woman of ``surname`` that one person's forms ``same`` write: of
    her full name ("Anna Vale", "Miss Anna Vale"), or alone where the text writes it with the surname ("Anna");
    none where a form is a married woman's title or a full name of another surname."""
    rest = tuple(_words(surname))
    if any(_KIND.get(t) == "mrs" or t == "lady" or len(ws) > 1 and ws[-1:] != rest
           for t, ws in (split[m] for m in same)):
        return []

    def given(m: str) -> bool:
        t, ws = split[m]
        full = (not t or _KIND.get(t) == "miss") and len(ws) == 2 and ws[1:] == rest     # "Anna Vale", "Miss Anna Vale"
        return full or not t and len(ws) == 1 and ws[0] not in titles and seen(f"{m} {surname}") > 0   # "Anna"
    return [m.split()[-2] if len(split[m][1]) > 1 else m for m in same if given(m)]


def _given_name_of_the_one_not_called_by_surname(g: _Groups, split: dict[str, tuple[str, tuple[str, ...]]],
                                                 together: Callable[[str, str], int]) -> None:
    """A given name two full names share ("Nicholas" of Nicholas Vale and Nicholas Pim) is not the one's the narration
    names with it in a sentence more than once ("Nicholas and Nicholas Pim": two people), else the one's whom the
    book never calls by his surname alone ("Vale", "Mr. Vale" is the other: what he is called by)."""
    for f, (t, rest) in split.items():
        if t or len(rest) != 1 or len(_members(g, f)) > 1:
            continue
        hits = {g.find(o) for o, (t2, r2) in split.items()
                if not t2 and len(r2) > 1 and r2[0] == rest[0] and _fit(g.sex(o), g.sex(f))}
        if len(hits) < 2:
            continue
        apart = {h for h in hits if sum(together(f, m) for m in _members(g, h)) <= 1}
        if len(apart) == 1:
            g.join(next(iter(apart)), f)
            continue
        plain = [h for h in hits if not any(split[m][1] == (split[o][1][-1],) for m in _members(g, h)
                                             for o in _members(g, h) if len(split[o][1]) > 1)]
        if len(plain) == 1:
            g.join(plain[0], f)


def _fuller(groups: Mapping[str, list[str]], split: Mapping[str, tuple[str, tuple[str, ...]]],
            written: Mapping[str, int]) -> dict[str, str]:
    """A full name for people known by one name ("Mike"), from the names of two words the text writes
    twice or more ("Mike Hale" in the quotes): its first word is that one name, and no one else
    has either of its words."""
    owner: dict[str, set[str]] = defaultdict(set)       # a word -> the groups whose names have it
    for root, same in groups.items():
        for f in same:
            for w in split[f][1]:
                owner[w].add(root)
    out: dict[str, str] = {}
    taken: set[str] = set()
    for full, n in sorted(written.items(), key=lambda x: -x[1]):
        ws = _words(full)
        if n < 2 or len(ws) != 2 or full in split or owner[ws[1]] or len(owner[ws[0]]) != 1:
            continue
        root = next(iter(owner[ws[0]]))
        if any(len(split[f][1]) > 1 for f in groups[root]) or root in out or ws[1] in taken \
                or (ws[0],) not in {split[f][1] for f in groups[root] if not split[f][0]}:
            continue
        out[root] = full
        taken.add(ws[1])
    return out


def spoken_titles(forms: Iterable[str], titles: frozenset[str], known_first: Callable[[str], bool]) -> frozenset[str]:
    """Words used as titles the way a character speaks ("Mistah Hale", "Mistah Quenby"): before two
    surnames, never alone, no known given name."""
    split = [_words(f) for f in forms]
    alone = {ws[0] for ws in split if len(ws) == 1}
    after: dict[str, set[str]] = defaultdict(set)
    for ws in split:
        if len(ws) == 2 and ws[0] not in titles:
            after[ws[0]].add(ws[1])
    return frozenset(w for w, rest in after.items() if len(rest) >= 2 and w not in alone and not known_first(w))


def given_after_title(forms: Iterable[str], titles: frozenset[str], known_first: Callable[[str], bool],
                      narrated: Callable[[str], int]) -> Callable[[str], bool]:
    """Is a title with one word a title with a given name ("Miss Lucy", "Mr. Robert": what servants say,
    seldom the narration, which writes "Mr. Hale", "Miss Pruett" with the surname)? The word begins
    a full name ("Robert Quenby"), or is a known given name that ends none ("Quenby" of it)."""
    split = [_words(f) for f in forms]
    firsts = {ws[0] for ws in split if len(ws) > 1 and ws[0] not in titles}
    lasts = {ws[-1] for ws in split if len(ws) > 1 and ws[-2] not in titles}

    def given(form: str) -> bool:
        w = _words(form)[-1]
        return narrated(form) <= 1 and (w in firsts or w not in lasts and known_first(w))
    return given


def _members(g: _Groups, f: str) -> list[str]:
    root = g.find(f)
    return [o for o in g.up if g.find(o) == root]


def _other_title(g: _Groups, f: str, split: dict[str, tuple[str, tuple[str, ...]]], kind: str) -> bool:
    """Does the group of ``f`` write its full name under a title of another kind than ``kind``?"""
    return any(split[m][0] and len(split[m][1]) > 1 and _KIND.get(split[m][0], split[m][0]) != kind
               for m in _members(g, f))


def _fit(a: set[str], b: set[str]) -> bool:
    """Two groups' sexes agree (or one is not known)."""
    return not a or not b or a == b


def _call(same: list[str], split: dict[str, tuple[str, tuple[str, ...]]], uses: Callable[[str], int],
          by_given: Callable[[str], bool]) -> str:
    """What to call a person: the full name written twice or more, else a title with the surname
    ("Mr. Hale"), else the form used most; a title with a given name ("Miss Lucy") only when there is
    nothing else."""
    counts = Counter({f: uses(f) for f in same})
    full = [f for f in same if len(split[f][1]) > 1 and counts[f] >= 2]

    def given(f: str) -> bool:      # "Miss Lucy", "Mr. Robert" (not "Sir Roger": that is his title)
        t, rest = split[f]
        return t in _KIND and len(rest) == 1 and by_given(f)

    titled = [f for f in same if split[f][0] and len(split[f][1]) == 1 and not given(f)]
    # "Miss Vale" passes to the next sister when the eldest marries: a woman the book also calls "Anna" is Anna
    own = [f for f in same if not split[f][0] and len(split[f][1]) == 1
           and all(split[f][1] != split[o][1] for o in titled)]
    if own and any(_KIND.get(split[f][0]) == "miss" for f in titled):
        titled = [f for f in titled if _KIND.get(split[f][0]) != "miss"]
        plain = own
    else:
        plain = [f for f in same if not given(f)]
    return max(full or titled or plain or same, key=lambda f: (counts[f], -len(f.split()), f))
