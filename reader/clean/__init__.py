"""Cleaning: from a loaded source to the article's blocks and metadata."""

from __future__ import annotations

from reader.cleaned import CleanBlock, Cleaned, keyed
from reader.document import Metadata
from reader.load import Source, SourceKind
from reader.markdown_escape import escape_markdown


def clean(source: Source) -> Cleaned:
    """Split the source into blocks. (Placeholder until the cleaner lands: keeps everything.)"""
    if source.kind is SourceKind.MARKDOWN:
        blocks = [CleanBlock(source.text.strip("\n"))]
    else:
        paragraphs = [" ".join(p.split()) for p in source.text.split("\n\n")]
        blocks = [CleanBlock(escape_markdown(p)) for p in paragraphs if p]
    return Cleaned(Metadata(source=source.origin), keyed(blocks))
