"""A note's own Markdown comes out as Markdown in an export, and cannot break the export."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from reader.document import Document
from reader.export import keep, model, render
from reader.export.note_markdown import note
from reader.metadata import Metadata
from tests.unit.export_support import highlight, parse_export, record

NOTE = (
    "**Bold claim** by Ryabkov, *said twice*\n\n"
    "- first point\n- second point\n\n"
    "Source: [Bloomberg](https://www.bloomberg.com/news/a?b=1&c=2), see `code`"
)


def _export(note_text: str, template: str = "default") -> str:
    text = "Before the quote. The ferry left at dawn. After the quote."
    doc = Document(Metadata(title="Ferry"), text, blocks=())
    view = model.build(record(title="Ferry"), [highlight(text, "The ferry", note=note_text)], doc)
    return render.render(render.load_template(template), view)


def _tree(markdown: str) -> SyntaxTreeNode:
    return SyntaxTreeNode(MarkdownIt("commonmark").enable("strikethrough").parse(markdown))


def _text(node: SyntaxTreeNode) -> str:
    if node.type in ("text", "code_inline"):
        return node.content
    return "".join(_text(child) for child in node.children)


def _found(markdown: str, kind: str) -> list[SyntaxTreeNode]:
    return [node for node in _tree(markdown).walk() if node.type == kind]


@pytest.mark.parametrize("template", ["default", "obsidian", "plain"])
def test_bold_lists_and_links_in_a_note_survive_as_markdown(template: str):
    out = _export(NOTE, template)
    assert "\\*\\*" not in out and "\\[Bloomberg" not in out and "\\- first" not in out
    assert [_text(n) for n in _found(out, "strong")] == ["Bold claim"]
    assert "said twice" in [_text(n) for n in _found(out, "em")]
    [bullets] = _found(out, "bullet_list")
    assert [_text(item) for item in bullets.children] == ["first point", "second point"]
    links = {_text(n): n.attrs["href"] for n in _found(out, "link")}
    assert links["Bloomberg"] == "https://www.bloomberg.com/news/a?b=1&c=2"
    assert [_text(n) for n in _found(out, "code_inline")][-1:] == ["code"]


def test_the_default_export_reads_the_note_back_with_its_markup():
    parsed = parse_export(_export(NOTE))
    assert parsed.notes == [
        "Bold claim by Ryabkov, said twice\n\nfirst point\n\nsecond point\n\n"
        "Source: Bloomberg, see code"
    ]
    assert {"strong", "em", "bullet_list", "link", "code_inline"} <= parsed.note_markup[0]
    assert [level for level, _ in parsed.headings] == [1]


def test_line_breaks_quotes_code_and_numbered_lists_are_kept():
    typed = "first line\nsecond line\n\n> a quoted aside\n\n1. one\n2. two\n\n```python\nx = 1\n```"
    assert note(typed) == (
        "first line\\\nsecond line\n\n> a quoted aside\n\n1. one\n2. two\n\n```python\nx = 1\n```"
    )


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("# Summary", "**Summary**"),  # never a heading of the export's outline
        ("Point\n---", "**Point**"),
        ("---\ntitle: x\n---", "___\n\n**title: x**"),  # no front matter
        ("<div>raw</div> <b>x</b>", "\\<div>raw\\</div> \\<b>x\\</b>"),
        ("<!-- reader:end highlight a -->", "\\<!-- reader:end highlight a -->"),
        ("![pixel](https://t.example/p.gif)", "[pixel](<https://t.example/p.gif>)"),
        ("[run](javascript:alert(1))", "\\[run\\](javascript:alert(1))"),
        ("a ==mark== and #tag", "a ==mark== and #tag"),
    ],
)
def test_what_could_break_the_export_is_written_harmlessly(typed: str, written: str):
    assert note(typed) == written


def test_obsidian_syntax_in_a_note_stays_literal_in_the_obsidian_template():
    assert note("a ==mark== and #tag %%hidden%%", "obsidian") == (
        "a \\=\\=mark\\=\\= and \\#tag \\%\\%hidden\\%\\%"
    )


def test_a_marker_line_inside_a_code_block_cannot_forge_a_kept_block():
    forged = "```\n<!-- reader:end highlight x -->\n<!-- reader:begin article a1 -->\n```"
    out = _export(forged)
    kept = keep.find_blocks(out)
    assert [kind for kind, _ in kept.blocks] == ["article", "highlight"]
    assert ("article", "a1b2c3d4e5f60718") in kept.blocks
    assert not any(kept.blocks.values())  # no note line was taken for the user's words
    [code] = _found(out, "fence")
    assert code.content == "<!-- reader:end highlight x -->\n<!-- reader:begin article a1 -->\n"


def test_a_plain_note_is_written_as_it_was_typed():
    assert note("Worth checking against the ferry timetable.") == (
        "Worth checking against the ferry timetable."
    )
