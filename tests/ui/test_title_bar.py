"""The title bar at the widths people read at: title, section and percentage share the line."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SAMPLES
from tests.ui.helpers import make_app, view_of, wait_until, whole_screen_text
from widgets.outline import Outline
from widgets.title_bar import shares

ESSAY = SAMPLES / "notes-in-the-margin.md"
TITLE = "Notes in the Margin: How Readers Talk Back to Their Books"
SECTION = "What people are really doing when they annotate"


def _parts(bar: str) -> tuple[str, str, str]:
    """The title, the section and the percentage of the bar's line, as drawn."""
    match = re.fullmatch(r" (.+?)(?: {3,}(.+?))?  +(\d+%) ", bar)
    assert match, f"not title, section and percentage: {bar!r}"
    return match.group(1), match.group(2) or "", match.group(3)


def _shown_whole_or_cut(shown: str, whole: str) -> bool:
    return shown == whole or (shown.endswith("…") and whole.startswith(shown[:-1]))


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_title_section_and_percentage_share_the_line(width: int, temp_store):
    app = make_app(ESSAY, temp_store)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.press("]", "]", "]", "]")  # into "What people are really doing …"
        await wait_until(pilot, lambda: SECTION[:20] in whole_screen_text(app).split("\n")[0])
        bar = whole_screen_text(app).split("\n")[0].ljust(width)
        title, section, percent = _parts(bar)
        assert _shown_whole_or_cut(title, TITLE), title
        assert _shown_whole_or_cut(section, SECTION), section
        assert re.fullmatch(r"\d+%", percent)
        if title != TITLE or section != SECTION:  # something was cut: no cell is wasted
            assert len(title) + 3 + len(section) + 2 + len(percent) == width - 2, bar
        if width >= 120:
            assert (title, section) == (TITLE, SECTION)
        else:  # neither squeezed out by the other: each keeps at least 40% of the room
            assert min(len(title), len(section)) >= 0.4 * (width - 2 - len(percent) - 5)


@pytest.mark.parametrize(
    ("room", "title", "section", "expected"),
    [
        (60, 20, 30, (20, 30)),  # both fit
        (60, 20, 50, (20, 37)),  # the short title whole, the section the rest
        (60, 50, 10, (47, 10)),  # the short section whole
        (60, 50, 50, (31, 26)),  # both cut: 55% and 45% of what is left after the gap
        (60, 50, 0, (50, 0)),  # no section: the title alone
        (2, 50, 10, (2, 0)),  # too narrow for both: the title alone
    ],
)
def test_shares(room: int, title: int, section: int, expected: tuple[int, int]):
    assert shares(room, title, section) == expected


async def test_the_percentage_is_shown_even_in_a_narrow_terminal(temp_store):
    app = make_app(ESSAY, temp_store)
    async with app.run_test(size=(30, 20)) as pilot:
        await pilot.press("G")
        await wait_until(pilot, lambda: "100%" in whole_screen_text(app).split("\n")[0])


FERRY = SAMPLES / "harbour-courier-night-ferry.html"


def _bar(app) -> str:
    return whole_screen_text(app).split("\n")[0]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_section_shown_is_the_cursors(size: tuple[int, int], temp_store):
    app = make_app(FERRY, temp_store)
    async with app.run_test(size=size) as pilot:
        view = view_of(app)
        await pilot.press("G")  # the cursor goes to the last words, in the last section
        last = view.document.sections[view.document.section_at(view.cursor)].title
        assert last == "What happens next"
        await wait_until(pilot, lambda: last in _bar(app), f"{last!r} in {_bar(app)!r}")
        assert app.screen.query_one(Outline).highlighted == len(view.document.sections) - 1


async def test_the_section_follows_the_cursor_without_a_scroll(temp_store):
    app = make_app(FERRY, temp_store)
    async with app.run_test(size=(120, 40)) as pilot:
        view = view_of(app)
        sections = view.document.sections
        await pilot.press("g")
        # Sentence by sentence until the cursor enters the second section, still on screen.
        while view.document.section_at(view.cursor) in (None, 0):
            await pilot.press(")")
        top = view.scroll_offset.y
        second = sections[view.document.section_at(view.cursor)].title
        assert view.document.section_at(view.position) != view.document.section_at(view.cursor)
        await wait_until(pilot, lambda: second[:20] in _bar(app), f"{second!r} in {_bar(app)!r}")
        assert view.scroll_offset.y == top
