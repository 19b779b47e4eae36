"""The search prompt edits its line as a shell or less prompt would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual import events

from widgets.search_prompt import Outcome, SearchPrompt, match_count


def press(prompt: SearchPrompt, *keys: str) -> list[Outcome]:
    outcomes = []
    for key in keys:
        character = key if len(key) == 1 else (" " if key == "space" else None)
        outcomes.append(prompt.key(events.Key(key, character)))
    return outcomes


def test_typing_and_deleting():
    prompt = SearchPrompt()
    assert press(prompt, *"moscow") == [Outcome.CHANGED] * 6
    assert prompt.text == "moscow"
    press(prompt, "backspace", "backspace")
    assert prompt.text == "mosc"
    assert press(prompt, "enter") == [Outcome.ACCEPT]
    assert press(prompt, "escape") == [Outcome.CANCEL]


def test_moving_then_inserting_in_the_middle():
    prompt = SearchPrompt()
    press(prompt, *"asad", "left", "left")
    assert press(prompt, "s") == [Outcome.CHANGED]
    assert prompt.text == "assad"
    press(prompt, "home", "delete")
    assert prompt.text == "ssad"
    assert press(prompt, "left") == [Outcome.MOVED]  # at the start already: nothing to do
    assert prompt.cursor == 0


def test_word_and_line_deletion():
    prompt = SearchPrompt()
    press(prompt, *"left the country", "ctrl+w")
    assert prompt.text == "left the "
    press(prompt, "ctrl+u")
    assert prompt.text == ""
    assert press(prompt, "backspace") == [Outcome.IGNORED]


def test_pasted_text_is_one_line_without_control_characters():
    prompt = SearchPrompt()
    prompt.insert("fled\nto \x1b[31mMoscow\x07")
    assert prompt.text == "fled to Moscow"


def test_keys_that_mean_nothing_here_are_ignored():
    prompt = SearchPrompt()
    assert press(prompt, "f5", "ctrl+t") == [Outcome.IGNORED, Outcome.IGNORED]


TYPED = st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]).filter(str.isprintable)


@given(st.text(TYPED))
def test_whatever_is_typed_is_the_query(typed):
    prompt = SearchPrompt()
    for character in typed:
        prompt.key(events.Key(character if character.isalnum() else "x", character))
    assert prompt.text == typed
    assert prompt.cursor == len(typed)
    assert prompt.content().plain == f"/{typed} "


def test_the_match_count_says_which_match_of_how_many():
    assert match_count("heron", 12, 2) == "3/12"
    assert match_count("heron", 0, None) == "no match"
    assert match_count("  ", 0, None) == ""  # nothing searched yet
