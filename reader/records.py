"""The records of articles and annotations, as plain dataclasses (no TinyDB or UI types).

The store keeps them and the core builds and reads them, so they live in the core.
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

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
        data = dict(self.__dict__)
        data["overrides"] = list(self.overrides)
        data["metadata"] = dict(self.metadata)
        return data

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
        # As dataclasses.asdict, whose deep copy of every field made saving 10,000 records
        # in an import cost a second: the one mutable field is copied by hand.
        data = dict(self.__dict__)
        data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnnotationRecord:
        names = _field_names(cls)
        if data.keys() <= names:  # the common case: no filtering (a review reads 10,000)
            return cls(**data)
        return cls(**{k: v for k, v in data.items() if k in names})


class AnnotationSummary(NamedTuple):
    """What orders and filters a list of annotations, without the whole record: a review of
    10,000 highlights starts from these, and reads each record when it comes to it."""

    id: str
    article_id: str
    created: str
    reviewed: str
    color: str
    tags: tuple[str, ...]


def summaries(article_id: str, table: dict[str, Any]) -> list[AnnotationSummary]:
    """The summaries of a stored notes table's entries; an entry whose fields here are not
    what they must be is left out (the whole record is checked when it is read)."""
    found = []
    make = tuple.__new__  # NamedTuple's own __new__ costs a call more, 10,000 times
    for key, entry in table.items():
        if type(entry) is not dict or entry.get("id") != key:
            continue
        created, reviewed = entry.get("created", ""), entry.get("reviewed", "")
        color, tags = entry.get("color", COLORS[0]), entry.get("tags", [])
        if type(created) is not str or type(reviewed) is not str or type(color) is not str:
            continue
        if type(tags) is not list or (tags and not all(type(tag) is str for tag in tags)):
            continue
        found.append(
            make(AnnotationSummary, (key, article_id, created, reviewed, color, tuple(tags)))
        )
    return found


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_CHECKS: dict[str, Any] = {
    "str": lambda v: isinstance(v, str),
    "int": _is_int,
    "float": lambda v: (_is_int(v) or isinstance(v, float)) and v == v and abs(v) != float("inf"),
    "list[str]": lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
    "dict[str, str]": lambda v: isinstance(v, dict) and all(isinstance(i, str) for i in v.values()),
}
_REQUIRED: dict[type, tuple[str, ...]] = {}
_FIELD_CHECKS: dict[type, tuple[tuple[str, str, Any], ...]] = {}
"""Per record class: each field's name, type and check (found once: opening a library
checks every stored record)."""


def record_problem(cls: type[ArticleRecord | AnnotationRecord], entry: object, key: str) -> str:
    """What makes a stored entry unusable as a `cls` record ("" when it is fine).

    A store file may have been copied, synced, hand-edited or written by another program:
    every field must have its type, the required ones must be there, and the id must be the
    key the entry is stored under.
    """
    if not isinstance(entry, dict):
        return f"not a record but {type(entry).__name__}"
    required = _REQUIRED.get(cls)
    if required is None:
        without_default = [
            f.name
            for f in dataclasses.fields(cls)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        ]
        required = _REQUIRED[cls] = (*without_default, "id")
    for name in required:
        if name not in entry:
            return f"no {name}"
    checks = _FIELD_CHECKS.get(cls)
    if checks is None:
        checks = _FIELD_CHECKS[cls] = tuple(
            (spec.name, str(spec.type), _CHECKS[str(spec.type)]) for spec in dataclasses.fields(cls)
        )
    for name, kind, check in checks:
        value = entry.get(name, check)  # (the check itself stands for "absent")
        if value is check or (type(value) is str and kind == "str"):
            continue  # absent, or the common case, without a call
        if not check(value):
            return f"{name} is {type(value).__name__}, not {kind}"
    if entry["id"] != key:
        return "its id is not the key it is stored under"
    if cls is AnnotationRecord:
        if not -1 <= entry["start"] <= entry["end"]:  # -1: an import with no place yet
            return "start and end are not a span"
        if entry.get("color", COLORS[0]) not in COLORS:
            return f"unknown colour {str(entry['color'])[:20]!r}"
    return ""
