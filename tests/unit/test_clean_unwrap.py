"""Hard-wrapped text: a page saved by lynx, w3m, a mail client or fmt cleans to the words of
the same page unwrapped, and its paragraphs are whole again."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from reader.article import build_document
from reader.clean import clean
from reader.clean.unwrap import units, wrap_width
from reader.load import Source, SourceKind, guess_kind

SAMPLES = Path(__file__).parents[2] / "sample_articles"
ORCHARD = SAMPLES / "old-orchard-survey.txt"
SEED = SAMPLES / "independent-assad-flee-syria.txt"
SHARED = Path(
    os.environ.get("READER_CLEANING_DATA")
    or Path(__file__).resolve().parents[2].parent / "shared" / "cleaning"
)
DEV_PAGES = sorted(p for p in (SHARED / "dev").glob("*.txt") if not p.name.endswith(".gold.txt"))
WIDTHS = (50, 60, 72)


def wrapped(text: str, width: int) -> str:
    """Every line of `text` wrapped at `width` by Python's textwrap, blank lines kept."""
    return "\n".join(
        textwrap.fill(line, width) if line.strip() else "" for line in text.split("\n")
    )


def body(text: str, kind: SourceKind = SourceKind.TEXT) -> str:
    return build_document(clean(Source(kind, text, "page", "0"))).body


def token_f1(expected: str, got: str) -> float:
    """F1 of the two texts' words, as bags."""
    want, have = (
        Counter(re.findall(r"\w+", expected.casefold())),
        Counter(re.findall(r"\w+", got.casefold())),
    )
    common = sum((want & have).values())
    if not want and not have:
        return 1.0
    if not common:
        return 0.0
    precision, recall = common / sum(have.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.iterdir()))
def test_every_sample_wrapped_cleans_to_the_same_words(sample: str, width: int):
    path = SAMPLES / sample
    text = path.read_text(encoding="utf-8")
    kind = guess_kind(path.name, text)
    assert token_f1(body(text, kind), body(wrapped(text, width), kind)) >= 0.98


@pytest.mark.skipif(not DEV_PAGES, reason=f"the shared cleaning dev set is not at {SHARED}")
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", [p.name for p in DEV_PAGES] or ["none"])
def test_every_dev_page_wrapped_cleans_to_the_same_words(page: str, width: int):
    text = (SHARED / "dev" / page).read_text(encoding="utf-8")
    assert token_f1(body(text), body(wrapped(text, width))) >= 0.98


@pytest.mark.parametrize("width", WIDTHS)
def test_the_seed_wrapped_keeps_exactly_its_paragraphs(width: int):
    text = SEED.read_text(encoding="utf-8")
    assert body(wrapped(text, width)) == body(text)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_text_wrapped_twice_comes_back_whole(width: int):
    """The orchard survey is wrapped at about 96 columns; wrapped again at a narrower width
    (fold -s, textwrap) each of its lines breaks in two: both wraps are undone."""
    text = ORCHARD.read_text(encoding="utf-8")
    assert body(wrapped(text, width)) == body(text)


@pytest.mark.skipif(not shutil.which("fold"), reason="no fold(1) here")
@pytest.mark.parametrize("width", ["60", "72"])
def test_fold_s_of_the_orchard_survey_is_undone(width: str):
    """`fold -s -w 72` broke its 96-column lines again (it kept 2,383 characters of 5,354)."""
    text = ORCHARD.read_text(encoding="utf-8")
    folded = subprocess.run(
        ["fold", "-s", "-w", width], input=text, capture_output=True, text=True, check=True
    ).stdout
    assert body(folded) == body(text)


@pytest.mark.skipif(not shutil.which("fmt"), reason="no fmt(1) here")
def test_fmt_of_the_orchard_survey_keeps_the_article():
    """`fmt -w 60` refills every paragraph, the page's chrome too (lines it joins cannot be
    told apart again), but the article is all there (it once cleaned to 105 characters)."""
    text = ORCHARD.read_text(encoding="utf-8")
    filled = subprocess.run(
        ["fmt", "-w", "60"], input=text, capture_output=True, text=True, check=True
    ).stdout
    assert token_f1(body(text), body(filled)) >= 0.95
    assert len(body(filled)) > 0.95 * len(body(text))


def test_one_long_line_among_wrapped_ones_stays_a_paragraph():
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    mixed = "\n".join(
        line if i == longest else textwrap.fill(line, 72) if line.strip() else ""
        for i, line in enumerate(lines)
    )
    assert body(mixed) == body(text)


def test_list_items_headings_and_table_rows_are_not_joined():
    text = (
        "A paragraph wrapped at sixty columns, long enough to show the\n"
        "width it was wrapped at, and to carry on for another line or\n"
        "two before it comes to an end here.\n"
        "\n"
        "Headings stay\n"
        "=============\n"
        "\n"
        "  - a list item that is long enough to be wrapped at sixty\n"
        "    columns, with its second line\n"
        "  - and a second item\n"
        "1. A numbered item that is also long enough to be wrapped at\n"
        "sixty columns by the tool that saved it.\n"
        "2. And the second numbered item, a line of its own again.\n"
        "  Trees recorded ............................ 1,214\n"
        "  Surviving orchards ........................ 58 of 64 on\n"
        "the maps, a row wrapped in two and made whole again.\n"
    )
    joined = [" ".join(lines) for _, lines in units(text)]
    assert joined == [
        "A paragraph wrapped at sixty columns, long enough to show the width it was wrapped "
        "at, and to carry on for another line or two before it comes to an end here.",
        "Headings stay",
        "=============",
        "- a list item that is long enough to be wrapped at sixty columns, with its second line",
        "- and a second item",
        "1. A numbered item that is also long enough to be wrapped at sixty columns by the "
        "tool that saved it.",
        "2. And the second numbered item, a line of its own again.",
        "Trees recorded ............................ 1,214",
        "Surviving orchards ........................ 58 of 64 on the maps, a row wrapped in "
        "two and made whole again.",
    ]


def test_a_caption_shown_twice_stays_two_lines_and_a_word_broken_at_its_hyphen_is_whole():
    caption = "A fighter in front of a government office in the city of Hama, on Sunday."
    paragraph = (
        "Russian intelligence agents persuaded the president to flee, a well-known "
        "correspondent reported on Wednesday, citing three people with knowledge of "
        "the matter and a fourth who asked not to be named in this report."
    )
    text = "\n".join([wrapped(caption, 40), wrapped(caption, 40), "", wrapped(paragraph, 40)])
    assert wrap_width(text)
    joined = [" ".join(lines) for _, lines in units(text)]
    assert joined == [caption, caption, paragraph]
