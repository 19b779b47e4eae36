"""Crash-safe file replacement: temp file in the same folder, fsync, os.replace, fsync folder."""

from __future__ import annotations

import contextlib
import os
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
