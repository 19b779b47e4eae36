"""Following a link: jump in the article, open a page or a file in the reader, or refuse with
one line; the system browser only ever gets web addresses and files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.document import parse_markdown
from reader.errors import Cancelled, ReaderError
from reader.follow import (
    Action,
    Step,
    follow,
    landing,
    load,
    open_image,
    outside,
    read_page,
    status,
)
from reader.metadata import Metadata
from tests.site import Site, serve

PAGE = "https://news.example/2025/ferry.html"
ARTICLE = """Read about [winter](#concerns-about-winter) or [the fares](fares.html).

![A ferry](ferry.jpg "The MV Curlew")

## Concerns about winter

Gales close the crossing.
"""
OTHER = """<!DOCTYPE html><html><head><title>Timetable</title></head><body><article>
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


def _document(base: str = PAGE):
    return parse_markdown(ARTICLE, Metadata(title="Ferry"), base)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    (tmp_path / "timetable.html").write_text(OTHER, encoding="utf-8")
    (tmp_path / "empty.html").write_text(
        "<html><head><title>Loading</title></head><body><script>app()</script></body></html>"
    )
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with serve(tmp_path) as running:
        yield running


def test_an_in_page_link_jumps_to_its_place() -> None:
    document = _document()
    step = follow("#concerns-about-winter", document, PAGE)
    assert step.action is Action.JUMP
    assert step.offset == document.text.index("Concerns about winter")
    missing = follow("#nowhere", document, PAGE)
    assert missing.action is Action.REFUSE and "#nowhere is not in this article" in missing.message


def test_a_web_link_opens_in_the_reader_with_its_fragment_apart() -> None:
    step = follow("https://news.example/2025/fares.html#students", _document(), PAGE)
    assert step == Step(Action.OPEN, "https://news.example/2025/fares.html", fragment="students")


@pytest.mark.parametrize(
    "href", ["javascript:alert(document.cookie)", "data:text/html,<b>x</b>", "mailto:a@b.example"]
)
def test_other_schemes_are_refused_in_one_line_here_and_for_the_browser(href: str) -> None:
    for step in (follow(href, _document(), PAGE), outside(href, PAGE)):
        assert step.action is Action.REFUSE
        assert "never followed" in step.message and "\n" not in step.message


def test_a_file_link_opens_only_a_file_and_only_from_a_file(tmp_path: Path) -> None:
    article = tmp_path / "ferry.md"
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "fares.html").write_text(OTHER, encoding="utf-8")
    (tmp_path / "folder.html").mkdir()
    document = _document(str(article))
    fares = (tmp_path / "fares.html").as_uri()
    assert follow(fares, document, str(article)) == Step(Action.OPEN, str(tmp_path / "fares.html"))
    assert outside(fares, str(article)) == Step(Action.OPEN, fares)
    folder = follow((tmp_path / "folder.html").as_uri(), document, str(article))
    assert folder.action is Action.REFUSE and "not a file" in folder.message
    gone = follow((tmp_path / "gone.html").as_uri(), document, str(article))
    assert gone.action is Action.REFUSE and "no such file" in gone.message
    # From a web page, a file link is never opened, here or in the browser.
    assert follow(fares, _document(), PAGE).action is Action.REFUSE
    assert outside(fares, PAGE).action is Action.REFUSE


def test_the_browser_gets_the_page_itself_for_an_in_page_link() -> None:
    assert outside("#concerns-about-winter", PAGE) == Step(Action.OPEN, PAGE)
    assert outside("#x", "/home/ada/ferry.md").action is Action.REFUSE


def test_an_image_opens_from_the_web_or_a_file_never_from_elsewhere() -> None:
    document = _document()
    (image,) = document.images
    assert open_image(image, PAGE) == Step(Action.OPEN, "https://news.example/2025/ferry.jpg")
    assert open_image(image._replace(src=""), PAGE).action is Action.REFUSE
    data = image._replace(src="data:image/png;base64,AAAA")
    assert open_image(data, PAGE).action is Action.REFUSE


def test_the_status_line_says_where_a_link_leads_within_the_width() -> None:
    assert status("https://news.example/fares", PAGE, 80) == "→ https://news.example/fares"
    assert status("#concerns-about-winter", PAGE, 80).startswith("→ #concerns-about-winter")
    refused = status("javascript:" + "x" * 200, PAGE, 40)
    assert refused.startswith("⊘ javascript:") and refused.endswith("(not followed)")
    assert len(refused) <= 40
    long = status("https://news.example/" + "a/" * 100, PAGE, 40)
    assert len(long) == 40 and long.startswith("→ https://news.example/…")


def test_a_followed_page_is_fetched_and_cleaned_and_its_fragment_found(site: Site) -> None:
    step = follow(f"{site.url}/timetable.html#fares", _document(), PAGE)
    source, cleaned = load(step)
    assert source.origin == f"{site.url}/timetable.html"
    assert cleaned.metadata.title == "Night ferry timetable"
    from reader.article import build_document

    document = build_document(cleaned)
    assert landing(source, document, step.fragment) == document.text.index("Fares for residents")
    assert landing(source, document, "") is None
    assert landing(source, document, "nowhere") is None


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.html", "404"),
        ("/photo.png", "image/png, not an HTML or text page"),
        ("/empty.html", "no article text found"),
    ],
)
def test_a_page_that_cannot_be_read_is_one_line(site: Site, path: str, message: str) -> None:
    with pytest.raises(ReaderError) as error:
        load(Step(Action.OPEN, site.url + path))
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_a_download_tells_how_far_it_is(site: Site) -> None:
    heard: list[tuple[int, int | None]] = []
    source = read_page(
        Step(Action.OPEN, f"{site.url}/timetable.html"),
        progress=lambda received, total: heard.append((received, total)),
    )
    size = len(OTHER.encode())
    assert source.text.startswith("<!DOCTYPE html>")
    assert heard[0] == (0, size) and heard[-1] == (size, size)
    assert [got for got, _ in heard] == sorted(got for got, _ in heard)


def test_a_download_stops_when_its_progress_says_cancelled(site: Site) -> None:
    """Esc in the reader: the next piece ends the download, the rest is never waited for."""

    def cancel_after_the_first_piece(received: int, total: int | None) -> None:
        if received:
            raise Cancelled("cancelled")

    with pytest.raises(Cancelled):
        read_page(
            Step(Action.OPEN, f"{site.url}/trickle/timetable.html"),
            progress=cancel_after_the_first_piece,
        )
    assert not site.release.is_set()  # the second half was never sent


def test_the_system_browser_is_the_one_browser_names(tmp_path: Path) -> None:
    import subprocess
    import sys

    record = tmp_path / "opened.txt"
    script = tmp_path / "browser.py"
    script.write_text(
        f"import sys, pathlib\npathlib.Path({str(record)!r}).write_text(sys.argv[1])\n",
        encoding="utf-8",
    )
    env = {"BROWSER": f"{sys.executable} {script} %s", "PATH": "/usr/bin:/bin"}
    code = (
        "from reader.follow import open_in_browser; open_in_browser('https://news.example/a?b=1')"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert record.read_text(encoding="utf-8") == "https://news.example/a?b=1"


def test_nothing_but_web_addresses_and_files_goes_to_the_browser() -> None:
    from reader.follow import open_in_browser

    for url in ("javascript:alert(1)", "data:text/html,x", "mailto:a@b.example", "#top"):
        with pytest.raises(ReaderError):
            open_in_browser(url)
