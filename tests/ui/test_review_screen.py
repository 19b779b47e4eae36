"""The review screen, driven with the keys a reader would press."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article import build_document, open_source
from reader.records import AnnotationRecord
from reader.review import Filter
from reader.stored_article import record_for
from store.library import Library
from tests.ui.helpers import view_of, wait_until, whole_screen_text, write_article
from widgets.app import ReaderApp
from widgets.note_editor import NoteEditor
from widgets.reading_screen import ReadingScreen
from widgets.review_screen import ReviewScreen

SIZE = (110, 30)

HERON = (
    "# The Heron\n\nA first paragraph about the bird.\n\n"
    "The heron stood in the shallows for an hour, then took the fish in one strike.\n\n"
    "Later the rain came in sideways off the estuary."
)
TIDES = "# Tides\n\nSpring tides come twice a month, with the new and the full moon."


@pytest.fixture
def library(tmp_path: Path, temp_store: Path) -> Library:
    """Two articles; three highlights, made on three days, one reviewed already."""
    library = Library(temp_store)
    notes = [
        ("heron.md", HERON, "in the shallows", "patience", ["birds"], "green", "02", ""),
        ("heron.md", HERON, "sideways", "", ["weather"], "yellow", "03", ""),
        ("tides.md", TIDES, "twice a month", "check", ["sea"], "blue", "01", "2026-02-01"),
    ]
    for name, text, quote, note, tags, color, day, reviewed in notes:
        source, cleaned = open_source(write_article(tmp_path, text, name))
        record = library.article(record_for(source, cleaned, None).id)
        if record is None:
            record = record_for(source, cleaned, None)
            record.title = build_document(cleaned).title
            library.save_article(record)
        start = build_document(cleaned).text.index(quote)
        library.save_annotations(
            [
                AnnotationRecord(
                    article_id=record.id,
                    exact=quote,
                    start=start,
                    end=start + len(quote),
                    note=note,
                    tags=tags,
                    color=color,
                    created=f"2026-01-{day}T10:00:00+00:00",
                    updated=f"2026-01-{day}T10:00:00+00:00",
                    reviewed=f"{reviewed}T10:00:00+00:00" if reviewed else "",
                )
            ],
            touch=False,
        )
    library.set_color_meaning("green", "method")
    return library


def stored(library: Library) -> dict[str, AnnotationRecord]:
    again = Library(library.folder)
    return {note.exact: note for note in again.all_annotations()}


def shown(app: ReaderApp) -> str:
    return whole_screen_text(app)


async def _open_review(pilot, app: ReaderApp) -> None:
    await wait_until(pilot, lambda: "Library" in shown(app), "the library")
    await pilot.press("r")
    await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review screen")
    await wait_until(pilot, lambda: "Review: 1 of 3" in shown(app), "the first highlight")


async def test_review_walks_every_highlight_never_reviewed_first(library: Library):
    app = ReaderApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await _open_review(pilot, app)
        screen = shown(app)
        # The oldest never reviewed first, in its line, with its note, tags and colour.
        assert "The Heron" in screen
        assert "The heron stood in the shallows for an hour, then took the fish" in screen
        assert "patience" in screen
        assert "#birds · green: method · made 2026-01-02 · never reviewed" in screen
        await pilot.press("space")
        await wait_until(pilot, lambda: "Review: 2 of 3" in shown(app), "the second")
        assert "Later the rain came in sideways off the estuary." in shown(app)
        assert "No note (a writes one)." in shown(app)
        await pilot.press("s")  # skip
        await wait_until(pilot, lambda: "Review: 3 of 3" in shown(app), "the third")
        assert "Spring tides come twice a month" in shown(app)
        assert "last reviewed 2026-02-01" in shown(app)
        await pilot.press("space")
        await wait_until(pilot, lambda: "Review done: 2 kept, 1 skipped" in shown(app), "the end")
    notes = stored(library)
    assert notes["in the shallows"].reviewed > "2026-12"
    assert notes["in the shallows"].updated == "2026-01-02T10:00:00+00:00"  # not an edit
    assert notes["sideways"].reviewed == ""  # skipped: first next time
    assert notes["twice a month"].reviewed > "2026-12"


async def test_edit_retag_recolour_delete_and_undo(library: Library):
    app = ReaderApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await _open_review(pilot, app)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor), "the note editor")
        await pilot.press("end", *" and speed", "ctrl+s")
        await wait_until(pilot, lambda: "patience and speed" in shown(app), "the new note")
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor again")
        assert app.focused is not None and app.focused.id == "tags"
        await pilot.press("end", *" fishing", "enter")  # (the field starts all selected)
        await wait_until(pilot, lambda: "#birds #fishing" in shown(app), "the new tag")
        await pilot.press("3")
        await wait_until(pilot, lambda: "#birds #fishing · blue ·" in shown(app), "blue")
        assert stored(library)["in the shallows"].color == "blue"
        assert "Review: 1 of 3" in shown(app)  # edits stay on the highlight
        await pilot.press("x")
        await wait_until(pilot, lambda: "Review: 1 of 2" in shown(app), "the next one")
        assert "in the shallows" not in stored(library)
        await pilot.press("u")
        await wait_until(pilot, lambda: "Review: 1 of 3" in shown(app), "it is back")
    back = stored(library)["in the shallows"]
    assert (back.note, back.tags, back.color) == (
        "patience and speed",
        ["birds", "fishing"],
        "blue",
    )


async def test_enter_opens_the_article_at_the_highlight(library: Library):
    app = ReaderApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await _open_review(pilot, app)
        await pilot.press("space")  # to the second: "sideways", in the heron's last paragraph
        await wait_until(pilot, lambda: "Review: 2 of 3" in shown(app), "the second")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the article")
        view = view_of(app)
        start = view.document.text.index("sideways")
        await wait_until(pilot, lambda: view.cursor == start, "the cursor at the highlight")


async def test_review_from_the_command_line_filters_and_goes_back_to_the_library(
    library: Library,
):
    app = ReaderApp(library, review=Filter(tag="#SEA"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "Review: 1 of 1 · #SEA" in shown(app), "the review")
        assert "Spring tides" in shown(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: "Library: 2 articles" in shown(app), "the library")
    empty = ReaderApp(library, review=Filter(color="purple"))
    async with empty.run_test(size=SIZE) as pilot:
        await wait_until(
            pilot, lambda: "Nothing to review: no highlight matches." in shown(empty), "empty"
        )


async def test_hostile_text_is_shown_as_text(library: Library, temp_store: Path):
    note = next(iter(stored(library).values()))
    note.note = "[bold red]not markup[/] \x1b]52;c;cm0gLXJm\x07\x1b[2Jstill here"
    note.tags = ["[link=x]t[/link]"]
    Library(temp_store).save_annotations([note], touch=False)
    app = ReaderApp(library, review=Filter(tag="[link=x]t[/link]"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "still here" in shown(app), "the note")
        screen = shown(app)
        assert "[bold red]not markup[/] still here" in screen
        assert "#[link=x]t[/link]" in screen
