"""The smallest Textual app that paints a line of text: the floor for `reader`'s first paint."""

from textual.app import App, ComposeResult
from textual.widgets import Static

READY = "empty app ready"


class EmptyApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static(READY)


if __name__ == "__main__":
    EmptyApp().run()
