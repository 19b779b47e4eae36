"""Links through cleaning: an HTML page's links come back around the same words, resolved
against the page, while the article's text stays exactly what it was without them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article import build_document
from reader.clean import clean, html
from reader.commands.clean import to_markdown, to_text
from reader.links import LinkKind, classify
from reader.load import Source, SourceKind

URL = "https://gazette.example/news/gulls.html"
PAGE = """<!DOCTYPE html>
<html><head><title>Gulls return to the old pier | Bay Gazette</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Gulls return to the old pier</h1>
<p>The colony of herring gulls that left the old pier in 2019 has come back, the
<a href="https://birds.example/survey?year=2025&amp;site=pier">county bird survey</a> reported
on Monday, after the council removed the netting that had kept them off the roof.</p>
<p>Counts began at dawn, and volunteers from the
<a href="../volunteers/join.html">Bay Gazette volunteers' club</a> joined the wardens for
most of the morning, walking the length of the pier twice before the tide came in.</p>
<p>A warden said the birds nest in the same places each year, and pointed to
<a href="#nesting">the nesting survey</a> published last spring, which found forty pairs on the roof
alone and a dozen more along the railings at the seaward end.</p>
<p>Some readers will remember the <a href="javascript:openGallery()">gallery of photographs</a>
from that survey, and a few wrote to <a href="mailto:letters@gazette.example">the letters page</a>
to complain about the noise the colony makes at four in the morning.</p>
<p>The survey's notes, written in a hurry, use odd marks such as
<a href="https://birds.example/a)b](javascript:x)">*stars* and [brackets] and &lt;tags&gt;</a> to
flag the nests that were counted twice by mistake during the first hour.</p>
<p>The warden also pointed to a <em><a href="https://birds.example/key">key to the marks</a></em>,
and to <a href="https://birds.example/code"><code>nest_id</code></a> fields in the survey's
table.</p>
<h2 id="nesting">Nesting on the roof</h2>
<p>Most of the nests are on the flat roof of the old ticket office, where the gulls are safe
from foxes and from the dogs that walkers let off the lead on the beach below the pier.</p>
</article>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a></footer>
</body></html>
"""


def _clean(text: str = PAGE, origin: str = URL):
    return clean(Source(SourceKind.HTML, text, origin, "0"))


def _links(text: str = PAGE, origin: str = URL) -> dict[str, str]:
    document = build_document(_clean(text, origin))
    return {document.text[s.start : s.end]: s.href for s in document.links}


def test_the_text_is_the_same_with_and_without_links(monkeypatch: pytest.MonkeyPatch) -> None:
    linked = _clean()
    monkeypatch.setattr(html, "add_links", lambda blocks, page: blocks)
    monkeypatch.setattr(html, "add_images", lambda blocks, page: blocks)
    plain = _clean()
    assert to_text(linked) == to_text(plain)
    assert "](" in to_markdown(linked) and "](" not in to_markdown(plain)


def test_links_come_back_around_their_words_resolved_against_the_page() -> None:
    links = _links()
    assert links["county bird survey"] == "https://birds.example/survey?year=2025&site=pier"
    assert links["Bay Gazette volunteers' club"] == "https://gazette.example/volunteers/join.html"
    assert links["key to the marks"] == "https://birds.example/key"  # inside emphasis
    assert links["nest_id"] == "https://birds.example/code"  # around code
    # The page's menus and footer are not in the article, nor their links.
    assert not {"Home", "News", "About us", "Contact"} & set(links)


def test_markdown_output_carries_the_links() -> None:
    markdown = to_markdown(_clean())
    assert "[county bird survey](<https://birds.example/survey?year=2025\\&site=pier>)" in markdown


def test_an_in_page_link_names_its_target_and_leads_there() -> None:
    document = build_document(_clean())
    span = next(s for s in document.links if document.text[s.start : s.end] == "the nesting survey")
    target = classify(span.href, URL)
    assert target.kind is LinkKind.IN_PAGE
    assert document.anchor(target.fragment) == document.text.index("Nesting on the roof")


def test_links_of_other_schemes_are_shown_but_refused() -> None:
    links = _links()
    assert classify(links["gallery of photographs"], URL).kind is LinkKind.REFUSED
    assert classify(links["the letters page"], URL).kind is LinkKind.REFUSED


def test_nothing_in_a_link_is_read_as_markup() -> None:
    document = build_document(_clean())
    words = "*stars* and [brackets] and <tags>"
    assert words in document.text
    span = next(s for s in document.links if document.text[s.start : s.end] == words)
    # The target is one URL, however it tries to end the link early.
    assert span.href == "https://birds.example/a)b%5D(javascript:x)"
    assert classify(span.href, URL).kind is LinkKind.WEB
    assert "javascript:x" not in {s.href for s in document.links}


def test_a_saved_page_links_relative_to_its_file(tmp_path: Path) -> None:
    origin = str(tmp_path / "saved" / "gulls.html")
    links = _links(origin=origin)
    expected = (tmp_path / "volunteers" / "join.html").as_uri()
    assert links["Bay Gazette volunteers' club"] == expected
    assert classify(expected, origin).kind is LinkKind.FILE
    assert links["county bird survey"].startswith("https://birds.example/")


def test_a_base_element_sets_what_links_are_relative_to(tmp_path: Path) -> None:
    page = PAGE.replace("<head>", '<head><base href="https://mirror.example/archive/">')
    links = _links(page, str(tmp_path / "gulls.html"))
    assert links["Bay Gazette volunteers' club"] == "https://mirror.example/volunteers/join.html"


def test_the_sample_page_has_an_in_page_a_relative_and_an_absolute_link() -> None:
    sample = Path(__file__).resolve().parents[2] / "sample_articles"
    path = sample / "harbour-courier-night-ferry.html"
    source = Source(SourceKind.HTML, path.read_text(encoding="utf-8"), str(path), "0")
    document = build_document(clean(source))
    links = {document.text[s.start : s.end]: s.href for s in document.links}
    assert (
        links["regional transport authority"] == "https://www.marram-transport.example/night-ferry"
    )
    assert links["timetable"] == (sample / "timetable.html").as_uri()
    fragment = classify(links["two nights a week in winter"], str(path)).fragment
    assert document.anchor(fragment) == document.text.index("Concerns about winter weather")
