"""Images through cleaning: each image of the article a block of its own, with its alt text
and caption, in its place; decorations, icons, logos and thumbnails left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article import build_document
from reader.clean import clean, html
from reader.clean.html_images import add_images
from reader.clean.html_tree import parse_html
from reader.clean.page_text import PageText
from reader.cleaned import CleanBlock
from reader.commands.clean import to_text
from reader.document import BlockKind, Document
from reader.load import Source, SourceKind, load_path

URL = "https://gazette.example/news/storm.html"
PAGE = """<!DOCTYPE html>
<html><head><title>Storm closes the coast road | Bay Gazette</title></head>
<body>
<header><a href="/"><img src="/logo.png" alt="Bay Gazette" width="200" height="60"></a></header>
<nav><a href="/news"><img src="/icons/news.png" alt="News"></a></nav>
<article>
<h1>Storm closes the coast road</h1>
<figure>
  <img src="/img/blank.gif" data-src="/media/storm-road.jpg" alt="Waves breaking over a sea wall">
  <figcaption>Waves over the sea wall at Gull Point on Sunday. Photograph: Ana Ferreira</figcaption>
</figure>
<p>The coast road between Gull Point and the harbour was closed on Sunday afternoon after waves
carried shingle and driftwood across both lanes, the county highways team said.</p>
<p><img src="/img/author.jpg" alt="" width="40" height="40"> Engineers will inspect the sea wall
on Monday morning, and the road is expected to stay closed until at least Tuesday evening.</p>
<p>Residents of the cottages at the point were offered rooms at the village hall, though most
chose to stay at home, and the lifeboat crew checked on the older residents twice overnight.</p>
<img src="/media/shingle.jpg" alt="Shingle and driftwood across the coast road" width="800">
<p>A spokesperson for the highways team said the clean-up would take two days once the wind
drops, and asked drivers to use the inland route through Marram village in the meantime.</p>
<p><img src="/icons/share.png" alt="Share" width="16" height="16"> Diversion signs are in
place at both ends of the closed section, and buses will follow the inland route until the
road reopens to traffic.</p>
<aside><h2>Related</h2>
<a href="/news/older-storm"><img src="/media/older.jpg" alt="The 2019 storm"></a>
<a href="/news/older-storm">The storm of 2019</a></aside>
<p>The Met Office has a yellow warning for wind in place until midnight on Monday, with gusts of
up to sixty miles an hour expected on exposed coasts and headlands across the county.</p>
</article>
<footer><img src="/media/footer-badge.png" alt="Press standards badge"></footer>
</body></html>
"""
CAPTION = "Waves over the sea wall at Gull Point on Sunday. Photograph: Ana Ferreira"
SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"


def _document(text: str = PAGE, origin: str = URL) -> Document:
    return build_document(clean(Source(SourceKind.HTML, text, origin, "0")))


def test_the_articles_images_are_blocks_in_their_places() -> None:
    document = _document()
    kinds = [block.kind for block in document.blocks]
    assert kinds.count(BlockKind.IMAGE) == 2
    lead, shingle = document.images
    # The lead image comes first in the body (after the header), the other between paragraphs.
    assert lead.block == document.header
    assert (lead.src, lead.alt, lead.caption) == (
        "https://gazette.example/media/storm-road.jpg",  # the lazy image's picture
        "Waves breaking over a sea wall",
        CAPTION,
    )
    assert document.block_text(document.header) == CAPTION
    before = document.block_text(shingle.block - 1)
    after = document.block_text(shingle.block + 1)
    assert before.startswith("Residents of the cottages") and after.startswith("A spokesperson")
    assert document.block_text(shingle.block) == "Shingle and driftwood across the coast road"


def test_chrome_icons_decorations_and_thumbnails_are_not_images_of_the_article() -> None:
    alts = {image.alt for image in _document().images}
    for chrome in ("Bay Gazette", "News", "Share", "The 2019 storm", "Press standards badge"):
        assert chrome not in alts
    assert "" not in alts  # alt="" marks the author's photo as decoration


def test_images_leave_the_text_output_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    source = Source(SourceKind.HTML, PAGE, URL, "0")
    with_images = clean(source)
    monkeypatch.setattr(html, "add_images", lambda blocks, page: blocks)
    without = clean(source)
    assert to_text(with_images) == to_text(without)
    # The caption the cleaner listed as removed text is the image's now, listed once.
    removed = [b.markdown for b in without.blocks if not b.kept]
    assert any("Waves over the sea wall" in text for text in removed)
    assert not any(
        "Waves over the sea wall" in b.markdown for b in with_images.blocks if not b.kept
    )


def test_a_caption_the_article_already_has_is_not_repeated() -> None:
    tree = parse_html(
        "<article><p>First paragraph of the article, long enough to be a paragraph.</p>"
        '<figure><img src="a.jpg" alt="A gull"><figcaption>A gull on the pier.</figcaption>'
        "</figure><p>A gull on the pier.</p><p>Last paragraph of the article, also long.</p>"
        "</article>"
    )
    blocks = [
        CleanBlock("First paragraph of the article, long enough to be a paragraph."),
        CleanBlock("A gull on the pier."),
        CleanBlock("Last paragraph of the article, also long."),
    ]
    out = add_images(blocks, PageText(tree, URL))
    assert [b.markdown for b in out] == [
        blocks[0].markdown,
        "![A gull](<https://gazette.example/news/a.jpg>)",
        blocks[1].markdown,
        blocks[2].markdown,
    ]


def test_nothing_in_alt_text_or_a_caption_is_read_as_markup() -> None:
    hostile = PAGE.replace(
        'alt="Waves breaking over a sea wall"',
        'alt="](javascript:x) *bold* <b>tag</b> \\"',
    ).replace(CAPTION, '" onclick="x" ](evil) &amp;copy; *not bold*')
    document = _document(hostile)
    lead = document.images[0]
    assert lead.alt == "](javascript:x) *bold* <b>tag</b> \\"
    assert lead.caption == '" onclick="x" ](evil) &copy; *not bold*'
    assert lead.src == "https://gazette.example/media/storm-road.jpg"
    assert document.block_text(lead.block) == lead.caption
    assert not document.links


def test_the_sample_page_has_its_photograph_with_its_caption() -> None:
    document = build_document(clean(load_path(SAMPLES / "harbour-courier-night-ferry.html")))
    (image,) = document.images
    assert image.alt == "A small white ferry moored at a stone quay at dusk"
    assert image.caption.startswith("The MV Curlew at Kestrel Bay quay during sea trials")
    assert image.src == "file:///media/2025/04/ferry-kestrel-bay.jpg"
    assert document.block_text(image.block) == image.caption


def test_markdown_images_are_blocks_resolved_against_the_files_folder(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# Gulls\n\nThey came back.\n\n"
        '![A gull on a post](pics/gull.jpg "The first gull back, in March")\n\nMore text.\n',
        encoding="utf-8",
    )
    document = build_document(clean(load_path(path)))
    (image,) = document.images
    assert image.src == (tmp_path / "pics" / "gull.jpg").as_uri()
    assert document.block_text(image.block) == "The first gull back, in March"


def test_the_seeds_repeated_caption_stays_removed() -> None:
    document = build_document(clean(load_path(SAMPLES / "independent-assad-flee-syria.txt")))
    assert not document.images
    assert "A Syrian opposition fighter" not in document.text
