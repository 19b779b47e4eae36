"""The steps a loading article's head cut short, done again when the whole arrives."""

from __future__ import annotations

from widgets.replay import Replay, Step


def test_steps_are_done_again_in_the_order_asked_and_only_once():
    replay = Replay()
    replay.cut_short("action_section", 1)
    replay.cut_short("action_bottom")
    assert replay
    assert replay.take() == [Step("action_section", (1,)), Step("action_bottom", ())]
    assert not replay and replay.take() == []


def test_a_move_that_did_what_it_meant_makes_the_steps_before_it_moot():
    replay = Replay()
    replay.cut_short("action_bottom")
    replay.cut_short("search", "heron", 0)
    replay.moved()
    replay.cut_short("action_word", 1)
    assert replay.take() == [Step("action_word", (1,))]


def test_a_new_search_replaces_the_one_before_and_keeps_the_other_steps():
    replay = Replay()
    replay.cut_short("search", "her", 10)
    replay.cut_short("action_search_next", 1)
    replay.forget("search")
    replay.cut_short("search", "heron", 10)
    assert replay.take() == [Step("action_search_next", (1,)), Step("search", ("heron", 10))]
