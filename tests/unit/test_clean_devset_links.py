"""On every dev page, putting back the links and images leaves the text byte for byte as it was.

`reader clean --format text` is what the cleaning scores are measured on: links and images may
add to the Markdown, never change the words. (Needs the shared dev pages, as
test_clean_devset.py does.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from reader.clean import html
from reader.cleaned import CleanBlock, Cleaned
from reader.commands.clean import to_text
from reader.metadata import Metadata
from tests.unit.test_clean_devset import DEV, pytestmark  # noqa: F401  (skipped without them)


def _recording(step: Callable[..., list[CleanBlock]], seen: list[Any]) -> Callable[..., Any]:
    def wrapper(blocks: list[CleanBlock], *args: Any) -> list[CleanBlock]:
        out = step(blocks, *args)
        seen.append((list(blocks), out))
        return out

    return wrapper


def test_links_and_images_never_change_the_text_of_a_dev_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    steps: list[Any] = []
    monkeypatch.setattr(html, "add_links", _recording(html.add_links, steps))
    monkeypatch.setattr(html, "add_images", _recording(html.add_images, steps))
    pages = sorted(DEV.glob("*.html"))
    assert len(pages) >= 60
    linked = images = 0
    for page in pages:
        steps.clear()
        text = page.read_text(encoding="utf-8")
        cleaned = html.clean_html(text, "https://dev.example/" + page.name)
        (before, _), (_, after) = steps  # add_images runs first, add_links last to write
        # (only which blocks are kept may change after it: chrome found by its links)
        assert [b.markdown for b in after] == [b.markdown for b in cleaned.page_blocks]
        metadata = Metadata(title="-")
        assert to_text(Cleaned(metadata, tuple(before))) == to_text(
            Cleaned(metadata, tuple(after))
        ), page.name
        linked += sum("](<" in b.markdown for b in after if b.kept)
        images += sum(b.markdown.startswith("![") for b in after)
    # Not vacuous: most pages have links in their text, and some have pictures.
    assert linked > 100 and images > 20, (linked, images)
