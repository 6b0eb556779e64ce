"""Voice profiles (``voices/*.yaml``): named voices and the cast that maps speakers to them.

    voices:
      storyteller: {engine: hibari, model: heart, speed: 1.0, pitch: 0}
      daniel:      {engine: piper, model: joe, pitch: -1}
    cast:
      Narrator: storyteller
      Daniel: daniel
    fallback:            # speakers not in the cast: by gender, then default
      male: daniel
      female: storyteller
      default: storyteller
    pauses: {paragraph: 0.9}   # optional, seconds (see config.Pauses)
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audiobook.book import GENDERS, Book
from audiobook.config import Pauses, Section, gather, load_yaml
from audiobook.errors import ConfigError, ConfigProblems, did_you_mean
from audiobook.lexicon import Lexicon
from audiobook.model import NARRATOR, UNNAMED_NARRATOR, Voice
from audiobook.safeyaml import excerpt

DEFAULT_PROFILE = "voices/default.yaml"


@dataclass(frozen=True)
class Profile:
    path: Path
    label: str
    voices: dict[str, Voice]
    cast: dict[str, str]               # speaker -> voice name
    fallback: dict[str, str]           # gender or "default" -> voice name
    pauses: Pauses = field(default_factory=Pauses)
    mastering: dict[str, Any] = field(default_factory=dict)
    lexicon: Lexicon = Lexicon()       # from the shared file ``pronunciations:`` names (book.yaml's win)

    def voice_for(self, speaker: str, gender: str = "unknown") -> Voice:
        name = self.cast.get(speaker) or self.fallback.get(gender) or self.fallback["default"]
        return self.voices[name]

    def how_cast(self, speaker: str, gender: str = "unknown") -> str:
        if speaker in self.cast:
            return "cast"
        if gender in self.fallback:
            return f"fallback ({gender})"
        return "fallback (default)"


def profile_path(book: Book, profile: str | Path | None) -> Path:
    if profile is None:
        return book.root / DEFAULT_PROFILE
    p = Path(profile)
    if p.is_absolute() or p.exists():
        return p
    for candidate in (book.root / p, book.voices_dir / p, book.voices_dir / f"{p}.yaml"):
        if candidate.exists():
            return candidate
    return book.root / p


def load_profile(book: Book, profile: str | Path | None = None) -> Profile:
    """Load and check a profile: known engines and options, every cast voice defined, the
    narrator cast, a default fallback. Engine availability is checked separately (``problems``)."""
    from audiobook.voice.engines import engine_class  # engines import voices: keep the import local

    path = profile_path(book, profile)
    label = _label(path, book.root)
    if not path.exists():
        known = sorted(p.name for p in book.voices_dir.glob("*.yaml")) if book.voices_dir.is_dir() else []
        hint = f"; profiles here: {', '.join(known)}" if known else ""
        where = "" if book.root == Path(".") else f" --book {book.root}"
        raise ConfigError(f"{label}: voice profile not found{hint}; write a starter one with "
                          f"`audiobook cast{where} --write voices -o {book.root / label}`")
    top = Section(load_yaml(path, label=label), label)
    problems: list[str] = []     # every mistake in the file, reported together
    voices_sec = top.section("voices", required=True)
    assert voices_sec is not None
    voices: dict[str, Voice] = {}
    defined = [str(name) for name in voices_sec.data]
    for name in defined:
        def one(name: str = name) -> Voice:
            sec = voices_sec.section(name)
            if sec is None:     # "dan:" with nothing under it
                raise ConfigError(f"{voices_sec.where(name)}: empty; give it an engine and a voice "
                                  f"(engine: piper, model: joe)")
            return _voice(name, sec, path.parent, book.root, engine_class)
        if (v := gather(problems, one)) is not None:
            voices[name] = v
    gather(problems, voices_sec.done)
    if not defined:
        raise ConfigError(f"{label}: voices: define at least one voice")

    def voice_ref(sec: Section, key: str) -> str:
        v = sec.text(key, required=True) or ""
        if v not in defined:
            raise ConfigError(f"{sec.where(key)}: no voice named {excerpt(v)}{did_you_mean(v, defined)}; "
                              f"defined voices: {', '.join(defined)}")
        return v

    cast: dict[str, str] = {}
    cast_sec = gather(problems, lambda: top.section("cast", required=True))
    if cast_sec is not None:
        for speaker in cast_sec.data:
            if (ref := gather(problems, functools.partial(voice_ref, cast_sec, str(speaker)))) is not None:
                cast[str(speaker)] = ref
        gather(problems, cast_sec.done)
        gather(problems, lambda: _check_speakers(cast_sec, book))
        if NARRATOR not in cast_sec.data:
            problems.append(f"{label}: cast: add a voice for {NARRATOR}")
    fallback: dict[str, str] = {}
    fb = gather(problems, lambda: top.section("fallback"))
    if fb is not None:
        for key in (*GENDERS, "default"):
            if fb.has(key) and (ref := gather(problems, functools.partial(voice_ref, fb, key))) is not None:
                fallback[key] = ref
        gather(problems, fb.done)
    pauses = gather(problems, lambda: Pauses().updated(top.section("pauses")), Pauses())
    mastering_sec = gather(problems, lambda: top.section("mastering"))
    mastering = dict(mastering_sec.data) if mastering_sec is not None else {}
    lexicon = gather(problems, lambda: _shared_lexicon(top, path.parent, book), Lexicon()) or Lexicon()
    gather(problems, top.done)
    if problems:
        raise ConfigProblems(problems)
    fallback.setdefault("default", cast[NARRATOR])
    assert pauses is not None
    return Profile(path=path, label=label, voices=voices, cast=cast, fallback=fallback,
                   pauses=pauses, mastering=mastering, lexicon=lexicon)


def _shared_lexicon(top: Section, profile_dir: Path, book: Book) -> Lexicon:
    """``pronunciations: FILE``: a YAML file with a ``pronunciations:`` mapping, shared by books."""
    from audiobook.book import read_lexicon

    name = top.text("pronunciations")
    if name is None:
        return Lexicon()
    path = _resolve(name, profile_dir, book.root)
    label = _label(path, book.root)
    if not path.is_file():
        raise ConfigError(f"{top.where('pronunciations')}: {name}: file not found (looked for {path})")
    shared = Section(load_yaml(path, label=label), label)
    lexicon = read_lexicon(shared, book.language)
    shared.done()
    return lexicon


def _check_speakers(cast: Section, book: Book) -> None:
    """A cast entry must name a character of book.yaml (when it lists them): a typo would
    otherwise leave the character on a fallback voice without a word."""
    if book.characters is None:
        return
    names = [NARRATOR, *(c.name for c in book.characters)]
    aliases = {a: c.name for c in book.characters for a in c.aliases}
    for speaker in cast.data:
        spk = str(speaker)
        if spk in names or spk == UNNAMED_NARRATOR:
            continue
        if spk.split(" ", 1)[0] in ("I", "I:", "Me", "me"):
            raise ConfigError(f"{cast.where(spk)}: {excerpt(spk)} is not a speaker of the script: a first-person "
                              f"narrator the book never names speaks as {UNNAMED_NARRATOR!r}; cast that, "
                              f"or list the narrator under characters: in manuscript/book.yaml")
        if spk in aliases:
            raise ConfigError(f"{cast.where(spk)}: {excerpt(spk)} is another name for {aliases[spk]}; "
                              f"cast {aliases[spk]} instead")
        raise ConfigError(f"{cast.where(spk)}: {excerpt(spk)} is not a character of the book"
                          f"{did_you_mean(spk, names)}; "
                          f"characters in manuscript/book.yaml: {', '.join(names[1:]) or 'none'}")


def _voice(name: str, sec: Section, profile_dir: Path, book_root: Path, engine_class: Any) -> Voice:
    engine_name = sec.text("engine", required=True) or ""
    cls = engine_class(engine_name, where=sec.where("engine"))
    model = sec.text("model")
    if model is not None and _looks_like_path(model):
        model = str(_resolve(model, profile_dir, book_root))
    options: dict[str, Any] = {}
    opt = sec.raw("options")
    if opt is not None:
        if not isinstance(opt, dict):
            raise ConfigError(f"{sec.where('options')}: expected a mapping of engine options")
        opt = Section(opt, sec.label, f"{sec.path}.options")
        for key, value in opt.data.items():
            expected = cls.OPTIONS.get(key)
            if expected is None:
                known = sorted(cls.OPTIONS)
                hint = did_you_mean(str(key), known) or (
                    f"; {engine_name} options: {', '.join(known)}" if known else f"; {engine_name} takes none")
                raise ConfigError(f"{opt.where(str(key))}: unknown option{hint}")
            _check_option(opt.where(str(key)), value, expected)
            if key in cls.PATH_OPTIONS:
                value = _resolve_paths(value, profile_dir, book_root)
            options[str(key)] = value
    voice = Voice(
        name=name,
        engine=engine_name,
        model=model,
        options=tuple(sorted(options.items(), key=lambda kv: kv[0])),
        speed=sec.number("speed", 1.0, low=0.25, high=4.0) or 1.0,
        pitch=sec.number("pitch", 0.0, low=-12.0, high=12.0) or 0.0,
        timbre=sec.number("timbre", 0.0, low=-6.0, high=6.0) or 0.0,
    )
    sec.done()
    return voice


def _check_option(where: str, value: Any, expected: type | tuple[type, ...]) -> None:
    """An engine option's value: of its type, a finite number, a list only of text."""
    if isinstance(value, bool) or not isinstance(value, expected):
        raise ConfigError(f"{where}: {excerpt(value)} has the wrong type")
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"{where}: {value} is not a usable number; write one")
    if isinstance(value, list) and not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of text (file names), found {excerpt(value)}")


def _looks_like_path(model: str) -> bool:
    return "/" in model or "\\" in model or model.endswith((".onnx", ".pth", ".json"))


def _resolve(value: str, profile_dir: Path, book_root: Path) -> Path:
    p = Path(value).expanduser()
    if p.is_absolute():
        return p
    for base in (profile_dir, book_root):
        if (base / p).exists():
            return (base / p).resolve()
    return (profile_dir / p).resolve()


def _resolve_paths(value: Any, profile_dir: Path, book_root: Path) -> Any:
    if isinstance(value, str):
        return str(_resolve(value, profile_dir, book_root))
    if isinstance(value, list):
        return tuple(str(_resolve(v, profile_dir, book_root)) for v in value)
    return value


def _label(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
