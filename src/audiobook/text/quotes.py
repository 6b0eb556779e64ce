"""Where the quotes of a paragraph are: the quotation marks a file uses, and which of its marks open
and close speech.

A file quotes dialogue with double marks or with single ones (``style``: counted over its
paragraphs), and may open dialogue paragraphs with a dash instead. Single marks are told apart
from apostrophes (don’t, ’em, the boys’); a quote inside a quote stays in the outer one; quoted
words inside narration (scare quotes, titles) are not speech and their marks are not spoken
(``QuoteFinder.silent``). Offsets are ``str`` indices into the file's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from audiobook.text.speech_verbs import SPEECH_VERBS, THOUGHT_VERBS
from audiobook.text.tokens import WORD_RE, words

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
DASHES = ("—", "―", "--", "–")
# Words that start with an apostrophe: a mark before them does not open a quote.
ELISIONS = frozenset(
    "em tis twas twere twill twould tisn taint cause bout round n nuff ere e im er ow til till ud d s t ave "
    "allo ello appen alf ard eard ome ouse oo".split()
)

_TAG_RE = re.compile(r"\[([^\[\]\r\n]{1,60})\]")          # a speaker tag, before an opening mark
# ", he said sternly." / "? Mulligan said." inside a dash paragraph: a short clause with a speech verb
_DASH_TAG_RE = re.compile(r"(?<=[,!?.…])\s+(?P<tag>[^\s,.!?;:—]+(?:\s+[^\s,.!?;:—]+){0,9}[.,:;])(?=\s|$)")


@dataclass
class Quote:
    """One quote of a paragraph: where its marks and its content stand in the file."""

    open: int                 # offset of the opening mark
    start: int                # content span
    end: int
    close_end: int            # offset after the closing mark (== end when unclosed)
    closed: bool
    tag: str | None = None
    tag_start: int = -1


@dataclass
class Style:
    """How a file quotes dialogue: with double or single marks; ``dash``: dialogue paragraphs
    open with a dash."""

    mode: Literal["double", "single"]
    dash: bool


def first_char(text: str, start: int, end: int) -> int:
    """The offset of the first character of ``text[start:end]`` that is not white space."""
    raw = text[start:end]
    return start + len(raw) - len(raw.lstrip())


class QuoteFinder:
    """The quotes of one file's paragraphs, in the file's ``style``; problems go to ``warn``
    (an offset and a message). ``silent`` collects the offsets of marks that are not spoken."""

    def __init__(self, text: str, style: Style, warn: Callable[[int, str], None]) -> None:
        self.text = text
        self.style = style
        self.warn = warn
        self.silent: set[int] = set()

    def opens(self, start: int, end: int) -> bool:
        """Does the paragraph ``text[start:end]`` open with a quotation mark?"""
        i = first_char(self.text, start, end)
        ch = self.text[i:i + 1]
        if self.style.mode == "double":
            return ch in DOUBLE_OPEN or ch == '"'
        return ch in SINGLE_OPEN or (ch == "'" and not self._elision(i))

    def find(self, start: int, end: int) -> list[Quote]:
        """The quotes of the paragraph ``text[start:end]`` that are speech, each with its speaker tag."""
        first = first_char(self.text, start, end)
        if self.style.dash:
            for d in DASHES:
                if self.text.startswith(d, first):
                    return dash_quotes(self.text, first, len(d), end)
        found = self._scan(start, end)
        tags = {m.end(): m for m in _TAG_RE.finditer(self.text, start, end)}
        for q in found:
            m = tags.get(q.open)
            if m is not None:
                q.tag, q.tag_start = m.group(1).strip(), m.start()
        kept: list[Quote] = []
        for q in found:
            if q.tag is not None or is_utterance(self.text, q, start, end) or resumes(self.text, kept, q, end):
                kept.append(q)
            else:                                 # a scare quote or title: narration, marks not spoken
                self.silent.update((q.open, q.end))
        return kept

    def _scan(self, start: int, end: int) -> list[Quote]:
        text = self.text
        double = self.style.mode == "double"
        quotes: list[Quote] = []
        cur: int | None = None    # offset of the open mark
        i = start
        while i < end:
            ch = text[i]
            if double:
                is_open = ch in DOUBLE_OPEN
                is_close = ch in DOUBLE_CLOSE
                straight = ch == '"'
            else:
                is_open = ch in SINGLE_OPEN and not self._elision(i)
                is_close = ch in SINGLE_CLOSE
                straight = ch == "'"
            if not (is_open or is_close or straight):
                i += 1
                continue
            if cur is None:
                if is_open or (straight and self._may_open(i)) or (is_close and self._glued_opener(i)):
                    cur = i
                elif is_close and double:
                    self.warn(i, "closing quotation mark without an opening one; ignored")
            elif (is_open or straight) and double and (inner := self._nested(i, end)) is not None:
                i = inner + 1             # “I read “Emma” twice”: a quote inside the quote
                continue
            elif is_close or straight:
                if double or self._single_closes(i, end):
                    quotes.append(Quote(cur, cur + 1, i, i + 1, True))
                    cur = None
            elif is_open:
                self.warn(cur, "unbalanced quotation mark: a new quote opens before this one closes")
                stop = i
                while stop > cur + 1 and text[stop - 1].isspace():
                    stop -= 1
                quotes.append(Quote(cur, cur + 1, stop, stop, True))
                cur = i
            i += 1
        if cur is not None:
            stop = end
            while stop > cur + 1 and text[stop - 1].isspace():
                stop -= 1
            quotes.append(Quote(cur, cur + 1, stop, stop, False))
        return quotes

    def _nested(self, i: int, end: int) -> int | None:
        """Inside a double-quoted quote, does the mark at i open a quote within it (a title, words
        repeated)? Yes when it is shaped as an opener and two closing marks follow before any other
        opening one: the inner quote's and the outer's. Returns the offset of the inner closing mark."""
        text = self.text
        if text[i] == '"' and not (i > 0 and text[i - 1].isspace() and text[i + 1:i + 2].isalnum()):
            return None
        closes = []
        for j in range(i + 1, end):
            ch = text[j]
            if ch in DOUBLE_OPEN or (ch == '"' and text[j - 1].isspace()):
                return None
            if ch in DOUBLE_CLOSE or ch == '"':
                closes.append(j)
                if len(closes) == 2:
                    return closes[0]
        return None

    def _elision(self, i: int) -> bool:
        """Is the mark at i an apostrophe starting an elided word ('em, ’tis)?"""
        m = WORD_RE.match(self.text, i + 1)
        return m is not None and m.group(0).lower().split("’")[0].split("'")[0] in ELISIONS \
            and (i == 0 or not self.text[i - 1].isalnum())

    def _may_open(self, i: int) -> bool:
        text = self.text
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if self.style.mode == "double":
            return not (prev.isalnum() or prev in ".,!?;:") or not (nxt.isspace())
        return not prev.isalnum() and not nxt.isspace() and not self._elision(i)

    def _glued_opener(self, i: int) -> bool:
        """A closing mark used as an opener: ``son—”I don’t``."""
        text = self.text
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return not prev.isalnum() and prev not in ".,!?;:" and nxt.isalnum() and not self._elision(i)

    def _single_closes(self, i: int, end: int) -> bool:
        """Does the single mark at i close the open quote, or is it an apostrophe?"""
        text = self.text
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if nxt.isalnum():
            return False                      # don’t, o’clock
        if not prev.isalnum():
            return True                       # ‘Go,’ / ‘Why?’
        # a letter before, no letter after: the boys’ / goin’ or a plain closing mark
        for j in range(i + 1, end):
            if text[j] in "’'" and not text[j - 1].isalnum() and not text[j - 1].isspace() \
                    and not (j + 1 < len(text) and text[j + 1].isalnum()):
                return False                  # a surer closing mark follows
        return True


def dash_quotes(text: str, first: int, width: int, end: int) -> list[Quote]:
    """A paragraph opened by a dash: speech up to the end, minus an inserted tag like ``, he said.``."""
    stop = end
    while stop > first and text[stop - 1].isspace():
        stop -= 1
    for d in DASHES:
        if text.endswith(d, first + width, stop):
            stop -= len(d)
            break
    quotes: list[Quote] = []
    pos = first + width
    opened = first
    for m in _DASH_TAG_RE.finditer(text, pos, stop):
        tag_words = words(m.group("tag").lower())
        # the verb comes early in a tag ("Buck Mulligan told his face in the mirror.")
        if not any(w in SPEECH_VERBS for w in tag_words[:4 if len(tag_words) > 7 else 7]):
            continue
        q_end = m.start("tag")
        while q_end > pos and text[q_end - 1].isspace():
            q_end -= 1
        quotes.append(Quote(opened, pos, q_end, q_end, True))
        pos = m.end("tag")
        while pos < stop and text[pos].isspace():
            pos += 1
        opened = pos
    if any(c.isalnum() for c in text[pos:stop]):
        quotes.append(Quote(opened, pos, stop, stop, True))
    return quotes


_NOT_ASIDE = frozenset(("and", "or", "nor", "of", "but", "as", "that", "to", "for", "in", "with"))


def resumes(text: str, kept: list[Quote], q: Quote, p_end: int) -> bool:
    """A line broken off mid-sentence by an aside goes on in lower case: “I only” (he paused) “meant it.”
    The previous kept quote must stop without a full stop, and the words between must be a real aside,
    not the "and" or "of" that joins two quoted terms."""
    if not kept or not q.closed:
        return False
    prev = kept[-1]                           # the quote before it in the paragraph, kept as a line
    body = text[q.start:q.end].strip()
    if not body[:1].islower() or prev.close_end > q.open:
        return False
    if text[prev.start:prev.end].rstrip().endswith((".", "!", "?")):
        return False
    if not body.endswith((".", "!", "?", ",", ";", "-", "—")) and text[q.close_end:p_end].strip():
        return False                          # a quoted term runs on into the sentence: "a “clever set” of"
    gap = words(text[prev.close_end:q.open].lower())
    thought = any(w in THOUGHT_VERBS for w in gap)   # unspoken, not a line
    return 2 <= len(gap) <= 14 and gap[0] not in _NOT_ASIDE and not thought


def is_utterance(text: str, q: Quote, p_start: int, p_end: int) -> bool:
    """Tell speech from scare quotes, titles and quoted words inside narration."""
    content = text[q.start:q.end]
    ws = words(content)
    if not ws:      # "“. . .” the porter murmured": dots alone are a line when a tag follows
        return "." in content and q.closed and any(
            w in SPEECH_VERBS for w in words(text[q.close_end:min(p_end, q.close_end + 40)].lower())[:3])
    if not q.closed or len(ws) > 8:
        return True
    before = text[p_start:q.open].rstrip()
    if not before or before.endswith((":", "—", "-", "–")):
        return True                           # opens the paragraph, or after "said:" / a dash
    stripped = content.rstrip()
    if stripped.endswith(("?", "!", ",", "…", "—", "--", "-")):
        return True
    prior = words(before[-60:].lower())
    after = words(text[q.close_end:min(p_end, q.close_end + 40)].lower())[:3]
    # after a tag: "said Rosa, “...”", "said the man, licking his lips, “...”" or the second half of
    # "“...,” said her father; “she times them ill.”"
    if prior and (prior[-1] in SPEECH_VERBS or (before.endswith((",", ";")) and
                                                any(w in SPEECH_VERBS for w in prior[-6:]))):
        return True
    if any(w in SPEECH_VERBS for w in after):
        return True
    if before.endswith(('"', "”", "’", "'")):
        return True                           # one quote after another: a line of dialogue
    if before.endswith(",") and content[:1].isupper() and stripped.endswith((".", "!", "?")):
        return True                           # a whole sentence quoted: "namely, “He who strikes first ...”"
    return stripped.endswith(".") and before.endswith((".", "!", "?"))


def style(text: str, paragraphs: Iterable[tuple[int, int]]) -> Style:
    """How this file quotes dialogue: with double or single marks, and whether dash paragraphs are
    speech, from how its ``paragraphs`` (spans of ``text``) open."""
    double_par = single_par = dash_par = 0
    for start, end in paragraphs:
        raw = text[start:end].lstrip()
        ch = raw[:1]
        if ch in DOUBLE_OPEN or ch == '"' or (ch in DOUBLE_CLOSE and raw[1:2].isalnum()):
            double_par += 1
        elif (ch in SINGLE_OPEN or ch == "'") and raw[1:2].isalnum() \
                and WORD_RE.match(raw, 1) is not None \
                and (WORD_RE.match(raw, 1).group(0).lower() not in ELISIONS):  # type: ignore[union-attr]
            single_par += 1
        elif raw.startswith(DASHES) and raw[2:3].strip():
            dash_par += 1
    if double_par == single_par:
        double_marks = sum(text.count(c) for c in DOUBLE_OPEN) + text.count('"') // 2
        mode: Literal["double", "single"] = "single" if text.count("‘") > double_marks else "double"
    else:
        mode = "double" if double_par > single_par else "single"
    return Style(mode, dash=dash_par >= 3 and dash_par > max(double_par, single_par))

