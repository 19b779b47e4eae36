"""Every action is reachable from the command palette."""

from __future__ import annotations

from tests.ui.helpers import (
    LONG_MARKDOWN,
    make_app,
    palette_choice,
    top_line_text,
    view_of,
    wait_until,
    write_article,
)
from widgets import keymap
from widgets.reading_screen import ReadingScreen


async def test_palette_runs_a_reading_action(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, LONG_MARKDOWN), temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Next section")
        await wait_until(pilot, lambda: palette_choice(app) == "Next section", "the palette's pick")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert top_line_text(view_of(app)) == "Part 2"


async def test_palette_lists_every_bound_action(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, LONG_MARKDOWN), temp_store)
    async with app.run_test(size=(100, 30)):
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for spec in keymap.READING + keymap.SCREEN + keymap.APP:
            assert spec.description in titles
