"""What the reader asked of a loading article's head that only the whole can give.

Pure: no Textual. While a large article loads, the view shows its head: End, `]` past its
last section, n past its last match, a word or page move at its end, and a search (which
must cover the whole) each do less there than they will. They are kept here, in order, and
done again when the whole arrives; a move that did what it meant makes the ones before it
moot, and a new search replaces the one before.
"""

from __future__ import annotations

from typing import NamedTuple


class Step(NamedTuple):
    action: str
    """The name of the view's method to call again."""
    arguments: tuple[object, ...]


class Replay:
    """The steps to do again once the whole article is here, oldest first."""

    def __init__(self) -> None:
        self._steps: list[Step] = []

    def __bool__(self) -> bool:
        return bool(self._steps)

    def cut_short(self, action: str, *arguments: object) -> None:
        """`action` did less on the head than it will on the whole: do it again then."""
        self._steps.append(Step(action, arguments))

    def moved(self) -> None:
        """A move did what it meant: the steps before it are moot."""
        self._steps.clear()

    def forget(self, action: str) -> None:
        """Drop the steps of `action` (a new search replaces the one before)."""
        self._steps = [step for step in self._steps if step.action != action]

    def take(self) -> list[Step]:
        """The steps to do again, oldest first; none are kept."""
        steps, self._steps = self._steps, []
        return steps
