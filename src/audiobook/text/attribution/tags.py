"""Inline speaker tags (``[Name]“…”``): a tag is a fact, not a hint.

The producer who writes a tag has listened and decided, so the tagged quote goes to exactly that
speaker, spelled as written, whatever the attribution passes concluded. The one exception is the
spelling of a character of the book's cast list: a tag that is exactly one character's name or
alias (case, spaces and periods aside) names that character, so its voice is the cast voice. No
looser matching: with a cast list "[Mrs. Lind]" is not Greta Lind, and without one the
discovered characters are guesses, so the tag stays as written. ``[Narrator]`` marks a quote that
no character speaks (verse, a title, a thought): the narration voice reads it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from audiobook.model import NARRATOR
from audiobook.text.attribution.state import TAG, Attribution, State
from audiobook.text.cast import Cast
from audiobook.text.manuscript import Manuscript
from audiobook.text.names import norm

TAG_REASON = "tag"
TAGGED_PARAGRAPH = "tag: same paragraph as a tagged quote"      # an untagged quote beside one


def tag_speaker(tag: str, cast: Cast) -> str:
    """The speaker a tag names: the narrator, one cast-list character it spells exactly, or itself."""
    key = norm(tag)
    if key == norm(NARRATOR):
        return NARRATOR
    if cast.from_book:
        owners = {p.name for p in cast.people.values() for form in (p.name, *p.aliases) if norm(form) == key}
        if len(owners) == 1:
            return owners.pop()
    return tag


def is_narrator_tag(tag: str | None) -> bool:
    """``[Narrator]``: the documented way to say a quote is not spoken by a character."""
    return tag is not None and norm(tag) == norm(NARRATOR)


def learn(st: State, read: Attribution | None, who: str) -> None:
    """A tag on a quote whose speech tag describes its speaker ("[Tomas]“Welcome,” said the innkeeper.") while
    the passes read the description as someone else: in the rest of the chapter that description is the tagged
    speaker (``follow``). ``read``: what the speech tag alone gave the quote."""
    words = _described(read)
    if read is not None and words and read.speaker != who:
        st.taught.append((read.speaker, words, who))


def follow(st: State, a: Attribution) -> Attribution:
    """A speech tag with a description a tag corrected earlier in the chapter, read as the same wrong person
    again ("said the fat innkeeper"): the tagged speaker. A soft lesson: where the description's own reading
    finds anyone else, that stands."""
    who = taught(st, a.speaker, _described(a))
    return a if who is None else replace(a, speaker=who, reason=f"{a.reason} = {who} (as tagged)")


def taught(st: State, read: str | None, words: frozenset[str]) -> str | None:
    """Whom a tag of this chapter says a description is, when the passes read it as ``read``: one description's
    words must lie within the other's ("the fat innkeeper", "the innkeeper"; not "the elder lady" for "the
    young lady")."""
    for wrong, lesson, who in reversed(st.taught if words else []):
        if wrong == read and (words <= lesson or lesson <= words):
            return who
    return None


def described(phrase: str) -> frozenset[str]:
    """The words of a description in the narration ("The fat innkeeper": fat, innkeeper), as ``_described``."""
    m = _NARRATED_RE.fullmatch(phrase)
    return _described_words(m.group(1)) if m else frozenset()


def _described(a: Attribution | None) -> frozenset[str]:
    """The words of the description an explicit speech tag named its speaker by ("said the fat innkeeper": fat,
    innkeeper), or none: only a common noun phrase, not a name ("said the Nollard"), someone new ("said a
    man") or one of a crowd ("said another")."""
    m = _DESCRIBED_RE.fullmatch(a.said) if a is not None else None
    return _described_words(m.group(1) or m.group(2)) if m else frozenset()


def _described_words(phrase: str) -> frozenset[str]:
    words = frozenset(phrase.split())
    return frozenset() if words & _ANYONE else words


_DET = r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Yy]our|[Oo]ur|[Tt]his|[Tt]hat) "
_WORDS = r"[a-z][a-z'’ -]*"
_DESCRIBED_RE = re.compile(rf"{_DET}({_WORDS}?) [a-z]+|[a-z]+ (?:{_DET})?({_WORDS})")
_NARRATED_RE = re.compile(rf"{_DET}({_WORDS})")
_ANYONE = frozenset({"a", "an", "one", "another", "other", "someone", "somebody", "all", "both", "each", "voice"})


def apply_tags(ms: Manuscript, cast: Cast, found: dict[int, Attribution]) -> None:
    """Put every tagged quote back on its tag's speaker (the passes may have moved it)."""
    for _ch, _p, seg in ms.quotes():
        if seg.tag is not None:
            found[seg.quote_id] = Attribution(tag_speaker(seg.tag, cast), 1.0, TAG_REASON, rule=TAG)
