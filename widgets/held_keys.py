"""Keys read in one burst after a key that opens a field (a filter, a search box): theirs.

The App sends each key it reads to the widget focused at that moment; a key that opens a field
runs its binding only after it has passed that widget and its screen, so the keys read with it
(a paste, fast typing, a read over SSH) have already been sent to the old widget and would run
as its keys. The screen, which sees the keys in the order read, starts holding them at the key
that opens the field (`start`); once the field is focused (`opened`) they go to it, and so do
those still in the old widget's queues, until a marker queued behind them ends this.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget


def behind_queues(widget: DOMNode, screen: Screen[Any], callback: Callable[[], None]) -> None:
    """Run `callback` once the messages now queued in `widget` and each parent up to `screen`
    have been handled there (a key bubbles up that way)."""
    if widget is screen or widget.parent is None:
        screen.call_later(callback)
        return
    parent = widget.parent
    widget.call_later(behind_queues, parent, screen, callback)


class HeldKeys:
    """The keys a screen holds for a field that a key read before them opens."""

    def __init__(self, screen: Screen[Any]) -> None:
        self.screen = screen
        self.active = False
        """Whether the keys reaching the screen now are the field's (`take` them)."""
        self._field: Widget | None = None
        self._held: list[events.Key] = []
        self._sent_to: Widget | None = None

    def start(self) -> None:
        """The key reaching the screen now opens a field: the keys after it are the field's."""
        self.active = True
        self._sent_to = self.screen.focused
        app = self.screen.app
        # Behind that key's binding in the App's queue: if it opened nothing, the keys held
        # go where they were sent after all.
        app.call_later(app.call_later, self._check_opened)

    def take(self, event: events.Key) -> None:
        """`event`, sent to the widget focused before the field: to the field, in order."""
        event.stop()
        event.prevent_default()
        key = events.Key(event.key, event.character)
        if self._field is None:
            self._held.append(key)
        else:
            self._field.post_message(key)

    def opened(self, field: Widget) -> None:
        """`field` was opened (and focused) by the key `start` saw."""
        if not self.active:
            return  # opened another way (the palette): no key to hold
        self._field = field
        held, self._held = self._held, []
        for key in held:
            field.post_message(key)
        sent_to = self._sent_to or self.screen
        behind_queues(sent_to, self.screen, self._end)

    def _check_opened(self) -> None:
        if self.active and self._field is None:
            self._end()

    def _end(self) -> None:
        self.active = False
        self._field = None
        held, self._held = self._held, []
        for key in held:
            (self._sent_to or self.screen).post_message(key)
        self._sent_to = None
