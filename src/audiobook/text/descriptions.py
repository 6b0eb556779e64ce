"""How English describes a person in a speech tag: "the old man", "his wife", "Philip's nurse".

``description`` finds such a description, ``noun_gender`` reads its gender from its noun ("her
mother" -> female), ``person_noun`` says whether a word names a person at all ("painter", not "corner").
"""

from __future__ import annotations

import re

MALE_NOUNS = frozenset("""man boy husband father son brother uncle gentleman lad king lord sir master fellow
    grandfather papa dad youth nephew prince gentlemen men boys squire parson priest monk""".split())
FEMALE_NOUNS = frozenset("""woman girl wife mother daughter sister aunt lady maid queen mistress grandmother
    mamma mama mum mom widow niece princess women girls ladies dame matron hostess landlady nun""".split())
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
# person nouns that name anyone: "the man" in a tag is mostly someone new
GENERIC_NOUNS = frozenset("man woman men women person people voice voices stranger other others one".split())
_AGENT_SUFFIXES = ("ist", "ian", "man", "men", "ess", "ant")
_NOT_AGENTS = frozenset("another together however whether shoulder chamber whisper silver remember weather "
                        "thunder counter quarter character interior exterior chapter address dress undress distress "
                        "fortress mattress progress congress restaurant".split())
_DETERMINER = r"(?:the|a|an|another|his|her|their|my|our|your|this|that|one of the|one of his|one of her|" \
              r"some|[A-Z][a-z]+['’]s)"
_DESC_RE = re.compile(rf"(?<![\w'’]){_DETERMINER}\s+((?:[a-z][\w'’-]*,?\s+){{0,4}}[a-z][\w'’-]*)")
_DESC_STOP = frozenset("""with in of to from whose who which that as at on and or but by for into upon
    again then now still half little quietly softly a an the""".split())


def description(text: str, last: bool = False) -> str | None:
    """A description naming a person in a speech tag: "the old man", "a thin, elderly gentleman",
    "Philip's nurse"; the first one (at the start of ``text``) or, with ``last``, the one ending it."""
    if last:
        found = [m for m in _DESC_RE.finditer(text) if not text[m.end():].strip(" ,")]
    else:       # only the first is read: search, not a list of every description in the text
        first = _DESC_RE.search(text)
        found = [first] if first and re.fullmatch(r"\s*(?:(?:in|up|out|forth|back|again|at last|then)\s+)?",
                                                   text[:first.start()]) else []
    if not found:
        return None
    m = found[-1] if last else found[0]
    ws = m.group(1).split()
    head = 0
    for k, w in enumerate(ws):
        bare = w.rstrip(",").lower()
        if bare in _DESC_STOP and k > 0:
            break
        if person_noun(bare) and not _adjective_here(bare, ws[k + 1:k + 2], w):
            head = k + 1
            if w.endswith(","):
                break
    if head == 0:
        return None
    desc = text[m.start():m.start(1)] + " ".join(ws[:head]).rstrip(",")
    return " ".join(desc.split())


# ranks that are also adjectives: "the general opinion", "a private room", "the major part"
_RANK_ADJECTIVES = frozenset("general major private chief native".split())
# what follows a rank that acts ("the general had", "the general sat down"), not a noun it qualifies
_AFTER_SUBJECT = frozenset("""was were is had has did does would could should might must will shall may can
    sat stood rose came went took gave made saw knew thought felt began got put let ran held spoke told kept
    left lay led met sent shook struck threw wore wrote fell drew bade broke
    himself herself too also alone said says""".split())


def _adjective_here(word: str, after: list[str], written: str) -> bool:
    """Is a rank that is also an adjective ("general") qualifying the noun after it ("the general
    opinion"), not naming a person ("the general sat", "the general's horse", "the general, who")?"""
    if word not in _RANK_ADJECTIVES or not after or written.endswith(","):
        return False
    nxt = after[0].rstrip(",").lower()
    return nxt.isalpha() and nxt not in _DESC_STOP and nxt not in _AFTER_SUBJECT \
        and not nxt.endswith(("ed", "ly", "s"))


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
    if noun in FEMALE_NOUNS or noun.endswith(("woman", "women", "ess", "maid")):
        return "female"
    return None


# a head noun naming no one person: "the other", "the two", "the people", "the servants"
_NOT_ONE = frozenset("one other others two three four several both all people crowd group party company couple "
                     "pair folk folks family children persons voices".split())
# "-ness" words that are people (not "the darkness"); "-ress" things are in _NOT_AGENTS ("the address")
_PERSON_NESS = frozenset("governess baroness patroness lioness witness".split())


def one_person(desc: str) -> bool:
    """Does a description name one person ("the old man"), not a group, a number or a pronoun-like
    word ("the two", "the others", "the young men", "the one")?"""
    head = desc.split()[-1].lower() if desc.split() else ""
    if head in _NOT_ONE or head.endswith("men") or head in ("girls", "boys", "ladies", "gentlemen"):
        return False
    return not (head.endswith("s") and not head.endswith("ss") and person_noun(head[:-1]))


# a head noun that says nothing of who speaks: "said the voice", "said the other" is someone of the scene
_ANYONE = frozenset("voice other person one".split())


def anyone(desc: str) -> bool:
    """Does a description say nothing of who it is ("the voice", "the other", "a person")?"""
    ws = desc.split()
    return bool(ws) and ws[-1].lower() in _ANYONE


# head nouns that name no role: any of them is someone of the scene, not a character of its own
_NO_ROLE = _ANYONE | frozenset("others two three people voices figure individual creature child children companion "
                               "friend interlocutor speaker listener".split())


def someone_of_the_scene(desc: str) -> bool:
    """"the girl", "his companion", "the old woman": a description that stands for whichever named person
    the scene holds, line by line, not a character of its own; a role ("the stranger", "the policeman")
    is one."""
    ws = desc.split()
    if not ws:
        return False
    noun = ws[-1].lower()
    return ws[0].lower() not in ("the", "a", "an") or noun in _NO_ROLE or noun in MALE_NOUNS | FEMALE_NOUNS \
        or not person_noun(noun)


def person_noun(word: str) -> bool:
    if word.endswith("ness") and word not in _PERSON_NESS:
        return False
    if word in PERSON_NOUNS:
        return True
    if "-" in word:
        return person_noun(word.rsplit("-", 1)[1])
    if word.endswith("maid"):       # housemaid, parlourmaid, chambermaid: a woman's service, one word
        return True
    if word.endswith(("er", "or")):      # painter, visitor; not lower, corner, dinner
        return len(word) > 6 and word not in _NOT_AGENTS
    return len(word) > 4 and word.endswith(_AGENT_SUFFIXES)
