"""j/k, g/G and ctrl+d/ctrl+u in every list and scrolling screen, as in the text."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList

from reader.cli import main
from tests.conftest import SAMPLES
from tests.ui.helpers import make_app, wait_until, write_article
from widgets.help_screen import HelpScreen
from widgets.library_screen import LibraryScreen

ESSAY = SAMPLES / "notes-in-the-margin.md"


async def test_outline_takes_j_k_g_G_and_half_pages(temp_store):
    app = make_app(ESSAY, temp_store)
    async with app.run_test(size=(100, 24)) as pilot:
        outline = app.screen.query_one("#outline", OptionList)
        await pilot.press("tab")
        await wait_until(pilot, lambda: outline.has_focus, "the outline has the focus")
        await pilot.press("g")
        await wait_until(pilot, lambda: outline.highlighted == 0)
        await pilot.press("j", "j")
        await wait_until(pilot, lambda: outline.highlighted == 2)
        await pilot.press("k")
        await wait_until(pilot, lambda: outline.highlighted == 1)
        await pilot.press("G")
        await wait_until(pilot, lambda: outline.highlighted == outline.option_count - 1)
        await pilot.press("ctrl+u")
        await wait_until(pilot, lambda: outline.highlighted < outline.option_count - 5)
        after_page_up = outline.highlighted
        await pilot.press("ctrl+d")
        await wait_until(pilot, lambda: outline.highlighted > after_page_up)
        await pilot.press("g", "j", "enter")  # and Enter still jumps there
        assert app.screen.query_one("DocumentView").has_focus


async def test_annotation_panel_list_takes_j_k_g_G(tmp_path, temp_store):
    text = "# Notes\n\n" + "\n\n".join(f"Paragraph {n} has words in it." for n in range(6))
    app = make_app(write_article(tmp_path, text), temp_store)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.press("h", "}", "h", "}", "h", "H", "down")
        listing = app.screen.query_one("#panel-list", OptionList)
        await wait_until(pilot, lambda: listing.has_focus and listing.option_count == 3)
        await pilot.press("j")
        await wait_until(pilot, lambda: listing.highlighted == 1)
        await pilot.press("G")
        await wait_until(pilot, lambda: listing.highlighted == 2)
        await pilot.press("k", "k")
        await wait_until(pilot, lambda: listing.highlighted == 0)
        await pilot.press("G", "g")
        await wait_until(pilot, lambda: listing.highlighted == 0)


async def test_library_table_takes_j_k_g_G(tmp_path, temp_store):
    for name in ("one", "two", "three", "four"):
        path = write_article(tmp_path, f"# {name}\n\nThe {name} article, read.", f"{name}.md")
        assert main(["notes", "add", str(path), "--quote", "article"]) == 0
    app = make_app(tmp_path / "one.md", temp_store)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.press("L")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        table = app.screen.query_one("#articles", DataTable)
        await wait_until(pilot, lambda: table.has_focus and table.row_count == 4)
        await pilot.press("j", "j")
        await wait_until(pilot, lambda: table.cursor_row == 2)
        await pilot.press("k")
        await wait_until(pilot, lambda: table.cursor_row == 1)
        await pilot.press("G")
        await wait_until(pilot, lambda: table.cursor_row == 3)
        await pilot.press("g")
        await wait_until(pilot, lambda: table.cursor_row == 0)


async def test_help_screen_scrolls_with_j_k_g_G_and_half_pages(temp_store):
    app = make_app(ESSAY, temp_store)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        pane = app.screen.query_one("#help")
        await wait_until(pilot, lambda: pane.max_scroll_y > 10, "the help is longer than a page")
        await pilot.press("j", "j")
        await wait_until(pilot, lambda: pane.scroll_y == 2)
        await pilot.press("k")
        await wait_until(pilot, lambda: pane.scroll_y == 1)
        await pilot.press("G")
        await wait_until(pilot, lambda: pane.scroll_y == pane.max_scroll_y)
        await pilot.press("g")
        await wait_until(pilot, lambda: pane.scroll_y == 0)
        await pilot.press("ctrl+d")
        await wait_until(pilot, lambda: pane.scroll_y > 5)
        await pilot.press("ctrl+u")
        await wait_until(pilot, lambda: pane.scroll_y == 0)
