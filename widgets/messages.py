"""Messages the document view sends up: it asks, the screen decides and changes the store."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class HighlightRequested(Message):
    """Highlight text[start:end] (in `color`, or the default)."""

    start: int
    end: int
    color: str | None = None


@dataclass
class RecolorRequested(Message):
    annotation_id: str
    color: str


@dataclass
class DeleteRequested(Message):
    annotation_id: str


@dataclass
class NoteRequested(Message):
    """Open the note editor on an annotation, or on a new one over text[start:end]."""

    start: int
    end: int
    annotation_id: str | None = None
    at: int | None = None
    """The cursor, when no text is selected: a highlight there (maybe one requested just
    before, which the view has not drawn yet) takes the note rather than a new one."""


@dataclass
class BlockToggleRequested(Message):
    """Flip the cleaning decision of one block (restore a removed one, remove a kept one)."""

    key: str
    restore: bool
