"""Links and images in the document view: which one the cursor is on, the links on screen,
and the hint labels drawn over them.

The view tells the screen through `DocumentView.CursorTarget` when the cursor comes onto a
link or an image, or leaves it (the footer says where it leads); hint mode's labels are set
here and drawn in view_painting.py. What following a link does is the screen's
(widgets/following.py). Mixed into `DocumentView` (widgets/document_view.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from reader.document import Image, Span
from widgets.line_layout import LineKind

if TYPE_CHECKING:
    from widgets.view_cursor import ViewCursor as _View
else:
    _View = object


class ViewLinks(_View):
    """The document view's links; a mixin of `DocumentView` over `ViewCursor`."""

    # The namespace keeps the handler's name: on_document_view_cursor_target.
    class CursorTarget(Message, namespace="document_view"):
        """The cursor came onto a link or an image, or left it (both None)."""

        def __init__(self, link: Span | None, image: Image | None) -> None:
            super().__init__()
            self.link = link
            self.image = image

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ViewLinks.CursorTarget)

    def _announce_target(self) -> None:
        """Say when the cursor comes onto a link or an image, or leaves one."""
        target = (self.document.link_at(self.cursor), self.document.image_at(self.cursor))
        if target != self._cursor_target:
            self._cursor_target = target
            self.post_message(self.CursorTarget(*target))

    def visible_links(self) -> list[Span]:
        """The links that begin on the rows on screen, in reading order."""
        lines = self.layout_lines
        if not lines:
            return []
        top = int(self.scroll_offset.y)
        bottom = min(len(lines), top + self.scrollable_content_region.height) - 1
        first, last = lines[top].start, lines[bottom].end
        body = [y for y in range(top, bottom + 1) if lines[y].kind is LineKind.BODY]
        if body:
            first, last = lines[body[0]].start, lines[body[-1]].end
        return [link for link in self.document.links if first <= link.start < last]

    def set_hints(self, hints: dict[int, str]) -> None:
        """Draw these labels over the links starting at these offsets ({}: none)."""
        self.hints = hints
