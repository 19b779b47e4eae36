"""Two readers on one store: whose change to a record is kept.

Each Library remembers every record as it last read or wrote it (the base). Saving a record
that another process changed since then keeps, field by field, the side that changed it:
ours where we changed the field, theirs elsewhere. Both sides' changes survive, and where
both changed one field the later save, ours, wins. A deletion is remembered as a tombstone
(id -> when, and which Library deleted it), so a stale copy held elsewhere cannot bring the
record back; the Library that deleted it may (its undo).
"""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]

TOMBSTONES = "deleted"
"""The table of deleted record ids beside the records' own table."""


def merge(base: Record | None, ours: Record, theirs: Record | None) -> Record:
    """`ours` with every field another process changed since `base` taken from `theirs`."""
    if theirs is None or base is None or theirs == base:
        return ours
    merged = dict(theirs)
    for name, value in ours.items():
        if name not in base or value != base[name] or name not in theirs:
            merged[name] = value
    return merged


def tombstone(when: str, by: str) -> Record:
    return {"deleted": when, "by": by}


def deleted_elsewhere(tombstones: dict[str, Any], record_id: str, me: str) -> bool:
    """Whether another Library deleted `record_id` (its copy here is stale)."""
    stone = tombstones.get(record_id)
    return isinstance(stone, dict) and stone.get("by") != me
