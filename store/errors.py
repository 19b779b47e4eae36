"""Store failures a user sees as one line (exit status 2)."""

from __future__ import annotations

from pathlib import Path

from reader.errors import ReaderError


class StoreError(ReaderError):
    """The store cannot be used as it is; nothing was written."""


def _backup_hint(path: Path, backups: list[Path]) -> str:
    names = ", ".join(str(b) for b in backups[:3]) if backups else "none"
    return (
        f"it was left untouched; backups: {names}; "
        f"see `reader store check` and `reader store restore`"
    )


class DamagedStoreError(StoreError):
    """A store file does not parse (truncated, garbage, wrong shape)."""

    def __init__(self, path: Path, reason: str, backups: list[Path]) -> None:
        self.path = path
        self.reason = reason
        self.backups = backups
        super().__init__(f"{path} is damaged ({reason}); {_backup_hint(path, backups)}")


class NewerSchemaError(StoreError):
    """The store was written by a newer reader; this one must not touch it."""

    def __init__(self, path: Path, found: int, known: int, backups: list[Path]) -> None:
        self.path = path
        self.backups = backups
        super().__init__(
            f"{path} has store schema {found}, newer than this reader knows ({known}): "
            f"upgrade reader; {_backup_hint(path, backups)}"
        )
