"""What the reader picked in the library: the session opens it next."""

from __future__ import annotations

from typing import NamedTuple


class LibraryChoice(NamedTuple):
    """What the reader picked: an article, maybe at one of its highlights."""

    article_id: str
    annotation_id: str | None = None
