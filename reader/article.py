"""From a source to the Document shown: load, clean, apply the user's cleaning choices, parse."""

from __future__ import annotations

import bisect
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cleaned import Cleaned
from reader.document import HEADER_KINDS, Document, RemovedBlock, parse_markdown
from reader.limits import DEFAULT_MAX_BYTES, DOWNLOAD_SECONDS
from reader.load import Source, load_path
from reader.target import load_target

if TYPE_CHECKING:
    from reader.fetch import Progress


def build_document(cleaned: Cleaned, overrides: frozenset[str] = frozenset()) -> Document:
    """The Document of the visible blocks, with the hidden ones placed as RemovedBlocks."""
    visible = cleaned.visible(overrides)
    first_lines: list[int] = []
    line = 0
    for block in visible:
        first_lines.append(line)
        line += block.markdown.count("\n") + 2
    markdown = "\n\n".join(b.markdown for b in visible)
    document = parse_markdown(markdown, cleaned.metadata, cleaned.origin, header=True)
    block_lines = [b.line for b in document.blocks]
    # Which cleaning block each document block came from: the last one starting at or before it.
    keys = tuple(
        visible[max(0, bisect.bisect_right(first_lines, b.line) - 1)].key
        if visible and b.kind not in HEADER_KINDS
        else ""
        for b in document.blocks
    )
    removed: list[RemovedBlock] = []
    next_visible = 0
    for block in cleaned.blocks:
        if block.kept != (block.key in overrides):
            next_visible += 1
            continue
        if next_visible < len(visible):
            first = bisect.bisect_left(block_lines, first_lines[next_visible])
            at = (
                document.blocks[first].start if first < len(document.blocks) else len(document.text)
            )
        else:
            at = len(document.text)
        removed.append(RemovedBlock(block.key, " ".join(block.markdown.split()), block.reason, at))
    return dataclasses.replace(document, removed=tuple(removed), block_keys=keys)


def load_source(
    target: Path | str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    download_seconds: float = DOWNLOAD_SECONDS,
    progress: Progress | None = None,
) -> Source:
    """Load a file, `-` or an http(s) URL (ReaderError, in one line, if it cannot be read;
    `progress` hears how far a download is)."""
    if isinstance(target, Path):
        return load_path(target, max_bytes)
    return load_target(target, max_bytes, download_seconds, progress)


def open_source(target: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Source, Cleaned]:
    """Load a file, `-` or an http(s) URL, and clean it."""
    from reader.clean import clean  # not at import: the UI process may never clean

    source = load_source(target, max_bytes)
    return source, clean(source)


LARGE_SOURCE = 200_000
"""Characters above which the reader shows the article's head first and cleans the rest after."""


HEAD_CHARS = 16_000
"""A large article's head, shown while the rest is cleaned: some five screens of a tall
terminal. A 50,000-character head made the first frame of the 3 MB book 78 ms later (paired
tmux runs): its cleaning, pickling, unpickling, wrapping and outline all come before it."""


def head_source(source: Source, size: int = HEAD_CHARS) -> Source:
    """The first `size` characters or so of a source, cut at a paragraph break: a quick preview."""
    cut = source.text.find("\n\n", size)
    if cut < 0:
        return source
    return source._replace(text=source.text[:cut])
