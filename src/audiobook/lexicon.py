"""The pronunciation lexicon: ``pronunciations:`` in book.yaml (and a shared file a profile names).

    pronunciations:
      Tilney: TIL-nee                   # a respelling: syllables, the stressed one in capitals
      muslin: /ˈmʌzlɪn/                 # espeak-ng IPA, between slashes
      Reading: {ipa: /ˈɹɛdɪŋ/, case: true}          # only "Reading", not "reading"
      Eilidh: {ipa: /ˈeɪli/, hibari: /ˈAli/, coqui: Ailey, language: en}   # one engine's own form

A word or phrase is matched whole, case-insensitively unless ``case: true``, with its plural and
possessive endings ("Tilney's", "Tilneys", "Tilneys'"). Each engine is given the entry in the form
it takes (``Engine.pronounce``): Piper espeak phonemes, hibari misaki phonemes, others a respelling.
The forms a line's words take are part of that line's cache key, and of no other line's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from audiobook.config import Section
from audiobook.errors import ConfigError, ConfigProblems, did_you_mean
from audiobook.phonemes import (
    PhonemeError,
    check_ipa,
    check_respelling,
    normalize_ipa,
    respelling_ipa,
    respelling_text,
    to_respelling,
    with_suffix,
)

ENTRY_KEYS = ("say", "ipa", "case", "language")


@dataclass(frozen=True)
class Entry:
    """One word or phrase and how to say it."""

    word: str
    where: str                         # "manuscript/book.yaml: pronunciations.Tilney", for messages
    ipa: str = ""                      # espeak-ng IPA (normalized), if given
    respelling: str = ""               # "TIL-nee", if given
    engines: tuple[tuple[str, str], ...] = ()   # engine name -> its own form ("/phonemes/" or text)
    case: bool = False                 # match the word's capitals exactly
    language: str = ""                 # "" = every language

    def phonemes(self) -> str:
        """espeak-ng IPA: as given, or read from the respelling by espeak-ng."""
        return self.ipa or _respelling_ipa(self.respelling)

    def own(self, engine: str) -> str | None:
        return dict(self.engines).get(engine)

    def pattern(self) -> re.Pattern[str]:
        return _pattern(self.word, self.case)


@dataclass(frozen=True)
class Said:
    """One occurrence of a lexicon word in a text."""

    start: int
    end: int
    text: str        # as written: "Tilney's"
    suffix: str      # the plural/possessive ending matched: "'s", "s", "es", "s'", or ""
    entry: Entry

    def ipa(self) -> str:
        return with_suffix(self.entry.phonemes(), self.suffix)

    def own_phonemes(self, engine: str) -> str | None:
        """The entry's phonemes for ``engine`` (in that engine's alphabet), with the ending; None if
        it has none (or a respelling for it)."""
        own = self.entry.own(engine)
        if own is None or not own.startswith("/"):
            return None
        return with_suffix(normalize_ipa(own, english=False), self.suffix)

    def respelling(self, engine: str = "") -> str:
        """A respelling, for engines that read only text: the engine's own, the entry's, or one
        made from the IPA; with the ending as written."""
        own = self.entry.own(engine)
        if own is not None and not own.startswith("/"):
            base = own
        elif self.entry.respelling:
            base = respelling_text(self.entry.respelling)
        else:
            base = to_respelling(self.entry.ipa)
        return base + self.suffix


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.entries)

    def over(self, base: Lexicon) -> Lexicon:
        """This lexicon's entries, then ``base``'s for words this one does not have."""
        mine = {e.word.casefold() for e in self.entries}
        return Lexicon(self.entries + tuple(e for e in base.entries if e.word.casefold() not in mine))

    def find(self, text: str, language: str | None = None) -> list[Said]:
        """The lexicon's words in ``text``, left to right, longest first where two overlap;
        ``language``: only the entries for that language (and those for every language)."""
        if not self.entries:
            return []
        lang = (language or "").split("-")[0].split("_")[0].lower()
        found: list[Said] = []
        for entry in self.entries:
            if language is not None and entry.language and entry.language != lang:
                continue
            for m in entry.pattern().finditer(text):
                found.append(Said(m.start(), m.end(), m.group(0), m.group(2) or "", entry))
        found.sort(key=lambda s: (s.start, -(s.end - s.start)))
        out: list[Said] = []
        for s in found:
            if not out or s.start >= out[-1].end:
                out.append(s)
        return out

    def only(self, said: list[Said]) -> Lexicon:
        """The entries of ``said`` (what a job carries to the worker)."""
        return Lexicon(tuple(dict.fromkeys(s.entry for s in said)))


def check_engines(lexicon: Lexicon, engines: list[str]) -> list[str]:
    """Problems with entries naming an engine that is not one of ``engines`` (the registry's)."""
    return [f"{e.where}.{name}: no engine named {name!r}{did_you_mean(name, engines)}; "
            f"entries take {', '.join(ENTRY_KEYS)} and engine names ({', '.join(engines)})"
            for e in lexicon.entries for name, _ in e.engines if name not in engines]


def mark(text: str, said: list[Said], form: Callable[[Said], str]) -> str:
    """``text`` with each occurrence replaced by ``form(occurrence)``."""
    out, pos = [], 0
    for s in said:
        out += [text[pos:s.start], form(s)]
        pos = s.end
    out.append(text[pos:])
    return "".join(out)


@functools.cache
def _pattern(word: str, case: bool) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(w) for w in word.split())
    ending = r"(?:['’]s|s['’]|es|s)" if not word.endswith(("s", "S")) else r"(?:['’]s|['’]|es)"
    return re.compile(rf"(?<!\w)(?<!\w['’])({body})({ending})?(?!\w)(?!['’]\w)", 0 if case else re.IGNORECASE)


@functools.cache
def _respelling_ipa(respelling: str) -> str:
    return respelling_ipa(respelling)


def load_lexicon(section: Section | None, language: str = "en") -> Lexicon:
    """Read a ``pronunciations:`` mapping (word -> respelling, /IPA/, or a mapping of settings);
    every bad entry is reported (ConfigProblems), each naming the file and the entry. A key of an
    entry that is not a setting names an engine (checked against the registry by ``check_engines``)."""
    if section is None:
        return Lexicon()
    problems: list[str] = []
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    english = language.lower().startswith("en")
    for word in section.data:
        where = section.where(word)
        try:
            entry = _entry(word, section, where, english)
        except ConfigError as e:
            problems.append(str(e))
            continue
        folded = word.casefold() if not entry.case else word
        if folded in seen:
            problems.append(f"{where}: the same word as {seen[folded]!r}; keep one")
            continue
        seen[folded] = word
        entries.append(entry)
    section.done(allowed_extra=tuple(section.data))
    if problems:
        raise ConfigProblems(problems)
    return Lexicon(tuple(entries))


def _entry(word: str, section: Section, where: str, english: bool) -> Entry:
    if not word.strip() or not any(c.isalnum() for c in word):
        raise ConfigError(f"{where}: not a word; the keys of pronunciations: are words or phrases")
    value = section.raw(word)
    if isinstance(value, str):
        said = _how(value, where, english)
        return Entry(word=" ".join(word.split()), where=where, ipa=said.get("ipa", ""),
                     respelling=said.get("respelling", ""))
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a respelling (TIL-nee), IPA (/ˈtɪlni/) or a mapping "
                          f"of {', '.join(ENTRY_KEYS)} and engine names")
    sec = Section(value, section.label, f"{section.path}.{word}")
    how: dict[str, str] = {}
    if (say := sec.text("say")) is not None:
        if say.startswith("/"):
            raise ConfigError(f"{sec.where('say')}: {say!r}: say: is a respelling; put IPA under ipa:")
        how.update(_how(say, sec.where("say"), english))
    if (ipa := sec.text("ipa")) is not None:
        how.update(_how(ipa if ipa.startswith("/") else f"/{ipa}/", sec.where("ipa"), english))
    own: list[tuple[str, str]] = []
    for name in [k for k in sec.data if k not in ENTRY_KEYS]:
        if hint := did_you_mean(name, list(ENTRY_KEYS)):
            raise ConfigError(f"{sec.where(name)}: unknown key{hint}")
        if (form := sec.text(name)) is not None:
            if form.startswith("/"):
                if not form.strip("/ "):
                    raise ConfigError(f"{sec.where(name)}: no phonemes between the slashes")
            else:
                _check(check_respelling, form, sec.where(name))
            own.append((name, form.strip()))
    language = (sec.text("language") or "").lower()
    case = sec.boolean("case", False)
    sec.done()
    if not how and not own:
        raise ConfigError(f"{where}: say how: add say: (a respelling) or ipa: (/IPA/)")
    if not how:
        how = {"respelling": next((f for _, f in own if not f.startswith("/")), "")}
        if not how["respelling"]:
            raise ConfigError(f"{where}: the other engines need say: or ipa: too")
    return Entry(word=" ".join(word.split()), where=where, ipa=how.get("ipa", ""),
                 respelling=how.get("respelling", ""), engines=tuple(own), case=case, language=language)


def _how(value: str, where: str, english: bool) -> dict[str, str]:
    value = value.strip()
    if value.startswith("/"):
        if not value.endswith("/") or len(value) < 2:
            raise ConfigError(f"{where}: {value!r}: IPA goes between two slashes, like /ˈtɪlni/")
        ipa = normalize_ipa(value, english)
        _check(check_ipa, ipa, where, value)
        return {"ipa": ipa}
    _check(check_respelling, value, where)
    return {"respelling": value}


def _check(check: Callable[[str], None], value: str, where: str, shown: str | None = None) -> None:
    try:
        check(value)
    except PhonemeError as e:
        raise ConfigError(f"{where}: {shown or value!r}: {e}") from None

