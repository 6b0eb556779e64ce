"""Who a mention stands for: names as the cast resolves them, he/she by gender and recency, and
descriptions ("the girl", "his wife") by the people just named, by kin or, without a cast list, by
the description a he/she last brought in ("her visitor") when discovery has nobody for it.

Reading a paragraph's narration with ``remember`` adds its mentions to the state's history, which
later pronouns are resolved against.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from weakref import WeakKeyDictionary

from audiobook.text.attribution.grammar import POSSESSIVE_S, SENTENCE_RE, is_description, possessive, speaker_name
from audiobook.text.attribution.state import FIRST, Ref, Seen, State
from audiobook.text.attribution.tags import described, taught
from audiobook.text.cast import Cast, Mention
from audiobook.text.descriptions import (
    GENERIC_NOUNS,
    PERSON_NOUNS,
    description,
    noun_gender,
    person_noun,
    someone_of_the_scene,
)
from audiobook.text.names import norm, without_article
from audiobook.text.speech_verbs import SPEECH_VERBS
from audiobook.text.tokens import TOKEN_RE


def note_tagged(st: State, who: str) -> None:
    """A tag names who is talking, as "said Rosa" would: the he or she of its tag clause and of the lines
    after it stands for the tagged speaker, not for someone the passes guessed. Kind "tag": it names the speaker
    of the quote before, not someone in the narration that follows (``answerer``)."""
    st.history.append(Ref(who, "tag", st.sentence, True))
    st.seen[who] = Seen(st.cast.gender(who), st.sentence)


def note_speaker(st: State, who: str, mentioned: set[str | None]) -> None:
    """“...,” said the young man. / “...,” he asked.: the one a speech tag named by a description (nobody of
    the paragraph's ``mentioned``, the people its narration names) is the latest of their sex for the he or
    she after it, as a name in the tag would be."""
    gender = st.cast.gender(who)
    if who == FIRST or who in mentioned or gender not in ("male", "female"):
        return
    note_tagged(st, who)


def resolve(st: State, mentions: list[Mention], text: str, remember: bool = False) -> list[Mention]:
    """The mentions of ``text`` with each he/she/I given its person; ``remember``: the text is read (its
    mentions join the chapter's history and the sentence count moves on), not only looked at."""
    out: list[Mention] = []
    kins: list[Mention] = []    # the relatives read ("Her father"), for the him or her after their verb
    hist = st.history[-80:]
    cuts = [m.end() for m in SENTENCE_RE.finditer(text)]
    for m in _with_kin(_with_titled(st, _with_roles(st.cast, mentions, text), text, hist), text):
        person = m.person
        n = bisect_right(cuts, m.start)
        lead = text[cuts[n - 1] if n else 0:m.start]     # the sentence up to the mention
        nominative = m.kind == "pronoun" and m.word.lower() in ("he", "she")    # "..., that she began"
        if m.kind == "kin":     # "Her father came in.": the man of her family, when the cast has one
            # with a list, "said her mother" is the tag's to resolve (by the one the quote calls); without one,
            # the tag takes the latest of that sex, which this relative now is
            person = _kin_of(st, out, m) if not _NOT_THE_ONE_RE.match(text, m.end) \
                and not (st.cast.from_book and _said_before(text, m.start)) else None
            if person is None:
                continue
        elif m.kind == "pronoun":
            person = antecedent(st, m.gender, hist, nominative=nominative,
                                skip=_in_participle(lead, out, m) if nominative
                                else _object_of(text, out + kins, m))
        elif m.kind == "first":
            person = FIRST
        elif st.taught:     # "The innkeeper came in.": the one a tag of this chapter said the innkeeper is
            person = taught(st, person, described(m.word)) or person
        if person is not None:
            kind = ("possessive" if not _OWNS_A_PERSON_RE.match(text, m.end) else "possessive person") \
                if possessive(text, m) else "alias" if m.kind == "kin" else m.kind
            # "Stephen's eyes"; "Stephen's sister", "of Stephen's,"; a relative ("Her father") as a name
            ap = _HER_APPOSITION_RE.match(text, m.end) if m.kind == "name" else None    # "Millie, her maid,"
            owner = None if m.kind == "kin" else ap or _OWNER_BEFORE_RE.search(text, max(0, m.start - 5), m.start) \
                or _OWNER_NOUN_BEFORE_RE.search(text, max(0, m.start - 20), m.start)
            kind = (_OWNED[owner.group(1).lower() + " "] if owner and m.kind == "name" else None) \
                or kind    # "not her Ayah": not the woman "she" stands for (not "Either Ayah", "this Tomas")
            subject = len(TOKEN_RE.findall(lead)) <= 1 or nominative \
                or kind in ("name", "alias") and (_opens_its_clause(text, lead, out, m) or _acts_on(text, lead, m))
            if m.kind == "kin":
                if not subject:     # "sat by her mother": the he/she after it is seldom the relative
                    continue
                kins.append(Mention(person, m.start, m.end, "alias", m.word, m.gender))
            aside = not subject and kind in ("name", "alias") and len(TOKEN_RE.findall(lead)) > 1 \
                and _ASIDE_CLAUSE_RE.search(lead) is not None
            bound = not subject and kind in ("name", "alias") and _bound(lead, out, m.start, st.cast.gender(person))
            hist.append(Ref(person, "kin" if m.kind == "kin" else kind, st.sentence + n, subject, m.word, aside, bound))
        if m.kind != "kin":
            out.append(Mention(person, m.start, m.end, m.kind, m.word, m.gender))
    if remember:
        for ref in hist[len(st.history[-80:]):]:
            if ref.person != FIRST:
                st.seen[ref.person] = Seen(st.cast.gender(ref.person), ref.sentence)
        st.history = hist
        st.sentence += len(cuts) + 1
    return out


def _bound(lead: str, done: list[Mention], at: int, gender: str) -> bool:
    """"He laughed at the joke told to Will", "Her hand went to the sleeve of Cleo": a name after a preposition,
    in the clause of a he (she) of its own sex or after a his (her) of its sentence, is someone that pronoun is
    not, so not the he or she after it (a he/she not past a comma or relative pronoun: "he left, glad to see Will",
    "he met men who knew Will")."""
    if not _PREPOSITION_END_RE.search(lead):
        return False
    base = at - len(lead)
    return any(x.kind == "pronoun" and x.gender == gender and base <= x.start < at
               and (x.word.lower() in ("his", "her") or x.word.lower() in ("he", "she")
                    and not _CLAUSE_BREAK_RE.search(lead, x.end - base)) for x in done)


def _with_kin(mentions: list[Mention], text: str) -> list[Mention]:
    """``mentions`` and each "her father", "his sister" (kind "kin"), read right after its "her" or "his", so
    that the relative, once ``_kin_of`` finds who it is, is the latest of their sex for a he/she."""
    extra = [Mention(None, m.start(), m.end(), "kin", m.group(0), noun_gender(m.group(1)) or "unknown")
             for m in _KIN_RE.finditer(text)]
    return sorted(mentions + extra, key=lambda x: x.start) if extra else mentions


def _said_before(text: str, at: int) -> bool:
    """Is the word just before ``at`` a speech verb ("said her mother")?"""
    words = TOKEN_RE.findall(text[max(0, at - 20):at])
    return bool(words) and words[-1].lower() in SPEECH_VERBS


def _kin_of(st: State, done: list[Mention], m: Mention) -> str | None:
    """The relative "her father" stands for: the one cast member of that sex and of the family of the one the
    "her" just before was resolved to (``family_of``), else None."""
    owner = done[-1] if done and done[-1].kind == "pronoun" and done[-1].start == m.start else None
    if owner is None or owner.person is None or m.gender not in ("male", "female"):
        return None
    noun = m.word.split()[-1].lower()
    who = family_of(st, owner.person, m.gender, noun)
    return who if who != owner.person and who not in not_kin(st, owner.person, noun) else None


def _in_participle(lead: str, done: list[Mention], m: Mention) -> set[str]:
    """"Turning to Will, he said", "With a nod at Rosa and Will, he sat down": the he/she after a sentence's
    opening participle or with-phrase is the one who turns or nods, never someone named inside that phrase
    (``lead``: the sentence up to the he/she)."""
    if not _PARTICIPLE_LEAD_RE.match(lead) or _FINITE_AFTER_NAME_RE.search(lead):
        return set()
    lo = m.start - len(lead)
    return {x.person for x in done if lo <= x.start < m.start and x.person and x.kind in ("name", "alias")}


def _object_of(text: str, done: list[Mention], m: Mention) -> set[str]:
    """"The arrival of Will annoyed him.", "Tomas watched her.": the him or her right after the verb that follows
    a name is someone else (that one would be "himself"); not "with him", "told Will to wait for him"."""
    if not _OBJECT_RE.match(text, m.start):
        return set()
    return {x.person for x in done if x.person and x.kind in ("name", "alias")
            and _VERB_THEN_RE.fullmatch(text, x.end, m.start)}


def _acts_on(text: str, lead: str, m: Mention) -> bool:
    """"While Will rested Tomas led him to the well.": a name whose verb takes a him or her (someone else, as
    ``_object_of`` says) is its sentence's subject; not one after "of" or "as" ("The arrival of Will annoyed him")."""
    v = _VERB_THEN_RE.match(text, m.end)
    return v is not None and _OBJECT_RE.match(text, v.end()) is not None and not _AFTER_PREPOSITION_RE.search(lead)


# a name, then a verb (an adverb or an auxiliary with it), then the him/her: nothing else between
_VERB_THEN_RE = re.compile(r"\s+(?:(?:had|has|was|did|could|would|[a-z]+ly)\s+)?"
                           r"(?:[a-z]+ed|saw|told|took|left|gave|met|heard|found|kept|caught|struck|led|sent|brought"
                           r"|held|let)\s+")
# a him, or a her that owns nothing ("watched her go" and "took her hat" are left alone)
_OBJECT_RE = re.compile(r"(?:him|her)\b(?=\s*(?:[.,;:!?]|(?:and|but|as|with|for|in|to|from)\b|$))")
_PHRASE_BREAK_RE = re.compile(r"[;:()“”\"]")   # an opening phrase of time or place holds none of these
# "the arrival of Will", "as Will had called her": inside a phrase or a clause of its own, not the sentence's subject
_AFTER_PREPOSITION_RE = re.compile(r"\b(?:of|to|at|with|from|by|for|as|when|while|that|if|because|though|although"
                                   r"|since|until|till|before|after|unless)\s+$", re.IGNORECASE)


def _opens_its_clause(text: str, lead: str, done: list[Mention], m: Mention) -> bool:
    """"After a while Tomas looked at Will.", "At last Rosa rose", "When Will came in, Tomas rose": a name with a
    verb of its own after an opening phrase of time or place (no verb, no one named in it) or after an opening
    clause and its comma, or after ", and" / ", but" (a clause of its own), is the subject of its clause, as a name
    that opens the sentence is (not "Will and Tomas", "Will's friend Tomas"; a name inside the opening clause is
    that clause's subject only)."""
    words = TOKEN_RE.findall(lead)
    if not words or not _VERB_AFTER_NAME_RE.match(text, m.end):
        return False
    if _JOINED_CLAUSE_RE.search(lead):
        return True
    if _CLAUSE_LEAD_RE.match(lead):
        return len(words) <= 20
    if len(words) > 10 or any(m.start - len(lead) <= x.start < m.start for x in done):
        return False
    k = 0
    while k < len(words) - 1 and words[k].lower() in _OPENERS:
        k += 1
    first, rest = words[k].lower(), words[k + 1:]
    return (first in _PLACE_TIME or (first in _OPENERS or first.endswith("ly")) and not rest) \
        and all(w.islower() and w not in _NOT_IN_PHRASE and not w.endswith("ed") for w in rest) \
        and not _PHRASE_BREAK_RE.search(lead)


def _with_roles(cast: Cast, mentions: list[Mention], text: str) -> list[Mention]:
    """``mentions`` and the roles a cast list writes as descriptions ("The Clerk", "A Porter") where the narration
    names them small after an article ("The clerk looked up."): the list's name forms want a capital, so the he
    or she after "the clerk" went to whoever was named before. Not nouns for whoever the scene holds ("The
    Child", "An Old Man": ``someone_of_the_scene``), nor a role two entries share."""
    found = _roles(cast)
    if found is None:
        return mentions
    pattern, people = found
    extra = [Mention(people[m.group(1).lower()], m.start(), m.end(), "alias", m.group(0),
                     cast.gender(people[m.group(1).lower()]))
             for m in pattern.finditer(text) if not any(x.start < m.end() and m.start() < x.end for x in mentions)]
    return sorted(mentions + extra, key=lambda x: x.start) if extra else mentions


def one_of_the_titled(st: State, role: str, named: Sequence[str | None]) -> str | None:
    """"the duchess" when several entries bear that title ("Duchess of Lind", "Duchess of Brandt"): the one
    of them last in ``named`` (the people named so far, in order; else the one seen last), not whichever
    woman was named last."""
    owners = st.cast.titled.get(role, ())
    last = next((p for p in reversed(named) if p in owners), None)
    seen = [p for p in owners if p in st.seen]
    return last or (max(seen, key=lambda p: st.seen[p].sentence) if seen else None)


def _with_titled(st: State, mentions: list[Mention], text: str, hist: list[Ref]) -> list[Mention]:
    """``mentions`` and "the duchess" where several entries bear the title (the list's role lookup drops
    it): ``one_of_the_titled``, so "The duchess laughed." is her beat and the "she" after it hers."""
    if not st.cast.titled:
        return mentions
    if st.cast not in _TITLED:
        body = "|".join(sorted(st.cast.titled))
        _TITLED[st.cast] = re.compile(rf"\bthe\s+({body})\b", re.IGNORECASE)
    extra = []
    for m in _TITLED[st.cast].finditer(text):
        who = None if any(x.start < m.end() and m.start() < x.end for x in mentions) \
            else one_of_the_titled(st, m.group(1).lower(), [r.person for r in hist]
                                   + [x.person for x in mentions if x.end <= m.start()])
        if who:
            extra.append(Mention(who, m.start(), m.end(), "alias", m.group(0), st.cast.gender(who)))
    return sorted(mentions + extra, key=lambda x: x.start) if extra else mentions


def _roles(cast: Cast) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The pattern of a cast list's roles written as descriptions, and whom each stands for (once per cast)."""
    if cast not in _ROLES:
        owners: dict[str, set[str]] = {}
        for p in cast.people.values() if cast.from_book else ():
            for f in (p.name, *p.aliases):
                words = " ".join(without_article(f).split()).lower()
                if words and without_article(f) != f and not _of_the_scene(f):
                    owners.setdefault(words, set()).add(p.name)
        people = {w: next(iter(o)) for w, o in owners.items() if len(o) == 1}
        body = "|".join(re.escape(w) for w in sorted(people, key=len, reverse=True))
        _ROLES[cast] = (re.compile(rf"\b(?:the|an?)\s+({body})\b", re.IGNORECASE), people) if people else None
    return _ROLES[cast]


def _of_the_scene(entry: str) -> bool:
    """"The Child", "An Old Man": a person noun that stands for whoever the scene holds (not "The Clerk", whose
    noun the word lists lack: a role)."""
    return someone_of_the_scene(entry) and person_noun(entry.split()[-1].lower())


_TITLED: WeakKeyDictionary[Cast, re.Pattern[str]] = WeakKeyDictionary()
_ROLES: WeakKeyDictionary[Cast, tuple[re.Pattern[str], dict[str, str]] | None] = WeakKeyDictionary()
# "Rosa's sister", "Rosa's old friend", "of Rosa's,": the owner of a person, or of nothing named
_OWNS_A_PERSON_RE = re.compile(
    rf"{POSSESSIVE_S}(?:\s*[^\w\s]|\s+(?:[a-z-]+\s+)?(?:{'|'.join(sorted(PERSON_NOUNS))})\b)")


def antecedent(st: State, gender: str, hist: list[Ref], skip: frozenset[str] | set[str] = frozenset(),
               nominative: bool = False) -> str | None:
    """The person a he/she refers to: the latest of that gender, or the subject of that sentence; for a
    ``nominative`` he/she, the owner of a thing in the sentence just read, when it opens that sentence or the
    sentence names no one else of that sex ("Anna's lips trembled. She said"; "The wind took Anna's hat.")."""
    fallback = possessor = aside = None
    bound: set[str] = set()
    owned = _OWNED["her " if gender == "female" else "his "]
    for k in range(len(hist) - 1, -1, -1):
        ref = hist[k]
        if ref.person == FIRST or ref.person in skip or ref.kind == owned or ref.person in bound:
            continue
        g = st.cast.gender(ref.person)
        if ref.kind.startswith("possessive"):       # "he" is seldom the owner in "Stephen's eyes"
            if nominative and g == gender and ref.kind == "possessive" and len(hist) - k < 4 \
                    and all(e.sentence == ref.sentence for e in hist[k:]) \
                    and (ref.subject or not any(_same_sentence(e, ref) and not e.kind.startswith("possessive")
                                                and st.cast.gender(e.person) == gender for e in hist[max(0, k - 8):k])):
                return ref.person   # ... unless the sentence just read opens with them or names no one else of that sex
            if g == gender and possessor is None and len(hist) - k < 6:
                possessor = ref.person
            continue
        if g == gender:
            if nominative and ref.aside and aside is None:     # "..., because Will was late.": not the he after it
                aside = ref.person
                continue
            if nominative and ref.bound:    # "He waved to Will.": not Will, nor the he that (wrongly) stood for Will
                bound.add(ref.person)
                aside = aside or ref.person
                continue
            if not ref.subject:
                for e in reversed(hist[max(0, k - 6):k]):     # the nearest: the main clause's, after an opening one's
                    if _same_sentence(e, ref) and e.subject and e.person not in skip and e.person != FIRST \
                            and st.cast.gender(e.person) == gender:
                        return e.person
            return ref.person
        if g == "unknown" and fallback is None and len(hist) - k < 6:
            fallback = ref.person
    fallback = fallback or possessor or aside
    if fallback is None:    # nobody of that gender in this chapter yet: the last one seen before
        seen = [p for p, q in st.seen.items() if q.gender == gender and p not in skip]
        if seen:
            return max(seen, key=lambda p: st.seen[p].sentence)
        alone = [p.name for p in st.cast.people.values() if p.gender == gender and p.name not in skip]
        if len(alone) == 1:
            return alone[0]
    return fallback


def _same_sentence(e: Ref, ref: Ref) -> bool:
    """``e`` was read in the sentence of ``ref``, the narration's own: not the speaker a tag noted at the
    paragraph's end (``note_tagged``), whose count is the next paragraph's first sentence; "“...,” said Will. /
    Tomas shook his head": the "his" is Tomas's, not Will's."""
    return e.sentence == ref.sentence and e.kind != "tag"


def answerer(st: State, gender: str, who: str | None, excluded: frozenset[str] | set[str]) -> str | None:
    """“Well, Tomas, you are late,” said Will. / “I missed the train,” he said.: the he or she of a reply is
    the one the paragraph just before spoke to, not whoever was named last (None: no such reply). Not when
    that paragraph went on after its tag (“..., said Will; and he left the room.”), when this paragraph
    names someone of that sex, or when the one spoken to is named only in quotes of a story told in the
    first person (often the narrator).
    With a cast list only: without one it wins quotes too, but more on no cast than on the starter cast,
    whose novels must each stay within a point of it."""
    last = st.items[-1] if st.items and st.cast.from_book else None
    to = last.listener if last is not None and last.gpar == st.gpar - 1 else None
    if to is None or to == who or to in excluded or st.cast.gender(to) != gender \
            or to not in st.named_in_narration and not st.third_person or SENTENCE_RE.search(st.tail.strip()):
        return None
    for ref in reversed(st.history):
        if ref.sentence < st.par_sentence:
            break
        if ref.kind in ("name", "alias") and st.cast.gender(ref.person) == gender:
            return None
    return to


def by_noun(st: State, desc: str, skip: frozenset[str] | set[str] = frozenset()) -> str | None:
    """With a cast list, the person a gendered description stands for ("his wife", "a gentleman"), not one
    of ``skip``."""
    gender = noun_gender(desc)
    if gender is None:
        return None
    owner = desc.split()[0].lower()
    skip = set(skip)
    if owner in ("a", "an", "another"):     # "asked a gentleman": someone not met lately
        lately = {r.person for r in st.history}
        new = [p.name for p in st.cast.people.values() if p.gender == gender and p.name not in lately]
        return new[0] if len(new) == 1 else None
    if owner in ("his", "her"):     # "her mother" is not the woman "her" stands for
        who = antecedent(st, "male" if owner == "his" else "female", owners(st))
        noun = desc.split()[-1].lower()
        skip |= {who} | not_kin(st, who, noun) if who else set()
        kin = family_of(st, who, gender, noun) if who and (noun in NEAR_KIN or noun == "lady") else None
        # not for "her uncle", "her hostess": one of her surname is more often her father or mother
        if kin:                     # "his wife" of Mr. Quenby: Mrs. Quenby
            return kin
    return antecedent(st, gender, st.history, skip=skip)


def just_named(st: State, desc: str, itself: str | None = None) -> str | None:
    """"... beckoned by Greta. / 'So glad,' said the girl": without a cast list, a definite description
    with a gendered noun (not a bare "the man", "the woman": mostly someone new) is the last person of that
    gender, when they were named in the last five sentences; "her mother" is not the woman "her" stands
    for. ``itself``: the description's own entry, if it is a discovered character."""
    gender = noun_gender(desc)
    det = desc.split()[0].lower()
    bare = len(desc.split()) < 3       # "the woman" is mostly someone new, "the worthy woman" seldom
    if gender is None or det not in ("the", "his", "her") or (bare and desc.split()[-1].lower() in GENERIC_NOUNS):
        return None
    skip = {itself} if itself else set()
    last = st.items[-1].found.get(st.items[-1].quote_ids[-1]) if st.items else None
    if last is None and st.items and (before := st.items[-1].previous) and before.confidence > 0.5:
        last = before       # ... nor the one a named subject gave the line before ("Mark nodded.")
    if last is not None:        # "How much?" asked the gentleman: not the one he answers
        skip.add(last.speaker)
    if det != "the":        # "her mother" is not the woman "her" stands for
        owner = antecedent(st, "male" if det == "his" else "female", owners(st))
        skip.add(owner or "")
    who = antecedent(st, gender, st.history, skip=skip)
    seen = st.seen.get(who or "")
    if who is None or is_description(who) or seen is None or st.sentence - seen.sentence > 5:
        return None
    return who


def kin(st: State, desc: str) -> str | None:
    """Without a cast list only a relative with the owner's surname is named: "his wife" of Mr. Quenby."""
    owner, gender = desc.split()[0].lower(), noun_gender(desc)
    if owner not in ("his", "her") or gender is None:
        return None
    who = antecedent(st, "male" if owner == "his" else "female", owners(st))
    return family_of(st, who, gender, desc.split()[-1].lower()) if who else None


def owners(st: State) -> list[Ref]:
    """The history a tag's "his" or "her" is looked up in ("said his brother"): without the relatives the
    narration named by kin (``_kin_of``), who are seldom the owner of the next kin noun."""
    return [r for r in st.history if r.kind != "kin"]


def family_of(st: State, owner: str, gender: str, noun: str) -> str | None:
    """The one cast member of ``gender`` who shares a surname with any of ``owner``'s name forms
    ("Lena", also "Miss Brandt"); of several, "her mother" is the one a married title names."""
    own = family_names(st, owner)
    same = [p for p in st.cast.people.values() if p.name != owner and p.gender == gender
            and family_names(st, p.name) & own]
    # "Mrs. Tomas Brandt" is Tomas Brandt's wife: his wife, and no other kin of his
    spouse = [p for p in same if _spouse_of(st.cast, p.name, owner)]
    if spouse:
        same = spouse if noun == "wife" else [p for p in same if p not in spouse]
    titles = ELDER_TITLES.get(noun, ())
    if len(same) > 1 and titles:
        same = [p for p in same if titled(st.cast, p.name, titles)]
    return same[0].name if len(same) == 1 else None


def _spouse_of(cast: Cast, name: str, owner: str) -> bool:
    """Is a name form of ``name`` "Mrs." before a full name of ``owner`` ("Mrs. Tomas Brandt" of "Tomas Brandt")?"""
    full = {" ".join(ws) for f in name_forms(cast, owner) if len(ws := norm(f).split()) > 1
            and ws[0] not in ELDER_TITLES["husband"]}
    return any(len(ws := norm(f).split()) > 2 and ws[0] == "mrs" and " ".join(ws[1:]) in full
               for f in name_forms(cast, name))


def not_kin(st: State, owner: str, noun: str) -> set[str]:
    """Those of the owner's surname whose titles say they are not "her <noun>": for "her mother" or "her
    father", one without the elder title (a sister, a son), and for "her mother" any "Miss"; for "her sister" or
    "her daughter", the "Mrs." of her surname (the mother); for "her aunt", "her uncle", "her cousin", the
    "Mrs." or "Mr." of her surname (a parent)."""
    own = family_names(st, owner)
    fam = [p.name for p in st.cast.people.values() if p.name != owner and family_names(st, p.name) & own]
    if noun in ("mother", "father"):
        return {p for p in fam if not titled(st.cast, p, ELDER_TITLES[noun])} \
            | ({p for p in st.cast.people if titled(st.cast, p, ("miss",))} if noun == "mother" else set())
    if noun in ("sister", "daughter"):
        return {p for p in fam if _married_into(st.cast, p, own, ELDER_TITLES["wife"])}
    if noun in _DISTANT_KIN:
        return {p for p in fam if _married_into(st.cast, p, own, ELDER_TITLES["wife"] + ELDER_TITLES["husband"])}
    return set()


def _married_into(cast: Cast, name: str, family: set[str], titles: tuple[str, ...]) -> bool:
    """Has the cast member a name form of an elder title and the family's surname ("Mrs. Brandt" of the
    Brandts: the mother; a married daughter is "Mrs." of another name)?"""
    return any(len(ws := norm(f).split()) > 1 and ws[0] in titles and ws[-1] in family for f in name_forms(cast, name))


def name_forms(cast: Cast, name: str) -> tuple[str, ...]:
    """A cast member's name and aliases (the name alone for someone the cast does not list)."""
    person = cast.people.get(name)
    return (name, *(person.aliases if person else ()))


def surnames(cast: Cast, name: str) -> set[str]:
    """The last words of a cast member's name forms of two words or more ("Anna Brandt", "Miss Brandt")."""
    return {ws[-1] for f in name_forms(cast, name) if len(ws := norm(f).split()) > 1}


def family_names(st: State, name: str) -> set[str]:
    """A cast member's surnames: the list's own, and one the text writes after a name the list gives
    alone ("Anna Brandt" for the entry "Anna": ``State.family``)."""
    return surnames(st.cast, name) | st.family.get(name, set())


def titled(cast: Cast, name: str, titles: tuple[str, ...]) -> bool:
    """Is one of the cast member's name forms headed by one of ``titles`` ("Mrs. Brandt" by "mrs")?"""
    return any((norm(f).split() or [""])[0] in titles for f in name_forms(cast, name))


def newcomer(st: State, gender: str, who: str | None) -> str | None:
    """Without a cast list, the person a "he" stands for when discovery has nobody for it: no man is
    known, or only someone of unknown sex, or a man the narration never names (known only from the
    quotes): the one a description last brought in ("her visitor", "my good friend"), else None."""
    slots = [g for g in (gender, "unknown") if g in st.last_desc]
    if not slots or not (who is None or (st.cast.gender(who) != gender and gender in st.last_desc)
                         or who not in st.named_in_narration):
        return None
    return speaker_name(st.last_desc[max(slots, key=lambda g: st.desc_order[g])])


def note_descriptions(st: State, text: str) -> None:
    """Remember the last person each gender's description brought in ("her visitor", "the stranger"),
    for a "he said" when discovery knows no man."""
    for m in _DESC_START_RE.finditer(text):
        if _COPULA_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
            continue        # "Our master was a good, kind man": no one new
        d = description(text[m.start()].lower() + text[m.start() + 1:m.start() + 60])    # "The stranger"
        noun = d.split()[-1].lower() if d else ""
        if d and noun in PERSON_NOUNS and noun not in _NOT_ONE and st.cast.describe(d) is None:
            st.last_desc[noun_gender(d) or "unknown"] = d
            st.desc_order[noun_gender(d) or "unknown"] = st.desc_count
            st.desc_count += 1


# the titles a parent is called by: "her mother" of Lena Brandt is Mrs. Brandt, not her sister Mira
ELDER_TITLES = {"mother": ("mrs", "lady", "mother", "madame"), "father": ("mr", "sir", "lord", "father", "monsieur"),
                 "wife": ("mrs", "lady", "madame"), "husband": ("mr", "sir", "lord", "monsieur")}
NEAR_KIN = frozenset("mother father sister brother son daughter wife husband".split())
_DISTANT_KIN = frozenset("aunt uncle cousin niece nephew".split())
# plural and group nouns: never the "he" or "she" of a tag
_NOT_ONE = frozenset("men women gentlemen ladies boys girls children people parents voices others other one two three "
                     "several crowd group".split())
_HER_APPOSITION_RE = re.compile(r",\s+(her|his)\s+(?:[a-z-]+\s+){0,2}[a-z]+,")
# a sentence that opens with a participle ("Turning to Will,", "Having seen Rosa,") or a with-phrase, up to
# the comma before a he/she; not "Nothing", "Evening", nor one whose name has a verb of its own ("..., Rosa said,")
_PARTICIPLE_LEAD_RE = re.compile(r"\s*(?!(?:Nothing|Something|Anything|Everything|Morning|Evening|Being)\b)"
                                 r"(?:[A-Z][a-z]+ing|With|Without)\b[^;:]*,\s*$")
_FINITE_AFTER_NAME_RE = re.compile(r"\b[A-Z][a-z]+\s+(?:[a-z]+ed|said|was|had|went|came|saw|took|sat|stood|spoke)\b")
# an opening phrase before a name: its opening word, and words that would make it a clause of its own
_PLACE_TIME = frozenset("after at in on for during before within upon toward towards across through under over "
                        "outside inside behind beyond near from by".split())
_OPENERS = frozenset("and but then now so yet still presently soon meanwhile again here there instantly".split())
_NOT_IN_PHRASE = frozenset("was were had has have is are be did do does could would should might must will can "
                           "when while as if that who which whom what where because though although".split())
# an opening clause and its comma before a name: "When Will came in, Tomas ...", "As the clock struck, Rosa ..."
_CLAUSE_LEAD_RE = re.compile(r"\s*(?:(?:And|But|Then|So)\s+)?(?:When|While|As|If|Though|Although|Because|Since|Before"
                             r"|After|Until|Till|Once|Whenever)\b[^;:()“”\"]*,\s*$")
# a clause joined to the one before by a conjunction after a comma: "The door opened, and Rosa came in."
_JOINED_CLAUSE_RE = re.compile(r",\s+(?:and|but)\s+$")
# a verb right after the name: "Tomas stopped", "Rosa slowly rose" (not "Tomas's", "Tomas and Will")
_VERB_AFTER_NAME_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|said|was|had|went|came|saw|took|sat|stood|spoke|rose"
                                 r"|ran|got|made|gave|found|felt|knew|thought|began|put|held|drew|threw|shook|left"
                                 r"|kept|brought|set|let|laughed|smiled|turned|looked|nodded)\b")
# a name after a preposition ("to Will"); what ends a he's clause before it (``_bound``)
_PREPOSITION_END_RE = re.compile(r"\b(?:of|to|for|about|with|towards?|from|on|upon|at|by|against|over|into|before"
                                 r"|behind|beside|near)\s+$", re.IGNORECASE)
_CLAUSE_BREAK_RE = re.compile(r"[,;:\u201c\u201d]|\b(?:who|whom|whose|which|that)\b")
# a clause of reason, condition or concession inside a sentence: "..., because Will was late", "... if Greta came"
_ASIDE_CLAUSE_RE = re.compile(r"\b(?:because|since|though|although|if|unless|whether|until|till|whereas)\s+$")
_OWNED = {"her ": "owned female", "his ": "owned male"}     # "her Ayah": a name a he/she has
# "her friend Cleo", "his brother Piet": named as someone the he/she has, as "her Ayah" is
_OWNED_NOUNS = NEAR_KIN | _DISTANT_KIN | {"friend", "maid", "servant", "companion"}
_OWNER_NOUN_BEFORE_RE = re.compile(rf"(?<![A-Za-z])([Hh]er|[Hh]is) (?:{'|'.join(sorted(_OWNED_NOUNS))}) $")
_OWNER_BEFORE_RE = re.compile(r"(?<![A-Za-z])([Hh]er|[Hh]is) $")     # the word "her" right before, not "Either"
# "her father", "His elder sister": a near relative after the he/she who has them (the noun in group 1)
_KIN_RE = re.compile(rf"(?<![A-Za-z])(?:[Hh]er|[Hh]is)\s+(?:(?:elder|younger|eldest|youngest|little|own)\s+)?"
                     rf"({'|'.join(sorted(NEAR_KIN))})\b(?![-'’]|\s+s\b)")
# after a relative, no one of the scene: a modal ("her mother would mind": someone thought of), "had" ("her
# mother had been a beauty": the story before), "and" ("his mother and sisters": several)
_NOT_THE_ONE_RE = re.compile(r"\s+(?:would|could|should|might|must|will|can|may|and|had)\b")
_DESC_START_RE = re.compile(r"\b(?:[Tt]he|[Hh]er|[Hh]is|[Oo]ur|[Mm]y|[Aa]n?) (?=[a-z])")
_COPULA_BEFORE_RE = re.compile(r"\b(?:was|is|be|been|were|are|became|become|seemed|as|like)\s+$")
