"""How sure attribution is of each quote's speaker, from general features of the decision (pure).

The passes say which rule decided a quote; how often that rule is right depends on where it was
used: a turn counted four paragraphs from the last tag in a long conversation of three people is
a guess, the same rule between two tags that agree is nearly sure. So the confidence is a logistic
model over features every decision has:

* the rule (``Attribution.rule`` by family: ``family``);
* the conversation: the people speaking near the quote, whether counting turns from the anchor
  before and from the anchor after (paragraphs a local rule decided) gives the speaker, and what
  the nearest of them says, whether that anchor is an action beat (the subject of "Tomas shrugged."
  need not be the one who speaks: the weakest of the anchors), whether the speaker repeats the one
  two paragraphs back (two people taking turns), a turn across a pause (its paragraph opens with
  narration, or the one before ends with a sentence of action: the one who spoke may go on, as the
  decoder allows), a reply that names the speaker or someone else, a quote that names the one before,
  the line before calling the speaker, or someone else, by name (the one called answers), a quote that
  calls or names its own speaker (seldom theirs), who talks with whom in the whole book (``_partners``:
  a turn given to the usual partner of both neighbours, a line given to a stranger of the one before, a
  turn giving someone two paragraphs running), a conversation's first line, a question before;
* the quote: more quotes in its paragraph, words of narration, its length, the speaker named in it;
  who can say its words (``_Voices``: a form of address its speaker is seen to use, words another
  speaker near it uses more);
* competing candidates: other characters of the speaker's gender named in the paragraph and the one
  before; paragraphs since the narration named the speaker; the speaker's share of the book's
  lines; a speaker of unknown gender; the book's share of quotes its paragraphs decide themselves;
  how many people speak more than the speaker in the lines around it (a line given to someone who
  seldom talks in the scene is often one of the main talkers' lines); a turn the decoder gave to
  someone none of whose lines around it their own paragraph decides (no tag, speech tag or beat);
* the conversation's sides (``_Sides``): a turn given to someone only a he/she tag or a beat anchors in
  this conversation, a he/she line given to someone nothing in it names while someone else is named; a
  he/she whose speaker the narration just before names as the subject of a clause (``grammar.opens_clause``), not in
  passing ("Rosa looked at Tomas");
* the track: a cast list in book.yaml or discovered characters;
* the conversation decoder's margin (turns.margins, cast track): how much worse the conversation reads
  with the line given to someone else, every paragraph's own evidence weighed as fallible. A turn
  the anchors on both sides agree on has a wide margin, one they dispute a narrow one, and a speech
  tag or beat the turns around it contradict a negative one; the people of the whole conversation;
  for a pronoun, another speaker of its gender nearby;
* other readings of the same quotes (sieve.readings): the passes over each chapter read backwards,
  and, with a cast list, over the characters discovery finds instead (mapped to the cast by name).
  Their errors are partly their own, so where one gives the quote to someone else (or, discovered,
  to nobody of the cast) the decision is a closer call.

The weights are fitted on the LitBank set (CC BY 4.0), its 2,000-word excerpts bound into novels
with one narrator each (those told in the third person all in one: many characters, each with a small
share of the lines, as in a whole novel), as written and with half their speech tags blanked out (long
untagged runs):
``bench/confidence.py --fit``. Never on the novels we measure with. Tags are facts (1.0); a quote
no one speaks has the fixed confidence of unspoken.py.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import NamedTuple

from audiobook.text.attribution import state as rules
from audiobook.text.attribution.conversation import acts, address_forms
from audiobook.text.attribution.grammar import opens_clause
from audiobook.text.attribution.state import Attribution
from audiobook.text.cast import Cast
from audiobook.text.manuscript import Manuscript, Paragraph

RULES = ("explicit", "pronoun", "continues", "beat", "addressed", "answers", "turns", "fits_both",
         "previous", "weak")
# rules decided by the paragraph itself: the anchors turn-taking counts from
LOCAL = frozenset({"tag", "explicit", "pronoun", "continues", "beat"})
MARGIN_HARD = 1000.0        # a margin this wide comes from a tag: no evidence of the turns
AROUND = 40                 # lines on each side whose speakers the "outranked" feature counts
VOICE_WORDS = 30            # words of a person's own lines before their voice is weighed (``_Voices``)
VOICE_MU = 300.0            # how strongly a voice is smoothed towards the book's dialogue (Dirichlet prior)

# fitted on the LitBank excerpts bound into novels (bench/confidence.py --fit, as the decoder stood before
# Weights.repeat went to 6.25: a refit since leaves out the disagreement features and ranks a disputed turn
# above an agreed one; bench/ATTRIBUTION.md, session 33)
WEIGHTS: dict[str, float] = {
    "bias": 0.937,
    "alternates": 0.053,
    "book_anchors": 0.234,
    "called_me": 0.365,
    "called_other": -0.256,
    "calls_previous": 0.27,
    "cast_list": 0.61,
    "decoded": -0.298,
    "disagree": -0.061,
    "long_quote": 0.184,
    "many_quotes": -0.102,
    "me_named": 0.212,
    "names_self": -0.149,
    "narration": -0.503,
    "nearest_agrees": 0.26,
    "nearest_disagrees": -0.052,
    "opens_chain": -0.23,
    "outranked": -0.602,
    "own_form": 0.362,
    "paused": -0.382,
    "people3": -0.049,
    "pronoun_rival": -0.091,
    "pronoun_subject": 0.48,
    "renamed": -0.239,
    "repeats": -0.247,
    "reply_names_me": 0.512,
    "reply_names_other": -0.335,
    "reread_backwards": -0.707,
    "reread_nobody": -0.954,
    "reread_other": -1.47,
    "rivals": -0.565,
    "rule_addressed": 0.191,
    "rule_answers": 0.065,
    "rule_beat": -0.135,
    "rule_explicit": 0.616,
    "rule_previous": -0.182,
    "rule_pronoun": 0.164,
    "rule_turns": -0.272,
    "rule_weak": -0.444,
    "self_called": -0.103,
    "share": 0.17,
    "stranger": -0.566,
    "support": 0.567,
    "turn_margin": 0.797,
    "unanchored": -0.403,
    "unnamed_for": -0.586,
    "usual_partner": 0.347,
    "weak_anchor": -0.373,
    "weak_side": -0.397,
    "words_other": -0.395,
}


@dataclass(frozen=True)
class _Par:
    """A paragraph with quotes, as the conversation features see it."""

    key: tuple[int, int]           # (chapter, paragraph number)
    quote_ids: tuple[int, ...]
    speaker: str                   # of its last quote
    anchor: bool                   # decided by a local rule


# the family each rule of state.py is weighed as (anything else: "weak", as echo, recent, guess)
_FAMILIES = {
    rules.TAG: "tag", rules.BESIDE_TAG: "tag", rules.UNSPOKEN: "unspoken",
    rules.EXPLICIT: "explicit", rules.FIRST_PERSON: "explicit", rules.COLON: "explicit",
    rules.NAMED_AFTER: "explicit", rules.INTRODUCES: "explicit", rules.ANSWERS_NAME: "explicit",
    rules.CONTINUES: "continues", rules.PRONOUN: "pronoun", rules.BEAT: "beat", rules.PREVIOUS: "previous",
    rules.TURNS: "turns", rules.ANSWERS: "answers", rules.ADDRESSED: "addressed", rules.FITS_BOTH: "fits_both",
}


def family(a: Attribution) -> str:
    """The rule family a decision is weighed as, from its ``rule`` ('turns', 'explicit', 'weak', ...)."""
    return _FAMILIES.get(a.rule, "weak")


class Readings(NamedTuple):
    """Other readings of the same quotes (sieve.readings), speakers by quote_id: the passes over each
    chapter read backwards, and (with a cast list) over the characters discovery finds instead, mapped
    to the cast by name (None: nobody in it; no such reading: None)."""

    backwards: dict[int, str]
    discovered: dict[int, str | None] | None = None


def features(ms: Manuscript, cast: Cast, found: dict[int, Attribution],
             readings: Readings | None = None) -> dict[int, dict[str, float]]:
    """The features of every untagged quote's decision, by quote_id (``readings``: when made)."""
    share = Counter(a.speaker for a in found.values())
    local = sum(family(a) in LOCAL for a in found.values()) / max(1, len(found))
    chapters = [_chains(ch.number, ch.paragraphs, found) for ch in ms.chapters]
    partners = _partners([chain for chains in chapters for chain in chains])
    voices = _Voices({s.quote_id: s.text for ch in ms.chapters for p in ch.paragraphs for s in p.segments
                      if s.kind == "dialogue" and s.quote_id in found}, found)
    out: dict[int, dict[str, float]] = {}
    for ch, chains in zip(ms.chapters, chapters, strict=True):
        ctx = _Chapter(ch.paragraphs, cast, found, share, len(found), local)
        ctx.around = _around([s.quote_id for p in ch.paragraphs for s in p.segments if s.kind == "dialogue"], found)
        ctx.partners = partners
        ctx.voices = voices
        for chain in chains:
            ctx.chain(chain, out)
    if readings is not None:
        for q, f in out.items():
            f.update(_reread(q, found[q].speaker, readings))
    return out


def _chains(number: int, paragraphs: tuple[Paragraph, ...], found: dict[int, Attribution]) -> list[list[_Par]]:
    """A chapter's conversations: runs of consecutive paragraphs with dialogue."""
    chains: list[list[_Par]] = [[]]
    for p in paragraphs:
        qs = tuple(s.quote_id for s in p.segments if s.kind == "dialogue")
        if not qs:
            chains.append([])
            continue
        anchor = any(family(found[q]) in LOCAL for q in qs)
        chains[-1].append(_Par((number, p.number), qs, found[qs[-1]].speaker, anchor))
    return [c for c in chains if c]


def _partners(chains: list[list[_Par]]) -> dict[str, Counter[str]]:
    """Who each person talks with in the book: their exchanges (a paragraph of theirs next to someone
    else's, both decided by the paragraph itself) counted by the other one. People who talk together
    often talk together again (the decoder weighs the same habit; here its outcome is read)."""
    count: dict[str, Counter[str]] = {}
    for chain in chains:
        for a, b in zip(chain, chain[1:], strict=False):
            if a.anchor and b.anchor and a.speaker != b.speaker:
                count.setdefault(a.speaker, Counter())[b.speaker] += 1
                count.setdefault(b.speaker, Counter())[a.speaker] += 1
    return count


def _usual(partners: Counter[str], who: str) -> bool:
    """``who`` is (one of) the ones these exchanges are most often with."""
    return bool(partners) and partners[who] == max(partners.values())


def _reread(q: int, me: str, r: Readings) -> dict[str, float]:
    """Whether the other readings give the quote to someone else: the one with discovered characters
    (someone of the cast, or nobody in it), the one read backwards."""
    f = {"reread_backwards": float(r.backwards.get(q, me) != me)}
    if r.discovered is not None and q in r.discovered:
        found = r.discovered[q]
        f["reread_other"] = float(found not in (None, me))
        f["reread_nobody"] = float(found is None)
    return f


class _Chapter:
    """What the features of one chapter's conversations read: its paragraphs and who they name."""

    def __init__(self, paragraphs: tuple[Paragraph, ...], cast: Cast, found: dict[int, Attribution],
                 share: Counter[str], total: int, local: float) -> None:
        self.by_number = {p.number: p for p in paragraphs}
        self.cast, self.found, self.share, self.total = cast, found, share, max(total, 2)
        self.local = local          # the book's share of quotes its paragraphs decide themselves
        self.narration = {p.number: " ".join(s.text for s in p.segments if s.kind == "narration") for p in paragraphs}
        self.named: dict[str, list[int]] = {}      # person -> paragraph numbers naming them (narration)
        for p in paragraphs:
            for m in cast.mentions(self.narration[p.number]):
                if m.person and m.kind in ("name", "alias"):
                    self.named.setdefault(m.person, []).append(p.number)
        self.texts = {s.quote_id: s.text for p in paragraphs for s in p.segments if s.kind == "dialogue"}
        self.around: dict[int, tuple[int, int]] = {}    # quote_id -> _around's counts
        self.partners: dict[str, Counter[str]] = {}     # _partners of the whole book
        self.voices = _Voices({}, {})                    # the speakers' own words and forms of address

    def chain(self, chain: list[_Par], out: dict[int, dict[str, float]]) -> None:
        cast, found = self.cast, self.found
        speakers = [c.speaker for c in chain]
        anchors = [k for k, c in enumerate(chain) if c.anchor]
        calls = [cast.addressed(self.texts[c.quote_ids[0]]) for c in chain]    # who each paragraph speaks to
        # who the paragraph before calls by name in any of its quotes, its own speaker aside: the one to answer
        called: list[set[str]] = [set()] + [
            {w for q in c.quote_ids for w in cast.addressed(self.texts[q])} - {c.speaker} for c in chain[:-1]]
        sides = _Sides(chain, found, {q: cast.addressed(self.texts[q]) for c in chain for q in c.quote_ids})
        for k, c in enumerate(chain):
            p = self.by_number[c.key[1]]
            agree, disagree, nearest_says = _counted(chain, anchors, k)
            near = set(speakers[max(0, k - 3):k + 4])
            narration = self.narration[p.number]
            paused = _opens(p) or k > 0 and _rests(self.by_number[chain[k - 1].key[1]])
            for q in c.quote_ids:
                a = found[q]
                rule = family(a)
                if rule == "tag":
                    continue
                me = a.speaker
                reply = calls[k + 1] if k + 1 < len(chain) else []
                f = {f"rule_{rule}": 1.0}
                f["cast_list"] = float(cast.from_book)
                f["renamed"] = float(bool(a.described_as))
                f["people3"] = float(len(near) >= 3)
                f["agree"] = agree / 2
                f["disagree"] = disagree / 2
                f["nearest_agrees"] = float(nearest_says == 1)
                f["nearest_disagrees"] = float(nearest_says == -1)
                f["alternates"] = float(k >= 2 and speakers[k - 2] == me != speakers[k - 1])
                f.update(self._habits(speakers, k, c.anchor))
                f["reply_names_me"] = float(me in reply)
                f["reply_names_other"] = float(bool(reply) and me not in reply)
                f["calls_previous"] = float(k >= 1 and speakers[k - 1] in calls[k])
                f["called_me"] = float(me in called[k])
                f["called_other"] = float(bool(called[k]) and me not in called[k])
                f.update(_own_name(cast, me, self.texts[q]))
                f.update(self.voices.fit(q, a, near))
                f["many_quotes"] = float(len(c.quote_ids) > 1)
                f["narration"] = min(len(narration.split()), 60) / 60
                f["rivals"] = min(_rivals(cast, me, narration + " " + self.narration.get(p.number - 1, "")), 3) / 3
                f["unnamed_for"] = min(self._since_named(me, p.number), 30) / 30
                named_here = {m.person for m in cast.mentions(narration) if m.person and m.kind in ("name", "alias")}
                f["me_named"] = float(me in named_here)
                f["opens_chain"] = float(k == 0)
                f["paused"] = float(not c.anchor and paused)
                f["weak_anchor"] = float(not c.anchor and bool(anchors) and family(found[chain[min(
                    anchors, key=lambda j: abs(j - k))].quote_ids[-1]]) == "beat")
                f["long_quote"] = min(len(self.texts[q].split()), 60) / 60
                f["book_anchors"] = self.local
                f["after_question"] = float(k >= 1 and self.texts[chain[k - 1].quote_ids[-1]].endswith("?"))
                f["share"] = math.log(max(self.share[me], 1) / self.total) / math.log(self.total) + 1
                f["unknown_gender"] = float(cast.gender(me) == "unknown")
                f.update(_margin(a, c.anchor))
                f["crowd"] = max(0, min(len(set(speakers)), 5) - 2) / 3
                outranked, anchored = self.around.get(q, (0, 1))
                f["outranked"] = min(outranked, 3) / 3
                f["unanchored"] = float(anchored == 0 and "decoded" in f)
                f["pronoun_rival"] = float(rule == "pronoun" and any(
                    s != me and cast.gender(s) == cast.gender(me) for s in near))
                f.update(sides.of(me, c.anchor, a))
                if _he_she(a):
                    f["pronoun_subject"] = float(self._named_as_subject(me, p, q))
                out[q] = f

    def _habits(self, speakers: list[str], k: int, anchor: bool) -> dict[str, float]:
        """Who the speaker of paragraph k talks with in the book (``_partners``): a line given to someone the
        one before has often exchanged lines with, but never with them, is likelier someone else's; a turn
        given to the one both the speaker before and the speaker after talk with most is likelier right;
        a turn giving someone two paragraphs running (nothing in the text says they go on) is less sure."""
        me = speakers[k]
        before = speakers[k - 1] if k >= 1 else None
        after = speakers[k + 1] if k + 1 < len(speakers) else None
        had = self.partners.get(before or "", Counter())
        f = {"stranger": float(before not in (None, me) and had.total() >= 3 and had[me] == 0)}
        if anchor:
            return f
        f["repeats"] = float(me in (before, after))
        f["usual_partner"] = float(me not in (before, after) and all(
            _usual(self.partners.get(n or "", Counter()), me) for n in (before, after)))
        return f

    def _named_as_subject(self, me: str, p: Paragraph, q: int) -> bool:
        """A he/she line whose speaker the narration just before it (the paragraph before, its own before the
        quote) last names as the subject of a clause ("Tomas turned. ... he said"), not in passing ("Rosa
        looked at Tomas", "Tomas's hat"): the he or she most likely stands for them."""
        before = []
        for s in p.segments:
            if s.kind == "dialogue" and s.quote_id == q:
                break
            if s.kind == "narration":
                before.append(s.text)
        text = self.narration.get(p.number - 1, "") + " " + " ".join(before)
        mine = [m for m in self.cast.mentions(text) if m.person == me and m.kind in ("name", "alias")]
        return bool(mine) and opens_clause(text, mine[-1])

    def _since_named(self, person: str, number: int) -> int:
        """Paragraphs since the narration last named this person (30 when never in the chapter so far)."""
        seen = [n for n in self.named.get(person, []) if n <= number]
        return number - seen[-1] if seen else 30


_WORD = re.compile(r"[a-z']+")


class _Voices:
    """How each person talks in the book, from the lines their own paragraph gives them (a tag, a speech tag,
    a beat): the words they use, and the forms of address a tag or a named speech tag shows them using
    ("ma'am", "my dear", "papa": conversation.address_forms, the decoder's own habit). A line in someone's
    usual words, or calling someone as they do, is likelier theirs; one whose words another person near it
    uses more is likelier that person's (who can say this line, not where it sits)."""

    def __init__(self, texts: dict[int, str], found: dict[int, Attribution]) -> None:
        self.words = {q: _WORD.findall(t.lower().replace("’", "'")) for q, t in texts.items()}
        self.texts = texts
        self.book: Counter[str] = Counter()
        self.own: dict[str, Counter[str]] = {}
        self.forms: dict[str, set[str]] = {}
        for q, words in self.words.items():
            a = found[q]
            self.book.update(words)
            if family(a) in LOCAL:
                self.own.setdefault(a.speaker, Counter()).update(words)
            if _teaches(a):
                self.forms.setdefault(a.speaker, set()).update(address_forms(texts[q]))
        self.size = {p: c.total() for p, c in self.own.items()}
        self.book_size = self.book.total() + len(self.book) + 1

    def fit(self, q: int, a: Attribution, near: set[str]) -> dict[str, float]:
        """``own_form``: the quote calls someone as its speaker is seen to (a line that teaches it aside);
        ``words_other``: how much better the quote's words (4 or more) fit the voice of another speaker
        near it than its speaker's, a log-likelihood ratio over the root of its length, scaled to -1..1."""
        f: dict[str, float] = {}
        forms = address_forms(self.texts.get(q, ""))
        if forms and not _teaches(a):
            f["own_form"] = float(bool(forms & self.forms.get(a.speaker, set())))
        words = self.words.get(q, [])
        me = a.speaker
        others = [p for p in near if p != me and self.size.get(p, 0) >= VOICE_WORDS]
        if len(words) >= 4 and others and self.size.get(me, 0) >= VOICE_WORDS:
            mine = self._likelihood(me, words, family(a) in LOCAL)
            gap = max(self._likelihood(p, words, False) for p in others) - mine
            f["words_other"] = max(-1.0, min(1.0, gap / math.sqrt(len(words)) / 2))
        return f

    def _likelihood(self, person: str, words: list[str], counted: bool) -> float:
        """Log-likelihood of the words in the person's voice against the book's ("counted": the line is one of
        theirs already, so its own words are taken out first)."""
        own, size = self.own[person], self.size[person]
        mine = Counter(words) if counted else Counter()
        size -= len(words) if counted else 0
        total = 0.0
        for w in words:
            book = (self.book[w] + 1) / self.book_size
            total += math.log((own[w] - mine[w] + VOICE_MU * book) / (size + VOICE_MU)) - math.log(book)
        return total


def _teaches(a: Attribution) -> bool:
    """Does the line show its speaker's own forms of address: a [Name] tag or a named speech tag, not a he/she?"""
    """A line whose speaker the text names for sure: a tag, or a speech tag with a name (not "she said")."""
    return a.rule == rules.TAG or a.rule in (rules.EXPLICIT, rules.FIRST_PERSON) and not a.pronoun


class _Sides:
    """Who a conversation's own text anchors: the people a tag or a named speech tag gives a line to, the ones
    only a he/she tag or a beat does, and the ones a quote calls by name. A side of the conversation nothing
    there names (its speaker inferred from a he/she, from recency, from the turns) is often the wrong person
    all along, where a named side is seldom."""

    def __init__(self, chain: list[_Par], found: dict[int, Attribution], calls: dict[int, list[str]]) -> None:
        self.named: set[str] = set()
        self.weak: set[str] = set()
        self.called: set[str] = set()
        for c in chain:
            for q in c.quote_ids:
                a = found[q]
                if family(a) == "tag" or family(a) == "explicit" and not a.pronoun:
                    self.named.add(a.speaker)
                elif family(a) in LOCAL:
                    self.weak.add(a.speaker)
                self.called.update(w for w in calls[q] if w != a.speaker)
        self.speakers = {c.speaker for c in chain}

    def of(self, me: str, anchor: bool, a: Attribution) -> dict[str, float]:
        """``weak_side``: a turn given to someone only a he/she tag or a beat anchors here; ``pronoun_unanchored``:
        a he/she line given to someone nothing here names, while a tag or a call names someone else."""
        inferred = me not in self.named and me not in self.called
        f = {"weak_side": float(not anchor and inferred and me in self.weak)}
        if _he_she(a):
            f["pronoun_unanchored"] = float(inferred and any(
                s in self.named or s in self.called for s in self.speakers - {me}))
        return f


def _he_she(a: Attribution) -> bool:
    """The decision rests on the he or she of a speech tag ("he said", "she asked")."""
    return family(a) == "pronoun" or family(a) == "explicit" and bool(a.pronoun)


def _own_name(cast: Cast, me: str, text: str) -> dict[str, float]:
    """Whether a quote calls its own speaker by name ("Tomas, wait!" given to Tomas), or names them in its
    words without calling them: people seldom do either, so the line is likelier someone else's."""
    calls = cast.addressed(text)
    named = {m.person for m in cast.mentions(text) if m.person and m.kind in ("name", "alias")}
    return {"self_called": float(me in calls), "names_self": float(me in named and me not in calls)}


def _opens(p: Paragraph) -> bool:
    """The paragraph opens with narration (someone acts before its line)."""
    first = p.segments[0]
    return first.kind == "narration" and any(c.isalpha() for c in first.text)


def _rests(p: Paragraph) -> bool:
    """The paragraph ends with a sentence of action after its last quote (conversation.acts)."""
    last = p.segments[-1]
    return last.kind == "narration" and acts(last.text)


def _around(quote_ids: list[int], found: dict[int, Attribution], reach: int = AROUND) -> dict[int, tuple[int, int]]:
    """For each line of a chapter, among the ``reach`` lines before it, itself and the ``reach`` after: how
    many people have more lines than its speaker, and how many of the speaker's lines there its own
    paragraph decided (a tag, a speech tag, a beat); sliding windows, so linear in the chapter."""
    speakers = [found[q].speaker for q in quote_ids]
    local = [family(found[q]) in LOCAL for q in quote_ids]
    lines: Counter[str] = Counter(speakers[:reach])
    anchored: Counter[str] = Counter(s for s, loc in zip(speakers[:reach], local[:reach], strict=True) if loc)
    out: dict[int, tuple[int, int]] = {}
    for i, q in enumerate(quote_ids):
        if i + reach < len(speakers):
            lines[speakers[i + reach]] += 1
            anchored[speakers[i + reach]] += local[i + reach]
        if i - reach - 1 >= 0:
            lines[speakers[i - reach - 1]] -= 1
            anchored[speakers[i - reach - 1]] -= local[i - reach - 1]
        mine = lines[speakers[i]]
        out[q] = (sum(n > mine for n in lines.values()), anchored[speakers[i]])
    return out


def _margin(a: Attribution, anchor: bool) -> dict[str, float]:
    """What the conversation decoder's margin says (turns.margins): for a turn, how much worse the
    conversation reads with the line given to someone else (narrow: a coin toss between two
    sequences); for a paragraph's own evidence, whether the turns around it agree with it."""
    if a.margin is None or a.margin >= MARGIN_HARD:
        return {}
    if anchor:
        return {"support": max(-1.0, min(1.0, a.margin / 6))}
    return {"decoded": 1.0, "turn_margin": max(-0.25, min(1.0, a.margin / 6))}


def _counted(chain: list[_Par], anchors: list[int], k: int) -> tuple[int, int, int]:
    """Counting turns from the anchor before and from the anchor after (two people taking turns): how
    many give the speaker of paragraph k, how many someone else, and what the nearest of them says
    (1 agrees, -1 disagrees, 0 none or a tie)."""
    if chain[k].anchor:
        return 0, 0, 0
    agree = disagree = 0
    votes: list[tuple[int, int]] = []       # (distance, +1 / -1)
    before = [j for j in anchors if j < k]
    after = [j for j in anchors if j > k]
    for j in ([before[-1]] if before else []) + ([after[0]] if after else []):
        other = _other(chain, j)
        guess = chain[j].speaker if (k - j) % 2 == 0 else other
        if guess is None:
            continue
        vote = 1 if guess == chain[k].speaker else -1
        agree += vote == 1
        disagree += vote == -1
        votes.append((abs(k - j), vote))
    votes.sort()
    nearest = votes[0][1] if votes and (len(votes) == 1 or votes[0][0] < votes[1][0]) else 0
    return agree, disagree, nearest


def _other(chain: list[_Par], j: int) -> str | None:
    """The other person talking with the speaker of paragraph j: the nearest different speaker."""
    me = chain[j].speaker
    for d in range(1, len(chain)):
        for n in (j - d, j + d):
            if 0 <= n < len(chain) and chain[n].speaker != me:
                return chain[n].speaker
    return None


def _rivals(cast: Cast, speaker: str, text: str) -> int:
    """Other characters of the speaker's gender named in the text."""
    g = cast.gender(speaker)
    return len({m.person for m in cast.mentions(text) if m.person and m.person != speaker
                and m.kind in ("name", "alias") and cast.gender(m.person) == g})


def score(f: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The logistic model: the probability the decision is right."""
    w = WEIGHTS if weights is None else weights
    z = w.get("bias", 0.0) + sum(w.get(k, 0.0) * v for k, v in f.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def rate(ms: Manuscript, cast: Cast, found: dict[int, Attribution], readings: Readings | None = None) -> None:
    """Replace each untagged quote's confidence with the model's."""
    for q, f in features(ms, cast, found, readings).items():
        found[q] = replace(found[q], confidence=round(score(f), 3))     # the rest of the decision stays


__all__ = ["RULES", "Readings", "family", "features", "rate", "score"]
