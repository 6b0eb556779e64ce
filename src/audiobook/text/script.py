"""The tagged script: chapters of narration and dialogue lines, each with its speaker.

This module holds the data model that the rest of the pipeline consumes. ``build_script`` turns a
book's manuscript into a Script (manuscript.py reads the files, attribution/ picks speakers).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from audiobook.book import Book
from audiobook.model import NARRATOR, UNNAMED_NARRATOR, Break, Chapter, Line, Script
from audiobook.text.attribution import attribute
from audiobook.text.attribution.narrator import looks_like_a_name
from audiobook.text.attribution.sieve import speaker_gender
from audiobook.text.attribution.state import UNSPOKEN, Attribution, outspeaks
from audiobook.text.cast import Cast
from audiobook.text.characters import discover
from audiobook.text.descriptions import GENERIC_NOUNS, someone_of_the_scene
from audiobook.text.manuscript import Manuscript, read_manuscript
from audiobook.text.names import EPITHETS, TITLES, first_name_gender, norm
from audiobook.text.tokens import words as text_words


def build_script(book: Book) -> Script:
    """Read the book's manuscript and return the tagged script (every quote with a speaker)."""
    return _build(book)[0]


def _build(book: Book) -> tuple[Script, Cast]:

    ms = read_manuscript(book.manuscript_files(), book.root)
    cast = Cast.from_characters(book.characters) if book.characters is not None else discover(ms)
    return script_of(ms, cast, book), cast


def script_of(ms: Manuscript, cast: Cast, book: Book | None = None,
              found: Mapping[int, Attribution] | None = None) -> Script:
    """The tagged script of a parsed manuscript with the given cast (``book`` only for warnings;
    ``found``: the attribution already made)."""

    listed = book is not None and book.characters is not None
    thoughts = book.thoughts if book is not None else "narrator"
    found = attribute(ms, cast) if found is None else found
    warnings = list(ms.warnings)
    chapters = []
    newlines = {src: [m.start() for m in _NEWLINE_RE.finditer(text)] for src, text in ms.texts.items()}  # not per char

    def line_of(source: str, offset: int) -> int:
        return bisect_right(newlines.get(source, []), offset - 1) + 1

    def gender_of(speaker: str) -> str:
        person = cast.people.get(speaker)
        if person is not None:
            return person.gender
        return "unknown" if speaker in (NARRATOR, UNNAMED_NARRATOR) else speaker_gender(speaker)

    for ch in ms.chapters:
        lines = [Line(ch.number, 0, "narration", NARRATOR, ch.title, ch.source, ch.title_start, ch.title_end,
                      paragraph=0, brk="title", line=line_of(ch.source, ch.title_start))]
        for p in ch.paragraphs:
            for k, seg in enumerate(p.segments):
                brk: Break = p.brk if k == 0 else "line"
                speaker, confidence, reason, narrated = NARRATOR, 1.0, "", False
                where = line_of(ch.source, seg.start)
                if seg.kind == "dialogue":
                    a = found[seg.quote_id]
                    speaker, confidence, reason = a.speaker, round(a.confidence, 2), a.reason
                    # a quote nobody says aloud: the narration voice reads it, a thought too unless the book
                    # gives thoughts their thinkers' voices
                    narrated = a.rule == UNSPOKEN and (speaker == NARRATOR or thoughts == "narrator")
                    if seg.tag and listed and speaker not in cast.people and speaker != NARRATOR:
                        warnings.append(f"{ch.source}:{where}: speaker tag [{seg.tag}] "
                                        "is not in the characters of book.yaml")
                lines.append(Line(ch.number, len(lines), seg.kind, speaker, seg.text, ch.source, seg.start,
                                  seg.end, paragraph=p.number, brk=brk, confidence=confidence, reason=reason,
                                  line=where, gender=gender_of(speaker), narrated=narrated))
        chapters.append(Chapter(ch.number, ch.title, ch.source, tuple(lines)))
    return Script(tuple(chapters), tuple(warnings), ms.texts)


# ------------------------------------------------------------------------------------------- review
@dataclass(frozen=True)
class Review:
    """A dialogue line to check by ear or eye: where it is, what surrounds it, and how to fix it."""

    line: Line
    location: str          # "manuscript/01-the-call.md:12"
    before: str            # the paragraph before, as read (quotes shown with their speakers)
    paragraph: str         # the line's own paragraph
    after: str             # the paragraph after
    others: tuple[str, ...]   # other speakers nearby: the likeliest alternatives
    fix: str               # the inline tag that would force the speaker


def review(script: Script, root: Path, limit: int = 20, flagged: Collection[tuple[int, int]] = ()) -> list[Review]:
    """The dialogue lines most likely attributed wrong, each with the paragraphs around it and the tag
    that would fix it: first the lines in ``flagged`` ((chapter, index) pairs, e.g. from a listening
    check), then the rest by confidence, lowest first (confidence.py); inline tags are never listed."""
    out = []
    for ch in script.chapters:
        paras: dict[int, list[Line]] = {}
        for ln in ch.lines[1:]:
            paras.setdefault(ln.paragraph, []).append(ln)
        for ln in ch.lines:
            if ln.kind != "dialogue" or ln.reason == "tag":
                continue
            near = [x.speaker for n in range(ln.paragraph - 3, ln.paragraph + 4) for x in paras.get(n, [])
                    if x.kind == "dialogue" and x.speaker != ln.speaker]
            others = tuple(s for s, _ in Counter(near).most_common(3))
            quote = ln.text if len(ln.text) <= 40 else ln.text[:39] + "…"
            out.append(Review(ln, ln.location, _read(paras.get(ln.paragraph - 1)),
                              _read(paras.get(ln.paragraph), mark=ln), _read(paras.get(ln.paragraph + 1)),
                              others, f"[{others[0] if others else 'Name'}]“{quote}”"))
    flags = set(flagged)
    out.sort(key=lambda r: ((r.line.chapter, r.line.index) not in flags, r.line.confidence, r.line.chapter,
                            r.line.index))
    return out[:limit] if limit > 0 else out


def _read(lines: list[Line] | None, mark: Line | None = None) -> str:
    """A paragraph as the producer reads it: quotes prefixed with their speaker in brackets."""
    parts = []
    for ln in lines or []:
        if ln.kind == "dialogue":
            star = ">>" if ln is mark else ""
            parts.append(f"{star}[{ln.speaker}]“{ln.text}”")
        else:
            parts.append(ln.text)
    return " ".join(parts)


# ------------------------------------------------------------------------------------------- cast
@dataclass(frozen=True)
class CastEntry:
    """A character of the book with what the script gives them."""

    name: str
    gender: str
    aliases: tuple[str, ...]
    lines: int             # dialogue lines attributed to them
    words: int
    listed: bool           # in the characters: of book.yaml (else discovered, or a description)


def cast_of(book: Book) -> list[CastEntry]:
    """The characters found in the book (from book.yaml, or discovered), most lines first; speakers
    the script gives lines to without being characters ("the old man") are listed too."""

    ms = read_manuscript(book.manuscript_files(), book.root)
    cast = Cast.from_characters(book.characters) if book.characters is not None else discover(ms)
    found = attribute(ms, cast)
    script = script_of(ms, cast, book, found)
    lines: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for ln in script.lines():
        if ln.kind == "dialogue":
            lines[ln.speaker] += 1
            words[ln.speaker] += len(text_words(ln.text))
    listed = book.characters is not None
    aliases = {p.name: set(p.aliases) for p in cast.people.values()}
    for desc, name in ({} if listed else _named_descriptions(found)).items():
        if name in aliases:     # "the painter" speaks as Felix: list it as his
            aliases[name] |= {desc, *aliases.pop(desc, set())}
            lines[name] += lines.pop(desc, 0)
            words[name] += words.pop(desc, 0)
    out = [CastEntry(p.name, p.gender, tuple(sorted(aliases[p.name])), lines[p.name], words[p.name], listed)
           for p in cast.people.values() if p.name in aliases]
    known = {p.name for p in cast.people.values()} | {NARRATOR}
    for name in lines:
        if name not in known:
            gender = "unknown" if name == UNNAMED_NARRATOR else speaker_gender(name)
            parts = [e for e in out if not listed and _part_of(e, name)]   # "Ned", "Mr. Pim" of Ned Pim
            if len(parts) < 2 or not any(e.name == name.split()[0] for e in parts):
                parts = []
            for e in parts:
                out.remove(e)
            sexes = {e.gender for e in parts} - {"unknown"}
            out.append(CastEntry(name, sexes.pop() if len(sexes) == 1 else gender,
                                 tuple(sorted({f for e in parts for f in (e.name, *e.aliases)})),
                                 lines[name] + sum(e.lines for e in parts), words[name] + sum(e.words for e in parts),
                                 False))
    if not listed:
        out = _married_titles_joined(_epithets_joined(out))
    out.sort(key=lambda e: (-e.lines, e.name))
    return out


def _epithets_joined(entries: list[CastEntry]) -> list[CastEntry]:
    """"Poor Tomas" beside "Tomas": the narrator's epithet makes no character of its own; the list gives it as
    an alias of the plain name (its lines with it)."""
    by_name = {e.name: e for e in entries}
    for e in list(entries):
        ws = e.name.split()
        plain = by_name.get(" ".join(ws[1:])) if len(ws) > 1 and ws[0] in EPITHETS else None
        if plain is None or plain not in entries or e not in entries:
            continue
        entries = [x for x in entries if x is not e and x is not plain]
        joined = replace(plain, aliases=tuple(sorted({*plain.aliases, e.name, *e.aliases})),
                         lines=plain.lines + e.lines, words=plain.words + e.words)
        entries.append(joined)
        by_name[plain.name] = joined
    return entries


def _married_titles_joined(entries: list[CastEntry]) -> list[CastEntry]:
    """"Mrs. Vale" (or "Vale") beside "Mrs. Greta Vale", a woman's own given name, and no other entry of that
    surname: one woman the narration names two ways; the list gives the short form as an alias ("Miss" the
    same). Not "Mrs. Anton Vale" (a husband's given name tells a second Mrs. Vale apart), nor "Mr." (a given
    name after it tells a younger brother from the eldest), nor where the family has another entry."""
    def surname(e: CastEntry, title: str) -> str | None:     # the one surname of an entry written only "Mrs. X" or "X"
        forms = {tuple(f.replace(".", "").split()) for f in (e.name, *e.aliases)}
        last = {f[-1] for f in forms}
        short = all(len(f) == 1 or len(f) == 2 and f[0] == title for f in forms)
        return last.pop() if short and len(last) == 1 else None

    for e in list(entries):
        title = e.name.replace(".", "").split()[0]
        x = surname(e, title) if title in ("Mrs", "Miss") else None
        if x is None or e not in entries:
            continue
        others = [o for o in entries if o is not e and any(f.split()[-1] == x for f in (o.name, *o.aliases))]
        full = others[0] if len(others) == 1 else None
        ws = full.name.replace(".", "").split() if full else []
        if full is None or len(ws) != 3 or ws[0] != title or first_name_gender(ws[1]) != "female":
            continue
        entries = [o for o in entries if o is not e and o is not full]
        entries.append(replace(full, aliases=tuple(sorted({*full.aliases, e.name, *e.aliases})),
                               lines=full.lines + e.lines, words=full.words + e.words))
    return entries


def _someone_described(name: str) -> bool:
    """A speaker named by a description the starter cast leaves out: "the other", "his companion", "the
    young girl" stand for named people, line by line (listed, they would take those lines); a role
    ("the stranger", "the policeman") stays, an unnamed character."""
    if _MARKED_RE.search(name):   # "the man with the grey hat": a feature tells one man from the rest
        return False
    ws = name.split()
    if len(ws) < 2 or not ws[1][:1].islower() or ws[0].lower() not in ("the", "a", "an", "his", "her", "my", "their",
                                                                      "our", "this", "that", "your") \
            and not ws[0].endswith(("'s", "’s")):      # "Greta's young man" is whoever she walks out with
        return False
    return someone_of_the_scene(name)


def _part_of(entry: CastEntry, full: str) -> bool:
    """Is a discovered character one of the names a speaker's full name joins (the narrator "Ned Pim"
    is "Ned" to his friends, "Mr. Pim" to strangers: narrator.py)?"""
    ws = full.split()
    if len(ws) != 2 or not all(w[:1].isupper() for w in ws) or norm(ws[0]) in TITLES:
        return False
    forms = [f.replace(".", "").split() for f in (entry.name, *entry.aliases)]
    return forms == [[ws[0]]] or all(f[-1] == ws[1] and (len(f) == 1 or len(f) == 2 and norm(f[0]) in TITLES)
                                     for f in forms)


def _named_descriptions(found: Mapping[int, Attribution]) -> dict[str, str]:
    """Descriptions the attribution named as one character: "the painter" who turned out to be Felix,
    when at least two of its lines and most of the named ones went to him (a character named after
    being described is the same character), no other name took two of them (then it describes
    several people, each in their own scenes; its tags the attribution gave a person present without
    naming count too: "said the lad" is Tomas in one scene, Felix in another), the name is a name
    (tagged, or a known first name or title), and the two seldom speak next to each other under their
    own words (Tomas answering "the professor" line after line are two people). Not a description with "a"
    ("said a sister": the narration has not told which one; the next "a sister" may be the other), nor one
    that counts ("the first policeman": the first of the scene to speak, whoever he is there)."""
    pairs: dict[str, Counter[str]] = {}
    apart: Counter[tuple[str, str]] = Counter()     # a line of the description next to one tagged with the name
    for q, a in found.items():
        if a.described_as:
            pairs.setdefault(a.described_as, Counter())[a.speaker] += 1
            near = (found.get(q + d) for d in (-2, -1, 1, 2))
            if any(b is not None and b.speaker == a.speaker and b.speech_tagged for b in near):
                apart[a.described_as, a.speaker] += 1
    tags: dict[str, Counter[str]] = {desc: Counter() for desc in pairs}     # its tags given without naming
    for a in found.values():
        if a.speech_tagged:
            tag = " " + a.said.lower()
            for desc in pairs:
                if tag.endswith(" " + desc.lower()):
                    tags[desc][a.speaker] += 1
    own = Counter(a.speaker for a in found.values() if a.speech_tagged)     # lines tags give under the name itself
    out = {}
    for desc, names in pairs.items():
        name, n = names.most_common(1)[0]
        real = name in own or looks_like_a_name(name)       # not "Ow" from "'Ow!' cried the mariner"
        shared = any(n2 >= 2 for other, n2 in (names + tags[desc]).items() if other != name)   # two young men
        shared = shared or desc.split()[-1].lower() in GENERIC_NOUNS     # "the man" is any man
        shared = shared or desc.split()[0].lower() in ("a", "an")       # "a sister" is one of several, not one
        shared = shared or any(w.lower() in _ORDINALS for w in desc.split())     # "the first policeman" of two
        seldom = outspeaks(n, own[name])     # "the croupier" named as a servant the tags name seldom
        if real and not shared and not seldom and n >= 2 and 2 * n > sum(names.values()) and 3 * apart[desc, name] < n:
            out[desc] = name
    return out


_ORDINALS = frozenset("first second third fourth".split())
_MARKED_RE = re.compile(r"^(?:The|the) [a-z]+ with (?:the|a|an) [a-z]")     # "The man with the black coat"
_NEWLINE_RE = re.compile("\n")


def characters_yaml(entries: list[CastEntry]) -> str:
    """A starter ``characters:`` block for book.yaml (characters with lines first)."""
    out = ["characters:"]
    for e in entries:
        if e.name == UNNAMED_NARRATOR:
            continue
        if not e.listed and (_someone_described(e.name) or _not_a_person(e)):
            continue
        out.append(f"  - name: {_q(e.name)}")
        if e.aliases:
            out.append(f"    aliases: [{', '.join(_q(a) for a in e.aliases)}]")
        out.append(f"    gender: {e.gender}" + ("" if e.lines else "      # no lines yet"))
    return "\n".join(out) + "\n"


# the last word of a body's name, never of a person's ("the Planning Office", "the Harbour Council")
_BODY_WORDS = frozenset("Office Ministry Ministers Council Congress Committee Club Society Company Parliament "
                        "Government Board".split())


def _not_a_person(e: CastEntry) -> bool:
    """A discovered name the list should not offer a reader as a character: a body ("the Harbour Council")
    or a bare word of nationality ("the Hungarian", "a Bavarian touch": "-ian" and no one's given name)."""
    ws = e.name.split()
    return not e.aliases and (ws[-1] in _BODY_WORDS or len(ws) == 1 and e.name.endswith("ian")
                              and e.name[:1].isupper() and first_name_gender(e.name) is None)


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
