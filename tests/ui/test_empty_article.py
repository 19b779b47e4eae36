"""An article that cleans to nothing: the reader says why, and keeps it out of the library."""

from __future__ import annotations

from tests.ui.helpers import (
    make_app,
    record_notices,
    view_of,
    wait_until,
    whole_screen_text,
    write_article,
)

CHROME = """Sign up for our newsletter

Advertisement

Share this article

We use cookies to improve your experience. Accept all cookies

© 2026 Harbour Courier. All rights reserved.
"""


async def test_an_all_chrome_page_says_why_and_is_not_added_to_the_library(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, CHROME, "chrome.txt"), temp_store)
    notices = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: any("page chrome" in n for n in notices), "a notice")
        view = view_of(app)
        assert view.show_removed  # not a blank page: what was removed, and why
        shown = whole_screen_text(app)
        assert "Sign up for our newsletter" in shown and "subscription prompt" in shown
        await pilot.press("q")
    assert app.library.articles() == []


async def test_restoring_a_block_keeps_the_article(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, CHROME, "chrome.txt"), temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        view = view_of(app)
        await wait_until(pilot, lambda: view.show_removed)
        await pilot.press("}", "r")  # onto the first removed block, and restore it
        await wait_until(pilot, lambda: app.library.articles() != [], "the article is saved")
        await pilot.press("q")
    [record] = app.library.articles()
    assert record.overrides


async def test_an_article_with_text_is_added_as_before(tmp_path, temp_store):
    app = make_app(
        write_article(tmp_path, "# Tides\n\nSpring tides come twice a month."), temp_store
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
    assert [r.title for r in app.library.articles()] == ["Tides"]
