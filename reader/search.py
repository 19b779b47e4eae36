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


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every non-overlapping match of `query` in `text`, as (start, end) offsets."""
    pattern = search_pattern(query)
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(text)]
