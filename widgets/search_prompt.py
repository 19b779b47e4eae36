"""The search prompt: a one-line editor drawn in the footer's row, as in less and vim.

Not a focusable Input: the text keeps the focus while the reader types, so opening and closing
the prompt moves no focus and lays nothing out again (each of those redraws the whole screen).
The reading screen sends it the keys while it is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from textual import events
from textual.content import Content

from reader.sanitize import strip_control

PROMPT_STYLE = "bold $footer-key-foreground"
CURSOR_STYLE = "reverse"
COUNT_STYLE = "$footer-description-foreground"


ACCEPT_KEYS = ("enter",)
CANCEL_KEYS = ("escape", "ctrl+c", "ctrl+g")
CLOSING_KEYS = ACCEPT_KEYS + CANCEL_KEYS
"""The keys that close the prompt: the keys after them are the text's again."""


class Outcome(Enum):
    CHANGED = "changed"
    """The query changed: search again."""
    MOVED = "moved"
    """Only the editing cursor moved: redraw."""
    ACCEPT = "accept"
    CANCEL = "cancel"
    IGNORED = "ignored"


@dataclass
class SearchPrompt:
    text: str = ""
    cursor: int = 0
    """Where typing inserts, as an index into `text`."""

    def key(self, event: events.Key) -> Outcome:
        """Apply one key press."""
        key, text, cursor = event.key, self.text, self.cursor
        if key in ACCEPT_KEYS:
            return Outcome.ACCEPT
        if key in CANCEL_KEYS:
            return Outcome.CANCEL
        if key == "backspace":
            if not cursor:
                return Outcome.IGNORED
            return self._set(text[: cursor - 1] + text[cursor:], cursor - 1)
        if key in ("delete", "ctrl+d"):
            if cursor >= len(text):
                return Outcome.IGNORED
            return self._set(text[:cursor] + text[cursor + 1 :], cursor)
        if key in ("ctrl+w", "ctrl+backspace", "alt+backspace"):
            start = len(text[:cursor].rstrip()) - len(text[:cursor].rstrip().split(" ")[-1])
            return self._set(text[:start] + text[cursor:], start)
        if key == "ctrl+u":
            return self._set(text[cursor:], 0)
        if key == "ctrl+k":
            return self._set(text[:cursor], cursor)
        moves = {
            "left": cursor - 1,
            "ctrl+b": cursor - 1,
            "right": cursor + 1,
            "ctrl+f": cursor + 1,
            "home": 0,
            "ctrl+a": 0,
            "end": len(text),
            "ctrl+e": len(text),
        }
        if key in moves:
            self.cursor = max(0, min(len(text), moves[key]))
            return Outcome.MOVED
        if event.is_printable and event.character:
            return self.insert(event.character)
        return Outcome.IGNORED

    def insert(self, typed: str) -> Outcome:
        """Insert typed or pasted text (one line, no control characters)."""
        typed = " ".join(strip_control(typed).split("\n"))
        if not typed:
            return Outcome.IGNORED
        cursor = self.cursor
        return self._set(self.text[:cursor] + typed + self.text[cursor:], cursor + len(typed))

    def _set(self, text: str, cursor: int) -> Outcome:
        changed = text != self.text
        self.text, self.cursor = text, cursor
        return Outcome.CHANGED if changed else Outcome.MOVED

    def content(self, count: str = "") -> Content:
        """The prompt as drawn: `/`, the query with its cursor, and the match count."""
        text, cursor = self.text, self.cursor
        under = text[cursor : cursor + 1] or " "
        parts: list[str | tuple[str, str]] = [
            ("/", PROMPT_STYLE),
            text[:cursor],
            (under, CURSOR_STYLE),
            text[cursor + 1 :],
        ]
        if count:
            parts.append((f"   {count}", COUNT_STYLE))
        return Content.assemble(*parts)


def match_count(query: str, count: int, current: int | None) -> str:
    """What the prompt shows after the query: "3/12", "no match", or nothing yet."""
    if not query.strip():
        return ""
    if current is None:
        return "no match"
    return f"{current + 1}/{count}"
