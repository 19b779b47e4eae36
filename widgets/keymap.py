"""Every key of the reader, as data: the bindings, the help screen and the palette read it.

One table so that a key has one meaning per mode, and every key is shown somewhere. Each key
has a stable id: the settings file's `[keys]` table rebinds any of them (`user_keymap` checks
it, `App.set_keymap` applies it).
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from textual.binding import Binding, BindingType


class KeySpec(NamedTuple):
    id: str
    """Stable id, usable in a user keymap (`App.set_keymap`)."""
    keys: str
    """Textual key names, comma separated; the first is the one shown."""
    action: str
    description: str
    group: str
    footer: bool = False
    display: str | None = None
    """How the help screen writes the keys, when not just the key names joined."""
    label: str = ""
    """A short word for the footer (the description otherwise)."""
    priority: bool = False
    """Checked before the focused widget's keys (a dialog's save and cancel)."""

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label or self.description,
            show=self.footer,
            id=self.id,
            key_display=self.display.split(" ")[0] if self.display else None,
            priority=self.priority,
        )


# The document view, in reading mode.
READING: tuple[KeySpec, ...] = (
    KeySpec("scroll.down", "j,down", "scroll_line(1)", "Line down", "Move", display="j ↓"),
    KeySpec("scroll.up", "k,up", "scroll_line(-1)", "Line up", "Move", display="k ↑"),
    KeySpec("page.down", "space,pagedown", "page(1)", "Page down", "Move", display="Space PgDn"),
    KeySpec("page.up", "b,pageup", "page(-1)", "Page up", "Move", display="b PgUp"),
    KeySpec("half.down", "ctrl+d", "half_page(1)", "Half page down", "Move"),
    KeySpec("half.up", "ctrl+u", "half_page(-1)", "Half page up", "Move"),
    KeySpec("top", "g,home", "top", "Beginning of article", "Move", display="g Home"),
    KeySpec("bottom", "G,end", "bottom", "End of article", "Move", display="G End"),
    KeySpec("section.next", "]", "section(1)", "Next section", "Move"),
    KeySpec("section.previous", "[", "section(-1)", "Previous section", "Move"),
    KeySpec("paragraph.next", "}", "paragraph(1)", "Next paragraph", "Move"),
    KeySpec("paragraph.previous", "{", "paragraph(-1)", "Previous paragraph", "Move"),
    KeySpec("word.next", "w", "word(1)", "Next word", "Move"),
    KeySpec("word.previous", "B", "word(-1)", "Previous word", "Move"),
    KeySpec("sentence.next", ")", "sentence(1)", "Next sentence", "Move"),
    KeySpec("sentence.previous", "(", "sentence(-1)", "Previous sentence", "Move"),
    KeySpec("search.next", "n", "search_next(1)", "Next match", "Search"),
    KeySpec("search.previous", "N", "search_next(-1)", "Previous match", "Search"),
    KeySpec("select.start", "v", "select", "Start a selection at the cursor", "Select"),
    KeySpec("select.back", "b", "select_back", "Back a word (while selecting)", "Select"),
    KeySpec("select.sentence", "s", "select_sentence", "Select the sentence", "Select"),
    KeySpec("select.paragraph", "p", "select_paragraph", "Select the paragraph", "Select"),
    KeySpec(
        "select.cancel",
        "escape",
        "cancel_selection",
        "Cancel the selection",
        "Select",
        footer=True,  # shown while selecting only (DocumentView.check_action)
        display="Esc",
        label="Cancel selection",
    ),
    KeySpec(
        "highlight",
        "h",
        "highlight",
        "Highlight selection or sentence",
        "Annotate",
        footer=True,
        label="Highlight",
    ),
    KeySpec("color.1", "1", "color(0)", "Colour 1 (yellow)", "Annotate"),
    KeySpec("color.2", "2", "color(1)", "Colour 2 (green)", "Annotate"),
    KeySpec("color.3", "3", "color(2)", "Colour 3 (blue)", "Annotate"),
    KeySpec("color.4", "4", "color(3)", "Colour 4 (pink)", "Annotate"),
    KeySpec("color.5", "5", "color(4)", "Colour 5 (purple)", "Annotate"),
    KeySpec("highlight.next", ">", "next_highlight(1)", "Next highlight", "Annotate"),
    KeySpec("highlight.previous", "<", "next_highlight(-1)", "Previous highlight", "Annotate"),
    KeySpec("highlight.delete", "x", "delete_highlight", "Delete highlight", "Annotate"),
    KeySpec(
        "note", "a", "note", "Note and tags on highlight", "Annotate", footer=True, label="Note"
    ),
    KeySpec("block.toggle", "r", "toggle_block", "Remove block / restore removed block", "Clean"),
)

# The reading screen: keys that work wherever the focus is on it (outline or text).
SCREEN: tuple[KeySpec, ...] = (
    KeySpec("search", "/", "search", "Search", "Search", footer=True),
    KeySpec("outline", "t", "toggle_outline", "Outline", "View", footer=True),
    KeySpec("width.wider", "plus", "width(4)", "Wider reading column", "View", display="+"),
    KeySpec("width.narrower", "minus", "width(-4)", "Narrower reading column", "View", display="-"),
    KeySpec("undo", "u", "undo", "Undo the last annotation change", "Annotate"),
    KeySpec("redo", "ctrl+r", "redo", "Redo the annotation change undone", "Annotate"),
    KeySpec(
        "panel", "H", "toggle_panel", "Annotation panel", "Annotate", footer=True, label="Notes"
    ),
    KeySpec("meanings", "M", "color_meanings", "Say what each colour means", "Annotate"),
    # Esc closes the panel wherever the focus is (after Enter jumped to a highlight, the text);
    # only while the panel shows (ReadingScreen.check_action).
    KeySpec(
        "panel.close",
        "escape",
        "close_panel",
        "Panel: close, go back to the text",
        "Annotate",
        footer=True,
        display="Esc",
        label="Close the panel",
    ),
    KeySpec("removed", "R", "toggle_removed", "Show/hide removed blocks, with reasons", "Clean"),
    *(
        # Following links, as a terminal browser does (the footer says where the link under
        # the cursor leads).
        KeySpec(
            "link.follow",
            "enter",
            "follow_link",
            "Follow the link under the cursor (open the image)",
            "Links",
            display="Enter",
        ),
        KeySpec(
            "link.hints",
            "f",
            "hints",
            "Label the links on screen: type a label to follow it",
            "Links",
            footer=True,
            label="Links",
        ),
        KeySpec(
            "link.hints.outside",
            "F",
            "hints(True)",
            "Label the links on screen: the one typed opens in the browser",
            "Links",
        ),
        KeySpec(
            "link.outside",
            "o",
            "open_outside",
            "Open the link or image in the system browser",
            "Links",
        ),
        KeySpec("link.list", "l", "toggle_links", "List the article's links", "Links"),
        KeySpec(
            "history.back",
            "left,backspace",
            "back",
            "Back to where you were (cursor and scroll)",
            "Links",
            display="← Backspace",
        ),
        KeySpec("history.forward", "right", "forward", "Forward again", "Links", display="→"),
    ),
)

# The whole app.
APP: tuple[KeySpec, ...] = (
    KeySpec("help", "question_mark", "help", "Help", "App", footer=True, display="?"),
    KeySpec("quit", "q", "quit", "Quit", "App", footer=True),
    KeySpec("library", "L", "library", "Library", "App", footer=True),
    KeySpec("export", "E", "export", "Export notes to Markdown", "App"),
)

# The library screen.
LIBRARY: tuple[KeySpec, ...] = (
    KeySpec("library.open", "enter", "open", "Open the article (at the note)", "Library", True),
    KeySpec("library.delete", "d", "delete", "Delete the article", "Library", footer=True),
    KeySpec("library.search", "/", "search", "Search all notes", "Library", footer=True),
    KeySpec("library.back", "escape", "back", "Back", "Library", footer=True, display="Esc"),
    KeySpec("library.review", "r", "review", "Review highlights", "Library", footer=True),
)

# The review screen: one highlight at a time, the longest unseen first.
REVIEW: tuple[KeySpec, ...] = (
    KeySpec(
        "review.keep",
        "space",
        "keep",
        "Review: keep it, next (marks it reviewed)",
        "Review",
        footer=True,
        display="Space",
        label="Keep",
    ),
    KeySpec(
        "review.skip",
        "s",
        "skip",
        "Review: skip (it comes first next time)",
        "Review",
        True,
        label="Skip",
    ),
    KeySpec("review.note", "a", "note", "Review: edit the note", "Review", True, label="Note"),
    KeySpec("review.tags", "t", "tags", "Review: retag", "Review", True, label="Tags"),
    KeySpec("review.color.1", "1", "color(0)", "Review: colour 1 (yellow)", "Review"),
    KeySpec("review.color.2", "2", "color(1)", "Review: colour 2 (green)", "Review"),
    KeySpec("review.color.3", "3", "color(2)", "Review: colour 3 (blue)", "Review"),
    KeySpec("review.color.4", "4", "color(3)", "Review: colour 4 (pink)", "Review"),
    KeySpec("review.color.5", "5", "color(4)", "Review: colour 5 (purple)", "Review"),
    KeySpec("review.delete", "x", "delete", "Review: delete the highlight", "Review"),
    KeySpec("review.undo", "u", "undo", "Review: undo the delete", "Review"),
    KeySpec(
        "review.open",
        "enter,o",
        "open",
        "Review: open the article at the highlight",
        "Review",
        footer=True,
        display="Enter o",
        label="Open",
    ),
    KeySpec(
        "review.back", "escape", "back", "Review: back", "Review", True, display="Esc", label="Back"
    ),
)

# Keys handled by Textual itself, listed so the help screen shows them.
BUILTIN: tuple[KeySpec, ...] = (
    KeySpec("focus.next", "tab", "focus_next", "Move focus: outline / text", "View", display="Tab"),
    KeySpec("outline.jump", "enter", "", "Jump to the outline entry", "View", display="Enter"),
    KeySpec("search.accept", "enter", "", "Search: keep matches, close", "Search", display="Enter"),
    KeySpec("search.cancel", "escape", "", "Search: cancel, go back", "Search", display="Esc"),
    KeySpec(
        "search.edit",
        "",
        "",
        "Search: edit the query (move, delete a word, delete to start)",
        "Search",
        display="← → ctrl+w ctrl+u",
    ),
    KeySpec("palette", "ctrl+p", "command_palette", "Command palette", "App", display="ctrl+p"),
    KeySpec("drag", "", "", "Mouse drag: select text", "Select", display="drag"),
    KeySpec(
        "panel.filter",
        "",
        "",
        "Panel: type to filter (text, colour, #tag)",
        "Annotate",
        display="type",
    ),
    KeySpec("panel.jump", "enter", "", "Panel: jump to the highlight", "Annotate", display="Enter"),
    KeySpec(
        "hints.type",
        "",
        "",
        "Hints shown: type a label to follow its link; Esc stops",
        "Links",
        display="a-z",
    ),
    KeySpec(
        "opening.cancel",
        "",
        "",
        "Opening a page: Esc cancels (you stay where you were)",
        "Links",
        display="Esc",
    ),
    KeySpec(
        "links.filter",
        "",
        "",
        "Link list: type to filter (words or address)",
        "Links",
        display="type",
    ),
    KeySpec("links.follow", "enter", "", "Link list: follow the link", "Links", display="Enter"),
)

# The link list.
LINK_LIST: tuple[KeySpec, ...] = (
    KeySpec(
        "links.close",
        "escape",
        "close",
        "Link list: close, go back to the text",
        "Links",
        footer=True,
        display="Esc",
        label="Close the list",
    ),
)

# The annotation panel.
PANEL: tuple[KeySpec, ...] = (
    KeySpec(
        "panel.reattach",
        "ctrl+r",
        "reattach",
        "Panel: re-attach orphan to the selection",
        "Annotate",
        footer=True,
        display="ctrl+r",
        label="Re-attach orphan",
        priority=True,
    ),
)

# The note editor.
EDITOR: tuple[KeySpec, ...] = (
    KeySpec(
        "editor.save",
        "ctrl+s",
        "save",
        "Note editor: save",
        "Annotate",
        footer=True,
        display="ctrl+s",
        label="Save",
        priority=True,
    ),
    KeySpec(
        "editor.cancel",
        "escape",
        "cancel",
        "Note editor: close (asks if you typed)",
        "Annotate",
        footer=True,
        display="Esc",
        label="Cancel",
        priority=True,
    ),
    # Priority, so that the keys typed after Tab go to the next field even when they arrive
    # in the same input read as Tab, before the note field has handled it.
    KeySpec(
        "editor.next",
        "tab",
        "field(1)",
        "Note editor: next field (note, tags)",
        "Annotate",
        display="Tab",
        priority=True,
    ),
    KeySpec(
        "editor.previous",
        "shift+tab",
        "field(-1)",
        "Note editor: previous field",
        "Annotate",
        display="shift+Tab",
        priority=True,
    ),
)

# The outline, the annotation panel's list, the library's tables and the help screen
# (widgets/lists.py): the text's motions, beside the arrows, Home, End and PgUp/PgDn.
LIST: tuple[KeySpec, ...] = (
    KeySpec("list.down", "j", "cursor_down", "Down a line", "Lists and help"),
    KeySpec("list.up", "k", "cursor_up", "Up a line", "Lists and help"),
    KeySpec("list.first", "g", "first", "First line", "Lists and help"),
    KeySpec("list.last", "G", "last", "Last line", "Lists and help"),
    KeySpec("list.page.down", "ctrl+d", "page_down", "Page down", "Lists and help"),
    KeySpec("list.page.up", "ctrl+u", "page_up", "Page up", "Lists and help"),
)

# The question after Esc in a note editor holding typed text.
DISCARD: tuple[KeySpec, ...] = (
    KeySpec(
        "discard.yes", "y", "answer(True)", "Note editor, Esc: discard what was typed", "Annotate"
    ),
    KeySpec(
        "discard.no",
        "n,escape",
        "answer(False)",
        "Note editor, Esc: keep editing",
        "Annotate",
        display="n Esc",
    ),
)

# The question when quitting with changes the store has not taken (a full disk).
UNSAVED: tuple[KeySpec, ...] = (
    KeySpec("unsaved.retry", "r", "answer('retry')", "Quit, not saved: try saving again", "App"),
    KeySpec("unsaved.quit", "y", "answer('quit')", "Quit, not saved: quit and lose them", "App"),
    KeySpec(
        "unsaved.stay",
        "n,escape",
        "answer('stay')",
        "Quit, not saved: keep reading",
        "App",
        display="n Esc",
    ),
)

# The other dialogs and the library's table: their own keys, told in the dialog itself.
MEANINGS: tuple[KeySpec, ...] = (
    KeySpec(
        "meanings.save",
        "ctrl+s",
        "save",
        "Colour meanings: save",
        "Annotate",
        True,
        label="Save",
        priority=True,
    ),
    KeySpec(
        "meanings.cancel",
        "escape",
        "cancel",
        "Colour meanings: cancel",
        "Annotate",
        True,
        label="Cancel",
        priority=True,
    ),
)
CONFIRM_DELETE: tuple[KeySpec, ...] = (
    KeySpec("delete.export", "e", "choose('export')", "Export, then delete", "Library", True),
    KeySpec("delete.yes", "y", "choose('delete')", "Delete", "Library", True),
    KeySpec("delete.no", "n,escape", "choose('cancel')", "Cancel", "Library", True),
)
HELP: tuple[KeySpec, ...] = (
    KeySpec("help.close", "escape,q,question_mark", "dismiss", "Close help", "App"),
)
SHELF: tuple[KeySpec, ...] = (
    KeySpec("library.table.open", "enter", "select_cursor", "Open", "Library", True),
)

ALL: tuple[KeySpec, ...] = (
    READING
    + SCREEN
    + APP
    + LIBRARY
    + REVIEW
    + LIST
    + BUILTIN
    + PANEL
    + LINK_LIST
    + EDITOR
    + DISCARD
    + UNSAVED
)
"""Every key the help screen lists."""

BOUND: tuple[KeySpec, ...] = (
    READING
    + SCREEN
    + APP
    + LIBRARY
    + REVIEW
    + LIST
    + PANEL
    + LINK_LIST
    + EDITOR
    + DISCARD
    + UNSAVED
    + MEANINGS
    + CONFIRM_DELETE
    + HELP
    + SHELF
)
"""Every key bound to an action: what a user keymap may rebind."""

CONTEXTS: dict[str, tuple[KeySpec, ...]] = {
    "reading": READING + SCREEN + APP,
    "outline": LIST + SCREEN + APP,
    "annotation panel": PANEL + LIST + SCREEN + APP,
    "link list": LINK_LIST + LIST + SCREEN + APP,
    "library": LIBRARY + SHELF + LIST + APP,
    "review": REVIEW + APP,
    "note editor": EDITOR + APP,
    "discard question": DISCARD + APP,
    "quit question": UNSAVED + APP,
    "colour meanings": MEANINGS + APP,
    "delete question": CONFIRM_DELETE + APP,
    "help": HELP + LIST + APP,
}
"""The keys active together: one key must not mean two things in any of them."""


GROUPS = (
    "Move",
    "Search",
    "Select",
    "Annotate",
    "Clean",
    "View",
    "Links",
    "Library",
    "Review",
    "Lists and help",
    "App",
)


def sorted_by_group() -> tuple[KeySpec, ...]:
    """Every key, grouped for the help screen."""
    return tuple(sorted(ALL, key=lambda spec: GROUPS.index(spec.group)))


def bindings(specs: tuple[KeySpec, ...]) -> list[BindingType]:
    return [spec.binding() for spec in specs]


def user_keymap(
    overrides: tuple[tuple[str, str], ...],
) -> tuple[dict[str, str], list[str]]:
    """The user's keys (binding id, keys) that can be used, and one line for each refused:
    an unknown id, or keys that would clash with another key where both are active."""
    known = {spec.id for spec in BOUND}
    accepted: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in overrides:
        if binding_id not in known:
            problems.append(f"unknown key id {binding_id!r} (the README's key list has the ids)")
        else:
            accepted[binding_id] = keys
    for context, specs in CONTEXTS.items():
        allowed = _clashes(specs, {})  # as the reader ships: e.g. b pages up, or goes back
        for key, ids in sorted(_clashes(specs, accepted).items()):
            if ids <= allowed.get(key, frozenset()):
                continue
            refused = sorted(binding_id for binding_id in ids if binding_id in accepted)
            others = ", ".join(sorted(ids - set(refused))) or ", ".join(refused[1:])
            for binding_id in refused:
                accepted.pop(binding_id, None)
                problems.append(
                    f"{binding_id} = {key!r} clashes with {others} ({context}); not used"
                )
    return accepted, problems


def _clashes(specs: tuple[KeySpec, ...], overrides: dict[str, str]) -> dict[str, frozenset[str]]:
    """Each key bound to more than one id among `specs`, with those ids."""
    by_key: dict[str, set[str]] = {}
    for spec in specs:
        for key in overrides.get(spec.id, spec.keys).split(","):
            if key.strip():
                by_key.setdefault(_key_name(key.strip()), set()).add(spec.id)
    return {key: frozenset(ids) for key, ids in by_key.items() if len(ids) > 1}


def _key_name(key: str) -> str:
    """A key as Textual names it: "?" is "question_mark", "+" is "plus"."""
    if len(key) == 1 and not key.isalnum():
        return unicodedata.name(key, key).lower().replace(" ", "_").replace("-", "_")
    return key


def shown_keys(spec: KeySpec) -> str:
    """The keys as the help screen writes them."""
    return spec.display or " ".join(key for key in spec.keys.split(","))
