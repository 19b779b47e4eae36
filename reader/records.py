"""The records of articles and annotations, as plain dataclasses (no TinyDB or UI types).

The store keeps them and the core builds and reads them, so they live in the core.
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

COLORS = ("yellow", "green", "blue", "pink", "purple")
"""Highlight colours by name, in the order of the keys 1-5."""


def now() -> str:
    """Current UTC time as ISO 8601, the format of every timestamp in the store."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def article_id_for(origin: str) -> str:
    """A stable id for an article, from its absolute path or URL."""
    return hashlib.sha1(origin.encode()).hexdigest()[:16]


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def _field_names(cls: type) -> frozenset[str]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in dataclasses.fields(cls))
    return names


@dataclass
class ArticleRecord:
    id: str
    title: str
    source: str
    """Absolute path or URL."""
    added: str = field(default_factory=now)
    last_opened: str = field(default_factory=now)
    position: int = 0
    """Character offset of the first line on screen when the reader left."""
    progress: float = 0.0
    overrides: list[str] = field(default_factory=list)
    """Keys of cleaning blocks whose keep/remove decision the user flipped."""
    source_digest: str = ""
    text: str = ""
    """The cleaned article as canonical Markdown, so it reopens without its source.

    `Library.articles()` leaves it empty (bodies live in their own files); saving a record
    with an empty text keeps the stored body.
    """
    metadata: dict[str, str] = field(default_factory=dict)
    """The cleaned page's Metadata fields (title, byline...), to rebuild its Document."""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRecord:
        names = _field_names(cls)
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class AnnotationRecord:
    """A highlight (and maybe a note) anchored by W3C Web Annotation style selectors."""

    article_id: str
    exact: str
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""
    text_hash: str = ""
    """Hash of the Document text the selectors were made on."""
    color: str = "yellow"
    note: str = ""
    tags: list[str] = field(default_factory=list)
    reanchored: str = ""
    """How the selectors last followed a change of the text by themselves: "moved" or
    "fuzzy" ("" if never, or since the reader re-attached it)."""
    original_exact: str = ""
    """The quote as the reader made it, kept when a fuzzy re-anchoring changed `exact`."""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: str = field(default_factory=now)
    updated: str = field(default_factory=now)
    """When the user last changed it (note, tags, colour, place); not set by re-anchoring
    or by a review that keeps it as it is."""
    reviewed: str = ""
    """When it was last shown in a review ("" if never)."""
    synced: str = ""
    """The `updated` time of the other copy this one last took in (an import, a store
    merge): the version both sides share, to tell a later edit from a conflict
    (reader/reconcile.py). "" if it never came from elsewhere."""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnnotationRecord:
        names = _field_names(cls)
        return cls(**{k: v for k, v in data.items() if k in names})
