"""The second pass of attribution (sieve.py): conversations, where untagged quotes alternate.

Paragraphs with dialogue that follow one another form a conversation. Its paragraphs the first pass
decided (a tag, a speech tag, a beat, a continuation) are anchors. The whole conversation is
decided at once (turns.py): the others take turns between the anchors on both sides, the one a
quote addresses ("Rosa, did you know?") answers next, a "sir" is answered by a man, two who often
talk together in the book are each other's likelier partner, a line that calls someone as one person
does in their tagged lines, or in lines the turns give them beyond doubt ("Miss Rosa", "my dear"), is a little
likelier theirs, and each line's reason names the anchor it is counted from; a conversation with nobody to
give lines to takes turns from the nearest anchor. Who spoke a few paragraphs before a conversation begins
is still in the scene, and so is a first-person narrator, in every scene they tell. A description that answers a
vocative is the person addressed ("Upon my word, Felix!" / answered the artist).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from audiobook.model import NARRATOR, UNNAMED_NARRATOR
from audiobook.text.attribution.grammar import SENTENCE_RE
from audiobook.text.attribution.state import (
    ADDRESSED,
    ANSWERS,
    BEAT,
    CONTINUES,
    EXPLICIT,
    FIRST,
    FIRST_PERSON,
    FITS_BOTH,
    GUESS,
    PREVIOUS,
    PRONOUN,
    RECENT,
    TAG,
    TURNS,
    Attribution,
    Item,
    State,
    outspeaks,
)
from audiobook.text.attribution.turns import HARD, Conversation, Evidence, decode, margins
from audiobook.text.descriptions import GENERIC_NOUNS, noun_gender
from audiobook.text.names import first_name_gender, vocatives
from audiobook.text.speech_verbs import SPEECH_VERBS

UNKNOWN = NARRATOR     # a line nothing gives anyone: the narration voice reads it
# a line the turns gave so clearly that it may teach its speaker's forms of address: a margin worth about one
# person speaking twice in a row (``Weights.repeat``)
SURE = 5.0
_DESCRIBING = frozenset("the his her their a an my our".split())     # the determiners of a description


def take_turns(st: State) -> None:
    """The second pass: each conversation's quotes the first pass left open, decided by turns; those the forms of
    address of its surest lines bear on are decided again with them (``_again``)."""
    chains: list[list[Item]] = []
    for it in st.items:
        if chains and it.gpar - chains[-1][-1].gpar == 1:
            chains[-1].append(it)
        else:
            chains.append([it])
    spoken: list[tuple[int, str]] = []      # (gpar, speaker) of paragraphs decided so far
    pairs = _pairs(st, chains)
    habits = _habits(st)
    decoded: list[Decoded] = []
    for chain in chains:
        chain[0] = _goes_on(chain[0], spoken)
        speakers: list[str | None] = [_anchor(st, it) for it in chain]
        _name_descriptions(st, chain, speakers)
        _pronouns_in_turn(st, chain, speakers)
        if any(it.found for it in chain) or _open_run(st, chain, spoken):
            lines = {q: st.out[q] for it in chain for q in it.quote_ids if q in st.out}
            undecided = Decoded(chain, len(spoken), list(speakers), lines)
            if _decode(st, chain, speakers, spoken, pairs, habits):
                decoded.append(undecided)
                spoken.extend((it.gpar, speakers[k] or UNKNOWN) for k, it in enumerate(chain))
                continue
        for k, it in enumerate(chain):
            if speakers[k] == "":        # continues a quote whose speaker is decided by now
                before = speakers[k - 1] if k > 0 else None
                for q in it.quote_ids:
                    if before and st.out[q].speaker == "":
                        st.out[q] = Attribution(before, 0.9, st.out[q].reason, rule=st.out[q].rule)
                speakers[k] = before if before and st.out[it.quote_ids[-1]].speaker else None
            if speakers[k] is None:
                a = _alternate(st, chain, speakers, k) or _fallback(st, it, spoken)
                for q in it.quote_ids:
                    st.out[q] = a
                speakers[k] = a.speaker
            spoken.append((it.gpar, speakers[k] or UNKNOWN))
        if not any(it.found for it in chain) and _swap_sides(st, chain, speakers):
            spoken[-len(chain):] = [(it.gpar, speakers[k] or UNKNOWN) for k, it in enumerate(chain)]
    _again(st, decoded, spoken, pairs, habits)


def _goes_on(it: Item, spoken: list[tuple[int, str]]) -> Item:
    """"Tomas said nothing.": a narration paragraph that says one only listened or kept silent, after a line the
    first pass left to the turns: who the turns gave that line goes on (the subject of the sentence before, as
    ``beats.previous`` says where the first pass knew who spoke it)."""
    last = spoken[-1] if spoken else None
    if it.previous is not None or not it.silent or last is None or it.gpar - last[0] != 2 \
            or last[1] in (it.silent, UNKNOWN, "") or last[1] in it.excluded:
        return it
    return replace(it, previous=Attribution(last[1], 0.5, f"previous sentence: {it.silent} listens", rule=PREVIOUS))


@dataclass
class Decoded:
    """A conversation the turns decided, as it stood before they did: where it starts in the list of who spoke,
    its paragraphs' anchored speakers and the lines the first pass decided."""

    chain: list[Item]
    start: int
    speakers: list[str | None]
    lines: dict[int, Attribution]


def _again(st: State, decoded: list[Decoded], spoken: list[tuple[int, str]],
           pairs: Exchanges, habits: dict[str, set[str]]) -> None:
    """The lines the turns gave with a margin of SURE or more teach their speakers' forms of address too (lines
    that clear are as good a sample of one's speech as a named speech tag, where a "he said" is not); the
    conversations with an untagged line that uses a form someone newly learned are decided again with them.
    The others would decide as before: only such a line's cost changes."""
    learned = {p: set(f) for p, f in habits.items()}
    for d in decoded:
        for it in d.chain:
            for q in it.quote_ids:
                a = st.out[q]
                if q not in it.found and a.speaker and a.margin is not None and a.margin >= SURE:
                    learned.setdefault(a.speaker, set()).update(address_forms(st.raw[q]))
    new = set().union(*(f - habits.get(p, set()) for p, f in learned.items()))
    if not new:
        return
    for d in decoded:
        if not any(address_forms(st.raw[q]) & new for it in d.chain for q in it.quote_ids if q not in it.found):
            continue
        for it in d.chain:
            for q in it.quote_ids:
                st.out.pop(q, None)
        st.out.update(d.lines)
        speakers = list(d.speakers)
        _decode(st, d.chain, speakers, spoken[:d.start], pairs, learned)     # the same people: it decides again
        spoken[d.start:d.start + len(d.chain)] = [(it.gpar, speakers[k] or UNKNOWN) for k, it in enumerate(d.chain)]


@dataclass
class Exchanges:
    """Who answered whom: each exchange (a line of a's anchored next to a line of someone else's, anchored
    too) as (paragraph, a, b), in order, and the whole book's count of each one's partners."""

    seq: list[tuple[int, str, str]]
    book: dict[str, Counter[str]]


def _pairs(st: State, chains: list[list[Item]]) -> Exchanges:
    """The book's exchanges; ``_shares`` weighs them near a conversation. None are counted in a story told in
    the first person: there the one who tells it is one side of most exchanges, and the shares say who meets the
    narrator rather than who else talks together."""
    seq: list[tuple[int, str, str]] = []
    for chain in chains if st.third_person else []:
        for a, b in zip(chain, chain[1:], strict=False):
            x = a.found.get(a.quote_ids[-1])
            y = b.found.get(b.quote_ids[0])
            if x and y and x.speaker and y.speaker and x.speaker != y.speaker \
                    and y.rule != CONTINUES:
                seq.append((b.gpar, x.speaker, y.speaker))
    return Exchanges(seq, _count(seq))


def _shares(pairs: Exchanges, chain: list[Item], people: list[str]) -> dict[tuple[str, str], float]:
    """For each two of the conversation's people, b's share of a's exchanges: people who talk together often talk
    together again, so where a run's partner is in doubt, the habitual one is likelier. Counted within ``3 * NEAR``
    paragraphs of the conversation (the first chapters' pair is not in a scene of the last), with ``BOOK``
    exchanges more shared as in the whole book: exchanges are few, and two nearby do not yet say one's partner."""
    lo = bisect_left(pairs.seq, chain[0].gpar - 3 * NEAR, key=lambda t: t[0])
    hi = bisect_right(pairs.seq, chain[-1].gpar + 3 * NEAR, key=lambda t: t[0])
    local = _count(pairs.seq[lo:hi])
    out: dict[tuple[str, str], float] = {}
    for who in people:
        near, book = local.get(who, Counter()), pairs.book.get(who, Counter())
        n, nb = near.total(), book.total()
        for other in people:
            if k := book[other]:
                out[who, other] = (near[other] + BOOK * k / nb) / (n + BOOK)
    return out


def _count(seq: Sequence[tuple[int, str, str]]) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = {}
    for _g, x, y in seq:
        out.setdefault(x, Counter())[y] += 1
        out.setdefault(y, Counter())[x] += 1
    return out


def _habits(st: State) -> dict[str, set[str]]:
    """The forms of address each person uses in the lines a speech tag names them in ("Yes, ma'am", "my dear",
    "papa", "Miss Rosa"): how one calls others is a habit of one's own (a servant's "ma'am", a child's "papa", the
    name one uses for a friend) as much as a word about the one spoken to, so an untagged line that uses a form
    is likelier the line of someone seen to use it. Learned from the book itself; a "she said" or "said his
    father" may be someone else, so only a name or a tag teaches."""
    used: dict[str, set[str]] = {}
    for it in st.items:
        for q, a in it.found.items():
            if a.speaker and (a.rule == TAG or a.rule in (EXPLICIT, FIRST_PERSON) and not a.pronoun):
                used.setdefault(a.speaker, set()).update(address_forms(st.raw[q]))
    return used


def address_forms(quote: str) -> set[str]:
    """How a quote calls the one it speaks to, lowercased: the names it calls ("miss rosa", "papa") and the
    words of address ("sir", "my dear", "old chap")."""
    quote = quote.replace("’", "'")
    return {m.group(1).lower() for m in _ADDRESS_RE.finditer(quote)} | {v.lower() for v in vocatives(quote)}


def _decode(st: State, chain: list[Item], speakers: list[str | None], spoken: Sequence[tuple[int, str]],
            pairs: Exchanges, habits: dict[str, set[str]]) -> bool:
    """Decide the whole conversation at once (turns.py); False when it has nobody to give lines to."""
    found: list[Attribution | None] = [st.out[it.quote_ids[-1]] if it.found else None for it in chain]
    people = _ranked([s for s in speakers if s], [it.listener for it in chain],
                     [it.previous.speaker for it in chain if it.previous], chain[0].recent[:3],
                     _talkers(st, chain))
    people = [p for p in people if p not in ("", UNKNOWN)][:8]
    # the scene before goes on: who spoke in the last few paragraphs joins, ranked last (the lowest prior);
    # trusted with a cast list only (without one it cost a LitBank line)
    # ``spoken`` is in paragraph order: the last few are a tail of it (not a scan of the whole book's, per conversation)
    lately = [w for _g, w in reversed(spoken[bisect_left(spoken, chain[0].gpar - LATELY, key=lambda t: t[0]):])
              if st.cast.from_book]
    people += [p for p in _ranked(lately) if p not in people and p not in ("", UNKNOWN, FIRST)][:8 - len(people)]
    if not people:
        return False
    # a long conversation with more people than the search holds: the lines of the others stand as found
    found = [f if f is None or f.speaker in people or f.speaker == "" else None for f in found]
    keep = [f is not None and f.speaker not in people and f.speaker != "" for f in (
        st.out[it.quote_ids[-1]] if it.found else None for it in chain)]
    anchored = {s for s in speakers if s}
    present = frozenset().union(*(it.mentioned for it in chain))     # in the scene: its narration names them
    # and who spoke just before a pause (the tail of ``spoken`` again)
    present |= {w for _g, w in spoken[bisect_left(spoken, chain[0].gpar - JUST, key=lambda t: t[0]):]}
    # and whom a paragraph with no quote names, in the conversation or just before it ("Greta came in.")
    present |= frozenset().union(*(names for g, names in st.quiet[bisect_left(
        st.quiet, chain[0].gpar - QUIET, key=lambda t: t[0]):] if g < chain[-1].gpar))
    if not st.third_person:
        present |= {st.narrator_name}      # and the one who tells the story, in every scene they tell
    talking = [p for p in people if p in speakers]
    # whom a "he said" may fit: those its anchors name and, where a line is nobody's yet (not one who talks to
    # himself), the others of the scene; with a cast list also one a line calls by name (without one, a name
    # called may be a pet's or a horse's that discovery took for a person)
    called = {it.listener for it in chain if it.listener and st.cast.from_book}
    scene = talking + [p for p in people if (p in present or p in called) and p not in talking
                       and any(s is None for s in speakers)]
    prior = {p: (0.0 if p in anchored else max(0.0, 0.4 + 0.1 * r - (PRESENT if p in present else 0.0)))
             for r, p in enumerate(people)}
    sex = {p: g for p in people if (g := st.cast.gender(p)) in ("male", "female")}
    forms = [set().union(*(address_forms(st.raw[q]) for q in it.quote_ids)) if habits else set() for it in chain]
    shares = _shares(pairs, chain, people)

    def conversation() -> Conversation:
        evidence = [_soften(st, replace(_evidence(found[k], it.excluded, it.listener, it.previous,
                                                  addressed_sex(st.raw[it.quote_ids[-1]])),
                                        pause=_paused(chain, k), interjects=_interjects(found, k)),
                                found[k], scene, it)
                    for k, it in enumerate(chain)]
        voice = [{p: 1.0 for p in people if forms[k] & habits.get(p, set())} if found[k] is None else {}
                 for k in range(len(chain))]
        return Conversation(evidence, people, prior, sex, shares, voice)

    conv = conversation()
    got = decode(conv)      # people is not empty: every paragraph gets one of them
    reactions = _reactions(found, got)
    if reactions:       # the turns decide them afresh; a beat the turns give back to its subject stands
        beats = {k: f for k in reactions if (f := found[k]) is not None}
        found = [None if k in reactions else f for k, f in enumerate(found)]
        conv = conversation()
        got = decode(conv)
        found = [beats[k] if k in beats and got[k] == beats[k].speaker else f for k, f in enumerate(found)]
    sure = margins(conv, got)        # read by confidence.py
    for k, it in enumerate(chain):
        who, f = got[k], found[k]
        if keep[k]:
            continue
        a = _reason(k, got, found, chain[k - 1].listener if k > 0 else None, it.previous)
        if a is None:
            continue
        for q in it.quote_ids:
            if f is None or st.out[q].speaker == f.speaker:
                st.out[q] = a
        speakers[k] = who
    for k, it in enumerate(chain):
        for q in it.quote_ids:
            if not keep[k] and st.out[q].speaker == got[k]:
                st.out[q] = replace(st.out[q], margin=sure[k])
    return True


def _open_run(st: State, chain: list[Item], spoken: list[tuple[int, str]]) -> bool:
    """A run that nothing anchors and no narration opens (no subject of a sentence before its first line) has
    no guess of its own for who begins: the turns decide it as any conversation, from who is in the scene, who
    is called, and whom the book pairs them with, rather than a talker named lately. A lone line only where
    someone spoke just before (the scene goes on), and not where an exchange of two ends a short pause before
    it (the pause decides it). Not in a story told in the first person, whose narrator is in every scene and
    would take a side of each."""
    goes_on = bool(spoken) and chain[0].gpar - spoken[-1][0] <= JUST
    lone = len(chain) == 1 and (not goes_on or _across_pause(chain[0], spoken) is not None)
    return chain[0].previous is None and st.third_person and not lone


def _reactions(found: list[Attribution | None], got: list[str | None]) -> set[int]:
    """“Go on.” / “No.” Rosa looked away.: paragraphs decided by a beat after their opening quote whose subject
    is the decoded speaker of the paragraph just before: the beat is that speaker's reaction, not the reply's
    speaker (as beats.beat reads it, where the first pass did not decide the paragraph before)."""
    return {k for k, f in enumerate(found) if k > 0 and f is not None and f.reacts
            and f.rule == BEAT and got[k - 1] == f.speaker}


def acts(narration: str) -> bool:
    """The narration after a paragraph's last quote holds a sentence of its own beyond the speech tag ("said
    Rosa. She went to the window.", "Tomas bowed."): someone acts between two lines, a pause in the exchange
    after which the one who spoke may go on. Its first sentence is the tag where it runs on from the quote in
    lower case ("nodded Rosa") or holds a speech verb ("Tomas said.")."""
    sentences = [s.strip() for s in SENTENCE_RE.split(narration) if any(c.isalpha() for c in s)]
    if len(sentences) != 1:
        return len(sentences) > 1
    first = sentences[0].lstrip(" ,.;:—–-")
    return first[:1].isupper() and not set(_WORD_RE.findall(first.lower())) & SPEECH_VERBS


_WORD_RE = re.compile(r"[a-z]+")


def _paused(chain: list[Item], k: int) -> bool:
    """Someone acts between paragraph k and the line before it: k opens with narration, or the paragraph
    before ends with a sentence of action."""
    return chain[k].pause or (k > 0 and chain[k - 1].rests)


def _name_descriptions(st: State, chain: list[Item], speakers: list[str | None]) -> None:
    """"Upon my word, Felix!" / "You don't understand," answered the artist: the artist is Felix; so is
    the girl of "Tell me," said the girl. / "Yes, Thea," said the doctor. A description the cast list
    names is left as it is."""
    for k, it in enumerate(chain):
        who = speakers[k]
        det = who.split(" ", 1)[0].lower() if who else ""
        described = who is not None and det in _DESCRIBING and who[len(det) + 1:][:1].islower()
        if who is None or (st.cast.resolve(who) and (not described or st.cast.from_book)) \
                or who in (UNKNOWN, UNNAMED_NARRATOR, st.narrator_name) \
                or det not in _DESCRIBING \
                or who.split()[-1].lower() in GENERIC_NOUNS:
            continue
        # the one addressed, a character or a name discovery does not know ("Feel sick, Thea?")
        listener = (chain[k - 1].listener or chain[k - 1].called) if k > 0 else None
        if listener and listener != speakers[k - 1] and listener not in it.excluded \
                and listener != st.narrator_name \
                and _gender(st, listener) in ("unknown", noun_gender(who) or _gender(st, listener)):
            st.described[who.casefold()] = listener
            st.called.add(who.casefold())
        reply = chain[k + 1] if k + 1 < len(chain) else None
        answer = (reply.listener or reply.called) if reply else None
        if reply and answer and who.casefold() not in st.described and reply.found \
                and speakers[k + 1] not in (who, None, answer) and answer not in it.excluded \
                and answer != st.narrator_name \
                and _gender(st, answer) in ("unknown", noun_gender(who) or _gender(st, answer)):
            st.described[who.casefold()] = answer     # "Tell me," said the girl. / "Yes, Thea."
            st.called.add(who.casefold())
        named = st.described.get(who.casefold())
        if named is None:
            continue
        for q in it.quote_ids:
            a = st.out[q]
            if a.speaker == who:    # not the paragraph's other speaker
                st.out[q] = Attribution(named, a.confidence * 0.9, f"{a.reason} = {named}", who,
                                        pronoun=a.pronoun, rule=a.rule)
        speakers[k] = named


def unname_roles(st: State) -> None:
    """"Trente-six," cried the croupier, after a line that called the servant: the vocative named the croupier
    once, and the name held for the book. A description so named that ``outspeaks`` the person the tags name
    (``said Ivo``) is a role of its own, as the starter list has it: its lines go back to it. Not where no tag
    names the person: a name only ever called ("Pa'son!") is the role's."""
    own = Counter(a.speaker for a in st.out.values() if a.speech_tagged)
    renamed = Counter((a.described_as, a.speaker) for a in st.out.values()
                      if a.described_as.casefold() in st.called)
    for q, a in st.out.items():
        if a.described_as.casefold() in st.called and own[a.speaker] \
                and outspeaks(renamed[a.described_as, a.speaker], own[a.speaker]):
            st.out[q] = replace(a, speaker=a.described_as, described_as="", confidence=min(1.0, a.confidence / 0.9),
                                reason=a.reason.rsplit(" = ", 1)[0])


def _gender(st: State, name: str) -> str:
    """A character's gender, or a name's usual sex when it is no character ("Barney": a man)."""
    g = st.cast.gender(name)
    return g if g != "unknown" or st.cast.resolve(name) else first_name_gender(name) or "unknown"


def _pronouns_in_turn(st: State, chain: list[Item], speakers: list[str | None]) -> None:
    """Ann and Mary talking: "she asked" fits both, so the turn decides which. Without a cast list only
    when the other woman speaks in the conversation: the one a woman talks to may be her cat. Turns are
    counted only over lines that alternate without a pause (a paragraph that opens with narration, or
    follows one that ends with a sentence of action): across one, the one who spoke may go on."""
    for k, it in enumerate(chain):
        a = st.out.get(it.quote_ids[-1])
        if a is None or a.rule != PRONOUN or k < 1 \
                or any(_tagged(st.out[q]) or st.out[q].rule in (EXPLICIT, FIRST_PERSON) and
                       st.out[q].speaker == a.speaker for q in it.quote_ids):   # a tag, or "said Rosa", is a fact
            continue
        j = next((j for j in range(k - 1, -1, -1) if speakers[j] and st.out[chain[j].quote_ids[-1]].rule != PRONOUN),
                 None)
        if j is None or (k - j) % 2 == 0 or any(_paused(chain, n) for n in range(j + 1, k + 1)):
            continue
        other = _other(st, chain, speakers, j, k)
        if other and other != a.speaker and other not in it.excluded and speakers[j] == a.speaker \
                and (st.cast.from_book or other in speakers) \
                and st.cast.gender(other) == st.cast.gender(a.speaker) != "unknown":
            turns = f"{k - j} turn{'s' if k - j > 1 else ''}"
            for q in it.quote_ids:
                st.out[q] = Attribution(other, 0.6,
                                          f"turn-taking: {turns} from {speakers[j]} ({a.pronoun} fits both)",
                                          rule=FITS_BOTH)
            speakers[k] = other


def _anchor(st: State, it: Item) -> str | None:
    """The speaker the first pass gave a paragraph (its last quote's), its lines written out; None: none yet."""
    if not it.found:
        return None
    st.out.update((q, it.found[q]) for q in it.quote_ids)
    return it.found[it.quote_ids[-1]].speaker


def _alternate(st: State, chain: list[Item], speakers: list[str | None], k: int) -> Attribution | None:
    """Count turns from the nearest decided paragraph of the conversation, before or after."""
    it = chain[k]
    addressed = chain[k - 1].listener if k > 0 else None
    if addressed and addressed != speakers[k - 1] and addressed not in it.excluded:
        return Attribution(addressed, 0.6, f"turn-taking: {addressed} was addressed", rule=ADDRESSED)
    # two people taking turns: the one before the last answers (trusted with a cast list only, where
    # the speakers two lines back are names from book.yaml rather than discovered guesses); in a run
    # nothing anchors the turns rest on its first line's guess, and the reason says so
    answers = "answers" if any(c.found for c in chain) else "no anchor, answers"
    before, last = (speakers[k - 2], speakers[k - 1]) if k > 1 else (None, None)
    if st.cast.from_book and before and last and before != last and before not in it.excluded:
        return Attribution(before, 0.55, f"turn-taking: {answers} {last}", rule=ANSWERS)
    order = sorted((j for j in range(len(chain)) if chain[j].found), key=lambda j: (j > k or k - j > 4, abs(j - k)))
    for j in order:
        anchor = speakers[j]
        if anchor is None:
            continue
        d = abs(j - k)
        who = anchor if d % 2 == 0 else _other(st, chain, speakers, j, k)
        if who and who not in it.excluded:
            conf = max(0.35, 0.75 - 0.05 * d)
            return Attribution(who, conf, f"turn-taking: {d} turn{'s' if d > 1 else ''} from {anchor}", rule=TURNS)
    if k > 0 and speakers[k - 1]:
        who = _other(st, chain, speakers, k - 1, k)
        if who and who not in it.excluded:
            return Attribution(who, 0.45, f"turn-taking: {answers} {speakers[k - 1]}", rule=ANSWERS)
    return None


def _swap_sides(st: State, chain: list[Item], speakers: list[str | None]) -> bool:
    """A run with no anchor takes turns from its first line's guess, which may have the two sides the wrong
    way round: where the turns of its first two speakers would give more of its lines to someone the line
    itself names ("And the nets, Rosa?" is not Rosa's), or make a line call the other side by the wrong sex
    ("Yes, sir." to a woman), than the other way round, the two swap sides and every line goes by its turn (a
    line addressed to a third person keeps them). Says whether it swapped."""
    a, b = (speakers[0], speakers[1]) if len(chain) > 1 else (None, None)
    if not a or not b or a == b or UNKNOWN in (a, b):
        return False
    if _misfits(st, chain, b, a) >= _misfits(st, chain, a, b):
        return False
    for k, it in enumerate(chain):
        if speakers[k] not in (a, b) and st.out[it.quote_ids[-1]].rule == ADDRESSED:
            continue
        who, other = (b, a) if k % 2 == 0 else (a, b)
        why = f"answers {other}" if k else f"sides swapped (its lines rule out {a} first)"
        for q in it.quote_ids:
            st.out[q] = Attribution(who, 0.45, f"turn-taking: no anchor, {why}", rule=ANSWERS)
        speakers[k] = who
    return True


def _other(st: State, chain: list[Item], speakers: list[str | None], j: int, k: int) -> str | None:
    """The other person of the conversation, seen from paragraph j."""
    me = speakers[j]
    listener = chain[j].listener
    if listener and listener != me and listener not in chain[k].excluded:
        return listener         # the one the anchor spoke to
    near = [j - d for d in range(1, 5)] + [n for d in range(1, len(chain)) for n in (j + d, j - d - 4)]
    for n in near:
        if 0 <= n < len(chain) and (chain[n].found or n < j) and speakers[n] and speakers[n] != me:
            return speakers[n]
    lo, hi = min(j, k), max(j, k)
    for n in range(lo, hi):
        if chain[n].listener and chain[n].listener != me:
            return chain[n].listener
    for person in chain[0].recent:
        if person != me and person not in chain[k].excluded and person not in chain[j].excluded \
                and not (me and _ruled_out(st, chain, me, person)):
            return person
    return None


def _misfits(st: State, chain: list[Item], first: str, second: str) -> int:
    """How many lines of a run the turns of two people (``first`` opens) would give to someone the line names,
    or make call the other by the wrong sex."""
    turns = [(first, second) if k % 2 == 0 else (second, first) for k in range(len(chain))]
    return sum(me in it.excluded or ((sex := addressed_sex(st.raw[it.quote_ids[-1]])) is not None
                                     and _gender(st, you) not in (sex, "unknown"))
               for (me, you), it in zip(turns, chain, strict=True))


def _ruled_out(st: State, chain: list[Item], me: str, person: str) -> bool:
    """The lines of a run with no anchor rule a person out as the other side of ``me``: whichever of the two
    opens, a line of the turns names its own speaker ("Tomas will know.") or calls the other by the wrong sex
    ("Mind the step, uncle" is not said to a woman). Where only one order fits, the turns swap
    sides (``_swap_sides``) rather than take someone else."""
    if any(it.found for it in chain):
        return False
    return _misfits(st, chain, me, person) > 0 and _misfits(st, chain, person, me) > 0


def _fallback(st: State, it: Item, spoken: list[tuple[int, str]]) -> Attribution:
    """A line nothing decides: the subject of the sentence before, the turns across a short pause, someone
    who talks and was named lately; else the one who spoke just before goes on (they are in the scene) rather
    than the book's most frequent talker, whom nothing ties to it."""
    if it.previous is not None:
        return it.previous
    last = spoken[-1][1] if spoken and it.gpar - spoken[-1][0] <= 2 else None
    if (across := _across_pause(it, spoken)) is not None:
        return across
    for person in it.recent[:3]:
        if person not in it.excluded and person != FIRST and st.talkers[person] and person != last:
            return Attribution(person, 0.25, "recent: last character mentioned", rule=RECENT)
    if last is not None and last not in it.excluded and last != UNKNOWN:
        return Attribution(last, 0.1, "recent: the one who spoke just before goes on", rule=RECENT)
    for person, _n in st.talkers.most_common():
        if person not in it.excluded and person != last:
            return Attribution(person, 0.1, "guess: the character who speaks most", rule=GUESS)
    for person in it.recent:
        if person not in it.excluded and person != FIRST:
            return Attribution(person, 0.1, "recent: last character mentioned", rule=RECENT)
    return Attribution(UNKNOWN, 0.05, "unknown", rule=GUESS)


def _across_pause(it: Item, spoken: list[tuple[int, str]]) -> Attribution | None:
    """A line a paragraph or two after an exchange of two people: the one who spoke before the last answers."""
    last = spoken[-1][1] if spoken and it.gpar - spoken[-1][0] <= 2 else None
    if last is not None and len(spoken) >= 2 and spoken[-2][1] not in (last, UNKNOWN) \
            and spoken[-2][1] not in it.excluded and spoken[-1][0] - spoken[-2][0] <= 2:
        return Attribution(spoken[-2][1], 0.5, "turn-taking: across a short pause", rule=ANSWERS)
    return None


def _talkers(st: State, chain: list[Item]) -> list[str]:
    """The two who speak most in the tags within ``NEAR`` paragraphs of the conversation: the main talkers of
    this part of the book, not of the whole (the first chapters' pair is not in a scene of the last, and a tag
    added far away should not move these turns)."""
    lo = bisect_left(st.tagged, chain[0].gpar - NEAR, key=lambda t: t[0])
    hi = bisect_right(st.tagged, chain[-1].gpar + NEAR, key=lambda t: t[0])
    return [p for p, _n in Counter(who for _g, who in st.tagged[lo:hi]).most_common(2)]


def _ranked(*groups: Sequence[str | None]) -> list[str]:
    """The people of the groups, each once, most often named first within each group, groups in order."""
    out: list[str] = []
    for g in groups:
        for who, _n in Counter(p for p in g if p).most_common():
            if who not in out:
                out.append(who)
    return out


def _evidence(a: Attribution | None, excluded: set[str], listener: str | None,
              previous: Attribution | None, sex: str | None) -> Evidence:
    """What a paragraph's own words say of its speaker, as the conversation decoder weighs it: a tag is a
    fact, a speech tag or a beat all but one (the turns never overrule them: on the LitBank set that lost
    more lines than it won), a continued quote keeps the speaker of the paragraph before."""
    hint = previous.speaker if previous is not None else None
    common = {"excluded": frozenset(excluded), "addressed_next": listener, "hint": hint, "addressed_sex": sex}
    if a is None:
        return Evidence(**common)   # type: ignore[arg-type]
    if a.rule == CONTINUES or a.speaker == "":
        return Evidence(continues=True, **common)   # type: ignore[arg-type]
    return Evidence(a.speaker, -HARD if _tagged(a) else ANCHOR_COST, **common)   # type: ignore[arg-type]


ANCHOR_COST = 30.0
JUST = 5           # paragraphs back whose speakers are still in the scene of a conversation that begins
NEAR = 100         # paragraphs either side whose tagged speakers are the main talkers of a conversation
BOOK = 3           # exchanges as in the whole book added to one's exchanges near a conversation (``_shares``)
QUIET = 1          # paragraphs back whose quote-less narration brings its subjects into a conversation
LATELY = 12        # paragraphs back whose speakers may still be in a conversation that begins
PRESENT = 0.4       # what the prior forgives someone the conversation's narration names or refers to
PRONOUN_COST = 5.0      # giving a "he said" to another man of the conversation than the one it was resolved to
_PRONOUN_SEX = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


def _soften(st: State, e: Evidence, a: Attribution | None, people: list[str], it: Item) -> Evidence:
    """A "he said" (or a beat on a he: "He nodded.") fits every man of the scene (``people``: those the
    conversation's anchors name, and those its narration names, who spoke just before it or, with a cast list,
    whom its lines call by name, though no tag of it names them): the one it was resolved to is preferred,
    another costs ``PRONOUN_COST`` (anyone else as much as the speech tag of a name), so the turns on both sides
    overrule a doubtful resolution and the pronoun's sex still holds; not beside a "said Rosa" in the same
    paragraph, nor for one who talks to herself."""
    if a is None or not a.pronoun or any(f.reason != a.reason for f in it.found.values()):
        return e
    sex = _PRONOUN_SEX.get(a.pronoun)
    if sex is None or st.cast.gender(a.speaker) != sex:
        return e
    fits = frozenset(p for p in people if p != a.speaker and st.cast.gender(p) == sex)
    return replace(e, fits=fits, soft=PRONOUN_COST)


def addressed_sex(quote: str) -> str | None:
    """The sex of the one a quote speaks to, where it calls them so: "Yes, sir." a man, "Come in, my
    girl!" a woman (None where it does not, or calls a man and a woman)."""
    found = {_SEXED[m.group(2).lower().replace("’", "'")] for m in _SEXED_RE.finditer(quote)}
    return found.pop() if len(found) == 1 else None


_SEXED = {**dict.fromkeys("sir mister monsieur man boy lad son sonny uncle papa pa dad daddy father grandpa brother "
                         "fellow chap".split(), "male"),
          **dict.fromkeys("madam ma'am madame mademoiselle miss lady woman girl lass daughter aunt mamma mama ma mum "
                          "mummy mother grandma granny sister".split(), "female")}


def _calls(words: Sequence[str]) -> re.Pattern[str]:
    """A call set off by punctuation ("Yes, sir.", "Come, my dear!"), one of ``words`` after an optional "my",
    "dear", "old"...: group 1 the call."""
    return re.compile(r"(?:^|[,!?.;—]\s*)((?:(?:my|dear|good|young|old|my dear|my good|my young)\s+)?("
                      + "|".join(k.replace("'", "['’]") for k in words) + r"))\s*(?=[,!?.;—]|$)", re.IGNORECASE)


_SEXED_RE = _calls(list(_SEXED))
_ADDRESS_RE = _calls([*_SEXED, *"dear darling love child friend ladies gentlemen honey".split()])


def _interjects(found: Sequence[Attribution | None], k: int) -> bool:
    """A tagged paragraph after one the conversation's own evidence (or another tag) decides: the turns before it
    are counted from that anchor, so the tag does not re-alternate them (turns.Evidence.interjects)."""
    f = found[k]
    return f is not None and _tagged(f) and any(a is not None and a.rule != CONTINUES and bool(a.speaker)
                                                 for a in found[:k])


def _tagged(a: Attribution) -> bool:
    """A tag's own line, as a tag: not once a description it named was itself named ("tag = Rosa")."""
    return a.rule == TAG and not a.described_as


def _reason(k: int, got: list[str | None], found: list[Attribution | None], addressed: str | None,
            previous: Attribution | None) -> Attribution | None:
    """The attribution the decoded speaker of paragraph k gets (None: the paragraph's own one stands)."""
    who, f = got[k], found[k]
    assert who is not None
    if f is not None and (f.rule == CONTINUES or f.speaker == ""):
        return Attribution(who, 0.9, "continues the quote before", rule=CONTINUES)
    if f is not None and f.speaker == who:
        return None
    anchors = [j for j, a in enumerate(found) if a is not None and a.speaker == got[j] and j != k
               and a.rule != CONTINUES]
    j = min(anchors, key=lambda j: (abs(j - k), j > k), default=None)
    d = abs(j - k) if j is not None else 0
    turns = f"{d} turn{'s' if d > 1 else ''} from {got[j]}" if j is not None else ""
    fits, both = "", False     # both: a pronoun tag that fits the decoded speaker too
    if f is not None:
        word = f.pronoun if f.rule == PRONOUN else ""
        fits, both = (f" ({word} fits both)" if word else f" (not {f.speaker})"), bool(word)
    if f is None and addressed == who and k > 0 and got[k - 1] != who:
        return Attribution(who, 0.6, f"turn-taking: {who} was addressed", rule=ADDRESSED)
    if j is None and f is None and previous is not None and previous.speaker == who:
        return previous
    if j is not None and (got[j] == who) == (d % 2 == 0):
        return Attribution(who, 0.6 if f else max(0.35, 0.75 - 0.05 * d), f"turn-taking: {turns}{fits}",
                           rule=FITS_BOTH if both else TURNS)
    nb = got[k - 1] if k > 0 else got[k + 1] if k + 1 < len(got) else None
    if nb is None or nb == who:
        return Attribution(who, 0.4, f"turn-taking: the likeliest speaker of the conversation{fits}",
                           rule=FITS_BOTH if both else ANSWERS)
    answers = "answers" if any(a is not None for a in found) else "no anchor, answers"     # turns from a guess
    return Attribution(who, 0.5, f"turn-taking: {answers} {nb}{fits}", rule=FITS_BOTH if both else ANSWERS)
