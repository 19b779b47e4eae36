"""Section headings found in pages saved as text, on articles written for this project.

`tests/heading_articles/` holds pages in the heading shapes a saved page comes in (a short line
in Title Case or sentence case, a question, a line ending in a colon, numbered, "Step 3 —",
ALL CAPS, underlined, `#`-prefixed, a person's name in an interview), with lines that are not
headings beside them (bylines, datelines, captions, credits, list items, one-line paragraphs of
dialogue, "Related:" lines, a table's header row), and one story with no heading at all.
`headings.json` lists each page's headings. They were written before the detector was tuned,
and are not edited to fit it: the score here is what a page from an unseen site may expect.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from markdown_it import MarkdownIt

from reader.clean import clean
from reader.commands.clean import to_markdown
from reader.load import Source, SourceKind

ARTICLES = Path(__file__).resolve().parents[1] / "heading_articles"
GOLD: dict[str, list[str]] = json.loads((ARTICLES / "headings.json").read_text(encoding="utf-8"))


def _key(text: str) -> str:
    """As the shared scorer compares headings: case, punctuation and spacing aside."""
    text = "".join(
        c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf"
    )
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _markdown(name: str) -> str:
    text = (ARTICLES / name).read_text(encoding="utf-8")
    return to_markdown(clean(Source(SourceKind.TEXT, text, name, "0")))


def _headings(markdown: str) -> list[str]:
    """Section headings as `reader clean` marks them: level 2 and deeper, and any later H1."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    found: list[str] = []
    first_h1 = True
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        if token.tag == "h1" and first_h1:
            first_h1 = False
            continue
        found.append(tokens[index + 1].content)
    return found


def _counts(name: str) -> tuple[int, int, int]:
    gold = Counter(_key(h) for h in GOLD[name])
    predicted = Counter(_key(h.replace("\\", "")) for h in _headings(_markdown(name)))
    hit = sum((gold & predicted).values())
    return hit, sum(predicted.values()) - hit, sum(gold.values()) - hit


def test_the_articles_are_a_dozen_and_more_in_every_shape():
    assert len(GOLD) >= 12
    assert sorted(GOLD) == sorted(p.name for p in ARTICLES.glob("*.txt"))
    assert sum(map(len, GOLD.values())) >= 50


def test_headings_found_on_written_articles_f1_at_least_0_8():
    per_page = {name: _counts(name) for name in sorted(GOLD)}
    hits, false, missed = (sum(c[i] for c in per_page.values()) for i in range(3))
    f1 = 2 * hits / (2 * hits + false + missed)
    assert f1 >= 0.8, (f1, {n: c for n, c in per_page.items() if c[1] or c[2]})


def test_a_story_without_headings_gets_none():
    # Dialogue one-liners, a byline, a date and an illustration credit are not headings.
    assert _headings(_markdown("story-no-headings.txt")) == []
