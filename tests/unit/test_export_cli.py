"""`reader export` as someone uses it from the shell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from tests.unit.export_support import parse_export

ARTICLE = """# Field notes

The heron stood in the shallows for an hour, then took the fish in one strike.

## Later

The rain came in sideways off the estuary.
"""


@pytest.fixture
def noted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "field-notes.md"
    path.write_text(ARTICLE)
    for quote, note in [("one strike", "patience\n---\n# not a heading"), ("sideways", "")]:
        argv = ["notes", "add", str(path), "--quote", quote, "--tag", "birds"]
        assert main([*argv, "--note", note] if note else argv) == 0
    capsys.readouterr()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["export", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_export_to_stdout(noted: Path, capsys: pytest.CaptureFixture[str]):
    status, out, _ = run(capsys, str(noted), "-o", "-")
    assert status == 0
    parsed = parse_export(out)
    assert parsed.front["title"] == "Field notes"
    assert parsed.quotes == ["one strike", "sideways"]
    # The note's Markdown headings are bold lines in the export, never headings of its outline.
    assert parsed.notes == ["patience\n\nnot a heading", ""]
    assert parsed.note_markup == [{"strong"}, set()]
    assert parsed.headings == [(1, "Field notes"), (2, "Later")]


def test_export_to_a_folder_twice_leaves_the_file_alone(
    noted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    folder = tmp_path / "out"
    status, out, _ = run(capsys, "--all", "-o", str(folder))
    assert status == 0 and out == f"{folder / 'Field notes.md'}\n"
    status, out, _ = run(capsys, "--all", "-o", str(folder))
    assert out == f"{folder / 'Field notes.md'} (unchanged)\n"


def test_default_folder_comes_from_the_environment(
    noted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("READER_EXPORT_DIR", str(tmp_path / "exports"))
    assert run(capsys, "Field notes")[0] == 0
    assert (tmp_path / "exports" / "Field notes.md").exists()


def test_json_to_a_file(noted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    target = tmp_path / "notes.json"
    status, _, _ = run(capsys, str(noted), "--format", "json", "-o", str(target))
    assert status == 0
    data = json.loads(target.read_text())
    assert [a["target"]["selector"][0]["exact"] for a in data["first"]["items"]] == [
        "one strike",
        "sideways",
    ]


def test_template_by_name(noted: Path, capsys: pytest.CaptureFixture[str]):
    status, out, _ = run(capsys, str(noted), "--template", "obsidian", "-o", "-")
    assert status == 0 and "> [!quote]" in out and "==one strike==" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "name an ARTICLE or give --all"),
        (["no-such-article"], "no-such-article: no such article in the library"),
        (["Field", "--template", "/nope.j2", "-o", "-"], "/nope.j2: no such template file"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    noted: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
):
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert err.startswith("reader: ") and message in err and err.count("\n") == 1
