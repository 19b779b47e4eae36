"""What the reader picked in the library: the session opens it next."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LibraryChoice:
    """What the reader picked: an article, maybe at one of its highlights."""

    article_id: str
    annotation_id: str | None = None
