"""A store of the first schema (one library.json, as the first release wrote it) migrates."""

from __future__ import annotations

import json
from pathlib import Path

from tinydb import TinyDB

from reader.records import AnnotationRecord, ArticleRecord
from store.library import Library
from store.schema import SCHEMA_VERSION


def _first_schema_store(folder: Path) -> list[AnnotationRecord]:
    """What the first Library wrote: plain TinyDB, tables `articles` and `annotations`."""
    folder.mkdir()
    db = TinyDB(folder / "library.json")
    articles, annotations = db.table("articles"), db.table("annotations")
    articles.insert(
        ArticleRecord(
            id="a1", title="First", source="/a1.txt", position=120, text="# First\n\nBody one."
        ).to_dict()
    )
    articles.insert(ArticleRecord(id="a2", title="Second", source="/a2.txt").to_dict())
    notes = [
        AnnotationRecord(article_id="a1", exact="Body", start=0, end=4, note="n1", tags=["x"]),
        AnnotationRecord(article_id="a1", exact="one", start=5, end=8, color="green"),
        AnnotationRecord(article_id="a2", exact="two", start=1, end=4),
        AnnotationRecord(article_id="gone", exact="orphan", start=0, end=6, note="keep me"),
    ]
    for note in notes:
        annotations.insert(note.to_dict())
    db.close()
    return notes


def test_first_schema_store_migrates_with_every_note(tmp_path: Path):
    folder = tmp_path / "store"
    notes = _first_schema_store(folder)
    old_index = (folder / "library.json").read_bytes()

    library = Library(folder)
    article = library.article("a1")
    assert article is not None
    assert (article.title, article.position, article.text) == ("First", 120, "# First\n\nBody one.")
    kept = {n.id: n for n in library.all_annotations()}
    assert kept == {n.id: n for n in notes}
    # The note whose article was missing is reachable under a placeholder article.
    assert library.article("gone") is not None
    library.close()

    data = json.loads((folder / "library.json").read_text())
    assert data["meta"]["schema"]["version"] == SCHEMA_VERSION
    assert (folder / "backups" / "library.json.v1").read_bytes() == old_index


def test_migrated_store_reopens_without_migrating_again(tmp_path: Path):
    folder = tmp_path / "store"
    _first_schema_store(folder)
    Library(folder).save_annotation(
        AnnotationRecord(article_id="a2", exact="new", start=0, end=3, note="after")
    )
    library = Library(folder)
    assert sorted(n.note for n in library.annotations("a2")) == ["", "after"]
    assert {a.id for a in library.articles()} == {"a1", "a2", "gone"}


def _second_schema_store(folder: Path) -> dict[str, bytes]:
    """A store as the schema-2 Library wrote it: an index, a body, notes without the fields
    schema 3 added, and a deletion's tombstone. Returns each file's bytes."""
    import orjson

    folder.mkdir()
    files: dict[str, bytes] = {}
    article = ArticleRecord(id="a1", title="First", source="/a1.txt").to_dict()
    del article["text"]
    article["body_sha"] = ""
    files["library.json"] = orjson.dumps(
        {"meta": {"schema": {"version": 2}}, "articles": {"a1": article}}
    )
    notes = {}
    for note in (
        AnnotationRecord(article_id="a1", exact="Body", start=0, end=4, note="n1", tags=["x"]),
        AnnotationRecord(article_id="a1", exact="one", start=5, end=8, color="green"),
    ):
        entry = note.to_dict()
        del entry["reviewed"], entry["synced"]
        notes[note.id] = entry
    tombstones = {"gone-id": {"deleted": "2026-01-01T00:00:00+00:00", "by": "x"}}
    files["notes/a1.json"] = orjson.dumps({"annotations": notes, "deleted": tombstones})
    for name, raw in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(raw)
    return files


def test_second_schema_store_migrates_to_the_review_fields(tmp_path: Path):
    folder = tmp_path / "store"
    files = _second_schema_store(folder)

    library = Library(folder)
    notes = library.annotations("a1")
    assert [(n.note, n.color, n.reviewed, n.synced) for n in notes] == [
        ("n1", "yellow", "", ""),
        ("", "green", "", ""),
    ]
    # The notes file is valid as it is: not rewritten.
    assert (folder / "notes/a1.json").read_bytes() == files["notes/a1.json"]
    data = json.loads((folder / "library.json").read_text())
    assert data["meta"]["schema"]["version"] == SCHEMA_VERSION == 3
    assert data["articles"]["a1"]["title"] == "First"
    assert (folder / "backups" / "library.json.v2").read_bytes() == files["library.json"]

    # The new field is kept, and the deletion stays deleted.
    notes[0].reviewed = "2026-12-01T09:00:00+00:00"
    library.save_annotations([notes[0]], touch=False)
    library.close()
    again = Library(folder)
    assert [n.reviewed for n in again.annotations("a1")] == ["2026-12-01T09:00:00+00:00", ""]
    assert "gone-id" in json.loads((folder / "notes/a1.json").read_text())["deleted"]
