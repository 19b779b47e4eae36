"""Highlights as the document view draws them, indexed for drawing and for the keys.

Pure: no Textual. Rows are drawn block by block, so marks are found by block; `>` and `<`
step through their starts.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from reader.annotation_set import Placed
from reader.document import Document


class Mark(NamedTuple):
    """A highlight as the view draws it."""

    id: str
    start: int
    end: int
    color: str
    has_note: bool = False


def marks_of(attached: Iterable[Placed]) -> list[Mark]:
    """The marks of attached annotations, in drawing order: the newest on top."""
    ordered = sorted(attached, key=lambda placed: placed.record.created)
    return [Mark(p.record.id, p.start, p.end, p.record.color, bool(p.record.note)) for p in ordered]


def mark_on_top(marks: Sequence[Mark], offset: int) -> Mark | None:
    """The mark drawn on top at `offset`: the last of `marks` (in drawing order) over it."""
    for mark in reversed(marks):
        if mark.start <= offset < mark.end:
            return mark
    return None


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
