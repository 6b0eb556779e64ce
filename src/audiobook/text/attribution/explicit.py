"""Explicit speech tags: a speech verb with its subject next to the quote ("said Rosa", "she asked",
"her father said"), a tag before a colon in the paragraph before ("... and said:"), and a quote in
which the speaker introduces themselves ("My name is Hale."). This module reads where a tag's subject
stands; whom a description or a shared name in it stands for ("said the old man") is described.py's.
"""

from __future__ import annotations

import re

from audiobook.text.attribution.described import described, shared_name
from audiobook.text.attribution.grammar import (
    NARRATION_WORD_RE,
    OBJECT_RE,
    PLACE_RE,
    SENTENCE_RE,
    apostrophes,
    heard_speaker,
    heard_unnamed,
    is_description,
    is_object,
    is_subject,
    owns_speech,
    possessive,
    short,
)
from audiobook.text.attribution.mentions import (
    answerer,
    antecedent,
    family_names,
    just_named,
    newcomer,
    resolve,
)
from audiobook.text.attribution.state import (
    BESIDE_TAG,
    COLON,
    EXPLICIT,
    FIRST_PERSON,
    INTRODUCES,
    NAMED_AFTER,
    PRONOUN,
    TAG,
    Attribution,
    State,
)
from audiobook.text.cast import Mention
from audiobook.text.descriptions import noun_gender
from audiobook.text.manuscript import Paragraph, Segment
from audiobook.text.names import norm
from audiobook.text.speech_verbs import PARTICLES, SPEECH_VERBS, THOUGHT_VERBS

# "he answered": the one who answers is not the one who just spoke
REPLY_VERBS = frozenset("answer answers answered reply replies replied rejoin rejoined retort retorted respond "
                        "responded".split())


def explicit(st: State, segs: tuple[Segment, ...], mentions: list[list[Mention]], i: int,
             named: set[str]) -> Attribution | None:
    """The speech tag of quote i: in the narration after it ("said Rosa."), else before it ("Rosa said,").
    ``named``: the people the paragraph's quotes name (less a self-introduction) and those who keep silent."""
    talked_of = _talked_of(st, segs[i].text) & named
    excluded = set(st.cast.addressed(segs[i].text))   # listeners
    echo = _ECHO_RE.fullmatch(segs[i].text) is not None     # “Tomas?”: his name echoed, maybe; “Tomas Brandt,”
    called = set() if echo else excluded                    # said Tomas: his own name given
    if i + 1 < len(segs) and segs[i + 1].kind == "narration":
        text = segs[i + 1].text
        on = set(st.cast.addressed(segs[i + 2].text)) if _goes_on(segs, i) else set()
        a = _tag_clause(st, text, mentions[i + 1], after=True, excluded=excluded | on, spoke=_spoke_before(st, segs, i),
                        called=called, talked_of=talked_of)
        if a is not None and a.speaker in excluded and not (echo and a.rule == EXPLICIT and "?" not in segs[i].text):
            # “Nonsense, Fergus! ...” observed Fergus: not his
            a = None
        if a is not None and i + 2 < len(segs) and segs[i + 2].kind == "dialogue" and (
                _NEXT_TAG_RE.match(text) or _introduces(text) and i > 0 and segs[i - 1].kind == "narration"
                and _introduces(segs[i - 1].text)):
            a = None    # “Well?” And he answered, “...”: the narration is the next quote's tag, not this one's;
            # Ann said, “Tea?” Mary said, “Yes.”: a quote with its own tag before it leaves the next one its own
        unnamed = a is not None and a.rule in (EXPLICIT, FIRST_PERSON) and st.cast.resolve(a.speaker) is None
        m = _IT_WAS_RE.search(text) if unnamed else None
        if m and (who := st.cast.resolve(m.group(1))):     # “Good morning,” said a voice. It was Rosa.
            return Attribution(who, 0.8, f'named after the tag: "{short(m.group(0))}"', rule=NAMED_AFTER)
        if a is not None and not _verb_first(text) and _has_lead_in(segs, i):
            # Rosa said, “Go,” and Anna asked why: Rosa's
            a = _lead_in(st, segs, mentions, i, excluded, called, talked_of) or a
        a = a or _spoken_noun(text, mentions[i + 1], after=True) \
            or _pronoun_owns_noun(st, text, mentions[i + 1], excluded)
        if a is not None:
            return a
    if i > 0 and segs[i - 1].kind == "narration" and (leads_in(segs[i - 1].text)
                                                      or i == 1 and ends_with_verb(segs[0].text)):
        return _lead_in(st, segs, mentions, i, excluded, called, talked_of)
    if i > 1 and segs[i - 1].kind == "narration" and segs[i - 2].kind == "dialogue" \
            and not _verb_first(segs[i - 1].text) and _has_lead_in(segs, i - 2):
        return _tag_clause(st, segs[i - 1].text, mentions[i - 1], after=True, excluded=excluded)
    return None


def _talked_of(st: State, quote: str) -> set[str]:
    """"Rosa will never marry.", "Ask what Rosa thinks.", "Rosa's hat": the people a quote tells of in the third
    person by a name of their own, not their family's ("Brandt's boat" may be his father's), as a verb's subject
    or an owner, whom its he/she tag is not ("You're only Rosa" is no such)."""
    return {m.person for m in st.cast.mentions(quote) if m.person and m.kind == "name"
            and (_THIRD_PERSON_RE.match(quote, m.end) or possessive(quote, m))
            and not set(norm(m.word).split()) & family_names(st, m.person)}


_THIRD_PERSON_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:is|was|has|had|will|would|does|did|can|could|must|shall|should"
                              r"|might|[a-z]+(?<!les)(?<!ss)(?<!us)s|[a-z]+ed)\b")


def _subordinate(text: str, lo: int, m: Mention, vs: int) -> bool:
    """A he/she in a clause of its own before a lead-in's verb, not its subject: an object clause ("Rosa saw
    what he was doing, and said,") or a clause the main one's own subject follows ("when she had finished,
    her sister kissed her, and said,"); "as she said:" and "when he answered:" are the verb's own. A name
    after when / where / as ... whose clause goes on and closes with a comma ("Rosa, going to the door,
    where Anna stood waiting, said") is that clause's subject, not the verb's ("as Anna, smiling, said" is)."""
    if m.kind in ("name", "alias"):
        opener = _ADVERBIAL_RE.search(text, lo, m.start) or _WHERE_RE.search(text, lo, m.start)
        goes_on = _CLAUSE_GOES_ON_RE.match(text, m.end)     # not "before Anna came in, calling out": hers
        return opener is not None and goes_on is not None and goes_on.end() <= vs \
            and not (_ING_RE.match(text, vs, vs + 16) and not _PROGRESSIVE_RE.search(text, lo, vs))
    if m.kind != "pronoun":
        return False
    if _OBJECT_CLAUSE_RE.search(text, lo, m.start):
        return True
    if not _ADVERBIAL_RE.search(text, lo, m.start):
        return False
    comma = text.find(",", m.end)
    return comma >= 0 and bool(_NEW_SUBJECT_RE.match(text, comma + 1))


_OBJECT_CLAUSE_RE = re.compile(r"\b[a-z]+\s+(?:what|that|how|why|whether)\s+$")
_ADVERBIAL_RE = re.compile(r"\b(?:when|while|as|though|although|because|before|after|until|till|since|unless|if)\s+$",
                           re.IGNORECASE)
_OTHER_CLAUSE_RE = re.compile(r",\s+(?:and|but|while|as|when)\s+(?:the|an?|his|her|their|he|she|they|I|[A-Z]\w*)\b")
_WHERE_RE = re.compile(r"\bwhere\s+$", re.IGNORECASE)
_PROGRESSIVE_RE = re.compile(r"\b(?:was|were)\s+$")     # "before Tomas came up, was saying": finite
_ING_RE = re.compile(r"\w+ing\b")
_CLAUSE_GOES_ON_RE = re.compile(r"\s+(?![a-z]+ing\b)[a-z]+\s+[a-z][^,;:.!?]*,")  # " stood waiting," (not " man,",
# nor " joining in,": "when Tomas joining in, observed" is his)
_NEW_SUBJECT_RE = re.compile(r"\s*(?:(?:his|her|their|my|the)\s+[a-z]+|[A-Z][a-z]+)\s+(?!and\b|or\b)[a-z]+")


def _has_lead_in(segs: tuple[Segment, ...], i: int) -> bool:
    """Quote i has a speech tag just before it ("Rosa said," / "cried Rosa," / "ran in shouting"), not a speech
    noun ("on Rosa's reply--"): a subject-first tag after it ("Anna asked him why.") is then another quote's."""
    if i == 0 or segs[i - 1].kind != "narration" or not leads_in(segs[i - 1].text):
        return False
    words = list(NARRATION_WORD_RE.finditer(segs[i - 1].text))
    if words and _gerund(words[-1].group(0).lower()):    # "came in shouting “...”"
        return True
    verbs = [w for w in words if w.group(0) in SPEECH_VERBS]   # not "the Mock Heron"
    return bool(verbs) and not _NOUN_USE_RE.search(segs[i - 1].text[:verbs[-1].start()])


# "his reply", "Rosa's answer", "the affirmative reply", "a cry": the speech word is a noun
_NOUN_USE_RE = re.compile(r"(?:\b(?:his|her|their|its|my|your|our|the|a|an)|['’ ]s)\s+(?:[a-z-]+\s+)?$")


def _lead_in(st: State, segs: tuple[Segment, ...], mentions: list[list[Mention]], i: int,
             excluded: set[str], called: set[str], talked_of: set[str] | frozenset[str]) -> Attribution | None:
    """The tag in the narration just before quote i ("Rosa said," / "“...,” cried Rosa, “...”" / "His answer
    was:")."""
    return _pronoun_owns_noun(st, segs[i - 1].text, mentions[i - 1], excluded, after=False) \
        or _tag_clause(st, segs[i - 1].text, mentions[i - 1], after=False, excluded=excluded,
                       spoke=_spoke_before(st, segs, i), called=called, talked_of=talked_of) \
        or _spoken_noun(segs[i - 1].text, mentions[i - 1], after=False)


def _spoke_before(st: State, segs: tuple[Segment, ...], i: int) -> str | None:
    """The one a tag named speaking the paragraph just before, when quote i is the first of its own."""
    if any(s.kind == "dialogue" for s in segs[:i]) or not st.items or st.items[-1].gpar != st.gpar - 1:
        return None
    a = st.items[-1].found.get(st.items[-1].quote_ids[-1])
    return a.speaker if a is not None and a.rule in (EXPLICIT, FIRST_PERSON, PRONOUN) else None


def _verb_first(text: str) -> bool:
    """Narration after a quote that opens on its speech verb ("said Rosa", "cried the man"): the quote's own
    tag wherever it stands; a subject-first clause ("Anna asked him why") may belong to another quote."""
    first = NARRATION_WORD_RE.search(text)
    return first is not None and first.group(0).lower() in SPEECH_VERBS


def _goes_on(segs: tuple[Segment, ...], i: int) -> bool:
    """Quote i goes on after a one-sentence tag (“Go on,” she said, “I'm not done with you, Rosa.”): the one
    the rest calls by name is not the speaker; not after more narration (another may speak next), nor when
    the rest opens on a quote within the quote (a letter read out, words she reports)."""
    if i + 2 >= len(segs) or segs[i + 2].kind != "dialogue":
        return False
    return not _SENTENCE_END_RE.search(segs[i + 1].text.strip()) \
        and not segs[i + 2].text.lstrip().startswith(("'", "‘"))


_SENTENCE_END_RE = re.compile(r"[.!?][\"”’']?\s+[\"“'‘A-Z]")


def _introduces(text: str) -> bool:
    """Narration that ends "Ann said," or "and she went on:", with its subject before the verb: a tag that
    introduces the quote after it (not "said Ann," of the quote before)."""
    text = text.strip()
    first = NARRATION_WORD_RE.search(text)
    return text.endswith((",", ":")) and leads_in(text) and first is not None \
        and first.group(0).lower() not in SPEECH_VERBS


def _spoken_noun(text: str, mentions: list[Mention], *, after: bool) -> Attribution | None:
    """“...,” was Rosa's reply. / and Rosa's answer was, “...”: a name owning a word for speech, or her side of
    the talk (“...,” was all on Rosa's side); “...!” broke from Rosa / came from Rosa's lips / was
    uttered by Rosa / were the first words which burst from Rosa, or a bare “...” from Rosa, or “...,”
    according to Rosa: the name the words come from."""
    text = apostrophes(text)        # "was Rosa s reply"
    m = (_NOUN_AFTER_RE.match(text) or _SIDE_AFTER_RE.match(text) if after else
         next(reversed(list(_NOUN_BEFORE_RE.finditer(text))), None))
    if m is not None:
        own = m.start(1) if m.start(1) >= 0 else m.start(2)
        who = next((x.person for x in mentions if x.end == own and x.kind in ("name", "alias")), None)
        return _named(who, 0.9, short(m.group(0).strip())) if who else None
    f = _FROM_RE.match(text) if after else None
    x = next((x for x in mentions if f is not None and x.start == f.end() and x.kind in ("name", "alias")), None)
    return _named(x.person, 0.9, short(text[:x.end].strip())) if x and x.person else None


def _pronoun_owns_noun(st: State, text: str, mentions: list[Mention], excluded: set[str],
                       *, after: bool = True) -> Attribution | None:
    """“...,” was her reply. / was his next remark (after the quote), His answer was short: “...” (before it,
    ``after`` False): the he or she who owns the word for speech, resolved as the he or she of a tag ("she
    replied") is: past those the quote calls by name, the one spoken to first."""
    if after:
        m = _PRONOUN_NOUN_RE.match(text)
        x = next((x for x in mentions if m is not None and x.start == m.start(1) and x.kind == "pronoun"), None)
    else:
        x = next((x for x in mentions if owns_speech(text, x)), None)
    if x is None:
        return None
    who = x.person if x.person not in excluded else antecedent(st, x.gender, st.history, skip=excluded)
    who = answerer(st, x.gender, who, excluded) or who
    return _pronoun(who, x.word) if who else None


def leads_in(text: str) -> bool:
    """Narration that leads into a quote: it ends "said," / "said:" / "said--", or with a speech verb and
    at most five words after it and no stop at all ("The porter said in a low, tired voice" before the
    quote: a dash the text lost)."""
    text = text.rstrip()
    if text.endswith((",", ":", "—", "--", "–")):
        return True
    toks = NARRATION_WORD_RE.findall(text[-120:])
    return text[-1:].isalpha() and (any(w.lower() in SPEECH_VERBS or w.lower() in _GREETING_VERBS for w in toks[-6:])
                                    or bool(toks) and _gerund(toks[-1].lower()))    # "and Ivo ran up, calling"


def ends_with_verb(text: str) -> bool:
    """Narration that ends on its speech verb ("..., but Tomas interposed."): before a quote with no
    narration of its own before it, it is that quote's tag."""
    text = text.rstrip()
    toks = NARRATION_WORD_RE.findall(text[-40:])
    return text.endswith(".") and bool(toks) and toks[-1].lower() in SPEECH_VERBS - _NOT_ALONE


def _tag_clause(st: State, text: str, mentions: list[Mention], *, after: bool,
                excluded: frozenset[str] | set[str] = frozenset(), spoke: str | None = None,
                called: set[str] | None = None,
                talked_of: set[str] | frozenset[str] = frozenset(),
                verbs_of: frozenset[str] = SPEECH_VERBS) -> Attribution | None:
    """'he said quietly.' after a quote, or 'Then Rosa said:' before one; ``spoke``: who the paragraph
    before was tagged to (a description in this tag is someone else); ``called``: whom the quote calls by
    name (``excluded`` when not given); ``talked_of``: whom it names in the third person, not its he/she;
    ``verbs_of``: the verbs that make a tag (a thought's: ``thinker``)."""
    text = apostrophes(text)
    lo, hi = _clause(text, after=after)
    toks = [(w.start(), w.end(), w.group(0).lower()) for w in NARRATION_WORD_RE.finditer(text, lo, hi)]
    verbs = _speech_verbs(text, toks, lo, hi, after=after, verbs_of=verbs_of)
    w = None if verbs or after else _WITH_RE.search(text, lo, hi)
    with_ = w is not None and not _PASSIVE_WITH_RE.search(text, lo, w.start())  # "he was opposed by his wife, with"
    if w is not None and with_:     # "Rosa, who answered with a weary “...”": the words a named subject
        verbs = [t for t in toks if t[0] == w.start()]     # comes out with are hers
    if not verbs:
        return None
    cut = _next_clause(text, mentions, lo, verbs[0][0]) if after else None
    if after and toks.index(verbs[0]) > 6 and (cut is None or _tok_index(toks, cut) > 6):
        return None     # but '"No!" Rosa was up at once, but Tomas cried "Wait!"': Rosa's
    if not after and toks[0] == verbs[-1]:      # "cried Tomas, and Rosa howled, “...”": "cried" is the quote before's
        own = _after_clause(text, mentions, verbs[-1][1], hi)
        if own is not None:
            return _named(own.person or "", 0.8, short(text[own.start:hi].strip(" ,:")))
    if cut is not None:     # the clause before the cut is this quote's: its named subject says it
        own = next((m for m in mentions if lo <= m.start and m.end <= cut and m.kind in ("name", "alias")
                    and is_subject(m) and not is_object(text, lo, m) and not possessive(text, m)), None)
        return _named(own.person, 0.8, short(text[own.start:cut])) if own is not None and own.person else None
    vs, ve, verb = verbs[0] if after else verbs[-1]
    v = toks.index((vs, ve, verb))
    if _NEGATED_RE.search(text, max(lo, vs - 12), vs) or _NOTHING_RE.match(text, ve):
        return None     # "Marta said nothing", "she did not answer": no one speaks
    if verb in _GREETING_VERBS and (by := _BY_RE.match(text, ve)):     # "when thus accosted by Rosa,": Rosa
        agent = next((m for m in mentions if m.start == by.end() and m.kind in ("name", "alias")), None)
        return _named(agent.person, 0.8, short(text[vs:agent.end])) if agent and agent.person else None
    inside = [m for m in mentions if lo <= m.start and m.end <= hi and not is_object(text, lo, m)
              and not PLACE_RE.search(text, lo, m.start)]     # "said a voice behind Rosa": not Rosa
    before = [m for m in inside if m.end <= vs and is_subject(m) and not possessive(text, m)
              and (after or not _subordinate(text, lo, m, vs))]
    stop = _NEXT_CLAUSE_RE.search(text, ve, hi)     # "said a voice behind me, and I turned": not I
    after_v = [m for m in inside if m.start >= ve and m.start - ve <= 25 and not possessive(text, m)
               and not (m.kind == "first" and stop is not None and m.start >= stop.end())]
    subject: Mention | None = None
    shared = shared_name(st, text, toks, v, lo, hi)
    who_of = None if after else _relative_subject(text, mentions, lo, vs)
    heard = heard_speaker(text, mentions, lo, vs)
    if heard is None and heard_unnamed(text, mentions, lo, vs):
        return None     # "Rosa heard it say": not Rosa
    if heard is not None:       # "Rosa heard him say": him, whom the history finds past the hearer
        hearers = {m.person for m in before if m.end <= heard.start and m.person}
        subject = heard if heard.person not in hearers else \
            Mention(antecedent(st, heard.gender, st.history, skip=hearers), heard.start, heard.end, "pronoun",
                    heard.word, heard.gender)
    elif who_of is not None:
        subject = who_of        # "joined by Tomas, who, smiling, said,": Tomas
    elif shared is not None and not any(m.kind in ("name", "alias") and m.end <= vs and m.start != shared.start
                                        and shared.start - m.end < 3 for m in before):
        subject = shared        # "Quenby asked": the Quenby of the conversation
    elif before and not after and (clause := _OWN_SUBJECT_RE.search(text, before[-1].end, vs)) \
            and noun_gender(clause.group(2)):   # "Tomas turned away, and his mother called:": she speaks, not
        lo = clause.start(1)                  # Tomas; "and her voice said" (no man or woman) is still hers
    elif before and (not after or v - _tok_index(toks, before[-1].start) <= 4):
        subject = (None if after else _coordinated(text, before, inside, lo, vs)
                   or _head_of_insertion(text, before, inside, vs)) or before[-1]
    elif after_v and (after_v[0].kind not in ("pronoun", "first") or is_subject(after_v[0])) \
            and not (after_v[0].kind == "pronoun" and _DESCRIBED_FIRST_RE.match(text, ve, after_v[0].start)):
        subject = after_v[0]    # not "asked one of the men, as he turned": the words before the he say who
    if subject is None and not after and not before:
        subject = _before_semicolon(text, mentions, lo, vs)
    if subject is None and not after and not before and _AND_VERB_RE.search(text, lo, vs) \
            and _no_subject(text, toks[1:v]):
        subject = shared_name(st, text, toks, 0, lo, hi, at=(0,))  # "Piet laughed and said," of two Piets: the scene's
    k0 = 1 if toks[0][2] in ("and", "but", "then") else 0     # toks holds the verb, so toks[k0] is a word
    if subject is None and not after and not before and text[toks[k0][1]:toks[k0][1] + 1] == "," \
            and _no_subject(text, toks[k0 + 1:v]):
        subject = shared_name(st, text, toks, 0, lo, hi, at=(k0,))  # "; and Piet, having hung up his coat, began":
        # a shared first name opening the clause before an insertion
    if with_ and (subject is None or subject.kind not in ("name", "alias")):
        return None     # "he burst out with,": a he/she or a description there is left to the other rules
    if subject is None:     # "said the old man", "said the ferryman": whom the words describe, not whom the
        # tag speaks to ("said her brother to Tomas")
        spoken_to = {m.person for m in mentions if ve <= m.start and m.end <= hi and m.person
                     and m.kind in ("name", "alias") and is_object(text, ve, m)}
        # "“Tomas's boat is gone,” said his mother": the one the quote talks of owns the "his", as one it calls
        found = described(st, text, lo, vs, ve, hi, verb, spoke, (excluded if called is None else called) | talked_of,
                          spoken_to)
        return _named(found[0], 0.8, f"{verb} {found[1]}", pronoun=found[2]) if found else None
    return _speaker(st, subject, verb, vs, after=after, excluded=excluded, talked_of=talked_of)


def _speaker(st: State, subject: Mention, verb: str, vs: int, *, after: bool, excluded: frozenset[str] | set[str],
             talked_of: set[str] | frozenset[str]) -> Attribution | None:
    """Who the subject of a tag's verb (at ``vs``) stands for: a name as resolved (without a cast list, a
    description the last one named of its sex); a he or she past those the quote calls or talks of, the other
    one after a reply verb, else the one just spoken to."""
    who = subject.person
    phrase = f"{subject.word} {verb}" if subject.end <= vs else f"{verb} {subject.word}"
    if subject.kind != "pronoun":
        if who and subject.kind in ("name", "alias") and not st.cast.from_book and is_description(who):
            who = just_named(st, subject.word, who) or who
        if who is None:
            return None
        if subject.kind == "first":
            return Attribution(who, 0.8, f'explicit: "{phrase}" (the narrator)', rule=FIRST_PERSON)
        return _named(who, 0.95, phrase)
    if who in excluded:   # "Jo, come here," she said: she is not Jo
        who = antecedent(st, subject.gender, st.history, skip=excluded)
    elif who in talked_of:    # "Jo will never marry," she said: nor here
        who = antecedent(st, subject.gender, st.history, skip=excluded | talked_of) or who
    last = st.items[-1].found.get(st.items[-1].quote_ids[-1]) if after and st.items else None
    if verb in REPLY_VERBS and last and who == last.speaker and last.rule in (EXPLICIT, FIRST_PERSON, TAG, BESIDE_TAG):
        who = antecedent(st, subject.gender, st.history, skip={who}) or who   # "he answered": the other
    who = answerer(st, subject.gender, who, excluded) or who   # “Well, Tomas, ...” said Will. / “...,” he said: Tomas
    if not st.cast.from_book:
        who = newcomer(st, subject.gender, who) or who
    return _pronoun(who, subject.word) if who is not None else None


def _clause(text: str, *, after: bool) -> tuple[int, int]:
    """Where a tag's clause lies in the narration: after a quote its first sentence, up to the first stop that
    is not an initial's ("M. Brandt exclaimed."); before a quote its last sentence."""
    if after:
        m = next((x for x in SENTENCE_RE.finditer(text) if not _INITIAL_RE.search(text, 0, x.start())), None)
        return 0, (m.start() if m else len(text))
    starts = [m.end() for m in SENTENCE_RE.finditer(text)]
    return (starts[-1] if starts else 0), len(text)


def _speech_verbs(text: str, toks: list[tuple[int, int, str]], lo: int, hi: int, *,
                  after: bool, verbs_of: frozenset[str] = SPEECH_VERBS) -> list[tuple[int, int, str]]:
    """The tokens of the clause lo..hi that are its verbs of ``verbs_of`` (speech; thinking for a thought's
    tag): not "said that", not a noun ("Rosa's reply", "said in reply"), a verb of moving only with its
    particle, a greeting verb only before the quote and not in the passive; before a quote with none of
    those, a speech verb's -ing form that ends the clause or opens it after a semicolon."""
    verbs = [t for t in toks if (t[2] in verbs_of or not after and t[2] in _GREETING_VERBS)
             and text[t[1]:t[1] + 7].split()[:1] != ["that"]  # said that
             and not (t[2] in _NOUN_FORMS and (_OWNED_BEFORE_RE.search(text, lo, t[0])   # "Rosa's reply",
                                                 or _DETERMINED_BEFORE_RE.search(text, lo, t[0])))  # "the curt reply"
             and not _ARTICLE_BEFORE_RE.search(text, lo, t[0])   # "sank his voice to a whisper", "said in reply": nouns
             and not (t[2] in PARTICLES and not _particle(text, t[1], hi, PARTICLES[t[2]]))]   # "Rosa went out"
    verbs = [t for t in verbs if t[2] not in _GREETING_VERBS or _BY_RE.match(text, t[1])
             or not _PASSIVE_RE.search(text, max(lo, t[0] - 30), t[0])]    # "she was greeted with,": not she
    if not verbs and not after:     # "Tomas came running in, calling out,": nothing after it is a subject
        verbs = [t for k, t in enumerate(toks) if k >= len(toks) - 4 and _gerund(t[2])
                 and _no_subject(text, toks[k + 1:])][-1:]
    if not verbs and not after and toks and _gerund(toks[0][2]) and text[:lo].rstrip().endswith(";"):
        verbs = toks[:1]    # "...; adding, with a look at Rosa:": the -ing verb opening the clause
    return verbs


def thinker(st: State, segs: tuple[Segment, ...], mentions: list[list[Mention]], i: int) -> Attribution | None:
    """Whose thought quote i is: the subject of the verb of thinking next to it ("thought Greta", "he
    wondered,"), read as a speech tag's subject is (names, pronouns, descriptions, "I")."""
    addressed = set(st.cast.addressed(segs[i].text))
    if i + 1 < len(segs) and segs[i + 1].kind == "narration":
        a = _tag_clause(st, segs[i + 1].text, mentions[i + 1], after=True, excluded=addressed, verbs_of=_THINKING)
        if a is not None:
            return a
    if i > 0 and segs[i - 1].kind == "narration":
        return _tag_clause(st, segs[i - 1].text, mentions[i - 1], after=False, excluded=addressed,
                           verbs_of=_THINKING)
    return None


_THINKING = frozenset(THOUGHT_VERBS)


def _next_clause(text: str, mentions: list[Mention], lo: int, vs: int) -> int | None:
    """'"No!" Rosa was beginning, but Tomas went "Hush!"': after a quote, a speech verb whose subject follows
    ", but" / ", and" / ", while" after a clause with a subject of its own is the next quote's lead-in, not
    this quote's tag; where that clause ends (None: no such clause)."""
    cut = next(reversed(list(_NEXT_CLAUSE_RE.finditer(text, lo, vs))), None)
    if cut is None or not _SOMEONE_RE.search(text, lo, cut.start()):
        return None
    theirs = any(is_subject(m) and cut.end() <= m.start and m.end <= vs and not possessive(text, m) for m in mentions)
    return cut.start() if theirs else None


def _after_clause(text: str, mentions: list[Mention], ve: int, hi: int) -> Mention | None:
    """'"Down!" cried Tomas, and Rosa howled, "Lie down!"': narration that opens on the quote before's tag
    and then, after ", and" / ", but" / ", while", brings in a named subject of its own: that subject leads in
    the quote after."""
    cut = next(reversed(list(_NEXT_CLAUSE_RE.finditer(text, ve, hi))), None)
    if cut is None:
        return None
    return next((m for m in mentions if cut.end() <= m.start and m.kind in ("name", "alias") and m.person
                 and not is_object(text, cut.end(), m) and not possessive(text, m)
                 and not _SOMEONE_RE.search(text, cut.end(), m.start)), None)


def _named(who: str, confidence: float, said: str, pronoun: str = "") -> Attribution:
    """The speaker a speech tag names or describes ("said the innkeeper"), the tag quoted in the reason."""
    return Attribution(who, confidence, f'explicit: "{said}"', pronoun=pronoun, rule=EXPLICIT, said=said)


def _pronoun(who: str, word: str) -> Attribution:
    """The speaker a tag's he or she ("she said", "was her reply") stands for, the pronoun in the reason."""
    word = word.lower()
    return Attribution(who, 0.85, f"pronoun: {word} → {who}", pronoun=word, rule=PRONOUN)


_ECHO_RE = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]*\s*[?,.]\s*")    # “Mr. Brandt?”, “Tomas Brandt,”


def _coordinated(text: str, before: list[Mention], inside: list[Mention], lo: int, vs: int) -> Mention | None:
    """"Tomas noticed Anna, as she went by, and called out": a verb after "and" with no subject of its own
    shares the subject that opens the sentence, when every person named between is an object ("noticed
    Anna"), or in a clause of its own closed by a comma before ", and" ("as she went by,"); not when one
    opens a clause of the sentence's own ("Tomas looked up, and Anna nodded and said"), nor after a clause
    whose subject is not a name ("while her sister ... came up, and cried"); a "when" clause after the main
    one tells the next event, and its subject is the verb's ("Tomas was going, when she drew back, and said")."""
    m = _AND_VERB_RE.search(text, lo, vs)
    if m is None or not before or next(x for x in inside if is_subject(x)) is not before[0]:
        return None     # "Rosa's mother came in and said": no name of the sentence opens it
    opening = text[lo:before[0].start]      # "Very soon", "Upstairs", "For soon after his entrance,"
    if not opening.rstrip().endswith(",") and (len(opening.split()) > 3 or _OPENER_RE.search(opening)):
        return None
    first, comma = before[0], text[:m.start()].rstrip().endswith(",")
    for o in _OPENER_RE.finditer(text, first.end, vs):
        if not comma or _DETERMINER_RE.match(text, o.end()):
            return None     # "watched as Anna rose and said", "while her sister ... cried": theirs
        if o.group(0) == "when" and text[:o.start()].rstrip().endswith(","):   # "he would have gone, when
            # she drew back, and said": the event is hers
            return next((x for x in before if x.start > o.end() and not text[o.end():x.start].strip()), None)
    for x in inside[inside.index(first) + 1:]:
        lead = text[first.end:x.start]
        if x.start < vs and is_subject(x) and _COORDINATOR_RE.search(lead) and not _JOINED_RE.search(lead):
            return None     # ", and Anna nodded": a clause of her own
    return first


def _before_semicolon(text: str, mentions: list[Mention], lo: int, vs: int) -> Mention | None:
    """"Tomas heard her out; and folding his paper, said,": a verb after "; and" with no subject of its own
    shares the subject that opens the clause before the semicolon, also past a clause of another subject ("; and
    before Anna could stop her, was saying--")."""
    if not text[:lo].rstrip().endswith(";") or not (_AND_VERB_RE.match(text, lo, vs) or not text[lo:vs].strip()
                                                    or _AND_CLAUSE_RE.match(text, lo, vs)):
        return None
    semi = text.rfind(";", 0, lo)
    start = max((m.end() for m in SENTENCE_RE.finditer(text, 0, semi)), default=0)
    first = next((m for m in mentions if start <= m.start < semi), None)
    opening = text[start:first.start] if first is not None else ""
    if first is None or not is_subject(first) or possessive(text, first) or not (
            _OPENING_RE.fullmatch(opening) or opening.rstrip().endswith((",", "--", "—"))):
        return None     # "When Anna came in, Tomas rose; and then said": not Anna
    return first


_AND_VERB_RE = re.compile(r"\band,?\s+(?:(?:then|again|so|at once|at last|presently|was|[a-z]+ly)\s+){0,2}"
                          r"(?:[a-z]+ing\b[^,;:.]{0,100},\s*)?$")    # "and, stretching his legs to the fire, said"
# "; and before Anna came up, was saying": a clause of another subject between "and" and the progressive verb
_AND_CLAUSE_RE = re.compile(r"\band,?\s+(?:when|while|as|before|after|till|until)\b[^,;:]{0,150},\s*(?:was|were)\s+$")
# a clause after ", and" / ", but" / ";" whose own subject is "his/her/their <noun>" right before the verb
_OWN_SUBJECT_RE = re.compile(r"(?:,\s*(?:and|but|while)|;)\s+(?:[a-z]+\s+){0,4}((?:his|her|their)\s+([a-z-]+)\s+)$")
_OPENER_RE = re.compile(r"\b(?:when|while|as|though|although|because|before|after|until|till|since|unless|if|where|"
                        r"whom?|whose|which|that)\b", re.IGNORECASE)
_DETERMINER_RE = re.compile(r"\s+(?:his|her|their|its|the|a|an|my|your|our)\b", re.IGNORECASE)
_COORDINATOR_RE = re.compile(r"(?:[,;]|\b(?:and|but|or|nor|then|yet))\s*$")
_JOINED_RE = re.compile(r"^\s+and\s+$")
_OPENING_RE = re.compile(r"\s*(?:(?:and|but|yet|then|for)\s+)?")      # "; but Anna declined ...; and then said"


def _head_of_insertion(text: str, before: list[Mention], inside: list[Mention], vs: int) -> Mention | None:
    """"Tomas, turning to Rosa, said": a name inside an insertion set off by commas before the verb is not
    its subject; the name the insertion hangs on is. None when the last name before the verb is not in one."""
    last = before[-1]
    close = text.rfind(",", last.end, vs)
    if close < 0 or text.count(",", last.end, vs) > 1 or any(close < m.start < vs for m in inside):
        return None     # "Rosa, smiling, said": Rosa opens an insertion of her own
    open_ = text.rfind(",", 0, last.start)
    head = next((m for m in reversed(before) if m.end <= open_ and text[m.end:open_ + 1].strip() == ","), None)
    return head if head is not None and text.rfind(",", head.end, last.start) == open_ else None


def _gerund(word: str) -> bool:
    """"calling out,", "remarking:": a speech verb's -ing form, which ends a lead-in as its tag ("Tomas came
    running in, calling out,"); not one that is mostly a move or a sound ("returning", "laughing")."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    forms = {stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem}
    return any(f in SPEECH_VERBS and f not in _NOT_GERUND for f in forms)


def _relative_subject(text: str, mentions: list[Mention], lo: int, vs: int) -> Mention | None:
    """"The silence was broken by Tomas, who said", "Tomas, who, rousing himself at last, stood up and
    said", "Anna looked at Tomas, whose low voice said": the name a "who" clause holding the verb hangs on,
    even after a preposition."""
    m = next(reversed(list(_WHO_RE.finditer(text, lo, vs))), None)
    ends = [e for e in _CLAUSE_END_RE.finditer(text, m.end(), vs) if not OBJECT_RE.search(text, m.end(), e.start())] \
        if m is not None else []    # "who sent him on to Anna with a dry remark:": Anna is no new subject
    if m is None or ends \
            or len(NARRATION_WORD_RE.findall(text, m.end(), vs)) > _WHO_WORDS:
        return None     # "..., who, though surprised, was willing, when she drew back and said": not his
    return next((x for x in mentions if x.end == m.start() and x.kind in ("name", "alias")), None)


def colon(st: State, prev: Paragraph | None, excluded: set[str],
          talked_of: set[str] | frozenset[str]) -> Attribution | None:
    """The paragraph before ends "... and then Rosa said:": its tag's subject speaks. ``excluded``: whom
    the quotes name and who keep silent; of them ``talked_of`` are only told of, not spoken to: a tag
    that names one of them still stands ("Rosa said: / “... Rosa and her sister, who ...”")."""
    if prev is None or not prev.segments or prev.segments[-1].kind != "narration":
        return None
    text = prev.segments[-1].text.rstrip()
    began = _BEGAN_RE.search(text)   # alone in its paragraph, or a sentence of its own after the last quote's
    alone = began is not None and (len(prev.segments) == 1 or NARRATION_WORD_RE.search(text, 0, began.start())
                                   or "it was who" in began.group(0))   # a cleft is no tag of the quote before
    if not leads_in(text) and not alone:
        return None
    ms = resolve(st, st.cast.mentions(text), text)
    a = _tag_clause(st, text, ms, after=False) or _spoken_noun(text, ms, after=False)   # "Rosa's reply was:"
    if a is None or a.speaker in excluded and not (a.speaker in talked_of and _named_outright(a, text, ms)):
        return None
    return Attribution(a.speaker, min(a.confidence, 0.85), f"colon: {a.reason}", rule=COLON)


def spoke_after(st: State, narration: str) -> Attribution | None:
    """A paragraph of narration that opens "It was Rosa who spoke.": the cleft names the speaker of the quotes
    just before it (the sieve reads it only for a paragraph of quotes nothing there tags)."""
    m = _CLEFT_AFTER_RE.match(narration)
    who = st.cast.resolve(m.group(1)) if m else None
    if m is None or who is None:
        return None
    return Attribution(who, 0.8, f'named after the quote: "{short(m.group(0).strip())}"', rule=NAMED_AFTER)


def _named_outright(a: Attribution, text: str, ms: list[Mention]) -> bool:
    """A tag that names its speaker with no clause of another subject after the name: it stands though the
    quote names her too. "Anna murmured, while the young man replied:" may be misread; there the quote decides."""
    return a.rule == EXPLICIT and any(m.person == a.speaker and m.kind in ("name", "alias")
                                      and not _OTHER_CLAUSE_RE.search(text, m.end) for m in ms)


def introduction(st: State, segs: tuple[Segment, ...], quotes: list[int]) -> Attribution | None:
    """“Good evening. My name is Hale.”"""
    for i in quotes:
        for m in OWN_NAME_RE.finditer(segs[i].text):
            who = st.cast.resolve(m.group(1))
            if who:
                return Attribution(who, 0.8, f'introduces themselves: "{short(m.group(0))}"', rule=INTRODUCES)
    return None


def _no_subject(text: str, toks: list[tuple[int, int, str]]) -> bool:
    """None of ``toks`` can open a clause of its own: no he, she, I, ... and no capitalised word."""
    return not any(t[2] in _SUBJECT_WORDS or text[t[0]].isupper() for t in toks)


def _tok_index(toks: list[tuple[int, int, str]], start: int) -> int:
    """The index of the first token at or after ``start`` (len(toks): none)."""
    return next((k for k, t in enumerate(toks) if t[0] >= start), len(toks))


# speech verbs that alone end a sentence as a sound or a move, not as a tag ("The painter laughed.")
_NOT_ALONE = frozenset("laughed sighed groaned sobbed gasped chuckled giggled snorted moaned whimpered grunted "
                       "went put broke cut returned continued agreed assented resumed".split())
_NOT_GERUND = frozenset("laugh sigh groan sob gasp chuckle giggle snort moan whimper grunt go put cut return "
                        "continue resume begin pursue reason object correct prompt remind tell".split())
_SUBJECT_WORDS = frozenset("i he she we they you it".split())
# a paragraph that ends "Rosa began." / "Tomas went on again.": the quote paragraph after it is theirs
# ("..., and Tomas began again.", "Tomas it was who spoke up.")
_BEGAN_RE = re.compile(r"(?<![\w’'])(?!I\b)[A-Z][\w’'-]*(?:\s+it was who)?(?:\s+[a-z]+ly)?\s+"
                       r"(?:began|went on|spoke(?:\s+(?:up|out|first))?)(?:\s+again)?(?:\s+[a-z]+ly)?\.$")
_CLEFT_AFTER_RE = re.compile(r"\s*It was ((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*) (?:who|that) "
                             r"(?:spoke|said|asked|called|cried|answered|replied|exclaimed)\b")
_NEXT_TAG_RE = re.compile(r"\s*(?:(?:and|but|then)\b[^.;!?]*[,:—]|[\w’'-]+(?:\s+[\w’'-]+){0,3}\s*:)\s*$",
                          re.IGNORECASE)
_SPEECH_NOUN = r"(?:[a-z]+\s+){0,2}?(?:reply|answer|remark|rejoinder|response|retort|declaration|" \
               r"reasoning|exclamation|comment|words?|greeting|observation|language|question|inquiry|enquiry|reproach|voice)"
# speech verbs whose bare form is also the noun a name owns ("Tomas's remark was--")
_NOUN_FORMS = frozenset("reply answer remark retort comment".split())
_AT_THE_QUOTE_RE = re.compile(r"[,:;.!?—-]*\s*$")


def _particle(text: str, at: int, hi: int, particles: frozenset[str]) -> bool:
    """A verb of moving ending at ``at`` speaks with its particle ("went on", "put in") or right before the
    quote ("the cat went “Miaow!”"); "Rosa went to the door." is no tag."""
    nxt = NARRATION_WORD_RE.search(text, at, hi)
    return (nxt is not None and nxt.group(0).lower() in particles and not text[at:nxt.start()].strip()) \
        or _AT_THE_QUOTE_RE.match(text, at, hi) is not None


_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|the|in)\s+$", re.IGNORECASE)
_OWNED_BEFORE_RE = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}$")
# "with a dry remark:": a bare speech verb after a determiner and a word or two is the noun
_DETERMINED_BEFORE_RE = re.compile(r"\b(?:the|an?|this|his|her|their)\s+(?:[a-z-]+\s+){1,2}$", re.IGNORECASE)
_NOUN_AFTER_RE = re.compile(rf"\s*(?:was|were|came)\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}\S+?(['’]s?\s+){_SPEECH_NOUN}\b")
_PRONOUN_NOUN_RE = re.compile(rf"\s*(?:was|were|came)\s+(his|her)\s+{_SPEECH_NOUN}\b")
_NOUN_BEFORE_RE = re.compile(rf"\S+?(['’]s?\s+){_SPEECH_NOUN}\s+(?:was|were|had been)(?:,?\s+[a-z]+(?:\s+[a-z]+)?)?"
                             r"\s*[,:—-]*\s*$"
                             rf"|(?<!\bon )(?<!\bupon )(?<!\bto )(?<!\bat )(?<!\bafter )\b(?=[A-Z])\S+?(['’]s?\s+)"
                             rf"(?:{_SPEECH_NOUN}|feelings)(?:\s+of)?\s*[,:—-]+\s*$")
# "Rosa's reply, “...”", "Rosa's voice:", and "out came all Rosa's feelings: “...”": the words that voice them
# "“...,” was all on Mrs Hale's side": her part of the talk
_SIDE_AFTER_RE = re.compile(r"\s*(?:was|were)\s+(?:[a-z]+\s+){0,2}on\s+(?:[A-Z][\w.]*\s+){0,2}?\S+?(['’]s?\s+)side\b")
_FROM_RE = re.compile(r"\s*(?:(?:were|was)\s+the\s+(?:\w+\s+)?words?\s+(?:which|that)\s+)?"
                      r"(?:(?:at last|then|now)\s+)?(?:(?:(?:came|broke|burst|fell|escaped)(?:\s+\w+ly)?\s+)?from|"
                      r"according\s+to|"
                      r"(?:was|were)\s+(?:\w+ly\s+)?(?:uttered|spoken|said|exclaimed|cried|whispered|murmured|shouted)"
                      r"(?:\s+(?:at the same moment|at once|aloud|\w+ly))?\s+by)\s+")
# a who-clause with an insertion of its own ("who, rousing himself from a long reverie, stood up, and said");
# past that the sentence has mostly gone on to another clause ("who was not so quick, soon fell behind, while
# her sister ... cried")
_WHO_WORDS = 20
_WHO_RE = re.compile(r"(?<=[\w.])['’]?,\s*(?:who|whose\s+(?:[a-z]+\s+){0,2}voice)\b")     # "Rosa, whose low voice said"
_CLAUSE_END_RE = re.compile(r"[;:]|\b(?:he|she|they|I|[A-Z]\w+)\s")      # "..., who smiled; and Rosa said"
_IT_WAS_RE = re.compile(r"(?<=[.;!?] )(?:It|This|That) (?:was|is) (?:only |just )?"
                        r"((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*)")
# "My name is Rosa", "I'm Rosa" ("I m" where a text lost its apostrophes), and on the telephone "This is Rosa
# speaking", where no narration says who rang: a whole exchange counts its turns from that line
OWN_NAME_RE = re.compile(r"\b(?:[Mm]y name is|I am|I['’ ]m|[Cc]all me"
                         r"|[Tt]his is(?=\s+(?:[A-Z][\w’'.-]*\s+){1,3}speaking\b))"
                         r"\s+((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*)")
_NEGATED_RE = re.compile(r"\b(?:not|never|n['’]t)\s+$", re.IGNORECASE)    # "did not answer"
# lead-in verbs of speaking to someone ("Tomas thus addressed her,", "Rosa greeted him with:") or of words
# given out ("Lena stood and uttered a warning,"), read before a quote only; passive, the one after "by" speaks ("when
# thus accosted by Rosa,")
_GREETING_VERBS = frozenset("addressed accosted greeted hailed uttered".split())
_BY_RE = re.compile(r"\s+by\s+")
_PASSIVE_RE = re.compile(r"\b(?:was|were|been|being|be|is|are|herself|himself|themselves|myself)\s+(?:[a-z]+ly\s+)?$")
# "asked one of the men, as he turned": the he of a clause after the description is not its subject
# ("said the young man, and he tore": that he is the description's own, found by the history)
_DESCRIBED_FIRST_RE = re.compile(r"\s+(?:the|a|an|one|another)\s+[a-z][^,;:.!?]*,(?!\s+(?:and|but)\s)")
_NEXT_CLAUSE_RE = re.compile(r",\s+(?:and|but|while)\s+")
_SOMEONE_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[A-Z][\w’'-]+\s+[a-z])")   # a clause's own subject
# a lead-in that closes on "with" ("and she left him with,") or on a noun phrase the quote completes ("who
# answered with a weary “...”"); "with a broad smile," is the manner, not the words
_WITH_RE = re.compile(r"\bwith(?:\s*[,:—–-]*|\s+(?:a|an|the|this|these|his|her|their)(?:\s+[a-z-]+){0,3}\s*:?)\s*$")
_PASSIVE_WITH_RE = re.compile(r"\b(?:was|were|been|being)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")     # "was greeted with"
_INITIAL_RE = re.compile(r"\b[A-HJ-Z]\.$")      # "M.", "J." (not "said I.")
_NOTHING_RE = re.compile(r"\s+(?:nothing|no more|not a word)\b")          # "said nothing"
