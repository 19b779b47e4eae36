"""The default Markdown export: front matter, sections, highlights, orphans, stable output."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.export import model, render
from reader.export.exporter import ExportOptions, Item, export_article, export_to_folder
from tests.unit.export_support import WHEN, document, highlight, parse_export, record


def _render(notes, doc=None, template="default", meanings=None, source="https://example.org/heron"):
    doc = doc or document(source=source)
    view = model.build(record(source=source), notes, doc, meanings=meanings or {})
    return render.render(render.load_template(template), view)


def test_front_matter_title_and_counts():
    doc = document()
    notes = [
        highlight(doc, "shallows", tags=["water", "birds"]),
        highlight(doc, "estuary", tags=["birds"], updated="2026-03-01T00:00:00+00:00"),
    ]
    parsed = parse_export(_render(notes, doc))
    assert parsed.front == {
        "title": "The heron",
        "author": "A. Writer",
        "date": "2025-05-01",
        "source": "https://example.org/heron",
        "exported": "2026-03-01T00:00:00+00:00",
        "tags": ["birds", "water"],
        "highlights": 2,
    }
    assert parsed.headings[0] == (1, "The heron")


def test_highlights_sit_under_their_section_in_document_order():
    doc = document()
    notes = [  # stored out of order on purpose
        highlight(doc, "one strike"),
        highlight(doc, "sideways"),
        highlight(doc, "Intro before"),
        highlight(doc, "shallows"),
    ]
    text = _render(notes, doc)
    parsed = parse_export(text)
    assert parsed.quotes == ["Intro before", "shallows", "sideways", "one strike"]
    assert parsed.headings == [(1, "The heron"), (2, "Morning"), (3, "Rain"), (2, "Evening")]
    assert text.index("Intro before") < text.index("## Morning") < text.index("shallows")
    assert text.index("### Rain") < text.index("sideways") < text.index("## Evening")


def test_a_nested_section_brings_its_parent_heading():
    doc = document()
    parsed = parse_export(_render([highlight(doc, "sideways")], doc))
    assert parsed.headings == [(1, "The heron"), (2, "Morning"), (3, "Rain")]


def test_orphans_go_last_under_their_own_heading():
    doc = document()
    gone = highlight(doc, "estuary")
    gone.exact = "a sentence that was edited out of the article"
    text = _render([gone, highlight(doc, "shallows")], doc)
    parsed = parse_export(text)
    assert parsed.headings[-1] == (2, "Orphaned highlights")
    assert parsed.quotes == ["shallows", "a sentence that was edited out of the article"]
    assert text.index("## Orphaned highlights") < text.index("edited out")


def test_colour_meaning_tags_and_note_follow_the_quote():
    doc = document()
    note = highlight(doc, "shallows", color="green", note="Patience.", tags=["birds"])
    text = _render([note], doc, meanings={"green": "agree"})
    assert "— green (agree) · tags: `birds` · [example.org](<https://example.org/heron#" in text
    assert text.index("> shallows") < text.index("green (agree)") < text.index("Patience.")


def test_web_link_carries_a_text_fragment_with_context_when_the_quote_repeats():
    doc = document()
    text = _render([highlight(doc, "heron", 2)], doc)
    # "heron" appears three times: the link names the words around the second one in the body.
    assert "<https://example.org/heron#:~:text=The-,heron,-took%20the%20fish>" in text


def test_file_source_links_its_path_and_section(tmp_path: Path):
    source = str(tmp_path / "heron notes.md")
    doc = document(source=source)
    text = _render([highlight(doc, "sideways", 0)], doc, source=source)
    # The link names the file and the section; its target holds the whole path.
    assert f"[heron notes.md › Rain](<file://{tmp_path}/heron%20notes.md>)" in text
    assert parse_export(text).quotes == ["sideways"]


def test_exporting_twice_gives_identical_bytes(tmp_path: Path):
    doc = document()
    notes = [highlight(doc, "shallows", note="n")]
    first = export_article(record(), notes, doc, tmp_path)
    before = first.read_bytes()
    again = export_to_folder([Item(record(), notes, doc)], tmp_path)
    assert again[0].path == first and not again[0].changed
    assert first.read_bytes() == before
    assert _render(notes, doc) == _render(notes, doc)


def test_export_date_moves_only_when_the_notes_change(tmp_path: Path):
    doc = document()
    notes = [highlight(doc, "shallows", note="n"), highlight(doc, "estuary")]
    path = export_article(record(), notes, doc, tmp_path)
    assert parse_export(path.read_text()).front["exported"] == WHEN
    notes[0].note, notes[0].updated = "edited", "2026-06-01T00:00:00+00:00"
    export_article(record(), notes, doc, tmp_path)
    assert parse_export(path.read_text()).front["exported"] == "2026-06-01T00:00:00+00:00"
    # Deleting a highlight changes the notes without a newer edit time: the date still moves.
    export_article(record(), notes[:1], doc, tmp_path)
    moved = parse_export(path.read_text()).front["exported"]
    assert isinstance(moved, str) and moved > "2026-06-01T00:00:00+00:00"
    unchanged = path.read_bytes()
    export_article(record(), notes[:1], doc, tmp_path)
    assert path.read_bytes() == unchanged


def test_obsidian_template_uses_callouts_highlights_and_tags():
    doc = document()
    note = highlight(doc, "shallows", note="n", tags=["wading birds", "2024"], color="blue")
    text = _render([note], doc, template="obsidian")
    assert "> [!quote] blue" in text
    assert "> ==shallows==" in text
    assert "#wading-birds #tag-2024" in text
    assert 'tags: ["tag-2024", "wading-birds"]' in text


def test_plain_template_has_no_front_matter_or_links():
    doc = document()
    text = _render([highlight(doc, "shallows", note="n", tags=["birds"])], doc, template="plain")
    assert not text.startswith("---")
    assert "](" not in text
    assert "> shallows" in text and "Tags: birds" in text


def test_a_user_template_sees_the_documented_variables(tmp_path: Path):
    template = tmp_path / "mine.j2"
    template.write_text(
        "{{ article.title }}|{{ article.highlight_count }}|{% for s in article.sections %}"
        "{% for h in s.highlights %}{{ s.title }}:{{ h.quote }}:{{ h.color }};{% endfor %}"
        "{% endfor %}"
    )
    doc = document()
    text = _render([highlight(doc, "shallows")], doc, template=str(template))
    assert text == "The heron|1|Morning:shallows:yellow;\n"


def test_a_broken_user_template_is_one_clear_error(tmp_path: Path):
    template = tmp_path / "broken.j2"
    template.write_text("line one\n{% for x in %}\n")
    with pytest.raises(ReaderError, match=r"broken.j2:2: "):
        render.load_template(str(template))
    template.write_text("{{ article.no_such_thing }}")
    with pytest.raises(ReaderError, match="no_such_thing"):
        _render([], document(), template=str(template))


def test_a_template_cannot_reach_python_internals(tmp_path: Path):
    template = tmp_path / "evil.j2"
    template.write_text("{{ article.__class__.__init__.__globals__ }}")
    with pytest.raises(ReaderError):
        _render([], document(), template=str(template))


def test_json_format_writes_a_json_file(tmp_path: Path):
    doc = document()
    [written] = export_to_folder(
        [Item(record(), [highlight(doc, "shallows")], doc)], tmp_path, ExportOptions(format="json")
    )
    assert written.path.name == "The heron.json"
