"""Whatever a quote, note or tag holds, the export parses back to exactly that text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.document import Document
from reader.export import escape, model, render
from reader.metadata import Metadata
from tests.conftest import examples
from tests.unit.export_support import (
    document,
    highlight,
    markdown_text,
    parse_export,
    record,
)

HOSTILE = [
    "---", "\n---\n", "#", "# ", "## x", ">", "> ", "`", "```", "~~~", "<b>", "</div>",
    "<!--", "-->", "<!-- reader:begin highlight x -->", "<!-- reader:end article a1 -->",
    "\n", "\n\n", "\n\n\n", "  ", "    ", "\t", "&amp;", "&#35;", "*", "**", "_", "[x](y)",
    "![i](j)", "1. ", "2) ", "- ", "+ ", "===", "|a|b|", "\\", "\u00a0", "\u2028", "\u3000",
    "{{ x }}", "{% if %}", "title: x", ":~:text=", "==", "%%", "$", "[!quote]", " ", "\r\n",
]  # fmt: skip

hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), min_size=1, max_size=10
).map("".join)


def _export(
    quote: str,
    note: str,
    tags: list[str],
    title: str = "The heron",
    color: str = "yellow",
    source: str = "https://example.org/heron",
) -> str:
    text = f"Before the quote. {quote} After the quote."
    doc = Document(Metadata(title=title, byline=title), text, blocks=())
    note_record = highlight(text, quote, note=note, tags=tags, color=color)
    view = model.build(
        record(title=title, source=source), [note_record], doc, meanings={color: note}
    )
    return render.render(render.load_template("default"), view)


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    quote=hostile_text.filter(lambda s: escape.clean(s).strip() != ""),
    note=hostile_text,
    tags=st.lists(hostile_text, max_size=3),
    title=hostile_text,
    color=hostile_text,
    source=st.sampled_from(["https://example.org/a?b=c&d", "/tmp/", ""]),
    path=hostile_text,
)
def test_hostile_quote_note_tags_and_title_survive_a_markdown_parse(
    quote: str, note: str, tags: list[str], title: str, color: str, source: str, path: str
):
    quote = escape.clean(quote)
    source = source + escape.one_line(path).replace("\x00", "")
    parsed = parse_export(_export(quote, note, tags, title, color, source))
    assert parsed.quotes == [quote]
    # The note reads as the Markdown it is (or, for the rare note whose emphasis the writer
    # cannot reproduce exactly, as the literal text typed), and stays within its place.
    assert parsed.notes in ([markdown_text(escape.clean(note))], [escape.clean(note)])
    expected_tags = list(dict.fromkeys(t for t in (escape.one_line(t).strip() for t in tags) if t))
    assert parsed.tags == [expected_tags]
    assert parsed.front["title"] == (escape.one_line(title).strip() or "Untitled")
    # Structure intact: one H1, only our markers as HTML, nothing else became a block.
    assert [level for level, _ in parsed.headings] == [1]
    assert len(parsed.comments) == 4
    assert all(c.startswith("<!-- reader:") for c in parsed.comments)


def test_a_note_that_imitates_the_export_stays_one_note():
    note = (
        "---\ntitle: fake\n---\n# Heading\n> quote\n```\ncode\n```\n<div>html</div>\n"
        "<!-- reader:end highlight x -->\n- item\n1. item\n    indented\n| a | b |\n|---|---|"
    )
    tags = ["`tick`", "a, b", " spaced ", "#hash", "<i>x</i>"]
    parsed = parse_export(_export("a > b & `c` <d>", note, tags))
    assert parsed.quotes == ["a > b & `c` <d>"]
    # Read as Markdown: the rules and headings are bold lines or gone, the HTML and the marker
    # are text, the quote, code and lists are the note's own; none of it is the export's.
    assert parsed.notes == [
        "title: fake\n\nHeading\n\nquote\n\ncode\n\n<div>html</div>\n"
        "<!-- reader:end highlight x -->\n\nitem\n\nitem\nindented\n| a | b |\n|---|---|"
    ]
    assert parsed.note_markup == [
        {"hr", "strong", "blockquote", "fence", "hardbreak", "bullet_list", "ordered_list",
         "list_item"}
    ]  # fmt: skip
    assert [level for level, _ in parsed.headings] == [1]
    assert len(parsed.comments) == 4
    assert parsed.tags == [["`tick`", "a, b", "spaced", "#hash", "<i>x</i>"]]
    assert parsed.front["highlights"] == 1


def test_every_highlight_of_a_real_article_round_trips():
    doc = document()
    notes = [
        highlight(doc, "heron", 0, note="first\n\nsecond paragraph", tags=["birds"]),
        highlight(doc, "rain came in sideways", note="# not a heading"),
        highlight(doc, "in one strike. The heron", tags=["a", "b"]),
    ]
    parsed = parse_export(
        render.render(render.load_template("default"), model.build(record(), notes, doc))
    )
    assert parsed.quotes == ["heron", "rain came in sideways", "in one strike. The heron"]
    assert parsed.notes == ["first\n\nsecond paragraph", "not a heading", ""]
    assert parsed.note_markup[1] == {"strong"}
    assert [level for level, _ in parsed.headings] == [1, 2, 3, 2]
    assert parsed.tags == [["birds"], [], ["a", "b"]]
