"""Rows that line up in a page saved as text stay rows: a table is never reflowed into prose."""

from __future__ import annotations

from reader.article import build_document
from reader.clean import clean
from reader.commands.clean import to_markdown, to_text
from reader.document import BlockKind
from reader.load import Source, SourceKind

PROSE = (
    "The league met on Monday night in the upstairs room of the Priory Hall, where the "
    "secretary read out the season's results to a crowded and slightly noisy room."
)
PROSE2 = (
    "Kingsmead won the title by a single point, drawing their last match at Old Priory after "
    "a long rook ending on the final board that kept the whole room waiting past ten o'clock."
)
AFTER = (
    "Next season's fixtures will be published in August, and the annual meeting will be "
    "held at the same hall in June, when clubs may propose changes to the rules."
)


def _clean(text: str):
    return clean(Source(SourceKind.TEXT, text, "page.txt", "0"))


def _page(*middle: str) -> str:
    chrome, footer = "Home | Fixtures | Results", "© 2025 League"
    return "\n\n".join([chrome, PROSE, PROSE2, *middle, AFTER, footer])


TABLE = "\n".join(
    [
        "Team              P   W   D   L   Pts",
        "Kingsmead         14  9   4   1   22",
        "Hartley Green     14  10  1   3   21",
        "Bridgend Knights  14  0   3   11  3",
    ]
)


def test_space_aligned_table_is_one_preformatted_block_line_for_line():
    cleaned = _clean(_page(TABLE))
    assert f"```\n{TABLE}\n```" in to_markdown(cleaned, body_only=True)
    body = to_text(cleaned, body_only=True)
    assert TABLE in body  # the header row and every row, spaces and all
    document = build_document(cleaned)
    assert [b.kind for b in document.blocks[document.header :]] == [
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.CODE,
        BlockKind.PARAGRAPH,
    ]


def test_tab_separated_rows_and_dot_leaders_are_kept_as_rows():
    tabbed = "Pos\tName\tTime\n1\tJonah Whitfield\t33:12\n2\tSam Okafor\t34:20"
    leaders = "  Trees recorded ......... 1,214\n  Surviving orchards ..... 58 of 64 on the maps"
    body = to_text(_clean(_page(tabbed, leaders)), body_only=True)
    rows = [
        "Pos     Name    Time",
        "1       Jonah Whitfield 33:12",
        "2       Sam Okafor      34:20",
    ]
    assert "\n".join(rows) in body
    assert "Trees recorded ......... 1,214\nSurviving orchards ..... 58 of 64 on the maps" in body


def test_hard_wrapped_text_does_not_join_table_rows_to_each_other_or_to_prose():
    wrapped = (
        "In total we recorded 1,214 trees in 58 surviving orchards and along 31 hedgerows, and\n"
        "apples made up just over two thirds of the total, followed by plums and damsons, pears.\n"
        "  Trees recorded ............................ 1,214\n"
        "  Surviving orchards ........................ 58 of 64 on the 1930s maps\n"
        "  Apple varieties identified ................ 47\n"
    )
    filler = "\n\n".join(
        f"Paragraph {n} of a text that was wrapped by its writer at a fixed column of about\n"
        "ninety characters, as old newsletters and plain-text mailing lists still are today."
        for n in range(6)
    )
    body = to_text(_clean(filler + "\n\n" + wrapped + "\n" + filler), body_only=True)
    assert "followed by plums and damsons, pears.\n\n```" not in body
    assert "damsons, pears.\n\nTrees recorded ......" in body
    assert "1,214\nSurviving orchards" in body


def test_one_line_with_double_spaces_is_prose_not_a_table():
    spaced = "It rained.  Then it stopped, and the match went ahead on the lower pitch after all."
    body = to_text(_clean(_page(spaced)), body_only=True)
    assert spaced.replace("  ", " ") in body


def test_lines_numbered_one_after_another_are_a_numbered_list():
    items = "1. neglect: no pruning for decades;\n\n2. ivy and bramble;\n\n3. livestock rubbing."
    document = build_document(_clean(_page(items)))
    listed = [b for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.marker for b in listed] == ["1.", "2.", "3."]
    assert document.block_text(document.blocks.index(listed[1])) == "ivy and bramble;"


def test_a_rule_under_a_paragraph_ends_it_and_does_not_underline_it():
    ruled = PROSE + "\n" + "-" * 40
    cleaned = _clean(_page(ruled))
    assert not any(b.markdown.startswith("#") for b in cleaned.blocks if b.kept)
