"""Many files written at once (an import): each old or new, never a mix, and no temp left."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.records import AnnotationRecord
from store.atomic import MANY, atomic_write_many
from store.library import Library


def test_all_files_are_replaced_or_none(tmp_path: Path):
    paths = [tmp_path / "notes" / f"{n}.json" for n in range(MANY + 2)]
    for path in paths[:3]:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"old")
    atomic_write_many([(path, b"new %d" % n) for n, path in enumerate(paths)])
    assert [p.read_bytes() for p in paths] == [b"new %d" % n for n in range(len(paths))]

    # A file that cannot be written (its folder is a file): nothing is replaced.
    (tmp_path / "blocked").write_bytes(b"a file, not a folder")
    with pytest.raises(OSError):
        atomic_write_many([(paths[0], b"newer"), (tmp_path / "blocked" / "x.json", b"x")])
    assert paths[0].read_bytes() == b"new 0"
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_saving_notes_of_many_articles_keeps_every_one(tmp_path: Path):
    library = Library(tmp_path / "store")
    notes = [
        AnnotationRecord(article_id=f"a{n % 40}", exact="q", start=0, end=1, note=str(n))
        for n in range(400)
    ]
    library.save_annotations(notes)
    library.close()
    again = Library(tmp_path / "store")
    assert sorted(int(n.note) for a in range(40) for n in again.annotations(f"a{a}")) == list(
        range(400)
    )
    # Each file has its backup, as a single save would leave it.
    assert len(list((tmp_path / "store" / "backups" / "notes").glob("*.json.1"))) == 40
