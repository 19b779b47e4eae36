"""Following links as a terminal browser does: read the page a link leads to, highlight there,
come back to exactly where you were, go forward again; hints, the link list, refusals, images."""

from __future__ import annotations

import shutil
import threading
import webbrowser
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import OptionList

from reader.document import BlockKind, Span, SpanKind
from reader.limits import Limits
from reader.loader import LocalLoader
from reader.records import article_id_for
from store.library import Library
from tests.conftest import SAMPLES
from tests.site import Site, serve
from tests.ui.helpers import (
    make_app,
    record_notices,
    screen_text,
    view_of,
    wait_until,
    whole_screen_text,
    write_article,
)
from widgets.app import ReaderApp
from widgets.document_view import DocumentView
from widgets.key_bar import KeyBar
from widgets.link_panel import LinkPanel

SIZE = (100, 30)
SAMPLE = "harbour-courier-night-ferry.html"
TIMETABLE = """<!DOCTYPE html><html><head><title>Night ferry timetable</title></head><body>
<nav><a href="/">Home</a></nav><article>
<h1>Night ferry timetable</h1>
<p>The night ferry leaves Kestrel Bay at 11.40pm on Monday, Wednesday, Friday and Saturday
from May to September, and on Friday and Saturday in the winter months.</p>
<p>It arrives at Port Selkie shortly after 3am, and the return crossing leaves at 4.30am so
that islanders reach the mainland before the first trains of the morning.</p>
<h2 id="fares">Fares for residents</h2>
<p>Registered island residents pay twelve pounds for a foot passenger and forty-five for a
car, the same as on the daytime crossing, and children under five travel free.</p>
</article></body></html>
"""
FARES = TIMETABLE.replace("Night ferry timetable", "Fares on the night ferry")
LINKS = """# Three links

The crossing has [a timetable]({site}/timetable.html) and [a list of fares]({site}/fares.html),
and [the operator]({site}/operator.html) has more.

Some pages run scripts: [open the gallery](javascript:alert(document.cookie)) is one.

""" + "\n\n".join(f"Paragraph {n} is here to fill the screen below the links." for n in range(30))


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    folder = tmp_path / "site"
    folder.mkdir()
    shutil.copy(SAMPLES / SAMPLE, folder / SAMPLE)
    (folder / "timetable.html").write_text(TIMETABLE, encoding="utf-8")
    (folder / "fares.html").write_text(FARES, encoding="utf-8")
    (folder / "operator.html").write_text(
        TIMETABLE.replace("Night ferry timetable", "The operator"), encoding="utf-8"
    )
    with serve(folder) as running:
        yield running


def _footer(app: object) -> str:
    bar = app.screen.query_one(KeyBar)  # type: ignore[attr-defined]
    return str(bar.render())


async def _search(pilot: object, words: str) -> None:
    await pilot.press("slash", *list(words.replace(" ", "\0")), "enter")  # type: ignore[attr-defined]


async def test_follow_a_link_read_highlight_go_back_and_forward(site, temp_store):
    page = f"{site.url}/{SAMPLE}"
    app = make_app(page, temp_store)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "the sample page laid out")
        # Read down a little, then find the link in the text.
        await pilot.press("space")
        for key in ["slash", *"published", "enter", "w"]:
            await pilot.press(key)
        link = app.article.document.link_at(view.cursor)  # type: ignore[union-attr]
        assert link is not None and link.href == f"{site.url}/timetable.html"
        await wait_until(pilot, lambda: "→ " in _footer(app), "the footer saying where it leads")
        assert f"{site.url}/timetable.html" in _footer(app)
        before = (view.cursor, view.scroll_offset.y)

        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: app.article.document.title == "Night ferry timetable",  # type: ignore[union-attr]
            "the linked page open in the reader",
        )
        assert "/timetable.html" in site.requests
        timetable = view_of(app)
        assert "Night ferry timetable" in whole_screen_text(app)
        library = Library(temp_store)
        timetable_id = article_id_for(f"{site.url}/timetable.html")
        assert library.article(timetable_id) is not None  # in the library

        # Read there, and highlight a sentence.
        await pilot.press("j", "w", "w", "h")
        await wait_until(
            pilot, lambda: Library(temp_store).annotations(timetable_id), "a highlight"
        )
        [note] = Library(temp_store).annotations(timetable_id)
        assert "night ferry leaves Kestrel Bay" in note.exact

        # Back: the sample again, cursor and scroll exactly where they were.
        await pilot.press("left")
        await wait_until(
            pilot,
            lambda: app.article.document.title.startswith("Night ferry returns"),  # type: ignore[union-attr]
            "the first page again",
        )
        await wait_until(
            pilot,
            lambda: (view_of(app).cursor, view_of(app).scroll_offset.y) == before,
            "the same place",
        )
        assert "/timetable.html" in site.requests
        fetched = len(site.requests)

        # Forward: the timetable again, with its highlight, without fetching it again.
        await pilot.press("right")
        await wait_until(
            pilot,
            lambda: app.article.document.title == "Night ferry timetable",  # type: ignore[union-attr]
            "the linked page again",
        )
        await wait_until(pilot, lambda: view_of(app).marks, "its highlight drawn")
        assert view_of(app).marks[0].id == note.id
        assert len(site.requests) == fetched
        assert timetable is not view_of(app)


async def test_a_hint_label_follows_its_own_link(site, tmp_path, temp_store):
    path = write_article(tmp_path, LINKS.format(site=site.url), "links.md")
    app = make_app(path, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        await pilot.press("f")
        await wait_until(pilot, lambda: view.hints, "hint labels")
        links = app.article.document.links  # type: ignore[union-attr]
        labels = {link.href: view.hints[link.start] for link in links}
        assert len(set(labels.values())) == len(links) == 4
        # The labels are drawn over the links, on screen.
        fares = labels[f"{site.url}/fares.html"]
        assert fares in screen_text(view)
        await pilot.press(*fares)
        await wait_until(
            pilot,
            lambda: app.article.document.title == "Fares on the night ferry",  # type: ignore[union-attr]
            "the page of the label typed",
        )
        assert "/timetable.html" not in site.requests and "/operator.html" not in site.requests
        assert not view_of(app).hints


async def test_esc_leaves_hint_mode_and_a_wrong_label_follows_nothing(site, tmp_path, temp_store):
    path = write_article(tmp_path, LINKS.format(site=site.url), "links.md")
    app = make_app(path, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        await pilot.press("f")
        await wait_until(pilot, lambda: view.hints, "hint labels")
        await pilot.press("escape")
        assert not view.hints
        await pilot.press("f", "z")  # no label starts with z
        assert not view.hints
        await pilot.press("j")  # keys are the text's again
        assert site.requests == []
        assert app.article.document.title == "Three links"  # type: ignore[union-attr]


async def test_a_javascript_link_is_refused_with_a_message(site, tmp_path, temp_store, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    path = write_article(tmp_path, LINKS.format(site=site.url), "links.md")
    app = make_app(path, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        notices = record_notices(app)
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        for key in ["slash", *"gallery", "enter"]:
            await pilot.press(key)
        await wait_until(pilot, lambda: "⊘ javascript:" in _footer(app), "the footer's warning")
        assert "(not followed)" in _footer(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: notices, "a message")
        assert "javascript: links are never followed" in notices[-1]
        await pilot.press("o")  # nor handed to the browser
        await wait_until(pilot, lambda: len(notices) > 1, "a second message")
        assert "never followed" in notices[-1]
        assert opened == [] and site.requests == []
        assert app.article.document.title == "Three links"  # type: ignore[union-attr]


async def test_o_opens_the_link_in_the_system_browser(site, tmp_path, temp_store, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    path = write_article(tmp_path, LINKS.format(site=site.url), "links.md")
    app = make_app(path, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        for key in ["slash", *"operator", "enter"]:
            await pilot.press(key)
        await pilot.press("o")
        await wait_until(pilot, lambda: opened, "the browser called")
        assert opened == [f"{site.url}/operator.html"]
        assert site.requests == []  # the reader itself fetched nothing


async def test_the_link_list_filters_and_follows(site, tmp_path, temp_store):
    path = write_article(tmp_path, LINKS.format(site=site.url), "links.md")
    app = make_app(path, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        await pilot.press("l")
        panel = app.screen.query_one(LinkPanel)
        await wait_until(pilot, lambda: panel.has_class("-visible"), "the link list")
        listing = panel.query_one(OptionList)
        assert listing.option_count == 4
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(4)]
        assert "open the gallery" in rows[3] and "(not followed)" in rows[3]
        await pilot.press(*"operator")
        await wait_until(pilot, lambda: listing.option_count == 1, "filtered")
        assert "the operator" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: app.article.document.title == "The operator",  # type: ignore[union-attr]
            "the page chosen",
        )


async def test_an_in_page_link_jumps_and_back_returns(tmp_path, temp_store):
    folder = tmp_path / "local"
    folder.mkdir()
    shutil.copy(SAMPLES / SAMPLE, folder / SAMPLE)
    app = make_app(folder / SAMPLE, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        for key in ["slash", *"two nights", "enter"]:
            await pilot.press(key)
        before = (view.cursor, view.scroll_offset.y)
        await pilot.press("enter")
        heading = app.article.document.text.index("Concerns about winter weather")  # type: ignore[union-attr]
        await wait_until(pilot, lambda: view.cursor == heading, "the jump to the section")
        await pilot.press("backspace")
        await wait_until(pilot, lambda: (view.cursor, view.scroll_offset.y) == before, "back")
        # The relative link names a file that is not there: one line, and no move.
        notices = record_notices(app)
        for key in ["slash", *"published", "enter", "w"]:
            await pilot.press(key)
        here = (view.cursor, view.scroll_offset.y)
        await pilot.press("enter")
        await wait_until(pilot, lambda: notices, "a message")
        assert "no such file" in notices[-1]
        assert (view.cursor, view.scroll_offset.y) == here


@pytest.mark.parametrize(
    ("target", "said"),
    [
        ("{site}/gone.html", "404"),  # not there
        ("{site}/picture.png", "image/png, not an HTML or text page"),  # not a page
        ("{site}/empty.html", "no article text found"),  # not an article
        ("{site}/timetable.html", "over the 200 bytes limit"),  # larger than --max-size
        ("http://127.0.0.1:9/ferry.html", "cannot connect (offline?"),  # nothing answers
    ],
)
async def test_a_page_that_fails_is_one_line_and_leaves_you_where_you_were(
    site, tmp_path, temp_store, target, said
):
    (site.folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (site.folder / "empty.html").write_text(
        "<html><head><title>Loading</title></head><body><script>app()</script></body></html>"
    )
    href = target.format(site=site.url)
    text = f"# Broken\n\nThis [page is no good]({href}) now.\n\n" + "\n\n".join(
        f"Paragraph {n} is here to fill the screen below the link." for n in range(40)
    )
    path = write_article(tmp_path, text, "broken.md")
    app = ReaderApp(Library(temp_store), LocalLoader(path), limits=Limits(max_bytes=200))
    async with app.run_test(size=SIZE) as pilot:
        notices = record_notices(app)
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        await pilot.press("space")  # scrolled a little, the cursor on the link
        for key in ["slash", *"no good", "enter"]:
            await pilot.press(key)
        here = (view.cursor, view.scroll_offset.y)
        await pilot.press("enter")
        await wait_until(pilot, lambda: notices, "the failure")
        assert said in notices[-1] and "\n" not in notices[-1]
        assert "Opening" not in _footer(app)
        assert app.article.document.title == "Broken"  # type: ignore[union-attr]
        assert view_of(app) is view and (view.cursor, view.scroll_offset.y) == here
        await pilot.press("left")  # nothing was left behind
        assert app.article.document.title == "Broken"  # type: ignore[union-attr]


async def test_esc_cancels_a_page_still_loading(site, tmp_path, temp_store):
    text = f"# Slow\n\nThis [page is slow]({site.url}/slow/timetable.html) to come.\n"
    app = make_app(write_article(tmp_path, text, "slow.md"), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        for key in ["slash", *"page", "enter"]:
            await pilot.press(key)
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Opening" in _footer(app), "the footer saying so")
        assert "Esc cancels" in _footer(app)
        await wait_until(pilot, lambda: "/slow/timetable.html" in site.requests, "the request")
        await pilot.press("escape")
        assert "Opening" not in _footer(app)
        site.release.set()  # the page arrives after all: it is not shown
        await pilot.pause()
        await pilot.press("j")
        for _ in range(20):
            await pilot.pause()
        assert app.article.document.title == "Slow"  # type: ignore[union-attr]


async def test_a_download_shows_how_far_it_is_and_esc_stops_it(site, tmp_path, temp_store):
    crossings = "".join(
        f"<p>Crossing {n} left Kestrel Bay on time and reached Port Selkie at dawn.</p>"
        for n in range(400)
    )
    page = TIMETABLE.replace("</article>", crossings + "</article>")
    (site.folder / "long.html").write_text(page, encoding="utf-8")
    size_kb = round(len(page.encode()) / 1000)
    text = f"# Long\n\nThis [page is long]({site.url}/trickle/long.html) to come.\n"
    app = make_app(write_article(tmp_path, text, "long.md"), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        notices = record_notices(app)
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        for key in ["slash", *"page", "enter"]:
            await pilot.press(key)
        await pilot.press("enter")
        # The first half is in, the rest waits on the server: the footer says how far it is.
        await wait_until(pilot, lambda: f"kB of {size_kb} kB" in _footer(app), "the progress")
        assert "Opening" in _footer(app) and "Esc cancels" in _footer(app)
        assert "/trickle/long.html" in _footer(app)
        await pilot.press("escape")
        assert "Opening" not in _footer(app)
        await wait_until(pilot, lambda: notices, "a message")
        assert notices[-1] == "Cancelled."
        site.release.set()  # the rest arrives: the download stops there, and is not shown
        await wait_until(
            pilot,
            lambda: not any(thread.name == "opening" for thread in threading.enumerate()),
            "the download's thread ended",
        )
        for _ in range(10):
            await pilot.pause()
        assert app.article.document.title == "Long"  # type: ignore[union-attr]
        assert Library(temp_store).article(article_id_for(f"{site.url}/trickle/long.html")) is None


async def test_an_image_is_one_dim_line_and_can_be_highlighted(tmp_path, temp_store):
    app = make_app(SAMPLES / SAMPLE, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        document = app.article.document  # type: ignore[union-attr]
        (image,) = document.images
        block = document.blocks[image.block]
        assert block.kind is BlockKind.IMAGE
        assert "▣ The MV Curlew at Kestrel Bay quay" in whole_screen_text(app)
        for key in ["slash", *"sea trials", "enter"]:
            await pilot.press(key)
        assert block.start <= view.cursor < block.end
        await wait_until(pilot, lambda: "▣ " in _footer(app), "the footer naming the image")
        await pilot.press("h")
        article_id = app.article.record.id  # type: ignore[union-attr]
        await wait_until(pilot, lambda: Library(temp_store).annotations(article_id), "highlight")
        [note] = Library(temp_store).annotations(article_id)
        assert note.start >= block.start and note.end <= block.end
        assert "sea trials" in note.exact


async def test_a_key_on_an_image_opens_the_picture(tmp_path, temp_store, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    picture = tmp_path / "pics" / "gull.png"
    picture.parent.mkdir()
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    text = '# Gulls\n\nThey came back.\n\n![A gull](pics/gull.png "The first gull back")\n\nMore.\n'
    app = make_app(write_article(tmp_path, text, "gulls.md"), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        assert "▣ The first gull back" in screen_text(view)
        for key in ["slash", *"first gull", "enter"]:
            await pilot.press(key)
        await pilot.press("enter")
        await wait_until(pilot, lambda: opened, "the picture handed to the viewer")
        assert opened == [picture.as_uri()]


MARKUP = """<!DOCTYPE html><html><head><title>Markup in links</title></head><body><article>
<h1>Markup in links</h1>
<p>The harbour board published <a href="https://news.example/report">the [b]bold[/b] report</a>
on Monday, and the ferry operator answered it the same week with figures of its own.</p>
<p>Some pages try more: <a href="https://news.example/quit">a [@click=app.quit]quit[/] link</a>
is one of them, and the reader must show its words as they are and never act on them.</p>
</article></body></html>
"""


async def test_nothing_from_a_link_is_read_as_markup(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, MARKUP, "markup.html"), temp_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        notices = record_notices(app)
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        assert "the [b]bold[/b] report" in screen_text(view)
        # The link list: the words as they are.
        await pilot.press("l")
        panel = app.screen.query_one(LinkPanel)
        await wait_until(pilot, lambda: panel.has_class("-visible"), "the link list")
        listing = panel.query_one(OptionList)
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert "the [b]bold[/b] report" in rows[0]
        assert "a [@click=app.quit]quit[/] link" in rows[1]
        await pilot.press("escape")
        # A target with markup and a control code in it (a stored or crafted page may hold
        # one): the footer shows it as it is, without the control code.
        href = "https://news.example/[b]x[/b]/[@click=app.quit]q[/]\x1b[31m"
        app.screen.post_message(DocumentView.CursorTarget(Span(SpanKind.LINK, 0, 1, href), None))
        await wait_until(pilot, lambda: "[b]x[/b]" in _footer(app), "the target as it is")
        assert "[@click=app.quit]q[/]" in _footer(app) and "\x1b" not in _footer(app)
        # A refusal's message, too.
        app.screen.follow_href("javascript:[b]boom[/b]")  # type: ignore[attr-defined]
        await wait_until(pilot, lambda: notices, "the refusal")
        await wait_until(
            pilot, lambda: "javascript:[b]boom[/b]" in whole_screen_text(app), "shown as it is"
        )
        assert app.is_running


async def test_a_file_link_in_a_web_page_is_refused(site, temp_store, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    secret = site.folder / "secret.md"
    secret.write_text("# Secret\n\nNot for a web page to open.\n", encoding="utf-8")
    page = TIMETABLE.replace(
        "<h2", f'<p>The board keeps <a href="{secret.as_uri()}">a local copy</a> too.</p><h2'
    )
    (site.folder / "local.html").write_text(page, encoding="utf-8")
    app = make_app(f"{site.url}/local.html", temp_store)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        notices = record_notices(app)
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        for key in ["slash", *"local copy", "enter"]:
            await pilot.press(key)
        assert app.article.document.link_at(view.cursor).href == secret.as_uri()  # type: ignore[union-attr]
        await wait_until(pilot, lambda: "⊘ file:" in _footer(app), "the footer's warning")
        await pilot.press("enter")
        await wait_until(pilot, lambda: notices, "a message")
        assert "only from an article that is a file" in notices[-1]
        await pilot.press("o")  # nor handed to the browser
        await wait_until(pilot, lambda: len(notices) > 1, "a second message")
        assert "only from an article that is a file" in notices[-1]
        assert opened == []
        assert app.article.document.title == "Night ferry timetable"  # type: ignore[union-attr]
