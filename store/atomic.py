"""Crash-safe file replacement: temp file in the same folder, fsync, os.replace, fsync folder."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from store.layout import OWNED, is_own_temp

TMP_SUFFIX = ".tmp"


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace `path` with `data` so a reader or a crash sees the old or the new bytes, never a mix.

    With `durable` the data and the rename are fsynced before returning.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path)
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        fsync_dir(path.parent)


MANY = 8
"""From this many files on, `atomic_write_many` flushes them with one sync."""


def atomic_write_many(files: Sequence[tuple[Path, bytes]]) -> None:
    """Replace several files, each as `atomic_write` would, flushed to disk together.

    Every file's new bytes go to its temp file and are made durable before any is renamed
    into place, so a crash leaves each file old or new, never a mix; on Linux one sync does
    for all (an fsync per file costs a journal commit each: an import writes hundreds).
    """
    paths = [path for path, _ in files]
    if len(set(paths)) != len(paths):
        raise ValueError("atomic_write_many: a file named twice")
    temps: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = temp_path(path)
            temps.append((tmp, path))
            with open(tmp, "wb") as handle:
                handle.write(data)
        if len(temps) >= MANY and sys.platform.startswith("linux"):
            os.sync()
        else:
            for tmp, _ in temps:
                _fsync_file(tmp)
        for tmp, path in temps:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in temps:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    for folder in dict.fromkeys(path.parent for path in paths):
        fsync_dir(folder)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path(path: Path) -> Path:
    """The temp file `atomic_write` fills before renaming it over `path`."""
    # The pid keeps two processes' temp files apart even if one ignores the store lock.
    return path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")


def remove_stale_temps(store: Path) -> int:
    """Delete temp files a killed writer of this store left. Call holding the store lock.

    Only in the folders the store writes, and only names `atomic_write` gives its temp files
    for the store's own files: a user's `.draft.tmp` beside the store is theirs.
    """
    removed = 0
    for folder in OWNED:
        try:
            names = os.listdir(store / folder)
        except OSError:
            continue
        for name in names:
            if is_own_temp(folder, name):
                with contextlib.suppress(OSError):
                    (store / folder / name).unlink()
                    removed += 1
    return removed
