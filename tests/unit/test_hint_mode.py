"""Hint mode as a state machine: labels shown, narrowed as letters are typed, one picked."""

from __future__ import annotations

from reader.document import Span, SpanKind
from widgets.hint_mode import HintMode, Typed


def _links(count: int) -> list[Span]:
    return [Span(SpanKind.LINK, 10 * n, 10 * n + 5, f"https://a.example/{n}") for n in range(count)]


def test_few_links_one_letter_each_picked_at_once() -> None:
    mode = HintMode(_links(3))
    assert mode.shown() == {0: "a", 10: "s", 20: "d"}
    assert mode.key("S") is Typed.PICKED
    assert mode.picked is not None and mode.picked.href == "https://a.example/1"


def test_two_letter_labels_narrow_as_they_are_typed() -> None:
    links = _links(40)
    mode = HintMode(links)
    two = next(label for label in mode.labels if len(label) == 2)
    assert mode.key(two[0]) is Typed.MORE
    shown = mode.shown()
    # Only the labels that start so are left, each drawn without the letter typed.
    assert shown and all(len(rest) == 1 for rest in shown.values())
    assert mode.key(two[1]) is Typed.PICKED
    assert mode.picked == links[mode.labels.index(two)]


def test_a_letter_no_label_starts_with_picks_nothing() -> None:
    mode = HintMode(_links(3))
    assert mode.key("z") is Typed.NOTHING
    assert mode.picked is None
