"""Following links: the reading screen's link keys, and the App's trail of pages.

`LinkKeys` is part of the reading screen: Enter follows the link under the cursor (or opens
the image there), `f` labels the links on screen (hint mode), `o` hands the link or image to
the system browser, `l` lists the article's links, ← and → go back and forward. A web page
opens in the reader: fetched in a thread of its own (widgets/opening.py: the footer says how
far it is, Esc cancels), cleaned,
added to the library, shown as a new page; a failure is one line and leaves the reader where
they were. The places left behind are the App's (`ReaderApp.trail`): back may lead to another
article.

What a link may do is decided in `reader.follow` (the safety rules are there).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import events
from textual.app import SuspendNotSupported
from textual.content import Content
from textual.timer import Timer

from reader.cleaned import Cleaned
from reader.document import Image, Span
from reader.errors import ReaderError
from reader.history import Place
from reader.load import Source
from reader.loader import Ready, Whole
from reader.open_article import OpenArticle
from reader.sanitize import shown
from widgets.key_bar import KeyBar

# reader.follow, hint mode and the opening line are imported where a link key first needs
# them: every import made before the first paint delays it.
if TYPE_CHECKING:
    from reader.follow import Step
    from widgets.document_view import DocumentView
    from widgets.hint_mode import HintMode
    from widgets.link_panel import LinkPanel
    from widgets.opening import Opening
    from widgets.reading_base import ReadingScreenBase
    from widgets.reading_base import ReadingScreenBase as _Screen
else:
    _Screen = object

PROGRESS_EVERY = 0.1
"""Seconds between two redraws of a download's progress line."""


def place_of(screen: ReadingScreenBase) -> Place:
    """Where the reader is on `screen`: article, cursor and scroll."""
    view = screen.view
    return Place(
        screen.article.record.id,
        cursor=view.cursor,
        top=view.position,
        scroll_y=view.scroll_offset.y,
        width=view.text_width,
    )


class LinkKeys(_Screen):
    """The reading screen's link keys; a mixin of `ReadingScreen` over `ReadingScreenBase`."""

    _hints: HintMode | None = None
    _opening: Opening[tuple[Source, Cleaned]] | None = None
    """The page being opened (a timer redraws how far it is)."""
    _progress_timer: Timer | None = None
    _status = ""

    def _article_source(self) -> str:
        return self.article.source.origin

    # ----------------------------------------------------------- the footer

    def on_document_view_cursor_target(self, event: DocumentView.CursorTarget) -> None:
        """With the cursor on a link (or an image), the footer says where it leads."""
        width = max(20, self.size.width - 2)
        if event.link is not None:
            from reader.follow import status

            self._status = status(event.link.href, self._article_source(), width)
        elif event.image is not None:
            self._status = "▣ " + (shown(event.image.src, width - 2, one_line=True) or "no address")
        else:
            self._status = ""
        self._show_footer()

    def on_key(self, event: events.Key) -> None:
        """While hints are shown, keys are theirs, and Esc cancels a page opening: the search
        prompt's and the bindings wait (prevent_default stops the handlers of the classes
        below)."""
        if self.link_keys_take(event):
            event.stop()
            event.prevent_default()

    def _show_footer(self) -> None:
        bar = self.query_one(KeyBar)
        if self._prompt is not None:
            return
        if self._hints is not None:
            typed = self._hints.typed
            bar.show_prompt(Content(f"Follow: type a label ({typed or '…'})  Esc stops"))
        elif self._opening is not None:
            bar.show_prompt(self._opening.line(self.size.width - 2))
        elif self._status:
            bar.show_prompt(Content(self._status))
        else:
            bar.show_prompt(None)

    # --------------------------------------------------------------- actions

    def action_follow_link(self) -> None:
        """Follow the link under the cursor, or open the image there."""
        view = self.view
        link = self.document.link_at(view.cursor)
        if link is not None:
            self.follow_href(link.href)
            return
        image = self.document.image_at(view.cursor)
        if image is not None:
            self._open_image(image)
            return
        self.notify("No link under the cursor (f shows the links on screen).", markup=False)

    def action_open_outside(self) -> None:
        """The link (or image) under the cursor in the system browser."""
        from reader.follow import outside

        view = self.view
        link = self.document.link_at(view.cursor)
        if link is not None:
            self._hand_over(outside(link.href, self._article_source()))
            return
        image = self.document.image_at(view.cursor)
        if image is not None:
            self._open_image(image)
            return
        self.notify("No link or image under the cursor.", markup=False)

    def action_hints(self, outside_browser: bool = False) -> None:
        """Label the links on screen; typing a label follows it."""
        view = self.view
        links = view.visible_links()
        if not links:
            self.notify("No links on the screen.", markup=False)
            return
        from widgets.hint_mode import HintMode

        self._hints = HintMode(links, outside=outside_browser)
        view.set_hints(self._hints.shown())
        self._show_footer()

    def _stop_hints(self) -> None:
        self._hints = None
        self.view.set_hints({})
        self._show_footer()

    def link_keys_take(self, event: events.Key) -> bool:
        """While hints are shown, keys are theirs; while a page is opening, Esc cancels it
        (the other keys work as ever: q quits at once). True: the key was taken."""
        hints = self._hints
        if hints is None:
            if self._opening is not None and event.key == "escape":
                self._cancel_opening()
                return True
            return False
        if event.key == "escape" or not (event.character or "").isalpha():
            self._stop_hints()
            return True
        from reader.follow import outside
        from widgets.hint_mode import Typed

        outcome = hints.key(event.character or "")
        if outcome is Typed.MORE:
            self.view.set_hints(hints.shown())
            self._show_footer()
            return True
        picked = hints.picked
        self._stop_hints()
        if outcome is Typed.NOTHING or picked is None:
            self.app.bell()
        elif hints.outside:
            self._hand_over(outside(picked.href, self._article_source()))
        else:
            self.view.move_cursor(picked.start, keep_selection=False)
            self.follow_href(picked.href)
        return True

    # ------------------------------------------------------------- following

    def follow_href(self, href: str) -> None:
        """Do what following `href` does: jump, open the page here, or say why not."""
        from reader.follow import Action, follow

        step = follow(href, self.document, self._article_source())
        if step.action is Action.REFUSE:
            self.notify(f"Not followed: {step.message}", severity="warning", markup=False)
        elif step.action is Action.JUMP:
            self.reader_app.trail.visit(place_of(self))
            self.view.go_to(step.offset)
        else:
            self._start_opening(step)

    def _start_opening(self, step: Step) -> None:
        from reader.follow import clean_page, read_page
        from widgets.opening import Opening

        self._cancel_opening(quietly=True)
        opening: Opening[tuple[Source, Cleaned]] = Opening(step.target)
        self._opening = opening
        limits = self.reader_app.limits

        def work(opening: Opening[tuple[Source, Cleaned]]) -> tuple[Source, Cleaned]:
            source = read_page(step, limits, progress=opening.progress)
            opening.said = "cleaning"
            return source, clean_page(source)

        opening.start(self.app, work, partial(self._opened, step), self._open_failed)
        self._progress_timer = self.set_interval(PROGRESS_EVERY, self._show_footer)
        self._show_footer()

    def _end_opening(self) -> None:
        self._opening = None
        timer, self._progress_timer = self._progress_timer, None
        if timer is not None:
            timer.stop()
        self._show_footer()

    def _open_failed(self, opening: Opening[tuple[Source, Cleaned]], error: ReaderError) -> None:
        if opening is not self._opening:
            return  # cancelled: the reader is already elsewhere
        self._end_opening()
        self.notify(str(error), title="Not opened", severity="error", markup=False)

    def _opened(
        self, step: Step, opening: Opening[tuple[Source, Cleaned]], page: tuple[Source, Cleaned]
    ) -> None:
        if opening is not self._opening:
            return
        self._end_opening()
        source, cleaned = page
        try:
            article = OpenArticle(self.reader_app.library, Ready(Whole(source, cleaned)))
        except ReaderError as error:
            self.notify(str(error), title="Not opened", severity="error", markup=False)
            return
        from reader.follow import landing

        at = landing(source, article.document, step.fragment) or 0
        self.reader_app.trail.visit(place_of(self))
        # At the top (no #fragment), the cursor on the body's first word, as when a page opens.
        cursor = at or article.document.body_start
        self.reader_app.show_article(article, Place(article.record.id, cursor=cursor, top=at))

    def _cancel_opening(self, quietly: bool = False) -> None:
        opening = self._opening
        if opening is None:
            return
        # The download stops at its next piece (or its deadline); what it brought is dropped.
        opening.cancelled = True
        self._end_opening()
        if not quietly:
            self.notify("Cancelled.", timeout=2, markup=False)

    # ------------------------------------------------------ outside the reader

    def _open_image(self, image: Image) -> None:
        from reader.follow import open_image

        self._hand_over(open_image(image, self._article_source()))

    def _hand_over(self, step: Step) -> None:
        """Give an OPEN step's target to the system browser (the UI steps aside for it)."""
        from reader.follow import Action, open_in_browser

        if step.action is not Action.OPEN:
            self.notify(f"Not opened: {step.message}", severity="warning", markup=False)
            return
        try:
            try:
                with self.app.suspend():  # a terminal browser gets the terminal
                    open_in_browser(step.target)
            except SuspendNotSupported:  # no terminal to hand over (tests, the web)
                open_in_browser(step.target)
        except ReaderError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(
            f"Opened in the browser: {shown(step.target, 120, one_line=True)}", markup=False
        )

    # ---------------------------------------------------------- back, forward

    def action_back(self) -> None:
        self._travel(back=True)

    def action_forward(self) -> None:
        self._travel(back=False)

    def show_place(self, place: Place) -> None:
        """Cursor and scroll as they were at `place` (the scroll exactly, at the same width)."""
        view = self.view
        if place.width == view.text_width and place.scroll_y >= 0:
            view.scroll_to_line(int(place.scroll_y))
        else:
            view.restore_position(place.top)
        view.move_cursor(place.cursor, keep_selection=False, scroll=False)

    def _travel(self, back: bool) -> None:
        history = self.reader_app.trail
        here = place_of(self)
        place = history.back(here) if back else history.forward(here)
        if place is None:
            self.app.bell()
            where = "back" if back else "forward"
            self.notify(f"Nothing to go {where} to.", timeout=2, markup=False)
            return
        if place.article == here.article:
            self.show_place(place)
            return
        try:
            article = self.reader_app.reopen_article(place.article)
        except ReaderError as error:
            # Undo the step: the trail stays as it was, and so does the reader.
            if back:
                history.forward(place)
            else:
                history.back(place)
            self.notify(str(error), title="Cannot go there", severity="error", markup=False)
            return
        self.reader_app.show_article(article, place)

    # ------------------------------------------------------------ link list

    async def action_toggle_links(self) -> None:
        from widgets.link_panel import LinkPanel

        panels = self.query(LinkPanel)
        if panels:
            panel = panels.first()
        else:
            panel = LinkPanel()
            await self.query_one("#body").mount(panel)
        panel.show(self.document, self._article_source())
        panel.toggle_class("-visible")
        if panel.has_class("-visible"):
            self.held_keys.opened(panel.query_one("#links-filter").focus())
        else:
            self.view.focus()

    def on_link_panel_closed(self, event: LinkPanel.Closed) -> None:
        self.query_one("#links").remove_class("-visible")
        self.view.focus()

    def on_link_panel_follow(self, event: LinkPanel.Follow) -> None:
        links = self.document.links
        if not 0 <= event.index < len(links):
            return
        link: Span = links[event.index]
        self.query_one("#links").remove_class("-visible")
        view = self.view
        view.focus()
        view.move_cursor(link.start, keep_selection=False)
        self.follow_href(link.href)
