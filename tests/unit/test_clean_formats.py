"""Markdown and HTML sources, and the `reader clean` output formats."""

import json

from reader.clean import clean
from reader.cli import main
from reader.document import BlockKind, parse_markdown
from reader.load import Source, SourceKind

MARKDOWN = """---
title: "Notes on rivers"
author: Ada Lovelace
date: 2024-05-01
---

Rivers carry water from the hills to the sea.

```python
def flow():

    return "down"
```

## Deltas

- one
- two
"""


def test_markdown_is_kept_as_is_with_front_matter_as_metadata():
    cleaned = clean(Source(SourceKind.MARKDOWN, MARKDOWN, "notes.md", "0"))
    assert cleaned.metadata.title == "Notes on rivers"
    assert cleaned.metadata.byline == "Ada Lovelace"
    assert cleaned.metadata.date == "2024-05-01"
    assert all(block.kept for block in cleaned.blocks)
    # The fenced code, blank line inside and all, is one block.
    assert [b.markdown.split("\n")[0] for b in cleaned.blocks] == [
        "Rivers carry water from the hills to the sea.",
        "```python",
        "## Deltas",
        "- one",
    ]
    assert cleaned.markdown_body() == MARKDOWN.split("---\n", 2)[2].strip("\n")


def test_markdown_first_heading_is_the_title():
    cleaned = clean(Source(SourceKind.MARKDOWN, "# Big news\n\nIt happened.\n", "x.md", "0"))
    assert cleaned.metadata.title == "Big news"
    assert [(b.kept, b.reason) for b in cleaned.blocks] == [(False, "title"), (True, "")]


HTML = (
    "<!DOCTYPE html><html><head><title>Bridge reopens</title></head><body>"
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
    "<article><h1>Bridge reopens</h1>"
    "<p>The old bridge over the river reopened on Monday after two years of repairs, and the "
    "first people to cross it were the children of the school on the far bank.</p>"
    "<h2>What changed</h2>"
    "<p>The engineers replaced the deck and the railings, and they kept the stone arches that "
    "have stood there since the town was young.</p>"
    "<ul><li>New lights along the footpath for the winter evenings</li>"
    "<li>A wider lane for bicycles, separated from the road</li></ul>"
    "<blockquote><p>It is our bridge again, said the mayor, who crossed it first.</p></blockquote>"
    "<p>The council expects more than ten thousand crossings a day once the market opens.</p>"
    "</article><footer>© 2024 The Town Paper. All rights reserved.</footer></body></html>"
)


def test_html_keeps_headings_lists_and_quotes():
    cleaned = clean(Source(SourceKind.HTML, HTML, "page.html", "0"))
    assert cleaned.metadata.title == "Bridge reopens"
    document = parse_markdown(cleaned.markdown_body(), cleaned.metadata)
    kinds = {block.kind for block in document.blocks}
    assert {BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.QUOTE} <= kinds
    assert [s.title for s in document.sections] == ["What changed"]
    assert "All rights reserved" not in document.text
    # The page's other text is there as removed blocks, in page order, with reasons.
    removed = [(b.markdown, b.reason) for b in cleaned.blocks if not b.kept]
    assert removed[:2] == [("Home", "navigation"), ("News", "not in the article")]
    assert removed[-1] == ("© 2024 The Town Paper. All rights reserved.", "footer")
    assert cleaned.blocks[2].reason == "title"


def test_json_output_carries_metadata_body_and_removed_blocks(tmp_path, capsys):
    path = tmp_path / "page.txt"
    path.write_text(
        "Subscribe to our newsletter\n\nRiver rises\n\n"
        + "\n\n".join(
            f"The river rose again on day {i}, and the people of the town watched it from the"
            " bridge as the water came up over the old stones."
            for i in range(5)
        )
        + "\n\nLeave a comment\n",
        encoding="utf-8",
    )
    assert main(["clean", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["metadata"]["title"] == "River rises"
    assert data["markdown"].count("The river rose again") == 5
    reasons = {r["markdown"]: r["reason"] for r in data["removed"]}
    assert reasons["Subscribe to our newsletter"] == "subscription prompt"
    assert reasons["Leave a comment"] == "comment prompt"
    assert len(data["blocks"]) == 8


def test_text_and_markdown_formats(tmp_path, capsys):
    path = tmp_path / "page.txt"
    paragraphs = [
        f"A paragraph of the story, with *stars* and [brackets], as written by reporter {i}."
        for i in range(3)
    ]
    path.write_text("Headline here\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    assert main(["clean", str(path), "--format", "text", "--body-only"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A paragraph of the story, with *stars* and [brackets]")
    assert main(["clean", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Headline here\n\nA paragraph of the story, with \\*stars\\*")


def test_standard_input_is_read(monkeypatch, capsys):
    import io
    import sys

    data = "The council met on Tuesday and agreed that the market will open again in spring.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    assert main(["clean", "-", "--format", "text", "--body-only"]) == 0
    assert capsys.readouterr().out == data
