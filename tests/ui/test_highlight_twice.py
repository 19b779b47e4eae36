"""`h` on text already highlighted over exactly the same range stores nothing more and says so;
a colour key (1-5) on a selection of exactly a highlight recolours it, as on the highlight."""

from __future__ import annotations

from tests.ui.helpers import (
    make_app,
    record_notices,
    wait_until,
    whole_screen_text,
    write_article,
)

ARTICLE = """# Twice Test

First sentence here. Second sentence follows. Third sentence is the one.

Another paragraph with more words to read and to highlight in colour.
"""
SIZE = (100, 24)


def stored(app):  # type: ignore[no-untyped-def]
    return [(r.exact, r.color) for r in app.library.annotations(app.article.record.id)]


async def test_h_twice_on_the_same_sentence_stores_one_highlight_and_says_so(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        said = record_notices(app)
        await pilot.press("h")
        await wait_until(pilot, lambda: stored(app), "the highlight stored")
        await pilot.press("h", "h")
        await wait_until(pilot, lambda: len(said) == 3, f"a line for each h: {said}")
        assert stored(app) == [("First sentence here.", "yellow")]
        assert said[1:] == ["Already highlighted in yellow (1-5 recolour it, x deletes it)."] * 2
        await wait_until(
            pilot, lambda: "Already highlighted in yellow" in whole_screen_text(app), "shown"
        )
        await pilot.press("u")  # undo takes back the one highlight made
        await wait_until(pilot, lambda: not stored(app), "the highlight undone")


async def test_the_same_selection_highlighted_twice_is_one_highlight(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notices(app)
        await pilot.press("v", "w", "h")
        await wait_until(pilot, lambda: stored(app), "the highlight stored")
        await pilot.press("g", "}", "v", "w", "h")
        await wait_until(pilot, lambda: len(said) == 2, f"a line for the second h: {said}")
        assert stored(app) == [("First sentence", "yellow")]
        assert said[1].startswith("Already highlighted in yellow")
        # A colour key on the same selection recolours it, as it does on the highlight.
        await pilot.press("g", "}", "v", "w", "2")
        await wait_until(pilot, lambda: len(said) == 3, f"a line for 2: {said}")
        assert stored(app) == [("First sentence", "green")]
        assert said[2] == "Colour: green."
        # A wider selection over it is a new highlight, as before.
        await pilot.press("g", "}", "v", "w", "w", "h")
        await wait_until(pilot, lambda: len(stored(app)) == 2, "the wider highlight")
