"""Hint labels, as qutebrowser and Vimium give them: one or two letters per link on screen,
none the start of another, the easiest keys (the home row) first."""

from __future__ import annotations

from collections.abc import Sequence

HINT_KEYS = "asdfghjklqwertyuiopzxcvbnm"
"""Letters a hint may use, easiest first (the home row)."""


def hint_labels(count: int, keys: str = HINT_KEYS) -> list[str]:
    """`count` labels (at most len(keys)² of them): single letters while they go round, then
    as few letters as possible turned into prefixes of two-letter labels."""
    size = len(keys)
    if count <= 0 or size == 0:
        return []
    if count <= size:
        return list(keys[:count])
    # With p letters as prefixes: size - p single labels and p * size double ones.
    prefixes = next((p for p in range(1, size + 1) if size - p + p * size >= count), size)
    singles = list(keys[: size - prefixes])
    doubles = [first + second for first in keys[size - prefixes :] for second in keys]
    return (singles + doubles)[:count]


def match_hint(typed: str, labels: Sequence[str]) -> tuple[int | None, bool]:
    """What `typed` picks: the index of the label it is (or None), and whether more typing
    could still pick one."""
    if typed in labels:
        return labels.index(typed), False
    return None, any(label.startswith(typed) for label in labels)
