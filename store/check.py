"""Inspect a store without opening it as a Library, and put good backups back."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from reader.records import AnnotationRecord, ArticleRecord, record_problem
from store import backups
from store.atomic import atomic_write
from store.errors import DamagedStoreError, StoreError
from store.layout import INDEX, LOCK, NOTES, is_store_file
from store.schema import SCHEMA_VERSION, version_of
from store.storage import Data, decode, encode


@dataclass
class FileState:
    """What is wrong with one store file, if anything."""

    path: Path
    """Relative to the store folder."""
    problem: str = ""
    """"" when it is fine; else "damaged: ...", "newer schema N", "missing" or "N records of
    the wrong shape: ..." (the file reads, but those records are skipped)."""
    bad_records: dict[str, str] = field(default_factory=dict)
    """Key -> what is wrong with it, for each record of the wrong shape."""
    annotations: int = 0
    backups: list[tuple[Path, str]] = field(default_factory=list)
    """Each backup (absolute path) with its own problem ("" when usable)."""

    @property
    def ok(self) -> bool:
        return not self.problem


def _problem(store: Path, path: Path, raw: bytes, index: bool) -> tuple[str, int]:
    problem, count, bad = _examine(store, path, raw, index)
    return problem or _bad_records(bad), count


def _examine(store: Path, path: Path, raw: bytes, index: bool) -> tuple[str, int, dict[str, str]]:
    """(whole-file problem, number of records, records of the wrong shape)."""
    try:
        data = decode(path, raw, store)
    except DamagedStoreError as error:
        return f"damaged: {error.reason}", 0, {}
    if index:
        found = version_of(data)
        if found > SCHEMA_VERSION:
            return f"newer schema {found} (this reader knows {SCHEMA_VERSION})", 0, {}
    table, cls = _records_of(data, index)
    bad = {key: why for key, entry in table.items() if (why := record_problem(cls, entry, key))}
    return "", len(table) - len(bad), bad


def _records_of(
    data: Data, index: bool
) -> tuple[dict[str, Any], type[ArticleRecord | AnnotationRecord]]:
    if index:
        return data.get("articles", {}), ArticleRecord
    return data.get("annotations", {}), AnnotationRecord


def _bad_records(bad: dict[str, str]) -> str:
    if not bad:
        return ""
    shown = "; ".join(f"{key[:40]!r}: {why}" for key, why in list(bad.items())[:3])
    more = f"; and {len(bad) - 3} more" if len(bad) > 3 else ""
    return f"{len(bad)} records of the wrong shape (skipped when read): {shown}{more}"


def inspect(store: Path, relative: Path) -> FileState:
    path = store / relative
    index = relative == INDEX
    state = FileState(relative)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        state.problem = "missing"
    else:
        problem, state.annotations, state.bad_records = _examine(store, path, raw, index)
        state.problem = problem or _bad_records(state.bad_records)
    for backup in backups.backups_of(store, relative):
        try:
            verdict, _ = _problem(store, backup, backup.read_bytes(), index)
        except OSError as error:
            verdict = f"unreadable: {error.strerror}"
        state.backups.append((backup, verdict))
    return state


def store_files(store: Path) -> list[Path]:
    """The store's JSON files, index first, relative to the store (live or only backed up)."""
    live = {p.relative_to(store) for p in (store / NOTES).glob("*.json")}
    return [INDEX, *sorted(live)]


def check(store: Path) -> list[FileState]:
    """The state of every JSON file of the store."""
    if not store.exists():
        raise StoreError(f"{store}: no store there")
    return [inspect(store, relative) for relative in store_files(store)]


@dataclass(frozen=True)
class Restored:
    path: Path
    backup: Path
    kept_aside: Path | None
    detail: str = ""
    """For a repair of single records: what became of them."""


def restore(
    store: Path, relative: Path | None = None, backup: Path | None = None
) -> list[Restored]:
    """Replace damaged files by their newest usable backup (or `relative` by `backup`).

    The replaced file is moved to backups/ as `<name>.replaced-<time>`, never deleted.
    A file of a newer schema is replaced only when a backup is named explicitly.
    """
    if relative is not None and not is_store_file(relative):
        raise StoreError(
            f"{relative}: not a file of the store (library.json or notes/<article>.json); "
            "nothing else in its folder is touched"
        )
    lock = FileLock(store / LOCK, timeout=30)
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(f"{store}: the store is busy (locked by another reader)") from None
    try:
        if relative is not None and backup is not None:
            return [_put_back(store, relative, backup)]
        done: list[Restored] = []
        for state in check(store):
            if relative is not None and state.path != relative:
                continue
            if state.ok:
                continue
            if state.bad_records:
                done.append(_repair_records(store, state))
                continue
            if state.problem.startswith("newer schema"):
                raise StoreError(
                    f"{store / state.path} is from a newer reader ({state.problem}): upgrade "
                    f"reader, or name a backup with --from to go back to it"
                )
            usable = [b for b, verdict in state.backups if not verdict and ".v" not in b.suffix]
            if not usable:
                raise StoreError(f"{store / state.path} is {state.problem} and has no good backup")
            done.append(_put_back(store, state.path, usable[0]))
        return done
    finally:
        lock.release()


def _put_back(store: Path, relative: Path, backup: Path) -> Restored:
    try:
        raw = backup.read_bytes()
    except OSError as error:
        raise StoreError(f"{backup}: cannot read ({error.strerror})") from None
    problem, _ = _problem(store, backup, raw, relative == INDEX)
    if problem:
        raise StoreError(f"{backup} is not a usable backup ({problem})")
    return Restored(relative, backup, _replace(store, relative, raw))


def _replace(store: Path, relative: Path, raw: bytes) -> Path | None:
    """Put `raw` in place of `store/relative`, the old file moved to backups/ (returned)."""
    target = store / relative
    aside: Path | None = None
    if target.exists():
        stamp = time.strftime("%Y%m%dT%H%M%S")
        aside = store / backups.FOLDER / relative.parent / f"{relative.name}.replaced-{stamp}"
        serial = 1
        while aside.exists():  # a second restore within the second keeps the first aside
            serial += 1
            aside = aside.with_name(f"{relative.name}.replaced-{stamp}-{serial}")
        aside.parent.mkdir(parents=True, exist_ok=True)
        os.replace(target, aside)
    atomic_write(target, raw)
    return aside


def _repair_records(store: Path, state: FileState) -> Restored:
    """Each record of the wrong shape replaced by its newest good copy in the backups, or
    left out if no backup has one; the file as it was is kept in backups/."""
    path = store / state.path
    index = state.path == INDEX
    data = decode(path, path.read_bytes(), store)
    table, cls = _records_of(data, index)
    repaired = dict(table)
    source: Path | None = None
    taken = 0
    for key in state.bad_records:
        repaired.pop(key)
        for backup, verdict in state.backups:
            if verdict.startswith(("damaged", "newer", "unreadable")) or ".v" in backup.suffix:
                continue
            older, _ = _records_of(decode(backup, backup.read_bytes(), store), index)
            if key in older and not record_problem(cls, older[key], key):
                repaired[key] = older[key]
                source = source or backup
                taken += 1
                break
    data[("articles" if index else "annotations")] = repaired
    raw = encode(data)
    aside = _replace(store, state.path, raw)
    backups.keep(store, state.path, raw)
    left_out = len(state.bad_records) - taken
    detail = f"{taken} damaged records taken from the backups, {left_out} left out"
    return Restored(state.path, source or path, aside, detail)
