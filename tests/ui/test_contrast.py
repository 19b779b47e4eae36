"""Every piece of text the reader draws meets WCAG AA contrast (4.5:1), in its dark and light
themes, in true colour and in a 256-colour terminal; the five highlight colours are distinct.

The ratios are measured on the screens as drawn: Pilot opens each screen and dialog, and every
cell that shows a character is checked, its colours read from Textual's screenshot.
"""

from __future__ import annotations

import colorsys
import html
import itertools
import re
import unicodedata
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.color import Color, ColorSystem
from rich.color_triplet import ColorTriplet
from textual.app import App
from textual.errors import NoWidget
from textual.pilot import Pilot
from textual.screen import ModalScreen

from reader.cli import main
from tests.conftest import SEED
from tests.ui.helpers import make_app, write_article
from widgets import theme
from widgets.view_painting import FIXED_STYLES

AA = 4.5
SIZE = (120, 40)

ARTICLE = """---
title: The Night Ferry Returns
author: Ada Reporter
date: 2026-03-01
description: After two winters, the crossing runs again.
---

The first crossing left at ten, with [the timetable](https://example.org/t) pinned by the
door and `berth 4` chalked on the ramp. Every seat was taken.

## A smaller, quieter boat

The new vessel carries ninety people. It is slower, and the crew say it rides the swell better.

### What the crew say

> It handles like a fishing boat, not a ferry.

```
departures: 22:00, 23:30
```

- Tickets from the harbour office
- Bikes go free

#### Who the service is for

Night workers, mostly, and the odd late traveller from the city.
"""

OTHER = "# Tides\n\nSpring tides come twice a month, and the harbour empties at low water.\n"


def luminance(rgb: ColorTriplet) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(rgb.red) + 0.7152 * channel(rgb.green) + 0.0722 * channel(rgb.blue)


def contrast(a: ColorTriplet, b: ColorTriplet) -> float:
    """WCAG contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def in_256_colours(color: Color) -> ColorTriplet:
    """The colour as a terminal without true colour (tmux's default) shows it."""
    return color.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()


def _is_text(char: str) -> bool:
    if char.isspace() or 0x2500 <= ord(char) <= 0x259F:  # borders, scroll bars
        return False
    # A colour emoji (the palette's magnifier) is drawn in its own colours.
    return not (unicodedata.east_asian_width(char) == "W" and unicodedata.category(char) == "So")


# Textual's SVG screenshot (the public view of the whole screen, dialogs and toasts included):
# the text colour of each class, each background rectangle, and each run of text on its row.
_CLASS = re.compile(r"\.(terminal-[0-9-]*r[0-9]+) \{ fill: (#[0-9a-f]{6})")
_RECT = re.compile(
    r'<rect fill="(#[0-9a-f]{6})" x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" '
    r'height="[0-9.]+" shape-rendering="crispEdges"/>'
)
_TEXT = re.compile(
    r'<text class="(terminal-[0-9-]*r[0-9]+)" x="([0-9.]+)" y="[0-9.]+" textLength="([0-9.]+)" '
    r'clip-path="url\(#terminal-[0-9-]*line-([0-9]+)\)">([^<]*)</text>'
)
_LINE = re.compile(
    r'<clipPath id="terminal-[0-9-]*line-[0-9]+">\s*<rect x="0" y="([0-9.]+)" width="([0-9.]+)"'
)


def drawn_cells(app: App[object]) -> list[tuple[int, int, str, str, str]]:
    """(column, row, character, text colour, background) of every character on the screen."""
    svg = app.export_screenshot()
    fills = dict(_CLASS.findall(svg))
    lines = sorted((float(y), float(width)) for y, width in _LINE.findall(svg))
    texts = _TEXT.findall(svg)
    assert fills and len(lines) > 1 and texts, "the screenshot's format changed?"
    top, height = lines[0][0], lines[1][0] - lines[0][0]
    cell = lines[0][1] / app.size.width
    backgrounds: dict[tuple[int, int], str] = {}
    for fill, x, y, width in _RECT.findall(svg):
        row, first = round((float(y) - top) / height), round(float(x) / cell)
        for column in range(first, first + round(float(width) / cell)):
            backgrounds[column, row] = fill
    cells = []
    for name, x, _length, row, escaped in texts:
        column = round(float(x) / cell)
        for char in html.unescape(escaped).rstrip("\n"):
            char = " " if char == "\xa0" else char
            cells.append((column, int(row), char, fills[name], backgrounds[column, int(row)]))
            column += cell_len(char)
    return cells


class Measured:
    """The lowest ratios seen, and every text cell below AA (with what it showed)."""

    def __init__(self) -> None:
        self.lowest = {"true colour": 99.0, "256 colours": 99.0}
        self.failures: dict[tuple[str, str, str, str], str] = {}
        self.backgrounds: set[str] = set()

    def screen(self, app: App[object], where: str) -> None:
        screen = app.screen
        modal = isinstance(screen, ModalScreen)
        for x, y, char, fg, bg in drawn_cells(app):
            if not _is_text(char):
                continue
            if modal and not self._in_dialog(screen, x, y):
                continue  # the screen behind a dialog is dimmed on purpose
            self.backgrounds.add(bg)
            for system, convert in (
                ("true colour", Color.get_truecolor),
                ("256 colours", in_256_colours),
            ):
                f, b = convert(Color.parse(fg)), convert(Color.parse(bg))
                ratio = contrast(f, b)
                self.lowest[system] = min(self.lowest[system], ratio)
                if ratio < AA:
                    key = (where, system, f.hex, b.hex)
                    self.failures[key] = (self.failures.get(key, "") + char)[:30]

    @staticmethod
    def _in_dialog(screen: ModalScreen[object], x: int, y: int) -> bool:
        try:
            widget, _ = screen.get_widget_at(x, y)
        except NoWidget:
            return False
        return widget is not screen

    def report(self) -> str:
        lines = []
        for (where, system, fg, bg), text in sorted(self.failures.items()):
            ratio = contrast(Color.parse(fg).get_truecolor(), Color.parse(bg).get_truecolor())
            lines.append(f"{where} ({system}): {fg} on {bg} {ratio:.2f}:1 {text!r}")
        return "\n".join(lines)


async def _settle(pilot: Pilot[object]) -> None:
    for _ in range(3):
        await pilot.pause()


async def _walk_the_reader(app: App[object], pilot: Pilot[object], measured: Measured) -> None:
    """Every screen and dialog, as a reader meets them in the first hour."""

    async def look(where: str, *keys: str) -> None:
        await pilot.press(*keys)
        await _settle(pilot)
        measured.screen(app, where)

    # A highlight of each colour on the next five sentences (a colour key recolours the
    # highlight under the cursor), one with a note: the ✎ marker.
    await look("highlights", "h", ")", "h", "2", ")", "h", "3", ")", "h", "4", ")", "h", "5")
    await look("note editor", "a", *"worth a *look*", "tab", *"ferry")
    await look("after the note", "ctrl+s")
    await look("search prompt", "g", "slash", *"the")
    await look("search kept", "enter", "n")
    await look("selection", "v", "w", "w", "w")
    await look("annotation panel", "escape", "H")
    await look("annotation panel, moved", "down", "down")
    await look("help", "H", "question_mark")
    await look("colour meanings", "escape", "M")
    await look("command palette", "escape", "ctrl+p")
    await look("outline focused", "escape", "tab", "down")
    await look("export toast", "tab", "E")
    await look("outline hidden", "t")
    await look("library", "L")
    await look("library search", "slash", *"tides", "enter")
    await look("delete dialog", "escape", "G", "d")


@pytest.mark.parametrize("name", [theme.DARK, theme.LIGHT])
async def test_all_text_meets_wcag_aa_in_the_dark_and_light_themes(
    name: str, tmp_path: Path, temp_store: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("READER_EXPORT_DIR", str(tmp_path / "exports"))
    other = write_article(tmp_path, OTHER, "tides.md")
    assert main(["notes", "add", str(other), "--quote", "twice a month", "--tag", "sea"]) == 0
    app = make_app(write_article(tmp_path, ARTICLE, "ferry.md"), temp_store)
    measured = Measured()
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == theme.DARK  # the reader starts in its own dark theme
        app.theme = name
        await _settle(pilot)
        measured.screen(app, "opened")
        await _walk_the_reader(app, pilot, measured)
    # Every highlight colour was drawn (so measured), and the walk reached the last dialog.
    drawn = {pair.background for pair in theme.HIGHLIGHTS.values()}
    assert drawn <= measured.backgrounds
    assert not measured.failures, f"below {AA}:1\n{measured.report()}"
    print(name, {system: round(ratio, 2) for system, ratio in measured.lowest.items()})


@pytest.mark.parametrize("name", [theme.DARK, theme.LIGHT])
async def test_removed_blocks_and_their_reasons_meet_wcag_aa(name: str, temp_store: Path):
    # The seed page has promos, appeals and captions: R shows them struck out, with reasons.
    app = make_app(SEED, temp_store)
    measured = Measured()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = name
        await pilot.press("R")
        await _settle(pilot)
        measured.screen(app, "removed blocks shown")
        await pilot.press("G")
        await _settle(pilot)
        measured.screen(app, "removed blocks shown, end")
    assert not measured.failures, f"below {AA}:1\n{measured.report()}"
    print(name, "removed blocks", {k: round(v, 2) for k, v in measured.lowest.items()})


def _hue(rgb: ColorTriplet) -> float:
    return colorsys.rgb_to_hls(*(c / 255 for c in rgb))[0] * 360


@pytest.mark.parametrize("downgrade", [False, True], ids=["true colour", "256 colours"])
def test_the_five_highlight_colours_are_distinct_hues_with_readable_text(downgrade: bool):
    drawn = {name[3:]: style for name, style in FIXED_STYLES.items() if name.startswith("hl-")}
    assert sorted(drawn) == sorted(["yellow", "green", "blue", "pink", "purple"])
    hues = {}
    for colour, style in drawn.items():
        assert style.color is not None and style.bgcolor is not None
        convert = in_256_colours if downgrade else Color.get_truecolor
        background, text = convert(style.bgcolor), convert(style.color)
        assert contrast(text, background) >= AA, colour
        hues[colour] = _hue(background)
    for (a, hue_a), (b, hue_b) in itertools.combinations(hues.items(), 2):
        distance = min(abs(hue_a - hue_b), 360 - abs(hue_a - hue_b))
        assert distance >= 45, f"{a} and {b} are {distance:.0f} degrees apart"
