"""Finding a phrase in the Document's plain text."""

from __future__ import annotations

import re


def search_pattern(query: str) -> re.Pattern[str] | None:
    """A pattern for `query`: smart case, and any run of whitespace matches any other.

    A phrase is found wherever it wraps, whatever spaces or line breaks separate its words.
    """
    words = query.split()
    if not words:
        return None
    flags = 0 if any(char.isupper() for char in query) else re.IGNORECASE
    return re.compile(r"\s+".join(re.escape(word) for word in words), flags)


def lowered(text: str) -> str | None:
    """`text` in lower case when that keeps every offset (no character changes length)."""
    low = text.lower()
    return low if len(low) == len(text) else None


def find_all(text: str, query: str, low: str | None = None) -> list[tuple[int, int]]:
    """Every non-overlapping match of `query` in `text`, as (start, end) offsets.

    `low` (from `lowered(text)`) makes a lower-case query a plain, faster search.
    """
    pattern = search_pattern(query)
    if pattern is None:
        return []
    if low is not None and pattern.flags & re.IGNORECASE:
        plain = re.compile(pattern.pattern)  # the query is all lower case already
        return [match.span() for match in plain.finditer(low)]
    return [match.span() for match in pattern.finditer(text)]
