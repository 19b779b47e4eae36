from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.document import parse_markdown
from tests.conftest import examples
from widgets.line_layout import LineKind, layout_document, wrap_offsets

words = st.lists(
    st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P"]), min_size=1),
    min_size=1,
    max_size=40,
)


@settings(max_examples=examples(200), deadline=None)
@given(words, st.integers(min_value=5, max_value=60))
def test_wrapped_lines_cover_the_text_and_fit(word_list, width):
    text = " ".join(word_list)
    pieces = wrap_offsets(text, 0, len(text), width)
    assert "".join(text[s:e] for s, e in pieces) == text
    for start, end in pieces:
        assert cell_len(text[start:end].rstrip()) <= width


def test_layout_keeps_offsets_and_marks_lists_and_quotes():
    doc = parse_markdown("# T\n\n## Head\n\n> quoted words\n\n- one\n- two\n")
    layout = layout_document(doc, 40)
    body = [line for line in layout.lines if line.kind is LineKind.BODY]
    shown = [(line.prefix, doc.text[line.start : line.end]) for line in body]
    assert shown == [("", "Head"), ("▌ ", "quoted words"), ("• ", "one"), ("• ", "two")]
    assert layout.line_of(doc.text.index("two")) == layout.lines.index(body[-1])
