"""Two copies of one annotation (ours, and one from an import or another store): which to keep.

Copies are versions named by their `updated` time. Each copy also remembers, in `synced`,
the version of the other side it last took in; that shared version is the base that says
who changed since:

- the same version (or the same note, tags and colour): nothing to do;
- theirs is one we already took in, or older (their `updated` <= our `synced`): keep ours;
- ours is the one they built on (our `updated` <= their `synced`), or ours is unchanged
  since we took their earlier version in: take theirs;
- both changed since the base: a conflict. Ours stays, and their note (with their colour
  and tags when those differ) is appended below a marker line, tagged `conflict`, so nothing
  is lost and the user sees both.

Copies that never met (no `synced` on either side: two stores copied from one folder, say)
have no base: the later one is taken, unless that would drop words of the earlier one's
note, which makes it a conflict too.

The review time is not an edit: the later of the two is kept whatever else is decided.
Pure functions over records: no store, no UI.
"""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from typing import NamedTuple

from reader.export.escape import clean, one_line
from reader.records import AnnotationRecord, now

CONFLICT_TAG = "conflict"
MARKER = "--- conflict: the other version"
"""How the line introducing the other side's note starts."""


class Outcome(StrEnum):
    ADDED = "add"
    UPDATED = "update"
    CONFLICT = "conflict"
    UNCHANGED = "unchanged"
    SKIPPED = "skip"


class Decision(NamedTuple):
    outcome: Outcome
    record: AnnotationRecord | None
    """What to save (None: nothing)."""
    reason: str
    """Why, for a person ("" when the outcome says it all)."""
    theirs: bool = False
    """The record is their version: its selectors are theirs, to be placed in our text."""


def _words(record: AnnotationRecord) -> tuple[str, tuple[str, ...], str]:
    """What a person wrote, as shown and exported: an older store may keep a note with a
    control character that every copy made since has lost."""
    tags = tuple(tag for tag in (one_line(t).strip() for t in record.tags) if tag)
    return clean(record.note), tags, record.color


def _same_content(ours: AnnotationRecord, theirs: AnnotationRecord) -> bool:
    """The same note, tags and colour. (The quote and selectors follow the text by
    themselves, without a new `updated`.)"""
    return _words(ours) == _words(theirs)


def _later(a: str, b: str) -> str:
    return max(a, b)


def _with_review(record: AnnotationRecord, other: AnnotationRecord) -> AnnotationRecord:
    reviewed = _later(record.reviewed, other.reviewed)
    if reviewed == record.reviewed:
        return record
    return dataclasses.replace(record, reviewed=reviewed)


def _short(when: str) -> str:
    return when[:16].replace("T", " ") + " UTC" if when else "at an unknown time"


def _taken(ours: AnnotationRecord, theirs: AnnotationRecord) -> AnnotationRecord:
    """Their version, in our article, remembering it as the one taken in."""
    return dataclasses.replace(
        theirs,
        article_id=ours.article_id,
        synced=theirs.updated,
        reviewed=_later(ours.reviewed, theirs.reviewed),
    )


def conflict_note(ours: AnnotationRecord, theirs: AnnotationRecord, origin: str) -> str:
    """Our note with theirs appended below a marker line saying where it came from."""
    details = []
    if theirs.color != ours.color:
        details.append(theirs.color)
    if list(theirs.tags) != list(ours.tags) and theirs.tags:
        details.append("tags: " + ", ".join(theirs.tags))
    extra = f" ({'; '.join(details)})" if details else ""
    block = f"{MARKER}, from {origin}, changed {_short(theirs.updated)}{extra} ---"
    if theirs.note.strip():
        block += "\n" + theirs.note.strip()
    head = ours.note.rstrip()
    return f"{head}\n\n{block}" if head else block


def _conflict(ours: AnnotationRecord, theirs: AnnotationRecord, origin: str, why: str) -> Decision:
    tags = list(dict.fromkeys([*ours.tags, *theirs.tags, CONFLICT_TAG]))
    merged = dataclasses.replace(
        ours,
        note=conflict_note(ours, theirs, origin),
        tags=tags,
        updated=now(),
        synced=theirs.updated,
        reviewed=_later(ours.reviewed, theirs.reviewed),
    )
    return Decision(Outcome.CONFLICT, merged, why)


def reconcile(
    ours: AnnotationRecord | None,
    theirs: AnnotationRecord,
    origin: str,
    deleted: str = "",
) -> Decision:
    """What to do with `theirs` given `ours` (None: we have no such annotation; `deleted`:
    when we deleted it, if we did). `origin` names where theirs came from, for the marker."""
    if ours is None:
        if deleted and not theirs.updated > deleted:
            return Decision(Outcome.SKIPPED, None, f"deleted here {_short(deleted)}")
        added = dataclasses.replace(theirs, synced=theirs.updated)
        if deleted:
            why = f"deleted here {_short(deleted)}, but changed there since"
            return Decision(Outcome.ADDED, added, why, theirs=True)
        return Decision(Outcome.ADDED, added, "", theirs=True)
    if _same_content(ours, theirs):
        if theirs.updated > ours.updated and theirs.updated > ours.synced:
            # The same words, re-attached or re-anchored there later: their place.
            return Decision(Outcome.UPDATED, _taken(ours, theirs), "placed again there", True)
        kept = _with_review(ours, theirs)
        if kept is ours:
            return Decision(Outcome.UNCHANGED, None, "")
        return Decision(Outcome.UPDATED, kept, "reviewed there later")
    if theirs.updated == ours.updated:
        return _conflict(ours, theirs, origin, "changed on both sides at the same time")
    if ours.synced and theirs.updated <= ours.synced:
        kept = _with_review(ours, theirs)
        reason = "an older version than yours"
        if kept is ours:
            return Decision(Outcome.SKIPPED, None, reason)
        return Decision(Outcome.UPDATED, kept, reason + " (its later review time taken)")
    if (theirs.synced and ours.updated <= theirs.synced) or (
        ours.synced and ours.updated <= ours.synced
    ):
        why = f"changed there {_short(theirs.updated)}"
        return Decision(Outcome.UPDATED, _taken(ours, theirs), why, theirs=True)
    if not ours.synced and not theirs.synced:
        newer, older = (theirs, ours) if theirs.updated > ours.updated else (ours, theirs)
        words = older.note.strip()
        if words and words not in newer.note:
            return _conflict(
                ours, theirs, origin, "changed on both sides (no shared version to compare)"
            )
        if newer is theirs:
            why = f"changed there {_short(theirs.updated)}"
            return Decision(Outcome.UPDATED, _taken(ours, theirs), why, theirs=True)
        kept = _with_review(ours, theirs)
        if kept is ours:
            return Decision(Outcome.SKIPPED, None, "yours is newer")
        return Decision(Outcome.UPDATED, kept, "yours is newer (its later review time taken)")
    return _conflict(ours, theirs, origin, "changed on both sides since they last met")
