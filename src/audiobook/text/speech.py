"""What an engine is given to say (pure): symbols it cannot say, web addresses, engine-sized pieces.

``speech(text)`` returns the text an engine is sent for a line, and what was changed on the way:
emoji and other pictographs are skipped (the caller warns), a few symbols are said as words
(``&`` -> "and"), a web address is read as its site (``https://www.example.com/a?b=1`` ->
"example.com"). Ordinary prose comes back exactly as ``" ".join(text.split())``, so the cache keys of
ordinary lines do not depend on this module.

``pieces(text, limit)`` cuts a text whose sentences are too long for an engine (a paragraph of
20,000 characters without a full stop) into pieces of at most ``limit`` characters: at sentence
ends, then at clause marks, then between words, inside a word only when it is longer than the
limit, and nothing is dropped.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from audiobook.text.tokens import words

# said as a word wherever they stand
SAY = {"&": "and", "©": "copyright", "°": "degrees", "№": "number", "§": "section"}
# parts of an emoji sequence that are nothing on their own (joiners, variation selectors, keycaps)
_GLUE = frozenset("\u200d\ufe0e\ufe0f\u20e3")
_URL_RE = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>\"“”‘’«»]+", re.IGNORECASE)
_URL_TRAIL = ".,;:!?)]}'’”"
NO_SITE = "a web address"


@dataclass(frozen=True)
class Speech:
    text: str                              # what the engine is sent
    skipped: tuple[str, ...] = ()          # symbols left out (emoji, pictographs, control characters)
    addresses: tuple[tuple[str, str], ...] = ()   # (web address, how it is read)

    @property
    def changed(self) -> bool:
        return bool(self.skipped or self.addresses)

    @property
    def words_left_out(self) -> int:
        """Words of the text that the engine is not sent (the paths of web addresses)."""
        return sum(len(words(url)) - (len(words(said)) if said != NO_SITE else 0) for url, said in self.addresses)

    def describe(self) -> str:
        """One clause for a warning: what was skipped and how addresses are read."""
        parts = []
        if self.skipped:
            shown = " ".join(dict.fromkeys(_show(s) for s in self.skipped))
            parts.append(f"skipped what cannot be spoken: {shown}")
        for url, said in self.addresses:
            parts.append(f"read the web address {url} as {said!r}")
        return "; ".join(parts)


def speech(text: str) -> Speech:
    """The text an engine is sent for ``text``, with whitespace collapsed."""
    if "://" not in text and "www." not in text.lower() and not any(map(_special, set(text))):
        return Speech(" ".join(text.split()))           # ordinary prose: each distinct character looked at once
    addresses: list[tuple[str, str]] = []

    def site(m: re.Match[str]) -> str:
        url = m.group(0)
        tail = len(url) - len(url.rstrip(_URL_TRAIL))
        url, rest = (url[:-tail], url[-tail:]) if tail else (url, "")
        host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=re.IGNORECASE)
        host = re.split(r"[/?#]", host, maxsplit=1)[0].rsplit("@", 1)[-1].split(":")[0]
        host = host[4:] if host.lower().startswith("www.") else host
        said = host or NO_SITE
        addresses.append((url, said))
        return f" {said} {rest}"

    text = _URL_RE.sub(site, text)
    out: list[str] = []
    skipped: list[str] = []
    in_emoji = False                         # the last character kept was a skipped pictograph (or its glue)
    for c in text:
        if c in _GLUE or _is_modifier(c):
            if not in_emoji:                      # a skin tone or joiner on its own: left out, and said so
                skipped.append(c)
            out.append("")
            continue
        in_emoji = False
        if c in SAY:
            out.append(f" {SAY[c]} ")
        elif c.isspace():
            out.append(" ")
        elif _unspeakable(c):
            skipped.append(c)
            in_emoji = True
            out.append(" ")
        else:
            out.append(c)
    spoken = " ".join("".join(out).split())
    spoken = re.sub(r" ([,.;:!?…])", r"\1", spoken) if skipped or addresses else spoken
    return Speech(spoken, tuple(skipped), tuple(addresses))


@functools.cache
def _special(c: str) -> bool:
    return c in SAY or c in _GLUE or _is_modifier(c) or (_unspeakable(c) and not c.isspace())


def _unspeakable(c: str) -> bool:
    cat = unicodedata.category(c)
    if cat == "So":                              # emoji, pictographs, dingbats, ★ ♥ ™ ®
        return True
    if cat == "Sm":                              # arrows and other pictures among the math symbols
        return 0x2190 <= ord(c) <= 0x21FF or 0x27F0 <= ord(c) <= 0x297F or 0x2B00 <= ord(c) <= 0x2BFF
    return cat in ("Cc", "Co", "Cn", "Cs")       # control, private-use, unassigned characters


def _is_modifier(c: str) -> bool:
    """Skin tones and tag characters: part of an emoji, never said on their own."""
    o = ord(c)
    return 0x1F3FB <= o <= 0x1F3FF or 0xE0020 <= o <= 0xE007F


def _show(c: str) -> str:
    if c.isprintable():
        return c
    return f"U+{ord(c):04X}"


# ------------------------------------------------------------------------------ pieces
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’»)\]]*$")
_ENDS_CLAUSE = re.compile(r"[,;:—–][\"”’»)\]]*$")


def _groups(tokens: list[str], end: re.Pattern[str]) -> list[list[str]]:
    """Runs of tokens, each ending with a token that matches ``end`` (or the last token)."""
    out: list[list[str]] = [[]]
    for t in tokens:
        out[-1].append(t)
        if end.search(t):
            out.append([])
    return [g for g in out if g]


def too_long(text: str, limit: int) -> bool:
    """Does ``text`` hold a sentence longer than ``limit`` characters?"""
    return len(text) > limit and any(len(" ".join(s)) > limit for s in _groups(text.split(" "), _ENDS_SENTENCE))


def pieces(text: str, limit: int) -> list[str]:
    """``text`` (whitespace collapsed) as is, or, when one of its sentences is longer than ``limit``,
    cut into pieces of at most ``limit`` characters at sentence ends, then clause marks, then
    between words; a "word" longer than ``limit`` (a code, a run of letters) is cut every ``limit``
    characters, since an engine's memory grows with the square of what it is sent at once."""
    if not too_long(text, limit):
        return [text]
    units: list[str] = []
    for sentence in _groups(text.split(" "), _ENDS_SENTENCE):
        if len(" ".join(sentence)) <= limit:
            units.append(" ".join(sentence))
            continue
        for clause in _groups(sentence, _ENDS_CLAUSE):
            joined = " ".join(clause)
            units.extend([joined] if len(joined) <= limit else clause)
    out: list[str] = []
    for unit in (u[i:i + limit] for u in units for i in range(0, len(u), limit)):
        if out and len(out[-1]) + 1 + len(unit) <= limit:
            out[-1] += " " + unit
        else:
            out.append(unit)
    return out
