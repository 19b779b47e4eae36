"""W3C Web Annotation (JSON-LD): one annotation per highlight, so notes move to other tools.

https://www.w3.org/TR/annotation-model/ — each highlight targets its source with a
TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (character offsets into
the article's cleaned text); the note is a commenting body, each tag a tagging body.

What the model has no term for, and `reader import` needs to bring a store back whole, is
in terms of our own (the model's extension mechanism: a second context after the model's):
`reader:article` and `reader:title` (the article's id and title), `reader:meaning` (what the
colour means), `reader:reviewed`, `reader:synced` (see reader.records), and for a highlight
without a sure place in the current text, `reader:recorded`: its selectors as recorded on
an earlier text. Other tools ignore them.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from reader.export.model import ExportArticle, ExportHighlight
from reader.records import AnnotationRecord

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NAMESPACE = "urn:reader:ns:"
"""The IRI our own terms (`reader:...`) expand to."""
SEVERAL = "urn:reader:export"
_CONTEXT_CHARS = 32
_CSS_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")


def article_urn(article_id: str) -> str:
    return f"urn:reader:article:{article_id}"


def _annotation_id(raw: str) -> str:
    try:
        return uuid.UUID(hex=raw).urn
    except ValueError:
        return f"urn:reader:annotation:{raw}"


def annotation(
    article: ExportArticle,
    highlight: ExportHighlight,
    text: str | None,
    record: AnnotationRecord | None = None,
) -> dict[str, Any]:
    """One highlight as a Web Annotation (`record`: the stored annotation, for what only
    `reader import` reads)."""
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": highlight.quote}
    selectors: list[dict[str, Any]] = [quote]
    # An orphan has no place, and an ambiguous one no sure place: no context or offsets.
    placed = not highlight.orphaned and highlight.status != "ambiguous"
    if placed:
        if text is not None:
            before = text[max(0, highlight.start - _CONTEXT_CHARS) : highlight.start]
            after = text[highlight.end : highlight.end + _CONTEXT_CHARS]
        else:  # the text is not at hand: the context as recorded
            before, after = (record.prefix, record.suffix) if record else ("", "")
        if before:
            quote["prefix"] = before
        if after:
            quote["suffix"] = after
    if placed:
        selectors.append(
            {"type": "TextPositionSelector", "start": highlight.start, "end": highlight.end}
        )
    body: list[dict[str, Any]] = []
    if highlight.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": highlight.note,
                "format": "text/markdown",
            }
        )
    body.extend({"type": "TextualBody", "purpose": "tagging", "value": t} for t in highlight.tags)
    target: dict[str, Any] = {"source": article.source_url or article.source, "selector": selectors}
    result: dict[str, Any] = {
        "id": _annotation_id(highlight.id),
        "type": "Annotation",
        "motivation": "commenting" if highlight.note else "highlighting",
        "created": highlight.created,
        "modified": highlight.updated,
    }
    if body:
        result["body"] = body
    result["target"] = target
    if _CSS_NAME.fullmatch(highlight.color):
        target["styleClass"] = highlight.color
        result["stylesheet"] = {
            "type": "CssStylesheet",
            "value": f".{highlight.color} {{ background-color: {highlight.color}; }}",
        }
    result["reader:article"] = article.id
    result["reader:title"] = article.title
    if highlight.meaning:
        result["reader:meaning"] = highlight.meaning
    if record is not None:
        if record.reviewed:
            result["reader:reviewed"] = record.reviewed
        if record.synced and record.synced != record.updated:
            # (Equal: this copy is the one it took in, which `modified` already says.)
            result["reader:synced"] = record.synced
        if not placed and record.start >= 0:
            recorded = {"type": "TextQuoteSelector", "exact": record.exact}
            if record.prefix:
                recorded["prefix"] = record.prefix
            if record.suffix:
                recorded["suffix"] = record.suffix
            result["reader:recorded"] = [
                recorded,
                {"type": "TextPositionSelector", "start": record.start, "end": record.end},
            ]
    return result


def collection(
    articles: Sequence[tuple[ExportArticle, str | None]],
    label: str | None = None,
    records: Mapping[str, AnnotationRecord] | None = None,
) -> bytes:
    """An AnnotationCollection of the highlights of `articles` ((model, current text) pairs);
    `records` are the stored annotations by id."""
    records = records or {}
    items = [
        annotation(article, h, text, records.get(h.id))
        for article, text in articles
        for h in (*article.highlights, *article.orphans)
    ]
    if len(articles) == 1:
        ident = article_urn(articles[0][0].id)
        label = label or articles[0][0].title
    else:
        ident = SEVERAL
        label = label or "reader export"
    head = {
        "@context": [CONTEXT, {"reader": NAMESPACE}],
        "id": ident,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
    }
    # One key, and one annotation, per line: readable and diffable, and json.dumps without
    # indent runs in C (indent=2 is ten times slower on 10,000 annotations).
    lines = [f"  {_dumps(key)}: {_dumps(value)}" for key, value in head.items()]
    if items:
        page = ",\n".join(f"      {_dumps(item)}" for item in items)
        lines.append(
            f'  "first": {{"type": "AnnotationPage", "startIndex": 0, "items": [\n{page}\n    ]}}'
        )
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8", "replace")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
