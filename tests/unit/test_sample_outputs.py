"""`reader clean` on the two sample pages written for this project gives exactly what a reader
should see (issue 15 lists what went wrong before):

- old-orchard-survey.txt: the Acknowledgements kept, THE NUMBERS AT A GLANCE a heading like
  WHAT HAPPENS NOW, the numbered list a list, the table kept row for row;
- harbour-courier-night-ferry.html: the standfirst once, the first paragraph without the
  header's "Updated 11:20am", the quotation with its credit, paragraphs with emphasis on one
  line each (no source indentation).

The expected outputs are in tests/sample_outputs/. When a change to the cleaner changes them
on purpose, look at the difference, then write the new output there.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from reader.commands.clean import run

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_articles"
EXPECTED = ROOT / "tests" / "sample_outputs"


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("old-orchard-survey.txt", "old-orchard-survey.md"),
        ("harbour-courier-night-ferry.html", "harbour-courier-night-ferry.md"),
    ],
)
def test_reader_clean_prints_exactly_the_expected_markdown(sample, expected, capsys):
    try:
        assert run([str(SAMPLES / sample)]) == 0
    finally:
        gc.enable()  # `reader clean` turns the collector off for its one short run
    assert capsys.readouterr().out == (EXPECTED / expected).read_text(encoding="utf-8")


def test_the_orchard_survey_keeps_what_it_lost_before():
    markdown = (EXPECTED / "old-orchard-survey.md").read_text(encoding="utf-8")
    assert "## THE NUMBERS AT A GLANCE" in markdown and "## WHAT HAPPENS NOW" in markdown
    assert "## Acknowledgements\n\nThanks to every landowner" in markdown
    assert "1. neglect: no pruning for decades" in markdown
    assert (
        "```\nTrees recorded ............................ 1,214\n"
        "Surviving orchards ........................ 58 of 64 on the 1930s maps\n"
    ) in markdown


def test_the_night_ferry_reads_as_the_page_shows_it():
    markdown = (EXPECTED / "harbour-courier-night-ferry.md").read_text(encoding="utf-8")
    standfirst = "The overnight crossing to the islands restarts in May"
    assert markdown.count(standfirst) == 1
    assert "Updated 11:20am" not in markdown
    assert "\n\nThe overnight ferry between Kestrel Bay" in markdown
    assert ">\n> — Morag Tulloch, chair of the Marram Islands community council" in markdown
    assert "\n    " not in markdown  # no source indentation inside a paragraph
