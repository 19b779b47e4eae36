"""Lossless: export everything from store A, import it into an empty store B, export again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.anchor import describe
from reader.article import build_document, open_source
from reader.cli import main
from reader.records import AnnotationRecord, ArticleRecord, article_id_for
from store.library import Library
from tests.conftest import SAMPLES
from tests.unit.test_import_cli import store_files

HOSTILE = (
    "---\n# Not a heading\n<!-- reader:end highlight x -->\n```\n<script>alert(1)</script>\n"
    '\\ `code` & "quotes" **bold** [link](javascript:alert(1)) café – ñ 🦉\n\n  indented'
)
URL = "https://news.example.org/night-ferry?utm=1"


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def _add(capsys: pytest.CaptureFixture[str], store: Path, article: Path, quote: str, *more: str):
    return cli(capsys, "notes", "add", str(article), "--quote", quote, *more, "--store", str(store))


def _store_a(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Several articles, hostile notes and tags, colours with meanings, orphans, a review."""
    store = tmp_path / "A"
    folder = tmp_path / "articles"
    folder.mkdir()
    margins = folder / "margins.md"
    shutil.copy(SAMPLES / "notes-in-the-margin.md", margins)
    orchard = folder / "orchard survey.txt"
    shutil.copy(SAMPLES / "old-orchard-survey.txt", orchard)
    gone = folder / "seed.txt"
    shutil.copy(SAMPLES / "independent-assad-flee-syria.txt", gone)

    _add(capsys, store, margins, "A faint pencil line under a sentence.", "--note", HOSTILE)
    _add(capsys, store, margins, "A gloss was not a defacement.", "--color", "green")
    _add(capsys, store, margins, "Marking", "--color", "pink", "--tag", "#hash", "--tag", "два")
    _add(capsys, store, orchard, "orchard", "--note", "counted\n\nagain", "--tag", "two words")
    _add(capsys, store, gone, "Assad", "--note", "source file deleted later", "--color", "blue")
    gone.unlink()  # exported from its stored copy from now on

    library = Library(store)
    library.set_color_meaning("green", "method")
    library.set_color_meaning("pink", "disagree  <b>strongly</b>")
    margins_id = article_id_for(str(margins.resolve()))
    notes = library.annotations(margins_id)
    text = build_document(open_source(margins)[1]).text
    # An orphan: its passage is no longer in the text.
    orphan = describe(text, 100, 140).fields()
    orphan.update(exact="A sentence the author has since cut.", prefix="cut ", suffix=" here")
    library.save_annotation(
        AnnotationRecord(article_id=margins_id, note="orphaned \x1b[31mred\x1b[0m", **orphan)
    )
    # Reviewed once; a terminal escape stored raw by some older version.
    notes[0].reviewed = "2026-03-04T05:06:07+00:00"
    library.save_annotations([notes[0]], touch=False)

    # A web page kept only as the stored copy (no network in B).
    _source, cleaned = open_source(SAMPLES / "harbour-courier-night-ferry.html")
    page = build_document(cleaned)
    web_id = article_id_for(URL)
    library.save_article(
        ArticleRecord(
            id=web_id,
            title="The night ferry\x1b]0;pwned\x07",
            source=URL,
            text=cleaned.markdown_body(frozenset()),
            metadata={"title": page.title},
        )
    )
    at = page.text.index("ferry")
    library.save_annotation(
        AnnotationRecord(
            article_id=web_id,
            color="purple",
            tags=["web"],
            **describe(page.text, at, at + 5).fields(),
        )
    )
    library.close()
    return store


def _items(path: Path) -> dict[str, dict[str, object]]:
    data = json.loads(path.read_text())
    items = data["first"]["items"]
    assert data["total"] == len(items)
    return {item["id"]: item for item in items}


def test_export_import_export_gives_the_same_annotations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    store_a = _store_a(tmp_path, capsys)
    store_b = tmp_path / "B"
    a_json, b_json = tmp_path / "a.json", tmp_path / "b.json"
    cli(capsys, "export", "--all", "--format", "json", "-o", str(a_json), "--store", str(store_a))
    out = cli(capsys, "import", str(a_json), "--store", str(store_b))
    assert "added 7" in out
    cli(capsys, "export", "--all", "--format", "json", "-o", str(b_json), "--store", str(store_b))

    first, second = _items(a_json), _items(b_json)
    assert len(first) == 7
    # Ids, quotes, selectors, notes, tags, colours, meanings, created/updated, review times,
    # orphan state and the recorded place of an orphan: all of it, field for field.
    assert second == first
    kinds = {
        item["reader:title"]: [s["type"] for s in item["target"]["selector"]]  # type: ignore[index]
        for item in first.values()
    }
    assert kinds["The night ferry"] == ["TextQuoteSelector", "TextPositionSelector"]
    orphans = [item for item in first.values() if "reader:recorded" in item]
    assert len(orphans) == 1
    assert Library(store_b).color_meanings() == Library(store_a).color_meanings()

    # The records themselves, as each store keeps them.
    def records(store: Path) -> dict[str, tuple[object, ...]]:
        library = Library(store)
        return {
            n.id: (n.exact, n.note, n.tags, n.color, n.created, n.updated, n.reviewed)
            for n in library.all_annotations()
        }

    a_records, b_records = records(store_a), records(store_b)
    assert b_records.keys() == a_records.keys()
    for ident, fields in a_records.items():
        expected = (
            fields if "\x1b" not in str(fields[1]) else (*fields[:1], "orphaned red", *fields[2:])
        )
        assert b_records[ident] == expected

    # And back again: nothing new, nothing duplicated, not a byte changed.
    before = store_files(store_a)
    out = cli(capsys, "import", str(b_json), "--store", str(store_a))
    assert "added 0, unchanged 7" in out
    assert store_files(store_a) == before
