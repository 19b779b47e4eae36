from hypothesis import given
from hypothesis import strategies as st

from reader.search import find_all, lowered


def test_smart_case_and_flexible_whitespace():
    text = "Moscow said.\nThe Kremlin  said, the kremlin\nagain"
    assert [text[s:e] for s, e in find_all(text, "kremlin")] == ["Kremlin", "kremlin"]
    assert [text[s:e] for s, e in find_all(text, "Kremlin")] == ["Kremlin"]
    assert [text[s:e] for s, e in find_all(text, "the kremlin again")] == ["the kremlin\nagain"]


def test_blank_query_and_regex_characters():
    assert find_all("a.b (c)", "   ") == []
    assert find_all("a.b (c)", "(c)") == [(4, 7)]
    assert find_all("axb", "a.b") == []


@given(st.text(min_size=1), st.text(min_size=1))
def test_every_match_is_the_query_up_to_case_and_spacing(text, query):
    for start, end in find_all(text, query):
        assert " ".join(text[start:end].split()).lower() == " ".join(query.split()).lower()


@given(st.text(min_size=1), st.text(min_size=1))
def test_the_lower_case_shortcut_finds_the_same_matches(text, query):
    assert find_all(text, query, lowered(text)) == find_all(text, query)
