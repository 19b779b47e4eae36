"""The article a command's ARTICLE names: a stored id (or its start), a URL or a file."""

from __future__ import annotations

from pathlib import Path

from reader.article import build_document, open_source
from reader.document import Document
from reader.errors import ReaderError
from reader.load import is_url, origin_of
from reader.records import ArticleRecord, article_id_for
from reader.sanitize import strip_credentials
from reader.stored_article import record_for, stored_document
from store.library import Library


def find_stored(reference: str, library: Library) -> ArticleRecord | None:
    """The stored article an id, id prefix, URL or file path names (without reading it)."""
    if is_url(reference):
        return library.article(article_id_for(strip_credentials(reference)))
    path = Path(reference).expanduser()
    if path.exists():
        return library.article(article_id_for(origin_of(path)))
    return library.find_article(reference)


def resolve(reference: str, library: Library) -> tuple[ArticleRecord, Document]:
    """The article ARTICLE names (a file, URL or stored id), added to the library if new.

    A file or URL is read and cleaned again; a stored id reopens the stored text.
    """
    stored = find_stored(reference, library)
    if stored is not None and (is_url(reference) or not Path(reference).exists()):
        if not stored.text:
            raise ReaderError(f"{reference}: the library has no text for this article")
        return stored, stored_document(stored)
    if not is_url(reference) and not Path(reference).expanduser().exists():
        raise ReaderError(f"{reference}: no such file, URL or article id in the library")
    source, cleaned = open_source(reference if is_url(reference) else Path(reference).expanduser())
    existing = library.article(article_id_for(source.origin))
    record = record_for(source, cleaned, existing)
    document = build_document(cleaned, frozenset(record.overrides))
    if existing is None:
        record.title = document.title
    library.save_article(record)
    return record, document


def named(library: Library, records: list[ArticleRecord], reference: str) -> ArticleRecord:
    """The article a user means by an id (or prefix), a URL, a source path, or a title
    (`records`: the library's articles); ReaderError if none or several."""
    found = find_stored(reference, library)
    if found is None:
        wanted = reference.casefold()
        matches = [r for r in records if r.title.casefold() == wanted] or [
            r for r in records if wanted in r.title.casefold()
        ]
        if not matches:
            raise ReaderError(f"{reference}: no such article in the library")
        if len(matches) > 1:
            some = ", ".join(f"{r.id[:8]} ({r.title[:30]})" for r in matches[:3])
            raise ReaderError(f"{reference}: matches {len(matches)} articles: {some}")
        found = matches[0]
    return library.article(found.id) or found
