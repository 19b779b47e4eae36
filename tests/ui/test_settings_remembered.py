"""Theme, outline and reading width are remembered across launches; the user's keys apply."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import SAMPLES
from tests.ui.helpers import make_app, record_notices, view_of, wait_until
from widgets.outline import Outline

SIZE = (120, 30)
ARTICLE = SAMPLES / "notes-in-the-margin.md"


def settings_file() -> Path:
    return Path(os.environ["READER_CONFIG"])


async def test_theme_outline_and_width_come_back_on_the_next_launch(temp_store):
    app = make_app(ARTICLE, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.query_one(Outline).has_class("-hidden")
        width = view_of(app).column_width
        await pilot.press("t", "plus", "plus", "minus")
        app.theme = "reader-light"  # what picking it in the palette does
        await wait_until(pilot, lambda: "reader-light" in settings_file().read_text(), "saved")
        assert view_of(app).column_width == width + 4
        await pilot.press("q")
    again = make_app(ARTICLE, temp_store, width=None)
    async with again.run_test(size=SIZE):
        assert again.theme == "reader-light"
        assert again.screen.query_one(Outline).has_class("-hidden")
        assert view_of(again).column_width == width + 4


async def test_a_broken_settings_file_is_one_warning_and_the_defaults(temp_store):
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text("outline = maybe\n")
    app = make_app(ARTICLE, temp_store, width=None)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: notices, "a warning")
        assert len(notices) == 1 and "not valid TOML" in notices[0]
        assert view_of(app).column_width == 80
        assert not app.screen.query_one(Outline).has_class("-hidden")


async def test_a_users_key_overrides_a_default_and_a_bad_one_is_named(temp_store):
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text('[keys]\n"scroll.down" = "ctrl+n"\n"no.such" = "z"\n')
    app = make_app(ARTICLE, temp_store)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: notices, "a warning")
        assert any("'no.such'" in notice for notice in notices)
        view = view_of(app)
        await pilot.press("ctrl+n")
        assert view.scroll_offset.y == 1
        await pilot.press("j")  # rebound: j no longer scrolls
        assert view.scroll_offset.y == 1
