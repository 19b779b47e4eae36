"""`/` and the query typed in one input burst (fast typing, a paste, a read over SSH): every key
after `/` goes into the search prompt, none to the reader's keys, and Enter in the burst runs
the search; the keys before `/` act as keys of the text."""

from __future__ import annotations

import os
from functools import partial

from textual import events
from textual.widgets import Input

from tests.ui.helpers import make_app, view_of, wait_until, whole_screen_text, write_article
from tests.ui.test_pty_burst import Terminal
from widgets.library_screen import LibraryScreen
from widgets.note_editor import NoteEditor

SIZE = (100, 30)
ARTICLE = """# Search Burst

The first paragraph says nothing in particular, but it goes on for a while.

The second paragraph is about the page that matters, and only this one.

The third paragraph comes before many more.
""" + "".join(f"\nFiller paragraph {n}, long enough to need a row of its own.\n" for n in range(40))
NAMES = {"/": "slash", " ": "space", "\r": "enter", "\x1b": "escape"}


def post_keys(app, keys: str) -> None:  # type: ignore[no-untyped-def]
    """Every key of `keys` posted before the app has handled the first, as one read brings
    them."""
    for char in keys:
        app.post_message(events.Key(NAMES.get(char, char), char))


def prompt_row(app) -> str:  # type: ignore[no-untyped-def]
    return whole_screen_text(app).split("\n")[-1]


async def test_slash_and_the_query_in_one_burst_all_go_to_the_prompt(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        post_keys(app, "/page")
        await wait_until(pilot, lambda: view.search_query == "page", "the query searched")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)  # `a` was typed, not the note key
        assert "/page" in prompt_row(app)
        assert app.library.annotations(app.article.record.id) == []
        assert view.document.text[view.cursor :].startswith("page that matters")


async def test_enter_in_the_burst_runs_the_search_and_the_keys_after_it_are_the_texts(
    tmp_path, temp_store
):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        post_keys(app, "/para\rn")  # "para" is in all three paragraphs: n goes to the next
        await wait_until(pilot, lambda: view.current_match == 1, "n after Enter")
        await pilot.pause()
        assert view.search_query == "para"
        assert "/para" not in prompt_row(app)  # the prompt is closed
        assert view.document.text[view.cursor :].startswith("paragraph is about the page")


async def _cursor_after(article, store, keys: str, burst: bool) -> tuple[int, int | None]:  # type: ignore[no-untyped-def]
    """Where the cursor and the current match end after `keys`, from the article's end."""
    app = make_app(article, store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("G")
        if burst:
            post_keys(app, keys)
        else:
            await pilot.press(*(NAMES.get(char, char) for char in keys))
        await wait_until(pilot, lambda: view.current_match is not None, "the search")
        await wait_until(pilot, lambda: "/para" not in prompt_row(app), "the prompt closed")
        await pilot.pause()
        return view.cursor, view.current_match


async def test_keys_before_slash_act_first_as_when_typed_one_by_one(tmp_path, temp_store):
    """A motion, `/` and a query, Enter and n: in one burst, the cursor ends where it does
    when the keys come one at a time (g, read before `/`, brings the search to the top)."""
    article = write_article(tmp_path, ARTICLE)
    keys = "g/para\rn"
    one_by_one = await _cursor_after(article, temp_store / "one by one", keys, burst=False)
    assert one_by_one[1] == 1  # n: the second paragraph's match
    assert await _cursor_after(article, temp_store / "burst", keys, burst=True) == one_by_one


async def test_slash_query_and_escape_in_one_burst_go_back(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("g")
        cursor = view.cursor
        post_keys(app, "/third\x1b")
        await wait_until(pilot, lambda: "/third" not in prompt_row(app), "the prompt closed")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        assert view.cursor == cursor and not view.matches
        assert app.library.annotations(app.article.record.id) == []  # `h` was typed


def test_slash_and_the_query_in_one_write_to_a_terminal(tmp_path, temp_store):
    """The same through a real pseudo-terminal: `/page` in one write is a search (its match
    count shows), not a selection and a note editor; Enter then q quits."""
    article = write_article(tmp_path, ARTICLE)
    store = tmp_path / "chosen store"
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("TEXTUAL", None)
    terminal = Terminal(["-m", "reader", str(article), "--store", str(store)], env)
    try:
        terminal.wait_for(partial(terminal.showing, "Search Burst"), "the article shown")
        terminal.write(b"/page")
        terminal.wait_for(partial(terminal.showing, "1/1"), "the match count of /page")
        terminal.write(b"\rq")
    finally:
        status = terminal.close()
    assert os.waitstatus_to_exitcode(status) == 0
    assert not any("annotations" in path.read_text() for path in store.rglob("*.json"))


async def test_H_and_filter_words_in_one_burst_all_go_to_the_panels_filter(tmp_path, temp_store):
    """H opens the annotation panel with the focus in its filter: the words read with H go
    there, not to the text's keys (s would select, h highlight)."""
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "}", "h")  # two highlights, the title's and the first paragraph's
        await wait_until(pilot, lambda: len(app.library.annotations(app.article.record.id)) == 2)
        post_keys(app, "Hfirst sh")
        await wait_until(pilot, lambda: app.screen.query("#panel-filter"), "the panel")
        field = app.screen.query_one("#panel-filter", Input)
        await wait_until(pilot, lambda: field.value == "first sh", f"the filter: {field.value!r}")
        assert app.focused is field
        assert len(app.library.annotations(app.article.record.id)) == 2  # no h acted
        await pilot.press("escape")  # closes the panel; then the keys are the text's again
        await wait_until(pilot, lambda: view_of(app).has_focus, "back to the text")
        post_keys(app, "/third")
        await wait_until(pilot, lambda: view_of(app).search_query == "third", "a search")


async def test_l_and_filter_words_in_one_burst_all_go_to_the_link_lists_filter(
    tmp_path, temp_store
):
    links = "# Links\n\nSee [the fares](https://example.org/fares) and [the map](https://example.org/map).\n"
    app = make_app(write_article(tmp_path, links), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: view_of(app).layout_lines, "laid out")
        post_keys(app, "lmap h")
        await wait_until(pilot, lambda: app.screen.query("#links-filter"), "the link list")
        field = app.screen.query_one("#links-filter", Input)
        await wait_until(pilot, lambda: field.value == "map h", f"the filter: {field.value!r}")
        assert app.library.annotations(app.article.record.id) == []  # no h acted


async def test_slash_and_words_in_one_burst_all_go_to_the_librarys_search(tmp_path, temp_store):
    """In the library, `/` and the words read with it go into the search box, none to the
    table's keys (d would ask to delete the article)."""
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen), "the library")
        await wait_until(pilot, lambda: app.focused is not None, "the table focused")
        post_keys(app, "/second d")
        field = app.screen.query_one("#search", Input)
        await wait_until(pilot, lambda: field.value == "second d", f"the box: {field.value!r}")
        assert isinstance(app.screen, LibraryScreen) and app.focused is field
