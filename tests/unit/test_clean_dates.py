"""Dates and times of day in a saved page's lines: found where a number starts a word only."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.clean import metadata, structure
from reader.clean.metadata import has_date
from tests.conftest import examples


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Published 2024-10-09", True),
        ("9/10/24 at noon", True),
        ("9 October 2024", True),
        ("22 de janeiro", True),
        ("Oct. 9", True),
        ("Model X2024-10-09", False),  # the number is inside a word
        ("ab9/10/24", False),
        ("Room 12 is upstairs", False),
        ("٣/١٠/٢٤", True),  # digits of other scripts are digits
    ],
)
def test_a_date_is_found_where_its_number_starts_a_word(text, found):
    assert has_date(text) is found


@pytest.mark.parametrize(
    ("text", "timed"),
    [("12:41", True), ("Updated 9.30 today", True), ("at 7h15", True), ("A12:41", False)],
)
def test_a_time_of_day_starts_a_word(text, timed):
    assert bool(structure._CLOCK.search(text)) is timed


# Each pattern as it would be written with a leading `\b`: the word-start form must find the
# same matches (it is written so only for speed).
_PLAIN = [
    (metadata._NUMERIC_DATE, r"\b\d(?:\d{3}[-/.]\d{1,2}[-/.]\d{1,2}|\d?[-/.]\d{1,2}[-/.]\d{2,4})"),
    (metadata._DAY_WORD, r"\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?([^\W\d_]+)"),
    (structure._CLOCK, r"\b\d{1,2}[:.h]\d{2}\b"),
]


@pytest.mark.parametrize(("pattern", "plain"), _PLAIN)
@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(alphabet="0123456789٣abdehnrstSTNÉЖ_:./- \n", max_size=16))
def test_word_start_patterns_match_as_their_plain_forms(pattern, plain, text):
    expected = re.compile(plain, pattern.flags)
    assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [
        (m.span(), m.groups()) for m in expected.finditer(text)
    ]
