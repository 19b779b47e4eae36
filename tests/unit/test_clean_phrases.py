"""Boilerplate lines are recognised with their reason, in several languages; prose is not."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.clean.phrases import (
    _ANYWHERE_KEY,
    _ANYWHERE_PATTERNS,
    _SHORT_KEY,
    _SHORT_PATTERNS,
    SHORT_WORDS,
    boilerplate_reason,
)
from tests.conftest import examples


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Stay up to date with notifications from The Independent", "notification prompt"),
        ("We use cookies to improve your experience on our site.", "cookie notice"),
        ("Your donation allows us to keep sending journalists to the story.", "donation appeal"),
        ("Sign up for our free weekly newsletter", "subscription prompt"),
        ("Inscreva-se na nossa newsletter", "subscription prompt"),
        ("Share on Facebook", "share prompt"),
        ("Condividi", "share prompt"),
        ("Leave a comment", "comment prompt"),
        ("Kommentare", "comment prompt"),
        ("Комментарии", "comment prompt"),
        ("Please refresh the page or navigate to another page on the site", "log-in prompt"),
        ("Related: Israeli military video said to show strikes", "related link"),
        ("Leia também", "related link"),
        ("Читайте также", "related link"),
        ("관련기사", "related link"),
        ("Advertisement", "advertisement"),
        ("Реклама", "advertisement"),
        ("Image caption Assange gestures with a thumbs up after he was arrested", "photo credit"),
        ("Copyright © 2019 The Paradigm. All Rights Reserved.", "footer"),
        ("CLICK HERE TO GET THE FOX NEWS APP", "app prompt"),
        ("Skip to content", "navigation"),
    ],
)
def test_chrome_lines_have_their_reason(line, reason):
    assert boilerplate_reason(line, len(line.split())) == reason


@pytest.mark.parametrize(
    "line",
    [
        "A spokeswoman for Neumann declined to comment on the report, citing the investigation.",
        "The company said it would share more details about the plan with investors next week.",
        "Moscow’s priority, Mr Peskov said, was the war in Ukraine.",
        "Прокуроры заявили, что расследование будет продолжено в следующем году.",
    ],
)
def test_prose_mentioning_such_words_is_not_chrome(line):
    assert boilerplate_reason(line, len(line.split())) == ""


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Shared", "share prompt"),
        ("Reshared", ""),
        ("Cookies", "cookie notice"),
        ("Fortune cookies", "cookie notice"),
        ("Biscookies", ""),
        ("Donate", "donation appeal"),
        ("Undonated", ""),
    ],
)
def test_a_phrase_counts_only_where_a_word_starts(line, reason):
    # The patterns' leading word boundaries are rewritten for speed: they must still hold.
    assert boilerplate_reason(line, 1) == reason


@pytest.mark.parametrize(
    "pattern", [p for patterns in _ANYWHERE_PATTERNS.values() for p in patterns]
)
@settings(max_examples=examples(40), deadline=None)
@given(data=st.data())
def test_every_anywhere_phrase_passes_the_cheap_key_search(pattern, data):
    # The key search decides whether the ANYWHERE patterns run at all: a phrase it let through
    # unchecked would never be found.
    example = data.draw(st.from_regex(pattern, fullmatch=True).map(str.casefold))
    if re.search(pattern, example):  # casefolding may have changed what it matched
        assert _ANYWHERE_KEY.search(example)


@pytest.mark.parametrize(
    "pattern",
    [p for patterns in _SHORT_PATTERNS.values() for p in patterns if not p.startswith("^")],
)
@settings(max_examples=examples(40), deadline=None)
@given(data=st.data())
def test_every_short_phrase_passes_the_cheap_key_search(pattern, data):
    example = data.draw(st.from_regex(pattern, fullmatch=True).map(str.casefold))
    if re.search(pattern, example):
        assert _SHORT_KEY.search(example)


def _reason_by_each_phrase(line: str, words: int) -> str:
    """The reason as the tables say it, phrase by phrase: the first reason (ANYWHERE, then
    SHORT on lines of at most SHORT_WORDS words) with a phrase in the line."""
    lowered = line[:3000].casefold().strip(" \t*+-•·|»›>:.…")
    for table, limit in ((_ANYWHERE_PATTERNS, None), (_SHORT_PATTERNS, SHORT_WORDS)):
        if limit is not None and words > limit:
            return ""
        for reason, patterns in table.items():
            if any(re.search(pattern, lowered) for pattern in patterns):
                return reason
    return ""


@pytest.mark.parametrize(
    "pattern", [p for patterns in _SHORT_PATTERNS.values() for p in patterns if p.startswith("^")]
)
@settings(max_examples=examples(40), deadline=None)
@given(
    data=st.data(),
    before=st.sampled_from(["", "share ", "read more ", "home "]),
    after=st.sampled_from(["", " comments", " newsletter", " now"]),
)
def test_a_phrase_at_the_start_gives_the_first_reason_with_a_phrase_in_the_line(
    pattern, data, before, after
):
    # The phrases anchored at the start are one pattern, whose group names the reason: it must
    # give what trying each reason's phrases in order gives, also when an earlier reason's
    # phrase is elsewhere in the line.
    phrase = data.draw(st.from_regex(pattern, fullmatch=True))
    for line in (phrase, phrase + after, before + phrase + after):
        for words in (len(line.split()), SHORT_WORDS + 1):
            assert boilerplate_reason(line, words) == _reason_by_each_phrase(line, words)
