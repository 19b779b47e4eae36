"""Property tests: anchors survive edits elsewhere, and never jump onto wrong text."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.anchor import CONTEXT, describe, resolve
from reader.article import build_document, open_source
from tests.conftest import examples

SEED = Path(__file__).parents[2] / "sample_articles" / "independent-assad-flee-syria.txt"
TEXT = build_document(open_source(SEED)[1]).text
WORD_STARTS = [
    i for i in range(len(TEXT)) if not TEXT[i].isspace() and (i == 0 or TEXT[i - 1].isspace())
]
NEW_WORDS = ["Kremlin", "Syria", "the", "said", "rebels", "of", "Assad", "Moscow", "new", "a"]

Edit = tuple[int, int, str]


def apply(text: str, edits: list[Edit]) -> str:
    for position, deleted, inserted in edits:
        text = text[:position] + inserted + text[position + deleted :]
    return text


def track(offset: int, edits: list[Edit]) -> int:
    for position, deleted, inserted in edits:
        if offset >= position + deleted:
            offset += len(inserted) - deleted
    return offset


@st.composite
def highlights(draw: st.DrawFn) -> tuple[int, int]:
    first = draw(st.integers(0, len(WORD_STARTS) - 12))
    count = draw(st.integers(2, 10))
    start = WORD_STARTS[first]
    end = WORD_STARTS[first + count] - 1
    while TEXT[end - 1].isspace():
        end -= 1
    return start, end


@st.composite
def edits_avoiding(draw: st.DrawFn, text: str, keep: tuple[int, int]) -> list[Edit]:
    """Random insertions and deletions that leave `text[keep[0]:keep[1]]` untouched."""
    edits: list[Edit] = []
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(text)))
        deleted = draw(st.sampled_from([0, 0, 1, 5, 20, 80]))
        inserted = " ".join(draw(st.lists(st.sampled_from(NEW_WORDS), max_size=6)))
        if position + deleted > keep[0] and position < keep[1]:
            continue  # would touch the kept span
        if position == keep[0] == keep[1]:
            continue
        edit = (position, deleted, inserted + " " if inserted else "")
        edits.append(edit)
        text = apply(text, [edit])
        keep = (track(keep[0], [edit]), track(keep[1], [edit]))
    return edits


@settings(max_examples=examples(120), deadline=None)
@given(st.data(), highlights(), st.booleans())
def test_highlight_whose_quote_survives_reanchors_onto_it(data, span, keep_prefix):
    """Edits anywhere but in the quote and one side of its context: the anchor follows it."""
    start, end = span
    selectors = describe(TEXT, start, end)
    protected = (max(0, start - CONTEXT), end) if keep_prefix else (start, end + CONTEXT)
    edits = data.draw(edits_avoiding(TEXT, protected))
    edited = apply(TEXT, edits)
    anchor = resolve(edited, selectors)
    assert anchor.attached
    assert edited[anchor.start : anchor.end] == TEXT[start:end]
    assert anchor.start == track(start, edits)


@settings(max_examples=examples(120), deadline=None)
@given(st.data(), highlights(), st.integers(0, 200), st.integers(0, 200))
def test_highlight_inside_deleted_text_is_orphaned(data, span, before, after):
    """Delete the highlighted passage (and some around it), edit elsewhere: the highlight is
    orphaned, or (only if the very same words still stand elsewhere) on a copy of them."""
    start, end = span
    selectors = describe(TEXT, start, end)
    low, high = max(0, start - before), min(len(TEXT), end + after)
    removed = TEXT[:low] + TEXT[high:]
    edited = apply(removed, data.draw(edits_avoiding(removed, (low, low))))
    anchor = resolve(edited, selectors)
    exact = TEXT[start:end]
    if exact not in edited:
        assert not anchor.attached
    elif anchor.attached:
        assert edited[anchor.start : anchor.end] == exact
