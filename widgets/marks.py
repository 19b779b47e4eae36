"""Highlights as the document view draws them, indexed for drawing and for the keys.

Pure: no Textual. Rows are drawn block by block, so marks are found by block; `>` and `<`
step through their starts.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from reader.document import Document


class Mark(NamedTuple):
    """A highlight as the view draws it."""

    id: str
    start: int
    end: int
    color: str
    has_note: bool = False


class MarkIndex:
    """Marks in drawing order (later ones on top), found by block and by offset."""

    def __init__(self, document: Document, marks: list[Mark]) -> None:
        self.marks = marks
        by_block: dict[int, list[tuple[int, Mark]]] = {}
        for order, mark in enumerate(marks):
            first = document.block_at(mark.start)
            last = document.block_at(max(mark.start, mark.end - 1))
            for block in range(first, last + 1):
                by_block.setdefault(block, []).append((order, mark))
        self._by_block = by_block
        self._document = document
        self.starts = sorted({mark.start for mark in marks})

    def in_block(self, block: int) -> list[tuple[int, Mark]]:
        """(drawing order, mark) of the marks over `block`."""
        return self._by_block.get(block, [])

    def at(self, offset: int) -> Mark | None:
        """The mark drawn on top at `offset`."""
        found = [
            (order, mark)
            for order, mark in self.in_block(self._document.block_at(offset))
            if mark.start <= offset < mark.end
        ]
        return max(found, key=lambda item: item[0])[1] if found else None

    def next_start(self, offset: int, direction: int) -> int | None:
        """The start of the next (or previous) mark after (before) `offset`, if any."""
        starts = self.starts
        if direction > 0:
            index = bisect.bisect_right(starts, offset)
            return starts[index] if index < len(starts) else None
        index = bisect.bisect_left(starts, offset) - 1
        return starts[index] if index >= 0 else None
