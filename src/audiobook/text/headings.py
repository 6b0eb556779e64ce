"""Chapter headings in plain text: ``CHAPTER I.``, ``Chapter 1``, ``CHAPTER THE FIRST``,
``PART TWO``, ``BOOK IV``, ``PREFACE``, a bare roman numeral; and how each is spoken as a title.

Shared by the manuscript reader and the plain-text importer (a ``CHAPTER N`` line in a ``.txt``
manuscript starts a chapter). Pure functions, no state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred"
).split()
ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth last"
).split()
_NUM_WORD = "(?:" + "|".join(NUMBER_WORDS + ORDINAL_WORDS) + ")"
_NUMBER = (rf"(?:\d{{1,4}}|[IVXLCDM]{{1,8}}|[ivxlcdm]{{1,8}}|{_NUM_WORD}(?:[- ]{_NUM_WORD})*"
           rf"|the[ ]{_NUM_WORD}(?:[- ]{_NUM_WORD})*)")
# "CHAPTER I.", "Chapter 12: The Storm", "CHAPTER THE FIRST", "Part Two", "BOOK IV. THE RETURN"
_NUMBERED = re.compile(
    rf"^(?P<word>CHAPTER|Chapter|CHAP\.|Chap\.|PART|Part|BOOK|Book|VOLUME|Volume|LETTER|Letter|STAVE|Stave)"
    rf"[ \t]+(?P<num>{_NUMBER})\b(?P<sep>[ \t]*[.:—–-]+|[ \t]{{2,}}|)[ \t]*(?P<rest>.*?)[ \t]*$",
    re.IGNORECASE,
)
_NAMED = re.compile(
    r"^(?P<word>PREFACE|Preface|INTRODUCTION|Introduction|PROLOGUE|Prologue|EPILOGUE|Epilogue|FOREWORD|"
    r"Foreword|AFTERWORD|Afterword|CONCLUSION|Conclusion|POSTSCRIPT|Postscript)[ \t]*\.?[ \t]*$")
_BACK = re.compile(r"^(?:FOOTNOTES|Footnotes|NOTES|INDEX|Index|APPENDIX|TRANSCRIBER'?S NOTES?)[ \t]*\.?[ \t]*$")
_BARE_ROMAN = re.compile(r"^[ \t]*(?P<num>[IVXLC]{1,7})\.?[ \t]*$")
_SMALL = frozenset("a an and as at but by for from in into of on or the to with".split())
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
LEVEL_PART = 1
LEVEL_CHAPTER = 2


@dataclass(frozen=True)
class Heading:
    level: int            # LEVEL_PART (part, book, volume) or LEVEL_CHAPTER
    title: str            # as spoken: "Chapter 1", "Chapter the First", "Part Two", "Preface"
    rest: str             # a title on the same line ("Down the Rabbit-Hole"), or ""
    kind: str = "numbered"    # "numbered" (CHAPTER I), "named" (PREFACE), "back" (INDEX) or "bare" (IV.)

    @property
    def back_matter(self) -> bool:
        return self.kind == "back"

    @property
    def spoken(self) -> str:
        """The title as a chapter's: "Chapter 1: Down the Rabbit-Hole"."""
        return self.title + (f": {self.rest}" if self.rest else "")


def heading(line: str, bare_numerals: bool = False) -> Heading | None:
    """The heading ``line`` is (stripped of surrounding space), or None. ``bare_numerals``: a line
    that is only a roman numeral (``IV.``) counts too (books whose chapters are numbered so)."""
    text = line.strip()
    if not text or len(text) > 100:
        return None
    m = _NUMBERED.match(text)
    if m and _word_case_ok(m.group("word")) and _rest_ok(m.group("rest"), m.group("sep")):
        word = m.group("word").rstrip(".").lower()
        word = {"chap": "chapter"}.get(word, word)
        level = LEVEL_PART if word in ("part", "book", "volume") else LEVEL_CHAPTER
        return Heading(level, f"{word.capitalize()} {_number(m.group('num'))}", title_case(m.group("rest")))
    m = _NAMED.match(text)
    if m:
        return Heading(LEVEL_CHAPTER, m.group("word").capitalize(), "", "named")
    if _BACK.match(text):
        return Heading(LEVEL_CHAPTER, title_case(text.rstrip(". ")), "", "back")
    m = _BARE_ROMAN.match(text)
    if bare_numerals and m and roman_to_int(m.group("num")) is not None:
        return Heading(LEVEL_CHAPTER, f"Chapter {roman_to_int(m.group('num'))}", "", "bare")
    return None


def is_subtitle(line: str) -> bool:
    """A short line that reads as a chapter's name ("Down the Rabbit-Hole", "THE POOL OF TEARS"),
    not as the chapter's first sentence."""
    text = line.strip()
    words = text.split()
    if not words or len(words) > 12 or len(text) > 90 or text[-1] in ",;:!?\"”’'" or text[0] in "\"“‘'([":
        return False
    if text.endswith(".") and not text.isupper():
        return False
    capital = [w for w in words if w[:1].isupper() or not w[:1].isalpha()]
    significant = [w for w in words if w.lower() not in _SMALL]
    return text.isupper() or len(capital) >= max(1, len(significant))


def title_case(text: str) -> str:
    """An all-capitals title in title case (a voice spells out capitals); other text as it is."""
    text = re.sub(r"(?<!\w)[_*]+|[_*]+(?!\w)", "", " ".join(text.split())).strip().rstrip(".")
    if not text or not text.isupper():
        return text
    out = []
    for i, w in enumerate(text.lower().split()):
        out.append(w if i and w in _SMALL else w[:1].upper() + w[1:])
    return " ".join(out)


def _word_case_ok(word: str) -> bool:
    return word.isupper() or word[:1].isupper()


def _rest_ok(rest: str, sep: str) -> bool:
    """A heading's own title, if any, is set apart (``CHAPTER I. THE STORM``, ``Chapter 2: Home``)
    and short: "Part two of the plan failed" is a sentence, not a heading."""
    if not rest:
        return True
    return (bool(sep.strip()) or len(sep) >= 2 or rest.isupper() or is_subtitle(rest)) and len(rest.split()) <= 12 \
        and not rest.endswith((",", ";"))


def _number(num: str) -> str:
    """How the number is said: roman numerals as figures, number words in capitals."""
    if num.isdigit():
        return str(int(num))
    value = roman_to_int(num)
    if value is not None:
        return str(value)
    words = num.lower().split()
    return " ".join(w if w == "the" else "-".join(p.capitalize() for p in w.split("-")) for w in words)


def roman_to_int(word: str) -> int | None:
    """The value of a roman numeral (``XIV`` -> 14), or None when ``word`` is not one."""
    w = word.lower()
    if not w or any(c not in _ROMAN for c in w):
        return None
    total = 0
    for i, c in enumerate(w):
        v = _ROMAN[c]
        total += -v if i + 1 < len(w) and _ROMAN[w[i + 1]] > v else v
    return total if _int_to_roman(total) == w else None


def _int_to_roman(n: int) -> str:
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)
