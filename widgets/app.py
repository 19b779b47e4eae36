"""The Textual application: one App for the whole session, a screen for each mode.

The library and the article being read are screens of this one App: opening an article from
the library replaces the reading screen, with no restart of the App (and no flicker). The App
owns what every screen shares: the library (the store), help, the command palette, the keys
of the App itself and the settings (`widgets/settings.py`: theme, outline, reading width and
the user's keys). Each reading screen owns its open article.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widget import Widget

from reader.errors import ReaderError
from reader.history import History, Place
from reader.limits import DEFAULT_LIMITS, Limits
from reader.loader import Loader, LocalLoader
from reader.open_article import OpenArticle
from reader.sanitize import shown
from reader.startup import first_frame_shown
from store.library import Library
from widgets import keymap, settings, theme
from widgets.library_choice import LibraryChoice
from widgets.reading_screen import ReadingScreen

if TYPE_CHECKING:
    from reader.review import Filter
    from widgets.library_screen import LibraryScreen
    from widgets.review_screen import ReviewScreen

DEFAULT_WIDTH = 80
"""The reading column, in cells, when neither --width nor the settings say."""

# The help and library screens, the note editor and the export are imported when first used:
# the article's first paint waits for every import made before it.


NOTICE_CHARS = 1000
NOTICE_LINES = 6
"""A toast shows at most this much of its message."""


class ReaderApp(App[int]):
    """Reads articles from the library; opens on one article, or on the library."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "reader"
    BINDINGS = keymap.bindings(keymap.APP)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast, from any screen: shown as any widget shows stored text (a message may
        quote a title, a path or an error about a store file)."""
        super().notify(
            shown(message, NOTICE_CHARS, lines=NOTICE_LINES),
            title=shown(title, 200, one_line=True),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def __init__(
        self,
        library: Library,
        loader: Loader | None = None,
        *,
        column_width: int | None = None,
        review: Filter | None = None,
        limits: Limits = DEFAULT_LIMITS,
        download: str | None = None,
    ) -> None:
        """Open what `loader` loads (its `first()` already called, so that a bad article is
        an error before the UI starts), or the library when there is none; with `review`,
        the review of the highlights it admits, over the library. `column_width` (--width)
        stands for this run instead of the width in the settings; `limits` (--max-size,
        --timeout) hold for the pages links lead to as well. With `download` (the URL that
        `loader` downloads, its `first()` not called yet), the download runs in the UI: a
        progress line, Esc cancels, a failure ends the App (`failure`) for the CLI to say."""
        super().__init__()
        theme.use_reader_themes(self)
        self.library = library
        self.settings_path = settings.settings_path()
        self.settings, self._warnings = settings.load(self.settings_path)
        keys, problems = keymap.user_keymap(self.settings.keys)
        self._warnings += [f"{self.settings_path}: [keys] {problem}" for problem in problems]
        if keys:
            self.set_keymap(keys)
        if self.settings.theme is not None:
            if self.settings.theme in self.available_themes:
                self.theme = self.settings.theme
            else:
                self._warnings.append(
                    f"{self.settings_path}: unknown theme {self.settings.theme!r}; default used"
                )
        self.column_width = column_width or self.settings.width or DEFAULT_WIDTH
        self._loader = loader
        self._review = review
        self._last_article: OpenArticle | None = None
        self.limits = limits
        self._download = download
        self.failure: ReaderError | None = None
        """Why the App ended without an article (the download failed or was cancelled)."""
        self.trail = History()
        """The places left behind by following links, for back and forward."""
        self.started = False
        """True once the first frame is on screen."""

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(signum, self._end_on_signal, signum)
        for warning in self._warnings:
            self.notify(warning, title="Settings", severity="warning", timeout=10, markup=False)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._loader is None:
            from widgets.library_screen import LibraryScreen

            self.push_screen(LibraryScreen(self.library))
            if self._review is not None:
                self.open_review(self._review)
        elif self._download is not None and isinstance(self._loader, LocalLoader):
            from widgets.download_screen import DownloadScreen

            self.push_screen(DownloadScreen(self._download, self._loader))
            self._loader = None
        else:
            self.push_screen(self._reading_screen(OpenArticle(self.library, self._loader)))
            self._loader = None

    def open_loaded(self, loader: Loader) -> None:
        """The article downloaded at startup, in place of its progress line."""
        try:
            article = OpenArticle(self.library, loader)
        except ReaderError as error:
            self.fail(error)
            return
        self.show_article(article)

    def fail(self, error: ReaderError) -> None:
        """End the App without an article: the CLI says why in one line, and exits so."""
        self.failure = error
        self.exit(return_code=error.exit_status)

    def _reading_screen(self, article: OpenArticle, place: Place | None = None) -> ReadingScreen:
        self._last_article = article
        return ReadingScreen(article, self.column_width, place)

    def on_ready(self) -> None:
        first_frame_shown()
        self.started = True
        reading = self.reading
        if reading is not None:
            # The article is saved on open, so its annotations always have an article
            # record; after the first frame, which has no need to wait for the store.
            reading.report_save(reading.article.save())
            # After the first frame too: a worker thread holding the GIL, or the loading
            # process cleaning beside this one, would delay that paint.
            self.call_after_refresh(reading.load_rest)

    @property
    def reading(self) -> ReadingScreen | None:
        """The reading screen (under the library, when that is open), if an article is open."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReadingScreen):
                return screen
        return None

    @property
    def article(self) -> OpenArticle | None:
        """The article open for reading (after the App exits: the last one read), if any."""
        reading = self.reading
        return reading.article if reading is not None else self._last_article

    # ---------------------------------------------------------------- settings

    def _theme_changed(self, _theme: object) -> None:
        self.remember(theme=self.theme)

    def remember(
        self, *, theme: str | None = None, outline: bool | None = None, width: int | None = None
    ) -> None:
        """Keep a changed setting in the settings file."""
        changed = self.settings._replace(
            theme=self.settings.theme if theme is None else theme,
            outline=self.settings.outline if outline is None else outline,
            width=self.settings.width if width is None else width,
        )
        if changed == self.settings:
            return
        self.settings = changed
        try:
            settings.save(self.settings_path, changed)
        except OSError as error:
            self.notify(
                f"{self.settings_path}: cannot save settings ({error.strerror or error})",
                severity="warning",
                markup=False,
            )

    def change_width(self, delta: int) -> int:
        """Widen (or narrow) the reading column of every reading screen; the new width."""
        width = max(settings.MIN_WIDTH, min(settings.MAX_WIDTH, self.column_width + delta))
        self.column_width = width
        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                screen.view.column_width = width
        self.remember(width=width)
        return width

    # ------------------------------------------------------------------ actions

    async def action_quit(self) -> None:
        """Quit; if the store refuses a change the reader made, ask first (nothing is lost
        without the reader saying so; where they were reading is not asked about)."""
        reading = self.reading
        if reading is not None and not reading.article.save() and reading.article.unsaved:
            from widgets.confirm_quit import Answer, ConfirmQuit

            def answered(answer: Answer | None) -> None:
                if answer == "retry":
                    self.call_later(self.action_quit)
                elif answer == "quit":
                    self._quit()

            self.push_screen(ConfirmQuit(reading.article.save_error), answered)
            return
        self._quit()

    def _quit(self, status: int = 0) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                screen.close_article()
        self.exit(status)

    def _end_on_signal(self, signum: int) -> None:
        """The terminal closed (SIGHUP) or the process was told to stop (SIGTERM): save the
        place and every change, then end, as quitting does but without asking (nobody may be
        there to answer). A note being typed is saved as it is: a note is the one thing a
        reader cannot make again. The status is the shell's for that signal."""
        from widgets.note_editor import NoteEditor

        for screen in self.screen_stack:
            if isinstance(screen, NoteEditor):
                screen.keep_typed()
        self._quit(128 + signum)

    def action_library(self) -> None:
        from widgets.library_screen import LibraryScreen

        if isinstance(self.screen, LibraryScreen):
            return
        article = self.article
        reading = self.reading
        if article is not None and reading is not None:
            reading.report_save(article.save())
        self.push_screen(
            LibraryScreen(self.library, current=article.record.id if article else None)
        )

    def action_export(self) -> None:
        """Export the open article's notes (the key works on the reading screen)."""
        reading = self.reading
        if reading is not None and self.screen is reading:
            reading.action_export()

    def action_help(self) -> None:
        from widgets.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    # ------------------------------------------------------------ switching

    def open_choice(self, choice: LibraryChoice) -> None:
        """Show the article picked in the library (at its highlight): a change of screen."""
        reading = self.reading
        if reading is not None and reading.article.record.id == choice.article_id:
            self.pop_screen()
            if choice.annotation_id is not None:
                reading.go_to_annotation(choice.annotation_id)
            return
        try:
            article = OpenArticle(self.library, self._reopen(choice))
        except ReaderError as error:
            self.notify(str(error), title="Cannot open", severity="error", markup=False)
            return
        screen = self._reading_screen(article)
        if reading is not None:
            reading.close_article()
            self.pop_screen()  # the library, back to the old reading screen
        self.switch_screen(screen)  # the old reading screen (or the library) goes
        if self.started:
            self.call_after_refresh(screen.load_rest)

    def show_article(self, article: OpenArticle, place: Place | None = None) -> None:
        """Read `article` at `place` (None: where the reader left it) in place of the screen
        shown (a link followed, back or forward, a download done): the article is saved."""
        screen = self._reading_screen(article, place)
        reading = self.reading
        if reading is not None:
            reading.close_article()
        self.switch_screen(screen)
        screen.report_save(article.save())
        if self.started:
            self.call_after_refresh(screen.load_rest)

    def reopen_article(self, article_id: str) -> OpenArticle:
        """An article of the library, opened again (ReaderError if it cannot be)."""
        from reader.stored_article import reopen

        record = self.library.article(article_id)
        if record is None:
            raise ReaderError("that article is no longer in the library")
        return OpenArticle(self.library, reopen(record))

    def on_library_screen_chosen(self, event: LibraryScreen.Chosen) -> None:
        self.open_choice(event.choice)

    def on_library_screen_review_asked(self, event: LibraryScreen.ReviewAsked) -> None:
        from reader.review import EVERYTHING

        self.open_review(EVERYTHING)

    def open_review(self, only: Filter) -> None:
        """The review of the highlights `only` admits, over the screen shown."""
        from widgets.review_screen import ReviewScreen

        self.push_screen(ReviewScreen(self.library, only))

    def on_review_screen_open(self, event: ReviewScreen.Open) -> None:
        """Open the reviewed highlight's article there: the review closes, as the library
        would after a choice."""
        from widgets.library_screen import LibraryScreen

        self.pop_screen()
        if not isinstance(self.screen, LibraryScreen):
            self.action_library()
        self.open_choice(event.choice)

    def _reopen(self, choice: LibraryChoice) -> Loader:
        """The chosen article's loader; a chosen highlight becomes the reading position."""
        from reader.stored_article import reopen

        record = self.library.article(choice.article_id)
        if record is None:
            raise ReaderError("that article is no longer in the library")
        if choice.annotation_id is not None:
            note = next(
                (n for n in self.library.annotations(record.id) if n.id == choice.annotation_id),
                None,
            )
            if note is not None:
                record.position = note.start
                self.library.save_article(record)
        return reopen(record, fetch=True)  # a placeholder from an import: its page now

    # ------------------------------------------------------------- palette

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, then every key of the App and of the screen shown."""
        from widgets.library_screen import LibraryScreen
        from widgets.review_screen import ReviewScreen

        yield from super().get_system_commands(screen)
        targets: list[tuple[tuple[keymap.KeySpec, ...], Widget | App[int]]] = [(keymap.APP, self)]
        if isinstance(screen, ReadingScreen | LibraryScreen | ReviewScreen):
            targets.extend(screen.key_targets())
        for specs, target in targets:
            for spec in specs:
                run = partial(target.run_action, spec.action)
                yield SystemCommand(spec.description, f"Key: {keymap.shown_keys(spec)}", run)
