"""The headline, standfirst and byline are text like any paragraph: the cursor reaches them,
they can be searched, highlighted and noted, and their highlights export."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLES, SEED
from tests.ui.helpers import make_app, view_of, wait_until

SEED_TITLE = "How Putin’s intelligence agents convinced Assad to flee Syria"
SEED_STANDFIRST = (
    "Fresh details have emerged of the ousted Syrian dictactor’s escape "
    "with the help of the Kremlin"
)
ESSAY = SAMPLES / "notes-in-the-margin.md"
ESSAY_TITLE = "Notes in the Margin: How Readers Talk Back to Their Books"


@pytest.fixture
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "exports"
    monkeypatch.setenv("READER_EXPORT_DIR", str(folder))
    return folder


def _exacts(app) -> set[str]:
    return {record.exact for record in app.library.annotations(app.article.record.id)}


async def test_the_cursor_reaches_the_header_and_h_highlights_it(temp_store):
    app = make_app(SEED, temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        view = view_of(app)
        text = view.document.text
        assert text[view.cursor :].startswith("Russian intelligence")  # the body's first word
        await pilot.press("left_curly_bracket")  # back a paragraph: the byline
        assert text[view.cursor :].startswith("Angus Thompson")
        await pilot.press("v", "w", "h")  # the writer's name
        await pilot.press("left_curly_bracket", "left_curly_bracket", "h")  # the standfirst
        await pilot.press("left_curly_bracket", "h")  # the headline
        assert view.cursor == 0
        assert _exacts(app) == {"Angus Thompson", SEED_STANDFIRST, SEED_TITLE}
        await pilot.press("q")
    app.library.close()

    again = make_app(SEED, temp_store)  # the highlights are where they were made
    async with again.run_test(size=(100, 30)):
        view = view_of(again)
        shown = {view.document.text[mark.start : mark.end] for mark in view.marks}
        assert shown == {"Angus Thompson", SEED_STANDFIRST, SEED_TITLE}


async def test_g_goes_to_the_headline_and_search_finds_it(temp_store):
    app = make_app(ESSAY, temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        view = view_of(app)
        await pilot.press("G", "g")
        assert view.cursor == 0 and view.scroll_offset.y == 0
        await pilot.press("G", "slash", *"talk back", "enter")
        start = view.matches[view.current_match][0]
        body = view.document.text.index("Open almost any second-hand book")
        assert start < body  # the headline's words, found first
        assert view.cursor == start and view.scroll_offset.y == 0


async def test_a_headline_highlight_with_a_note_exports_above_the_sections(temp_store, exports):
    app = make_app(ESSAY, temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "a", *"Why the margin?", "ctrl+s")
        await wait_until(pilot, lambda: _exacts(app) == {ESSAY_TITLE}, "the note saved")
        await pilot.press("E")
        await wait_until(pilot, lambda: list(exports.glob("*.md")), "the export")
        first_section = view_of(app).document.sections[0].title
    (path,) = exports.glob("*.md")
    text = path.read_text()
    quote, note = text.index(f"> {ESSAY_TITLE}"), text.index("Why the margin?")
    assert quote < note
    assert first_section not in text  # no section heading claims it: it is above them all
