"""A highlight's links and images in the export: the quote keeps its links, an image it covers
is named by its caption; everything else in the quote stays escaped."""

from __future__ import annotations

from hypothesis import given, settings
from markdown_it import MarkdownIt

from reader.document import parse_markdown
from reader.export import escape, model, render
from reader.metadata import Metadata
from tests.conftest import examples
from tests.unit.export_support import highlight, record
from tests.unit.test_export_roundtrip import hostile_text

ARTICLE = """The ferry returns in May, the [regional transport authority](https://transport.example/ferry)
said, with fares *capped* for residents. Read [the old story](javascript:alert(1)) or the
[timetable](timetable.html) or jump to [winter](#concerns).

![A white ferry at dusk](https://news.example/ferry.jpg "The MV Curlew at the quay, 2025")

The boat uses 40 per cent less fuel than the old one.
"""
SOURCE = "https://news.example/2025/ferry.html"


def _export(quote: str, template: str = "default") -> str:
    document = parse_markdown(ARTICLE, Metadata(title="Ferry"), SOURCE)
    note = highlight(document, quote)
    view = model.build(record(source=SOURCE), [note], document)
    return render.render(render.load_template(template), view)


def _quote_tokens(export: str) -> list[tuple[str, str]]:
    """The (text, href) of every piece of inline content inside the export's block quotes."""
    tokens = MarkdownIt("commonmark").parse(export)
    out: list[tuple[str, str]] = []
    depth = 0
    for token in tokens:
        if token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        elif token.type == "inline" and depth:
            href = ""
            for child in token.children or []:
                if child.type == "link_open":
                    href = str(child.attrs["href"])
                elif child.type == "link_close":
                    href = ""
                elif child.type == "text":
                    out.append((child.content, href))
    return out


def test_a_link_in_the_quote_stays_a_link_to_its_target() -> None:
    export = _export("the regional transport authority said")
    assert "> the [regional transport authority](<https://transport.example/ferry>) said" in export
    assert ("regional transport authority", "https://transport.example/ferry") in _quote_tokens(
        export
    )


def test_a_relative_link_is_exported_resolved_and_unsafe_ones_stay_words() -> None:
    export = _export("Read the old story or the timetable or jump to winter")
    pieces = _quote_tokens(export)
    assert ("timetable", "https://news.example/2025/timetable.html") in pieces
    assert "javascript" not in export
    # In-page links lead nowhere outside the reader: words only.
    assert [h for t, h in pieces if "winter" in t] == [""]


def test_the_rest_of_the_quote_is_escaped_as_before() -> None:
    export = _export("fares capped for residents")
    assert "> fares capped for residents" in export  # the emphasis is not carried
    hostile = parse_markdown(
        "Some *stars* [a link](https://a.example/x) and `code` <b>tag</b> ![x](y) here.",
        Metadata(title="x"),
        SOURCE,
    )
    quote = hostile.text
    view = model.build(record(source=SOURCE), [highlight(hostile, quote)], hostile)
    export = render.render(render.load_template("default"), view)
    assert _quote_tokens(export) == [
        ("Some stars ", ""),
        ("a link", "https://a.example/x"),
        (" and code <b>tag</b> x here.", ""),
    ]


def test_an_image_the_highlight_covers_is_named_by_its_caption() -> None:
    export = _export("residents.")  # one word, to find the article
    assert "Image:" not in export
    export = _export("The MV Curlew at the quay, 2025\n\nThe boat uses 40 per cent less fuel")
    assert "> Image: [The MV Curlew at the quay, 2025](<https://news.example/ferry.jpg>)" in export
    view = model.build(
        record(source=SOURCE),
        [highlight(parse_markdown(ARTICLE, Metadata(title="F"), SOURCE), "The MV Curlew")],
        parse_markdown(ARTICLE, Metadata(title="F"), SOURCE),
    )
    (image,) = view.highlights[0].links
    assert (image.image, image.text, image.url) == (
        True,
        "The MV Curlew at the quay, 2025",
        "https://news.example/ferry.jpg",
    )


def test_obsidian_quotes_keep_links_inside_the_highlight_marks() -> None:
    export = _export("the regional transport authority said", "obsidian")
    assert (
        "> ==the [regional transport authority](<https://transport.example/ferry>) said==" in export
    )


def test_a_quote_that_no_longer_matches_the_text_carries_no_links() -> None:
    document = parse_markdown(ARTICLE, Metadata(title="Ferry"), SOURCE)
    note = highlight(document, "regional transport authority")
    note.exact = "regional transport board"  # edited since: placed fuzzily, words differ
    view = model.build(record(source=SOURCE), [note], document)
    assert all(not h.links for h in view.highlights)


QUOTE_TOKENS = {
    "blockquote_open",
    "blockquote_close",
    "paragraph_open",
    "paragraph_close",
    "inline",
}


@settings(max_examples=examples(60), deadline=None)
@given(before=hostile_text, words=hostile_text, after=hostile_text)
def test_any_text_around_and_inside_a_link_parses_back_exactly(
    before: str, words: str, after: str
) -> None:
    quote = escape.clean(f"{before}{words}{after}")
    words = escape.clean(words)
    if not words.strip() or quote != f"{escape.clean(before)}{words}{escape.clean(after)}":
        return
    start = len(escape.clean(before))
    link = model.QuoteLink(start, start + len(words), "https://a.example/x y", False, words)
    markdown = escape.blockquote(quote, links=[link])
    paragraphs: list[str] = []
    linked: list[str] = []
    inside = False
    for token in MarkdownIt("commonmark").parse(markdown):
        assert token.type in QUOTE_TOKENS, token.type
        if token.type != "inline":
            continue
        parts: list[str] = []
        for child in token.children or []:
            if child.type == "link_open":
                inside = True
                assert child.attrs["href"] == "https://a.example/x%20y"
            elif child.type == "link_close":
                inside = False
            elif child.type == "text":
                parts.append(child.content)
                if inside:
                    linked.append(child.content)
            else:
                assert child.type == "hardbreak", child.type
                parts.append("\n")
        paragraphs.append("".join(parts))
    assert "\n\n".join(paragraphs) == quote
    assert all(piece in words for piece in linked)
    assert "".join("".join(linked).split()) == "".join(words.split())
