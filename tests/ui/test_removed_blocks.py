"""R shows what cleaning removed, with reasons; r restores or removes a block, for good."""

from __future__ import annotations

from tests.conftest import SEED
from tests.ui.helpers import make_app, screen_text, view_of

SIZE = (110, 40)
FIRST = "Russian intelligence agents persuaded"
APPEAL = "Your support makes all the difference."


async def test_removed_blocks_show_with_reasons_and_restore_survives_reopen(temp_store):
    app = make_app(SEED, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        assert APPEAL not in screen_text(view)
        await pilot.press("h")  # highlight the first sentence before changing the text
        await pilot.press("R")
        shown = screen_text(view)
        assert APPEAL in shown and "removed: donation appeal" in shown
        await pilot.press("left_curly_bracket")  # step back onto the removed block above
        assert view.ghost is not None
        await pilot.press("r")
        assert app.article.document.body.startswith(APPEAL)
        mark = view.marks[0]
        assert app.article.document.text[mark.start : mark.end].startswith(FIRST)
        await pilot.press("q")
    assert app.article.overrides
    app.library.close()

    again = make_app(SEED, temp_store)
    async with again.run_test(size=SIZE):
        assert again.article.document.body.startswith(APPEAL)
        assert APPEAL in screen_text(view_of(again))


async def test_r_on_a_kept_block_removes_it_and_it_can_come_back(temp_store):
    app = make_app(SEED, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert not app.article.document.body.startswith(FIRST)
        await pilot.press("R")
        assert "removed: by you" in screen_text(view_of(app))
        await pilot.press("left_curly_bracket", "r")
        assert app.article.document.body.startswith(FIRST)
