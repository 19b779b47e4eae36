"""The trail of pages a reader followed links along: back and forward, as a browser keeps it.

Each entry is a `Place`: the article, and where the reader was in it (the cursor, and the
view's scroll). Going somewhere new clears the forward trail; a place is only recorded once
the new page is shown, so a link that fails to load leaves the trail as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

LIMIT = 200
"""Places kept behind the reader; older ones are forgotten."""


@dataclass(frozen=True, slots=True)
class Place:
    """Where the reader was: which article, the cursor, and what the view showed."""

    article: str
    """What reopens the article: its URL or file path (or its id in the library)."""
    cursor: int = 0
    """The cursor's offset in the article's text."""
    top: int = 0
    """Offset of the first line shown: the scroll, whatever the terminal's width is now."""
    scroll_y: float = 0.0
    """The view's scroll in rows, exact while the width is the same."""
    width: int = 0
    """The view's width when `scroll_y` was taken."""


class History:
    """Back and forward stacks of places."""

    __slots__ = ("_back", "_forward", "limit")

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._back: list[Place] = []
        self._forward: list[Place] = []

    def visit(self, leaving: Place) -> None:
        """The reader went somewhere new from `leaving` (a link followed, a jump)."""
        self._back.append(leaving)
        del self._back[: -self.limit]
        self._forward.clear()

    def back(self, here: Place) -> Place | None:
        """The place to go back to (None at the start of the trail); `here` becomes forward."""
        if not self._back:
            return None
        self._forward.append(here)
        return self._back.pop()

    def forward(self, here: Place) -> Place | None:
        """The place to go forward to again (None if nothing was gone back from)."""
        if not self._forward:
            return None
        self._back.append(here)
        return self._forward.pop()

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def __len__(self) -> int:
        return len(self._back) + len(self._forward)
