"""One `reader` session: the article given, or the library, then whatever the reader picks."""

from __future__ import annotations

from reader.cleaned import Cleaned
from reader.errors import ReaderError
from reader.load import Source
from reader.preload import Opened
from reader.stored_article import reopen
from store.library import Library
from widgets.app import ReaderApp
from widgets.library_choice import LibraryChoice


def prepare(library: Library, choice: LibraryChoice) -> tuple[Source, Cleaned | None]:
    """Load the chosen article; a chosen highlight becomes the reading position."""
    record = library.article(choice.article_id)
    if record is None:
        raise ReaderError("that article is no longer in the library")
    if choice.annotation_id is not None:
        note = next(
            (n for n in library.annotations(record.id) if n.id == choice.annotation_id), None
        )
        if note is not None:
            record.position = note.start
            library.save_article(record)
    return reopen(record)


def run_session(library: Library, first: Opened | None, column_width: int) -> int:
    """Run the app until the reader quits; the exit status."""
    opened = first
    notice = ""
    while True:
        if opened is None:
            from widgets.library_app import LibraryApp

            shelf = LibraryApp(library, notice)
            shelf.run()
            choice = shelf.choice
            if choice is None:
                return shelf.return_code or 0
        else:
            app = ReaderApp(
                opened.source,
                opened.cleaned,
                library,
                column_width=column_width,
                rest=opened.rest,
                document=opened.document,
            )
            app.run()
            if app.next_choice is None:
                return app.return_code or 0
            choice = app.next_choice
        try:
            opened, notice = Opened(*prepare(library, choice)), ""
        except ReaderError as error:
            opened, notice = None, str(error)
