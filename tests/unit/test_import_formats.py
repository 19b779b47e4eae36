"""What `reader import` reads from a file: Hypothesis API JSON and W3C Web Annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.incoming import ImportFileError, parse, read_file, source_of, timestamp

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def _parse(name: str):
    return parse((FIXTURES / name).read_bytes(), name)


def test_hypothesis_search_rows_become_annotations_and_replies_are_skipped():
    parsed = _parse("hypothesis_search.json")
    assert parsed.kind == "Hypothesis"
    first, second = parsed.annotations
    assert first.id == "Kx3fW0n2Ee6rQ8t1aBcDeA"
    assert first.source == "https://example.org/margins"
    assert first.title == "Notes in the Margin: How Readers Talk Back to Their Books"
    assert first.exact == "A faint pencil line under a sentence."
    assert first.prefix.endswith("alongside the first. ")
    assert first.note.startswith("The *pencil* is")
    assert first.tags == ("marginalia", "history")
    # Times as the store writes them: UTC, to the second.
    assert (first.created, first.updated) == (
        "2025-04-02T09:15:27+00:00",
        "2025-04-03T18:01:09+00:00",
    )
    # Offsets into the page as a browser saw it: only a hint, never trusted as ours.
    assert (first.start, first.end, first.placed) == (1312, 1349, False)
    assert (second.start, second.end, second.note, second.tags) == (-1, -1, "", ())
    assert [(s.id, s.reason) for s in parsed.skipped] == [
        ("Rp0nLy9zEe6aaa3PxYzAbQ", "a reply to another annotation")
    ]


def test_hypothesis_single_annotation_and_list_read_the_same():
    one = _parse("hypothesis_one.json").annotations
    listed = _parse("hypothesis_list.json").annotations
    search = _parse("hypothesis_search.json").annotations
    assert one == search[:1]
    assert listed == search


def test_a_page_note_has_no_quote_and_is_reported():
    parsed = _parse("hypothesis_page_note.json")
    assert [a.id for a in parsed.annotations] == ["Lq8HgU2xEe6v1w3PxYzAbQ"]
    assert parsed.unquoted == ["Pg7nOtEzEe6bbb3PxYzAbQ"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "the file is empty"),
        (b"# Notes\n\nnot json", "not JSON"),
        (b'{"annotations": []}', "unknown shape (an object with annotations)"),
        (b"[1, 2]", "unknown shape (a list of 2)"),
        (b'"text"', "unknown shape (a string)"),
        (b'{"type": "AnnotationPage", "items": [3]}', "item 1 is a int, not an annotation"),
        (b"[" * 5000 + b"]" * 5000, "not JSON"),
    ],
)
def test_what_is_not_an_annotation_file_is_refused_in_one_line(raw: bytes, message: str):
    with pytest.raises(ImportFileError) as caught:
        parse(raw, "in.json")
    text = str(caught.value)
    assert text.startswith("in.json: ") and message in text
    assert "\n" not in text


def test_a_huge_file_is_refused_before_it_is_read_whole(tmp_path: Path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2_000_001)
    with pytest.raises(ImportFileError, match="larger than the 2 MB limit"):
        read_file(big, max_bytes=2_000_000)
    with pytest.raises(ImportFileError, match="no such file"):
        read_file(tmp_path / "missing.json")
    with pytest.raises(ImportFileError, match="is a folder"):
        read_file(tmp_path)


def _web_annotation(**fields: object) -> dict[str, object]:
    item: dict[str, object] = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "http://example.org/anno/1",
        "type": "Annotation",
        "bodyValue": "A comment.",
        "target": {
            "source": "https://example.org/page",
            "selector": {"type": "TextQuoteSelector", "exact": "a quote"},
        },
    }
    item.update(fields)
    return item


def test_any_web_annotation_is_read_with_a_stable_id():
    raw = json.dumps(_web_annotation()).encode()
    first = parse(raw, "a.json").annotations[0]
    assert first.note == "A comment." and first.exact == "a quote"
    assert first.source == "https://example.org/page" and first.color == "yellow"
    assert first.id == parse(raw, "a.json").annotations[0].id
    assert first.id.isalnum() and len(first.id) == 32
    assert parse(raw, "a.json").kind == "Web Annotation"


def test_untrusted_strings_are_made_safe():
    hostile = _web_annotation(
        id="--> <!-- reader:end highlight x -->",
        bodyValue="\x1b]52;c;cm0gLXJmIH4=\x07note \ud800 end",
        body=[{"type": "TextualBody", "purpose": "tagging", "value": "#a\x1b[31mtag\n two"}],
        target={
            "source": "https://user:secret@example.org/p?q=1#:~:text=quote",
            "selector": [{"type": "TextQuoteSelector", "exact": "a \x1b[2Jquote"}],
        },
    )
    del hostile["bodyValue"]
    hostile["body"] = [
        {"type": "TextualBody", "value": "\x1b]52;c;cm0gLXJmIH4=\x07note \ud800 end"},
        {"type": "TextualBody", "purpose": "tagging", "value": "#a\x1b[31mtag\n two"},
    ]
    raw = json.dumps(hostile).encode()
    got = parse(raw, "h.json").annotations[0]
    assert got.note == "note  end"
    assert got.tags == ("#atag  two",)  # one line, as the export writes tags
    assert got.exact == "a quote"
    assert got.source == "https://example.org/p?q=1"
    assert got.id.startswith("x") and got.id.isalnum()


def test_sources_and_times():
    assert source_of("file:///home/a/My%20Notes.md") == "/home/a/My Notes.md"
    assert source_of("file://remote-host/x.md") == ""
    assert source_of("javascript:alert(1)") == ""
    assert source_of("https://[::1]:8080/a#frag") == "https://[::1]:8080/a#frag"
    assert timestamp("2025-01-02T03:04:05Z") == "2025-01-02T03:04:05+00:00"
    assert timestamp("2025-01-02T05:04:05+02:00") == "2025-01-02T03:04:05+00:00"
    assert timestamp("yesterday") == "" and timestamp(5) == ""
