"""Articles as the store keeps them: the record for a cleaned source, its Document back from
the record, and finding an article from what someone typed (id, URL or file)."""

from __future__ import annotations

from pathlib import Path

from reader.article import build_document, open_for_reading, open_source
from reader.cleaned import CleanBlock, Cleaned
from reader.document import Document, parse_markdown
from reader.errors import ReaderError
from reader.load import Source, SourceKind, is_url
from reader.metadata import Metadata
from store.library import Library
from store.records import ArticleRecord, article_id_for

_METADATA_FIELDS = Metadata._fields


def record_for(source: Source, cleaned: Cleaned, existing: ArticleRecord | None) -> ArticleRecord:
    """The article's record with its current cleaned text (the user's choices applied)."""
    record = existing or ArticleRecord(
        id=article_id_for(source.origin),
        title=cleaned.metadata.title or Path(source.origin).name,
        source=source.origin,
    )
    record.text = cleaned.markdown_body(frozenset(record.overrides))
    record.metadata = {name: str(getattr(cleaned.metadata, name)) for name in _METADATA_FIELDS}
    record.source_digest = source.digest
    return record


def stored_document(record: ArticleRecord) -> Document:
    """The Document of a stored article, as `build_document` made it from the source."""
    metadata = Metadata(**{k: v for k, v in record.metadata.items() if k in _METADATA_FIELDS})
    return parse_markdown(record.text, metadata)


def reopen(record: ArticleRecord) -> tuple[Source, Cleaned | None]:
    """A stored article to show: its file while it is there, else the stored text.

    As with `open_for_reading`, a large file comes back uncleaned (None): the app cleans it.
    """
    path = Path(record.source)
    if record.source and not is_url(record.source) and path.is_absolute() and path.is_file():
        try:
            return open_for_reading(path)
        except ReaderError:
            if not record.text:
                raise
    if not record.text:
        raise ReaderError(f"{record.title}: its source is gone and the library has no copy")
    source = Source(SourceKind.MARKDOWN, record.text, record.source, record.source_digest)
    metadata = Metadata(**{k: v for k, v in record.metadata.items() if k in _METADATA_FIELDS})
    # One block: the stored text is what the cleaning kept, already with the user's choices.
    return source, Cleaned(metadata, (CleanBlock(record.text),))


def find_stored(reference: str, library: Library) -> ArticleRecord | None:
    """The stored article an id, id prefix, URL or file path names (without reading it)."""
    if is_url(reference):
        return library.article(article_id_for(reference))
    path = Path(reference).expanduser()
    if path.exists():
        return library.article(article_id_for(str(path.resolve())))
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
