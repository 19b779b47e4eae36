"""Properties of cleaning: it never invents text, and it keeps an already clean text whole."""

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.clean import clean
from reader.clean.lines import split_lines
from reader.commands.clean import to_text
from reader.load import Source, SourceKind
from tests.conftest import examples


def _source(text: str, kind: SourceKind = SourceKind.TEXT) -> Source:
    return Source(kind, text, "test", "0")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


LINE = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\n\r"),
    max_size=120,
)


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.one_of(LINE, st.sampled_from(["", "* Home", "Share", "Comments"])), max_size=30))
def test_cleaning_never_invents_text(lines):
    text = "\n".join(lines)
    cleaned = clean(_source(text))
    source_lines = {_norm(line) for line in lines}
    body = to_text(cleaned, body_only=True)
    # Each output paragraph is one input line (less a list marker such as "* "), or rows that
    # line up (a table), each one input line.
    for paragraph in body.split("\n\n"):
        for row in paragraph.split("\n") if "\n" in paragraph else [paragraph]:
            if row.strip():
                assert any(line.endswith(_norm(row)) for line in source_lines)
    for value in (cleaned.metadata.title, cleaned.metadata.subtitle, cleaned.metadata.date):
        assert not value or value in source_lines


VOCABULARY = (
    "the a of and to in that river city council people water after before it was were "
    "would said morning evening years bridge market old new their his her they we "
    "garden school children house road long quiet through over under"
)
WORDS = st.sampled_from(VOCABULARY.split())
SENTENCE = st.lists(WORDS, min_size=8, max_size=30).map(
    lambda words: " ".join(words).capitalize() + "."
)


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=15, unique=True))
def test_clean_prose_is_kept_whole(paragraphs):
    text = "\n\n".join(paragraphs) + "\n"
    cleaned = clean(_source(text))
    assert all(block.kept for block in cleaned.blocks)
    assert to_text(cleaned, body_only=True) == "\n\n".join(paragraphs)


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(LINE.filter(lambda s: s.strip()), min_size=1, max_size=10))
@example(["UTILIZAMOS COOKIES"])  # all of it page chrome: nothing kept, an empty body
def test_kept_paragraph_text_round_trips_through_markdown(lines):
    # Whatever punctuation a kept line holds, the Markdown parser gives back its text.
    paragraphs = [
        f"Then {_norm(line)} and the river ran on through the old city for years." for line in lines
    ]
    text = "\n\n".join(dict.fromkeys(paragraphs))
    cleaned = clean(_source(text))
    kept = [b for b in cleaned.blocks if b.kept and not b.markdown.startswith("#")]
    # A line may hold a boilerplate phrase ("utilizamos cookies"): then nothing is kept.
    text_body = to_text(cleaned, body_only=True)
    body = text_body.split("\n\n") if text_body else []
    assert len(kept) == len(body)
    for paragraph in body:
        assert paragraph in dict.fromkeys(paragraphs)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(LINE, max_size=12))
def test_line_keys_are_the_casefolded_words(lines):
    # Repeated lines are spotted by their words; ASCII lines are split without the regex.
    for line in split_lines("\n\n".join(lines)):
        assert line.key == " ".join(re.findall(r"\w+", line.text.casefold()))
