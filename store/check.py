"""Inspect a store without opening it as a Library, and put good backups back."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from store import backups
from store.atomic import atomic_write
from store.errors import DamagedStoreError, StoreError
from store.layout import INDEX, LOCK, NOTES, is_store_file
from store.schema import SCHEMA_VERSION, version_of
from store.storage import decode


@dataclass
class FileState:
    """What is wrong with one store file, if anything."""

    path: Path
    """Relative to the store folder."""
    problem: str = ""
    """"" when it is fine; else "damaged: ...", "newer schema N" or "missing"."""
    annotations: int = 0
    backups: list[tuple[Path, str]] = field(default_factory=list)
    """Each backup (absolute path) with its own problem ("" when usable)."""

    @property
    def ok(self) -> bool:
        return not self.problem


def _problem(store: Path, path: Path, raw: bytes, index: bool) -> tuple[str, int]:
    try:
        data = decode(path, raw, store)
    except DamagedStoreError as error:
        return f"damaged: {error.reason}", 0
    if index:
        found = version_of(data)
        if found > SCHEMA_VERSION:
            return f"newer schema {found} (this reader knows {SCHEMA_VERSION})", 0
        return "", len(data.get("articles", {}))
    return "", len(data.get("annotations", {}))


def inspect(store: Path, relative: Path) -> FileState:
    path = store / relative
    index = relative == INDEX
    state = FileState(relative)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        state.problem = "missing"
    else:
        state.problem, state.annotations = _problem(store, path, raw, index)
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
    return Restored(relative, backup, aside)
