"""What a reader is told while annotating: the selection mode in the footer, a line after
each annotation action (and when one does nothing), and redo after undo."""

from __future__ import annotations

from textual.app import App

from tests.ui.helpers import make_app, record_notices, view_of, wait_until, write_article
from widgets.key_bar import KeyBar

ARTICLE = """# Feedback Test

First sentence here. Second sentence follows. Third sentence is the one.

Another paragraph with more words to read and to highlight in colour.
"""


def footer(app: App[object]) -> str:
    """The footer row as shown."""
    return str(app.screen.query_one(KeyBar).render())


def stored(app):
    return [(r.exact, r.color, r.note) for r in app.library.annotations(app.article.record.id)]


async def test_the_footer_says_when_a_selection_is_being_made(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=(100, 24)) as pilot:
        assert "SELECTING" not in footer(app)
        await pilot.press("v")
        await wait_until(pilot, lambda: "SELECTING" in footer(app), "the footer shows the mode")
        assert "Esc Cancel selection" in footer(app)
        await pilot.press("w", "escape")
        await wait_until(pilot, lambda: "SELECTING" not in footer(app), "the mode ends")
        assert "Cancel selection" not in footer(app)
        # s selects too, and the highlight it makes ends the selection.
        await pilot.press("s")
        await wait_until(pilot, lambda: "SELECTING" in footer(app), "s selects")
        await pilot.press("h")
        await wait_until(pilot, lambda: "SELECTING" not in footer(app), "h ends the selection")
        assert stored(app) == [("First sentence here.", "yellow", "")]


async def test_each_annotation_key_says_what_it_did(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=(100, 24)) as pilot:
        said = record_notices(app)

        async def press(*keys: str, says: str) -> None:
            await pilot.press(*keys)
            await wait_until(pilot, lambda: says in said, f"after {keys}: {says!r} in {said}")

        await press("h", says="Highlighted in yellow (u undoes).")
        assert stored(app) == [("First sentence here.", "yellow", "")]
        await press("2", says="Colour: green.")
        assert stored(app) == [("First sentence here.", "green", "")]
        app.library.set_color_meaning("blue", "evidence \x1b[31mfor\x1b[0m it")
        await press("3", says="Colour: blue, evidence for it.")  # with what it means (M)
        await press("2", says="Colour: green.")
        await press("a", *"Why?", "ctrl+s", says="Note saved.")
        assert stored(app) == [("First sentence here.", "green", "Why?")]
        await press("x", says="Highlight deleted (u undoes).")
        assert stored(app) == []
        await press("x", says="No highlight here.")  # nothing under the cursor now
        assert stored(app) == []
        await press("u", says="Undone: delete (ctrl+r redoes).")
        assert stored(app) == [("First sentence here.", "green", "Why?")]
        await press("right_curly_bracket", "x", says="No highlight here.")  # off it
        assert stored(app) == [("First sentence here.", "green", "Why?")]


async def test_redo_makes_again_what_undo_took_back(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=(100, 24)) as pilot:
        said = record_notices(app)
        view = view_of(app)
        await pilot.press("h", "3")
        await wait_until(pilot, lambda: stored(app) == [("First sentence here.", "blue", "")])
        await pilot.press("u", "u")
        await wait_until(pilot, lambda: stored(app) == [], "both undone")
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: stored(app) == [("First sentence here.", "yellow", "")])
        assert "Redone: highlight." in said
        assert len(view.marks) == 1  # drawn again
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: stored(app) == [("First sentence here.", "blue", "")])
        assert "Redone: colour." in said
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: "Nothing to redo." in said)
        # A new change after an undo: what was undone is not redone over it.
        await pilot.press("u", "right_curly_bracket", "h")
        await wait_until(pilot, lambda: len(stored(app)) == 2, "the new highlight")
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: said.count("Nothing to redo.") == 2)
        assert sorted(stored(app)) == [  # h keeps the last colour used: blue
            ("Another paragraph with more words to read and to highlight in colour.", "blue", ""),
            ("First sentence here.", "yellow", ""),
        ]
