"""Inline speaker tags (``[Name]“…”``): a tag is a fact, not a hint.

The producer who writes a tag has listened and decided, so the tagged quote goes to exactly that
speaker, spelled as written, whatever the attribution passes concluded. The one exception is the
spelling of a character of the book's cast list: a tag that is exactly one character's name or
alias (case, spaces and periods aside) names that character, so its voice is the cast voice. No
looser matching: with a cast list "[Mrs. Markham]" is not Rose Markham, and without one the
discovered characters are guesses, so the tag stays as written. ``[Narrator]`` marks a quote that
no character speaks (verse, a title, a thought): the narration voice reads it.
"""

from __future__ import annotations

from audiobook.model import NARRATOR
from audiobook.text.attribution.state import Attribution
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


def apply_tags(ms: Manuscript, cast: Cast, found: dict[int, Attribution]) -> None:
    """Put every tagged quote back on its tag's speaker (the passes may have moved it)."""
    for _ch, _p, seg in ms.quotes():
        if seg.tag is not None:
            found[seg.quote_id] = Attribution(tag_speaker(seg.tag, cast), 1.0, TAG_REASON)
