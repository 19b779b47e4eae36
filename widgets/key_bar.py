"""The footer: the main keys of whatever has the focus, drawn as one line (or a prompt).

Textual's `Footer` mounts a widget per key and recomposes on every change of focus, which
costs tens of milliseconds each time the search prompt closes or a dialog opens. This bar is
one widget: it rebuilds its line only when the keys shown change, and repaints that line.
While the search prompt is open, the bar shows the prompt in the same row instead.
"""

from __future__ import annotations

from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

KEY_STYLE = "bold $footer-key-foreground"
STATUS_STYLE = "bold reverse $footer-key-foreground"
DESCRIPTION_STYLE = "$footer-description-foreground"
DISABLED_STYLE = "dim"

Shown = tuple[tuple[str, str, str, bool], ...]
"""(key, key as shown, description, enabled) for each binding shown."""


class KeyBar(Widget, can_focus=False):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        padding: 0 1;
    }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: Shown = ()
        self._spans: list[tuple[int, int, str]] = []
        """Cell ranges of each key and its description, for clicks."""
        self._prompt: Content | None = None
        self._status = ""
        """The focused widget's mode (its `footer_status`), shown before the keys."""

    def show_prompt(self, prompt: Content | None) -> None:
        """Show `prompt` in place of the keys; None shows the keys again."""
        self._prompt = prompt
        self.refresh()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # A widget with modes (the text while selecting) names the one it is in; it calls
        # refresh_bindings when it changes, as its keys change with it.
        status = str(getattr(screen.focused, "footer_status", ""))
        shown = self._shown_bindings(screen)
        if (shown, status) != (self._shown, self._status):
            self._shown, self._status = shown, status
            self.refresh()

    def _shown_bindings(self, screen: Screen[object]) -> Shown:
        shown: list[tuple[str, str, str, bool]] = []
        actions: set[str] = set()
        palette: tuple[str, str, str, bool] | None = None
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE:
                palette = self._entry(binding, enabled)
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                shown.append(self._entry(binding, enabled))
        if palette is not None:
            shown.append(palette)
        return tuple(shown)

    def _entry(self, binding: Binding, enabled: bool) -> tuple[str, str, str, bool]:
        return (binding.key, self.app.get_key_display(binding), binding.description, enabled)

    def render(self) -> RenderResult:
        if self._prompt is not None:
            self._spans = []
            return self._prompt
        parts: list[str | tuple[str, str]] = []
        self._spans = []
        position = 0
        if self._status:
            parts.append((f" {self._status} ", STATUS_STYLE))
            position += len(self._status) + 2
        for key, display, description, enabled in self._shown:
            if parts:
                parts.append("  ")
                position += 2
            start = position
            parts.append((display, KEY_STYLE if enabled else DISABLED_STYLE))
            parts.append((f" {description}", DESCRIPTION_STYLE if enabled else DISABLED_STYLE))
            position += len(display) + 1 + len(description)
            self._spans.append((start, position, key))
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.styles.padding.left
        for start, end, key in self._spans:
            if start <= x < end:
                event.stop()
                self.app.simulate_key(key)
                return
