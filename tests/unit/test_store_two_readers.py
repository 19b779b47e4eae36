"""Two readers on one article: deletions are remembered, the last real change wins per field,
and a stale copy never overwrites what the other saved."""

from __future__ import annotations

import dataclasses
import multiprocessing
from pathlib import Path

from reader.records import AnnotationRecord, ArticleRecord
from store.library import Library


def _store_with_one_note(folder: Path) -> AnnotationRecord:
    library = Library(folder)
    library.save_article(ArticleRecord(id="a1", title="A", source="/a.txt", text="Hello world."))
    note = AnnotationRecord(article_id="a1", exact="world", start=6, end=11, note="first")
    library.save_annotation(note)
    library.close()
    return note


def _delete(folder: Path, annotation_id: str) -> None:
    library = Library(folder)
    library.annotations("a1")
    library.delete_annotation(annotation_id)
    library.close()


def test_a_highlight_deleted_in_another_process_stays_deleted_when_a_stale_copy_is_edited(
    tmp_path: Path,
):
    note = _store_with_one_note(tmp_path)
    reader_b = Library(tmp_path)
    (stale,) = reader_b.annotations("a1")
    # Reader A, a real second process, deletes the highlight.
    deleter = multiprocessing.get_context("fork").Process(target=_delete, args=(tmp_path, note.id))
    deleter.start()
    deleter.join(timeout=60)
    assert deleter.exitcode == 0
    # Reader B still shows it, and the user edits its note.
    reader_b.save_annotation(dataclasses.replace(stale, note="edited on a stale copy"))
    assert Library(tmp_path).annotations("a1") == []


def test_a_stale_reanchoring_does_not_bring_a_deleted_highlight_back(tmp_path: Path):
    note = _store_with_one_note(tmp_path)
    reader_a, reader_b = Library(tmp_path), Library(tmp_path)
    reader_a.annotations("a1")
    (stale,) = reader_b.annotations("a1")
    reader_a.delete_annotation(note.id)
    reader_b.save_annotations([dataclasses.replace(stale, start=7, end=12)], touch=False)
    assert Library(tmp_path).annotations("a1") == []


def test_undo_of_a_readers_own_delete_brings_the_highlight_back(tmp_path: Path):
    note = _store_with_one_note(tmp_path)
    library = Library(tmp_path)
    (record,) = library.annotations("a1")
    library.delete_annotation(note.id)
    library.save_annotation(record)
    assert [n.note for n in Library(tmp_path).annotations("a1")] == ["first"]


def test_changes_to_different_fields_in_two_readers_are_both_kept(tmp_path: Path):
    _store_with_one_note(tmp_path)
    reader_a, reader_b = Library(tmp_path), Library(tmp_path)
    (in_a,) = reader_a.annotations("a1")
    (in_b,) = reader_b.annotations("a1")
    reader_a.save_annotation(dataclasses.replace(in_a, color="green"))
    reader_b.save_annotation(dataclasses.replace(in_b, note="written in B", tags=["b"]))
    (saved,) = Library(tmp_path).annotations("a1")
    assert (saved.color, saved.note, saved.tags) == ("green", "written in B", ["b"])


def test_the_same_field_changed_in_two_readers_keeps_the_last_change(tmp_path: Path):
    _store_with_one_note(tmp_path)
    reader_a, reader_b = Library(tmp_path), Library(tmp_path)
    (in_a,) = reader_a.annotations("a1")
    (in_b,) = reader_b.annotations("a1")
    reader_a.save_annotation(dataclasses.replace(in_a, note="from A"))
    reader_b.save_annotation(dataclasses.replace(in_b, note="from B, later"))
    (saved,) = Library(tmp_path).annotations("a1")
    assert saved.note == "from B, later"
    # And A, saving an unrelated change on its now stale copy, does not undo B's note.
    reader_a.save_annotation(dataclasses.replace(in_a, note="from A", color="blue"))
    (saved,) = Library(tmp_path).annotations("a1")
    assert (saved.note, saved.color) == ("from B, later", "blue")


def test_a_stale_reader_saving_other_notes_keeps_the_other_readers_new_notes(tmp_path: Path):
    _store_with_one_note(tmp_path)
    reader_a, reader_b = Library(tmp_path), Library(tmp_path)
    reader_a.annotations("a1")
    (in_b,) = reader_b.annotations("a1")
    added = AnnotationRecord(article_id="a1", exact="Hello", start=0, end=5, note="A's")
    reader_a.save_annotation(added)
    reader_b.save_annotation(dataclasses.replace(in_b, note="B's"))
    assert sorted(n.note for n in Library(tmp_path).annotations("a1")) == ["A's", "B's"]


def test_two_open_articles_a_note_on_a_highlight_deleted_in_the_other_leaves_it_deleted(
    tmp_path: Path,
):
    from reader.annotation_set import AnnotationSet
    from reader.document import parse_markdown

    document = parse_markdown("# T\n\nAlpha beta gamma. Delta epsilon zeta.\n")
    window_a = AnnotationSet(Library(tmp_path), "a1", document)
    made = window_a.add(0, 5)
    window_b = AnnotationSet(Library(tmp_path), "a1", document)
    window_a.delete(made.id)
    window_b.set_note(made.id, "typed in the other window", [])
    assert Library(tmp_path).annotations("a1") == []
    assert window_b.get(made.id) is None


def test_a_stale_article_record_keeps_the_cleaning_choice_made_in_the_other_reader(
    tmp_path: Path,
):
    _store_with_one_note(tmp_path)
    reader_a, reader_b = Library(tmp_path), Library(tmp_path)
    in_a, in_b = reader_a.article("a1"), reader_b.article("a1")
    assert in_a is not None and in_b is not None
    in_a.overrides = ["block-3"]
    reader_a.save_article(in_a)
    in_b.position = 120  # B quits where it was, with its stale copy of the article
    reader_b.save_article(in_b)
    saved = Library(tmp_path).article("a1")
    assert saved is not None
    assert (saved.overrides, saved.position, saved.text) == (["block-3"], 120, "Hello world.")
