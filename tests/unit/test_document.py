from reader.document import BlockKind, parse_markdown

MARKDOWN = """# The Title

Intro with *emphasis* and a [link](https://example.org).

## First

> A quoted line
> continues here.

- one
- two
  1. nested

### Deeper

```
code block
```

## Second

Last paragraph.
"""


def test_first_heading_becomes_title_and_leaves_body():
    doc = parse_markdown(MARKDOWN)
    assert doc.metadata.title == "The Title"
    assert "The Title" not in doc.text


def test_block_offsets_slice_the_plain_text():
    doc = parse_markdown(MARKDOWN)
    texts = [doc.text[b.start : b.end] for b in doc.blocks]
    assert texts == [
        "Intro with emphasis and a link.",
        "First",
        "A quoted line continues here.",
        "one",
        "two",
        "nested",
        "Deeper",
        "code block",
        "Second",
        "Last paragraph.",
    ]
    kinds = [b.kind for b in doc.blocks]
    assert kinds[2] is BlockKind.QUOTE
    assert doc.blocks[5].marker == "1." and doc.blocks[5].level == 2
    assert kinds[7] is BlockKind.CODE


def test_sections_nest_and_end_at_the_next_peer():
    doc = parse_markdown(MARKDOWN)
    titles = [(s.title, s.level, s.depth) for s in doc.sections]
    assert titles == [("First", 2, 0), ("Deeper", 3, 1), ("Second", 2, 0)]
    first, deeper, second = doc.sections
    assert first.end == second.start
    assert deeper.end == second.start
    assert second.end == len(doc.text)
    assert doc.section_at(doc.text.index("code block")) == 1
    assert doc.section_at(0) is None


def test_inline_spans_point_at_their_words():
    doc = parse_markdown(MARKDOWN)
    em = [doc.text[s.start : s.end] for s in doc.spans if s.kind == "em"]
    links = [(doc.text[s.start : s.end], s.href) for s in doc.spans if s.kind == "link"]
    assert em == ["emphasis"]
    assert links == [("link", "https://example.org")]
