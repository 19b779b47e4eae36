"""`reader notes add/list` and `reader library` as a script would use them."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.article import build_document, open_source
from reader.cli import main
from reader.stored_article import stored_document
from store.library import Library
from tests.unit.test_fetch import Handler

ARTICLE = """# Field notes

The heron stood in the shallows for an hour, then took the fish in one strike.

Later the rain came in sideways off the estuary.
"""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A local HTTP server with the fetch tests' pages."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "field-notes.md"
    path.write_text(ARTICLE)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def notes_json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    status, out, _ = run(capsys, "notes", "list", *argv, "--json")
    assert status == 0
    data = json.loads(out)
    assert isinstance(data, list)
    return data


def test_add_anchors_the_quote_in_the_cleaned_text(
    article: Path, capsys: pytest.CaptureFixture[str]
):
    status, out, _ = run(
        capsys, "notes", "add", str(article), "--quote", "one strike",
        "--note", "patience", "--color", "green", "--tag", "birds", "--tag", "birds",
    )  # fmt: skip
    assert status == 0
    [note] = notes_json(capsys)
    assert note["id"] == out.strip()
    _, cleaned = open_source(article)
    text = build_document(cleaned).text
    start, end = note["start"], note["end"]
    assert isinstance(start, int) and isinstance(end, int)
    assert text[start:end] == "one strike"
    assert note["prefix"] == text[max(0, start - 32) : start]
    assert note["suffix"] == text[end : end + 32]
    assert (note["note"], note["color"], note["tags"]) == ("patience", "green", ["birds"])
    assert note["article_title"] == "Field notes"


def test_the_stored_article_rebuilds_the_same_text(
    article: Path, capsys: pytest.CaptureFixture[str], temp_store: Path
):
    run(capsys, "notes", "add", str(article), "--quote", "heron")
    article.unlink()  # the source is gone: the stored copy is enough
    [record] = Library(temp_store).articles()
    stored = Library(temp_store).article(record.id)
    assert stored is not None
    assert "The heron stood" in stored_document(stored).text
    status, _out, err = run(capsys, "notes", "add", record.id[:8], "--quote", "the rain came")
    assert (status, err) == (0, "")
    assert [n["exact"] for n in notes_json(capsys, record.id)] == ["heron", "the rain came"]


def test_quote_across_a_line_break_matches_with_any_whitespace(
    article: Path, capsys: pytest.CaptureFixture[str]
):
    status, _, _ = run(capsys, "notes", "add", str(article), "--quote", "the\n  shallows  for")
    assert status == 0
    [note] = notes_json(capsys)
    assert note["exact"] == "the shallows for"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--quote", "a kingfisher"], "does not occur"),
        (["--quote", "heron", "--color", "mauve"], "unknown colour"),
        (["--quote", "   "], "quote is empty"),
    ],
)
def test_bad_notes_exit_2_in_one_line_and_save_nothing(
    article: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
):
    status, _out, err = run(capsys, "notes", "add", str(article), *extra)
    assert status == 2
    assert err.startswith("reader: ") and err.count("\n") == 1 and message in err
    assert notes_json(capsys) == []


def test_unknown_article_is_one_line(capsys: pytest.CaptureFixture[str]):
    status, _, err = run(capsys, "notes", "add", "no-such-thing", "--quote", "x")
    assert status == 2 and "no such file" in err


def test_list_shows_notes_as_plain_text_never_as_escapes(
    article: Path, capsys: pytest.CaptureFixture[str]
):
    run(
        capsys,
        "notes",
        "add",
        str(article),
        "--quote",
        "heron",
        "--note",
        "\x1b[31mred\x1b[0m [b]x",
    )
    status, out, _ = run(capsys, "notes", "list", str(article))
    assert status == 0
    assert "Field notes" in out and "“heron” — red [b]x" in out
    assert "\x1b" not in out


def test_library_lists_articles_with_highlight_counts(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nA second article about tides.\n")
    run(capsys, "notes", "add", str(article), "--quote", "heron")
    run(capsys, "notes", "add", str(article), "--quote", "estuary")
    run(capsys, "notes", "add", str(other), "--quote", "tides")
    status, out, _ = run(capsys, "library", "--json")
    assert status == 0
    rows = {row["title"]: row for row in json.loads(out)}
    assert {t: r["highlights"] for t, r in rows.items()} == {"Field notes": 2, "Other": 1}
    assert all("text" not in row for row in rows.values())
    status, out, _ = run(capsys, "library")
    assert "Field notes" in out and "other.md" in out


def test_store_option_and_environment_choose_the_store(
    article: Path, tmp_path: Path, temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    elsewhere = tmp_path / "elsewhere"
    run(capsys, "notes", "add", str(article), "--quote", "heron", "--store", str(elsewhere))
    assert len(Library(elsewhere).all_annotations()) == 1
    assert run(capsys, "store", "path")[1].strip() == str(temp_store)
    assert notes_json(capsys) == []


def test_add_to_a_url_fetches_it_once_then_uses_the_stored_copy(
    server: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    url = f"{server}/article"
    status, _, err = run(capsys, "notes", "add", url, "--quote", "Paragraph 3 of the article")
    assert (status, err) == (0, "")

    def offline(*args: object, **kwargs: object) -> None:
        raise AssertionError("fetched again")

    monkeypatch.setattr("reader.fetch.fetch", offline)
    status, _, err = run(capsys, "notes", "add", url, "--quote", "why it matters")
    assert (status, err) == (0, "")
    notes = notes_json(capsys, url)
    assert sorted(n["exact"] for n in notes) == ["Paragraph 3 of the article", "why it matters"]
    assert {n["article_source"] for n in notes} == {url}
