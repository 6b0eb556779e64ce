"""Importers: an EPUB, a plain-text or a Markdown book -> a new book directory (``audiobook init``)."""

from audiobook.importers.init import InitReport, init_book, read_source
from audiobook.importers.model import ImportedBook, ImportedChapter, SourceError

__all__ = ["ImportedBook", "ImportedChapter", "InitReport", "SourceError", "init_book", "read_source"]
