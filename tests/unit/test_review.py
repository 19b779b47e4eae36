"""The review's model: what comes first, filters, and what each action saves."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.anchor import describe
from reader.cli import main
from reader.records import AnnotationRecord, ArticleRecord, summaries
from reader.review import Filter, Review, context, queue
from store.library import Library

TEXT = (
    "A first paragraph about herons.\n\n"
    "The heron stood in the shallows for an hour, then took the fish in one strike; "
    "nobody on the bank saw it coming.\n\n"
    "Later the rain came in sideways off the estuary."
)


def _note(quote: str, created: str, reviewed: str = "", **fields: object) -> AnnotationRecord:
    at = TEXT.index(quote)
    return AnnotationRecord(
        article_id=str(fields.pop("article_id", "a1")),
        created=created,
        updated=created,
        reviewed=reviewed,
        **describe(TEXT, at, at + len(quote)).fields(),
        **fields,  # type: ignore[arg-type]
    )


def _library(tmp_path: Path, *notes: AnnotationRecord) -> Library:
    library = Library(tmp_path / "store")
    for article_id in sorted({note.article_id for note in notes}):
        library.save_article(ArticleRecord(id=article_id, title="Herons", source="/h.md"))
    library.save_annotations(list(notes), touch=False)
    return library


def test_never_reviewed_first_then_the_longest_ago():
    old_review = _note("heron", "2026-01-03T00:00:00+00:00", reviewed="2026-02-01T00:00:00+00:00")
    new_review = _note("rain", "2026-01-01T00:00:00+00:00", reviewed="2026-03-01T00:00:00+00:00")
    never_late = _note("shallows", "2026-01-05T00:00:00+00:00")
    never_early = _note("estuary", "2026-01-02T00:00:00+00:00")
    order = queue([old_review, new_review, never_late, never_early])
    assert [n.exact for n in order] == ["estuary", "shallows", "heron", "rain"]


def test_filters_by_tag_colour_and_article():
    notes = [
        _note("heron", "2026-01-01T00:00:00+00:00", tags=["Birds"], color="green"),
        _note("rain", "2026-01-02T00:00:00+00:00", tags=["weather"]),
        _note("estuary", "2026-01-03T00:00:00+00:00", article_id="a2", color="green"),
    ]
    assert [n.exact for n in queue(notes, Filter(tag="#birds"))] == ["heron"]
    assert [n.exact for n in queue(notes, Filter(color="green"))] == ["heron", "estuary"]
    assert [n.exact for n in queue(notes, Filter(articles=frozenset({"a2"})))] == ["estuary"]
    assert queue(notes, Filter(tag="birds", color="yellow")) == []


def test_keep_stamps_the_review_and_puts_it_last_next_time(tmp_path: Path):
    first = _note("heron", "2026-01-01T00:00:00+00:00")
    second = _note("rain", "2026-01-02T00:00:00+00:00")
    library = _library(tmp_path, first, second)
    review = Review(library, queue(library.annotation_summaries()))
    assert review.current is not None and review.current.exact == "heron"
    review.keep()
    assert review.current is not None and review.current.exact == "rain"
    stored = {n.exact: n for n in Library(tmp_path / "store").all_annotations()}
    assert stored["heron"].reviewed and stored["heron"].updated == first.updated  # not an edit
    assert [n.exact for n in queue(stored.values())] == ["rain", "heron"]


def test_skip_leaves_it_first_in_line(tmp_path: Path):
    library = _library(tmp_path, _note("heron", "2026-01-01T00:00:00+00:00"))
    review = Review(library, queue(library.annotation_summaries()))
    review.skip()
    assert review.done and review.skipped == 1
    (stored,) = Library(tmp_path / "store").all_annotations()
    assert stored.reviewed == ""


def test_edits_are_saved_at_once_and_stay_on_the_highlight(tmp_path: Path):
    library = _library(tmp_path, _note("heron", "2026-01-01T00:00:00+00:00"))
    review = Review(library, queue(library.annotation_summaries()))
    review.set_note("Patience, \x1b[31mthen\x1b[0m speed.", ["#birds", "birds", " two  words "])
    review.set_color("blue")
    current = review.current
    assert current is not None and current.exact == "heron"
    (stored,) = Library(tmp_path / "store").all_annotations()
    assert (stored.note, stored.tags, stored.color) == (
        "Patience, then speed.",
        ["birds", "two words"],
        "blue",
    )
    assert stored.updated > "2026-01-01T00:00:00+00:00"


def test_delete_and_undo(tmp_path: Path):
    library = _library(
        tmp_path,
        _note("heron", "2026-01-01T00:00:00+00:00"),
        _note("rain", "2026-01-02T00:00:00+00:00"),
    )
    review = Review(library, queue(library.annotation_summaries()))
    review.delete()
    assert review.current is not None and review.current.exact == "rain"
    assert [n.exact for n in Library(tmp_path / "store").all_annotations()] == ["rain"]
    assert review.undo_delete()
    assert review.current is not None and review.current.exact == "heron"
    assert sorted(n.exact for n in Library(tmp_path / "store").all_annotations()) == [
        "heron",
        "rain",
    ]


def test_one_deleted_by_another_reader_meanwhile_is_passed_over(tmp_path: Path):
    library = _library(
        tmp_path,
        _note("heron", "2026-01-01T00:00:00+00:00"),
        _note("rain", "2026-01-02T00:00:00+00:00"),
    )
    review = Review(library, queue(library.annotation_summaries()))
    first = review.current
    assert first is not None
    Library(tmp_path / "store").delete_annotation(first.id)
    review.keep()  # shown, then deleted by the other reader: it stays deleted
    assert review.current is not None and review.current.exact == "rain"
    assert [n.exact for n in Library(tmp_path / "store").all_annotations()] == ["rain"]
    # Deleted before the review came to it: passed over.
    later = Review(library, queue(library.annotation_summaries()) * 2)
    Library(tmp_path / "store").delete_annotation(later.entries[0].id)
    assert later.current is None and later.done


def test_context_is_the_quotes_paragraph_cut_at_words():
    shown = context(TEXT, _note("the shallows", "2026-01-01T00:00:00+00:00"))
    assert shown.found
    assert shown.before == "The heron stood in "
    assert shown.quote == "the shallows"
    assert shown.after.startswith(" for an hour") and shown.after.endswith("saw it coming.")
    short = context(TEXT, _note("the shallows", "2026-01-01T00:00:00+00:00"), chars=12)
    assert short.before == "…stood in " and short.after == " for an…"
    gone = _note("heron", "2026-01-01T00:00:00+00:00")
    gone.exact = "a passage since cut"
    assert context(TEXT, gone) == ("", "a passage since cut", "", False)
    assert context(None, gone).found is False


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--color", "red"], "unknown colour 'red': use one of yellow"),
        (["--article", "no such thing"], "no such thing: no such article in the library"),
    ],
)
def test_review_command_refuses_a_bad_filter_in_one_line(
    argv: list[str], message: str, temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    status = main(["review", *argv])
    _, err = capsys.readouterr()
    assert status == 2 and err.startswith("reader: ") and message in err
    assert "\n" not in err.strip()


def test_summaries_leave_out_entries_of_the_wrong_shape():
    good = _note("heron", "2026-01-01T00:00:00+00:00", tags=["birds"]).to_dict()
    table = {
        good["id"]: good,
        "wrong-key": {**good, "id": "another"},
        "bad-tags": {**good, "id": "bad-tags", "tags": [1]},
        "bad-time": {**good, "id": "bad-time", "created": 5},
        "not-a-dict": ["x"],
    }
    (only,) = summaries("a1", table)
    assert (only.id, only.article_id, only.tags, only.color) == (
        good["id"],
        "a1",
        ("birds",),
        "yellow",
    )
