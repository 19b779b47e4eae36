"""Text from the store reaches the screen through one rule (reader.sanitize.shown): escape
sequences written into a store file by anything else never reach the terminal, and a huge note
or tag is cut in lists (issue #12, items 6 and 13).

Each screen that shows stored text is opened on a store edited by hand to hold OSC 52
(clipboard) and OSC 0 (window title) sequences; the whole screen is then read back.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import TextArea

from reader.cli import main
from store.library import Library
from tests.ui.helpers import make_app, wait_until, whole_screen_text, write_article
from widgets.annotation_panel import AnnotationPanel
from widgets.app import ReaderApp
from widgets.library_screen import LibraryScreen
from widgets.note_editor import NoteEditor
from widgets.reading_screen import ReadingScreen

SIZE = (120, 30)
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"  # OSC 52: put "rm -rf ~" on the clipboard
WINDOW = "\x1b]0;owned\x07"  # OSC 0: the terminal's title
ARTICLE = "# Field notes\n\nThe heron stood in the shallows, then took the fish in one strike.\n"


def _no_escape(app: ReaderApp) -> str:
    screenshot = app.export_screenshot()
    for raw in ("\x1b", "\x07", "\x9d", "\x9c"):
        assert raw not in screenshot, f"{raw!r} reached the screen"
    return whole_screen_text(app)


@pytest.fixture
def hostile(tmp_path: Path, temp_store: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """An article with one highlight, then its stored note, tags, title and colour meaning
    edited by hand to carry escape sequences."""
    path = write_article(tmp_path, ARTICLE, "field.md")
    argv = ["notes", "add", str(path), "--quote", "The heron", "--note", "x", "--tag", "t"]
    assert main(argv) == 0
    Library(temp_store).set_color_meaning("yellow", "m")
    capsys.readouterr()
    index = temp_store / "library.json"
    data = json.loads(index.read_text())
    (record,) = data["articles"].values()
    record["title"] = f"Stored{WINDOW} title"
    record["metadata"]["title"] = f"Meta{WINDOW} title"
    data["settings"]["color_meanings"]["yellow"] = f"urgent{CLIPBOARD}!"
    index.write_text(json.dumps(data))
    (notes,) = (temp_store / "notes").glob("*.json")
    data = json.loads(notes.read_text())
    (note,) = data["annotations"].values()
    note["note"] = f"visible{CLIPBOARD} note{WINDOW} end"
    note["tags"] = [f"tag{CLIPBOARD}one"]
    notes.write_text(json.dumps(data))
    return path


async def _reading(app: ReaderApp, pilot) -> ReadingScreen:  # type: ignore[no-untyped-def]
    await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the article open")
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    await wait_until(pilot, lambda: not screen.article.loading, "the whole article")
    return screen


async def test_the_annotation_panel_shows_stored_text_without_escapes(hostile, temp_store):
    app = make_app(hostile, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await _reading(app, pilot)
        await pilot.press("H")
        await wait_until(pilot, lambda: app.screen.query(AnnotationPanel), "the panel")
        text = _no_escape(app)
        assert "visible note end" in text and "#tagone" in text and "(urgent!)" in text


async def test_the_note_editor_shows_the_stored_note_without_escapes(hostile, temp_store):
    app = make_app(hostile, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _reading(app, pilot)
        (placed,) = screen.annotations.placed
        screen.view.cursor = placed.start
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
        assert app.screen.query_one("#note", TextArea).text == "visible note end"
        _no_escape(app)


async def test_the_colour_meanings_dialog_shows_stored_meanings_without_escapes(
    hostile, temp_store
):
    app = make_app(hostile, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await _reading(app, pilot)
        await pilot.press("M")
        await pilot.pause()
        assert "urgent!" in _no_escape(app)


async def test_the_library_and_its_search_hits_show_stored_text_without_escapes(
    hostile, temp_store
):
    app = ReaderApp(Library(temp_store))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LibraryScreen)
        assert "Stored title" in _no_escape(app)
        await pilot.press("slash", *"visible", "enter")
        await pilot.pause()
        assert "visible note end" in _no_escape(app)


async def test_the_title_bar_shows_a_stored_title_without_escapes(hostile, temp_store):
    hostile.unlink()  # the source is gone: the article reopens from the store's copy
    app = ReaderApp(Library(temp_store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await _reading(app, pilot)
        assert "Meta title" in _no_escape(app).splitlines()[0]


async def test_a_toast_quoting_stored_text_shows_it_without_escapes(hostile, temp_store):
    # The source is gone and the store has no copy: the error names the stored title.
    index = temp_store / "library.json"
    data = json.loads(index.read_text())
    (record,) = data["articles"].values()
    record["body_sha"] = ""
    index.write_text(json.dumps(data))
    for body in (temp_store / "articles").glob("*"):
        body.unlink()
    hostile.unlink()
    app = ReaderApp(Library(temp_store))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: "source is gone" in whole_screen_text(app), "the toast")
        assert "Stored title" in _no_escape(app)


async def test_a_huge_note_and_tag_are_cut_in_the_panel_and_whole_in_the_editor(
    hostile, temp_store
):
    (notes,) = (temp_store / "notes").glob("*.json")
    data = json.loads(notes.read_text())
    (note,) = data["annotations"].values()
    note["note"] = "start " + "word " * 200_000 + "finish"  # 1 MB
    note["tags"] = ["t" * 100_000]
    notes.write_text(json.dumps(data))
    app = make_app(hostile, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _reading(app, pilot)
        await pilot.press("H")
        await wait_until(pilot, lambda: app.screen.query(AnnotationPanel), "the panel")
        text = whole_screen_text(app)
        assert "start word" in text and "more characters]" in text
        assert "finish" not in text
        await pilot.press("escape")
        (placed,) = screen.annotations.placed
        screen.view.cursor = placed.start
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
        whole = app.screen.query_one("#note", TextArea).text
        assert whole.startswith("start word") and whole.endswith("finish")
        assert len(whole) == len(note["note"])
