"""The Library API: saving, reading back, and two open libraries on one store."""

from pathlib import Path

from reader.records import AnnotationRecord, ArticleRecord
from store.library import Library


def _article(article_id: str = "a1", text: str = "Hello brave new world.") -> ArticleRecord:
    return ArticleRecord(id=article_id, title=f"Title {article_id}", source="/x.txt", text=text)


def _note(article_id: str = "a1", exact: str = "brave", start: int = 6, **kw) -> AnnotationRecord:
    return AnnotationRecord(
        article_id=article_id, exact=exact, start=start, end=start + len(exact), **kw
    )


def test_article_reopens_with_its_text_after_restart(tmp_path: Path):
    lib = Library(tmp_path)
    lib.save_article(_article(text="# Head\n\nBody *text*."))
    lib.close()
    again = Library(tmp_path)
    record = again.article("a1")
    assert record is not None
    assert record.text == "# Head\n\nBody *text*."
    assert record.title == "Title a1"


def test_saving_a_listed_record_keeps_the_stored_text(tmp_path: Path):
    lib = Library(tmp_path)
    lib.save_article(_article(text="The body."))
    listed = lib.articles()[0]
    assert listed.text == ""
    listed.position = 42
    lib.save_article(listed)
    record = lib.article("a1")
    assert record is not None and record.text == "The body." and record.position == 42


def test_annotations_round_trip_in_text_order(tmp_path: Path):
    lib = Library(tmp_path)
    lib.save_article(_article())
    lib.save_annotation(_note(exact="world", start=16, note="a note", tags=["t1"]))
    lib.save_annotation(_note(exact="Hello", start=0))
    notes = Library(tmp_path).annotations("a1")
    assert [n.exact for n in notes] == ["Hello", "world"]
    assert notes[1].note == "a note" and notes[1].tags == ["t1"]


def test_edit_and_delete_annotation(tmp_path: Path):
    lib = Library(tmp_path)
    lib.save_article(_article())
    note = _note()
    lib.save_annotation(note)
    note.note = "edited"
    lib.save_annotation(note)
    assert [n.note for n in lib.annotations("a1")] == ["edited"]
    # A fresh library has not seen the note yet: delete still finds it.
    other = Library(tmp_path)
    other.delete_annotation(note.id)
    assert lib.annotations("a1") == []


def test_delete_article_removes_its_notes(tmp_path: Path):
    lib = Library(tmp_path)
    lib.save_article(_article("a1"))
    lib.save_article(_article("a2"))
    lib.save_annotation(_note("a1"))
    lib.save_annotation(_note("a2"))
    lib.delete_article("a1")
    assert [a.id for a in lib.articles()] == ["a2"]
    assert lib.article("a1") is None
    assert lib.annotations("a1") == []
    assert lib.annotation_counts() == {"a2": 1}


def test_two_open_libraries_keep_both_sets_of_changes(tmp_path: Path):
    first, second = Library(tmp_path), Library(tmp_path)
    first.save_article(_article("a1"))
    second.save_article(_article("a2"))
    for i in range(5):
        first.save_annotation(_note("a1", note=f"first {i}"))
        second.save_annotation(_note("a1", note=f"second {i}"))
    # Each sees the other's writes, and neither overwrote the other.
    for lib in (first, second):
        assert {a.id for a in lib.articles()} == {"a1", "a2"}
        assert len(lib.annotations("a1")) == 10
    first.close()
    second.close()
    assert len(Library(tmp_path).annotations("a1")) == 10


def test_search_matches_quotes_notes_and_tags_across_articles(tmp_path: Path):
    lib = Library(tmp_path)
    lib.save_article(_article("a1"))
    lib.save_article(_article("a2", text="Other text about Syria."))
    lib.save_annotation(_note("a1", exact="brave", note="Courage matters"))
    lib.save_annotation(_note("a2", exact="Syria", start=17, tags=["politics"]))
    assert [n.exact for n in lib.search("courage")] == ["brave"]
    assert [n.exact for n in lib.search("POLITICS")] == ["Syria"]
    assert [n.exact for n in lib.search("brave courage")] == ["brave"]
    assert lib.search("nowhere") == []


def test_odd_article_ids_never_leave_the_store_folder(tmp_path: Path):
    store = tmp_path / "store"
    lib = Library(store)
    lib.save_article(_article("../../escape", text="body"))
    lib.save_annotation(_note("../../escape"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]
    assert [n.exact for n in Library(store).annotations("../../escape")] == ["brave"]


def test_no_temp_files_are_left_behind(tmp_path: Path):
    lib = Library(tmp_path)
    lib.save_article(_article())
    lib.save_annotation(_note())
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_many_annotations_saved_at_once_keep_the_others(tmp_path: Path, monkeypatch):
    library = Library(tmp_path)
    library.save_article(_article())
    kept = _note(exact="Hello", start=0)
    moved = _note(exact="brave", start=6)
    library.save_annotation(kept)
    library.save_annotation(moved)
    writes = []
    import store.storage

    real = store.storage.atomic_write
    monkeypatch.setattr(
        store.storage, "atomic_write", lambda *a, **k: writes.append(a) or real(*a, **k)
    )
    moved.start, moved.end = 7, 12
    new = _note(exact="world", start=16)
    library.save_annotations([moved, new], touch=False)
    assert len(writes) == 1  # one write of the notes file for both
    reopened = Library(tmp_path).annotations("a1")
    assert [(n.exact, n.start) for n in reopened] == [("Hello", 0), ("brave", 7), ("world", 16)]


def test_reading_a_library_takes_no_lock_and_writes_nothing(tmp_path: Path):
    # Opening the store for reading is on the way to the first frame: no lock, no file written.
    Library(tmp_path).save_article(_article())
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    (tmp_path / ".lock").unlink()
    reader = Library(tmp_path)
    assert reader.article("a1").text == "Hello brave new world."
    assert not (tmp_path / ".lock").exists()
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()} == {
        p: t for p, t in before.items() if p.name != ".lock"
    }


def test_a_killed_writers_temp_files_go_at_the_first_change(tmp_path: Path):
    Library(tmp_path).save_article(_article())
    stale = tmp_path / ".library.json.1234.tmp"
    stale.write_bytes(b"half a file")
    library = Library(tmp_path)
    assert library.article("a1") is not None
    library.save_article(_article("a2"))
    assert not stale.exists()
    assert {a.id for a in library.articles()} == {"a1", "a2"}


def test_an_empty_folder_reads_as_an_empty_library_until_the_first_change(tmp_path: Path):
    library = Library(tmp_path)
    assert library.articles() == []
    assert not (tmp_path / "library.json").exists()
    library.save_article(_article())
    assert Library(tmp_path).article("a1").text == "Hello brave new world."


def test_first_change_removes_only_the_stores_own_temp_files(tmp_path: Path):
    # `--store .` or a store in ~/Documents: the user's own dot-temp files live beside ours.
    Library(tmp_path).save_article(_article())
    Library(tmp_path).save_annotation(_note())
    users = [
        tmp_path / ".draft.tmp",
        tmp_path / ".library.json.tmp",  # no pid: not a name this program writes
        tmp_path / ".notes.txt.123.tmp",
        tmp_path / "projects" / ".library.json.77.tmp",  # a folder the store never writes
        tmp_path / "notes" / ".mine.tmp",
        tmp_path / "notes" / ".essay.txt.12.tmp",
        tmp_path / "backups" / ".photo.jpg.5.tmp",
    ]
    ours = [
        tmp_path / ".library.json.1234.tmp",
        tmp_path / "notes" / ".a1.json.99.tmp",
        tmp_path / "articles" / ".a1.md.42.tmp",
        tmp_path / "backups" / ".library.json.1.55.tmp",
        tmp_path / "backups" / "notes" / ".a1.json.2.56.tmp",
    ]
    for path in users + ours:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"words")
    Library(tmp_path).save_article(_article("a2"))
    assert [p for p in users if not p.exists()] == []
    assert [p for p in ours if p.exists()] == []
