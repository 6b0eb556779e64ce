"""Quotes that no character speaks: the narration voice reads them.

Quotation marks also set off verse, titles, terms ("the so-called “gentleman”") and thoughts. The
manuscript parser already leaves short quoted words inside narration in the narration; this finds
the rest among the quotes it keeps as dialogue:

* a thought: the clause next to the quote has a verb of thinking ("she thought", "Tomas wondered,");
* a quotation inside the narrator's sentence: the narration runs into the quote without a stop,
  comma or colon ("those who “wander lonely”", "the so-called “gentleman,”") and no speech verb
  leads into it ("Then Tomas said “Come here”" stays speech);
* verse: a quote set out in two lines or more, each starting with a capital and shorter than the
  file's prose lines, that no speech tag gives to anyone ("sang Rosa", "began her old song:" keep
  it hers).

A ``[Name]`` tag always overrides this (``[Narrator]`` forces it).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache

from audiobook.text.attribution.tags import is_narrator_tag
from audiobook.text.manuscript import Manuscript, Paragraph, Segment
from audiobook.text.speech_verbs import SPEECH_VERBS, THOUGHT_VERBS
from audiobook.text.tokens import TOKEN_RE

# a character singing or reciting verse says it ("began his old song:")
_SINGING = frozenset("sing sings sang sung singing song songs chant chants chanted hummed recite recited reciting "
                     "intoned".split())
# the chance a reader gives the quote to nobody: readers (the gold sets) give a thought to its thinker
# and a quotation to whoever wrote it; none of LitBank's 9 such quotes is the narrator's ((0 + 1) /
# (9 + 2), rounded), so `script --review` lists them early and the producer decides who voices them
UNSPOKEN_CONFIDENCE = 0.1
_DETERMINERS = frozenset("a an the his her their its my our your this that these those".split())
# "she thought", "thought Tomas", "Tomas, vexed, wondered" at the start of the clause after the quote
_THINKING = "|".join(THOUGHT_VERBS)
_AFTER_RE = re.compile(rf"\s*(?:[\w’'.-]+,?\s+){{0,3}}?({_THINKING})\b"
                       r"(?!\s+(?:of|about|that|for|it|aloud|if|whether|how|what|why|who|at)\b)", re.IGNORECASE)
# "Rosa wondered," / "he thought to himself:" right before the quote
_BEFORE_RE = re.compile(rf"\b({_THINKING})(?:\s+to\s+(?:him|her|my)self)?\s*[,:]\s*$",
                        re.IGNORECASE)


def unspoken(ms: Manuscript) -> dict[int, str]:
    """quote_id -> why no character speaks it, for the quotes that are not speech: untagged ones these
    rules find, and those tagged ``[Narrator]``."""
    out: dict[int, str] = {}
    for ch in ms.chapters:
        text = ms.texts.get(ch.source, "")
        prev: Paragraph | None = None
        for p in ch.paragraphs:
            segs = p.segments
            for i, s in enumerate(segs):
                if s.kind == "dialogue" and is_narrator_tag(s.tag):
                    out[s.quote_id] = "tagged [Narrator]"
                elif s.kind == "dialogue" and s.tag is None and not s.continued:
                    if i > 0:       # after a quote and narration: a quote interrupted, not a quotation
                        before = segs[i - 1].text if segs[i - 1].kind == "narration" and \
                            not any(x.kind == "dialogue" for x in segs[:i - 1]) else ""
                    else:
                        before = _last_narration(prev)
                    after = segs[i + 1].text if i + 1 < len(segs) and segs[i + 1].kind == "narration" else ""
                    why = _why(s, before, after, text, i == 0)
                    if why:
                        out[s.quote_id] = why
            prev = p
    return out


def is_thought(why: str) -> bool:
    """Is ``why`` (a reason of ``unspoken``) a thought, whose thinker the first pass names?"""
    return why.startswith("a thought")


def without(ms: Manuscript, quotes: Collection[int]) -> Manuscript:
    """The manuscript without these quotes (their paragraphs keep their narration), as the attribution
    passes read it: a quote no one speaks is no turn of a conversation."""
    if not quotes:
        return ms

    def kept(p: Paragraph) -> Paragraph:
        segs = tuple(s for s in p.segments if s.quote_id not in quotes)
        return p if len(segs) == len(p.segments) else replace(p, segments=segs)

    chapters = tuple(replace(ch, paragraphs=tuple(kept(p) for p in ch.paragraphs)) for ch in ms.chapters)
    return replace(ms, chapters=chapters)


def _why(s: Segment, before: str, after: str, text: str, opens: bool) -> str | None:
    m = _AFTER_RE.match(after)
    if m and not _speech_in(after[:m.start(1)]) and (s.text.endswith((",", "!", "?")) or after[:1].islower()):
        return f'a thought ("{_clause(after, m.end())}")'
    m = _BEFORE_RE.search(before)
    if m:
        return f'a thought ("{_clause_before(before)}")'
    # "“little holiday,” as the doctor put it": a term, not a speech tag
    tagged = (not after.lower().startswith("as ") and _speech_in(" ".join(TOKEN_RE.findall(after)[:4]))) \
        or _speech_in(" ".join(TOKEN_RE.findall(before)[-8:]))
    if tagged:
        return None
    verse = _verse(text, s)
    last = TOKEN_RE.findall(before[-30:])
    runs_in = before[-1:].isalnum() and last and (last[-1].islower() or last[-1].lower() in _DETERMINERS)
    # a paragraph of its own that the paragraph before runs into: a fragment ("those who / “bear the woe”");
    # an exclamation or a question the sentence reports ("with a cheery “Good night!”") is still said
    if runs_in and (not opens or verse or s.text[:1].islower()) and (verse or not _utterance(s.text)):
        return "quoted inside the narration"
    sung = any(w in _SINGING for w in TOKEN_RE.findall(before.lower())[-12:])
    return "verse" if verse and not sung else None


def _utterance(quote: str) -> bool:
    """Words someone says rather than a term or a title: they begin a sentence and exclaim or ask
    ("How do you do?", "Thank heaven!"); a title or a scare-quoted word seldom does."""
    return quote[:1].isupper() and any(c in quote for c in "!?")


def _verse(text: str, s: Segment) -> bool:
    """Set out in two lines or more, each beginning a line of the file with a capital, all but the last
    shorter than the file's prose lines, and not only because the next line's first word would not fit
    (hard-wrapped prose before a long capitalised word: "... from Mr Hugo and Mr Jonas / Wetherby-Lind.")."""
    lo = text.rfind("\n", 0, s.start) + 1
    if text[lo:s.start].strip(" \t“\"‘'"):
        return False            # the quote begins in the middle of a line
    hi = text.find("\n", s.end)
    lines = [ln.strip() for ln in text[lo:hi if hi >= 0 else len(text)].split("\n")]
    lines = [ln.lstrip("“\"‘'") for ln in lines if ln.strip()]
    if len(lines) < 2 or not all(ln[:1].isupper() for ln in lines):
        return False
    width = _prose_width(text)
    return all(len(ln) < 0.8 * width and len(ln) + 1 + len(nxt.split()[0]) < width
               for ln, nxt in zip(lines, lines[1:], strict=False))


@lru_cache(maxsize=64)
def _prose_width(text: str) -> float:
    """How long a line of prose runs in this file: the 90th percentile of its line lengths (a whole
    paragraph when the file is not hard-wrapped)."""
    lengths = sorted(len(ln) for ln in text.split("\n") if ln.strip())
    # hard-wrapped prose runs 60 characters or more; a short file has too few lines to tell
    return max(60.0, float(lengths[round(0.9 * (len(lengths) - 1))])) if lengths else 60.0


def _speech_in(words: str) -> bool:
    """A speech verb among the words, "muttering" and "declaring" included."""
    return any(w in SPEECH_VERBS or (w.endswith("ing") and (w[:-3] in SPEECH_VERBS or w[:-3] + "e" in SPEECH_VERBS))
               for w in TOKEN_RE.findall(words.lower()))


def _last_narration(p: Paragraph | None) -> str:
    return p.segments[-1].text if p is not None and p.segments and p.segments[-1].kind == "narration" else ""


def _clause(text: str, end: int) -> str:
    return " ".join(text[:end].split()).strip(" ,.")


def _clause_before(text: str) -> str:
    words = text.rstrip(" ,:").split()
    return " ".join(words[-3:])
