"""Untrusted text loses every terminal control sequence and control character, and nothing else."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.sanitize import _CONTROLS, _ESCAPES, strip_control

PIECES = ["\x1b[31m", "\x1b]8;;http://x\x07", "\x9b2J", "\u202e", "\x00", "\r\n"]
HOSTILE = st.lists(st.one_of(st.text(st.characters(codec="utf-8")), st.sampled_from(PIECES))).map(
    "".join
)


def _slow_reference(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


@given(HOSTILE)
def test_the_fast_path_strips_exactly_what_the_patterns_strip(text):
    assert strip_control(text) == _slow_reference(text)


@given(HOSTILE)
def test_nothing_unprintable_but_tab_and_newline_is_left(text):
    kept = strip_control(text)
    assert not _CONTROLS.search(kept)
    assert "\x1b" not in kept and "\r" not in kept


def test_escape_sequences_and_bidi_overrides_go_text_stays():
    text = "Red \x1b[31malert\x1b[0m, \u202eevil\u202c, tab\there\r\nnext\x07 line"
    assert strip_control(text) == "Red alert, evil, tab\there\nnext line"


def test_printable_text_comes_back_unchanged():
    text = "Assad’s flight — “Moscow”, 09:09\n\n\tindented\u00a0nbsp"
    assert strip_control(text) == text
