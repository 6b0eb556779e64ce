"""Who speaks each quote: a rule-based sieve in the spirit of Muzny et al. (2017), pure.

Rules, tried in order for each paragraph's quotes (the first that gives a speaker wins):

1. ``tag``            an inline ``[Name]`` before the quote (confidence 1.0)
2. ``continues``      a quote running on from the previous paragraph keeps its speaker
3. ``explicit``       a speech verb with its subject next to the quote: "said Rosa", "she asked",
                      "her father said"; pronouns resolved by gender and recency, descriptions by
                      the cast's aliases or by the gender of the noun ("his wife")
4. ``colon``          the previous paragraph ends "… and said:" / with a colon: its subject speaks
5. ``beat``           an action beat in the same paragraph ("Tomas tied off a knot.")
6. ``turn-taking``    untagged quotes in a conversation alternate between two people; the
                      listener named by a vocative ("Rosa, did you know?") answers next
                      (the second pass, in conversation.py)
7. ``previous``       the subject of the sentence before the quote
8. ``echo``           the same words spoken elsewhere by a known speaker
9. ``recent``         the most recently mentioned character (a guess)

Names inside a quote are the people spoken to or about, so they are ruled out as its speaker,
except when the speaker introduces themselves ("I am Rosa", "My name is Rosa"). Between the passes
the first-person narrator is named (narrator.py). Without a cast list, people known only by a
description are followed too: the one a "he" stands for when discovery has no man for it ("her
visitor"), "the girl" just named, a description that answers "What name?" or a vocative.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from audiobook.model import NARRATOR
from audiobook.text.attribution.confidence import rate
from audiobook.text.attribution.conversation import (
    FIRST,
    GENERIC_NOUNS,
    REPLY_VERBS,
    UNNAMED_NARRATOR,
    Attribution,
    Item,
    TurnTaking,
)
from audiobook.text.attribution.narrator import INTRO_RE, NarratorNaming, looks_like_a_name
from audiobook.text.attribution.tags import TAG_REASON, apply_tags, tag_speaker
from audiobook.text.attribution.unspoken import UNSPOKEN_CONFIDENCE, unspoken, without
from audiobook.text.cast import Cast, Mention
from audiobook.text.descriptions import PERSON_NOUNS, description, noun_gender, small_determiner
from audiobook.text.manuscript import Manuscript, Paragraph, Segment
from audiobook.text.names import FEMALE_PRONOUNS, MALE_PRONOUNS, norm, vocatives
from audiobook.text.speech_verbs import SPEECH_VERBS
from audiobook.text.tokens import TOKEN_RE as _WORD_RE

SUBJECT_PRONOUNS = frozenset({"he", "she", "i"})
_SENTENCE_RE = re.compile(r"(?<=[.!?])['’\"”]?\s+(?=[A-Z“‘\"'])|[;]\s+")
_IT_WAS_RE = re.compile(r"(?<=[.;!?] )(?:It|This|That) (?:was|is) (?:only |just )?"
                        r"((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*)")
_OWN_NAME_RE = re.compile(r"\b(?:[Mm]y name is|I am|I'm|I’m|[Cc]all me)\s+((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*)")
_ASKS_NAME_RE = re.compile(r"\b(?:what(?:'s|’s| is)? (?:your |the |his |her )?name|your name|who are you)\b",
                           re.IGNORECASE)
_NAME_FIRST_RE = re.compile(r"\s*((?:Mr|Mrs|Miss|Ms|Dr)?\.?\s*(?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*)"
                            r"\s*(?:[,.!;]|--|—|$)")
_NAME_ALONE_RE = re.compile(r"\s*((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*)(?:,\s*(?:sir|ma'am|ma’am|madam|miss))?"
                            r"[.!]?\s*")
_NAME_IS_RE = re.compile(r"\b([Hh]is|[Hh]er) (?:christian |real |first )?name(?:'s|’s| is| was) ([A-Z][\w’'-]+)")
_KIN_NAMED_RE = re.compile(r"\b(?:[Mm]y|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er) (son|daughter|mother|father|wife|husband|"
                           r"brother|sister|uncle|aunt|nephew|niece|grandson|granddaughter), ([A-Z][\w’'-]+),")
_MY_NOUN_RE = re.compile(r"\b(?:[Mm]y|[Oo]ur) (?:[a-z]+ )?([a-z]+)(?:['’]s)?\b")
_DESC_START_RE = re.compile(r"\b(?:[Tt]he|[Hh]er|[Hh]is|[Oo]ur|[Mm]y|[Aa]n?) (?=[a-z])")
_COPULA_BEFORE_RE = re.compile(r"\b(?:was|is|be|been|were|are|became|become|seemed|as|like)\s+$")
_SELF_NAMED_RE = re.compile(r"\b(?:[Mm]y name (?:is|was)|called myself|I am|I was called|called me|named me|"
                            r"call me)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")


class _Ref(NamedTuple):
    person: str
    kind: str          # as Mention.kind
    sentence: int
    subject: bool      # opens its sentence ("Rosa", "Then the doctor"): the likelier antecedent


class _Seen(NamedTuple):
    gender: str
    sentence: int


@dataclass
class _State:
    history: list[_Ref] = field(default_factory=list)   # resolved mentions of the chapter so far
    sentence: int = 0                                    # number of the sentence being read


def attribute(ms: Manuscript, cast: Cast) -> dict[int, Attribution]:
    """Speaker, confidence and reason for every quote of the manuscript, by quote_id."""
    quiet = unspoken(ms)            # verse, titles, thoughts: the narration voice reads them
    spoken = without(ms, quiet)     # the passes see no turn of a conversation in them
    found = _Attributor(cast).run(spoken)
    for q, why in quiet.items():
        found[q] = Attribution(NARRATOR, UNSPOKEN_CONFIDENCE, f"not spoken: {why}")
    apply_tags(ms, cast, found)     # a tag is a fact, whatever the passes made of its neighbours
    rate(spoken, cast, found)       # confidence from the features of each decision
    return found


class _Attributor(TurnTaking, NarratorNaming):
    def __init__(self, cast: Cast) -> None:
        self.cast = cast
        self.st = _State()
        self.out: dict[int, Attribution] = {}
        self.texts: dict[int, str] = {}
        self.items: list[Item] = []
        self.raw: dict[int, str] = {}
        self.intro_votes: Counter[str] = Counter()     # "my name was Pip" in the narration
        self.named_in_narration: set[str] = set()
        self.named_in_quotes: set[str] = set()
        self.narration_words = 0
        self.talkers: Counter[str] = Counter()          # speakers of explicit tags, for a last guess
        self.seen: dict[str, _Seen] = {}                # everyone mentioned so far in the book
        self.narrator_name = UNNAMED_NARRATOR
        self.described: dict[str, str] = {}            # "the artist" -> "Basil", learned from a conversation
        self.first_person = 0                           # I/me/my in the narration
        self.last_desc: dict[str, str] = {}             # gender -> the last person description read
        self.noun_names: dict[str, str] = {}            # "son" -> "George" ("my son; his name's George")
        self.desc_order: dict[str, int] = {}            # gender -> when (count of descriptions read)
        self.desc_count = 0

    def run(self, ms: Manuscript) -> dict[int, Attribution]:
        gpar = 0
        for ch in ms.chapters:
            self.st.history.clear()
            self.last_desc.clear()          # "the stranger" of the last chapter is nobody here
            prev: Paragraph | None = None
            gpar += 10
            for p in ch.paragraphs:
                gpar += 1
                self._paragraph(p, prev, gpar)
                prev = p
        self._narrator()
        self.talkers = Counter(a.speaker for it in self.items for a in it.found.values()
                               if a.speaker and a.reason.startswith(("explicit", "pronoun", "tag")))
        self._conversations()
        self._answers_to_what_name()
        for q, a in self.out.items():       # "the artist" before we learned he is Basil
            named = self.described.get(a.speaker.casefold()) or (
                self.noun_names.get(a.speaker.split()[-1].lower()) if _is_description(a.speaker) else None)
            if named and named != a.speaker:
                self.out[q] = Attribution(named, a.confidence * 0.9, f"{a.reason} = {named}", a.speaker)
        self._echo()
        return self.out

    # -- first pass: what each paragraph says about its own quotes
    def _paragraph(self, p: Paragraph, prev: Paragraph | None, gpar: int) -> None:
        segs = p.segments
        mentions: list[list[Mention]] = []
        for s in segs:
            ms = self._resolve(self.cast.mentions(s.text), s.text, remember=True) if s.kind == "narration" else []
            mentions.append(ms)
            if s.kind == "narration":
                self.narration_words += s.text.count(" ") + 1
                if not self.cast.from_book:
                    self._descriptions(s.text)
                self.first_person += sum(1 for m in ms if m.kind == "first")
                self.named_in_narration.update(m.person for m in ms if m.person and m.kind == "name")
                for m in _SELF_NAMED_RE.finditer(s.text):
                    r = self.cast.resolve(m.group(1))
                    if r:
                        self.intro_votes[r] += 2
            if s.kind == "dialogue":
                self.texts[s.quote_id] = _key(s.text)
                self.raw[s.quote_id] = s.text
        for m in _NAME_IS_RE.finditer(p.raw):     # "This is my son; his name's George."
            self._name_is(p.raw[max(0, m.start() - 200):m.start()], m.group(1).lower(), m.group(2))
        for m in _KIN_NAMED_RE.finditer(p.raw):   # "Their son, George, was born."
            if self.cast.resolve(m.group(2)) or looks_like_a_name(m.group(2)):
                self.noun_names[m.group(1)] = self.cast.resolve(m.group(2)) or m.group(2)
        quotes = [i for i, s in enumerate(segs) if s.kind == "dialogue"]
        if not quotes:
            return
        excluded = self._named_in(" ".join(segs[i].text for i in quotes))
        self.named_in_quotes |= excluded
        found = self._sieve(prev, segs, mentions, quotes, excluded)
        for i, a in found.items():      # "I am Mary Lennox," the little girl said: the little girl is Mary
            own = _OWN_NAME_RE.search(segs[i].text)
            if own and a.speaker.startswith(("The ", "A ", "An ")) and a.speaker.split()[1][:1].islower():
                name = self.cast.resolve(own.group(1)) or self.cast.resolve(own.group(1).split()[0])
                if name is None and looks_like_a_name(own.group(1)):
                    name = own.group(1)
                if name:
                    self.described[a.speaker.casefold()] = name
        voc = [v for i in reversed(quotes) for v in self.cast.addressed(segs[i].text)]
        recent: list[str] = []
        for person, *_rest in reversed(self.st.history[-60:]):
            if person not in recent:
                recent.append(person)
        called = next((v for i in reversed(quotes) for v in vocatives(segs[i].text)
                       if self.cast.resolve(v) is None and looks_like_a_name(v)), None)
        self.items.append(Item(
            gpar, [segs[i].quote_id for i in quotes], {segs[i].quote_id: a for i, a in found.items()},
            excluded, next((v for v in voc if v), None), self._previous(prev, excluded), recent, called))

    def _answers_to_what_name(self) -> None:
        """"What name?" / "Greyson,--office on second floor.": the gentleman who answers is Greyson; "Tell us
        your name!" / "Pip, sir.": the one who answers is Pip."""
        for prev, it in zip(self.items, self.items[1:], strict=False):
            before, q = prev.quote_ids[-1], it.quote_ids[0]
            asked = next((m for k in prev.quote_ids if (m := _ASKS_NAME_RE.search(self.raw[k]))), None)
            if it.gpar != prev.gpar + 1 or not asked:
                continue
            alone = _NAME_ALONE_RE.fullmatch(self.raw[q])
            if alone and asked.group(0).lower().startswith(("your", "who", "what name")):
                name = self.cast.resolve(alone.group(1)) or alone.group(1)
                if looks_like_a_name(alone.group(1)) or self.cast.resolve(alone.group(1)):
                    if name != self.out[before].speaker:
                        for k in it.quote_ids:
                            self.out[k] = Attribution(name, 0.7, f'answers to its name: "{_short(self.raw[q])}"')
                    continue
            m = _NAME_FIRST_RE.match(self.raw[q])
            who = self.out[q].speaker
            if m is None or not _is_description(who) or self.out[before].speaker == who:
                continue
            name = self.cast.resolve(m.group(1))
            if name is None and looks_like_a_name(m.group(1)):
                name = m.group(1)
            if name and name != self.out[before].speaker:
                self.described[who.casefold()] = name

    def _newcomer(self, gender: str, who: str | None) -> str | None:
        """Without a cast list, the person a "he" stands for when discovery has nobody for it: no man is
        known, or only someone of unknown sex, or a man the narration never names (known only from the
        quotes): the one a description last brought in ("her visitor", "my good friend"), else None."""
        slots = [g for g in (gender, "unknown") if g in self.last_desc]
        if not slots or not (who is None or (self.cast.gender(who) != gender and gender in self.last_desc)
                             or who not in self.named_in_narration):
            return None
        return _speaker_name(self.last_desc[max(slots, key=lambda g: self.desc_order[g])])

    def _name_is(self, before: str, pronoun: str, name: str) -> None:
        """"my son ... his name's George", "my mother ... Her name was Duchess": the nearest "my/our" person
        noun before, of the pronoun's gender, is that name (a relation introduced, then named)."""
        gender = "male" if pronoun == "his" else "female"
        nouns = [mm.group(1).lower() for mm in _MY_NOUN_RE.finditer(before)
                 if mm.group(1).lower() in PERSON_NOUNS and noun_gender(mm.group(1)) in (gender, None)]
        if nouns:       # the word after "her name was" is a name, known or not
            self.noun_names[nouns[-1]] = self.cast.resolve(name) or name

    def _descriptions(self, text: str) -> None:
        """Remember the last person each gender's description brought in ("her visitor", "the stranger"),
        for a "he said" when discovery knows no man."""
        for m in _DESC_START_RE.finditer(text):
            if _COPULA_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                continue        # "Our master was a good, kind man": no one new
            d = description(text[m.start()].lower() + text[m.start() + 1:m.start() + 60])    # "The stranger"
            noun = d.split()[-1].lower() if d else ""
            if d and noun in PERSON_NOUNS and noun not in _NOT_ONE and self.cast.describe(d) is None:
                self.last_desc[noun_gender(d) or "unknown"] = d
                self.desc_order[noun_gender(d) or "unknown"] = self.desc_count
                self.desc_count += 1

    def _sieve(self, prev: Paragraph | None, segs: tuple[Segment, ...], mentions: list[list[Mention]],
               quotes: list[int], excluded: set[str]) -> dict[int, Attribution]:
        found: dict[int, Attribution] = {}
        for k, s in enumerate(segs):    # "Tomas did not answer.": the one silent is not the speaker
            if s.kind == "narration":
                excluded.update(m.person for m in mentions[k] if m.person and m.person != FIRST and _subject(m)
                                and _SILENT_RE.match(s.text, m.end))
        # per quote: an inline tag, a continuation, or an explicit speech tag next to it
        for i in quotes:
            s = segs[i]
            if s.tag:
                found[i] = Attribution(tag_speaker(s.tag, self.cast), 1.0, TAG_REASON)
            elif s.continued and self.items and self.items[-1].quote_ids:
                before = self.items[-1].found.get(self.items[-1].quote_ids[-1])
                found[i] = Attribution(before.speaker if before else "", 0.95,   # "": filled in later
                                       "continues the quote before")
            else:
                a = self._explicit(segs, mentions, i, excluded)
                if a is not None:
                    found[i] = a
        if not found:
            a = self._colon(prev, excluded) or self._introduction(segs, quotes) \
                or self._beat(segs, mentions, excluded)
            return {i: a for i in quotes} if a else {}
        # quotes of one paragraph share a speaker: fill the others from the nearest decided one,
        # unless this quote speaks to that person ("Rosa sighed. “Anna, ...” “You must
        # have it,” said Miss Pruett.")
        for i in quotes:
            if i not in found:
                near = min(found, key=lambda k: (abs(k - i), k))
                a = found[near]
                if a.speaker in self.cast.addressed(segs[i].text):
                    b = self._beat(segs[:i], mentions[:i], excluded | {a.speaker})
                    if b is not None:
                        found[i] = b
                        continue
                found[i] = Attribution(a.speaker, a.confidence * 0.95, a.reason)
        return found

    # -- rules
    def _explicit(self, segs: tuple[Segment, ...], mentions: list[list[Mention]], i: int,
                  excluded: set[str]) -> Attribution | None:
        excluded = set(self.cast.addressed(segs[i].text))   # listeners
        if i + 1 < len(segs) and segs[i + 1].kind == "narration":
            text = segs[i + 1].text
            a = self._tag_clause(text, mentions[i + 1], after=True, excluded=excluded)
            if a is not None and a.speaker in excluded:     # “Nonsense, Fergus! ...” observed Fergus: not his
                a = None
            unnamed = a is None or (a.reason.startswith('explicit: "') and self.cast.resolve(a.speaker) is None)
            m = _IT_WAS_RE.search(text) if unnamed else None
            who = self.cast.resolve(m.group(1)) if m else None
            if who:     # “Good morning,” said a voice. It was Rosa.
                return Attribution(who, 0.8, f'named after the tag: "{_short(m.group(0))}"')  # type: ignore[union-attr]
            if a is not None:
                return a
        if i > 0 and segs[i - 1].kind == "narration" and segs[i - 1].text.rstrip().endswith((",", ":", "—")):
            return self._tag_clause(segs[i - 1].text, mentions[i - 1], after=False, excluded=excluded)
        return None

    def _tag_clause(self, text: str, mentions: list[Mention], *, after: bool,
                    excluded: frozenset[str] | set[str] = frozenset()) -> Attribution | None:
        """'he said quietly.' after a quote, or 'Then Rosa said:' before one."""
        if after:
            m = _SENTENCE_RE.search(text)
            lo, hi = 0, (m.start() if m else len(text))
        else:
            starts = [m.end() for m in _SENTENCE_RE.finditer(text)]
            lo, hi = (starts[-1] if starts else 0), len(text)
        toks = [(w.start(), w.end(), w.group(0).lower()) for w in _WORD_RE.finditer(text, lo, hi)]
        verbs = [t for t in toks if t[2] in SPEECH_VERBS and text[t[1]:t[1] + 7].split()[:1] != ["that"]]  # said that
        if not verbs:
            return None
        if after and toks.index(verbs[0]) > 6:
            return None
        vs, ve, verb = verbs[0] if after else verbs[-1]
        if _NEGATED_RE.search(text, max(lo, vs - 12), vs) or _NOTHING_RE.match(text, ve):
            return None     # "Catherine said nothing", "she did not answer": no one speaks
        inside = [m for m in mentions if lo <= m.start and m.end <= hi and not _OBJECT_RE.search(text, lo, m.start)]
        before = [m for m in inside if m.end <= vs and _subject(m) and not _possessive(text, m)]
        after_v = [m for m in inside if m.start >= ve and m.start - ve <= 25]
        subject: Mention | None = None
        if before and (not after or toks.index((vs, ve, verb)) - _tok_index(toks, before[-1].start) <= 4):
            subject = before[-1]
        elif after_v and (after_v[0].kind not in ("pronoun", "first") or _subject(after_v[0])):
            subject = after_v[0]
        if subject is None:
            desc = description(text[ve:hi]) or description(small_determiner(text[lo:vs]), last=True)
            if desc is None:
                return None
            desc = _VOICE_OF_RE.sub("", desc)      # "said his mother's voice": his mother
            who = self.cast.describe(desc)
            if not self.cast.from_book and (who is None or _is_description(who)):
                who = self._just_named(desc, who) or who
            if who is None:   # without a cast list the description itself names the speaker
                who = self._by_noun(desc) if self.cast.from_book else (self._kin(desc) or _speaker_name(desc))
            if who is None:
                return None
            return Attribution(who, 0.8, f'explicit: "{verb} {desc}"')
        who = subject.person
        if who and subject.kind in ("name", "alias") and not self.cast.from_book and _is_description(who):
            who = self._just_named(subject.word, who) or who
        if subject.kind == "pronoun" and who in excluded:   # "Jo, come here," she said: she is not Jo
            who = self._antecedent(subject.gender, self.st.history, skip=excluded)
        last = self.items[-1].found.get(self.items[-1].quote_ids[-1]) if after and self.items else None
        if subject.kind == "pronoun" and verb in REPLY_VERBS and last and who == last.speaker \
                and last.reason.startswith("explicit: \""):
            who = self._antecedent(subject.gender, self.st.history, skip={who}) or who   # "he answered": the other
        if subject.kind == "pronoun" and not self.cast.from_book:
            who = self._newcomer(subject.gender, who) or who
        if who is None:
            return None
        phrase = f"{subject.word} {verb}" if subject.end <= vs else f"{verb} {subject.word}"
        if subject.kind == "pronoun":
            return Attribution(who, 0.85, f"pronoun: {subject.word.lower()} → {who}")
        if subject.kind == "first":
            return Attribution(who, 0.8, f'explicit: "{phrase}" (the narrator)')
        return Attribution(who, 0.95, f'explicit: "{phrase}"')

    def _colon(self, prev: Paragraph | None, excluded: set[str]) -> Attribution | None:
        if prev is None or not prev.segments or prev.segments[-1].kind != "narration":
            return None
        text = prev.segments[-1].text.rstrip()
        if not text.endswith((":", ",", "—")):
            return None
        a = self._tag_clause(text, self._resolve(self.cast.mentions(text), text), after=False)
        if a is None or a.speaker in excluded:
            return None
        return Attribution(a.speaker, min(a.confidence, 0.85), f"colon: {a.reason}")

    def _introduction(self, segs: tuple[Segment, ...], quotes: list[int]) -> Attribution | None:
        """“Good evening. My name is Hale.”"""
        for i in quotes:
            for m in _OWN_NAME_RE.finditer(segs[i].text):
                who = self.cast.resolve(m.group(1))
                if who:
                    return Attribution(who, 0.8, f'introduces themselves: "{_short(m.group(0))}"')
        return None

    def _beat(self, segs: tuple[Segment, ...], mentions: list[list[Mention]],
              excluded: set[str]) -> Attribution | None:
        for i, s in enumerate(segs):
            if s.kind != "narration":
                continue
            # narration leading into the quote: the sentence next to it first
            cuts = [c.end() for c in _SENTENCE_RE.finditer(s.text)] if i == 0 and len(segs) > 1 else []
            for m in sorted(mentions[i], key=lambda m: (-bisect_right(cuts, m.start), m.start)):
                if not _subject(m) or m.person == FIRST or _OBJECT_RE.search(s.text, 0, m.start):
                    continue
                new = self._newcomer(m.gender, m.person) if m.kind == "pronoun" and not self.cast.from_book else None
                if new:     # "He bowed." and no man is known
                    return Attribution(new, 0.6, f'beat: "{_short(s.text)}"')
                if m.person and m.person not in excluded:
                    return Attribution(m.person, 0.7, f'beat: "{_short(s.text)}"')
        return None

    def _previous(self, prev: Paragraph | None, excluded: set[str]) -> Attribution | None:
        if prev is None or not prev.segments or prev.segments[-1].kind != "narration":
            return None
        text = prev.segments[-1].text
        cuts = [0] + [m.end() for m in _SENTENCE_RE.finditer(text)]
        every = self._resolve(self.cast.mentions(text), text)
        ms = [m for m in every if _subject(m) and not _possessive(text, m)]
        hi = len(text)
        for lo in reversed(cuts):
            for m in ms:
                if m.start >= lo:
                    if m.person in (None, FIRST) or m.person in excluded:
                        return None
                    return Attribution(m.person, 0.5 if m.kind == "pronoun" else 0.55,
                                       f'previous sentence: "{_short(text[lo:])}"')
            # no subject, one person: "Older, guilt written all over her face." (not "Looked into her eyes.":
            # a sentence that opens with its verb has the subject of the one before)
            people = {m.person for m in every if lo <= m.start < hi}
            who = people.pop() if len(people) == 1 else None
            if who and who != FIRST and who not in excluded and not _VERB_FIRST_RE.match(text, lo):
                return Attribution(who, 0.5, f'previous sentence: "{_short(text[lo:])}"')
            ms = [m for m in ms if m.start < lo]
            hi = lo
        return None

    def _echo(self) -> None:
        """A quote repeated word for word keeps the speaker of its surest occurrence."""
        best: dict[str, Attribution] = {}
        for qid, a in self.out.items():
            k = self.texts[qid]
            if len(k.split()) >= 3 and (k not in best or a.confidence > best[k].confidence):
                best[k] = a
        for qid, a in self.out.items():
            b = best.get(self.texts[qid])
            if b is not None and b.confidence >= 0.8 and a.confidence < 0.5:
                self.out[qid] = Attribution(b.speaker, 0.5, f"echo: the same words as {b.speaker}'s line")

    # -- mentions and pronouns
    def _resolve(self, mentions: list[Mention], text: str, remember: bool = False) -> list[Mention]:
        out = []
        hist = self.st.history[-80:]
        cuts = [m.end() for m in _SENTENCE_RE.finditer(text)]
        for m in mentions:
            person = m.person
            if m.kind == "pronoun":
                person = self._antecedent(m.gender, hist)
            elif m.kind == "first":
                person = FIRST
            if person is not None:
                n = bisect_right(cuts, m.start)
                lead = text[cuts[n - 1] if n else 0:m.start]
                kind = "possessive" if _possessive(text, m) else m.kind   # "Stephen's eyes"
                ap = _HER_APPOSITION_RE.match(text, m.end) if m.kind == "name" else None    # "Millie, her maid,"
                kind = (_OWNED.get(ap.group(1) + " " if ap else text[max(0, m.start - 4):m.start].lower())
                        if m.kind == "name" else None) or kind    # "not her Ayah": not the woman "she" stands for
                hist.append(_Ref(person, kind, self.st.sentence + n, len(_WORD_RE.findall(lead)) <= 1))
            out.append(Mention(person, m.start, m.end, m.kind, m.word, m.gender))
        if remember:
            for ref in hist[len(self.st.history[-80:]):]:
                if ref.person != FIRST:
                    self.seen[ref.person] = _Seen(self.cast.gender(ref.person), ref.sentence)
            self.st.history = hist
            self.st.sentence += len(cuts) + 1
        return out

    def _antecedent(self, gender: str, hist: list[_Ref], skip: frozenset[str] | set[str] = frozenset()) -> str | None:
        """The person a he/she refers to: the latest of that gender, or the subject of that sentence."""
        fallback = possessor = None
        owned = _OWNED["her " if gender == "female" else "his "]
        for k in range(len(hist) - 1, -1, -1):
            ref = hist[k]
            if ref.person == FIRST or ref.person in skip or ref.kind == owned:
                continue
            g = self.cast.gender(ref.person)
            if ref.kind == "possessive":        # "he" is seldom the owner in "Stephen's eyes"
                if g == gender and possessor is None and len(hist) - k < 6:
                    possessor = ref.person
                continue
            if g == gender:
                if not ref.subject:
                    for e in hist[max(0, k - 6):k]:
                        if e.sentence == ref.sentence and e.subject and e.person not in skip and e.person != FIRST \
                            and (e.kind != "pronoun" or self.cast.from_book) and self.cast.gender(e.person) == gender:
                            return e.person
                return ref.person
            if g == "unknown" and fallback is None and len(hist) - k < 6:
                fallback = ref.person
        fallback = fallback or possessor
        if fallback is None:    # nobody of that gender in this chapter yet: the last one seen before
            seen = [p for p, q in self.seen.items() if q.gender == gender and p not in skip]
            if seen:
                return max(seen, key=lambda p: self.seen[p].sentence)
            alone = [p.name for p in self.cast.people.values() if p.gender == gender and p.name not in skip]
            if len(alone) == 1:
                return alone[0]
        return fallback

    def _by_noun(self, desc: str) -> str | None:
        gender = noun_gender(desc)
        if gender is None:
            return None
        owner = desc.split()[0].lower()
        skip: set[str] = set()
        if owner in ("a", "an", "another"):     # "asked a gentleman": someone not met lately
            lately = {r.person for r in self.st.history}
            new = [p.name for p in self.cast.people.values() if p.gender == gender and p.name not in lately]
            return new[0] if len(new) == 1 else None
        if owner in ("his", "her"):     # "her mother" is not the woman "her" stands for
            who = self._antecedent("male" if owner == "his" else "female", self.st.history)
            skip = {who} if who else set()
            kin = self._family(who, gender, desc.split()[-1].lower()) if who else None
            if kin:                     # "his wife" of Mr. Bennet: Mrs. Bennet
                return kin
        return self._antecedent(gender, self.st.history, skip=skip)

    def _just_named(self, desc: str, itself: str | None = None) -> str | None:
        """"... beckoned by Lucy. / 'So glad,' said the girl": without a cast list, a definite description
        with a gendered noun (not a bare "the man", "the woman": mostly someone new) is the last person of that
        gender, when they were named in the last five sentences; "her mother" is not the woman "her" stands
        for. ``itself``: the description's own entry, if it is a discovered character."""
        gender = noun_gender(desc)
        det = desc.split()[0].lower()
        bare = len(desc.split()) < 3       # "the woman" is mostly someone new, "the worthy woman" seldom
        if gender is None or det not in ("the", "his", "her") or (bare and desc.split()[-1].lower() in GENERIC_NOUNS):
            return None
        skip = {itself} if itself else set()
        last = self.items[-1].found.get(self.items[-1].quote_ids[-1]) if self.items else None
        if last is None and self.items and (before := self.items[-1].previous) and before.confidence > 0.5:
            last = before       # ... nor the one a named subject gave the line before ("Mark nodded.")
        if last is not None:        # "How much?" asked the gentleman: not the one he answers
            skip.add(last.speaker)
        if det != "the":        # "her mother" is not the woman "her" stands for
            owner = self._antecedent("male" if det == "his" else "female", self.st.history)
            skip.add(owner or "")
        who = self._antecedent(gender, self.st.history, skip=skip)
        seen = self.seen.get(who or "")
        if who is None or _is_description(who) or seen is None or self.st.sentence - seen.sentence > 5:
            return None
        return who

    def _kin(self, desc: str) -> str | None:
        """Without a cast list only a relative with the owner's surname is named: "his wife" of Mr. Bennet."""
        owner, gender = desc.split()[0].lower(), noun_gender(desc)
        if owner not in ("his", "her") or gender is None:
            return None
        who = self._antecedent("male" if owner == "his" else "female", self.st.history)
        return self._family(who, gender, desc.split()[-1].lower()) if who else None

    def _family(self, owner: str, gender: str, noun: str = "") -> str | None:
        """The one cast member of ``gender`` who shares a surname with any of ``owner``'s name forms
        ("Elinor", also "Miss Dashwood"); of several, "her mother" is the one a married title names."""
        person = self.cast.people.get(owner)
        surnames = {ws[-1] for f in (owner, *(person.aliases if person else ())) if len(ws := norm(f).split()) > 1}
        same = [p for p in self.cast.people.values() if p.name != owner and p.gender == gender
                and any(len(ws := norm(f).split()) > 1 and ws[-1] in surnames for f in (p.name, *p.aliases))]
        titles = _ELDER_TITLES.get(noun, ())
        if len(same) > 1 and titles:
            same = [p for p in same if any(norm(f).split()[0] in titles for f in (p.name, *p.aliases))]
        return same[0].name if len(same) == 1 else None

    def _named_in(self, quote: str) -> set[str]:
        """People a quote names (listeners, people talked about), minus a self-introduction."""
        names = {m.person for m in self.cast.mentions(quote) if m.person and m.kind == "name"}
        for v in vocatives(quote):
            r = self.cast.resolve(v)
            if r:
                names.add(r)
        for m in INTRO_RE.finditer(quote):
            r = self.cast.resolve(m.group(1))
            names.discard(r or "")
        return names


def _possessive(text: str, m: Mention) -> bool:
    """"Stephen's upper pocket" (Stephen is not the subject); "Buck Mulligan's voice went on" is."""
    return text[m.end:m.end + 2] in ("'s", "’s") and not _VOICE_RE.match(text, m.end + 2)


# the titles a parent is called by: "her mother" of Elinor Dashwood is Mrs. Dashwood, not Marianne
_ELDER_TITLES = {"mother": ("mrs", "lady", "mother", "madame"), "father": ("mr", "sir", "lord", "father", "monsieur")}
# plural and group nouns: never the "he" or "she" of a tag
_NOT_ONE = frozenset("men women gentlemen ladies boys girls children people parents voices others other one two three "
                     "several crowd group".split())
_HER_APPOSITION_RE = re.compile(r",\s+(her|his)\s+(?:[a-z-]+\s+){0,2}[a-z]+,")
_OWNED = {"her ": "owned female", "his ": "owned male"}     # "her Ayah": a name a he/she has
_VERB_FIRST_RE = re.compile(r"\s*[A-Z][a-z]+ed\b(?!,)")
_VOICE_OF_RE = re.compile(r"['’]s (?:\w+ )?(?:voice|tones?)$")
_VOICE_RE = re.compile(r"\s+(?:\w+\s+){0,2}?(?:voice|tones?)\b")


# "turned to Rosa and said", "said the maid to Tomas", "She turned to Tom.": a name after a preposition
# is not the speaker of a tag or a beat ("on" is left out: "went on Rosa")
_OBJECT_RE = re.compile(r"\b(?:to|at|towards|toward|with|from|upon|for|by)\s+$", re.IGNORECASE)
_NEGATED_RE = re.compile(r"\b(?:not|never|n['’]t)\s+$", re.IGNORECASE)    # "did not answer"
_NOTHING_RE = re.compile(r"\s+(?:nothing|no more|not a word)\b")          # "said nothing"
_SILENT_RE = re.compile(r"\s+(?:(?:did|could|would) not|(?:did|could|would)n['’]t|never)\s+"
                        r"(?:answer|reply|respond|speak)|\s+(?:said|answered|replied) nothing"
                        r"|\s+made no (?:answer|reply)|\s+(?:was|remained|kept) silent")


def speaker_gender(desc: str) -> str:
    """The gender a description used as a speaker implies ("The old man" -> male), else unknown."""
    return noun_gender(desc) or "unknown"


def _is_description(name: str) -> bool:
    """"The girl", "His mother": a speaker named by a description, not a name."""
    ws = name.split()
    return len(ws) > 1 and ws[0].lower() in ("the", "a", "an", "his", "her", "my", "their", "our") \
        and ws[1][:1].islower()


def _subject(m: Mention) -> bool:
    return m.kind in ("name", "alias") or m.word.lower() in SUBJECT_PRONOUNS


def _tok_index(toks: list[tuple[int, int, str]], start: int) -> int:
    for k, t in enumerate(toks):
        if t[0] >= start:
            return k
    return len(toks)


def _speaker_name(desc: str) -> str:
    """'the old man' -> 'The old man' (a description standing in for a name)."""
    return desc[:1].upper() + desc[1:]


def _short(text: str, n: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= n else text[: n - 1] + "…"


def _key(text: str) -> str:
    return " ".join(w.lower() for w in _WORD_RE.findall(text))


__all__ = ["Attribution", "UNNAMED_NARRATOR", "attribute", "speaker_gender", "MALE_PRONOUNS", "FEMALE_PRONOUNS"]
