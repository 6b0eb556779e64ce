"""Who speaks each quote: a rule-based sieve in the spirit of Muzny et al. (2017), pure.

``attribute`` runs the passes over one explicit ``State`` (state.py). The first pass reads the book
paragraph by paragraph and tries these rules in order for each paragraph's quotes (the first that
gives a speaker wins):

1. ``tag``            an inline ``[Name]`` before the quote (confidence 1.0)
2. ``continues``      a quote running on from the previous paragraph keeps its speaker
3. ``explicit``       a speech verb with its subject next to the quote: "said Rosa", "she asked",
                      "her father said"; pronouns resolved by gender and recency, descriptions by
                      the cast's aliases or by the gender of the noun ("his wife") (explicit.py,
                      described.py, mentions.py)
4. ``colon``          the previous paragraph ends "… and said:" / with a colon: its subject speaks
5. ``beat``           an action beat in the same paragraph ("Tomas tied off a knot.") (beats.py)
6. ``turn-taking``    untagged quotes in a conversation alternate between two people; the
                      listener named by a vocative ("Rosa, did you know?") answers next
                      (the second pass, conversation.py)
7. ``previous``       the subject of the sentence before the quote (beats.py)
8. ``echo``           the same words spoken elsewhere by a known speaker (echo.py)
9. ``recent``         the most recently mentioned character (a guess)

Names inside a quote are the people spoken to or about, so they are ruled out as its speaker,
except when the speaker introduces themselves ("I am Rosa", "My name is Rosa"). Between the passes
the first-person narrator is named (narrator.py); after them, descriptions whose names were
learned are renamed (naming.py). Without a cast list, people known only by a description are
followed too: the one a "he" stands for when discovery has no man for it ("her visitor"), "the
girl" just named, a description that answers "What name?" or a vocative.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from audiobook.model import NARRATOR
from audiobook.text.attribution.beats import beat, previous
from audiobook.text.attribution.confidence import Readings, rate
from audiobook.text.attribution.conversation import acts, take_turns, unname_roles
from audiobook.text.attribution.echo import echo, key
from audiobook.text.attribution.explicit import colon, explicit, introduction, spoke_after, thinker
from audiobook.text.attribution.grammar import SENTENCE_RE, is_subject
from audiobook.text.attribution.mentions import note_descriptions, note_speaker, note_tagged, resolve
from audiobook.text.attribution.naming import answers_to_what_name, names_in, own_names, rename_described
from audiobook.text.attribution.narrator import INTRO_RE, looks_like_a_name, name_narrator
from audiobook.text.attribution.state import (
    BESIDE_TAG,
    CONTINUES,
    EXPLICIT,
    FIRST,
    FIRST_PERSON,
    PRONOUN,
    TAG,
    UNSPOKEN,
    Attribution,
    Item,
    State,
)
from audiobook.text.attribution.tags import (
    TAG_REASON,
    TAGGED_PARAGRAPH,
    apply_tags,
    follow,
    is_narrator_tag,
    learn,
    tag_speaker,
)
from audiobook.text.attribution.unspoken import UNSPOKEN_CONFIDENCE, is_thought, unspoken, without
from audiobook.text.cast import Cast, Mention
from audiobook.text.characters import discover
from audiobook.text.descriptions import noun_gender
from audiobook.text.manuscript import Manuscript, Paragraph, Segment
from audiobook.text.names import vocatives

# where a sentence (or its clause after ";") begins, or goes on with a subject of several ("Tomas and Greta");
# stricter than grammar.opens_clause, which a clause after a comma or "when" also opens (there it loses lines)
_SUBJECT_RE = re.compile(r"(?:^\s*|[.!?;]\s+)(?:[A-Z][\w.]*(?: [A-Z][\w.]*)*(?:,\s*|\s+and\s+))*$")
# one the same sentence sends away ("Greta went out again") is not in the conversation that follows
_GONE_RE = re.compile(r"\b(?:went|walked|ran|hurried|stepped|slipped) (?:out|off|away)\b|\bleft\b|\bdeparted\b")
_VERB_RE = re.compile(r"\s+[a-z]")     # and goes on after the name ("came in"), not a signature or "Greta's"


def attribute(ms: Manuscript, cast: Cast) -> dict[int, Attribution]:
    """Speaker, confidence and reason for every quote of the manuscript, by quote_id."""
    quiet = unspoken(ms)            # verse, titles, thoughts: the narration voice reads them
    if cast.from_book:              # "Tom" of two Toms: the one the book has no other name for
        cast.settle(p.raw for ch in ms.chapters for p in ch.paragraphs)
    spoken = without(ms, quiet)     # the passes see no turn of a conversation in them
    st = State(cast)
    found = _read(st, spoken, _thought_paragraphs(ms, quiet))
    for q, why in quiet.items():
        found[q] = Attribution(NARRATOR, UNSPOKEN_CONFIDENCE, f"not spoken: {why}", rule=UNSPOKEN)
    apply_tags(ms, cast, found)     # a tag is a fact, whatever the passes made of its neighbours
    rate(spoken, cast, found, readings(ms, spoken, cast))      # confidence from the features of each decision
    for q, who in st.thinkers.items():  # a thought is its thinker's, at the confidence of the same tag as speech;
        a = found[q]                    # the narration voice still reads it (script.py)
        if a.rule == UNSPOKEN and is_thought(quiet.get(q, "")):
            why = f'not spoken: a thought ("{who.said}")' if who.said else a.reason     # "thought Greta", not "thought"
            found[q] = Attribution(who.speaker, who.confidence, f"{why} → {who.speaker}", rule=UNSPOKEN)
    return found


def _thought_paragraphs(ms: Manuscript, quiet: dict[int, str]) -> dict[tuple[int, int], Paragraph]:
    """The paragraphs with a thought in them, as written, by (chapter, paragraph number): the first pass
    reads whose thought it is where it reads the paragraph without it."""
    return {(ch.number, p.number): p for ch in ms.chapters for p in ch.paragraphs
            if any(is_thought(quiet.get(s.quote_id, "")) for s in p.segments if s.kind == "dialogue")}


def readings(ms: Manuscript, spoken: Manuscript, cast: Cast) -> Readings:
    """Other readings of the same quotes, for the confidence (confidence.py): the passes over each
    chapter's paragraphs in reverse order (pronouns resolved by the names after them, conversations
    decoded from their other end), and, with a cast list, over the characters discovery finds instead,
    each speaker mapped to the cast by name. Where a reading gives a quote to someone else, the decision
    is a closer call. Run after attribute (which settles a cast list's shared names); ``spoken``: ``ms``
    without its quotes not spoken."""
    backwards = {q: a.speaker for q, a in _read(State(cast), _backwards(spoken)).items()}
    if not cast.from_book:
        return Readings(backwards)
    found = _read(State(discover(ms)), spoken)
    return Readings(backwards, {q: cast.resolve(a.speaker) if a.speaker else None for q, a in found.items()})


def _backwards(ms: Manuscript) -> Manuscript:
    """Each chapter's paragraphs in reverse order, renumbered (no quote runs on from the one before), a scene
    break before the paragraph that now follows it."""
    def back(ps: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
        after = [n + 1 < len(ps) and ps[n + 1].brk == "scene" for n in range(len(ps))]   # a break after paragraph n
        return tuple(replace(p, number=k, brk="scene" if brk else "paragraph",
                             segments=tuple(replace(s, continued=False) for s in p.segments))
                     for k, (p, brk) in enumerate(reversed(list(zip(ps, after, strict=True))), 1))
    return replace(ms, chapters=tuple(replace(ch, paragraphs=back(ch.paragraphs)) for ch in ms.chapters))


def _read(st: State, ms: Manuscript,
          thoughts: dict[tuple[int, int], Paragraph] | None = None) -> dict[int, Attribution]:
    """Every pass in turn over the spoken quotes: the sieve per paragraph, the narrator, the turns;
    ``thoughts``: paragraphs as written whose thoughts' thinkers go to ``st.thinkers``."""
    thoughts = thoughts or {}
    gpar = 0
    for ch in ms.chapters:
        st.history.clear()
        st.last_desc.clear()          # "the stranger" of the last chapter is nobody here
        st.taught.clear()
        st.narrated.clear()
        prev: Paragraph | None = None
        gpar += 10
        for p in ch.paragraphs:
            if p.brk == "scene":    # a scene break ends the scene: no conversation, pause or sentence runs across it
                gpar += 10
                prev = None
                st.scene = st.sentence
            gpar += 1
            _paragraph(st, p, prev, gpar, thoughts.get((ch.number, p.number)))
            prev = p
    name_narrator(st)
    st.tagged = [(it.gpar, a.speaker) for it in st.items for a in it.found.values()
                 if a.speaker and a.rule in (EXPLICIT, FIRST_PERSON, PRONOUN, TAG, BESIDE_TAG)]
    st.talkers = Counter(who for _g, who in st.tagged)
    take_turns(st)
    answers_to_what_name(st)
    rename_described(st)          # "the artist" before we learned he is Felix
    unname_roles(st)              # but not "the croupier" who speaks far more than the servant a vocative named
    echo(st)
    return st.out


def _paragraph(st: State, p: Paragraph, prev: Paragraph | None, gpar: int, written: Paragraph | None = None) -> None:
    """The first pass over one paragraph: its mentions remembered, its quotes sieved, its ``Item`` kept;
    ``written``: the paragraph with its thoughts, whose thinkers are read as its speech tags are."""
    segs = p.segments
    st.gpar, st.par_sentence = gpar, st.sentence
    st.tail = prev.segments[-1].text if prev and prev.segments and prev.segments[-1].kind == "narration" else ""
    if prev is not None:
        told = " ".join(s.text for s in prev.segments if s.kind == "narration")
        st.narrated = [*st.narrated[-(_NARRATED - 1):], told]
    mentions: list[list[Mention]] = []
    for s in segs:
        ms = resolve(st, st.cast.mentions(s.text), s.text, remember=True) if s.kind == "narration" else []
        if s.kind == "dialogue" and s.tag is not None and not is_narrator_tag(s.tag):
            note_tagged(st, tag_speaker(s.tag, st.cast))
        mentions.append(ms)
        if s.kind == "narration":
            st.narration_words += s.text.count(" ") + 1
            if not st.cast.from_book:
                note_descriptions(st, s.text)
            st.first_person += sum(1 for m in ms if m.kind == "first")
            st.named_in_narration.update(m.person for m in ms if m.person and m.kind == "name")
            for m in _SELF_NAMED_RE.finditer(s.text):
                r = st.cast.resolve(m.group(1))
                if r:
                    st.intro_votes[r] += 2
        if s.kind == "dialogue":
            st.texts[s.quote_id] = key(s.text)
            st.raw[s.quote_id] = s.text
    if written is not None:
        _thinkers(st, written, {s.start: ms for s, ms in zip(segs, mentions, strict=True)})
    names_in(st, p.raw)           # "This is my son; his name's George."
    quotes = [i for i, s in enumerate(segs) if s.kind == "dialogue"]
    if not quotes:      # "It was Rosa who spoke.": the untagged quotes of the paragraph before are hers
        # the subjects it names, a sentence's first words ("Greta came in."), not a passing word of someone
        named = frozenset(m.person for sg, ms in zip(segs, mentions, strict=True) for m in ms
                          if m.person and m.kind in ("name", "alias") and _SUBJECT_RE.search(sg.text[:m.start])
                          and _VERB_RE.match(sg.text, m.end)
                          and not _GONE_RE.search(re.split(r"[.!?;]", sg.text[m.end:], maxsplit=1)[0]))
        if named:
            st.quiet.append((gpar, named))
        last = st.items[-1] if st.items and st.items[-1].gpar == gpar - 1 and not st.items[-1].found else None
        a = spoke_after(st, segs[0].text) if last is not None and segs else None
        if last is not None and a is not None:
            last.found.update(dict.fromkeys(last.quote_ids, a))
        return
    excluded = _named_in(st, " ".join(segs[i].text for i in quotes))
    st.named_in_quotes |= excluded
    found = _sieve(st, prev, segs, mentions, quotes, excluded)
    own_names(st, segs, found)    # "I am Mary Lennox," the little girl said: the little girl is Mary
    voc = [v for i in reversed(quotes) for v in st.cast.addressed(segs[i].text)]
    recent: list[str] = []
    for person, _kind, sentence, *_rest in reversed(st.history[-60:]):
        if person not in recent and sentence >= st.scene:   # named in this scene, not before its break
            recent.append(person)
    called = next((v for i in reversed(quotes) for v in vocatives(segs[i].text)
                   if st.cast.resolve(v) is None and looks_like_a_name(v)), None)
    mentioned = frozenset(m.person for ms in mentions for m in ms if m.person and m.person != FIRST)
    before, silent = previous(st, prev, excluded)
    st.items.append(Item(
        gpar, [segs[i].quote_id for i in quotes], {segs[i].quote_id: a for i, a in found.items()},
        excluded, next((v for v in voc if v), None), before, recent, called, mentioned,
        segs[0].kind == "narration" and any(c.isalpha() for c in segs[0].text),
        segs[-1].kind == "narration" and acts(segs[-1].text), silent))


def _thinkers(st: State, p: Paragraph, mentions: dict[int, list[Mention]]) -> None:
    """Whose each thought of the paragraph is (``mentions``: its narration's, by start), into ``st.thinkers``."""
    segs = p.segments
    found = [mentions.get(s.start, []) if s.kind == "narration" else [] for s in segs]
    for i, s in enumerate(segs):
        if s.kind == "dialogue" and s.tag is None:
            a = thinker(st, segs, found, i)
            if a is not None and a.speaker:
                st.thinkers[s.quote_id] = a


def _same_voice(st: State, segs: tuple[Segment, ...], mentions: list[list[Mention]], found: dict[int, Attribution],
                i: int, a: Attribution) -> Attribution:
    """“...,” said Tomas. “...?” he asked.: the he/she tag of a later quote in a paragraph is the one who spoke
    its earlier quote, when that one is of the pronoun's sex and the narration between names nobody else of it
    (the history's latest may be someone from before the paragraph the tag's speaker was never noted over)."""
    if a.rule != PRONOUN or a.pronoun not in ("he", "she"):
        return a
    gender = "male" if a.pronoun == "he" else "female"
    earlier = [j for j in found if j < i and found[j].speaker]
    if not earlier:
        return a
    j = max(earlier)
    who = found[j].speaker
    if who == a.speaker or st.cast.gender(who) != gender or who in st.cast.addressed(segs[i].text):
        return a
    between = segs[j + 1].text
    if i != j + 2 or between.rstrip().endswith(",") or len(SENTENCE_RE.findall(between)) > 1:
        return a    # “..., Tomas,” said she, “...”: one tag for both halves, read twice; or a scene between
    named = {m.person for k in (j + 1, i + 1) if k < len(segs) and segs[k].kind == "narration"
             for m in mentions[k] if m.person and m.kind not in ("pronoun", "first")}
    if any(p != who and st.cast.gender(p) == gender for p in named):
        return a
    return replace(a, speaker=who, reason=f"pronoun: {a.pronoun} → {who} (the paragraph's speaker)")


def _sieve(st: State, prev: Paragraph | None, segs: tuple[Segment, ...], mentions: list[list[Mention]],
           quotes: list[int], excluded: set[str]) -> dict[int, Attribution]:
    found: dict[int, Attribution] = {}
    talked_of = excluded - {v for i in quotes for v in st.cast.addressed(segs[i].text)}   # named, not spoken to
    for k, s in enumerate(segs):    # "Tomas did not answer.": the one silent is not the speaker
        if s.kind == "narration":
            silent = {m.person for m in mentions[k] if m.person and m.person != FIRST and is_subject(m)
                      and _SILENT_RE.match(s.text, m.end)}
            excluded |= silent
            talked_of -= silent
    # per quote: an inline tag, a continuation, or an explicit speech tag next to it
    for i in quotes:
        s = segs[i]
        if s.tag:
            found[i] = Attribution(tag_speaker(s.tag, st.cast), 1.0, TAG_REASON, rule=TAG)
            if not is_narrator_tag(s.tag):      # "[Tomas]“Welcome,” said the innkeeper.": he is the innkeeper here
                learn(st, explicit(st, segs, mentions, i, excluded), found[i].speaker)
        else:
            goes_on = s.continued and bool(st.items) and bool(st.items[-1].quote_ids)
            before = st.items[-1].found.get(st.items[-1].quote_ids[-1]) if goes_on else None
            a = explicit(st, segs, mentions, i, excluded) if before is None else None
            if goes_on and a is None:
                # "" where the quote it continues is nobody's yet: the turns fill it in; but not where its own
                # tag names the speaker ('“... the road was-- / “You forget,” said Tomas, “...”'): the turns read
                # a paragraph by its last quote, so nothing would fill a "" beside that tag
                found[i] = Attribution(before.speaker if before else "", 0.95,
                                       "continues the quote before", rule=CONTINUES)
            elif a is not None:
                found[i] = follow(st, _same_voice(st, segs, mentions, found, i, a))
                people = {m.person for ms in mentions for m in ms}
                if a.speaker not in people:     # the narration's own "the innkeeper" is read already
                    note_speaker(st, found[i].speaker, people)
    if all(a.rule == TAG for a in found.values()) and len(found) < len(quotes):
        # no speech tag: the paragraph's own evidence (a colon before it, a self-introduction, a beat). Beside an
        # inline tag ('Ann shook her head. "Not I." Her brother shrugged. [Tom]"Nor I."', a fact for its own quote)
        # it speaks for the others only where it names someone else, and not for a quote that runs on past the
        # tagged one's narration ('[Tom]"Coffee, please," he said. "Well?"': the tag's)
        a = colon(st, prev, excluded, talked_of) or introduction(st, segs, quotes) or beat(st, segs, mentions, excluded)
        if not found:
            return {i: a for i in quotes} if a else {}
        if a is not None and a.speaker not in {t.speaker for t in found.values()}:
            found |= {i: a for i in quotes if i not in found and not _runs_on(segs, found, i)}
    # quotes of one paragraph share a speaker: fill the others from the nearest decided one,
    # unless this quote speaks to that person ("Rosa sighed. “Anna, ...” “You must
    # have it,” said Miss Pruett.")
    for i in quotes:
        if i not in found:
            near = min(found, key=lambda k: (abs(k - i), k))
            a = found[near]
            if a.speaker in st.cast.addressed(segs[i].text):
                b = beat(st, segs[:i], mentions[:i], excluded | {a.speaker})
                if b is not None:
                    found[i] = b
                    continue
            if a.rule == TAG:     # not itself tagged
                b = _after_tag(st, segs, mentions, excluded, near, i)
                if b is not None and b.speaker != a.speaker:
                    found[i] = b
                    continue
                found[i] = Attribution(a.speaker, a.confidence * 0.95, TAGGED_PARAGRAPH, rule=BESIDE_TAG)
            else:
                found[i] = Attribution(a.speaker, a.confidence * 0.95, a.reason, pronoun=a.pronoun, rule=a.rule)
    return found


def _after_tag(st: State, segs: tuple[Segment, ...], mentions: list[list[Mention]], excluded: set[str],
               t: int, i: int) -> Attribution | None:
    """'[Marta]"Home." Hugo frowned. "We shall see."': the narration between a tagged quote and a later one
    names its own subject, who speaks next, not the tagged speaker. A name only: a "he" there may be the tag's."""
    b = beat(st, segs[t + 1:i + 1], mentions[t + 1:i + 1], excluded) if t < i else None  # its nearest sentence first
    return b if b is not None and not b.pronoun else None


def _runs_on(segs: tuple[Segment, ...], tagged: dict[int, Attribution], i: int) -> bool:
    """The quote follows a tagged one of its paragraph across narration (the tagged line's "he said"),
    not back to back with it ('[Ann]"Not at all." "The fire, then."': a reply)."""
    t = max((k for k in tagged if k < i), default=None)
    return t is not None and any(s.kind == "narration" and any(c.isalpha() for c in s.text) for s in segs[t + 1:i])


def _named_in(st: State, quote: str) -> set[str]:
    """People a quote names (listeners, people talked about), minus a self-introduction."""
    names = {m.person for m in st.cast.mentions(quote) if m.person and m.kind == "name"}
    for v in vocatives(quote):
        r = st.cast.resolve(v)
        if r:
            names.add(r)
    for m in (*INTRO_RE.finditer(quote), *_I_NAMED_RE.finditer(quote)):
        r = st.cast.resolve(m.group(1))
        names.discard(r or "")
    return names


# "...; I, Tomas Brandt, will pay": the speaker naming himself, not a call ("And I, Tomas, agree" calls him)
_I_NAMED_RE = re.compile(r"(?:^|[.!?;:]\s+)I,\s+((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*),")


def speaker_gender(desc: str) -> str:
    """The gender a description used as a speaker implies ("The old man" -> male), else unknown."""
    return noun_gender(desc) or "unknown"


_SILENT_RE = re.compile(r"\s+(?:(?:did|could|would) not|(?:did|could|would)n['’]t|never)\s+"
                        r"(?:answer|reply|respond|speak)|\s+(?:said|answered|replied) nothing"
                        r"|\s+made no (?:answer|reply)|\s+(?:was|remained|kept) silent")
_NARRATED = 6       # paragraphs whose narration a tag's description may refer back to ("a man and his wife")
_SELF_NAMED_RE = re.compile(r"\b(?:[Mm]y name (?:is|was)|called myself|I am|I was called|called me|named me|"
                            r"call me)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")


__all__ = ["attribute", "readings", "speaker_gender"]
