"""The document view: a Line-API widget that draws only the rows on screen.

The Document is wrapped once per width into `Line`s (offset ranges); `render_line` turns the
visible ones into strips, cached until the decorations (search matches, highlights) change.
`DocumentView` is put together here with its bindings and styles, from parts in files of
their own:

- widgets/view_core.py: the state, layout, scrolling, and the strip cache with its one
  invalidation path (`invalidate`);
- widgets/view_cursor.py: the cursor and the selection, and the watchers of the reactive
  state that redraw what changed;
- widgets/view_painting.py: the rows (`render_line`, decorations, row styles, focus hooks);
- widgets/view_motions.py: line, page, section, paragraph, word and sentence moves;
- widgets/view_search.py: the query, its matches and n/N;
- widgets/view_annotating.py: selection keys, the highlights drawn, highlight/note requests;
- widgets/view_mouse.py: clicks and drags;
- widgets/view_links.py: the link or image under the cursor, the links on screen, hint labels.
"""

from __future__ import annotations

from textual.binding import BindingType

from widgets import keymap
from widgets.view_annotating import ViewAnnotating
from widgets.view_cursor import ViewCursor
from widgets.view_links import ViewLinks
from widgets.view_motions import ViewMotions
from widgets.view_mouse import ViewMouse
from widgets.view_painting import ViewPainting
from widgets.view_search import ViewSearch


def _reading_bindings() -> list[BindingType]:
    # "b" is "back a word" while selecting and "page up" otherwise: the selecting binding
    # comes first and check_action refuses it outside a selection, so Textual falls through.
    specs = sorted(keymap.READING, key=lambda spec: spec.id != "select.back")
    return keymap.bindings(tuple(specs))


class DocumentView(
    ViewAnnotating,
    ViewMotions,
    ViewSearch,
    ViewMouse,
    ViewLinks,
    ViewPainting,
    ViewCursor,
    can_focus=True,
):
    """Shows a Document in a centred column; scrolls by line, page, paragraph and section."""

    BINDINGS = _reading_bindings()
    ALLOW_SELECT = False

    COMPONENT_CLASSES = {
        "document-view--title",
        "document-view--subtitle",
        "document-view--byline",
        "document-view--rule",
        "document-view--heading",
        "document-view--heading-minor",
        "document-view--quote",
        "document-view--code",
        "document-view--inline-code",
        "document-view--link",
        "document-view--marker",
        "document-view--removed",
        "document-view--removed-label",
        "document-view--search-match",
        "document-view--search-current",
        "document-view--selection",
        "document-view--note-marker",
        "document-view--image",
        "document-view--hint",
    }

    DEFAULT_CSS = """
    DocumentView {
        background: $surface;
        color: $foreground;
        scrollbar-gutter: stable;
        & > .document-view--title { color: $accent; text-style: bold; }
        & > .document-view--subtitle { color: $foreground-muted; text-style: italic; }
        & > .document-view--byline { color: $foreground-muted; }
        & > .document-view--rule { color: $foreground-muted; }
        & > .document-view--heading { color: $accent; text-style: bold; }
        & > .document-view--heading-minor { color: $secondary; text-style: bold; }
        & > .document-view--quote { color: $foreground-muted; text-style: italic; }
        & > .document-view--code { color: $success; }
        & > .document-view--inline-code { color: $success; }
        & > .document-view--link { color: $primary; text-style: underline; }
        & > .document-view--marker { color: $secondary; }
        & > .document-view--removed { color: $foreground-disabled; text-style: strike; }
        & > .document-view--removed-label { color: $warning; text-style: italic; }
        /* Each sets the text colour too: it lies over headings, links and highlights. */
        & > .document-view--search-match { background: $warning-muted; color: $foreground; }
        & > .document-view--search-current { background: $warning; color: $surface; }
        & > .document-view--selection {
            background: $block-cursor-background; color: $block-cursor-foreground;
        }
        & > .document-view--note-marker { color: $accent; text-style: bold; }
        & > .document-view--image { color: $foreground-muted; text-style: italic; }
        & > .document-view--hint {
            background: $warning; color: $surface; text-style: bold not underline;
        }
    }
    """

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select_back":
            return self.selecting
        if action == "cancel_selection":
            return self.selecting
        return True
