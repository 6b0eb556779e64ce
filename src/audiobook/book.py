"""A book directory: ``manuscript/`` (chapters + ``book.yaml``), ``voices/`` and ``output/``."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from audiobook.config import Pauses, ProofSettings, Section, gather, load_yaml, read_proof
from audiobook.cover import read_cover
from audiobook.errors import ConfigError, ConfigProblems
from audiobook.files import not_a_file
from audiobook.lexicon import Lexicon, load_lexicon
from audiobook.model import GENDERS, MAX_NAME_BYTES, Character
from audiobook.safeyaml import excerpt

MANUSCRIPT_SUFFIXES = (".md", ".txt", ".markdown")


@dataclass(frozen=True)
class Credits:
    opening: bool = False
    closing: bool = False


@dataclass(frozen=True)
class Book:
    root: Path
    title: str
    author: str = ""
    narrator: str = ""                 # all narrators, "A, B" (for tags)
    language: str = "en"
    year: str = ""
    cover: Path | None = None
    characters: tuple[Character, ...] | None = None   # None: no cast list, discover characters
    pauses_override: Section | None = field(default=None, compare=False, repr=False)
    credits: Credits = Credits()
    narrators: tuple[str, ...] = ()    # ``narrator:`` in book.yaml: one name or a list
    output: Path | None = None         # ``output:`` in book.yaml or ``build --output``; None: output/
    max_file_minutes: float = 120.0    # longer chapters are read as parts (ACX: 120); 0: never split
    lexicon: Lexicon = Lexicon()       # ``pronunciations:``: how to say names and rare words
    proof: ProofSettings = ProofSettings()   # ``proof:``: proof-listening (audiobook/proof/)
    thoughts: str = "narrator"         # ``thoughts:``: who reads a quoted thought: "narrator" or "character"

    @property
    def manuscript_dir(self) -> Path:
        return self.root / "manuscript"

    @property
    def voices_dir(self) -> Path:
        return self.root / "voices"

    @property
    def output_dir(self) -> Path:
        return self.output if self.output is not None else self.root / "output"

    @property
    def work_dir(self) -> Path:
        """Cache and intermediate files; safe to delete."""
        return self.root / ".audiobook"

    def manuscript_files(self) -> list[Path]:
        """Chapter files in name order: every name that looks like one, whatever it is (a link to
        nothing, a pipe, a device is reported when it is read, never skipped without a word)."""
        return sorted(
            p for p in self.manuscript_dir.iterdir()
            if p.suffix.lower() in MANUSCRIPT_SUFFIXES and not p.name.startswith(".")
        )

    def pauses(self, base: Pauses) -> Pauses:
        return base.updated(self.pauses_override)


def load_book(root: Path | str) -> Book:
    """Read ``manuscript/book.yaml`` of the book at ``root`` (a missing book.yaml is allowed)."""
    root = Path(root)
    mdir = root / "manuscript"
    if not mdir.is_dir():
        raise ConfigError(
            f"{root}: no manuscript/ folder here; run from a book directory or pass --book DIR"
        )
    yaml_path = mdir / "book.yaml"
    label = _rel(yaml_path, root)
    data = load_yaml(yaml_path, label=label) if yaml_path.exists() else {}
    top = Section(data, label)
    problems: list[str] = []     # every mistake in the file, reported together
    title = gather(problems, lambda: _tag(top, "title")) or root.resolve().name
    characters = gather(problems, lambda: _characters(top, label)) if top.has("characters") else None
    cover_path = gather(problems, lambda: _cover(top, label, mdir))
    named: tuple[str, ...] = gather(problems, lambda: tuple(top.strings("narrator")), ()) or ()
    narrators = tuple(n.strip() for n in named if n.strip())
    for n in narrators:
        gather(problems, functools.partial(_no_control, top.where("narrator"), n))
    author = gather(problems, lambda: _tag(top, "author")) or ""
    credits = gather(problems, lambda: _credits(top, label, author, narrators), Credits()) or Credits()
    pauses = gather(problems, lambda: top.section("pauses"))
    if pauses is not None:
        gather(problems, lambda: Pauses().updated(pauses))  # validate now, at load time
        pauses = Section(pauses.data, label, "pauses")
    language = gather(problems, lambda: _tag(top, "language")) or "en"
    year = gather(problems, lambda: _tag(top, "year")) or ""
    max_minutes = gather(problems, lambda: top.number("max_file_minutes", 120.0, low=0))
    named_output = gather(problems, lambda: top.text("output"))
    output = gather(problems, lambda: output_folder(root, root / named_output, f"{label}: output")) \
        if named_output else None
    lexicon = gather(problems, lambda: read_lexicon(top, language), Lexicon()) or Lexicon()
    proof = gather(problems, lambda: read_proof(top)) or ProofSettings()
    thoughts = gather(problems, lambda: _thoughts(top)) or "narrator"
    gather(problems, top.done)
    if problems:
        raise ConfigProblems(problems)
    return Book(
        root=root,
        title=title,
        author=author,
        narrator=", ".join(narrators),
        language=language,
        year=year,
        cover=cover_path,
        characters=characters,
        pauses_override=pauses,
        credits=credits,
        narrators=narrators,
        output=output,
        max_file_minutes=120.0 if max_minutes is None else float(max_minutes),
        lexicon=lexicon,
        proof=proof,
        thoughts=thoughts,
    )


def output_folder(root: Path, folder: Path, where: str) -> Path:
    """``folder`` checked as a book's output folder (``output:`` in book.yaml, ``build --output``):
    a real folder (not a symbolic link), not the book's own folder, manuscript/, voices/ or
    .audiobook/ nor inside them, since a build writes and removes files in its output folder."""
    if folder.is_symlink():
        raise ConfigError(f"{where}: {folder} is a symbolic link; name the folder it points to, or another one")
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"{where}: {folder} is a file, not a folder")
    real, book = folder.resolve(), root.resolve()
    for kept in (book / "manuscript", book / "voices", book / ".audiobook"):
        if real == kept or kept in real.parents:
            raise ConfigError(f"{where}: {folder} is inside the book's {kept.name}/; choose a folder of its own "
                              f"(e.g. output-alt)")
    if real == book or real in book.parents:
        raise ConfigError(f"{where}: {folder} holds the book itself; choose a folder of its own (e.g. output-alt)")
    return folder


def _tag(top: Section, key: str) -> str | None:
    """Text that goes into the files' tags (and, for the title, the full book's file name)."""
    value = top.text(key)
    if value is None:
        return None
    _no_control(top.where(key), value)
    if key == "title" and len(value.encode()) > MAX_NAME_BYTES:
        raise ConfigError(f"{top.where(key)}: {len(value.encode()):,} bytes, too long for the full book's file "
                          f"name (at most {MAX_NAME_BYTES}); shorten it")
    return value


THOUGHTS = ("narrator", "character")


def _thoughts(top: Section) -> str:
    """``thoughts:``: the narration voice reads a quoted thought ("narrator"), or its thinker's voice ("character")."""
    value = top.text("thoughts", "narrator") or "narrator"
    if value not in THOUGHTS:
        raise ConfigError(f"{top.where('thoughts')}: {excerpt(value)} is not one of {', '.join(THOUGHTS)}")
    return value


def _no_control(where: str, value: str) -> None:
    bad = next((c for c in value if unicodedata.category(c) == "Cc"), None)
    if bad is not None:
        raise ConfigError(f"{where}: a control character (U+{ord(bad):04X}) at character {value.index(bad) + 1}; "
                          f"remove it")


def read_lexicon(top: Section, language: str) -> Lexicon:
    """The ``pronunciations:`` of a book.yaml or of a shared lexicon file."""
    return load_lexicon(top.section("pronunciations"), language)


def _characters(top: Section, label: str) -> tuple[Character, ...]:
    problems: list[str] = []
    characters = tuple(c for s in top.items("characters")
                       if (c := gather(problems, functools.partial(_character, s))) is not None)
    names = [c.name for c in characters]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        problems.append(f"{label}: characters: {', '.join(sorted(dupes))} listed twice")
    if problems:
        raise ConfigProblems(problems)
    return characters


def _cover(top: Section, label: str, mdir: Path) -> Path | None:
    cover = top.text("cover")
    if not cover:
        return None
    cover_path = (mdir / cover) if not Path(cover).is_absolute() else Path(cover)
    what = not_a_file(cover_path)
    if what == "not found":
        raise ConfigError(f"{label}: cover: {cover} not found (looked for {cover_path})")
    if what is not None:
        raise ConfigError(f"{label}: cover: {cover}: {what}")
    read_cover(cover_path, f"{label}: cover")    # a square JPEG or PNG, or a clear error now
    return cover_path


def _credits(top: Section, label: str, author: str, narrators: tuple[str, ...]) -> Credits:
    cred = top.section("credits")
    if cred is None:
        return Credits()
    credits = Credits(opening=cred.boolean("opening", False), closing=cred.boolean("closing", False))
    cred.done()
    missing = [k for k, v in (("author", author), ("narrator", narrators)) if not v]
    if (credits.opening or credits.closing) and missing:
        raise ConfigError(f"{label}: credits: the credits name the author and the narrator; "
                          f"add {' and '.join(k + ':' for k in missing)} to {label}")
    return credits


def _character(s: Section) -> Character:
    name = s.text("name", required=True) or ""
    gender = (s.text("gender") or "unknown").lower()
    if gender not in GENDERS:
        raise ConfigError(f"{s.where('gender')}: {excerpt(gender)} is not one of {', '.join(GENDERS)}")
    c = Character(name=name, aliases=s.strings("aliases"), gender=gender)
    s.done()
    return c


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
