"""The cursor and the selection over a Document's text: what they cover, as offsets.

Pure: no Textual. The view keeps the cursor and the selection's anchor; these say which
characters are under them (whole words), which a highlight key acts on, and which offsets must
be drawn again when either moves.
"""

from __future__ import annotations

from reader import text_units


def cursor_span(text: str, cursor: int) -> tuple[int, int]:
    """What the cursor covers: its word, or one character."""
    span = text_units.word_span(text, cursor)
    if span is None:
        return cursor, min(len(text), cursor + 1)
    return span


def selection_span(text: str, anchor: int | None, cursor: int) -> tuple[int, int] | None:
    """The selected text's (start, end): whole words from the anchor to the cursor."""
    if anchor is None:
        return None
    low, high = sorted((anchor, cursor))
    span = text_units.word_span(text, high)
    end = span[1] if span else min(len(text), high + 1)
    return low, max(end, low + 1) if low < len(text) else end


def target_span(text: str, anchor: int | None, cursor: int) -> tuple[int, int]:
    """What a highlight key acts on: the selection, else the cursor's sentence."""
    selected = selection_span(text, anchor, cursor)
    if selected is not None:
        return selected
    return text_units.sentence_span(text, cursor)


def drawn_extent(text: str, anchor: int | None, cursor: int) -> tuple[int, int]:
    """Offsets whose drawing depends on the cursor and the selection."""
    low, high = cursor_span(text, cursor)
    if anchor is not None:
        low, high = min(low, anchor), max(high, anchor + 1)
    return low, high


def clamp(text: str, offset: int) -> int:
    """`offset` kept on the text (0 for an empty one)."""
    return max(0, min(offset, max(0, len(text) - 1)))
