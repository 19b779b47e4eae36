"""Each sample article opens and parses into a Document with the structure a reader expects.

Beyond what any splitter keeps, they check the cleaner's work: front matter as metadata, HTML
extraction, chrome removal, and headings recognised in plain text.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.article import build_document, open_source
from reader.document import BlockKind, Document

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"


def load(name: str) -> Document:
    _, cleaned = open_source(SAMPLES / name)
    return build_document(cleaned)


def flat(text: str) -> str:
    return " ".join(text.split())


def texts_of(doc: Document, kind: BlockKind) -> list[str]:
    return [flat(doc.text[b.start : b.end]) for b in doc.blocks if b.kind is kind]


def section_titles(doc: Document) -> list[str]:
    # Numbering ("1. Background") and case (ALL CAPS lines) are the cleaner's choice to keep.
    return [re.sub(r"^\d+[.)]\s*", "", s.title).casefold() for s in doc.sections]


def test_every_sample_loads_with_text():
    names = sorted(p.name for p in SAMPLES.iterdir())
    assert len(names) >= 4
    for name in names:
        doc = load(name)
        assert len(doc.text) > 1000, name
        assert doc.blocks, name


# --- Markdown: notes-in-the-margin.md ------------------------------------------------------

MARKDOWN = "notes-in-the-margin.md"
MARKDOWN_H2 = [
    "A habit older than the printed page",
    "What people are really doing when they annotate",
    "Why notes get lost",
    "What the pencil gets right",
    "A sketch of a better reading tool",
    "Objections, and some honest answers",
    "Coda: the book on my desk",
]


def test_markdown_sections_nest_under_their_chapters():
    doc = load(MARKDOWN)
    top = [s.title for s in doc.sections if s.level == 2]
    assert [t for t in top if t in MARKDOWN_H2] == MARKDOWN_H2
    by_title = {s.title: s for s in doc.sections}
    parent, child = by_title["Why notes get lost"], by_title["The problem of anchoring"]
    assert child.level == 3 and child.depth == parent.depth + 1
    assert parent.start < child.start < child.end <= parent.end
    anchoring = doc.text[child.start : child.end]
    assert "def reattach" in anchoring


def test_markdown_quotes_lists_and_code_survive():
    doc = load(MARKDOWN)
    quotes = " ".join(texts_of(doc, BlockKind.QUOTE))
    assert "The printed text tells you what an author hoped to say." in quotes
    assert "my neighbours have asked me to stop shouting" in quotes
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    numbered = [doc.text[b.start : b.end] for b in items if b.marker == "1."]
    assert any(t.startswith("Marking passages") for t in numbered)
    nested = [flat(doc.text[b.start : b.end]) for b in items if b.level == 2]
    assert "people and places, alphabetical;" in nested
    assert any("return match" in c for c in texts_of(doc, BlockKind.CODE))


def test_markdown_inline_emphasis_and_links():
    doc = load(MARKDOWN)
    links = {doc.text[s.start : s.end]: s.href for s in doc.spans if s.kind == "link"}
    assert links["CommonMark specification"] == "https://spec.commonmark.org/"
    emphasised = {doc.text[s.start : s.end] for s in doc.spans if s.kind in ("em", "strong")}
    assert {"glosses", "a note is a claim about some words, not about a position"} <= emphasised


def test_markdown_front_matter_is_metadata_not_text():
    doc = load(MARKDOWN)
    assert doc.title == "Notes in the Margin: How Readers Talk Back to Their Books"
    assert "Okafor-Lindqvist" in doc.metadata.byline
    assert "2025-03-14" in doc.metadata.date
    assert "tags:" not in doc.text
    assert doc.body.startswith("Open almost any second-hand book")


# --- HTML: harbour-courier-night-ferry.html ------------------------------------------------

HTML = "harbour-courier-night-ferry.html"


def test_html_article_paragraphs_are_in_the_text():
    text = flat(load(HTML).text)
    for words in (
        "The overnight ferry between Kestrel Bay and the Marram Islands will sail again",
        "Fares for registered island residents will be capped at £12",
        "Tickets go on sale on 14 April",
    ):
        assert words in text


def test_html_title_and_byline_from_the_page():
    doc = load(HTML)
    assert doc.title == "Night ferry returns to Kestrel Bay after 19 years"
    assert "Tomasz Wrobel-Hale" in doc.metadata.byline


def test_html_headings_list_and_quote_kept():
    doc = load(HTML)
    titles = section_titles(doc)
    for heading in ("who the service is for", "a smaller, quieter boat", "what happens next"):
        assert heading in titles
    assert "concerns about winter weather" in titles
    assert any("hauliers delivering fresh fish" in t for t in texts_of(doc, BlockKind.LIST_ITEM))
    assert any("For nineteen years" in t for t in texts_of(doc, BlockKind.QUOTE))


def test_html_page_chrome_removed():
    text = load(HTML).text
    for chrome in ("Accept all", "Sign me up", "Most read", "Advertise with us", "Copy link"):
        assert chrome not in text
    assert "<p" not in text


# --- Plain text: old-orchard-survey.txt ----------------------------------------------------

PLAIN = "old-orchard-survey.txt"


def test_plain_text_body_paragraphs_in_order():
    text = flat(load(PLAIN).text)
    firsts = [
        "Last October, a small group of us set out to answer a question",
        "The survey began with a conversation at the village show.",
        "In total we recorded 1,214 trees in 58 surviving orchards",
        "Of the 1,214 trees, 402 were judged to be at risk",
        "If you have an old fruit tree in your garden",
    ]
    positions = [text.index(words) for words in firsts]
    assert positions == sorted(positions)


def test_plain_text_underlined_numbered_and_capital_headings():
    doc = load(PLAIN)
    assert doc.title == "What the old orchards told us: a year of counting trees"
    titles = section_titles(doc)
    expected = [
        "background",  # numbered
        "how we counted",
        "what we found",
        "local names, local memories",  # underlined with ---
        "why so many trees are at risk",
        "what happens now",  # ALL CAPS
        "how you can help",
        "acknowledgements",
    ]
    assert [t for t in titles if t in expected] == expected


def test_plain_text_page_chrome_removed():
    text = load(PLAIN).text
    for chrome in (
        "Skip to main content",
        "Share on Facebook",
        "Comments are closed",
        "Back to top",
    ):
        assert chrome not in text


# --- The seed: independent-assad-flee-syria.txt --------------------------------------------

SEED = "independent-assad-flee-syria.txt"


def test_seed_body_is_in_the_text():
    text = flat(load(SEED).text)
    assert "Russian intelligence agents persuaded Bashar al-Assad to flee Syria" in text


def test_seed_headline_is_the_title_and_appeal_is_gone():
    doc = load(SEED)
    assert doc.title == "How Putin’s intelligence agents convinced Assad to flee Syria"
    assert "Your support makes all the difference" not in doc.text
