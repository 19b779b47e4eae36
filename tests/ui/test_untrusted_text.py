"""Article text that looks like markup shows literally; terminal escapes never reach the screen."""

from __future__ import annotations

from reader.article import build_document
from reader.loader import LocalLoader
from tests.ui.helpers import make_app, screen_text, view_of, write_article
from widgets.title_bar import TitleBar

HOSTILE = (
    "# [bold red]Title[/] [@click=app.quit]x[/]\n\n"
    "A [bold]not bold[/bold] and [@click=app.quit]click me[/] and [link=https://evil]l[/link].\n\n"
    "Escapes: \x1b[31mred\x1b[0m \x1b]8;;https://evil\x07osc\x1b]8;;\x07 bell\x07 done.\n"
)


async def test_markup_in_article_text_is_shown_literally(tmp_path, temp_store):
    path = write_article(tmp_path, HOSTILE)
    app = make_app(path, temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        shown = screen_text(view_of(app))
        assert "[bold]not bold[/bold]" in shown
        assert "[@click=app.quit]click me[/]" in shown
        assert "[bold red]Title[/] [@click=app.quit]x[/]" in str(
            app.screen.query_one(TitleBar).render()
        )
        await pilot.click("#document", offset=(30, 3))
        assert app.is_running


async def test_escape_sequences_are_removed_at_load(tmp_path, temp_store):
    path = write_article(tmp_path, HOSTILE)
    first = LocalLoader(path).first()
    text = build_document(first.cleaned).text
    assert "\x1b" not in text and "\x07" not in text
    assert "red osc bell done." in " ".join(text.split())
