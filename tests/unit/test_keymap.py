"""One key map: no key means two things at once, and the README lists every key."""

from collections import Counter
from pathlib import Path

from widgets import keymap
from widgets.keys_table import markdown_table

README = Path(__file__).resolve().parents[2] / "README.md"


def keys_of(specs):
    return [key for spec in specs for key in spec.keys.split(",") if key]


def test_reading_screen_keys_have_one_meaning():
    # Active together on the reading screen: the view's, the screen's and the app's keys.
    counts = Counter(keys_of(keymap.READING + keymap.SCREEN + keymap.APP))
    doubled = {key for key, count in counts.items() if count > 1}
    # "b" is page up while reading and back-a-word while selecting (two modes, never both).
    # Esc backs out one level at a time: a selection first, then the annotation panel.
    assert doubled == {"b", "escape"}


def test_library_keys_have_one_meaning():
    counts = Counter(keys_of(keymap.LIBRARY))
    assert all(count == 1 for count in counts.values())


def test_every_binding_has_an_id_and_description():
    for spec in keymap.ALL:
        assert spec.id and spec.description


def test_readme_shows_the_current_key_table():
    assert markdown_table() in README.read_text(encoding="utf-8")
