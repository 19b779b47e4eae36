from pathlib import Path

import pytest

from reader.article import build_document, open_source
from reader.document import parse_markdown
from reader.text_units import (
    next_paragraph_start,
    next_sentence_start,
    next_word_start,
    paragraph_span,
    previous_paragraph_start,
    previous_sentence_start,
    previous_word_start,
    sentence_span,
    sentence_spans,
    word_span,
)

SEED = Path(__file__).parents[2] / "sample_articles" / "independent-assad-flee-syria.txt"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def seed_paragraph(containing: str) -> str:
    cleaned = open_source(SEED)[1]
    # Every block, the ones cleaning removed (the donation appeal...) restored too.
    document = build_document(cleaned, frozenset(b.key for b in cleaned.blocks if not b.kept))
    (block,) = [b for b in document.blocks if containing in document.text[b.start : b.end]]
    return document.text[block.start : block.end]


def test_seed_quoted_paragraph_splits_into_its_three_sentences():
    assert sentences(seed_paragraph("Russia fulfilled its mission")) == [
        "“Russia fulfilled its mission, and then the Assad leadership worked in their country,"
        " engaged in the development of their country.",
        "But unfortunately, the development has led to the situation that is now.",
        "And now we need to proceed from the realities that exist on the ground.”",
    ]


def test_seed_paragraphs_with_quotes_and_titles_stay_whole():
    for opening in (
        "“He is secured, and it shows",
        "The new details follow confirmation",
        "Moscow offered Mr Assad a safe exit",
        "Moscow’s priority, Mr Peskov said",
    ):
        paragraph = seed_paragraph(opening)
        assert sentences(paragraph) == [paragraph]


def test_seed_appeal_paragraph_sentences():
    assert sentences(seed_paragraph("The Independent is trusted by Americans")) == [
        "The Independent is trusted by Americans across the entire political spectrum.",
        "And unlike many other quality news outlets, we choose not to lock Americans out of our"
        " reporting and analysis with paywalls.",
        "We believe quality journalism should be available to everyone, paid for by those who"
        " can afford it.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones and Mrs. Brown on St. James St. at noon. They talked.",
            ["Mr. Smith met Dr. Jones and Mrs. Brown on St. James St. at noon.", "They talked."],
        ),
        (
            "He moved to the U.S. The next day he left. The U.S. Senate voted.",
            ["He moved to the U.S.", "The next day he left.", "The U.S. Senate voted."],
        ),
        (
            "Some fruit, e.g. apples, i.e. the red ones. Done.",
            ["Some fruit, e.g. apples, i.e. the red ones.", "Done."],
        ),
        (
            "Prices rose 3.5 per cent to 1,000.25 dollars. Sales fell.",
            ["Prices rose 3.5 per cent to 1,000.25 dollars.", "Sales fell."],
        ),
        (
            "George W. Bush and J. K. Rowling met Martin Luther King Jr. in a dream. Odd.",
            ["George W. Bush and J. K. Rowling met Martin Luther King Jr. in a dream.", "Odd."],
        ),
        (
            "“Who is there?” she asked. “Me!” He laughed.",
            ["“Who is there?” she asked.", "“Me!”", "He laughed."],
        ),
        (
            "He said “it is over.” Then he left.",
            ["He said “it is over.”", "Then he left."],
        ),
        (
            "I waited... and waited. Then… Nothing. Wait... what?",
            ["I waited... and waited.", "Then…", "Nothing.", "Wait... what?"],
        ),
        ("他来了。她走了！真的吗？是的", ["他来了。", "她走了！", "真的吗？", "是的"]),
        ("هل أنت بخير؟ نعم.", ["هل أنت بخير؟", "نعم."]),
        ("राम घर गया। सीता आई।", ["राम घर गया।", "सीता आई।"]),
        ("Visit example.com today. No. 5 won.", ["Visit example.com today.", "No. 5 won."]),
        (
            "She lives on Baker St. He visits St. Paul's et al. on Sundays.",
            ["She lives on Baker St.", "He visits St. Paul's et al. on Sundays."],
        ),
    ],
)
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


def test_sentences_never_cross_a_line_break():
    assert sentences("A heading\nNext line. More\n\nNew paragraph") == [
        "A heading",
        "Next line.",
        "More",
        "New paragraph",
    ]


def test_sentence_motions():
    text = "One two. Three four. Five.\n\nSix seven."
    first, second, third = sentence_spans(text)[:3]
    assert sentence_span(text, text.index("four")) == second
    assert sentence_span(text, second[0] - 1) == second  # between sentences: the next one
    assert next_sentence_start(text, 0) == second[0]
    assert next_sentence_start(text, third[0]) == text.index("Six")
    assert next_sentence_start(text, text.index("Six")) == text.index("Six")
    assert previous_sentence_start(text, text.index("four")) == second[0]
    assert previous_sentence_start(text, second[0]) == first[0]
    assert previous_sentence_start(text, text.index("Six")) == third[0]
    assert previous_sentence_start(text, 0) == 0


def test_word_motions():
    text = "Assad’s al-Qaeda (HTS) rose 3.5 per cent, to 1,000."
    starts = [0]
    while (following := next_word_start(text, starts[-1])) != starts[-1]:
        starts.append(following)
    words = [text[slice(*word_span(text, s))] for s in starts]
    assert words == ["Assad’s", "al-Qaeda", "HTS", "rose", "3.5", "per", "cent", "to", "1,000"]
    assert previous_word_start(text, text.index("Qaeda")) == text.index("al-Qaeda")
    assert previous_word_start(text, text.index("al-Qaeda")) == 0
    assert previous_word_start(text, 0) == 0
    assert word_span(text, text.index("(")) is None


def test_cjk_characters_are_words():
    text = "他来了。"
    assert next_word_start(text, 0) == 1
    assert previous_word_start(text, 2) == 1


def test_paragraphs_are_document_blocks():
    document = parse_markdown("First para.\n\nSecond para here.\n\nThird.")
    second = document.blocks[1]
    inside = second.start + 3
    assert paragraph_span(document, inside) == (second.start, second.end)
    assert next_paragraph_start(document, inside) == document.blocks[2].start
    assert previous_paragraph_start(document, inside) == second.start
    assert previous_paragraph_start(document, second.start) == document.blocks[0].start
