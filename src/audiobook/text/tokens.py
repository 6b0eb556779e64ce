"""How the text side cuts text into words, so that parsing, counting and matching agree.

``WORD_RE`` is the word: letters and digits, with apostrophes inside it (don't, o’clock) but never
at its ends, so a quotation mark or an elision mark is not part of a word and ``_`` (emphasis in
Markdown) is not a letter. ``TOKEN_RE`` is the attribution passes' looser token: it keeps hyphens
and apostrophes at either end (good-bye, ’em, the boys’), so that their word lists match words
as written; use it only to compare with such lists. ``NAME_TOKEN_RE`` and ``TAG_WORD_RE`` are the
tokens of character discovery and the cast's mention finder (each commented below).
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
TOKEN_RE = re.compile(r"[\w’'-]+")
# a name form's token: inner hyphens and one trailing period kept ("Jean-Paul", "Mr."), so that forms compare
# whole; a dash of hyphens ("Tomas--") is no part of it
NAME_TOKEN_RE = re.compile(r"[\w’']+(?:-[\w’']+)*\.?")
# a speech tag's word: no hyphen, so "--said" and "said--" are the verb; "_" and end apostrophes kept
TAG_WORD_RE = re.compile(r"[\w’']+")
# "Rosa's", "Rosa’s", "Rosa s": the possessive, also where a text lost its apostrophes (no English word is "s")
LONE_S = r" (?=s(?![\w'’]))"
POSSESSIVE_S = rf"(?:['’]|{LONE_S})s"


def words(text: str) -> list[str]:
    """The words of ``text``, in order (``WORD_RE``)."""
    return WORD_RE.findall(text)
