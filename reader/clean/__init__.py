"""Cleaning: from a loaded source to the article's blocks (kept or removed, with reasons)."""

from __future__ import annotations

from reader.cleaned import Cleaned
from reader.load import Source, SourceKind


def clean(source: Source) -> Cleaned:
    """The article in `source`: metadata, and every block of the input kept or removed."""
    if source.kind is SourceKind.MARKDOWN:
        from reader.clean.markdown_source import clean_markdown

        return clean_markdown(source.text, source.origin)
    if source.kind is SourceKind.HTML:
        from reader.clean.html import clean_html

        return clean_html(source.text, source.origin)
    from reader.clean.plain_text import clean_plain_text

    return clean_plain_text(source.text, source.origin)
