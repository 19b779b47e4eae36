"""Store records of the wrong shape (valid JSON, written by something else) are skipped and
reported, never written over; `store check` finds them, `store restore` repairs them
(issue #12, item 8)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from store.library import Library

ARTICLE = "# Field notes\n\nThe heron stood in the shallows, then took the fish in one strike.\n"

BAD_ARTICLES = {
    "five": 5,
    "empty": {},
    "title-five": {"id": "title-five", "title": 5, "source": "/s"},
    "list-overrides": {"id": "list-overrides", "title": "T", "source": "/s", "overrides": "x"},
}


def _bad_notes(article_id: str) -> dict[str, object]:
    good = {"article_id": article_id, "exact": "heron", "start": 4, "end": 9}
    return {
        "start-x": {**good, "id": "start-x", "start": "x"},
        "note-null": {**good, "id": "note-null", "note": None},
        "no-exact": {"id": "no-exact", "article_id": article_id, "start": 1, "end": 2},
        "number": 7,
        "tags-str": {**good, "id": "tags-str", "tags": "birds"},
        "odd-colour": {**good, "id": "odd-colour", "color": "ultraviolet"},
        "backwards": {**good, "id": "backwards", "start": 9, "end": 4},
    }


@pytest.fixture
def damaged(tmp_path: Path, temp_store: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A store with one good article and note, then records of the wrong shape added by hand."""
    path = tmp_path / "field-notes.md"
    path.write_text(ARTICLE)
    assert main(["notes", "add", str(path), "--quote", "one strike", "--note", "kept"]) == 0
    capsys.readouterr()
    index = temp_store / "library.json"
    data = json.loads(index.read_text())
    (article_id,) = data["articles"]
    data["articles"].update(BAD_ARTICLES)
    index.write_text(json.dumps(data))
    (notes,) = (temp_store / "notes").glob("*.json")
    data = json.loads(notes.read_text())
    data["annotations"].update(_bad_notes(article_id))
    notes.write_text(json.dumps(data))
    return temp_store


@pytest.mark.parametrize(
    "argv",
    [
        ["library"],
        ["library", "--json"],
        ["notes", "list"],
        ["notes", "list", "--json"],
        ["export", "--all", "-o", "-"],
        ["export", "--all", "--format", "json", "-o", "-"],
    ],
)
def test_commands_skip_bad_records_and_say_so_in_one_line(
    damaged: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
):
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert "Field notes" in out
    assert err.count("\n") == 1 and "skipped a damaged store record" in err
    assert "reader store check" in err


def test_the_library_reads_the_good_records_only(damaged: Path):
    library = Library(damaged)
    assert [a.title for a in library.articles()] == ["Field notes"]
    (article,) = library.articles()
    assert [n.note for n in library.annotations(article.id)] == ["kept"]
    assert library.find_article("five") is None
    assert library.article("title-five") is None
    assert len(library.skipped_records()) == len(BAD_ARTICLES) + len(_bad_notes(""))


def test_saving_other_records_never_writes_over_the_bad_ones(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    index, (notes,) = damaged / "library.json", list((damaged / "notes").glob("*.json"))
    bad_before = json.loads(index.read_text())["articles"], json.loads(notes.read_text())
    article = tmp_path / "field-notes.md"
    assert main(["notes", "add", str(article), "--quote", "heron", "--note", "second"]) == 0
    articles, notes_after = json.loads(index.read_text())["articles"], json.loads(notes.read_text())
    for key, entry in BAD_ARTICLES.items():
        assert articles[key] == entry == bad_before[0][key]
    for key in _bad_notes(""):
        assert notes_after["annotations"][key] == bad_before[1]["annotations"][key]
    library = Library(damaged)
    (good,) = library.articles()
    assert sorted(n.note for n in library.annotations(good.id)) == ["kept", "second"]


def test_a_damaged_record_of_the_article_being_saved_is_refused_not_replaced(damaged: Path):
    from reader.records import ArticleRecord
    from store.errors import StoreError

    library = Library(damaged)
    with pytest.raises(StoreError, match="damaged"):
        library.save_article(ArticleRecord(id="title-five", title="New", source="/n"))
    assert (
        json.loads((damaged / "library.json").read_text())["articles"]["title-five"]["title"] == 5
    )


def test_store_check_finds_the_bad_records(damaged: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["store", "check"]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM library.json: 4 records of the wrong shape" in out
    assert "7 records of the wrong shape" in out and "'title-five': title is int" in out


def test_store_restore_repairs_bad_records_from_a_backup(
    tmp_path: Path, temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    path = tmp_path / "field-notes.md"
    path.write_text(ARTICLE)
    assert main(["notes", "add", str(path), "--quote", "one strike", "--note", "first"]) == 0
    assert main(["notes", "add", str(path), "--quote", "heron", "--note", "second"]) == 0
    (notes,) = (temp_store / "notes").glob("*.json")
    data = json.loads(notes.read_text())
    first, _ = sorted(data["annotations"], key=lambda k: data["annotations"][k]["note"])
    data["annotations"][first]["start"] = "garbled"  # damaged by a sync tool, say
    data["annotations"]["junk"] = [1, 2]  # never written by reader: no backup has it
    notes.write_text(json.dumps(data))
    capsys.readouterr()
    assert main(["store", "restore"]) == 0
    out = capsys.readouterr().out
    assert (
        "repaired notes/" in out and "1 damaged records taken from the backups, 1 left out" in out
    )
    assert main(["store", "check"]) == 0
    (article,) = Library(temp_store).articles()
    assert sorted(n.note for n in Library(temp_store).annotations(article.id)) == [
        "first",
        "second",
    ]
    # Nothing is lost: the file as it was is kept aside.
    (aside,) = (temp_store / "backups" / "notes").glob("*.replaced-*")
    assert json.loads(aside.read_text())["annotations"]["junk"] == [1, 2]


def test_bad_colour_meanings_do_not_break_reading(temp_store: Path):
    Library(temp_store).set_color_meaning("yellow", "important")
    index = temp_store / "library.json"
    data = json.loads(index.read_text())
    data["settings"]["color_meanings"] = {"yellow": 5, "green": "fine"}
    index.write_text(json.dumps(data))
    assert Library(temp_store).color_meanings() == {"green": "fine"}
