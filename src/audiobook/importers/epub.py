"""EPUB 2 and 3 books through ``ebooklib``: the spine in reading order, chapter titles from the
navigation document (EPUB 3) or the NCX (EPUB 2), front and back matter (cover, title page,
copyright, contents, dedication, acknowledgements, ...) recognised by ``epub:type``, the OPF
guide or the title, and skipped unless asked for; the cover image from the metadata."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from audiobook.importers.model import SCENE, Cover, ImportedBook, ImportedChapter, SourceError, clean

# epub:type / role values (EPUB 3 structural semantics, DPUB-ARIA) and EPUB 2 guide types
_MATTER_TYPES = {
    "cover": "cover", "titlepage": "title page", "title-page": "title page", "halftitlepage": "half title",
    "copyright-page": "copyright page", "copyright": "copyright page", "toc": "contents", "landmarks": "contents",
    "loi": "list of illustrations", "lot": "list of tables", "dedication": "dedication",
    "acknowledgments": "acknowledgements", "acknowledgements": "acknowledgements", "colophon": "colophon",
    "index": "index", "imprint": "imprint", "imprimatur": "imprint", "other-credits": "credits",
    "contributors": "contributors", "errata": "errata", "seriespage": "series page", "endnotes": "notes",
    "footnotes": "notes", "rearnotes": "notes", "bibliography": "bibliography", "glossary": "glossary",
}
_ALWAYS_SKIPPED = {"contents", "notes"}     # never read aloud, even with --keep-front-matter
_MATTER_TITLES = [
    (re.compile(r"^(?:cover|front cover|cover page|cover image)$", re.I), "cover"),
    (re.compile(r"^(?:title|title page|half[- ]title)$", re.I), "title page"),
    (re.compile(r"^copyright(?: page| notice)?$", re.I), "copyright page"),
    (re.compile(r"^(?:contents|table of contents|toc)$", re.I), "contents"),
    (re.compile(r"^dedication$", re.I), "dedication"),
    (re.compile(r"^acknowledge?ments?$", re.I), "acknowledgements"),
    (re.compile(r"^(?:about the (?:author|authors|publisher)|also by .*|other (?:books|titles) by .*"
                r"|books by .*|praise for .*|colophon|index|newsletter|sign up.*)$", re.I), "back matter"),
]
_BLOCK = frozenset("p div h1 h2 h3 h4 h5 h6 li blockquote pre section article aside header footer figure "
                   "figcaption table tr td th dt dd dl ul ol nav main body".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SILENT = frozenset("script style head title svg img math".split())
_SILENT_TYPES = {"noteref", "pagebreak", "doc-noteref", "doc-pagebreak"}
_SCENE_TEXT = re.compile(r"^(?:[*·•⁂~#◆❧✻✶—–-]\s*){1,7}$")


@dataclass
class _Doc:
    href: str                                     # file name relative to the OPF folder
    content: bytes = b""
    kind: str = ""                                # front/back matter kind, "" for text
    anchors: dict[str, str] = field(default_factory=dict)   # fragment -> TOC title
    title: str = ""                               # TOC title of the document itself


def read_epub_book(path: Path, keep_front_matter: bool = False) -> ImportedBook:
    """The chapters of the EPUB at ``path`` in spine order."""
    try:
        import ebooklib
        from ebooklib import epub
    except ImportError:     # a dependency; missing only in a broken install
        raise SourceError("reading EPUB needs ebooklib: pip install ebooklib") from None
    try:
        book = epub.read_epub(str(path), {"ignore_ncx": False})
    except Exception as e:   # noqa: BLE001  (ebooklib raises zip, XML and its own errors alike)
        raise SourceError(f"{path}: not a readable EPUB ({one_reason(e)})") from None
    version = str(getattr(book, "version", "") or "")
    out = ImportedBook(kind=f"EPUB {version.split('.')[0] or '?'}")
    out.title = _meta(book, "title")
    out.author = " and ".join(v for v, _ in book.get_metadata("DC", "creator") if v and v.strip())
    out.language = _meta(book, "language").split("-")[0].lower()
    out.cover = _cover(book, ebooklib)
    docs = _spine(book, ebooklib, out.title)
    for doc in docs:
        chapters = _chapters_of(doc.content, doc)
        words = sum(ch.words for ch in chapters)
        label = doc.title or (chapters[0].title if chapters else "") or doc.href
        if doc.kind and (not keep_front_matter or doc.kind in _ALWAYS_SKIPPED):
            out.skipped.append(f"{label} ({doc.kind}, {doc.href}, {words:,} words)")
            continue
        if not words:
            if doc.kind != "cover":
                out.skipped.append(f"{doc.href} (no text)")
            continue
        out.chapters.extend(ch for ch in chapters if ch.words)
    for n, ch in enumerate(out.chapters, start=1):
        ch.title = ch.title or f"Chapter {n}"
    if not out.chapters:
        raise SourceError(f"{path}: no chapter text found in the EPUB's spine"
                          + ("" if keep_front_matter else " (try --keep-front-matter)"))
    return out


def one_reason(e: BaseException) -> str:
    return " ".join(str(e).split())[:160] or type(e).__name__


def _meta(book: Any, name: str) -> str:
    for value, _attrs in book.get_metadata("DC", name):
        if value and value.strip():
            return clean(value)
    return ""


def _cover(book: Any, ebooklib: Any) -> Cover | None:
    items = list(book.get_items_of_type(ebooklib.ITEM_COVER))
    if not items:      # EPUB 2: <meta name="cover" content="ID"/>
        metas = [*book.get_metadata("OPF", "cover"), *book.get_metadata("OPF", "meta")]
        for _value, attrs in metas:
            if attrs.get("name", "cover") != "cover":
                continue
            found = book.get_item_with_id(attrs.get("content", ""))
            if found is not None:
                items = [found]
    if not items:
        items = [i for i in book.get_items_of_type(ebooklib.ITEM_IMAGE)
                 if "cover" in (i.get_name() + " " + (i.id or "")).lower()]
    for item in items:
        data = item.get_content()
        if data:
            return Cover(data, posixpath.basename(item.get_name()))
    return None


def _spine(book: Any, ebooklib: Any, book_title: str) -> list[_Doc]:
    """The spine's documents, each with its TOC title(s) and front/back matter kind."""
    guide = {_strip(g.get("href") or ""): _MATTER_TYPES.get((g.get("type") or "").lower(), "")
             for g in getattr(book, "guide", []) or []}
    toc: list[tuple[str, str]] = []
    _flatten(book.toc, toc)
    docs: list[_Doc] = []
    for idref, linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() not in (ebooklib.ITEM_DOCUMENT, ebooklib.ITEM_NAVIGATION):
            continue
        doc = _Doc(href=_strip(item.get_name()), content=item.get_content())
        if item.get_type() == ebooklib.ITEM_NAVIGATION or "nav" in (getattr(item, "properties", None) or []):
            doc.kind = "contents"
        for href, title in toc:
            base, _, frag = href.partition("#")
            if base != doc.href:
                continue
            if frag:
                doc.anchors.setdefault(frag, title)
            if not doc.title:
                doc.title = title
        doc.kind = doc.kind or guide.get(doc.href, "") or _body_kind(doc.content) \
            or _title_kind(doc.title) or ("not in the reading order" if linear == "no" else "")
        if not doc.kind and doc.title and _norm(doc.title) == _norm(book_title) and not docs_with_text(docs):
            doc.kind = "title page"         # listed under the book's own title, before any chapter
        docs.append(doc)
    listed = [i for i, d in enumerate(docs) if d.title]
    for doc in docs[: listed[0] if listed else 0]:      # before the first document the TOC lists
        if not doc.kind:
            doc.kind = _name_kind(doc.href) or "front matter not in the contents"
    return docs


def docs_with_text(docs: list[_Doc]) -> bool:
    return any(not d.kind for d in docs)


def _name_kind(href: str) -> str:
    """The kind its file name says (``titlepage.xhtml``, ``copyright.html``), or ""."""
    stem = re.sub(r"[^a-z]", "", posixpath.basename(href).rsplit(".", 1)[0].lower())
    for key, kind in (("cover", "cover"), ("title", "title page"), ("copyright", "copyright page"),
                      ("toc", "contents"), ("contents", "contents"), ("dedication", "dedication")):
        if key in stem:
            return kind
    return ""


def _flatten(entries: Any, out: list[tuple[str, str]]) -> None:
    for e in entries or ():
        if isinstance(e, tuple | list):
            section, children = e[0], e[1] if len(e) > 1 else []
            if getattr(section, "href", None):
                out.append((_strip(section.href), clean(section.title or "")))
            _flatten(children, out)
        elif getattr(e, "href", None):
            out.append((_strip(e.href), clean(e.title or "")))


def _strip(href: str) -> str:
    return posixpath.normpath(unquote(href.split("?")[0])) if href else ""


def _title_kind(title: str) -> str:
    for pattern, kind in _MATTER_TITLES:
        if pattern.match(title.strip()):
            return kind
    return ""


def _body_kind(content: bytes) -> str:
    """The front/back matter kind a document declares on its body or first section."""
    from lxml import html

    try:
        root = html.document_fromstring(content)
    except Exception:   # noqa: BLE001  (lxml: empty or broken document)
        return ""
    body = root.find("body")
    if body is None:
        return ""
    for el in [body, *[c for c in body.iter() if isinstance(c.tag, str)][1:4]]:
        for t in _types(el):
            if t in _MATTER_TYPES:
                return _MATTER_TYPES[t]
    return ""


def _types(el: Any) -> list[str]:
    values = " ".join(v for k, v in el.attrib.items() if k.endswith("type") or k == "role").lower()
    return [v.removeprefix("doc-") for v in values.split()]


def _chapters_of(content: bytes, doc: _Doc) -> list[ImportedChapter]:
    """A document's text as chapters: one, or one per TOC anchor inside it."""
    from lxml import html

    try:
        root = html.document_fromstring(content)
    except Exception:   # noqa: BLE001
        return []
    walker = _Walker(doc)
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.flush()
    return walker.finish()


@dataclass
class _Walker:
    """Block elements become paragraphs; headings at a chapter's start become its title."""

    doc: _Doc
    chapters: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)   # (toc title, blocks)
    buf: list[str] = field(default_factory=list)
    heading: bool = False

    def __post_init__(self) -> None:
        self.chapters.append((self.doc.title, []))

    def walk(self, el: Any) -> None:
        if not isinstance(el.tag, str):
            return
        tag = el.tag.split("}")[-1].lower()
        if tag in _SILENT or _SILENT_TYPES & set(_types(el)):
            return
        anchor = el.get("id")
        if anchor in self.doc.anchors:          # a chapter that starts inside this document
            self.flush()
            if self.chapters[-1][1]:
                self.chapters.append((self.doc.anchors[anchor], []))
            else:
                self.chapters[-1] = (self.doc.anchors[anchor], [])
        if tag == "hr":
            self.flush()
            self.chapters[-1][1].append(("text", SCENE))
            return
        if tag == "br":
            self.buf.append(" ")
        block = tag in _BLOCK
        if block:
            self.flush()
        if tag in _HEADINGS:
            self.heading = True
        self.buf.append(el.text or "")
        for child in el:
            self.walk(child)
            self.buf.append(child.tail or "")
        if block:
            self.flush()
        if tag in _HEADINGS:
            self.heading = False

    def flush(self) -> None:
        text = clean("".join(self.buf))
        self.buf = []
        if text:
            kind = "heading" if self.heading else "text"
            self.chapters[-1][1].append((kind, SCENE if _SCENE_TEXT.match(text) else text))
            self.heading = False if kind == "heading" else self.heading

    def finish(self) -> list[ImportedChapter]:
        out = []
        for toc_title, blocks in self.chapters:
            lead: list[str] = []
            while blocks and blocks[0][0] == "heading":
                lead.append(blocks.pop(0)[1])
            title = toc_title or ": ".join(lead[:2])
            said = set(_norm(title).split())
            extra = [h for h in lead if not set(_norm(h).split()) <= said]   # a heading the title lacks
            paragraphs = [*extra, *(t for _, t in blocks)]
            while paragraphs and paragraphs[0] == SCENE:
                paragraphs.pop(0)
            while paragraphs and paragraphs[-1] == SCENE:
                paragraphs.pop()
            out.append(ImportedChapter(title, paragraphs, self.doc.href))
        return out


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
