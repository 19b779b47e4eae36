"""One article's annotations: anchored to the current Document, changed with undo, saved.

The reading screen drives this; it never touches the store directly. Every change is saved
at once: a note is the one thing a user cannot re-create.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from reader.anchor import Anchor, Resolver, Selectors, Status, describe, resolve_all, text_hash
from reader.document import Document
from reader.errors import ReaderError
from reader.records import AnnotationRecord, now
from reader.sanitize import clean_text

COLORS: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")


class AnnotationStore(Protocol):
    def annotations(self, article_id: str) -> list[AnnotationRecord]: ...
    def save_annotation(self, record: AnnotationRecord) -> AnnotationRecord | None: ...
    def save_annotations(
        self, records: list[AnnotationRecord], touch: bool = True
    ) -> list[AnnotationRecord]: ...
    def delete_annotation(self, annotation_id: str) -> None: ...


class Placed(NamedTuple):
    """An annotation and where it lands in the current text."""

    record: AnnotationRecord
    anchor: Anchor

    @property
    def start(self) -> int:
        return self.anchor.start

    @property
    def end(self) -> int:
        return self.anchor.end

    @property
    def orphaned(self) -> bool:
        return self.anchor.status is Status.ORPHANED

    @property
    def status(self) -> Status:
        """How it is anchored; "moved" or "fuzzy" also once its new place was saved."""
        if self.anchor.status is Status.OK and self.record.reanchored:
            return Status(self.record.reanchored)
        return self.anchor.status


def placed_in(text: str, records: Sequence[AnnotationRecord]) -> list[Placed]:
    """Each annotation where it lands in `text`, in the order given, without saving anything
    (for the command line and the export, which only read)."""
    anchors = resolve_all(text, [Selectors.of(record) for record in records])
    return [Placed(record, found) for record, found in zip(records, anchors, strict=True)]


def cleaned_note(note: str, tags: list[str]) -> tuple[str, list[str]]:
    """A note and tags as typed, with anything a terminal would act on removed; tags on one
    line each, without a leading #, each once."""
    return clean_text(note), _clean_tags(tags)


def followed(
    record: AnnotationRecord, text: str, anchor: Anchor, hash_: str | None = None
) -> AnnotationRecord:
    """The record with selectors for where it was found in `text` (`anchor`: moved or
    fuzzy), keeping the quote as it was made; `hash_` is the text's hash if known."""
    fields = describe(text, anchor.start, anchor.end, hash_).fields()
    original = record.original_exact or (record.exact if fields["exact"] != record.exact else "")
    return dataclasses.replace(
        record, **fields, reanchored=anchor.status.value, original_exact=original
    )


class _Step(NamedTuple):
    """One change, as undo (or redo) puts it back."""

    description: str
    before: AnnotationRecord | None
    """The record to put back (None: it did not exist, so it goes)."""
    after_id: str


class AnnotationSet:
    def __init__(
        self,
        store: AnnotationStore,
        article_id: str,
        document: Document,
        *,
        partial: bool = False,
    ) -> None:
        self.store = store
        self.article_id = article_id
        self._records: dict[str, AnnotationRecord] = {
            record.id: record for record in store.annotations(article_id)
        }
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        """What undo took back, newest last: emptied by any new change, as in an editor."""
        # Changes the store could not take yet (disk full, read-only): id -> the record to
        # save, or None to delete. Kept in memory, shown as unsaved, written with the next
        # change or `save_pending`; nothing is lost while the program runs.
        self._unsaved: dict[str, AnnotationRecord | None] = {}
        self.save_error = ""
        """Why the last write failed ("" once everything is saved)."""
        self.document = document
        self._hash = text_hash(document.text)
        self._anchors: dict[str, Anchor] = {}
        self.set_document(document, partial=partial)

    # ------------------------------------------------------------ anchoring

    def set_document(self, document: Document, *, partial: bool = False) -> None:
        """Re-anchor every annotation onto a (possibly changed) document.

        A `partial` document is the head of an article still loading: annotations made
        beyond it wait for the whole (neither placed nor orphaned), and nothing is saved.
        """
        self.document = document
        self._hash = text_hash(document.text)
        resolver = Resolver(document.text, self._hash)
        ordered = sorted(self._records.values(), key=lambda r: (r.start, r.end))
        shift = 0
        self._anchors = {}
        followed: list[AnnotationRecord] = []
        for record in ordered:
            if partial and record.end > len(document.text):
                continue
            anchor = resolver.resolve(_selectors(record), shift)
            self._anchors[record.id] = anchor
            if anchor.attached:
                shift = anchor.start - record.start
            if anchor.status in (Status.MOVED, Status.FUZZY) and not partial:
                followed.append(self._follow(record, anchor))
        if followed:
            # Saved, so the next open finds each at once; in one write, and not as a change
            # the reader made (no undo step, `updated` kept). Orphans are never rewritten.
            # Not saved now (the store refuses): kept for the next write, and not an error.
            for record in followed:
                self._unsaved[record.id] = record
            with contextlib.suppress(ReaderError):
                self.save_pending()

    def _follow(self, record: AnnotationRecord, anchor: Anchor) -> AnnotationRecord:
        """The record with selectors for where it re-anchored."""
        moved = followed(record, self.document.text, anchor, self._hash)
        self._records[record.id] = moved
        return moved

    def _place(self, record: AnnotationRecord) -> None:
        self._anchors[record.id] = Resolver(self.document.text, self._hash).resolve(
            _selectors(record)
        )

    @property
    def placed(self) -> list[Placed]:
        """All annotations, attached ones in document order, then the orphans."""
        anchors = self._anchors
        items = [Placed(r, anchors[r.id]) for r in self._records.values() if r.id in anchors]
        return sorted(items, key=lambda p: (p.orphaned, p.start, p.end, p.record.created))

    def attached(self) -> list[Placed]:
        return [p for p in self.placed if not p.orphaned]

    def get(self, annotation_id: str) -> Placed | None:
        record = self._records.get(annotation_id)
        anchor = self._anchors.get(annotation_id)
        return Placed(record, anchor) if record and anchor else None

    def at(self, offset: int) -> Placed | None:
        """The annotation drawn on top at `offset`: the newest one covering it."""
        covering = [p for p in self.attached() if p.start <= offset < max(p.end, p.start + 1)]
        return max(covering, key=lambda p: p.record.created, default=None)

    def over(self, start: int, end: int) -> Placed | None:
        """The newest highlight over exactly text[start:end], if any."""
        same = [p for p in self.attached() if (p.start, p.end) == (start, end)]
        return max(same, key=lambda p: p.record.created, default=None)

    def tags(self) -> list[str]:
        return sorted({tag for record in self._records.values() for tag in record.tags})

    # -------------------------------------------------------------- changes

    def add(
        self,
        start: int,
        end: int,
        color: str = COLORS[0],
        note: str = "",
        tags: Sequence[str] = (),
        annotation_id: str | None = None,
    ) -> AnnotationRecord:
        """Highlight text[start:end] (with a note and tags: one change, one undo step).

        `annotation_id` names it in advance: a caller retrying after the store refused it
        (it is here, unsaved) can tell that it was made."""
        selectors = describe(self.document.text, start, end, self._hash)
        record = AnnotationRecord(
            article_id=self.article_id,
            color=color,
            note=clean_text(note),
            tags=_clean_tags(tags),
            **selectors.fields(),
        )
        if annotation_id is not None:
            record.id = annotation_id
        self._save(record, "highlight", before=None)
        return record

    def recolor(self, annotation_id: str, color: str) -> None:
        self._change(annotation_id, "colour", color=color)

    def set_note(self, annotation_id: str, note: str, tags: list[str]) -> None:
        """Set the note and tags, with anything a terminal would act on removed."""
        self._change(annotation_id, "note", note=clean_text(note), tags=_clean_tags(tags))

    def reattach(self, annotation_id: str, start: int, end: int) -> None:
        """Anchor an (orphaned) annotation to text[start:end], keeping its note."""
        fields = describe(self.document.text, start, end, self._hash).fields()
        self._change(annotation_id, "re-attach", **fields, reanchored="", original_exact="")

    def delete(self, annotation_id: str) -> None:
        record = self._records.pop(annotation_id)
        self._anchors.pop(annotation_id, None)
        self._undone(_Step("delete", record, annotation_id))
        self._unsaved[annotation_id] = None
        self.save_pending()

    def undo(self) -> str | None:
        """Revert the last change; returns what was undone, None if nothing was.

        Like every change, it is made here first: ReaderError if the store did not take it.
        """
        return self._revert(self._undo, self._redo)

    def redo(self) -> str | None:
        """Make again the last change undone (none since it was undone); returns what was
        redone, None if nothing was. ReaderError as `undo`."""
        return self._revert(self._redo, self._undo)

    def _revert(self, steps: list[_Step], opposite: list[_Step]) -> str | None:
        """Put back the record of the last of `steps`, and keep the way back in `opposite`."""
        if not steps:
            return None
        step = steps.pop()
        opposite.append(step._replace(before=self._records.get(step.after_id)))
        if step.before is None:
            self._records.pop(step.after_id, None)
            self._anchors.pop(step.after_id, None)
            self._unsaved[step.after_id] = None
        else:
            restored = dataclasses.replace(step.before)
            restored.updated = now()
            self._records[restored.id] = restored
            self._place(restored)
            self._unsaved[restored.id] = restored
        self.save_pending()
        return step.description

    def _undone(self, step: _Step) -> None:
        """A new change: undo takes it back; what was undone before it can no longer be
        redone, as in any editor (redo follows the changes as they were made)."""
        self._undo.append(step)
        self._redo.clear()

    @property
    def unsaved(self) -> frozenset[str]:
        """Ids of the annotations whose last change is not in the store yet."""
        return frozenset(self._unsaved)

    def save_pending(self) -> None:
        """Write every change not saved yet; ReaderError (and all kept) if the store refuses."""
        if not self._unsaved:
            return
        pending = dict(self._unsaved)
        keep = [record for record in pending.values() if record is not None]
        try:
            saved = {record.id: record for record in self.store.save_annotations(keep, False)}
            for annotation_id, record in pending.items():
                if record is None:
                    self.store.delete_annotation(annotation_id)
        except ReaderError as error:
            self.save_error = str(error)
            raise
        for annotation_id, record in pending.items():
            if self._unsaved.get(annotation_id, 0) is record:
                del self._unsaved[annotation_id]
            if record is None or annotation_id not in self._records:
                continue
            found = saved.get(annotation_id)
            if found is None:  # another reader deleted it meanwhile: it stays deleted
                self._records.pop(annotation_id, None)
                self._anchors.pop(annotation_id, None)
            elif self._records[annotation_id] is record:
                # As saved: with what another reader changed in the fields we left alone.
                self._records[annotation_id] = found
                if _selectors(found) != _selectors(record):
                    self._place(found)
        self.save_error = ""

    def _change(self, annotation_id: str, description: str, **changes: object) -> None:
        before = self._records[annotation_id]
        after = dataclasses.replace(before, **changes)  # type: ignore[arg-type]
        after.updated = now()
        self._save(after, description, before=before)

    def _save(
        self, record: AnnotationRecord, description: str, before: AnnotationRecord | None
    ) -> None:
        """Make the change here, then in the store (ReaderError if it refuses: the change
        stays here, unsaved, and goes with the next write)."""
        self._records[record.id] = record
        self._place(record)
        self._undone(_Step(description, before, record.id))
        self._unsaved[record.id] = record
        self.save_pending()


def _clean_tags(tags: Sequence[str]) -> list[str]:
    """Tags with anything a terminal would act on removed, no leading #, each once."""
    cleaned = [" ".join(clean_text(tag).split()).lstrip("#") for tag in tags]
    return list(dict.fromkeys(tag for tag in cleaned if tag))


def _selectors(record: AnnotationRecord) -> Selectors:
    return Selectors.from_fields(
        record.exact, record.prefix, record.suffix, record.start, record.end, record.text_hash
    )
