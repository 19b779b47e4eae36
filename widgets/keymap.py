"""Every key of the reader, as data: the bindings, the help screen and the palette read it.

One table so that a key has one meaning per mode, and every key is shown somewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True, slots=True)
class KeySpec:
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

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.footer,
            id=self.id,
            key_display=self.display.split(" ")[0] if self.display else None,
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
    KeySpec("section.next", "]", "section(1)", "Next section", "Move", footer=True),
    KeySpec("section.previous", "[", "section(-1)", "Previous section", "Move", footer=True),
    KeySpec("paragraph.next", "}", "paragraph(1)", "Next paragraph", "Move"),
    KeySpec("paragraph.previous", "{", "paragraph(-1)", "Previous paragraph", "Move"),
    KeySpec("search.next", "n", "search_next(1)", "Next match", "Search"),
    KeySpec("search.previous", "N", "search_next(-1)", "Previous match", "Search"),
)

# The reading screen: keys that work wherever the focus is on it (outline or text).
SCREEN: tuple[KeySpec, ...] = (
    KeySpec("search", "/", "search", "Search", "Search", footer=True),
    KeySpec("outline", "t", "toggle_outline", "Outline", "View", footer=True),
)

# The whole app.
APP: tuple[KeySpec, ...] = (
    KeySpec("help", "question_mark", "help", "Help", "App", footer=True, display="?"),
    KeySpec("quit", "q", "quit", "Quit", "App", footer=True),
)

# Keys handled by Textual itself, listed so the help screen shows them.
BUILTIN: tuple[KeySpec, ...] = (
    KeySpec("focus.next", "tab", "focus_next", "Move focus: outline / text", "View", display="Tab"),
    KeySpec("outline.jump", "enter", "", "Jump to the outline entry", "View", display="Enter"),
    KeySpec("search.accept", "enter", "", "Search: keep matches, close", "Search", display="Enter"),
    KeySpec("search.cancel", "escape", "", "Search: cancel, go back", "Search", display="Esc"),
    KeySpec("palette", "ctrl+p", "command_palette", "Command palette", "App", display="ctrl+p"),
)

ALL: tuple[KeySpec, ...] = READING + SCREEN + APP + BUILTIN


GROUPS = ("Move", "Search", "Select", "Annotate", "View", "App")


def sorted_by_group() -> tuple[KeySpec, ...]:
    """Every key, grouped for the help screen."""
    return tuple(sorted(ALL, key=lambda spec: GROUPS.index(spec.group)))


def bindings(specs: tuple[KeySpec, ...]) -> list[BindingType]:
    return [spec.binding() for spec in specs]


def shown_keys(spec: KeySpec) -> str:
    """The keys as the help screen writes them."""
    return spec.display or " ".join(key for key in spec.keys.split(","))
