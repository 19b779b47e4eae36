import pytest

from reader.anchor import (
    CONTEXT,
    Anchor,
    Selectors,
    Status,
    describe,
    resolve,
    resolve_all,
    text_hash,
)
from reader.records import AnnotationRecord

TEXT = (
    "Russian intelligence agents persuaded Bashar al-Assad to flee Syria. "
    "Moscow offered Mr Assad a safe exit if he left the country immediately. "
    "According to a report by Bloomberg, Russian agents flew Mr Assad out via a Russian "
    "airbase in Syria, with the transponder turned off to avoid being tracked. "
    "Moscow’s priority, Mr Peskov said, was the war in Ukraine."
)


def select(text: str, quote: str, occurrence: int = 0) -> Selectors:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return describe(text, start, start + len(quote))


def landed(text: str, anchor: Anchor) -> str:
    return text[anchor.start : anchor.end]


def test_describe_keeps_quote_context_position_and_hash():
    selectors = select(TEXT, "a safe exit")
    start = TEXT.index("a safe exit")
    assert selectors.quote.exact == "a safe exit"
    assert selectors.quote.prefix == TEXT[start - CONTEXT : start]
    assert selectors.quote.suffix == TEXT[start + 11 : start + 11 + CONTEXT]
    assert (selectors.position.start, selectors.position.end) == (start, start + 11)
    assert selectors.text_hash == text_hash(TEXT)


def test_describe_rejects_a_span_outside_the_text():
    with pytest.raises(ValueError):
        describe("short", 2, 9)


def test_selectors_round_trip_through_record_fields_and_w3c():
    selectors = select(TEXT, "Mr Peskov")
    assert Selectors.from_fields(**selectors.fields()) == selectors
    quote, position = selectors.to_w3c()
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "Mr Peskov"
    assert position == {
        "type": "TextPositionSelector",
        "start": selectors.position.start,
        "end": selectors.position.end,
    }


def test_selectors_round_trip_through_an_annotation_record():
    selectors = select(TEXT, "a safe exit")
    record = AnnotationRecord(article_id="a", **selectors.fields())
    assert Selectors.of(record) == selectors


def test_unchanged_text_is_ok():
    selectors = select(TEXT, "Mr Assad", 1)
    anchor = resolve(TEXT, selectors)
    assert anchor == Anchor(selectors.position.start, selectors.position.end, Status.OK)


def test_edit_after_the_quote_leaves_it_ok():
    selectors = select(TEXT, "a safe exit")
    edited = TEXT.replace("war in Ukraine", "war in Ukraine, he added")
    assert resolve(edited, selectors).status is Status.OK


def test_insertion_before_moves_the_quote_to_the_same_occurrence():
    selectors = select(TEXT, "Mr Assad", 1)  # the second of two
    edited = "A new opening sentence. " + TEXT
    anchor = resolve(edited, selectors)
    assert anchor.status is Status.MOVED
    assert anchor.start == selectors.position.start + len("A new opening sentence. ")


def test_context_picks_the_right_occurrence_when_both_moved():
    first, second = select(TEXT, "Mr Assad", 0), select(TEXT, "Mr Assad", 1)
    edited = "Breaking. " + TEXT.replace("Moscow offered", "Moscow, it emerged, offered")
    assert landed(edited, resolve(edited, first)) == "Mr Assad"
    assert resolve(edited, first).start == edited.index("Mr Assad")
    assert resolve(edited, second).start == edited.index("Mr Assad", edited.index("Bloomberg"))


def test_edited_quote_matches_fuzzily():
    selectors = select(TEXT, "Russian agents flew Mr Assad out via a Russian airbase")
    edited = TEXT.replace("flew Mr Assad out", "flew Mr. Assad out")
    anchor = resolve(edited, selectors)
    assert anchor.status is Status.FUZZY
    assert landed(edited, anchor) == "Russian agents flew Mr. Assad out via a Russian airbase"


def test_quote_in_deleted_sentence_is_orphaned_not_attached_elsewhere():
    sentence = "Moscow offered Mr Assad a safe exit if he left the country immediately. "
    selectors = select(TEXT, "offered Mr Assad a safe exit")
    short = select(TEXT, "Mr Assad", 0)
    edited = TEXT.replace(sentence, "")
    assert resolve(edited, selectors).status is Status.ORPHANED
    # The same two words still occur later, in another context: not the passage highlighted.
    assert resolve(edited, short).status is Status.ORPHANED


def test_orphan_keeps_its_old_offsets():
    selectors = select(TEXT, "the transponder turned off")
    anchor = resolve("Something else entirely.", selectors)
    assert anchor == Anchor(selectors.position.start, selectors.position.end, Status.ORPHANED)
    assert not anchor.attached


def test_resolve_all_matches_one_by_one_resolution_in_input_order():
    quotes = ["Ukraine", "Mr Assad", "a safe exit", "Bloomberg", "flee Syria"]
    selectors = [select(TEXT, q) for q in quotes]
    edited = "Update: new details. " + TEXT.replace("Bloomberg", "Reuters")
    anchors = resolve_all(edited, selectors)
    assert anchors == [resolve(edited, s) for s in selectors]
    assert [landed(edited, a) for a in anchors if a.attached] == [
        "Ukraine",
        "Mr Assad",
        "a safe exit",
        "flee Syria",
    ]
    assert anchors[3].status is Status.ORPHANED


def test_non_latin_text_anchors_fuzzily():
    text = "他来了。她走了！今天天气很好，我们去公园散步吧。真的吗？是的。明天也许会下雨。"
    quote = "今天天气很好，我们去公园散步吧"
    start = text.index(quote)
    edited = "新的开头。" + text.replace("天气很好", "天气真好")
    anchor = resolve(edited, describe(text, start, start + len(quote)))
    assert anchor.status is Status.FUZZY
    assert landed(edited, anchor) == "今天天气真好，我们去公园散步吧"
