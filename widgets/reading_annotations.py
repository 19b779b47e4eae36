"""Highlights and notes on the reading screen: the view's requests, the panel, undo, export.

The document view posts what the reader asked (widgets/messages.py); these answer by
changing the article's annotations, each change saved at once (`_saving`, in
reading_base.py) and drawn again. The annotation panel, the note editor and the colour
meanings dialog are imported on first use: every import made before the first paint delays
it. Mixed into `ReadingScreen` (widgets/reading_screen.py).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.sanitize import shown
from widgets.marks import mark_on_top, marks_of
from widgets.messages import DeleteRequested, HighlightRequested, NoteRequested, RecolorRequested

if TYPE_CHECKING:
    from widgets.annotation_panel import AnnotationPanel
    from widgets.note_editor import NoteResult
    from widgets.reading_base import ReadingScreenBase as _Screen
else:
    _Screen = object


class ReadingAnnotations(_Screen):
    """Highlight, note, panel and export; a mixin of `ReadingScreen` over `ReadingScreenBase`."""

    def on_highlight_requested(self, event: HighlightRequested) -> None:
        if event.color:
            self.default_color = event.color
        color = event.color or self.default_color
        same = self.annotations.over(event.start, event.end)
        if same is not None:
            # Exactly that text is highlighted already: not a second, identical highlight.
            # A colour key (1-5) on it recolours it, as it does with the cursor on it.
            if event.color and event.color != same.record.color:
                self.on_recolor_requested(RecolorRequested(same.record.id, event.color))
                return
            named = self._colour_named(same.record.color)
            self.say(f"Already highlighted in {named} (1-5 recolour it, x deletes it).")
            return
        with self._saving():
            self.annotations.add(event.start, event.end, color)
            self.say(f"Highlighted in {self._colour_named(color)} (u undoes).")

    def on_recolor_requested(self, event: RecolorRequested) -> None:
        self.default_color = event.color
        with self._saving():
            self.annotations.recolor(event.annotation_id, event.color)
            self.say(f"Colour: {self._colour_named(event.color)}.")

    def on_delete_requested(self, event: DeleteRequested) -> None:
        with self._saving():
            self.annotations.delete(event.annotation_id)
            self.say("Highlight deleted (u undoes).")

    def on_note_requested(self, event: NoteRequested) -> None:
        annotation_id = event.annotation_id
        if annotation_id is None and event.at is not None:
            # The stored highlights, not the view's drawing: h then a, typed faster than
            # the view redraws, puts the note on the highlight h just made.
            on_top = mark_on_top(marks_of(self.annotations.attached()), event.at)
            annotation_id = on_top.id if on_top is not None else None
        from widgets.note_editor import NoteEditor

        if annotation_id is None:
            # A note on text not yet highlighted: the highlight is made when the note is
            # saved (one change, one undo step), so Esc leaves the text as it was.
            start, end, color = event.start, event.end, self.default_color
            # Named now: after a save the store refused, the highlight is made (unsaved), and
            # ctrl+s again sets its note instead of making a second one.
            new_id = uuid.uuid4().hex

            def save_new(result: NoteResult) -> None:
                try:
                    if self.annotations.get(new_id) is not None:
                        self.annotations.set_note(new_id, result.note, result.tags)
                    else:
                        self.annotations.add(start, end, color, result.note, result.tags, new_id)
                finally:
                    self.refresh_annotations()

            quote = self.document.text[start:end]
            editor = NoteEditor(
                quote, "", [], self.annotations.tags(), save=save_new, keeps_unsaved=True
            )
            self.app.push_screen(editor, self._editor_closed)
            return
        placed = self.annotations.get(annotation_id)
        if placed is None:
            return
        record = placed.record
        noted = annotation_id

        def save(result: NoteResult) -> None:
            try:
                self.annotations.set_note(noted, result.note, result.tags)
            finally:
                self.refresh_annotations()

        editor = NoteEditor(
            record.exact,
            record.note,
            record.tags,
            self.annotations.tags(),
            save=save,
            keeps_unsaved=True,  # the annotations keep a change the store refused
        )
        self.app.push_screen(editor, self._editor_closed)

    def _editor_closed(self, result: NoteResult | None) -> None:
        if result is not None:  # saved (ctrl+s closes the editor only once it is)
            self.say("Note saved." if result.note or result.tags else "Saved, without a note.")
        self.view.focus()

    def action_undo(self) -> None:
        with self._saving():
            undone = self.annotations.undo()
            self.say(f"Undone: {undone} (ctrl+r redoes)." if undone else "Nothing to undo.")

    def action_redo(self) -> None:
        with self._saving():
            redone = self.annotations.redo()
            self.say(f"Redone: {redone}." if redone else "Nothing to redo.")

    def _colour_named(self, color: str) -> str:
        """The colour, with what the reader said it means (M), if anything."""
        meaning = self.reader_app.library.color_meanings().get(color, "")
        return f"{color}, {shown(meaning, 40, one_line=True)}" if meaning else color

    def say(self, message: str) -> None:
        """Tell briefly what an annotation key did (or that it did nothing)."""
        self.notify(message, timeout=3, markup=False)

    def action_color_meanings(self) -> None:
        from widgets.color_meanings import ColorMeanings

        library = self.reader_app.library

        def save(meanings: dict[str, str] | None) -> None:
            if meanings is not None:
                with self._saving():
                    for color, meaning in meanings.items():
                        library.set_color_meaning(color, meaning)

        self.app.push_screen(ColorMeanings(library.color_meanings()), save)

    # ----------------------------------------------------------------- panel

    async def action_toggle_panel(self) -> None:
        from widgets.annotation_panel import AnnotationPanel

        panels = self.query(AnnotationPanel)
        if panels:
            panel = panels.first()
        else:
            panel = AnnotationPanel()
            await self.query_one("#body").mount(panel)
            panel.show(
                self.annotations.placed,
                self.reader_app.library.color_meanings(),
                self.annotations.unsaved,
            )
        panel.toggle_class("-visible")
        if panel.has_class("-visible"):
            self.held_keys.opened(panel.query_one("#panel-filter").focus())
        else:
            self.view.focus()

    def action_close_panel(self) -> None:
        for panel in self.query("#panel"):
            panel.remove_class("-visible")
        self.view.focus()

    def on_annotation_panel_jump(self, event: AnnotationPanel.Jump) -> None:
        self.go_to_annotation(event.annotation_id)

    def go_to_annotation(self, annotation_id: str) -> None:
        """Put the cursor on a highlight, a third of the way down the screen."""
        placed = self.annotations.get(annotation_id)
        if placed is None:
            return
        if placed.orphaned:
            self.notify("Orphaned: select its new text and press ctrl+r here.", markup=False)
            return
        self.view.go_to(placed.start)
        self.view.focus()

    def on_annotation_panel_reattach(self, event: AnnotationPanel.Reattach) -> None:
        selected = self.view.selection()
        if selected is None:
            self.notify("Select the text to attach it to first (v or s).", markup=False)
            return
        self.view.action_cancel_selection()
        with self._saving():
            self.annotations.reattach(event.annotation_id, *selected)
            self.notify("Re-attached.", markup=False)

    # ---------------------------------------------------------------- export

    def action_export(self) -> None:
        """Export this article's highlights and notes to Markdown; say where."""
        from reader.export.exporter import ExportOptions, Item, default_folder, export_to_folder

        if self.article.loading:
            self.notify("Still loading the article: try again in a moment.", markup=False)
            return
        self.report_save(self.article.save())
        library = self.reader_app.library
        record = self.article.record
        notes = library.annotations(record.id)
        try:
            options = ExportOptions(meanings=library.color_meanings())
            item = Item(record, notes, self.document)
            [written] = export_to_folder([item], default_folder(), options)
        except ReaderError as error:
            self.notify(str(error), title="Export failed", severity="error", markup=False)
            return
        message = f"{len(notes)} highlights exported to {written.path}"
        if written.backup is not None:
            message += f"\nYour edits outside the kept blocks are saved in {written.backup.name}"
        self.notify(message, title="Export", markup=False)
