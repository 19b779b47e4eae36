"""JSON export: W3C Web Annotation JSON-LD other annotation tools can read."""

from __future__ import annotations

import json
import uuid

from reader.export.exporter import Item, render_json
from tests.unit.export_support import document, highlight, record


def test_each_highlight_is_a_web_annotation_with_both_selectors():
    doc = document()
    kept = highlight(doc, "shallows", note="Patience.", tags=["birds", "water"], color="green")
    gone = highlight(doc, "estuary")
    gone.exact = "no longer in the text"
    data = json.loads(render_json([Item(record(), [kept, gone], doc)]))
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    first, orphan = data["first"]["items"]
    assert first["type"] == "Annotation" and first["motivation"] == "commenting"
    assert first["id"] == uuid.UUID(hex=kept.id).urn
    assert first["target"]["source"] == "https://example.org/heron"
    quote, position = first["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "shallows"
    assert doc.text[position["start"] : position["end"]] == "shallows"
    assert quote["prefix"] == doc.text[position["start"] - 32 : position["start"]]
    assert first["body"] == [
        {
            "type": "TextualBody",
            "purpose": "commenting",
            "value": "Patience.",
            "format": "text/markdown",
        },
        {"type": "TextualBody", "purpose": "tagging", "value": "birds"},
        {"type": "TextualBody", "purpose": "tagging", "value": "water"},
    ]
    assert first["target"]["styleClass"] == "green"
    # An orphan keeps its quote but claims no position in the current text.
    assert [s["type"] for s in orphan["target"]["selector"]] == ["TextQuoteSelector"]
    assert orphan["motivation"] == "highlighting" and "body" not in orphan


def test_json_export_is_stable():
    doc = document()
    items = [Item(record(), [highlight(doc, "shallows", note="n")], doc)]
    assert render_json(items) == render_json(items)


def test_what_only_reader_import_needs_is_in_terms_of_our_own():
    doc = document()
    kept = highlight(doc, "shallows", color="green", reviewed="2026-02-01T00:00:00+00:00")
    gone = highlight(doc, "estuary")
    gone.exact = "no longer in the text"
    data = json.loads(render_json([Item(record(), [kept, gone], doc)], {"green": "method"}))
    # JSON-LD's extension mechanism: the model's context first, then the one naming ours.
    assert data["@context"] == [
        "http://www.w3.org/ns/anno.jsonld",
        {"reader": "urn:reader:ns:"},
    ]
    first, orphan = data["first"]["items"]
    assert first["reader:article"] == "a1b2c3d4e5f60718"
    assert first["reader:title"] == "The heron"
    assert first["reader:meaning"] == "method"
    assert first["reader:reviewed"] == "2026-02-01T00:00:00+00:00"
    assert "reader:recorded" not in first and "reader:synced" not in first
    # The orphan claims no place in the current text, but says where it was recorded.
    quote, position = orphan["reader:recorded"]
    assert quote["exact"] == "no longer in the text" and quote["prefix"] == gone.prefix
    assert (position["start"], position["end"]) == (gone.start, gone.end)


def test_without_the_text_the_recorded_context_is_exported():
    doc = document()
    kept = highlight(doc, "shallows")
    nowhere = highlight(doc, "estuary")
    nowhere.start = nowhere.end = -1
    data = json.loads(render_json([Item(record(), [kept, nowhere], None)]))
    placed, orphan = data["first"]["items"]
    quote, position = placed["target"]["selector"]
    assert (quote["prefix"], quote["suffix"]) == (kept.prefix, kept.suffix)
    assert (position["start"], position["end"]) == (kept.start, kept.end)
    # Stored with no place at all: an orphan even without a text to look in.
    assert [s["type"] for s in orphan["target"]["selector"]] == ["TextQuoteSelector"]
    assert "reader:recorded" not in orphan
