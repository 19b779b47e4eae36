"""A store that cannot be written from the start (a read-only folder, a full disk): one line at
the first paint says so; quitting asks only when a change the reader made (a highlight, a
note, a tag, a cleaning choice) is not saved, never for the reading position alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.helpers import make_app, record_notices, wait_until, write_article
from tests.ui.test_failed_writes import ARTICLE, SIZE, Disk, _reading
from widgets.confirm_quit import ConfirmQuit
from widgets.reading_screen import ReadingScreen


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    return Disk(monkeypatch)


async def test_read_only_from_the_start_says_it_once_and_q_quits_without_asking(
    tmp_path: Path, temp_store: Path, disk: Disk
):
    disk.read_only()
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await _reading(app, pilot)
        await wait_until(pilot, lambda: notices, "a message")
        # Moving saves the reading position (refused): not a change to ask about.
        await pilot.press("j", "j", ")", ")", "G")
        await pilot.press("q")
        await wait_until(pilot, lambda: not app.is_running, "the app quit")
        assert not any(isinstance(screen, ConfirmQuit) for screen in app.screen_stack)
    assert len(notices) == 1  # said once, not again for each position saved
    [line] = notices
    assert "read-only" in line and "nothing will be saved" in line
    assert "Not saved" not in line and "quitting asks" not in line
    assert len(line.splitlines()) == 1


async def test_read_only_from_the_start_q_asks_after_a_highlight(
    tmp_path: Path, temp_store: Path, disk: Disk
):
    disk.read_only()
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await _reading(app, pilot)
        await wait_until(pilot, lambda: notices, "the first line")
        await pilot.press("h")
        await wait_until(pilot, lambda: len(notices) == 2, "the highlight not saved")
        assert "Not saved" in notices[1] and "Read-only file system" in notices[1]
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmQuit), "the question")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "back reading")
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmQuit), "asked again")
        await pilot.press("y")
        await wait_until(pilot, lambda: not app.is_running, "the app quit")


async def test_a_full_disk_at_the_first_paint_says_so_and_q_quits_without_asking(
    tmp_path: Path, temp_store: Path, disk: Disk
):
    disk.full()
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await _reading(app, pilot)
        await wait_until(pilot, lambda: notices, "a message")
        await pilot.press("j", "q")
        await wait_until(pilot, lambda: not app.is_running, "the app quit")
    [line] = notices
    assert "No space left" in line and "nothing will be saved" in line
    assert len(line.splitlines()) == 1
