"""`reader notes list` and `reader export` right after the source file changed: they place
each highlight in the text as the reader would open it now, and say how it got there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.article import build_document, open_source
from reader.cli import main
from tests.unit.export_support import parse_export

ARTICLE = """# Field notes

The heron stood in the shallows for an hour, then took the fish in one strike.

## Later

The rain came in sideways off the estuary, and the boats stayed in.
"""

ESSAY = Path(__file__).parents[2] / "sample_articles" / "notes-in-the-margin.md"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def listed(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, dict[str, object]]:
    """`notes list --json` of one article, by quote."""
    return {
        note["exact"]: note
        for note in json.loads(run(capsys, "notes", "list", str(path), "--json"))
    }


def current_text(path: Path) -> str:
    return build_document(open_source(path)[1]).text


@pytest.fixture
def noted(tmp_path: Path, capsys: pytest.CaptureFixture[str], temp_store: Path) -> Path:
    path = tmp_path / "field-notes.md"
    path.write_text(ARTICLE, encoding="utf-8")
    for quote in ("one strike", "the boats stayed in"):
        run(capsys, "notes", "add", str(path), "--quote", quote)
    return path


def test_notes_list_json_places_each_note_in_the_changed_source_with_its_status(
    noted: Path, capsys: pytest.CaptureFixture[str]
):
    before = listed(capsys, noted)
    assert {quote: note["status"] for quote, note in before.items()} == {
        "one strike": "ok",
        "the boats stayed in": "ok",
    }
    noted.write_text(
        ARTICLE.replace("The heron", "At dawn, a grey shape. The heron").replace(
            "The rain came in sideways off the estuary, and the boats stayed in.",
            "The rain came in sideways off the estuary.",
        ),
        encoding="utf-8",
    )
    after = listed(capsys, noted)
    text = current_text(noted)
    moved = after["one strike"]
    assert moved["status"] == "moved"
    assert (moved["start"], moved["end"]) == (
        text.index("one strike"),
        text.index("one strike") + 10,
    )
    quote, position = moved["selectors"]
    assert (
        quote["exact"] == "one strike"
        and quote["prefix"] == text[moved["start"] - 32 : moved["start"]]
    )
    assert position["start"] == moved["start"]
    assert after["the boats stayed in"]["status"] == "orphaned"


def test_notes_list_text_says_which_notes_are_orphaned(
    noted: Path, capsys: pytest.CaptureFixture[str]
):
    noted.write_text(ARTICLE.replace(", and the boats stayed in.", "."), encoding="utf-8")
    out = run(capsys, "notes", "list")
    assert "[yellow] “one strike”" in out
    assert "[yellow] (orphaned) “the boats stayed in”" in out


def test_notes_list_marks_the_design_rule_tie_ambiguous(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], temp_store: Path
):
    copy = tmp_path / "essay.md"
    essay = ESSAY.read_text(encoding="utf-8")
    copy.write_text(essay, encoding="utf-8")
    run(capsys, "notes", "add", str(copy), "--quote", "Design rule:")
    copy.write_text(
        essay.replace(
            "*Design rule:* selecting and marking",
            "*Design rule:* selecting a colour should take one key.\n\n"
            "*Design rule:* selecting and marking",
        ),
        encoding="utf-8",
    )
    [note] = json.loads(run(capsys, "notes", "list", str(copy), "--json"))
    assert note["status"] == "ambiguous"
    quote = note["selectors"][0]
    assert quote["suffix"] == " selecting and marking a passage"  # as recorded, not a guess
    exported = run(capsys, "export", str(copy), "-o", "-")
    assert "place ambiguous" in exported
    collection = json.loads(run(capsys, "export", str(copy), "-o", "-", "--format", "json"))
    [annotation] = collection["first"]["items"]
    selectors = annotation["target"]["selector"]
    assert [s["type"] for s in selectors] == ["TextQuoteSelector"]
    assert "selecting a colour" not in selectors[0].get("suffix", "")


def test_export_places_notes_in_the_changed_source_not_the_stored_copy(
    noted: Path, capsys: pytest.CaptureFixture[str]
):
    noted.write_text(
        "# Field notes\n\nA new first paragraph.\n\n"
        + ARTICLE.split("\n", 2)[2].replace(", and the boats stayed in.", "."),
        encoding="utf-8",
    )
    parsed = parse_export(run(capsys, "export", str(noted), "-o", "-"))
    assert parsed.quotes == ["one strike", "the boats stayed in"]
    out = run(capsys, "export", str(noted), "-o", "-")
    assert out.index("Orphaned highlights") < out.index("the boats stayed in")
    collection = json.loads(run(capsys, "export", str(noted), "-o", "-", "--format", "json"))
    text = current_text(noted)
    positions = {
        a["target"]["selector"][0]["exact"]: a["target"]["selector"][1:]
        for a in collection["first"]["items"]
    }
    assert positions["one strike"] == [
        {
            "type": "TextPositionSelector",
            "start": text.index("one strike"),
            "end": text.index("one strike") + 10,
        }
    ]
    assert positions["the boats stayed in"] == []
