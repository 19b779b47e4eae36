"""`reader` with no article: the library on its own, until the reader picks an article."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from reader.startup import first_frame_shown
from store.library import Library
from widgets import keymap, theme
from widgets.help_screen import HelpScreen
from widgets.library_choice import LibraryChoice
from widgets.library_screen import LibraryScreen


class LibraryApp(App[None]):
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "reader"
    BINDINGS = keymap.bindings(keymap.APP)

    def __init__(self, library: Library, notice: str = "") -> None:
        super().__init__()
        theme.use_reader_themes(self)
        self.library = library
        self.notice = notice
        self.choice: LibraryChoice | None = None

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen(self.library))
        if self.notice:
            self.notify(self.notice, severity="error", markup=False)

    def on_ready(self) -> None:
        first_frame_shown()

    def on_library_screen_chosen(self, event: LibraryScreen.Chosen) -> None:
        self.choice = event.choice
        self.exit()

    def action_library(self) -> None:
        """Already showing it."""

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, LibraryScreen):
            for spec in keymap.LIBRARY:
                run = partial(screen.run_action, spec.action)
                yield SystemCommand(spec.description, f"Key: {keymap.shown_keys(spec)}", run)
