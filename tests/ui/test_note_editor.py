"""The note editor as a reader meets it: at small sizes, on Esc, on a sentence of speech."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from tests.conftest import SEED
from tests.ui.helpers import make_app, wait_until, whole_screen_text, write_article
from widgets.confirm_discard import ConfirmDiscard
from widgets.note_editor import HINT, NoteEditor
from widgets.quoting import quoted

ARTICLE = """# Notes Test

First sentence here. Second sentence follows. Third sentence is the one.

Another paragraph with more words to read and to highlight in colour.
"""

# A sentence long enough to fill the five lines the dialog gives a quote.
LONG = (
    "# Notes Test\n\nThe ferry that once carried night workers, students, a travelling choir, "
    "two hundred bicycles and, on one famous winter evening, a brass band with its instruments "
    "across the estuary every hour until midnight was withdrawn after the council found that "
    "the pier could no longer bear its weight and that repairs would take two years.\n"
)


def stored(app):
    return app.library.annotations(app.article.record.id)


@pytest.mark.parametrize("size", [(80, 24), (120, 20), (60, 16)])
async def test_the_whole_dialog_fits_or_scrolls_and_its_keys_show(size, tmp_path, temp_store):
    app = make_app(write_article(tmp_path, LONG), temp_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("a", *"Why now?")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
        screen = app.screen
        assert HINT in whole_screen_text(app)  # the keys, whatever the size
        tags = screen.query_one("#tags", Input)
        await pilot.press("tab")
        await wait_until(pilot, lambda: tags.has_focus, "the tags field has the focus")
        await pilot.press(*"syria")
        # The tags field is on screen, whole, inside the dialog (scrolled to if need be).
        dialog = screen.query_one("#editor").region
        assert tags.region.height == 3 and dialog.contains_region(tags.region)
        assert screen.region.contains_region(dialog)
        assert "syria" in whole_screen_text(app)
        await pilot.press("ctrl+s")
    [record] = stored(app)
    assert (record.note, record.tags) == ("Why now?", ["syria"])


async def test_escape_asks_before_throwing_typed_text_away(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"A thought worth keeping", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDiscard))
        await pilot.press("n")  # keep editing: the words are still there
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
        assert app.screen.query_one("#note", TextArea).text == "A thought worth keeping"
        await pilot.press(*" too", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDiscard))
        await pilot.press("escape")  # Esc again also keeps editing
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
        await pilot.press("escape", "y")  # discard
        await wait_until(pilot, lambda: not isinstance(app.screen, (NoteEditor, ConfirmDiscard)))
        assert stored(app) == []


async def test_escape_with_nothing_typed_closes_at_once(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, NoteEditor))
        assert not isinstance(app.screen, ConfirmDiscard)
        assert [r.note for r in stored(app)] == [""]  # the highlight made by h stays


async def test_a_then_escape_on_a_plain_sentence_leaves_no_highlight(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, NoteEditor))
        assert stored(app) == []
        assert app.screen.query_one("DocumentView").marks == []
        # And saved, the note makes the highlight and the note in one undo step.
        await pilot.press("a", *"worth it", "ctrl+s")
        await wait_until(pilot, lambda: len(stored(app)) == 1)
        assert stored(app)[0].exact == "First sentence here."
        await pilot.press("u")
        await wait_until(pilot, lambda: stored(app) == [])


async def test_a_sentence_of_speech_is_not_given_doubled_quote_marks(temp_store):
    app = make_app(SEED, temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.screen.query_one("DocumentView")
        at = app.article.document.text.index("“He is secured")
        while view.cursor < at:
            await pilot.press(")")
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
        shown = whole_screen_text(app)
        assert "“He is secured" in shown and "““" not in shown


@pytest.mark.parametrize(
    ("quote", "limit", "shown"),
    [
        ("The ferry left.", 80, "“The ferry left.”"),
        ("“He is secured,” he said.", 80, "“He is secured,” he said."),  # its own marks
        ("She called it “a relic”.", 80, "She called it “a relic”."),
        ("The ferry left at ten.", 9, "“The ferry…”"),
    ],
)
def test_quoted(quote: str, limit: int, shown: str):
    assert quoted(quote, limit) == shown


async def test_the_dialogs_keep_what_they_are_about_in_sight(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", *"A thought worth keeping")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
        # The article stays behind the editor (dimmed): its title bar, above the dialog.
        await wait_until(pilot, lambda: "Notes Test" in whole_screen_text(app).splitlines()[0])
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDiscard))
        # And the question whether to discard it shows the note it is about.
        assert "A thought worth keeping" in whole_screen_text(app)
