"""The review: every highlight in the library, one at a time, the longest unseen first.

`Review` is the session the review screen (and `reader review`) drives: the queue, where the
reader is in it, and each action (keep, skip, edit the note and tags, recolour, delete and
undo that). Keeping a highlight stamps its `reviewed` time, which orders the next review; an
edit is saved at once, like every change to a note. No store import and no UI: the caller
hands in the store (the `ReviewStore` protocol) and a way to get an article's text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import NamedTuple, Protocol, TypeVar

from reader.annotation_set import cleaned_note, placed_in
from reader.records import COLORS, AnnotationRecord, now

CONTEXT_CHARS = 160
"""Characters of the quote's paragraph shown at most on each side."""


class ReviewStore(Protocol):
    def annotations(self, article_id: str) -> list[AnnotationRecord]: ...
    def save_annotations(
        self, records: list[AnnotationRecord], touch: bool = True
    ) -> list[AnnotationRecord]: ...
    def delete_annotation(self, annotation_id: str) -> None: ...


class Entry(Protocol):
    """What orders and filters the review: a record, or a store's summary of one."""

    @property
    def id(self) -> str: ...
    @property
    def article_id(self) -> str: ...
    @property
    def created(self) -> str: ...
    @property
    def reviewed(self) -> str: ...
    @property
    def color(self) -> str: ...
    @property
    def tags(self) -> Sequence[str]: ...


class Filter(NamedTuple):
    """Which highlights a review walks (empty: any)."""

    tag: str = ""
    color: str = ""
    articles: frozenset[str] = frozenset()

    def admits(self, entry: Entry) -> bool:
        if self.color and entry.color != self.color:
            return False
        if self.articles and entry.article_id not in self.articles:
            return False
        if self.tag:
            wanted = self.tag.lstrip("#").casefold()
            return any(tag.casefold() == wanted for tag in entry.tags)
        return True


EVERYTHING = Filter()
_ORDER = attrgetter("reviewed", "created", "id")

E = TypeVar("E", bound=Entry)


def queue(entries: Iterable[E], only: Filter = EVERYTHING) -> list[E]:
    """The highlights to review, in order: never reviewed first, then the longest ago; among
    equals, the oldest made first."""
    chosen = [entry for entry in entries if only.admits(entry)]
    chosen.sort(key=_ORDER)
    return chosen


class Context(NamedTuple):
    """A highlight in its line: the text before and after it, cut at words."""

    before: str
    quote: str
    after: str
    found: bool
    """Whether the quote is in the article's text now (False: shown alone)."""


def context(text: str | None, record: AnnotationRecord, chars: int = CONTEXT_CHARS) -> Context:
    """The highlight with the rest of its paragraph around it (at most `chars` each side),
    placed in `text` as the reader would place it (None: the text is not at hand)."""
    if text is None:
        return Context("", record.exact, "", False)
    (place,) = placed_in(text, [record])
    if place.orphaned:
        return Context("", record.exact, "", False)
    start, end = place.start, place.end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - chars) : start]
    after = text[end : min(line_end, end + chars)]
    if start - line_start > chars and " " in before:
        before = "…" + before[before.index(" ") + 1 :]
    if line_end - end > chars and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return Context(before, text[start:end], after, True)


class Review:
    """A walk through highlights in `queue` order, one at a time. Each record is read from
    the store when the walk comes to its article, so a long review starts at once."""

    def __init__(self, store: ReviewStore, entries: Sequence[Entry]) -> None:
        self.store = store
        self.entries: list[Entry] = list(entries)
        self.index = 0
        self.kept = 0
        self.skipped = 0
        self._records: dict[str, dict[str, AnnotationRecord]] = {}
        self._deleted: list[tuple[int, AnnotationRecord]] = []

    @property
    def current(self) -> AnnotationRecord | None:
        """The highlight shown now (None: the review is over). One deleted since the review
        began is passed over."""
        while self.index < len(self.entries):
            entry = self.entries[self.index]
            record = self._record(entry.article_id, entry.id)
            if record is not None:
                return record
            del self.entries[self.index]
        return None

    @property
    def done(self) -> bool:
        return self.current is None

    @property
    def remaining(self) -> int:
        return len(self.entries) - self.index

    def keep(self) -> None:
        """Reviewed: stamp it, and go to the next."""
        record = dataclasses.replace(self._current(), reviewed=now())
        if self._save(record, touch=False):
            self.kept += 1
            self.index += 1

    def skip(self) -> None:
        """Not now: the next, leaving this one first in line for the next review."""
        self._current()
        self.skipped += 1
        self.index += 1

    def set_note(self, note: str, tags: list[str]) -> None:
        clean, clean_tags = cleaned_note(note, tags)
        self._change(note=clean, tags=clean_tags)

    def set_color(self, color: str) -> None:
        if color not in COLORS:
            raise ValueError(f"unknown colour {color!r}")
        self._change(color=color)

    def delete(self) -> None:
        """Delete it (undo brings it back), and go to the next."""
        record = self._current()
        self.store.delete_annotation(record.id)
        self._records[record.article_id].pop(record.id, None)
        self._deleted.append((self.index, record))
        del self.entries[self.index]

    def undo_delete(self) -> bool:
        """Bring back the last highlight deleted in this review, and show it again."""
        if not self._deleted:
            return False
        index, record = self._deleted.pop()
        saved = self.store.save_annotations([record], touch=False)
        if not saved:
            return False
        self._records.setdefault(record.article_id, {})[record.id] = saved[0]
        self.entries.insert(index, saved[0])
        self.index = index
        return True

    def _record(self, article_id: str, annotation_id: str) -> AnnotationRecord | None:
        records = self._records.get(article_id)
        if records is None:
            records = {r.id: r for r in self.store.annotations(article_id)}
            self._records[article_id] = records
        return records.get(annotation_id)

    def _current(self) -> AnnotationRecord:
        record = self.current
        if record is None:
            raise IndexError("the review is over")
        return record

    def _change(self, **changes: object) -> None:
        record = dataclasses.replace(self._current(), **changes)  # type: ignore[arg-type]
        self._save(record, touch=True)

    def _save(self, record: AnnotationRecord, touch: bool) -> bool:
        """Save the current highlight as `record`; False if another reader deleted it
        meanwhile (it stays deleted, and the next one is current)."""
        saved = self.store.save_annotations([record], touch=touch)
        if not saved:
            self._records[record.article_id].pop(record.id, None)
            del self.entries[self.index]
            return False
        self._records[record.article_id][record.id] = saved[0]
        return True
