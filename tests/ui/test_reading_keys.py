"""Each reading key, pressed as a user would, changes what is on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.events import MouseScrollDown, Paste
from textual.widgets import Static

from tests.conftest import SEED
from tests.ui.helpers import (
    LONG_MARKDOWN,
    make_app,
    rendered_text,
    screen_text,
    top_line_text,
    view_of,
    whole_screen_text,
    write_article,
)
from widgets.help_screen import HelpScreen
from widgets.keymap import ALL
from widgets.outline import Outline
from widgets.title_bar import TitleBar

SIZE = (100, 30)


@pytest.fixture
def long_article(tmp_path: Path) -> Path:
    return write_article(tmp_path, LONG_MARKDOWN)


@pytest.mark.parametrize(("keys", "delta"), [(("j",), 1), (("down", "down"), 2), (("j", "k"), 0)])
async def test_line_keys_scroll_by_one_line(long_article, temp_store, keys, delta):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("j", "j", "j")
        before = view.scroll_offset.y
        await pilot.press(*keys)
        assert view.scroll_offset.y == before + delta


@pytest.mark.parametrize(
    ("forward", "back"), [("space", "b"), ("pagedown", "pageup"), ("ctrl+d", "ctrl+u")]
)
async def test_page_keys_move_by_a_screen_and_back(long_article, temp_store, forward, back):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        height = view.scrollable_content_region.height
        await pilot.press(forward)
        step = view.scroll_offset.y
        expected = height // 2 if forward == "ctrl+d" else height - 1
        assert step == expected
        await pilot.press(back)
        assert view.scroll_offset.y == 0


@pytest.mark.parametrize(("end", "home"), [("G", "g"), ("end", "home")])
async def test_end_and_home(long_article, temp_store, end, home):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press(end)
        assert view.progress == 1.0
        assert "Paragraph 5.6" in screen_text(view)
        assert "100%" in str(app.screen.query_one(TitleBar).render())
        await pilot.press(home)
        assert view.scroll_offset.y == 0
        assert "A Long Read" in screen_text(view)


async def test_section_keys_put_the_next_heading_on_top(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("]")  # the cursor starts on "Part 1", so this is the next one
        assert top_line_text(view) == "Part 2"
        await pilot.press("]")
        assert top_line_text(view) == "Part 3"
        outline = app.screen.query_one(Outline)
        assert outline.highlighted == 2
        await pilot.press("[")
        assert top_line_text(view) == "Part 2"
        await pilot.press("[", "[")
        assert view.scroll_offset.y == 0


async def test_paragraph_keys(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("]", "}", "}")
        assert top_line_text(view).startswith("Paragraph 2.2")
        await pilot.press("{")
        assert top_line_text(view).startswith("Paragraph 2.1")


async def test_incremental_search_highlights_and_n_moves(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("slash")
        await pilot.press(*"topic 4")
        assert len(view.matches) == 6
        first = view.current_match
        start = view.matches[first][0]
        assert view.document.text[start : start + 7] == "topic 4"
        await pilot.press("enter")
        assert view.has_focus
        await pilot.press("n")
        assert view.current_match == first + 1
        await pilot.press("N", "N")
        assert view.current_match == (first - 1) % 6  # wraps round, as in less and vim
        line = view.line_of(view.matches[view.current_match][0])
        assert view.scroll_offset.y <= line < view.scroll_offset.y + view.size.height


async def test_search_finds_a_phrase_split_across_wrapped_lines(tmp_path, temp_store):
    words = " ".join(f"word{n}" for n in range(60)) + " needle in haystack " + "tail " * 30
    path = write_article(tmp_path, f"# T\n\n{words}")
    app = make_app(path, temp_store, width=30)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        start = view.document.text.index("needle")
        end = start + len("needle in haystack")
        assert view.line_of(start) != view.line_of(end)  # the phrase does wrap
        await pilot.press("slash", *"needle in haystack", "enter")
        assert view.matches == [(start, end)]


async def test_escape_cancels_search_and_returns(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("slash", *"Paragraph 5.6")
        assert view.scroll_offset.y > 0
        await pilot.press("escape")
        assert view.scroll_offset.y == 0
        assert view.matches == []


async def test_outline_toggle_focus_and_enter_jumps(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        outline = app.screen.query_one(Outline)
        assert outline.display
        await pilot.press("t")
        assert not outline.display
        await pilot.press("t", "tab")
        assert outline.has_focus
        await pilot.press("down", "down", "down", "enter")
        assert top_line_text(view) == "Part 4"
        assert view.has_focus


async def test_clicking_an_outline_entry_jumps(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.click(Outline, offset=(3, 2))
        assert top_line_text(view) == "Part 3"


async def test_help_lists_every_key(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=(100, 80)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = rendered_text(app.screen.query_one("#keys", Static).content)
        for spec in ALL:
            assert spec.description in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_quit_saves_the_position_and_reopen_restores_it(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("]", "]")
        assert top_line_text(view_of(app)) == "Part 3"
        await pilot.press("q")
    app.library.close()
    again = make_app(long_article, temp_store)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert top_line_text(view_of(again)) == "Part 3"


async def test_resize_rewraps_and_keeps_the_reading_position(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("]", "]", "}", "}")
        reading = top_line_text(view)
        assert reading.startswith("Paragraph 3.2 ")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert view.text_width < 60
        narrow = top_line_text(view)
        assert narrow != reading and narrow.startswith("Paragraph 3.2 ")
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert top_line_text(view).startswith("Paragraph 3.2 ")


async def test_seed_opens_with_its_text(temp_store):
    app = make_app(SEED, temp_store)
    async with app.run_test(size=SIZE):
        assert "intelligence agents" in screen_text(view_of(app))


async def test_mouse_wheel_scrolls(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        for _ in range(3):
            view.post_message(MouseScrollDown(view, 40, 10, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert view.scroll_offset.y > 0


async def test_search_prompt_counts_matches_and_gives_back_the_footer(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"topic 4")
        bottom_row = whole_screen_text(app).splitlines()[-1]
        assert "topic 4" in bottom_row
        assert "1/6" in bottom_row
        assert "Search" not in bottom_row  # the prompt has the footer's row
        await pilot.press(*"zzz")
        assert "no match" in whole_screen_text(app).splitlines()[-1]
        await pilot.press("escape")
        bottom_row = whole_screen_text(app).splitlines()[-1]
        assert "/ Search" in bottom_row and "topic 4" not in bottom_row


async def test_clicking_a_key_in_the_footer_runs_it(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        outline = app.screen.query_one(Outline)
        bottom_row = whole_screen_text(app).splitlines()[-1]
        x = bottom_row.index("t Outline")
        assert outline.display
        await pilot.click(offset=(x + 2, SIZE[1] - 1))
        assert not outline.display


def _cursor_looks(view) -> tuple[bool, bool]:
    """(reverse, underline) of the cursor's word as drawn."""
    start, end = view.cursor_span()
    word = view.document.text[start:end]
    y = view.line_of(start) - int(view.scroll_offset.y)
    for segment in view.render_line(y):
        style = segment.style
        if segment.text == word and style is not None and (style.reverse or style.underline):
            return bool(style.reverse), bool(style.underline)
    raise AssertionError(f"cursor word {word!r} not drawn on its line")


async def test_cursor_shows_whether_the_text_has_focus(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("w")
        assert _cursor_looks(view) == (True, False)  # focused: reverse video
        await pilot.press("tab")  # the outline takes the focus
        assert not view.has_focus
        assert _cursor_looks(view) == (False, True)  # unfocused: underlined
        await pilot.press("slash", *"topic", "enter")
        assert view.has_focus
        assert _cursor_looks(view)[0]


async def test_search_prompt_edits_and_takes_a_paste(long_article, temp_store):
    app = make_app(long_article, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("slash", *"topc 4", "left", "left", "left", "i")
        assert "/topic 4" in whole_screen_text(app).splitlines()[-1]
        assert len(view.matches) == 6
        await pilot.press("end", "ctrl+u")  # as in a shell: all before the cursor
        app.screen.post_message(Paste("Paragraph\n5.6"))
        await pilot.pause()
        assert "/Paragraph 5.6" in whole_screen_text(app).splitlines()[-1]
        assert len(view.matches) == 1
        await pilot.press("q")  # typed into the prompt, not quitting
        assert app.is_running
        await pilot.press("backspace", "enter", "n")
        assert view.current_match == 0  # one match: n wraps round to it
