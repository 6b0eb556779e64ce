"""Reading YAML config files into checked values, with errors that name the file, line and key.

Both ``book.yaml`` (book.py) and voice profiles (voices.py) go through here, so a typo gets the
same kind of message everywhere: ``voices/default.yaml: voices.narrator.pich: unknown key (did you
mean "pitch"?)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, TypeVar

import yaml

from audiobook import safeyaml
from audiobook.errors import AudiobookError, ConfigError, Problems, did_you_mean
from audiobook.files import not_a_file, read_head
from audiobook.safeyaml import excerpt

T = TypeVar("T")


def gather(problems: list[str], read: Callable[[], T], default: T | None = None) -> T | None:
    """``read()``, or ``default`` with its error added to ``problems``: a loader reads every part
    of a file this way (and ``build.prepare`` every part of a book) and raises ``Problems`` once at
    the end, so one run shows every mistake."""
    try:
        return read()
    except Problems as e:
        problems.extend(e.problems)
    except AudiobookError as e:
        problems.append(str(e))
    return default


def load_yaml(path: Path, *, label: str | None = None) -> dict[str, Any]:
    """The top-level mapping of a YAML file; ConfigError naming the file and line if it is broken
    (or too big, deep or self-repeating to be a config file: see safeyaml)."""
    label = label or str(path)
    what = not_a_file(path)
    if what == "not found":
        raise ConfigError(f"{label}: file not found")
    if what is not None:
        raise ConfigError(f"{label}: {what}; make it a YAML file")
    try:
        data, size = read_head(path, safeyaml.MAX_BYTES)
        if size > safeyaml.MAX_BYTES:
            raise ConfigError(f"{label}: {size:,} bytes; a config file is at most {safeyaml.MAX_BYTES:,}")
        text = data.decode("utf-8").removeprefix("\ufeff")   # a BOM is fine
    except UnicodeDecodeError as e:           # e.start: bytes from the start of the file, BOM included
        raise ConfigError(f"{label}: not UTF-8 text (byte {e.start}); save it as UTF-8") from None
    except OSError as e:
        raise ConfigError(f"{label}: cannot read it ({e.strerror})") from None
    try:
        data = safeyaml.parse(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(f"{label}:{where}: YAML syntax error: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{label}: expected a mapping of keys at the top, found {type(data).__name__}")
    return data


class Section:
    """A mapping from a YAML file with its key path, for typed, checked reads.

    ``Section(data, "voices/default.yaml", "voices.narrator")``; every read names the path on error,
    and ``done()`` rejects keys nobody read (with a "did you mean").
    """

    def __init__(self, data: Any, label: str, path: str = "") -> None:
        if not isinstance(data, Mapping):
            raise ConfigError(f"{label}: {path or 'top level'}: expected a mapping, found {_kind(data)}")
        for key in data:                      # YAML reads 1: as a number and yes: / no: as true/false
            if isinstance(key, bool) or key is None or not isinstance(key, str | int | float):
                what = {True: "true (yes, on)", False: "false (no, off)", None: "empty (~, null)"}.get(key, "")
                raise ConfigError(f"{label}: {path or 'top level'}: a key YAML reads as {what or _kind(key)}; "
                                  f"put the name in quotes")
        self.data = {str(k): v for k, v in data.items()}
        self.label = label
        self.path = path
        self._read: set[str] = set()

    def where(self, key: str | None = None) -> str:
        full = ".".join(p for p in (self.path, key) if p)
        return f"{self.label}: {full}" if full else self.label

    def has(self, key: str) -> bool:
        return key in self.data

    def raw(self, key: str, default: Any = None) -> Any:
        self._read.add(key)
        return self.data.get(key, default)

    def text(self, key: str, default: str | None = None, *, required: bool = False) -> str | None:
        value = self.raw(key, default)
        if value is None:
            if required:
                raise ConfigError(f"{self.where(key)}: missing; add it")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ConfigError(f"{self.where(key)}: expected text, found {_kind(value)}")
        return str(value)

    def number(self, key: str, default: float | None = None, *, low: float | None = None,
               high: float | None = None) -> float | None:
        """A finite number (NaN and infinity pass every range check, so they are refused here)."""
        value = self.raw(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{self.where(key)}: expected a number, found {_kind(value)} {excerpt(value)}")
        try:
            number = float(value)
        except OverflowError:         # an integer with hundreds of digits
            number = math.inf
        span = f" ({low:g} to {high:g})" if low is not None and high is not None else ""
        if not math.isfinite(number):
            raise ConfigError(f"{self.where(key)}: {excerpt(value)} is not a usable number; write one{span}")
        if (low is not None and number < low) or (high is not None and number > high):
            raise ConfigError(f"{self.where(key)}: {value} is out of range ({low} to {high})")
        return number

    def integer(self, key: str, default: int | None = None, *, low: int | None = None) -> int | None:
        value = self.raw(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{self.where(key)}: expected a whole number, found {_kind(value)} {excerpt(value)}")
        if low is not None and value < low:
            raise ConfigError(f"{self.where(key)}: {value} must be at least {low}")
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.raw(key, default)
        if not isinstance(value, bool):
            raise ConfigError(f"{self.where(key)}: expected true or false, found {_kind(value)} {excerpt(value)}")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.raw(key, None)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{self.where(key)}: expected a list of text, found {_kind(value)}")
        return tuple(value)

    def section(self, key: str, *, required: bool = False) -> Section | None:
        value = self.raw(key, None)
        if value is None:
            if required:
                raise ConfigError(f"{self.where(key)}: missing; add it")
            return None
        return Section(value, self.label, ".".join(p for p in (self.path, key) if p))

    def items(self, key: str) -> list[Section]:
        """A list of mappings under ``key``, each a Section named ``key[i]``."""
        value = self.raw(key, None)
        if value is None:
            return []
        if not isinstance(value, list):
            raise ConfigError(f"{self.where(key)}: expected a list, found {_kind(value)}")
        base = ".".join(p for p in (self.path, key) if p)
        return [Section(v, self.label, f"{base}[{i}]") for i, v in enumerate(value)]

    def done(self, allowed_extra: tuple[str, ...] = ()) -> None:
        """Reject keys that were never read."""
        known = sorted(self._read | set(allowed_extra))
        for key in self.data:
            if key not in self._read and key not in allowed_extra:
                hint = did_you_mean(str(key), known) or (f"; known keys: {', '.join(known)}" if known else "")
                raise ConfigError(f"{self.where(str(key))}: unknown key{hint}")


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", type(None): "nothing"}.get(
        type(value), type(value).__name__
    )


@dataclass(frozen=True)
class Pauses:
    """Silence, in seconds, at each kind of join. A profile or book.yaml can override any of them."""

    sentence: float = 0.35       # between sentences of one line
    line: float = 0.45           # between lines of one paragraph, same speaker
    speaker_change: float = 0.7  # between lines when the speaker changes
    paragraph: float = 0.9       # between paragraphs
    scene: float = 2.0           # at a scene break (*** or * * *)
    title: float = 1.5           # after the chapter title
    head: float = 0.75           # at the start of each chapter file
    tail: float = 2.0            # at the end of each chapter file

    def updated(self, section: Section | None) -> Pauses:
        if section is None:
            return self
        values: dict[str, float] = {}
        for f in fields(self):
            value = section.number(f.name, low=0.0, high=30.0)
            if value is not None:
                values[f.name] = value
        section.done()
        return replace(self, **values)


# --------------------------------------------------------------------------------- proof:
# Proof-listening settings (``proof:`` in book.yaml; audiobook/proof/ does the work). ``proof: true``
# turns it on with the defaults; a mapping sets them one by one. Everything that changes a verdict
# is part of the proof cache's key (``ProofSettings.key``), never of a line's audio key.
PROOF_MODELS = ("base",)



@dataclass(frozen=True)
class ProofSettings:
    enabled: bool = False        # proof every newly synthesized line (``build --proof`` turns it on too)
    threshold: float = 0.34      # a line whose normalized word error rate is above this fails
    takes: int = 3               # takes tried per line (1: proof and report, never retake)
    model: str = "base"          # the Whisper model
    max_run: int = 3             # this many consecutive words wrong fail a line whatever its score
    beam_size: int = 1           # 1: greedy decoding (as accurate as beam 5 on clean synthetic speech)
    accept: tuple[str, ...] = ()  # words the ASR cannot know (besides the cast's names): not errors

    def key(self) -> dict[str, Any]:
        """What changes a verdict (not ``enabled``): for the proof cache's key."""
        d = asdict(self)
        d.pop("enabled")
        d["accept"] = sorted(self.accept)
        return d

    def on(self) -> ProofSettings:
        return replace(self, enabled=True)


def read_proof(top: Section) -> ProofSettings:
    """``proof:`` of book.yaml: true/false, or a mapping of the settings above."""
    value = top.raw("proof")
    if value is None:
        return ProofSettings()
    if isinstance(value, bool):
        return ProofSettings(enabled=value)
    sec = top.section("proof")
    assert sec is not None
    s = ProofSettings(
        enabled=sec.boolean("enabled", True),
        threshold=sec.number("threshold", ProofSettings.threshold, low=0.0, high=1.0) or 0.0,
        takes=sec.integer("takes", ProofSettings.takes, low=1) or 1,
        model=sec.text("model", ProofSettings.model) or "base",
        max_run=sec.integer("max_run", ProofSettings.max_run, low=1) or 1,
        beam_size=sec.integer("beam_size", ProofSettings.beam_size, low=1) or 1,
        accept=sec.strings("accept"),
    )
    if s.model not in PROOF_MODELS:
        raise ConfigError(f"{sec.where('model')}: {s.model!r} is not available; "
                          f"choose one of: {', '.join(PROOF_MODELS)}")
    if s.takes > 20:
        raise ConfigError(f"{sec.where('takes')}: {s.takes} takes is too many (at most 20)")
    sec.done()
    return s
