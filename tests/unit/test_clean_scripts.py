"""Lines in scripts written without spaces are measured by their characters, others by words."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.clean.lines import split_lines
from reader.clean.stopwords import STOPWORDS
from tests.conftest import examples


def _line(text: str):
    (line,) = split_lines(text)
    return line


def test_a_korean_paragraph_is_judged_without_stop_words():
    line = _line("정부는 오늘 새로운 정책을 발표했으며 시민들은 이에 대해 다양한 의견을 내놓았다.")
    assert line.stop == 1.0
    assert line.sentence


def test_a_japanese_line_counts_two_characters_a_word():
    text = "政府は今日新しい政策を発表しました"  # 17 characters of Han and kana
    assert _line(text).words == 17 // 2


def test_latin_and_cyrillic_lines_with_curly_quotes_are_judged_by_their_stop_words():
    english = _line("“It was the best of times,” he said, and it was the worst of them.")
    russian = _line("«Это было лучшее время», — сказал он, и это было худшее из них.")
    assert 0 < english.stop < 1.0
    assert 0 < russian.stop < 1.0


_HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")


@settings(max_examples=examples(300), deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            [*"ab the of é’“»Жи и ", "政", "府", "は", "ア", "정", "부", "\u3000", "\uff01", "😀"]
        ),
        min_size=1,
        max_size=40,
    )
)
def test_words_and_stop_share_follow_the_scripts_of_the_line(text):
    # Han, kana and Hangul are looked for only in lines with a character from U+3000 up: the
    # measure must be what looking in every line gives.
    text = text.strip()
    if not text or not re.search(r"\w", text):
        return
    line = _line(text)
    words = re.findall(r"\w+", text.casefold())
    cjk = len(_HAN_KANA.findall(text))
    spaced = [word for word in words if not _HAN_KANA.search(word)] if cjk else words
    unspaced = cjk >= 10 or len(_HANGUL.findall(text)) >= 10
    stops = sum(word in STOPWORDS for word in spaced) / max(1, len(spaced))
    assert line.words == len(spaced) + cjk // 2
    assert line.stop == (1.0 if unspaced else stops)
