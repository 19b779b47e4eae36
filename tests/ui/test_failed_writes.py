"""The TUI when the store refuses a write (a full disk, a read-only folder), and when text and
ctrl+s arrive in one input burst (issue #12, items 2 and 3).

A full disk is simulated where the store writes its files (tests run as root, for whom a
read-only folder is writable): every atomic write raises the OSError the system would.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual import events
from textual.widgets import TextArea

import store.library
import store.storage
from tests.ui.helpers import (
    make_app,
    record_notices,
    wait_until,
    whole_screen_text,
    write_article,
)
from widgets.annotation_panel import AnnotationPanel
from widgets.confirm_discard import ConfirmDiscard
from widgets.confirm_quit import ConfirmQuit
from widgets.note_editor import NoteEditor
from widgets.reading_screen import ReadingScreen

SIZE = (100, 30)
ARTICLE = (
    "# Notes Test\n\nFirst sentence here. Second sentence follows. Third sentence is the one.\n\n"
    "Another paragraph with more words to read and to highlight in colour.\n"
)


class Disk:
    """The store's disk: `full` (ENOSPC) or `read_only` (EROFS) makes every write fail."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.error = 0
        for module in (store.storage, store.library):
            real = module.atomic_write

            def failing(*args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
                if self.error:
                    raise OSError(self.error, os.strerror(self.error), str(args[0]))
                return _real(*args, **kwargs)

            monkeypatch.setattr(module, "atomic_write", failing)

    def full(self) -> None:
        self.error = errno.ENOSPC

    def read_only(self) -> None:
        self.error = errno.EROFS

    def fine(self) -> None:
        self.error = 0


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    return Disk(monkeypatch)


def stored_notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(n.note or n.exact for n in app.library.annotations(app.article.record.id))


async def _reading(app, pilot) -> ReadingScreen:  # type: ignore[no-untyped-def]
    await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the article open")
    assert isinstance(app.screen, ReadingScreen)
    return app.screen


async def test_h_on_a_full_disk_keeps_the_highlight_unsaved_and_the_app_up(
    tmp_path: Path, temp_store: Path, disk: Disk
):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _reading(app, pilot)
        notices = record_notices(app)
        disk.full()
        await pilot.press("h")
        await wait_until(pilot, lambda: notices, "a message")
        assert app.is_running
        assert "Not saved" in notices[-1] and "No space left" in " ".join(notices)
        assert len(notices[-1].splitlines()) == 1
        [placed] = screen.annotations.placed  # shown, in memory
        assert placed.record.id in screen.annotations.unsaved
        assert stored_notes(app) == []
        await pilot.press("H")
        await wait_until(pilot, lambda: screen.query(AnnotationPanel), "the panel")
        panel = screen.query_one(AnnotationPanel)
        assert "unsaved" in str(panel.query_one("#panel-list").get_option_at_index(0).prompt)
        await pilot.press("escape")
        disk.fine()
        await pilot.press(")", ")", "h")  # the next change saves both
        await wait_until(pilot, lambda: len(stored_notes(app)) == 2, "both highlights saved")
        assert not screen.annotations.unsaved


async def test_ctrl_s_on_a_full_disk_keeps_the_note_in_the_editor_until_it_saves(
    tmp_path: Path, temp_store: Path, disk: Disk
):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await _reading(app, pilot)
        notices = record_notices(app)
        disk.full()
        await pilot.press("a", *"A thought worth keeping", "ctrl+s")
        await wait_until(pilot, lambda: notices, "a message")
        assert isinstance(app.screen, NoteEditor) and app.is_running
        assert app.screen.query_one("#note", TextArea).text == "A thought worth keeping"
        assert "Not saved" in notices[-1] and stored_notes(app) == []
        disk.fine()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, NoteEditor), "editor closed")
        assert stored_notes(app) == ["A thought worth keeping"]


async def _note_refused(app, pilot, disk: Disk, note: str):  # type: ignore[no-untyped-def]
    """On a full disk, `note` typed on the first sentence and ctrl+s pressed: refused.
    The reading screen, and the messages shown since."""
    screen = await _reading(app, pilot)
    notices = record_notices(app)
    disk.full()
    await pilot.press("a", *note, "ctrl+s")
    await wait_until(pilot, lambda: notices, "a message")
    assert isinstance(app.screen, NoteEditor)
    return screen, notices


async def test_esc_after_a_refused_ctrl_s_keeps_the_note_unsaved_until_the_next_write(
    tmp_path: Path, temp_store: Path, disk: Disk
):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        screen, notices = await _note_refused(app, pilot, disk, "Kept through a full disk")
        assert "Kept, marked unsaved" in notices[-1] and len(notices[-1].splitlines()) == 1
        await pilot.press("escape")  # nothing typed since: no question, nothing dropped
        await wait_until(pilot, lambda: app.screen is screen, "the editor closed")
        [placed] = screen.annotations.placed
        assert placed.record.note == "Kept through a full disk"
        assert placed.record.id in screen.annotations.unsaved
        await pilot.press("H")
        await wait_until(pilot, lambda: screen.query(AnnotationPanel), "the panel")
        listed = str(
            screen.query_one(AnnotationPanel).query_one("#panel-list").get_option_at_index(0).prompt
        )
        assert "unsaved" in listed and "Kept through a full disk" in listed
        await pilot.press("escape")
        disk.fine()
        await pilot.press(")", ")", "h")  # the next change saves the note too
        await wait_until(pilot, lambda: len(stored_notes(app)) == 2, "saved with the next change")
        assert "Kept through a full disk" in stored_notes(app)


async def test_more_typed_after_a_refused_ctrl_s_is_asked_about_on_esc(
    tmp_path: Path, temp_store: Path, disk: Disk
):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        screen, _ = await _note_refused(app, pilot, disk, "First part")
        await pilot.press(*" and more", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDiscard), "the question")
        await pilot.press("y")  # drops " and more" only: the refused save is still held
        await wait_until(pilot, lambda: app.screen is screen, "the editor closed")
        [placed] = screen.annotations.placed
        assert placed.record.note == "First part"


async def test_a_read_only_store_at_the_first_paint_is_one_line_and_the_app_stays_up(
    tmp_path: Path, temp_store: Path, disk: Disk
):
    disk.read_only()
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    notices = record_notices(app)  # from the start: the first save is at the first paint
    async with app.run_test(size=SIZE) as pilot:
        await _reading(app, pilot)
        await wait_until(pilot, lambda: app.started, "the first frame")
        await wait_until(pilot, lambda: notices, "a message")
        await pilot.press("j", "j")
        assert app.is_running
    # Only where the reader is was not saved: one line that the store is read-only.
    assert "read-only" in notices[0] and "nothing will be saved" in notices[0]
    assert len(notices[0].splitlines()) == 1


async def test_a_read_only_store_says_so_when_a_highlight_is_made(
    tmp_path: Path, temp_store: Path, disk: Disk
):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await _reading(app, pilot)
        notices = record_notices(app)
        disk.read_only()
        await pilot.press("h")
        await wait_until(pilot, lambda: notices, "a message")
        assert "Read-only file system" in notices[-1] and app.is_running


async def test_quitting_with_unsaved_changes_asks_first(
    tmp_path: Path, temp_store: Path, disk: Disk
):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await _reading(app, pilot)
        disk.full()
        await pilot.press("h", "q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmQuit), "the question")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "back reading")
        assert app.is_running
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmQuit), "asked again")
        disk.fine()
        await pilot.press("r")  # try again: it saves, and quits
        await wait_until(pilot, lambda: not app.is_running, "the app quit")
    assert len(stored_notes(app)) == 1


async def test_quitting_on_a_full_disk_when_told_to_lose_the_changes_ends_cleanly(
    tmp_path: Path, temp_store: Path, disk: Disk
):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await _reading(app, pilot)
        disk.full()
        await pilot.press("h", "q", "y")  # y: the last save on the way out fails too
        await wait_until(pilot, lambda: not app.is_running, "the app quit")
    assert app.return_code in (0, None)
    assert stored_notes(app) == []


async def test_text_and_ctrl_s_in_one_input_burst_save_exactly_what_was_typed(
    tmp_path: Path, temp_store: Path
):
    # A paste then ctrl+s, or keys over SSH: the terminal delivers them in one read, and the
    # driver posts every key to the app before any is handled.
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    typed = "Burst typed — with 😀 and a quote’s end, then saved at once."
    async with app.run_test(size=SIZE) as pilot:
        await _reading(app, pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
        for char in typed:
            app.post_message(events.Key("space" if char == " " else char, char))
        app.post_message(events.Key("ctrl+s", None))
        await wait_until(pilot, lambda: not isinstance(app.screen, NoteEditor), "saved")
    assert stored_notes(app) == [typed]


async def _post_keys_in_editor(app, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """In the note editor of the first sentence, every key of `text` posted to the app before
    any is handled, as the driver does with one read: a tab is Tab, an escape Esc, \x13
    ctrl+s."""
    await _reading(app, pilot)
    await pilot.press("a")
    await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
    names = {" ": "space", "\t": "tab", "\x1b": "escape", "\x13": "ctrl+s"}
    for char in text:
        app.post_message(events.Key(names.get(char, char), char))


async def test_note_tab_tags_and_ctrl_s_in_one_burst_each_go_to_their_field(
    tmp_path: Path, temp_store: Path
):
    # Tab moves on as the app reads it: the keys after it go to the tags, even when the note
    # field has not yet handled the keys before it.
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await _post_keys_in_editor(app, pilot, "the note\tone, two\x13")
        await wait_until(pilot, lambda: not isinstance(app.screen, NoteEditor), "saved")
        (saved,) = app.library.annotations(app.article.record.id)
    assert (saved.note, saved.tags) == ("the note", ["one", "two"])


async def test_text_then_esc_in_one_burst_asks_before_dropping_it(tmp_path: Path, temp_store: Path):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await _post_keys_in_editor(app, pilot, "typed, then Esc at once\x1b")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDiscard), "the question")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor again")
        assert app.screen.query_one("#note", TextArea).text == "typed, then Esc at once"


async def test_a_damaged_store_record_is_skipped_and_told_in_the_reader(
    tmp_path: Path, temp_store: Path
):
    import json

    from reader.cli import main

    page = write_article(tmp_path, ARTICLE)
    assert main(["notes", "add", str(page), "--quote", "Second sentence", "--note", "kept"]) == 0
    (notes,) = (temp_store / "notes").glob("*.json")
    data = json.loads(notes.read_text())
    data["annotations"]["junk"] = {"id": "junk", "start": "x"}
    notes.write_text(json.dumps(data))
    app = make_app(page, temp_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _reading(app, pilot)
        await wait_until(pilot, lambda: "damaged store record" in whole_screen_text(app), "told")
        assert [p.record.note for p in screen.annotations.placed] == ["kept"]
    assert json.loads(notes.read_text())["annotations"]["junk"] == {"id": "junk", "start": "x"}
