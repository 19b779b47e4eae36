"""Bringing annotations from elsewhere into the library (`reader import`, `reader store merge`).

Each arriving annotation finds its article (one already here, a file opened or a page fetched
now, or a placeholder whose notes wait for the article to be opened), is anchored in that
article's text by the reader's own rules (reader.anchor through reader.annotation_set), and
is reconciled with the copy already here, if any (reader.reconcile). The whole import is
planned before anything is written: a dry run prints exactly what the real run saves.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from reader.anchor import Status, describe, text_hash
from reader.annotation_set import followed, placed_in
from reader.article import build_document, open_source
from reader.document import Document
from reader.errors import ReaderError
from reader.export.model import source_name
from reader.incoming import Incoming
from reader.load import is_url
from reader.reconcile import Decision, Outcome, reconcile
from reader.records import AnnotationRecord, ArticleRecord, article_id_for, now
from reader.sanitize import strip_control
from reader.stored_article import current_document, record_for
from store.library import Library


class Arrival(NamedTuple):
    """Annotations arriving for one article."""

    origin: str
    """Where they come from (a file, a store folder), for messages and conflict markers."""
    article_id: str
    """The sender's id of the article ("" if it does not say)."""
    source: str
    title: str
    article: ArticleRecord | None
    """The sender's whole article with its text (a store merge), else None."""
    records: list[AnnotationRecord]
    sure: list[bool]
    """Per record: its position is into this reader's text of the article, as the sender
    had it; else only a hint of where to look."""
    meanings: dict[str, str]
    """What the sender says each colour means."""


class Change(NamedTuple):
    """One line of the report."""

    outcome: Outcome
    quote: str
    article: str
    reason: str


@dataclasses.dataclass
class Plan:
    """Everything an import would write, and what it says about it."""

    new_articles: list[ArticleRecord] = dataclasses.field(default_factory=list)
    notes: dict[str, AnnotationRecord] = dataclasses.field(default_factory=dict)
    placeholders: set[str] = dataclasses.field(default_factory=set)
    """Ids of the new articles whose text is not here yet."""
    undelete: set[str] = dataclasses.field(default_factory=set)
    meanings: dict[str, str] = dataclasses.field(default_factory=dict)
    changes: list[Change] = dataclasses.field(default_factory=list)
    notices: list[str] = dataclasses.field(default_factory=list)

    def counts(self) -> Counter[Outcome]:
        return Counter(change.outcome for change in self.changes)


def arrivals_from(incoming: Sequence[Incoming], origin: str) -> list[Arrival]:
    """A file's annotations, grouped by the article they belong to, in the file's order."""
    groups: dict[tuple[str, str], list[Incoming]] = {}
    for item in incoming:
        groups.setdefault((item.article_id, item.source), []).append(item)
    arrivals = []
    for (article_id, source), items in groups.items():
        title = next((item.title for item in items if item.title), "")
        records = [_record(item) for item in items]
        sure = [item.placed for item in items]
        meanings = {item.color: item.meaning for item in items if item.meaning}
        arrivals.append(Arrival(origin, article_id, source, title, None, records, sure, meanings))
    return arrivals


def _record(item: Incoming) -> AnnotationRecord:
    created = item.created or now()
    return AnnotationRecord(
        article_id=item.article_id,
        exact=item.exact,
        start=item.start,
        end=item.end,
        prefix=item.prefix,
        suffix=item.suffix,
        color=item.color,
        note=item.note,
        tags=list(item.tags),
        id=item.id,
        created=created,
        updated=item.updated or created,
        reviewed=item.reviewed,
        synced=item.synced,
    )


def _line(text: str, width: int = 60) -> str:
    text = " ".join(strip_control(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


class Planner:
    """Plans arrivals against one library; `plan.notes` is what the real run saves."""

    def __init__(self, library: Library, *, fetch: bool = False) -> None:
        self.library = library
        self.fetch = fetch
        self.plan = Plan()
        self._articles = {record.id: record for record in library.articles()}
        self._by_source = {r.source: r for r in self._articles.values() if r.source}
        self._ours: dict[str, AnnotationRecord] = {}
        self._read_notes: set[str] = set()
        self._documents: dict[str, Document | None] = {}
        self._deleted: dict[str, dict[str, str]] = {}
        self._meanings = library.color_meanings()
        # Ids of annotations anywhere in the library, to find one that lives in another
        # article than its sender says (merged, never duplicated).
        self._where: dict[str, str] = {}
        for article_id in self._articles:
            for note in self._notes_of(article_id):
                self._where[note.id] = article_id

    def _notes_of(self, article_id: str) -> list[AnnotationRecord]:
        if article_id in self._read_notes or article_id not in self._articles:
            return []
        self._read_notes.add(article_id)
        notes = self.library.annotations(article_id)
        for note in notes:
            self._ours.setdefault(note.id, note)
        return notes

    # --- articles

    def _target(self, arrival: Arrival) -> ArticleRecord:
        """The article the arrival's annotations belong to, added to the plan if new."""
        source = arrival.source
        for candidate in (article_id_for(source) if source else "", arrival.article_id):
            if candidate and candidate in self._articles:
                return self._articles[candidate]
        if source in self._by_source:
            return self._by_source[source]
        if arrival.article is not None:
            return self._added(dataclasses.replace(arrival.article))
        opened = self._open(source)
        if opened is not None:
            return opened
        ident = arrival.article_id or article_id_for(source or f"import:{arrival.origin}")
        title = (
            arrival.title
            or (source_name(source) if source else "")
            or (f"Notes imported from {Path(arrival.origin).name}")
        )
        placeholder = ArticleRecord(id=ident, title=title, source=source)
        self.plan.placeholders.add(ident)
        self._documents[ident] = None
        return self._added(placeholder)

    def _document(self, article_id: str) -> Document | None:
        """The article's text as the reader would open it now (read at first need: an import
        that only confirms what is here parses no article)."""
        if article_id not in self._documents:
            new = next((r for r in self.plan.new_articles if r.id == article_id), None)
            record = new or self.library.article(article_id) or self._articles[article_id]
            self._documents[article_id] = current_document(record)
        return self._documents[article_id]

    def _added(self, record: ArticleRecord) -> ArticleRecord:
        self._articles[record.id] = record
        if record.source:
            self._by_source[record.source] = record
        self._read_notes.add(record.id)
        self.plan.new_articles.append(record)
        return record

    def _open(self, source: str) -> ArticleRecord | None:
        """The article at `source`, read and cleaned now: a file that is here, or a web
        page when fetching was asked for."""
        if not source:
            return None
        web = is_url(source)
        if web and not self.fetch:
            return None
        if not web and not Path(source).is_file():
            return None
        try:
            loaded, cleaned = open_source(source if web else Path(source))
        except ReaderError as error:
            self.plan.notices.append(f"{_line(source)}: not opened ({error}); a placeholder")
            return None
        existing = self._articles.get(article_id_for(loaded.origin))
        if existing is not None:
            return existing
        record = record_for(loaded, cleaned, None)
        document = build_document(cleaned, frozenset(record.overrides))
        record.title = document.title or record.title
        self._documents[record.id] = document
        return self._added(record)

    # --- annotations

    def add(self, arrival: Arrival) -> None:
        """Decide each of the arrival's annotations, then place in the text those taken."""
        article = self._target(arrival)
        self._notes_of(article.id)
        taken: dict[str, list[tuple[AnnotationRecord, bool]]] = {}
        for record, sure in zip(arrival.records, arrival.sure, strict=True):
            # The arrival's records are the planner's own (read from a file or another
            # store): changed in place, as dataclasses.replace on 10,000 costs 0.1 s.
            record.article_id = article.id
            decision = self._decide(record, article, arrival.origin)
            if decision.theirs and decision.record is not None:
                taken.setdefault(decision.record.article_id, []).append((decision.record, sure))
        for article_id, records in taken.items():
            placed = self._anchored(
                [record for record, _ in records],
                [sure for _, sure in records],
                self._document(article_id),
            )
            for record in placed:
                self.plan.notes[record.id] = record
        self._note_meanings(arrival)

    def _anchored(
        self, records: list[AnnotationRecord], sure: list[bool], document: Document | None
    ) -> list[AnnotationRecord]:
        """Each record placed in the article's text as the reader would place it: found ones
        with selectors for where they are; orphans and ambiguous ones as they came."""
        if document is None:
            # No text to check against: a sure place is kept, a hint is no place at all.
            for record, is_sure in zip(records, sure, strict=True):
                if not is_sure:
                    record.start = record.end = -1
            return records
        text = document.text
        hash_ = text_hash(text)
        result = []
        for one in placed_in(text, records):
            status = one.anchor.status
            if status is Status.OK:
                for name, value in describe(text, one.start, one.end, hash_).fields().items():
                    setattr(one.record, name, value)
                result.append(one.record)
            elif status in (Status.MOVED, Status.FUZZY):
                result.append(followed(one.record, text, one.anchor, hash_))
            else:
                result.append(one.record)
        return result

    def _decide(self, theirs: AnnotationRecord, article: ArticleRecord, origin: str) -> Decision:
        home = self._where.get(theirs.id)
        if home is not None and home != article.id:
            self._notes_of(home)
        ours = self.plan.notes.get(theirs.id) or self._ours.get(theirs.id)
        deleted = "" if ours is not None else self._deleted_at(article.id, theirs.id)
        decision = reconcile(ours, theirs, origin, deleted)
        title = self._articles[ours.article_id if ours else article.id].title
        self.plan.changes.append(
            Change(decision.outcome, _line(theirs.exact), _line(title, 40), decision.reason)
        )
        if decision.record is not None:
            self.plan.notes[theirs.id] = decision.record
            self._where[theirs.id] = decision.record.article_id
            if deleted:
                self.plan.undelete.add(theirs.id)
        return decision

    def _deleted_at(self, article_id: str, annotation_id: str) -> str:
        if article_id not in self._deleted:
            new = any(r.id == article_id for r in self.plan.new_articles)
            self._deleted[article_id] = {} if new else self.library.deletions(article_id)
        return self._deleted[article_id].get(annotation_id, "")

    def _note_meanings(self, arrival: Arrival) -> None:
        for color, meaning in arrival.meanings.items():
            mine = self._meanings.get(color, "")
            if not mine:
                self._meanings[color] = self.plan.meanings[color] = meaning
            elif mine != meaning:
                notice = (
                    f"colour {color}: kept your meaning {mine!r} "
                    f"({arrival.origin} says {meaning!r})"
                )
                if notice not in self.plan.notices:
                    self.plan.notices.append(notice)


def apply(library: Library, plan: Plan) -> None:
    """Write what `plan` says: new articles first, then the notes, then colour meanings."""
    if plan.new_articles:
        library.add_articles(plan.new_articles)
    if plan.notes:
        library.save_annotations(
            list(plan.notes.values()), touch=False, undelete=frozenset(plan.undelete)
        )
    for color, meaning in plan.meanings.items():
        library.set_color_meaning(color, meaning)


_VERBS = {
    Outcome.ADDED: ("add", "added"),
    Outcome.UPDATED: ("update", "updated"),
    Outcome.CONFLICT: ("keep both versions of", "kept both versions of"),
    Outcome.UNCHANGED: ("leave unchanged", "unchanged"),
    Outcome.SKIPPED: ("skip", "skipped"),
}


_NEW_SHOWN = 5


def report(plan: Plan, dry_run: bool, write: Callable[[str], None] = print) -> None:
    """What was (or, in a dry run, would be) added, changed and skipped."""
    counts = plan.counts()
    for change in plan.changes:
        if change.outcome is Outcome.UNCHANGED:
            continue
        if dry_run or change.outcome in (Outcome.CONFLICT, Outcome.SKIPPED):
            reason = f": {change.reason}" if change.reason else ""
            write(f"  {change.outcome.value:9} “{change.quote}” in {change.article}{reason}")
    shown = plan.new_articles if dry_run else plan.new_articles[:_NEW_SHOWN]
    for article in shown:
        where = _line(article.source, 50) if article.source else "no source"
        waiting = " (a placeholder: its text is not here yet)" * (article.id in plan.placeholders)
        write(f"  new article “{_line(article.title, 50)}” from {where}{waiting}")
    if len(shown) < len(plan.new_articles):
        write(f"  and {len(plan.new_articles) - len(shown)} more new articles")
    if plan.placeholders:
        write(
            f"  {len(plan.placeholders)} placeholder article(s): their highlights are placed "
            "when you open each (reader URL, or Enter in the library)"
        )
    for notice in plan.notices:
        write(f"  {notice}")
    tense = 0 if dry_run else 1
    parts = [
        f"{_VERBS[outcome][tense]} {counts[outcome]}"
        for outcome in Outcome
        if counts[outcome] or outcome is Outcome.ADDED
    ]
    lead = "would " if dry_run else ""
    write(f"{lead}{', '.join(parts)}" + (" (dry run: nothing was saved)" if dry_run else ""))
    if counts[Outcome.CONFLICT]:
        write(
            "conflicts: both versions are in the note, the other below a line "
            "'--- conflict: the other version ...', tagged conflict (reader review --tag conflict)"
        )
