"""The right block of a page saved as text, whatever else the page holds.

`tests/cleaning_pages/` holds pages written for this project in the shapes that defeat a
cleaner on unseen sites (issue #15): a comment thread longer than the article, a short item
followed by a long list of other stories' teasers (each headline glued to its summary), an
article with a long list, a product box and a quoted block in its middle, a one-paragraph post
above a comment form, a meal plan of short lines above a long legal footer, and a fixtures
calendar with no prose at all. `expected.json` says where each article starts and ends and
what must, or must not, be in it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.clean import clean
from reader.commands.clean import to_text
from reader.load import Source, SourceKind

PAGES = Path(__file__).resolve().parents[1] / "cleaning_pages"
EXPECTED: dict[str, dict[str, object]] = json.loads(
    (PAGES / "expected.json").read_text(encoding="utf-8")
)


def _body(name: str) -> str:
    text = (PAGES / name).read_text(encoding="utf-8")
    return to_text(clean(Source(SourceKind.TEXT, text, name, "0")), body_only=True)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_article_and_only_the_article(name):
    body = _body(name)
    want = EXPECTED[name]
    if "starts" in want:
        assert body.startswith(str(want["starts"])), body[:300]
    if "ends" in want:
        assert body.endswith(str(want["ends"])), body[-300:]
    for words in want.get("contains", []):  # type: ignore[attr-defined]
        assert words in body, body
    for words in want.get("absent", []):  # type: ignore[attr-defined]
        assert words not in body, body


def test_every_page_has_its_expectations():
    assert sorted(EXPECTED) == sorted(p.name for p in PAGES.glob("*.txt"))
