"""Quotes no speech tag decides, from the narration around them: an action beat in the same paragraph
("Tomas tied off a knot."), or the subject of the sentence before the quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from audiobook.text.attribution.grammar import OBJECT_RE, PLACE_RE, SENTENCE_RE, is_subject, possessive, short
from audiobook.text.attribution.mentions import answerer, newcomer, resolve
from audiobook.text.attribution.state import BEAT, FIRST, PREVIOUS, Attribution, State
from audiobook.text.cast import Mention
from audiobook.text.manuscript import Paragraph, Segment
from audiobook.text.speech_verbs import SPEECH_VERBS
from audiobook.text.tokens import POSSESSIVE_S, WORD_RE


def beat(st: State, segs: tuple[Segment, ...], mentions: list[list[Mention]],
         excluded: set[str]) -> Attribution | None:
    """"Tomas tied off a knot. “...”": the subject of the paragraph's narration, nearest the quote first."""
    # “Go on,” said Rosa. / “No.” Rosa looked away.: a paragraph opening with its quote answers the one who spoke
    # the paragraph before, and the narration after that quote is mostly their reaction
    replied = _last_speaker(st, 1) if segs and segs[0].kind == "dialogue" else None
    for i, s in enumerate(segs):
        if s.kind != "narration":
            continue
        # narration leading into the quote: the sentence next to it first
        cuts = [c.end() for c in SENTENCE_RE.finditer(s.text)] if i == 0 and len(segs) > 1 else []
        end = _moved_on(s.text, mentions[i]) if i > 0 else len(s.text)
        for m in sorted(mentions[i], key=lambda m: (-bisect_right(cuts, m.start), m.start)):
            if m.start >= end or not _candidate(s.text, m) or _in_clause(s.text, m) or _owner_inside(s.text, m) \
                    or _HEARD_RE.match(s.text, m.end):
                continue
            new = newcomer(st, m.gender, m.person) if m.kind == "pronoun" and not st.cast.from_book else None
            if new:     # "He bowed." and no man is known
                return Attribution(new, 0.6, f'beat: "{short(s.text)}"', rule=BEAT)
            who = (answerer(st, m.gender, m.person, excluded) if m.kind == "pronoun" else None) or m.person
            reacts = segs[0].kind == "dialogue" and not _tag_like(segs[i - 1].text)
            if who and who not in excluded and not (who == replied and reacts):
                said = m.word.lower() if m.kind == "pronoun" else ""    # the turns weigh a he/she softly
                return Attribution(who, 0.7, f'beat: "{short(s.text)}"' + (f" ({said})" if said else ""),
                                   pronoun=said, reacts=reacts, rule=BEAT)
    return None


def _moved_on(text: str, mentions: list[Mention]) -> int:
    """Narration after a quote whose first sentence tells of someone but has no one for its subject ("“...”
    The wind pulled at her coat. Will came down the path."): it has left the quote, and a later sentence's
    subject is no beat; where that sentence tells of no one, or has a subject, the whole narration is read."""
    first = next((c.end() for c in SENTENCE_RE.finditer(text)
                  if not c.group().startswith(";") and text[c.end():].strip()), len(text))
    ms = [m for m in mentions if m.start < first]
    return first if ms and not any(is_subject(m) and m.person != FIRST for m in ms) else len(text)


def _candidate(text: str, m: Mention) -> bool:
    """A mention that can be a beat's subject: a name or he/she, not "I", not after a preposition, nor after
    a place one in a speech tag ("said a voice behind Rosa"; "Rosa sat beside Tomas" still tells of Tomas)."""
    return is_subject(m) and m.person != FIRST and not OBJECT_RE.search(text, 0, m.start) \
        and not (PLACE_RE.search(text, 0, m.start)
                 and any(w.lower() in SPEECH_VERBS for w in WORD_RE.findall(text, 0, m.start)))


def _owner_inside(text: str, m: Mention) -> bool:
    """"I told them of Rosa's fall.", "Tomas took Rosa's hat.": an owner inside the sentence is not its
    subject; one that opens it ("Rosa's face fell.", "At dawn, Rosa's face fell.") is the one it tells of,
    and so is the owner of a voice or a word for speech ("a voice--Rosa's--", "was Rosa's remark")."""
    if not possessive(text, m) or _OWNS_WORDS_RE.match(text, m.end):
        return False
    start = max((c.end() for c in SENTENCE_RE.finditer(text, 0, m.start)), default=0)
    return not _OPENS_RE.fullmatch(text, start, m.start)


# at most one word before the owner ("And", "Then", "The"), an opening phrase and its comma, or names joined
# to it ("Tomas and Rosa's")
_OPENS_RE = re.compile(r"[\W_]*(?:[A-Za-z]+\W+)?|.*,\s*(?:[Tt]he\s+)?|(?:[A-Z][\w.’']*\s+)+and\s+")
# "Rosa's--" (her voice, named before), "Rosa's sharp reply", "Rosa's remark"
_OWNS_WORDS_RE = re.compile(rf"{POSSESSIVE_S}(?:\s*[^\w\s]|\s+(?:[a-z-]+\s+){{0,2}}?(?:reply|answer|remark|rejoinder"
                            r"|response|retort|exclamation|comment|observation|words|greeting|question)\b)")
# "Rosa heard one of the men begin", "These were the words Tomas heard": the one who hears is not the speaker
_HEARD_RE = re.compile(r"\s+(?:had\s+|could\s+)?(?:[a-z]+ly\s+)?(?:heard|overheard)\b(?!\s+(?:himself|herself)\b)")


def _in_clause(text: str, m: Mention) -> bool:
    """"While he ate his breakfast Rosa read to him.", "so loud that Rosa heard it": the subject of a clause
    of its own (after when, while, as, if, that, ...) is not the one the sentence tells of; but "It was all
    that Rosa could say.", "a question that Rosa asked" (a relative clause about the words) keep her."""
    c = _CLAUSE_RE.search(text, 0, m.start)
    return c is not None and not (c.group(1).lower() == "that" and _RELATIVE_THAT_RE.search(text, 0, c.start()))


_CLAUSE_RE = re.compile(r"\b(when|while|as|though|although|because|before|after|until|till|since|unless|if|that)\s+$",
                        re.IGNORECASE)
_RELATIVE_THAT_RE = re.compile(r"\b(?:all|(?:a|an|the)\s+[a-z]+)\s+$", re.IGNORECASE)


def _last_speaker(st: State, back: int) -> str | None:
    """The speaker the first pass gave the last quote, where its paragraph is ``back`` paragraphs before the
    one read."""
    last = st.items[-1] if st.items else None
    if last is None or last.gpar != st.gpar - back or not last.quote_ids:
        return None
    a = last.found.get(last.quote_ids[-1])
    return a.speaker if a is not None else None


def _tag_like(quote: str) -> bool:
    """A quote that ends with a comma: the narration after it is its tag ("“Pardon me,” offered Rosa."), the
    speaker's own, whatever its verb."""
    return quote.rstrip().endswith(",")


def previous(st: State, prev: Paragraph | None, excluded: set[str]) -> tuple[Attribution | None, str | None]:
    """The subject of the last sentence of the paragraph before (None: a name the quote excludes); a later
    subject there who speaks takes the floor ("He began to answer, but Rosa went on"); one who only listens,
    assents or keeps silent leaves the quote to the one who spoke the last quote, going on. Second: that one
    who kept silent, where the first pass does not know yet who spoke that quote (the turns will: ``Item.silent``)."""
    if prev is None or not prev.segments or prev.segments[-1].kind != "narration":
        return None, None
    text = prev.segments[-1].text
    cuts = [0] + [m.end() for m in SENTENCE_RE.finditer(text)]
    every = resolve(st, st.cast.mentions(text), text)
    ms = [m for m in every if is_subject(m) and not possessive(text, m) and not _in_clause(text, m)]   # as a beat
    hi = len(text)
    for lo in reversed(cuts):
        here = [m for m in ms if m.start >= lo]
        if here:
            m = next((x for x in here[1:] if _FLOOR_RE.match(text, x.end)), here[0])
            if (h := _hears(st, text, m)) is not None and not _LATER_RE.search(text[h:hi]):
                went_on = _last_speaker(st, 2)     # the one who spoke just before that narration
                if not went_on:     # nobody's yet (or a quote going on from one that is): the turns will know
                    return None, m.person
                return (Attribution(went_on, 0.5, f'previous sentence: "{short(text[lo:])}" (listens)',
                                    rule=PREVIOUS) if went_on != m.person and went_on not in excluded else None), None
            if m.person in (None, FIRST) or m.person in excluded:
                return None, None
            return Attribution(m.person, 0.5 if m.kind == "pronoun" else 0.55,
                               f'previous sentence: "{short(text[lo:])}"', rule=PREVIOUS), None
        # no subject, one person: "Older, guilt written all over her face." (not "Looked into her eyes.":
        # a sentence that opens with its verb has the subject of the one before)
        people = {m.person for m in every if lo <= m.start < hi}
        who = people.pop() if len(people) == 1 else None
        if who and who != FIRST and who not in excluded and not _VERB_FIRST_RE.match(text, lo):
            return Attribution(who, 0.5, f'previous sentence: "{short(text[lo:])}"', rule=PREVIOUS), None
        ms = [m for m in ms if m.start < lo]
        hi = lo
    return None, None


def _hears(st: State, text: str, m: Mention) -> int | None:
    """Where the subject ``m`` only listens, assents or keeps silent, the end of that verb. A narrator telling
    their own story also answers without a word by a nod or a shake of the head ("I nodded."), and the one
    who spoke goes on; someone else's nod often comes before their own line, so for them it says nothing."""
    if m.person is None or m.person == FIRST and st.third_person:
        return None
    h = _HEARS_RE.match(text, m.end) or (_NODS_RE.match(text, m.end) if m.person == FIRST else None)
    return h.end() if h else None


# "He began to answer, but Rosa went on quickly": a later subject who speaks takes the floor (not one who
# reports it: "and she answered that ...")
_FLOOR_RE = re.compile(r"(?:\s*,[^,.;:]{1,60},)?\s+(?:[a-z]+ly\s+)?(?:said|went\s+on|continued|repeated|resumed|began"
                       r"|replied|answered|asked|cried|exclaimed|interrupted|addressed|proceeded)\b"
                       r"(?!\s+(?:that|how|whether|if|what|why|who|where|when)\b)")
# "Rosa listened quietly.", "Tomas gladly agreed.", "Anna said nothing.": one who takes in or assents
# to what was said, or keeps silent, has not taken the floor
_HEARS_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:listened|agreed|assented|acquiesced|consented"
                       r"|(?:bowed|nodded)\s+(?:his\s+|her\s+)?assent|made\s+(?:a\s+sign\s+of\s+assent|no\s+(?:answer|reply|response))"
                       r"|(?:did|could|would)\s+not\s+(?:answer|reply|respond|speak)|(?:did|could|would)n['’]t\s+"
                       r"(?:answer|reply|respond|speak)|(?:said|answered|replied)\s+nothing|(?:was|remained|kept)\s+silent)\b")
_NODS_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:nodded|shrugged|shook\s+my\s+head)\b")
# "Rosa said nothing until the tea came.": silent for a while, then she spoke
_LATER_RE = re.compile(r"\b(?:till|until|before|but|then|at last|at length)\b")
_VERB_FIRST_RE = re.compile(r"\s*[A-Z][a-z]+ed\b(?!,)")
