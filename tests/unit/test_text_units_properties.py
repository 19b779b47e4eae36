"""Property tests: motions always move to the next/previous unit, never skip or stick."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text_units import (
    _words,
    next_sentence_start,
    next_word_start,
    previous_sentence_start,
    previous_word_start,
    sentence_span,
    sentence_spans,
)
from tests.conftest import examples

PIECES = [
    "Mr.",
    "Dr",
    "U.S.",
    "3.5",
    "1,000",
    "e.g.",
    "word",
    "Word",
    "the",
    "A",
    "él",
    "他来",
    "。",
]
PIECES += [".", "!", "?", "…", "...", "”", "“", '"', "'", "(", ")", " ", " ", " ", "\n", "\n\n"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=examples(150), deadline=None)
@given(texts)
def test_sentences_are_ordered_trimmed_and_within_lines(text):
    previous_end = 0
    for start, end in sentence_spans(text):
        assert previous_end <= start < end
        sentence = text[start:end]
        assert sentence == sentence.strip() and "\n" not in sentence
        previous_end = end
    # Nothing but whitespace is left outside the sentences.
    covered = set()
    for start, end in sentence_spans(text):
        covered.update(range(start, end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


@settings(max_examples=examples(150), deadline=None)
@given(texts, st.data())
def test_sentence_motions_go_to_the_neighbouring_start(text, data):
    offset = data.draw(st.integers(0, len(text)))
    starts = [start for start, _end in sentence_spans(text)]
    after = [s for s in starts if s > offset]
    before = [s for s in starts if s < offset]
    assert next_sentence_start(text, offset) == (after[0] if after else offset)
    assert previous_sentence_start(text, offset) == (before[-1] if before else offset)
    span = sentence_span(text, offset)
    assert span in sentence_spans(text) or span == (offset, offset)


@settings(max_examples=examples(150), deadline=None)
@given(texts, st.data())
def test_word_motions_go_to_the_neighbouring_word(text, data):
    offset = data.draw(st.integers(0, len(text)))
    starts = [match.start() for match in _words().finditer(text)]
    after = [s for s in starts if s > offset]
    before = [s for s in starts if s < offset]
    assert next_word_start(text, offset) == (after[0] if after else offset)
    assert previous_word_start(text, offset) == (before[-1] if before else offset)
