"""The library: articles and their annotations in a store folder (layout in store/layout.py).

Every change takes the store's inter-process lock, re-reads the file it changes and replaces
it atomically, so two processes on one store keep each other's changes and a crash at any
moment leaves the last saved state. Reads reuse parsed files until another process replaces
them. A damaged file, or a store of a newer schema, raises a StoreError and is never written.
"""

from __future__ import annotations

import contextlib
import functools
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from tinydb.table import Document

from reader.records import (
    AnnotationRecord,
    AnnotationSummary,
    ArticleRecord,
    now,
    record_problem,
    summaries,
)
from reader.sanitize import strip_credentials
from store.atomic import atomic_write, remove_stale_temps
from store.errors import StoreError
from store.layout import INDEX, LOCK, body_file, notes_file
from store.merge import TOMBSTONES, deleted_elsewhere, merge, tombstone
from store.schema import SCHEMA_VERSION, check_version, meta_table, migrate, text_digest, version_of
from store.storage import (
    Data,
    SafeStorage,
    StoreDB,
    StrIdTable,
    decode,
    open_db,
    storage_of,
    table_of,
    write_all,
)

if TYPE_CHECKING:
    from filelock import FileLock  # imported at the first change: it takes ~10 ms

P = ParamSpec("P")
R = TypeVar("R")


def _os_errors(
    method: Callable[Concatenate[Library, P], R],
) -> Callable[Concatenate[Library, P], R]:
    """An OSError (permissions, disk full...) becomes a one-line StoreError."""

    @functools.wraps(method)
    def wrapper(self: Library, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except OSError as error:
            what = f" {error.filename}" if error.filename else ""
            store_error = StoreError(
                f"store {self.folder}: cannot read or write{what} ({error.strerror or error}); "
                "what was saved before is unchanged"
            )
            store_error.errno = error.errno
            raise store_error from None

    return wrapper


LOCK_TIMEOUT = 30.0
"""Seconds to wait for another process's change before giving up."""


class Library:
    @_os_errors
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock: FileLock | None = None
        self._prepared = False
        self._index = open_db(self.folder / INDEX, self.folder, check_version)
        self._articles = table_of(self._index, "articles")
        self._notes: dict[str, StoreDB] = {}
        self._article_of_note: dict[str, str] = {}
        # Each annotation as this Library last read or wrote it, to tell our changes from
        # another process's (store/merge.py), and the name its deletions are signed with.
        self._seen: dict[str, dict[str, Any]] = {}
        self._seen_articles: dict[str, dict[str, Any]] = {}
        # Stored entries of the wrong shape (a hand-edited or synced file): skipped, never
        # written over, reported (`skipped_records`) and repaired by `reader store restore`.
        self._skipped: dict[tuple[str, str], str] = {}
        self._me = uuid.uuid4().hex
        # Reading takes no lock (every write replaces a whole file), so the lock and its import
        # wait for the first change, which prepares the store; an index that must be migrated
        # first is prepared now. A missing index reads as an empty library until then.
        if self._needs_migration():
            with self._locked():
                pass

    def _needs_migration(self) -> bool:
        path = self.folder / INDEX
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return False
        data = decode(path, raw, self.folder)
        check_version(path, data)  # a store written by a newer reader is refused at once
        return version_of(data) < SCHEMA_VERSION

    def _prepare_index(self) -> None:
        """Create, validate or migrate the index. Holding the lock."""
        path = self.folder / INDEX
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            storage_of(self._index).write({"meta": meta_table(), "articles": {}})
            return
        data = decode(path, raw, self.folder)
        check_version(path, data)
        if migrate(self.folder, raw, data):
            storage_of(self._index).invalidate()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        if self._lock is None:
            self._lock = FileLock(self.folder / LOCK, timeout=LOCK_TIMEOUT)
        try:
            self._lock.acquire()
        except Timeout:
            raise StoreError(
                f"{self.folder}: another reader has held the store lock for "
                f"{LOCK_TIMEOUT:.0f} s; try again"
            ) from None
        try:
            # Whatever we read next must be what is on disk now, not what we cached.
            storage_of(self._index).invalidate()
            if not self._prepared:  # the first change of this session: tidy and prepare
                remove_stale_temps(self.folder)
                self._prepare_index()
                self._prepared = True
            yield
        finally:
            self._lock.release()

    def close(self) -> None:
        self._index.close()
        for db in self._notes.values():
            db.close()
        self._notes.clear()

    # Reading stored entries

    def _table(self, db: StoreDB, name: str) -> dict[str, Any]:
        """A table as stored (not through TinyDB, whose documents must all be objects)."""
        table = (storage_of(db).read() or {}).get(name, {})
        return table if isinstance(table, dict) else {}

    def _usable(
        self, cls: type[ArticleRecord | AnnotationRecord], db: StoreDB, key: str, entry: object
    ) -> dict[str, Any] | None:
        """`entry` if it is a good `cls` record; else None, and it is noted as skipped."""
        problem = record_problem(cls, entry, key)
        if problem:
            where = storage_of(db).path.relative_to(self.folder)
            self._skipped[(str(where), key)] = problem
            return None
        assert isinstance(entry, dict)
        return entry

    def skipped_records(self) -> list[str]:
        """Each stored entry skipped since this Library opened, as "file: id: problem"."""
        return [f"{file}: {key[:40]!r}: {why}" for (file, key), why in self._skipped.items()]

    def skipped_summary(self) -> str:
        """One line on the skipped entries, for the user ("" if none)."""
        skipped = self.skipped_records()
        if not skipped:
            return ""
        more = f" and {len(skipped) - 1} more" if len(skipped) > 1 else ""
        return (
            f"skipped a damaged store record ({skipped[0]}){more}; "
            "`reader store check` lists them, `reader store restore` repairs them"
        )

    def _article_entries(self) -> dict[str, dict[str, Any]]:
        usable = {}
        for key, entry in self._table(self._index, "articles").items():
            found = self._usable(ArticleRecord, self._index, key, entry)
            if found is not None:
                usable[key] = found
        return usable

    def _refuse_damaged(
        self, cls: type[ArticleRecord | AnnotationRecord], db: StoreDB, key: str, entry: object
    ) -> None:
        """Never write over a stored entry of the wrong shape: it may be all that is left."""
        if entry is not None and self._usable(cls, db, key, entry) is None:
            where = storage_of(db).path
            raise StoreError(
                f"{where}: the stored record {key[:40]!r} is damaged "
                f"({self._skipped[(str(where.relative_to(self.folder)), key)]}) and is left as "
                "it is; `reader store check` shows it, `reader store restore` repairs it"
            )

    def _article_record(self, entry: dict[str, Any]) -> ArticleRecord:
        record = ArticleRecord.from_dict(entry)
        # An older reader kept a URL's password; it is never shown (and dropped when saved).
        record.source = strip_credentials(record.source)
        return record

    # Settings

    @_os_errors
    def color_meanings(self) -> dict[str, str]:
        """What the user said each highlight colour means ("yellow": "important")."""
        entry = self._table(self._index, "settings").get("color_meanings")
        if not isinstance(entry, dict):
            return {}
        return {
            color: meaning
            for color, meaning in entry.items()
            if isinstance(color, str) and isinstance(meaning, str) and meaning
        }

    @_os_errors
    def set_color_meaning(self, color: str, meaning: str) -> None:
        with self._locked():
            settings = table_of(self._index, "settings")
            stored = self._table(self._index, "settings").get("color_meanings")
            entry = dict(stored) if isinstance(stored, dict) else {}
            entry[color] = " ".join(meaning.split())
            settings.put("color_meanings", entry)

    # Articles

    @_os_errors
    def article(self, article_id: str) -> ArticleRecord | None:
        """The article with its cleaned text, or None (also if its entry is damaged)."""
        stored = self._table(self._index, "articles").get(article_id)
        if stored is None:
            return None
        entry = self._usable(ArticleRecord, self._index, article_id, stored)
        if entry is None:
            return None
        self._seen_articles[article_id] = entry
        record = self._article_record(entry)
        with contextlib.suppress(FileNotFoundError):
            record.text = (self.folder / body_file(article_id)).read_text(encoding="utf-8")
        return record

    @_os_errors
    def articles(self) -> list[ArticleRecord]:
        """Every article, last opened first, without their texts (see `article`)."""
        records = []
        for key, entry in self._article_entries().items():
            self._seen_articles[key] = entry
            records.append(self._article_record(entry))
        return sorted(records, key=lambda r: r.last_opened, reverse=True)

    @_os_errors
    def save_article(self, record: ArticleRecord) -> None:
        """Add or update an article. An empty `text` keeps the stored body.

        Fields another process changed since this Library read the article (and this save
        does not change) keep that process's value (store/merge.py).
        """
        ours = record.to_dict()
        text = ours.pop("text")
        with self._locked():
            stored = self._table(self._index, "articles").get(record.id)
            self._refuse_damaged(ArticleRecord, self._index, record.id, stored)
            old = stored or {}
            entry = merge(self._seen_articles.get(record.id), ours, old or None)
            old_sha = str(old.get("body_sha", ""))
            entry["body_sha"] = old_sha
            if text:
                sha = text_digest(text)
                body = self.folder / body_file(record.id)
                if sha != old_sha or not body.exists():
                    atomic_write(body, text.encode())
                entry["body_sha"] = sha
            self._articles.put(record.id, entry)
        self._seen_articles[record.id] = entry

    @_os_errors
    def add_articles(self, records: list[ArticleRecord]) -> None:
        """Add articles this store does not have yet, in one write of the index (an import
        brings hundreds); one already here (another process added it) is left as it is."""
        with self._locked():
            entries: list[dict[str, Any]] = []
            stored = self._table(self._index, "articles")
            for record in {r.id: r for r in records}.values():
                if record.id in stored:  # a damaged entry too: it is never written over
                    continue
                entry = record.to_dict()
                text = entry.pop("text")
                entry["body_sha"] = ""
                if text:
                    atomic_write(self.folder / body_file(record.id), text.encode())
                    entry["body_sha"] = text_digest(text)
                entries.append(entry)
            if entries:
                self._articles.insert_multiple(
                    [Document(entry, doc_id=entry["id"]) for entry in entries]
                )
        for entry in entries:
            self._seen_articles[entry["id"]] = entry

    @_os_errors
    def delete_article(self, article_id: str) -> None:
        """Remove an article, its notes and its text (their backups stay in backups/)."""
        with self._locked():
            self._articles.drop(article_id)
            storage_of(self._notes_db(article_id)).remove()
            with contextlib.suppress(FileNotFoundError):
                (self.folder / body_file(article_id)).unlink()

    # Annotations

    def _notes_db(self, article_id: str) -> StoreDB:
        db = self._notes.get(article_id)
        if db is None:
            db = open_db(self.folder / notes_file(article_id), self.folder)
            self._notes[article_id] = db
        return db

    def _notes_table(self, article_id: str) -> StrIdTable:
        return table_of(self._notes_db(article_id), "annotations")

    @_os_errors
    def annotations(self, article_id: str) -> list[AnnotationRecord]:
        """The article's annotations in text order."""
        records = []
        db = self._notes_db(article_id)
        for key, stored in self._table(db, "annotations").items():
            entry = self._usable(AnnotationRecord, db, key, stored)
            if entry is None:
                continue
            record = AnnotationRecord.from_dict(entry)
            self._seen[record.id] = entry
            self._article_of_note[record.id] = article_id
            records.append(record)
        return sorted(records, key=lambda a: (a.start, a.end))

    @_os_errors
    def annotation_summaries(self) -> list[AnnotationSummary]:
        """Every annotation of every article, summed up (records are read per article
        with `annotations` when needed): ten times quicker than `all_annotations`."""
        found: list[AnnotationSummary] = []
        for doc in self._articles.all():
            article_id = str(doc.doc_id)
            found += summaries(article_id, self._table(self._notes_db(article_id), "annotations"))
        return found

    def _change_notes(
        self,
        article_id: str,
        change: Callable[[dict[str, dict[str, Any]], dict[str, Any]], R],
    ) -> R:
        """Apply `change(annotations, tombstones)` to the notes file as it is on disk now,
        and write it back once, holding the lock. Returns what `change` returned."""
        with self._locked():
            storage, data, result = self._changed_notes(article_id, change)
            storage.write(data)
        return result

    def _changed_notes(
        self,
        article_id: str,
        change: Callable[[dict[str, dict[str, Any]], dict[str, Any]], R],
    ) -> tuple[SafeStorage, Data, R]:
        """The article's notes file as on disk now with `change` applied, to be written.
        Holding the lock."""
        storage = storage_of(self._notes_db(article_id))
        storage.invalidate()
        data = storage.read() or {}
        notes = dict(data.get("annotations", {}))
        stones = dict(data.get(TOMBSTONES, {}))
        result = change(notes, stones)
        data["annotations"] = notes
        if stones:
            data[TOMBSTONES] = stones
        return storage, data, result

    def _merge_into(
        self,
        notes: dict[str, dict[str, Any]],
        stones: dict[str, Any],
        records: list[AnnotationRecord],
        undelete: frozenset[str] = frozenset(),
    ) -> list[AnnotationRecord]:
        """Put `records` into `notes`, merged with what another process saved (store/merge.py);
        those another process deleted are left out (but those in `undelete`). Returns the
        ones saved, as saved."""
        saved = []
        for record in records:
            if deleted_elsewhere(stones, record.id, self._me) and record.id not in undelete:
                continue
            self._refuse_damaged(
                AnnotationRecord, self._notes_db(record.article_id), record.id, notes.get(record.id)
            )
            stones.pop(record.id, None)
            entry = merge(self._seen.get(record.id), record.to_dict(), notes.get(record.id))
            notes[record.id] = entry
            saved.append(AnnotationRecord.from_dict(entry))
        return saved

    @_os_errors
    def save_annotation(self, record: AnnotationRecord) -> AnnotationRecord | None:
        """Add or update an annotation (its `updated` time is set now).

        Returns it as saved: with the fields another process changed meanwhile (and we did
        not) taken from that process; None if another process deleted it (it stays deleted).
        """
        record.updated = now()
        saved = self.save_annotations([record], touch=False)
        return saved[0] if saved else None

    @_os_errors
    def save_annotations(
        self,
        records: list[AnnotationRecord],
        touch: bool = True,
        undelete: frozenset[str] = frozenset(),
    ) -> list[AnnotationRecord]:
        """Add or update many annotations with one write per article's notes file (their
        `updated` time is set now, unless `touch` is False: a change the user did not make).

        Returns those saved, as saved (see `save_annotation`); any another process deleted
        are left out, but those whose ids are in `undelete` (an import bringing back one
        changed elsewhere after it was deleted here)."""
        by_article: dict[str, list[AnnotationRecord]] = {}
        for record in records:
            if touch:
                record.updated = now()
            by_article.setdefault(record.article_id, []).append(record)
        saved: list[AnnotationRecord] = []
        writes: list[tuple[SafeStorage, Data]] = []
        done: dict[str, list[AnnotationRecord]] = {}
        # One lock and one flush to disk for all the files (an import writes hundreds).
        with self._locked():
            for article_id, batch in by_article.items():
                storage, data, done[article_id] = self._changed_notes(
                    article_id,
                    functools.partial(self._merge_into, records=batch, undelete=undelete),
                )
                writes.append((storage, data))
            if writes:
                write_all(writes)
        for article_id, records_saved in done.items():
            for record in records_saved:
                self._seen[record.id] = record.to_dict()
                self._article_of_note[record.id] = article_id
            saved.extend(records_saved)
        return saved

    @_os_errors
    def delete_annotation(self, annotation_id: str) -> None:
        """Remove an annotation; a stale copy in another process cannot bring it back."""
        article_id = self._article_of_note.get(annotation_id)
        if article_id is None:
            found = next((a for a in self.all_annotations() if a.id == annotation_id), None)
            if found is None:
                return
            article_id = found.article_id

        def drop(notes: dict[str, Any], stones: dict[str, Any]) -> None:
            notes.pop(annotation_id, None)
            stones[annotation_id] = tombstone(now(), self._me)

        self._change_notes(article_id, drop)
        self._article_of_note.pop(annotation_id, None)

    @_os_errors
    def deletions(self, article_id: str) -> dict[str, str]:
        """When each annotation of the article deleted in this store was deleted, by id."""
        data = storage_of(self._notes_db(article_id)).read() or {}
        stones = data.get(TOMBSTONES, {})
        return {
            str(key): str(stone.get("deleted", ""))
            for key, stone in stones.items()
            if isinstance(stone, dict)
        }

    # Across the library

    @_os_errors
    def annotation_count(self, article_id: str) -> int:
        """Number of annotations of an article, without parsing its notes when possible."""
        try:
            raw = (self.folder / notes_file(article_id)).read_bytes()
        except FileNotFoundError:
            return 0
        # A file this store wrote (compact JSON, one table) has one `"article_id":` per
        # record: inside a JSON string that quote would be escaped. Opening the library
        # counts every article's notes, and parsing them all would cost ~10x more.
        if raw.startswith(b'{"annotations":{') and raw.endswith(b"}}"):
            return raw.count(b'"article_id":')
        return len(self._notes_table(article_id))

    @_os_errors
    def annotation_counts(self) -> dict[str, int]:
        """Number of annotations of each article."""
        return {key: self.annotation_count(key) for key in self._article_entries()}

    @_os_errors
    def all_annotations(self) -> list[AnnotationRecord]:
        """Every annotation, grouped by article (last opened first), in text order."""
        return [note for record in self.articles() for note in self.annotations(record.id)]

    @_os_errors
    def search(self, query: str) -> list[AnnotationRecord]:
        """Annotations whose quote, note or tags contain every word of `query` (any case)."""
        words = query.casefold().split()
        hits = []
        for note in self.all_annotations():
            haystack = " ".join([note.exact, note.note, *note.tags]).casefold()
            if all(word in haystack for word in words):
                hits.append(note)
        return hits

    @_os_errors
    def find_article(self, reference: str) -> ArticleRecord | None:
        """An article by id, or by the unique id prefix someone typed."""
        found = self.article(reference)
        if found is not None or len(reference) < 4:
            return found
        matches = [key for key in self._article_entries() if key.startswith(reference)]
        return self.article(str(matches[0])) if len(matches) == 1 else None
