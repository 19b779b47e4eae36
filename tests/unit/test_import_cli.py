"""`reader import`: Hypothesis and our own exports in, attached, merged, never duplicated."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from reader.article import build_document, open_source
from reader.cli import main
from reader.reconcile import MARKER
from reader.records import AnnotationRecord, ArticleRecord, article_id_for
from reader.stored_article import stored_document
from store.library import Library
from tests.conftest import SAMPLES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"
MARGINS_URL = "https://example.org/margins"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def store_files(folder: Path) -> dict[str, str]:
    """Every file of the store with the hash of its bytes."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _margins_in_library(store: Path) -> str:
    """The essay, saved from its URL (as the reader keeps a web page): its cleaned text."""
    _source, cleaned = open_source(SAMPLES / "notes-in-the-margin.md")
    document = build_document(cleaned)
    record = ArticleRecord(
        id=article_id_for(MARGINS_URL),
        title=document.title,
        source=MARGINS_URL,
        text=cleaned.markdown_body(frozenset()),
        metadata={"title": document.title},
    )
    library = Library(store)
    library.save_article(record)
    library.close()
    return stored_document(record).text  # the text the library shows it with


def test_hypothesis_notes_attach_to_the_page_already_in_the_library(
    temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    text = _margins_in_library(temp_store)
    status, out, _ = run(capsys, "import", str(FIXTURES / "hypothesis_search.json"))
    assert status == 0, out
    assert "2 annotations (Hypothesis), 1 skipped" in out
    assert "a reply to another annotation" in out
    library = Library(temp_store)
    notes = {n.id: n for n in library.annotations(article_id_for(MARGINS_URL))}
    assert len(library.articles()) == 1
    pencil = notes["Kx3fW0n2Ee6rQ8t1aBcDeA"]
    # Placed in our cleaned text (Hypothesis's offsets were into the browser's page).
    assert text[pencil.start : pencil.end] == "A faint pencil line under a sentence."
    assert pencil.tags == ["marginalia", "history"]
    assert pencil.note.startswith("The *pencil* is the oldest")
    assert pencil.created == "2025-04-02T09:15:27+00:00"
    gloss = notes["Lq8HgU2xEe6v1w3PxYzAbQ"]
    assert text[gloss.start : gloss.end] == "A gloss was not a defacement."


def test_a_page_not_in_the_library_becomes_a_placeholder_with_its_notes(
    temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    status, out, _ = run(capsys, "import", str(FIXTURES / "hypothesis_list.json"))
    assert status == 0
    assert "its text is not here yet" in out
    library = Library(temp_store)
    (article,) = library.articles()
    assert article.source == MARGINS_URL
    assert article.title == "Notes in the Margin: How Readers Talk Back to Their Books"
    notes = library.annotations(article.id)
    assert len(notes) == 2
    # Orphans until the article is opened: no place in a text we do not have.
    assert {(n.start, n.end) for n in notes} == {(-1, -1)}


def test_dry_run_prints_what_would_change_and_changes_nothing(
    temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    hypothesis = str(FIXTURES / "hypothesis_search.json")
    status, out, _ = run(capsys, "import", "--dry-run", hypothesis)
    assert status == 0
    assert not temp_store.exists()  # not even created
    assert "add       “A faint pencil line under a sentence.”" in out
    assert "would add 2" in out and "nothing was saved" in out

    _margins_in_library(temp_store)
    run(capsys, "import", hypothesis)
    before = store_files(temp_store)
    status, out, _ = run(capsys, "import", "--dry-run", hypothesis)
    assert "would add 0, leave unchanged 2" in out
    assert store_files(temp_store) == before


def test_the_same_file_twice_changes_nothing(temp_store: Path, capsys: pytest.CaptureFixture[str]):
    _margins_in_library(temp_store)
    hypothesis = str(FIXTURES / "hypothesis_search.json")
    run(capsys, "import", hypothesis)
    before = store_files(temp_store)
    status, out, _ = run(capsys, "import", hypothesis, hypothesis)
    assert status == 0 and "added 0, unchanged 4" in out
    assert store_files(temp_store) == before


def _edited(tmp_path: Path, note: str, updated: str, **extra: object) -> Path:
    rows = json.loads((FIXTURES / "hypothesis_search.json").read_text())["rows"]
    rows[0].update(text=note, updated=updated, **extra)
    path = tmp_path / f"edited-{len(list(tmp_path.iterdir()))}.json"
    path.write_text(json.dumps({"rows": rows[:1], "total": 1}))
    return path


def _pencil(store: Path) -> AnnotationRecord:
    library = Library(store)
    (found,) = [n for n in library.all_annotations() if n.id == "Kx3fW0n2Ee6rQ8t1aBcDeA"]
    library.close()
    return found


def test_a_newer_copy_updates_and_an_older_one_is_skipped(
    temp_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    _margins_in_library(temp_store)
    run(capsys, "import", str(FIXTURES / "hypothesis_search.json"))
    newer = _edited(tmp_path, "Rewritten there.", "2025-05-01T10:00:00Z", tags=["pencil"])
    status, out, _ = run(capsys, "import", str(newer))
    assert status == 0 and "updated 1" in out
    pencil = _pencil(temp_store)
    assert (pencil.note, pencil.tags, pencil.updated) == (
        "Rewritten there.",
        ["pencil"],
        "2025-05-01T10:00:00+00:00",
    )
    # The first file again: an older version than the one taken in.
    status, out, _ = run(capsys, "import", str(FIXTURES / "hypothesis_search.json"))
    assert "an older version than yours" in out
    assert _pencil(temp_store).note == "Rewritten there."


def test_both_sides_changed_keeps_both_notes_visibly(
    temp_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    _margins_in_library(temp_store)
    run(capsys, "import", str(FIXTURES / "hypothesis_search.json"))
    # Edited here after the import...
    library = Library(temp_store)
    mine = _pencil(temp_store)
    mine.note = "My own thought."
    library.save_annotation(mine)
    library.close()
    # ...and there, since the version both had.
    theirs = _edited(tmp_path, "Their thought.", "2025-06-01T10:00:00Z", tags=["theirs"])
    status, out, _ = run(capsys, "import", str(theirs))
    assert status == 0
    assert "kept both versions of 1" in out and "conflict" in out
    merged = _pencil(temp_store)
    first, _marker, rest = merged.note.partition(MARKER)
    assert first.strip() == "My own thought."
    assert "from edited-" in rest and "2025-06-01 10:00 UTC" in rest and "tags: theirs" in rest
    assert rest.endswith("\nTheir thought.")
    assert merged.tags == ["marginalia", "history", "theirs", "conflict"]
    # Importing it again adds nothing more.
    before = store_files(temp_store)
    status, out, _ = run(capsys, "import", str(theirs))
    assert "an older version than yours" in out
    assert store_files(temp_store) == before


BAD_INPUTS = {
    "not-json.json": (b"# My notes\n\n- one\n", "not JSON"),
    "unknown.json": (b'{"notes": [{"text": "hi"}]}', "JSON of an unknown shape"),
    "unquoted.json": (
        (FIXTURES / "hypothesis_page_note.json").read_bytes(),
        "have no quote to place in the text",
    ),
    "huge.json": (b"[" + b" " * 3_000_000 + b"]", "larger than the 2 MB limit"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_2_and_the_store_unchanged(
    name: str, temp_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    _margins_in_library(temp_store)
    run(capsys, "import", str(FIXTURES / "hypothesis_search.json"))
    before = store_files(temp_store)
    raw, message = BAD_INPUTS[name]
    bad = tmp_path / name
    bad.write_bytes(raw)
    good = FIXTURES / "hypothesis_one.json"
    # A good file before the bad one is not imported either: all or nothing.
    status, out, err = run(capsys, "import", "--max-size", "2", str(good), str(bad))
    assert status == 2
    assert out == ""
    line = err.strip()
    assert "\n" not in line and line.startswith(f"reader: {bad}: ") and message in line
    assert "Traceback" not in err
    assert store_files(temp_store) == before


def test_skip_unquoted_imports_the_others(temp_store: Path, capsys: pytest.CaptureFixture[str]):
    status, out, _ = run(
        capsys, "import", "--skip-unquoted", str(FIXTURES / "hypothesis_page_note.json")
    )
    assert status == 0 and "1 without a quote skipped" in out and "added 1" in out


def test_a_placeholders_notes_are_listed_as_orphans_until_it_is_opened(
    temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    run(capsys, "import", str(FIXTURES / "hypothesis_list.json"))
    status, out, _ = run(capsys, "notes", "list", "--json")
    assert status == 0
    assert {item["status"] for item in json.loads(out)} == {"orphaned"}
    status, out, _ = run(capsys, "notes", "list")
    assert "(orphaned) “A faint pencil line under a sentence.”" in out


def test_fetch_reads_a_page_not_yet_in_the_library_and_anchors_its_notes(
    temp_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    import threading
    from http.server import ThreadingHTTPServer

    from tests.unit.test_fetch import Handler

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/article"
        row = json.loads((FIXTURES / "hypothesis_one.json").read_text())
        row["uri"] = row["target"][0]["source"] = url
        row["target"][0]["selector"] = [
            {"type": "TextQuoteSelector", "exact": "Paragraph 3 of the article tells"}
        ]
        path = tmp_path / "one.json"
        path.write_text(json.dumps(row))
        status, out, _ = run(capsys, "import", "--fetch", str(path))
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert status == 0 and "added 1" in out and "placeholder" not in out
    library = Library(temp_store)
    (listed,) = library.articles()
    article = library.article(listed.id)
    assert article is not None and article.source == url
    assert "Paragraph 3 of the article" in article.text  # fetched, cleaned, kept
    (note,) = library.annotations(article.id)
    assert note.start >= 0 and note.exact == "Paragraph 3 of the article tells"
