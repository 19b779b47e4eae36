"""Articles as the store keeps them: the record for a cleaned source, and its Document back
from the record. (Finding a stored article from what someone typed is
`reader.commands.articles`: it needs the store, which the core does not import.)"""

from __future__ import annotations

from pathlib import Path

from reader.article import build_document
from reader.cleaned import CleanBlock, Cleaned
from reader.document import Document, parse_markdown
from reader.errors import ReaderError
from reader.load import Source, SourceKind, is_url
from reader.loader import Head, Loader, LocalLoader, Ready, Whole
from reader.metadata import Metadata
from reader.records import ArticleRecord, article_id_for
from reader.sanitize import clean_text

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


def stored_metadata(record: ArticleRecord) -> Metadata:
    """The stored article's Metadata, each field as untrusted as anything in a store file."""
    return Metadata(
        **{
            k: " ".join(clean_text(v).split())
            for k, v in record.metadata.items()
            if k in _METADATA_FIELDS
        }
    )


def stored_document(record: ArticleRecord) -> Document:
    """The Document of a stored article, as `build_document` made it from the source."""
    return parse_markdown(record.text, stored_metadata(record), record.source, header=True)


def reopen(record: ArticleRecord, fetch: bool = False) -> Loader:
    """A stored article to show: its file while it is there, else the stored text; with
    `fetch`, a web page the library has no text of yet (a placeholder an import made) is
    fetched.

    The loader has its first part ready (ReaderError if neither can be read); as with any
    loader, a large file comes head first and whole after.
    """
    if fetch and not record.text and is_url(record.source):
        loader = LocalLoader(record.source)
        loader.first()
        return loader
    path = Path(record.source)
    if record.source and not is_url(record.source) and path.is_absolute() and path.is_file():
        loader = LocalLoader(path)
        try:
            loader.first()
            return loader
        except ReaderError:
            if not record.text:
                raise
    if not record.text:
        raise ReaderError(f"{record.title}: its source is gone and the library has no copy")
    source = Source(SourceKind.MARKDOWN, record.text, record.source, record.source_digest)
    metadata = stored_metadata(record)
    # One block: the stored text is what the cleaning kept, already with the user's choices.
    return Ready(Whole(source, Cleaned(metadata, (CleanBlock(record.text),), record.source)))


def current_document(record: ArticleRecord) -> Document | None:
    """The article as the reader would open it now: its file while it is there (cleaned
    again, with the user's choices), else the stored text; None if neither can be read.

    Highlights are placed on this, so the command line says what the reader would show
    right after the source changed.
    """
    try:
        loader = reopen(record)
        part = loader.first()
        whole = loader.rest() if isinstance(part, Head) else part
    except ReaderError:
        return None
    return build_document(whole.cleaned, frozenset(record.overrides))
