from pathlib import Path

from reader.annotation_set import AnnotationSet
from reader.document import parse_markdown
from store.library import Library

TEXT = "# T\n\nAlpha beta gamma. Delta epsilon zeta.\n\nEta theta iota kappa.\n"


def test_changes_are_saved_at_once_and_undone_in_order(tmp_path: Path):
    library = Library(tmp_path)
    doc = parse_markdown(TEXT)
    notes = AnnotationSet(library, "a1", doc)
    record = notes.add(0, 5, "green")
    notes.set_note(record.id, "first", ["#x", "y", "x"])
    notes.recolor(record.id, "blue")
    saved = library.annotations("a1")
    assert [(r.exact, r.color, r.note, r.tags) for r in saved] == [
        ("Alpha", "blue", "first", ["x", "y"])
    ]
    assert notes.undo() == "colour"
    assert library.annotations("a1")[0].color == "green"
    assert notes.undo() == "note"
    assert library.annotations("a1")[0].note == ""
    assert notes.undo() == "highlight"
    assert library.annotations("a1") == []
    assert notes.undo() is None


def test_reanchors_when_the_text_changes_and_orphans_deleted_text(tmp_path: Path):
    library = Library(tmp_path)
    notes = AnnotationSet(library, "a1", parse_markdown(TEXT))
    kept = notes.add(TEXT.index("Eta") - 5, TEXT.index("Eta") - 5 + len("Eta theta"))
    gone = notes.add(notes.document.text.index("Delta"), notes.document.text.index("zeta") + 4)
    assert notes.document.text[kept.start : kept.end] == "Eta theta"
    edited = "# T\n\nA new opening paragraph.\n\nAlpha beta gamma.\n\nEta theta iota kappa.\n"
    notes.set_document(parse_markdown(edited))
    moved = notes.get(kept.id)
    assert moved is not None and moved.anchor.status.value == "moved"
    assert notes.document.text[moved.start : moved.end] == "Eta theta"
    orphan = notes.get(gone.id)
    assert orphan is not None and orphan.orphaned
    assert [p.record.id for p in notes.placed][-1] == gone.id  # orphans listed last, kept
    notes.reattach(gone.id, 0, 5)
    assert not notes.get(gone.id).orphaned


def test_notes_and_tags_lose_terminal_escapes(tmp_path: Path):
    notes = AnnotationSet(Library(tmp_path), "a1", parse_markdown(TEXT))
    record = notes.add(0, 5)
    notes.set_note(record.id, "red \x1b[31mtext\x1b[0m\x07", ["\x1b]8;;x\x07tag", "#ok"])
    saved = notes.get(record.id).record
    assert saved.note == "red text"
    assert saved.tags == ["tag", "ok"]


def test_reanchored_selectors_are_saved_and_found_at_once_next_time(tmp_path: Path):
    library = Library(tmp_path)
    first = parse_markdown(TEXT)
    notes = AnnotationSet(library, "a1", first)
    eta = first.text.index("Eta")
    moved = notes.add(eta, eta + len("Eta theta"))
    delta = first.text.index("Delta")
    gone = notes.add(delta, first.text.index("zeta") + 4)
    gone_before = library.annotations("a1")[0 if gone.start < moved.start else 1]
    edited = parse_markdown(
        "# T\n\nA new opening paragraph.\n\nAlpha beta gamma.\n\nEta theta iota kappa.\n"
    )
    AnnotationSet(library, "a1", edited)  # opening the edited article re-anchors and saves
    stored = {r.id: r for r in library.annotations("a1")}
    assert len(stored) == 2  # nothing lost
    assert stored[moved.id].start == edited.text.index("Eta theta")
    assert stored[moved.id].prefix.endswith("Alpha beta gamma.\n\n")
    assert stored[moved.id].reanchored == "moved"
    assert stored[moved.id].updated == moved.updated  # not a change the reader made
    assert stored[gone.id] == gone_before  # the orphan is never rewritten
    reopened = AnnotationSet(library, "a1", edited)
    placed = reopened.get(moved.id)
    assert placed is not None
    assert placed.anchor.status.value == "ok"  # found where it was saved, no search
    assert placed.status.value == "moved"  # and the panel still says it moved
    assert reopened.get(gone.id).orphaned


def test_a_fuzzy_reanchoring_keeps_the_quote_as_made(tmp_path: Path):
    library = Library(tmp_path)
    text = "# T\n\nThe committee approved the harbour budget on Tuesday after a long debate.\n"
    first = parse_markdown(text)
    notes = AnnotationSet(library, "a1", first)
    start = first.text.index("approved")
    made = notes.add(start, first.text.index("Tuesday") + len("Tuesday"))
    edited = parse_markdown(text.replace("harbour budget", "harbor budget"))
    AnnotationSet(library, "a1", edited)
    [record] = library.annotations("a1")
    assert record.reanchored == "fuzzy"
    assert record.exact == "approved the harbor budget on Tuesday"
    assert record.original_exact == made.exact == "approved the harbour budget on Tuesday"


class _FullDisk:
    """A Library whose writes fail while `full` is set, as on a full disk."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.full = False

    def _check(self) -> None:
        if self.full:
            from store.errors import StoreError

            raise StoreError("store: cannot write (No space left on device)")

    def annotations(self, article_id):  # type: ignore[no-untyped-def]
        return self.library.annotations(article_id)

    def save_annotation(self, record):  # type: ignore[no-untyped-def]
        self._check()
        return self.library.save_annotation(record)

    def save_annotations(self, records, touch=True):  # type: ignore[no-untyped-def]
        self._check()
        return self.library.save_annotations(records, touch)

    def delete_annotation(self, annotation_id):  # type: ignore[no-untyped-def]
        self._check()
        self.library.delete_annotation(annotation_id)


def test_a_change_the_store_refuses_stays_in_memory_unsaved_and_goes_with_the_next(
    tmp_path: Path,
):
    import pytest

    from reader.errors import ReaderError

    library = Library(tmp_path)
    disk = _FullDisk(library)
    notes = AnnotationSet(disk, "a1", parse_markdown(TEXT))
    first = notes.add(0, 5)
    disk.full = True
    with pytest.raises(ReaderError, match="No space left"):
        notes.add(6, 10, "green", note="typed on a full disk")
    with pytest.raises(ReaderError):
        notes.delete(first.id)
    # Nothing is lost here: the new highlight is shown, marked unsaved; the deleted one gone.
    [(shown, unsaved)] = [(p.record, p.record.id in notes.unsaved) for p in notes.placed]
    assert shown.note == "typed on a full disk" and unsaved and "No space" in notes.save_error
    assert [n.id for n in Library(tmp_path).annotations("a1")] == [first.id]
    disk.full = False
    notes.recolor(shown.id, "blue")  # the next change writes everything
    assert notes.unsaved == frozenset() and notes.save_error == ""
    [saved] = Library(tmp_path).annotations("a1")
    assert (saved.note, saved.color) == ("typed on a full disk", "blue")


def test_save_pending_retries_without_another_change(tmp_path: Path):
    import pytest

    from reader.errors import ReaderError

    disk = _FullDisk(Library(tmp_path))
    notes = AnnotationSet(disk, "a1", parse_markdown(TEXT))
    disk.full = True
    with pytest.raises(ReaderError):
        notes.add(0, 5)
    with pytest.raises(ReaderError):
        notes.save_pending()
    disk.full = False
    notes.save_pending()
    assert len(Library(tmp_path).annotations("a1")) == 1 and not notes.unsaved


def test_undone_changes_are_redone_in_order_until_a_new_change(tmp_path: Path):
    library = Library(tmp_path)
    notes = AnnotationSet(library, "a1", parse_markdown(TEXT))
    record = notes.add(0, 5, "green")
    notes.set_note(record.id, "first", [])
    other = notes.add(6, 10)
    notes.delete(other.id)

    def saved() -> list[tuple[str, str, str]]:
        return [(r.exact, r.color, r.note) for r in library.annotations("a1")]

    assert notes.redo() is None  # nothing undone yet
    assert [notes.undo(), notes.undo(), notes.undo()] == ["delete", "highlight", "note"]
    assert saved() == [("Alpha", "green", "")]
    assert notes.redo() == "note"
    assert saved() == [("Alpha", "green", "first")]
    assert notes.redo() == "highlight"
    assert sorted(saved()) == [("Alpha", "green", "first"), ("beta", "yellow", "")]
    assert notes.redo() == "delete"
    assert saved() == [("Alpha", "green", "first")]
    assert notes.redo() is None
    # Undo again, then a new change: the undone change cannot be redone over it.
    assert notes.undo() == "delete"
    notes.recolor(record.id, "blue")
    assert notes.redo() is None
    assert sorted(saved()) == [("Alpha", "blue", "first"), ("beta", "yellow", "")]
    assert notes.undo() == "colour"
    assert notes.undo() == "highlight"  # the one the delete took, brought back and undone
    assert saved() == [("Alpha", "green", "first")]
