"""Rolling backups: the version just saved, the one before, then snapshots spaced in time."""

from __future__ import annotations

import os
import time
from pathlib import Path

from reader.records import AnnotationRecord
from store import backups
from store.library import Library

NOTES = Path("notes") / "a.json"


def _save(library: Library, note: str) -> None:
    library.save_annotation(AnnotationRecord(article_id="a", exact="x", start=0, end=1, note=note))


def _notes_in(path: Path) -> str:
    return path.read_text()


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_newest_backup_is_what_was_just_saved_and_the_second_the_version_before(tmp_path: Path):
    library = Library(tmp_path)
    _save(library, "first")
    _save(library, "second")
    newest, before = (backups.backup_path(tmp_path, NOTES, g) for g in (1, 2))
    assert newest.read_bytes() == (tmp_path / NOTES).read_bytes()
    assert "first" in _notes_in(before) and "second" not in _notes_in(before)


def test_older_generations_are_spaced_in_time_and_at_most_keep(tmp_path: Path):
    library = Library(tmp_path)
    _save(library, "v1")
    _save(library, "v2")
    for note in ("v3", "v4"):  # within ROTATE_AFTER of the last snapshot: no new generation
        _save(library, note)
    generations = backups.backups_of(tmp_path, NOTES)
    assert len(generations) == 2 and "v4" in _notes_in(generations[0])
    for i in range(10):
        _age(backups.backup_path(tmp_path, NOTES, 2), backups.ROTATE_AFTER + 1)
        _save(library, f"later {i}")
    generations = backups.backups_of(tmp_path, NOTES)
    assert len(generations) == backups.KEEP
    assert "later 9" in _notes_in(generations[0]) and "later 8" in _notes_in(generations[1])
