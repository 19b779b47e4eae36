"""Cleaning: from a loaded source to the article's blocks (kept or removed, with reasons)."""

from __future__ import annotations

from reader.cleaned import Cleaned
from reader.load import Source, SourceKind


def clean(source: Source) -> Cleaned:
    """The article in `source`: metadata, and every block of the input kept or removed."""
    if source.kind is SourceKind.MARKDOWN:
        from reader.clean.markdown_source import clean_markdown

        cleaned = clean_markdown(source.text, source.origin)
    elif source.kind is SourceKind.HTML:
        from reader.clean.html import clean_html

        cleaned = clean_html(source.text, source.origin)
    else:
        from reader.clean.plain_text import clean_plain_text

        cleaned = clean_plain_text(source.text, source.origin)
    return Cleaned(cleaned.metadata, cleaned.page_blocks, source.origin)
