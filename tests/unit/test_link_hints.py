"""Hint labels: one or two letters, none the start of another, home row first."""

from __future__ import annotations

import pytest

from reader.link_hints import HINT_KEYS, hint_labels, match_hint


@pytest.mark.parametrize("count", [0, 1, 5, 26, 27, 40, 100, 300, 676])
def test_labels_are_distinct_short_and_prefix_free(count: int) -> None:
    labels = hint_labels(count)
    assert len(labels) == count
    assert len(set(labels)) == count
    assert all(1 <= len(label) <= 2 for label in labels)
    assert all(set(label) <= set(HINT_KEYS) for label in labels)
    for label in labels:
        assert not any(other != label and other.startswith(label) for other in labels)


def test_few_links_get_single_home_row_letters() -> None:
    assert hint_labels(4) == ["a", "s", "d", "f"]


def test_many_links_keep_as_many_single_letters_as_they_can() -> None:
    labels = hint_labels(30)
    singles = [label for label in labels if len(label) == 1]
    assert len(singles) == 25  # one letter became the prefix of the two-letter labels
    assert labels[:3] == ["a", "s", "d"]


def test_more_links_than_two_letters_can_name_get_labels_for_the_first_only() -> None:
    assert len(hint_labels(1000)) == len(HINT_KEYS) ** 2


def test_typing_picks_a_label_or_says_more_may_come() -> None:
    labels = hint_labels(30)
    two = next(label for label in labels if len(label) == 2)
    assert match_hint(labels[0], labels) == (0, False)
    assert match_hint(two[0], labels) == (None, True)
    assert match_hint(two, labels) == (labels.index(two), False)
    assert match_hint("a" + "a", hint_labels(3)) == (None, False)
