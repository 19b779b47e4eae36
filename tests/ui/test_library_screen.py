"""The library screen, driven with the keys a reader would press."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from textual.widgets import DataTable

from reader.article import build_document, open_source
from reader.errors import ReaderError
from reader.records import AnnotationRecord
from reader.stored_article import record_for, stored_document
from store.library import Library
from tests.conftest import SEED
from tests.ui.helpers import (
    make_app,
    record_notices,
    screen_text,
    view_of,
    wait_until,
    whole_screen_text,
    write_article,
)
from widgets import library_screen
from widgets.app import ReaderApp
from widgets.confirm_delete import ConfirmDelete
from widgets.library_screen import LibraryScreen
from widgets.reading_screen import ReadingScreen

SIZE = (120, 30)

ARTICLES = {
    "heron.md": (
        "# The Heron\n\nThe heron stood in the shallows for an hour.",
        "heron",
        "patience",
    ),
    "tides.md": ("# Tides\n\nSpring tides come twice a month.", "twice a month", "check"),
    "ferry.md": ("# [red]Night[/red] Ferry\n\nThe last ferry leaves at ten.", "", ""),
}


@pytest.fixture
def library(tmp_path: Path, temp_store: Path) -> Library:
    """Three stored articles, the ferry read last, then tides, then heron."""
    library = Library(temp_store)
    for order, (name, (text, quote, note)) in enumerate(ARTICLES.items()):
        source, cleaned = open_source(write_article(tmp_path, text, name))
        record = record_for(source, cleaned, None)
        record.title = build_document(cleaned).title
        record.last_opened = f"2026-01-0{order + 1}T10:00:00+00:00"
        record.progress = 0.25 * order
        library.save_article(record)
        if quote:
            start = build_document(cleaned).text.index(quote)
            library.save_annotation(
                AnnotationRecord(
                    article_id=record.id,
                    exact=quote,
                    start=start,
                    end=start + len(quote),
                    note=note,
                    tags=["nature"],
                )
            )
    return library


def rows(app: ReaderApp) -> list[list[str]]:
    table = app.screen.query_one("#articles", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def ids_by_title(library: Library) -> dict[str, str]:
    return {record.title: record.id for record in library.articles()}


async def test_articles_are_listed_last_read_first_with_counts_and_progress(library):
    app = ReaderApp(library)
    async with app.run_test(size=SIZE):
        shown = rows(app)
        assert [row[0] for row in shown] == ["[red]Night[/red] Ferry", "Tides", "The Heron"]
        assert [row[1] for row in shown] == ["0", "1", "1"]
        assert [row[2] for row in shown] == ["50%", "25%", "0%"]
        assert shown[0][3] == "2026-01-03 10:00"
        assert shown[1][5] == "tides.md"


async def until_reading(app: ReaderApp, pilot, title: str) -> ReadingScreen:
    """Wait until the reading screen shows the article `title`."""

    def reading() -> bool:
        screen = app.screen
        return isinstance(screen, ReadingScreen) and screen.document.title == title

    await wait_until(pilot, reading, f"{title} open")
    return cast(ReadingScreen, app.screen)


async def test_enter_opens_the_article_under_the_cursor(library):
    app = ReaderApp(library)
    async with app.run_test(size=SIZE) as pilot:
        assert "⏎ Open" in whole_screen_text(app).splitlines()[-1]  # the footer says so
        await pilot.press("down", "enter")
        screen = await until_reading(app, pilot, "Tides")
        assert screen.article.record.id == ids_by_title(library)["Tides"]
        assert "Spring tides come twice a month" in screen_text(view_of(app))


async def test_the_library_switches_to_an_article_and_back_without_a_restart(library):
    class CountingApp(ReaderApp):
        mounts = 0

        def on_mount(self) -> None:
            CountingApp.mounts += 1
            super().on_mount()

    app = CountingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        driver = app._driver
        await pilot.press("down", "enter")  # Tides
        tides = await until_reading(app, pilot, "Tides")
        await pilot.press("L")
        assert isinstance(app.screen, LibraryScreen)
        titles = [row[0] for row in rows(app)]
        await pilot.press(*["down"] * titles.index("The Heron"), "enter")
        heron = await until_reading(app, pilot, "The Heron")
        assert heron is not tides
        assert tides not in app.screen_stack  # replaced, not stacked up
        await pilot.press("L", "escape")
        assert app.screen is heron
        assert "stood in the shallows for an hour" in screen_text(view_of(app))
        assert app.is_running and app._driver is driver
    assert CountingApp.mounts == 1  # one App from start to end: never restarted


async def test_search_finds_notes_of_every_article_and_opens_at_the_highlight(library):
    app = ReaderApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"nature", "enter")
        hits = app.screen.query_one("#hits", DataTable)
        assert hits.row_count == 2
        await pilot.press("escape")
        assert app.screen.query_one("#articles", DataTable).display
        await pilot.press("slash", *"patience", "enter")
        assert hits.row_count == 1
        assert [str(c) for c in hits.get_row_at(0)][:3] == ["The Heron", "yellow", "heron"]
        await pilot.press("enter")
        await until_reading(app, pilot, "The Heron")
        heron = ids_by_title(library)["The Heron"]
        [note] = library.annotations(heron)
        view = view_of(app)
        assert view.cursor == note.start  # on the highlight
        assert view.document.text[view.cursor : view.cursor + 5] == "heron"


async def test_delete_asks_first_and_cancel_keeps_the_article(library):
    app = ReaderApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "d")
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("n")
        assert len(rows(app)) == 3
        await pilot.press("d", "y")
        await pilot.pause()
        assert [row[0] for row in rows(app)] == ["[red]Night[/red] Ferry", "The Heron"]
    assert "Tides" not in ids_by_title(library)
    assert len(library.all_annotations()) == 1


async def test_delete_offers_an_export_first(library, monkeypatch, tmp_path):
    exported: list[str] = []

    def fake_export(lib: Library, article_id: str) -> Path:
        exported.append(article_id)
        return tmp_path / "tides.md"

    monkeypatch.setattr(library_screen, "export_article", fake_export)
    app = ReaderApp(library)
    tides = ids_by_title(library)["Tides"]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "d", "e")
        await pilot.pause()
    assert exported == [tides]
    assert library.article(tides) is None


async def test_export_then_delete_writes_the_notes_to_markdown(library, monkeypatch, tmp_path):
    folder = tmp_path / "exports"
    monkeypatch.setenv("READER_EXPORT_DIR", str(folder))
    app = ReaderApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "d", "e")
        await pilot.pause()
    [written] = folder.glob("*.md")
    text = written.read_text()
    assert "twice a month" in text and "check" in text
    assert "Tides" not in ids_by_title(library)


async def test_a_failed_export_deletes_nothing(library, monkeypatch):
    def failing_export(lib: Library, article_id: str) -> Path:
        raise ReaderError("disk full")

    monkeypatch.setattr(library_screen, "export_article", failing_export)
    app = ReaderApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "d", "e")
        await pilot.pause()
        assert len(rows(app)) == 3


async def test_L_in_the_reader_shows_the_library_and_esc_goes_back(tmp_path, temp_store):
    path = write_article(tmp_path, ARTICLES["heron.md"][0], "heron.md")
    app = make_app(path, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L")
        assert isinstance(app.screen, LibraryScreen)
        assert [row[0] for row in rows(app)] == ["The Heron"]  # saved on the way in
        await pilot.press("d")
        assert not isinstance(app.screen, ConfirmDelete)  # the open article stays
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("L", "enter")
        assert isinstance(app.screen, ReadingScreen)


async def test_choosing_another_article_in_the_reader_opens_it(library, tmp_path, temp_store):
    path = tmp_path / "heron.md"
    app = make_app(path, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L")
        await pilot.pause()
        titles = [row[0] for row in rows(app)]
        await pilot.press(*["down"] * titles.index("Tides"), "enter")
        screen = await until_reading(app, pilot, "Tides")
        assert screen.article.record.id == ids_by_title(library)["Tides"]


async def test_an_article_reopens_from_the_library_when_its_source_is_gone(library, tmp_path):
    (tmp_path / "tides.md").unlink()
    tides = ids_by_title(library)["Tides"]
    app = ReaderApp(library)
    async with app.run_test(size=SIZE) as pilot:
        titles = [row[0] for row in rows(app)]
        await pilot.press(*["down"] * titles.index("Tides"), "enter")
        screen = await until_reading(app, pilot, "Tides")
        record = library.article(tides)
        assert record is not None
        assert screen.document.text == stored_document(record).text
        assert "Spring tides come twice a month." in screen.document.text


async def test_the_stored_copy_follows_the_readers_cleaning_choices(temp_store):
    app = make_app(SEED, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")  # remove the first kept block
        article = app.article
        await pilot.press("q")
    record = app.library.article(article.record.id)
    assert record is not None
    assert stored_document(record).text == article.document.text


async def test_a_damaged_notes_file_is_reported_and_the_rest_still_works(library, temp_store):
    tides = ids_by_title(library)["Tides"]
    damaged = temp_store / "notes" / f"{tides}.json"
    damaged.write_bytes(b'{"annotations":{"x":')
    app = ReaderApp(library)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        assert [row[1] for row in rows(app)] == ["0", "?", "1"]
        await pilot.press("slash", *"patience", "enter")
        assert app.screen.query_one("#hits", DataTable).row_count == 0
        await pilot.press("escape", "down", "d")
        assert not isinstance(app.screen, ConfirmDelete)
        assert notices and all("is damaged" in m for m in notices)
    assert damaged.read_bytes() == b'{"annotations":{"x":'
