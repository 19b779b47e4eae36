"""A search that finds nothing leaves the cursor and the view where they were (as in vim)."""

from __future__ import annotations

from tests.conftest import SAMPLES
from tests.ui.helpers import make_app, view_of, whole_screen_text

ESSAY = SAMPLES / "notes-in-the-margin.md"


async def test_a_search_with_no_match_leaves_cursor_and_view_in_place(temp_store):
    app = make_app(ESSAY, temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        view = view_of(app)
        await pilot.press("g", "w", "w", "w")  # the cursor a few words in
        cursor, top = view.cursor, view.scroll_offset.y
        await pilot.press("slash", "z")  # a partial query that does match, far down
        assert view.matches and view.cursor != cursor and view.scroll_offset.y != top
        await pilot.press(*"zqq")
        assert "no match" in whole_screen_text(app).split("\n")[-1]
        await pilot.press("enter")
        await pilot.pause()
        assert (view.cursor, view.scroll_offset.y) == (cursor, top)
        assert not view.matches


async def test_n_after_a_failed_search_keeps_the_place(temp_store):
    app = make_app(ESSAY, temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        view = view_of(app)
        await pilot.press("]", "]", ")")
        cursor, top = view.cursor, view.scroll_offset.y
        await pilot.press("slash", *"zzqq", "enter", "n", "N")
        await pilot.pause()
        assert (view.cursor, view.scroll_offset.y) == (cursor, top)


async def test_escape_puts_the_cursor_back_too(temp_store):
    app = make_app(ESSAY, temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        view = view_of(app)
        await pilot.press("g", ")")
        cursor, top = view.cursor, view.scroll_offset.y
        await pilot.press("slash", *"dozen")
        assert view.cursor != cursor
        await pilot.press("escape")
        await pilot.pause()
        assert (view.cursor, view.scroll_offset.y) == (cursor, top)
