"""Links and images in the Document: targets resolved, every link kept, images as blocks."""

from __future__ import annotations

from reader.document import BlockKind, parse_markdown
from reader.metadata import Metadata

TITLED = Metadata(title="Ferry")


def _links(markdown: str, base: str = "") -> list[tuple[str, str]]:
    document = parse_markdown(markdown, TITLED, base)
    return [(document.text[s.start : s.end], s.href) for s in document.links]


def test_relative_links_resolve_against_the_page_or_the_file() -> None:
    markdown = "See the [timetable](timetable.html) and [the map](/maps/bay)."
    assert _links(markdown, "https://news.example/2025/ferry.html") == [
        ("timetable", "https://news.example/2025/timetable.html"),
        ("the map", "https://news.example/maps/bay"),
    ]
    assert _links(markdown, "/home/ada/ferry.md") == [
        ("timetable", "file:///home/ada/timetable.html"),
        ("the map", "file:///maps/bay"),
    ]


def test_links_of_every_scheme_stay_links_and_their_words_stay_text() -> None:
    # markdown-it would drop these as unsafe HTML links, leaving "[run](javascript:...)" as
    # text; the reader shows them as links and refuses to follow them instead.
    document = parse_markdown(
        "A [run](javascript:alert(1)) and a [file](file:///etc/hosts) and "
        "[data](data:text/html,x).",
        TITLED,
    )
    assert document.text == "A run and a file and data."
    assert [s.href for s in document.links] == [
        "javascript:alert(1)",
        "file:///etc/hosts",
        "data:text/html,x",
    ]


def test_link_at_finds_the_link_under_an_offset() -> None:
    document = parse_markdown("Go [there](https://a.example/) now.", TITLED)
    start = document.text.index("there")
    assert document.link_at(start) == document.links[0]
    assert document.link_at(start + 4) == document.links[0]
    assert document.link_at(start + 5) is None
    assert document.link_at(0) is None


def test_an_image_alone_in_its_paragraph_is_a_block_shown_by_its_caption() -> None:
    markdown = (
        "Before.\n\n"
        '![A white ferry at dusk](<pics/ferry.jpg> "The MV Curlew at the quay")\n\n'
        "![A gull](gull.png)\n\n"
        "![](<https://cdn.example/p/harbour-view.jpg?w=800>)\n\n"
        "Text with an ![inline icon](i.png) inside.\n\n"
        "After."
    )
    document = parse_markdown(markdown, TITLED, "https://news.example/a/b.html")
    kinds = [block.kind for block in document.blocks]
    assert kinds == [
        BlockKind.PARAGRAPH,
        BlockKind.IMAGE,
        BlockKind.IMAGE,
        BlockKind.IMAGE,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
    ]
    texts = [document.block_text(i) for i in range(1, 4)]
    assert texts == ["The MV Curlew at the quay", "A gull", "harbour-view.jpg"]
    first = document.images[0]
    assert (first.block, first.src, first.alt, first.caption) == (
        1,
        "https://news.example/a/pics/ferry.jpg",
        "A white ferry at dusk",
        "The MV Curlew at the quay",
    )
    assert document.image_at(document.blocks[2].start) == document.images[1]
    assert document.image_at(0) is None
    # An image inside a sentence stays words of the sentence (its alt text).
    assert document.block_text(4) == "Text with an inline icon inside."


def test_an_image_that_links_somewhere_is_an_image_block_and_a_link() -> None:
    document = parse_markdown("[![Full map](map-small.png)](https://maps.example/bay)", TITLED)
    assert [b.kind for b in document.blocks] == [BlockKind.IMAGE]
    assert [(document.text[s.start : s.end], s.href) for s in document.links] == [
        ("Full map", "https://maps.example/bay")
    ]


def test_prose_is_the_text_without_its_images() -> None:
    document = parse_markdown('One.\n\n![alt](a.png "Caption")\n\nTwo.', TITLED)
    assert document.text == "One.\n\nCaption\n\nTwo."
    assert document.prose() == "One.\n\nTwo."


def test_anchor_finds_a_heading_by_its_github_name_or_a_block_by_its_first_words() -> None:
    markdown = (
        "Intro, see [below](#what-happens-next).\n\n"
        "## What happens next?\n\n"
        "Battery-hybrid engines are quiet at night.\n\n"
        "## Concerns about winter weather\n\n"
        "Gales close the crossing."
    )
    document = parse_markdown(markdown, TITLED)
    heading = document.text.index("What happens next?")
    assert document.anchor("what-happens-next") == heading
    assert document.anchor("concerns-about-winter-weather") == document.text.index("Concerns")
    # An in-page link the HTML cleaner named by its target's first words.
    assert document.anchor("battery-hybrid-engines-are") == document.text.index("Battery")
    assert document.anchor("gales-close-the-crossing") == document.text.index("Gales")
    assert document.anchor("no-such-place") is None
    assert document.anchor("") is None
