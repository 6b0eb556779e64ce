"""The words of a book worth checking by ear (``audiobook words``): names (capitalised words that do
not start a sentence), words the engines' dictionaries lack, and numbers and abbreviations that
will be read out; each with its count, where it first stands, and the phonemes each engine of the
cast will say (with the pronunciation lexicon applied).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from audiobook.book import Book
from audiobook.lexicon import Lexicon, mark
from audiobook.model import Voice
from audiobook.voice.engines import engine_class
from audiobook.voice.profiles import Profile

_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*\.?")
_TAG = re.compile(r"\[[^\]\n]*\](?=\s*[\"“‘'])")       # speaker tags are never spoken
_SENTENCE_END = re.compile(r"[.!?…:][\"”’')\]]*\s*$")
_ABBREVIATION = re.compile(r"^(?:(?:[A-Za-z]\.){2,}|[A-Z]{2,5}s?)$")
TITLES = frozenset("mr mrs ms dr st jr sr prof capt col gen lt sgt rev fr mt no vs etc ave rd".split())
COMMON_CAPS = frozenset("I I'm I'd I'll I've OK A".split())
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""),
             ("s", ""), ("d", ""), ("ly", ""), ("er", ""), ("est", ""))


@dataclass
class Word:
    word: str                                  # as first written
    kinds: set[str] = field(default_factory=set)   # name, unknown, number, abbreviation
    count: int = 0
    first: str = ""                            # file:line
    in_lexicon: bool = False
    said: dict[str, str] = field(default_factory=dict)   # voice description -> phonemes


def book_words(book: Book, profile: Profile, known: Iterable[str] = ()) -> list[Word]:
    """The book's names and rare words, most frequent first, with each cast voice's phonemes.
    ``known``: words to treat as in the engines' dictionaries (tests)."""
    lexicon = book.lexicon.over(profile.lexicon)
    found: dict[str, Word] = {}
    dictionary = _dictionary()
    extra = {w.lower() for w in known}
    seen: dict[str, tuple[str, str, int]] = {}         # every word: (itself, first file:line, count)
    for path in book.manuscript_files():
        text = path.read_bytes().decode("utf-8", errors="replace")
        starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        label = path.relative_to(book.root).as_posix()
        spoken = _TAG.sub(lambda m: " " * len(m.group(0)), text)
        for m in _WORD.finditer(spoken):
            token = re.sub(r"'s$", "", m.group(0).replace("’", "'"))      # Tilney's: Tilney
            word = token if _ABBREVIATION.match(token) or token[:-1].lower() in TITLES else token.rstrip(".")
            key = word                                   # "One" (Year One) is not "one"
            first, where, n = seen.get(key, (word, "", 0))
            seen[key] = (first, where or f"{label}:{bisect_right(starts, m.start())}", n + 1)
            line_start = spoken.rfind("\n", 0, m.start()) + 1
            heading = spoken.startswith("#", line_start)
            kinds = _kinds(word, spoken[:m.start()], dictionary, extra, heading)
            if kinds:
                found.setdefault(key, Word(word)).kinds |= kinds
    for key, w in found.items():
        w.word, w.first, w.count = seen[key]
    voices = _cast_voices(profile)
    for w in found.values():
        w.in_lexicon = bool(lexicon.find(w.word))
        for v in voices:
            w.said[engine_class(v.engine).describe(v)] = say(v, w.word, lexicon, book.language)
    return sorted(found.values(), key=lambda w: (-w.count, w.word.casefold()))


def say(voice: Voice, text: str, lexicon: Lexicon, language: str = "en") -> str:
    """The phonemes ``voice``'s engine says ``text`` with (the lexicon applied), or '' if it cannot tell."""
    cls = engine_class(voice.engine)
    marked = mark(text, lexicon.find(text, voice.option("language") or language),
                  functools.partial(cls.pronounce, voice))
    return cls.phonemes(voice, marked)


def _kinds(word: str, before: str, dictionary: Callable[[str], bool] | None, extra: set[str],
           heading: bool = False) -> set[str]:
    kinds = set()
    if any(c.isdigit() for c in word):
        return {"number"}
    if (_ABBREVIATION.match(word) and word not in COMMON_CAPS) or word.rstrip(".").lower() in TITLES and \
            word.endswith("."):
        return {"abbreviation"}
    lower = word.lower()
    stem = re.sub(r"'s$", "", lower)
    if dictionary and not (stem in extra or _known(stem, dictionary) or _known(lower, dictionary)):
        kinds.add("unknown")
    starts_sentence = heading or not before.strip() or bool(_SENTENCE_END.search(before[-12:])) or \
        before.rstrip().endswith(("\n", "“", '"', "‘", "—")) or "\n\n" in before[-4:]
    if word[:1].isupper() and not starts_sentence and word not in COMMON_CAPS:
        kinds.add("name")
    return kinds


def _known(word: str, dictionary: Callable[[str], bool]) -> bool:
    """In the dictionary, as it is or as an inflection of a word that is (lived, apologies)."""
    if dictionary(word):
        return True
    return any(word.endswith(end) and len(word) - len(end) >= 2 and dictionary(word[:-len(end)] + base)
               for end, base in _SUFFIXES)


@functools.cache
def _dictionary() -> Callable[[str], bool] | None:
    """Whether an English word is in an engine's dictionary (hibari's US lexicons, which answer for
    a word in lower case or Capitalized); None when there is none to ask."""
    try:
        from audiobook.voice.engines.hibari import _g2p

        lex = _g2p(False).lexicon
    except Exception:       # hibari missing or broken: nothing counts as unknown
        return None
    return lambda w: w in lex.golds or w in lex.silvers


def _cast_voices(profile: Profile) -> list[Voice]:
    """One voice per engine and model the cast uses (the phonemes depend on nothing else)."""
    seen: dict[tuple[str, str, str], Voice] = {}
    for name in [*profile.cast.values(), *profile.fallback.values()]:
        v = profile.voices[name]
        seen.setdefault((v.engine, v.model or "", str(v.option("language") or "")), v)
    return list(seen.values())
