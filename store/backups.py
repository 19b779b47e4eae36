"""Rolling backups of the store's JSON files, in `<store>/backups/`.

After each write, `<name>.1` holds a copy of what was just written (so a file damaged later,
by a disk error or another program, loses nothing). The older generations `<name>.2` ...
`<name>.<KEEP>` are snapshots at least ROTATE_AFTER apart: when `<name>.2` is older than that
(or missing), every generation moves down one before `<name>.1` is rewritten. Steady saving
thus keeps the previous version, then one per ROTATE_AFTER.
"""

from __future__ import annotations

import contextlib
import math
import os
import time
from pathlib import Path

from store.atomic import atomic_write

FOLDER = "backups"
KEEP = 5
ROTATE_AFTER = 600.0
"""Seconds between the snapshots kept as generations 2 and older."""


def backup_path(store: Path, relative: Path, generation: int) -> Path:
    return store / FOLDER / relative.parent / f"{relative.name}.{generation}"


def keep(store: Path, relative: Path, data: bytes) -> None:
    """Record `data` (just written to `store/relative`) as the newest backup.

    Best effort: the live file is already saved, so a failure here (disk full) is not one of
    the save; `reader store check` shows which backups exist.
    """
    with contextlib.suppress(OSError):
        _keep(store, relative, data)


def _keep(store: Path, relative: Path, data: bytes) -> None:
    newest = backup_path(store, relative, 1)
    try:
        age = time.time() - backup_path(store, relative, 2).stat().st_mtime
    except FileNotFoundError:
        age = math.inf if newest.exists() else 0.0
    if age > ROTATE_AFTER:
        for generation in range(KEEP - 1, 0, -1):
            with contextlib.suppress(FileNotFoundError):
                os.replace(
                    backup_path(store, relative, generation),
                    backup_path(store, relative, generation + 1),
                )
    # Backups are a second copy: the live file is already durable, so skip the folder fsync.
    atomic_write(newest, data, durable=False)


def backups_of(store: Path, relative: Path) -> list[Path]:
    """Existing backups of `store/relative`, newest first."""
    found = [backup_path(store, relative, g) for g in range(1, KEEP + 1)]
    extra = sorted((store / FOLDER / relative.parent).glob(f"{relative.name}.v*"))
    return [p for p in found if p.exists()] + extra
