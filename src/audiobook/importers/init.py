"""``audiobook init``: a book directory from an EPUB, a plain-text or a Markdown book.

Writes ``manuscript/NN-slug.md`` (one file per chapter, ``# Title`` first), ``manuscript/book.yaml``
(title, author, language, cover; the discovered characters as a commented-out block),
the cover image and a starter ``voices/default.yaml``. Refuses to replace an existing book
unless ``force``; then only the files it writes (and the old chapter files) are replaced.
"""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from audiobook.book import MANUSCRIPT_SUFFIXES
from audiobook.importers.cover import square_cover
from audiobook.importers.model import SCENE, ImportedBook, SourceError

if TYPE_CHECKING:
    from audiobook.text.script import CastEntry

_LEADING_HASHES = re.compile(r"^#+[ \t]+")


@dataclass(frozen=True)
class WrittenChapter:
    file: str                 # relative to the book directory
    title: str
    words: int


@dataclass
class InitReport:
    root: Path
    source: Path
    book: ImportedBook
    chapters: list[WrittenChapter] = field(default_factory=list)
    cover: str = ""           # what became of the cover, "" when there is none
    characters: list[tuple[str, int]] = field(default_factory=list)    # (name, dialogue lines)
    written: list[str] = field(default_factory=list)

    def summary(self) -> list[str]:
        """What was found and written, and the command to run next (the CLI prints it)."""
        b = self.book
        by = f" by {b.author}" if b.author else ""
        out = [f"Read {self.source} ({b.kind}): \"{b.title}\"{by}, language {b.language or 'en (assumed)'}"]
        out.append(f"  cover: {self.cover}" if self.cover else
                   "  cover: none found; ACX needs one: put a square JPEG (at least 2400x2400) in "
                   "manuscript/ and name it in book.yaml (cover: cover.jpg)")
        total = sum(c.words for c in self.chapters)
        out.append(f"{len(self.chapters)} chapters, {total:,} words:")
        files = max((len(c.file) for c in self.chapters), default=0)
        width = min(max((len(c.title) for c in self.chapters), default=0), 50)
        out += [f"  {c.file:<{files}}  {c.title:<{width}} {c.words:>7,} words" for c in self.chapters]
        if b.skipped:
            out.append("Skipped (--keep-front-matter keeps front and back matter):")
            out += [f"  {s}" for s in b.skipped]
        out += [f"Note: {n}" for n in b.notes]
        if self.characters:
            shown = ", ".join(f"{n} ({k})" for n, k in self.characters[:12])
            more = f" and {len(self.characters) - 12} more" if len(self.characters) > 12 else ""
            out.append(f"Characters found (dialogue lines): {shown}{more}")
        out.append("Wrote " + ", ".join(self.written))
        where = "" if self.root == Path(".") else f" --book {_shell(self.root)}"
        out.append(f"Next: audiobook build{where}   (check who speaks first: audiobook script{where} --review)")
        return out


def read_source(source: Path, keep_front_matter: bool = False) -> ImportedBook:
    """The book in ``source``: an EPUB (by content), Markdown (.md, .markdown) or plain text."""
    from audiobook.importers.epub import read_epub_book
    from audiobook.importers.markdown import read_markdown_book
    from audiobook.importers.text import read_text_book

    try:
        head = source.open("rb").read(4)
    except OSError as e:
        raise SourceError(f"{source}: cannot read it ({e.strerror})") from None
    if head.startswith(b"PK\x03\x04"):
        book = read_epub_book(source, keep_front_matter)
    else:
        text = _decode(source)
        reader = read_markdown_book if source.suffix.lower() in (".md", ".markdown") else read_text_book
        book = reader(text, source.name, keep_front_matter)
    if not book.chapters:
        raise SourceError(f"{source}: no text found to make chapters of")
    book.title = book.title or _title_from_name(source)
    return book


def init_book(root: Path, source: Path, *, force: bool = False, keep_front_matter: bool = False) -> InitReport:
    """Import ``source`` into a new book directory at ``root``."""
    imported = read_source(source, keep_front_matter)
    mdir, vdir = root / "manuscript", root / "voices"
    _check_target(root, force)
    mdir.mkdir(parents=True, exist_ok=True)
    vdir.mkdir(exist_ok=True)
    if force:
        for old in mdir.iterdir():
            if old.is_file() and old.suffix.lower() in MANUSCRIPT_SUFFIXES:
                old.unlink()
    report = InitReport(root, source, imported)
    digits = max(2, len(str(len(imported.chapters))))
    for n, ch in enumerate(imported.chapters, start=1):
        name = f"{n:0{digits}d}-{_slug(ch.title) or 'chapter'}.md"
        body = [_LEADING_HASHES.sub("", p) if p != SCENE else SCENE for p in ch.paragraphs]
        text = f"# {' '.join(ch.title.split())}\n\n" + "\n\n".join(body) + "\n"
        (mdir / name).write_text(text, encoding="utf-8")
        report.chapters.append(WrittenChapter(f"manuscript/{name}", ch.title, ch.words))
    cover_name = ""
    if imported.cover is not None:
        try:
            data, suffix, report.cover = square_cover(imported.cover)
            cover_name = f"cover{suffix}"
            (mdir / cover_name).write_bytes(data)
        except (OSError, subprocess.SubprocessError):
            report.cover = ""
            imported.notes.append(f"the cover {imported.cover.name} could not be read as an image; left out")
    (mdir / "book.yaml").write_text(_book_yaml(imported, cover_name, source), encoding="utf-8")
    entries = _discover(root)
    report.characters = [(e.name, e.lines) for e in entries if e.lines]
    with_yaml = (mdir / "book.yaml").read_text(encoding="utf-8") + _commented_characters(entries)
    (mdir / "book.yaml").write_text(with_yaml, encoding="utf-8")
    from audiobook.voice.starter import voices_yaml

    profile = voices_yaml(entries, imported.title).split("\n", 1)[1]
    (vdir / "default.yaml").write_text(f"# Starter voice profile for {imported.title}, written by "
                                       f"`audiobook init`: edit voices and cast to taste.\n{profile}",
                                       encoding="utf-8")
    report.written = [f"{_shell(mdir)}/ ({len(report.chapters)} chapter files, book.yaml"
                      + (f", {cover_name})" if cover_name else ")"), f"{_shell(vdir / 'default.yaml')}"]
    return report


def _check_target(root: Path, force: bool) -> None:
    for d in (root, root / "manuscript", root / "voices"):
        if d.is_symlink():
            raise SourceError(f"{d}: a symbolic link; init writes only into real folders of the book")
        if d.exists() and not d.is_dir():
            raise SourceError(f"{d}: a file is in the way; choose another folder for the book")
    found = [p for p in (root / "manuscript" / "book.yaml", root / "voices" / "default.yaml") if p.exists()]
    mdir = root / "manuscript"
    if mdir.is_dir():
        found += sorted(p for p in mdir.iterdir() if p.is_file() and p.suffix.lower() in MANUSCRIPT_SUFFIXES)
    if found and not force:
        shown = ", ".join(str(p) for p in found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
        raise SourceError(f"{root}: already holds a book ({shown}); it is kept. Choose a new folder, or add "
                          f"--force to replace its chapter files, book.yaml and voices/default.yaml")


def _discover(root: Path) -> list[CastEntry]:
    from audiobook.book import load_book
    from audiobook.text.script import cast_of

    return cast_of(load_book(root))


def _book_yaml(b: ImportedBook, cover: str, source: Path) -> str:
    q = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731  (a JSON string is a YAML string)
    lines = [f"# Written by `audiobook init` from {source.name}. Edit freely; see the README's book.yaml.",
             f"title: {q(b.title)}"]
    lines.append(f"author: {q(b.author)}" if b.author else "# author: \"\"          # not in the source")
    lines.append("# narrator: \"Your Name\"   # needed for credits")
    lines.append("# credits: {opening: true, closing: true}")
    lines.append(f"language: {b.language or 'en'}")
    lines.append(f"cover: {cover}" if cover else
                 "# cover: cover.jpg     # none found: ACX needs a square JPEG of at least 2400x2400 in manuscript/")
    return "\n".join(lines) + "\n"


def _commented_characters(entries: list[CastEntry]) -> str:
    from audiobook.text.script import characters_yaml

    speaking = [e for e in entries if e.lines][:40]
    if not speaking:
        return ""
    block = characters_yaml(speaking).rstrip("\n").split("\n")
    head = ("# Characters discovered in the text. Without a characters: list they are discovered at every "
            "build;\n# uncomment and correct this one to fix names, aliases and genders.\n")
    return "\n" + head + "\n".join("# " + ln for ln in block) + "\n"


def _decode(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")      # older plain-text e-books


def _slug(title: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_.lower())
    slug = ""
    for w in words:
        if len(slug) + len(w) + 1 > 40:
            break
        slug = f"{slug}-{w}" if slug else w
    return slug


def _title_from_name(path: Path) -> str:
    return " ".join(re.split(r"[\s._-]+", path.stem)).strip().title()


def _shell(p: Path) -> str:
    s = str(p)
    return s if re.fullmatch(r"[\w./-]+", s) else "'" + s.replace("'", "'\\''") + "'"
