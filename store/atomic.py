"""Crash-safe file replacement: temp file in the same folder, fsync, os.replace, fsync folder."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

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
    # The pid keeps two processes' temp files apart even if one ignores the store lock.
    tmp = path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")
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


def remove_stale_temps(folder: Path) -> int:
    """Delete temp files left by a killed writer. Call only while holding the store lock."""
    removed = 0
    for tmp in folder.rglob(f".*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed += 1
    return removed
