"""Script + cast -> the synthesis plan: every line's cache key, and a job for each key the cache lacks.

Cheap: no engine is loaded (an engine's identity is its version and its model's digest, remembered
between runs). A key hashes the text as sent, the voice and everything else that changes the
line's audio (``cache.line_key``), so a change there renders that line again and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from audiobook.book import Book
from audiobook.errors import Problems, did_you_mean
from audiobook.lexicon import Lexicon, check_engines
from audiobook.model import NARRATOR, SAMPLE_RATE, Line, Script, Voice
from audiobook.text.speech import Speech, pieces, speech, too_long
from audiobook.voice.cache import LineCache, line_key
from audiobook.voice.engines import ENGINES, engine_class
from audiobook.voice.engines.base import load_digest_memo, save_digest_memo
from audiobook.voice.profiles import Profile


@dataclass(frozen=True)
class Job:
    """One unit of synthesis: a text in a voice, stored under ``key``."""

    key: str
    text: str
    voice: Voice
    sentence_pause: float
    max_chars: int = 0    # sentences longer than this are cut into pieces (0: as the engine says)
    engine_id: str = ""   # the engine's identity (version, model digest): a worker that loaded another reloads
    lexicon: Lexicon = Lexicon()   # the pronunciation entries whose words the text holds


@dataclass
class Plan:
    keys: dict[tuple[int, int], str]          # (chapter, index) -> cache key
    voices: dict[tuple[int, int], Voice]
    jobs: dict[str, Job] = field(default_factory=dict)   # the missing keys only
    warnings: list[str] = field(default_factory=list)    # text changed or skipped, speakers not cast
    doubtful: set[str] = field(default_factory=set)     # cached keys whose audio is far too short
    said: dict[tuple[int, int], Speech] = field(default_factory=dict)   # (chapter, index) -> what is said
    specs: dict[str, Job] = field(default_factory=dict)  # every key's job, cached or not (for retakes)
    done: set[str] = field(default_factory=set)         # keys synthesized before the build's synthesis (proofing)
    firsts: dict[str, str] = field(default_factory=dict)  # a retake's key -> its line's first take's key

    def key(self, line: Line) -> str:
        return self.keys[(line.chapter, line.index)]


def engine_id(identity: dict[str, Any]) -> str:
    """A short name for an engine's identity (``Engine.identity``: its version, the model's digest)."""
    return line_key("", identity)


def check_voices(profile: Profile, voices: Iterable[Voice]) -> None:
    """Every engine and model the cast needs is available: all problems at once, before work."""
    problems: list[str] = []
    for v in {v.name: v for v in voices}.values():
        problems += [f"{profile.label}: {p}" for p in engine_class(v.engine).problems(v)]
    if problems:
        raise Problems(problems)


def plan(script: Script, profile: Profile, book: Book, cache: LineCache,
         chapters: set[int] | None = None) -> Plan:
    """The plan for ``script``'s lines (``chapters``: only those chapters'), with its warnings:
    text changed for the engine, sentences read in pieces, speakers not cast, cached audio too short."""
    identities: dict[str, dict[str, Any]] = {}
    engine_ids: dict[str, str] = {}
    p = Plan(keys={}, voices={})
    lines = [ln for ch in script.chapters if not chapters or ch.number in chapters for ln in ch.lines]
    check_voices(profile, (profile.voice_for(ln.reader, ln.reader_gender) for ln in lines))
    remembered = load_digest_memo()
    sentence_pause = book.pauses(profile.pauses).sentence
    uncast: set[str] = set()
    seen: set[str] = set()
    lexicon = book.lexicon.over(profile.lexicon)
    if bad := check_engines(lexicon, sorted(ENGINES)):
        raise Problems(bad)
    for ln in lines:
        voice = profile.voice_for(ln.reader, ln.reader_gender)
        if voice.name not in identities:
            identity = dict(engine_class(voice.engine).identity(voice))
            engine_ids[voice.name] = engine_id(identity)
            identity.update(voice.settings())
            identities[voice.name] = identity
        said = p.said[(ln.chapter, ln.index)] = speech(ln.text)
        text = said.text
        if said.changed:
            p.warnings.append(f"{ln.location}: {said.describe()}")
        extra: dict[str, Any] = {"sentence_pause": sentence_pause}
        limit = engine_class(voice.engine).MAX_CHARS
        if too_long(text, limit):
            extra["pieces"] = limit        # cut differently, sounds different: its own key
            longest = max(map(len, text.split(" ")))
            if longest > limit:            # cut inside the word too (before: sent whole)
                extra["words_cut"] = True
                p.warnings.append(f"{ln.location}: a word of {longest:,} characters without a space; read in "
                                  f"pieces of {limit} characters")
            else:
                cut = pieces(text, limit)
                at_marks = sum(1 for c in cut[:-1] if c[-1:] in ",;:—–)")
                how = ("at commas and other clause marks" if at_marks == len(cut) - 1 else
                       "between words" if not at_marks else "at clause marks and between words")
                p.warnings.append(f"{ln.location}: a sentence of more than {limit} characters without a full stop; "
                                  f"read in {len(cut)} pieces, cut {how}")
        if ln.reason == "tag" and ln.speaker not in profile.cast and ln.speaker != NARRATOR \
                and ln.speaker not in uncast:
            uncast.add(ln.speaker)
            g = ln.gender
            p.warnings.append(
                f"{ln.location}: speaker [{ln.speaker}]{did_you_mean(ln.speaker, list(profile.cast))} is not cast "
                f"in {profile.label}; read by voice {voice.name}, the {profile.how_cast(ln.speaker, g)}; "
                f"add {ln.speaker} under cast: to choose a voice")
        named = lexicon.find(text, voice.option("language") or book.language)
        if named:              # how this engine says the lexicon's words: in this line's key only
            cls = engine_class(voice.engine)
            extra["say"] = [[s.text, cls.pronounce(voice, s)] for s in named]
            if cls.LEXICON_READING:
                extra["reading"] = cls.LEXICON_READING
        if reading := engine_class(voice.engine).reading(text):
            extra["engine_reading"] = reading
        key = line_key(text, identities[voice.name], extra)
        p.keys[(ln.chapter, ln.index)] = key
        p.voices[(ln.chapter, ln.index)] = voice
        if key in p.jobs or key in seen or not text:
            continue
        seen.add(key)
        p.specs[key] = Job(key, text, voice, sentence_pause, limit, engine_ids[voice.name], lexicon.only(named))
        samples = cache.samples(key)
        if samples is None:
            p.jobs[key] = p.specs[key]
        elif problem := too_short(text, samples):          # reported when made; and at every build since
            p.doubtful.add(key)
            p.warnings.append(f"{ln.location}: voice {voice.name}: {problem}, kept from an earlier build: "
                              f"{text[:80]!r}")
    save_digest_memo(remembered)
    return p


def take_job(job: Job, k: int) -> Job | None:
    """``job``'s line in take ``k`` (the engine's k-th other noise, ``Engine.take``), under its own
    key; None when the engine has one take."""
    cls = engine_class(job.voice.engine)
    voice = cls.take(job.voice, k)
    if voice is None:
        return None
    if k == 0:
        return job
    identity = dict(cls.identity(voice))
    eid = engine_id(identity)
    identity.update(voice.settings())
    # the first take's key hashes the text and everything else that makes its audio; a take adds its voice
    return replace(job, key=line_key(job.text, identity, {"take_of": job.key}), voice=voice, engine_id=eid)


MIN_SECONDS_PER_LETTER = 0.02   # 3x faster than any narrator: shorter audio means words were skipped


def too_short(text: str, samples: int) -> str:
    """What is wrong with ``samples`` of audio for ``text`` if they are far too few (words were
    skipped); empty if nothing is."""
    letters = sum(ch.isalnum() for ch in text)
    seconds = samples / SAMPLE_RATE
    if letters and seconds < letters * MIN_SECONDS_PER_LETTER:
        return f"only {seconds:.2f} s of audio for {letters} letters (words may be missing)"
    return ""

