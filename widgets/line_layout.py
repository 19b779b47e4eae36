"""Wrapping a Document into screen lines for one column width.

Every line keeps the character offsets of the text it shows, so positions stay offsets into
the Document and a resize only re-runs this layout.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import NamedTuple

from rich.cells import cell_len

from reader.document import Block, BlockKind, Document, RemovedBlock

_WORD = re.compile(r"\S+\s*|\s+")
# Characters that may not take exactly one cell (wide CJK, combining marks, emoji...): text
# without any is measured by its length, with them by Rich's cell widths.
_NOT_ONE_CELL = re.compile(
    "[^\n\x20-\x7e\xa0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u205f\u20a0-\u20bf\u2100-\u214f]"
)


class LineKind(IntEnum):
    BLANK = 0
    TITLE = 1
    SUBTITLE = 2
    BYLINE = 3
    BODY = 4
    REMOVED = 5
    RULE = 6


@dataclass(slots=True)
class Line:
    kind: LineKind
    start: int
    """Offset of the first character shown (for non-body lines: of the next body text)."""
    end: int
    block: int = -1
    prefix: str = ""
    literal: str = ""
    """What non-body lines show (title, byline, removed blocks)."""
    removed: int = -1
    """Index into Document.removed for REMOVED lines."""


def wrap_offsets(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of text[start:end] into (start, end) offset pairs of <= width cells.

    Whitespace at a line's end belongs to that line; a word wider than the line is cut.
    Newlines in the text force a break.
    """
    width = max(1, width)
    out: list[tuple[int, int]] = []
    narrow = _NOT_ONE_CELL.search(text, start, end) is None
    measure = len if narrow else cell_len
    position = start
    while True:
        newline = text.find("\n", position, end)
        stop = end if newline < 0 else newline
        _wrap_run(text, position, stop, width, measure, out)
        if newline < 0:
            break
        position = newline + 1
    return out


@lru_cache(maxsize=16)
def _narrow_line(width: int) -> re.Pattern[str]:
    # Up to `width` characters ending before whitespace (which joins the line), else a cut.
    return re.compile(rf".{{1,{width}}}(?:\s+|$)|\S{{{width}}}")


def _wrap_run(
    text: str,
    start: int,
    end: int,
    width: int,
    measure: Callable[[str], int],
    out: list[tuple[int, int]],
) -> None:
    if start >= end:
        out.append((start, end))
        return
    if measure is len:
        # One cell per character: the regex engine does the greedy wrap.
        starts = [m.start() for m in _narrow_line(width).finditer(text, start, end)] or [start]
        starts[0] = start
        out.extend(zip(starts, [*starts[1:], end], strict=True))
        return
    line_start = start
    column = 0
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        stripped = word.rstrip()
        size = measure(stripped)
        if column and column + size > width:
            out.append((line_start, match.start()))
            line_start, column = match.start(), 0
        if size > width:
            # Cut a long word (or a run of CJK text) into pieces of `width` cells.
            piece_start = match.start()
            for index, char in enumerate(stripped):
                char_width = measure(char)
                if column + char_width > width and column:
                    out.append((line_start, piece_start + index))
                    line_start, column = piece_start + index, 0
                column += char_width
            column += measure(word) - size
            continue
        column += measure(word)
    out.append((line_start, end))


@dataclass
class Layout:
    lines: list[Line]
    starts: list[int]
    """`starts[i] == lines[i].start`, for bisecting offsets to lines."""

    def line_of(self, offset: int) -> int:
        """The body line showing `offset` (the last line starting at or before it)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        while index > 0 and self.lines[index].kind is not LineKind.BODY:
            index -= 1
        return max(0, index)

    def first_line_of_block(self, block: int, document: Document) -> int:
        return self.line_of(document.blocks[block].start)


class Wrapped(NamedTuple):
    """A document wrapped ahead of time (in a worker thread) for one view's settings."""

    document: Document
    width: int
    show_removed: bool
    layout: Layout

    def fits(self, document: Document, width: int, show_removed: bool) -> bool:
        return self.document is document and (self.width, self.show_removed) == (
            width,
            show_removed,
        )


def wrap(document: Document, width: int, show_removed: bool) -> Wrapped:
    return Wrapped(document, width, show_removed, layout_document(document, width, show_removed))


def layout_document(document: Document, width: int, show_removed: bool = False) -> Layout:
    lines = list(_lines(document, max(10, width), show_removed))
    return Layout(lines, [line.start for line in lines])


def _literal(kind: LineKind, text: str, at: int, width: int, prefix: str = "") -> Iterator[Line]:
    inner = max(1, width - cell_len(prefix))
    for start, end in wrap_offsets(text, 0, len(text), inner):
        yield Line(kind, at, at, prefix=prefix, literal=text[start:end].rstrip())


def _header_lines(document: Document, width: int) -> Iterator[Line]:
    """The title, standfirst and byline: text of the Document when it has them as blocks
    (the cursor reaches them), else drawn from its metadata; then the rule under them."""
    text = document.text
    header = document.blocks[: document.header]
    if not header or header[0].kind is not BlockKind.TITLE:
        yield from _literal(LineKind.TITLE, document.title, 0, width)  # "Untitled", or the
        # first heading's words: nothing of the article's own to highlight
    for index, block in enumerate(header):
        if index or block.kind is not BlockKind.TITLE:
            yield Line(LineKind.BLANK, block.start, block.start)
        for start, end in wrap_offsets(text, block.start, block.end, width):
            yield Line(LineKind.BODY, start, end, index)
    if header:
        yield Line(LineKind.RULE, header[-1].end, header[-1].end)
        return
    meta = document.metadata
    if meta.subtitle:
        yield Line(LineKind.BLANK, 0, 0)
        yield from _literal(LineKind.SUBTITLE, meta.subtitle, 0, width)
    credits = " · ".join(part for part in (meta.byline, meta.date, meta.site) if part)
    if credits:
        yield Line(LineKind.BLANK, 0, 0)
        yield from _literal(LineKind.BYLINE, credits, 0, width)
    yield Line(LineKind.RULE, 0, 0)


def _lines(document: Document, width: int, show_removed: bool) -> Iterator[Line]:
    text = document.text
    yield from _header_lines(document, width)
    removed = list(document.removed) if show_removed else []
    removed_index = 0
    header = document.header
    for index, block in enumerate(document.blocks):
        if index < header:
            continue
        while removed_index < len(removed) and removed[removed_index].at <= block.start:
            yield from _removed(removed[removed_index], removed_index, width)
            removed_index += 1
        tight_list = (
            index > 0
            and block.kind is BlockKind.LIST_ITEM
            and block.marker != ""
            and document.blocks[index - 1].kind is BlockKind.LIST_ITEM
        )
        if not tight_list:
            yield Line(LineKind.BLANK, block.start, block.start)
        first_prefix, next_prefix = _prefixes(block)
        if block.kind is BlockKind.RULE:
            yield Line(LineKind.RULE, block.start, block.end, index)
            continue
        inner = width - cell_len(first_prefix)
        for number, (start, end) in enumerate(wrap_offsets(text, block.start, block.end, inner)):
            prefix = first_prefix if number == 0 else next_prefix
            yield Line(LineKind.BODY, start, end, index, prefix)
    for rest in range(removed_index, len(removed)):
        yield from _removed(removed[rest], rest, width)


def _removed(block: RemovedBlock, index: int, width: int) -> Iterator[Line]:
    yield Line(LineKind.BLANK, block.at, block.at)
    label = f"removed: {block.reason or 'by you'}"
    yield Line(LineKind.REMOVED, block.at, block.at, prefix="┆ ", literal=label, removed=index)
    for line in _literal(LineKind.REMOVED, block.text, block.at, width, "┆ "):
        line.removed = index
        yield line


def _prefixes(block: Block) -> tuple[str, str]:
    kind, level, marker = block.kind, block.level, block.marker
    quote = "▌ " * block.quote_depth
    if kind is BlockKind.LIST_ITEM:
        indent = "  " * max(0, level - 1)
        marker_text = f"{marker} " if marker else ""
        pad = " " * cell_len(marker_text) if marker else "  "
        first = quote + indent + (marker_text or pad)
        return first, quote + indent + pad
    if kind is BlockKind.CODE:
        return quote + "  ", quote + "  "
    if kind is BlockKind.IMAGE:
        return quote + "▣ ", quote + "  "
    return quote, quote
