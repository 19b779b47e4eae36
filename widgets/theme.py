"""The reader's colours: a dark and a light theme, and the five highlight colours.

Every text colour meets WCAG AA (4.5:1) on every background it is drawn on, in true colour
and in the 256 colours of a terminal such as tmux without true colour (the colours that are not
greys are xterm-256 colours, so they do not change there; Rich maps light greys a step darker).
tests/ui/test_contrast.py measures it on the screens as drawn. Textual derives the shades it
does not get from the base colours (muted text at 60% alpha, a panel tinted with the primary
colour...): those the reader draws text with are given here as solid colours instead.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rich.style import Style
from textual.app import App
from textual.theme import Theme

DARK = "reader-dark"
LIGHT = "reader-light"


class HighlightColour(NamedTuple):
    background: str
    text: str


# Five hues at least 50 degrees apart (ochre 42, green 120, blue 207, purple 273, pink 327),
# dark enough for white text (5.7:1 to 10:1) whatever the theme, all xterm-256 colours.
HIGHLIGHTS: dict[str, HighlightColour] = {
    "yellow": HighlightColour("#875f00", "#ffffff"),
    "green": HighlightColour("#005f00", "#ffffff"),
    "blue": HighlightColour("#005faf", "#ffffff"),
    "pink": HighlightColour("#af005f", "#ffffff"),
    "purple": HighlightColour("#5f00af", "#ffffff"),
}


def highlight_style(colour: str) -> Style:
    """The style of a highlight of `colour`: its own text colour, readable on any theme."""
    pair = HIGHLIGHTS.get(colour, HIGHLIGHTS["yellow"])
    return Style(color=pair.text, bgcolor=pair.background)


READER_DARK = Theme(
    name=DARK,
    dark=True,
    primary="#5fafff",
    secondary="#87d7ff",
    accent="#ffaf5f",
    warning="#ffd75f",
    error="#ff8787",
    success="#87d787",
    foreground="#e4e4e4",
    background="#121212",
    surface="#1c1c1c",
    panel="#262626",
    variables={
        "foreground-muted": "#b2b2b2",
        "foreground-disabled": "#a8a8a8",
        "text": "#e4e4e4",
        "text-muted": "#b2b2b2",
        "text-disabled": "#a8a8a8",
        "block-cursor-foreground": "#ffffff",
        "block-cursor-background": "#005f87",
        "block-cursor-blurred-foreground": "#e4e4e4",
        "block-cursor-blurred-background": "#3a3a3a",
        "input-selection-foreground": "#ffffff",
        "input-selection-background": "#005f87",
        "footer-key-foreground": "#ffaf5f",
        "button-color-foreground": "#121212",
    },
)

READER_LIGHT = Theme(
    name=LIGHT,
    dark=False,
    primary="#005faf",
    secondary="#005f87",
    accent="#875f00",
    warning="#875f00",
    error="#af0000",
    success="#005f00",
    foreground="#1c1c1c",
    background="#eeeeee",
    surface="#ffffff",
    panel="#e4e4e4",
    variables={
        "foreground-muted": "#444444",
        "foreground-disabled": "#4e4e4e",
        "text": "#1c1c1c",
        "text-muted": "#444444",
        "text-disabled": "#4e4e4e",
        "block-cursor-foreground": "#ffffff",
        "block-cursor-background": "#005faf",
        "block-cursor-blurred-foreground": "#1c1c1c",
        "block-cursor-blurred-background": "#e4e4e4",
        "input-selection-foreground": "#ffffff",
        "input-selection-background": "#005faf",
        "footer-key-foreground": "#005f87",
        "button-color-foreground": "#ffffff",
    },
)

THEMES = (READER_DARK, READER_LIGHT)


def use_reader_themes(app: App[Any]) -> None:
    """Offer the reader's themes (in the palette's "Change theme" too) and start in the dark."""
    for each in THEMES:
        app.register_theme(each)
    app.theme = DARK
