"""A TinyDB storage that never leaves a half-written file and notices other processes' writes.

Writes go through `atomic_write` and then into the rolling backups. Reads keep the parsed
data and reuse it while the file's identity (inode, size, mtime, ctime) is unchanged, so a
store shared by two processes is re-read as soon as the other one writes. Callers hold the
store lock around each read-modify-write and call `invalidate()` after taking it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from store import backups
from store.atomic import atomic_write, atomic_write_many
from store.errors import DamagedStoreError

Data = dict[str, dict[str, Any]]
Validator = Callable[[Path, Data], None]
"""Raises a StoreError if data that parsed is still not usable (e.g. a newer schema)."""

_Stamp = tuple[int, int, int, int]


def _stamp(path: Path) -> _Stamp | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def encode(data: Data) -> bytes:
    # orjson: opening a library parses every notes file, ~4x faster than the json module.
    return orjson.dumps(data)


def decode(path: Path, raw: bytes, store: Path) -> Data:
    """Parse a store file, or raise DamagedStoreError naming its backups."""
    reason = ""
    data: Any = None
    if not raw.strip():
        reason = "empty"
    else:
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            reason = f"not valid JSON: {str(error).split(':')[0]}"
    if not reason and not (
        isinstance(data, dict) and all(isinstance(table, dict) for table in data.values())
    ):
        reason = "not a TinyDB table file"
    if reason:
        # A file named from outside the store (`store restore --from`) has no backups.
        inside = path.is_relative_to(store)
        found = backups.backups_of(store, path.relative_to(store)) if inside else []
        raise DamagedStoreError(path, reason, found)
    return data  # type: ignore[no-any-return]


class SafeStorage(Storage):
    """TinyDB storage over one JSON file of a store folder."""

    def __init__(self, path: Path, store: Path, validate: Validator | None = None) -> None:
        self.path = path
        self.store = store
        self.validate = validate
        self._data: Data | None = None
        self._stamp: _Stamp | None = None

    def invalidate(self) -> None:
        """Forget the cached data: the next read goes to the file."""
        self._data = None
        self._stamp = None

    def read(self) -> Data | None:
        stamp = _stamp(self.path)
        if stamp is None:
            self._data, self._stamp = None, None
            return None
        if self._data is None or stamp != self._stamp:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                self.invalidate()
                return None
            data = decode(self.path, raw, self.store)
            if self.validate is not None:
                self.validate(self.path, data)
            self._data, self._stamp = data, stamp
        # TinyDB replaces whole tables in the dict it is given: hand out a shallow copy.
        return dict(self._data)

    def write(self, data: Data) -> None:
        raw = encode(data)
        try:
            atomic_write(self.path, raw)
        except BaseException:
            # TinyDB may have changed cached documents in place before writing.
            self.invalidate()
            raise
        self.written(data, raw)

    def written(self, data: Data, raw: bytes) -> None:
        """`data` (encoded as `raw`) is now the file's: keep it as read, and back it up."""
        self._data, self._stamp = data, _stamp(self.path)
        backups.keep(self.store, self.path.relative_to(self.store), raw)

    def remove(self) -> None:
        """Delete the file (its backups stay)."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.invalidate()

    def close(self) -> None:
        self.invalidate()


def write_all(writes: Sequence[tuple[SafeStorage, Data]]) -> None:
    """Write several files of one store (holding its lock), each replaced atomically and all
    flushed to disk together (store.atomic.atomic_write_many)."""
    if len(writes) == 1:
        storage, data = writes[0]
        storage.write(data)
        return
    encoded = [(storage, data, encode(data)) for storage, data in writes]
    try:
        atomic_write_many([(storage.path, raw) for storage, _, raw in encoded])
    except BaseException:
        for storage, _, _ in encoded:
            storage.invalidate()
        raise
    for storage, data, raw in encoded:
        storage.written(data, raw)


class StrIdTable(Table):
    """A table keyed by the records' own string ids instead of TinyDB's counters.

    (TinyDB's annotations say ids are ints; the ignores below are that one mismatch.)
    """

    document_id_class = str  # type: ignore[assignment]

    def put(self, record_id: str, record: dict[str, Any]) -> None:
        """Insert or replace the record stored under `record_id`."""
        # Not `upsert`: for a new id it would write the file twice (update, then insert).
        if self.contains(doc_id=record_id):  # type: ignore[arg-type]
            self.update(record, doc_ids=[record_id])  # type: ignore[list-item]
        else:
            self.insert(Document(record, doc_id=record_id))  # type: ignore[arg-type]

    def fetch(self, record_id: str) -> dict[str, Any] | None:
        found = self.get(doc_id=record_id)  # type: ignore[call-overload]
        return dict(found) if isinstance(found, dict) else None

    def drop(self, record_id: str) -> None:
        """Remove the record if it is there."""
        if self.contains(doc_id=record_id):  # type: ignore[arg-type]
            self.remove(doc_ids=[record_id])  # type: ignore[list-item]


class StoreDB(TinyDB):
    table_class = StrIdTable


def open_db(path: Path, store: Path, validate: Validator | None = None) -> StoreDB:
    return StoreDB(path, store, validate, storage=SafeStorage)


def table_of(db: TinyDB, name: str) -> StrIdTable:
    """A table of `db` without TinyDB's query cache (another process may change the file)."""
    table = db.table(name, cache_size=0)
    assert isinstance(table, StrIdTable)
    return table


def storage_of(db: TinyDB) -> SafeStorage:
    storage = db.storage
    assert isinstance(storage, SafeStorage)
    return storage
