"""The settings file: read with defaults for anything unusable, written keeping the rest."""

from __future__ import annotations

from pathlib import Path

from widgets import keymap
from widgets.settings import Settings, load, save


def test_a_missing_file_is_the_defaults_without_a_word(tmp_path: Path):
    assert load(tmp_path / "settings.toml") == (Settings(), [])


def test_values_are_read(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text(
        'theme = "reader-light"\noutline = false\nwidth = 72\n[keys]\nhighlight = "h, y"\n'
    )
    settings, warnings = load(path)
    assert warnings == []
    assert settings == Settings("reader-light", False, 72, (("highlight", "h,y"),))


def test_a_broken_file_is_one_line_and_the_defaults(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text('theme = "unclosed\n')
    settings, [warning] = load(path)
    assert settings == Settings()
    assert "not valid TOML" in warning and "\n" not in warning


def test_bad_and_unknown_settings_are_one_line_each_and_the_rest_is_used(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text('width = 5\noutline = "no"\ncolour = "red"\ntheme = "reader-light"\n')
    settings, warnings = load(path)
    assert settings == Settings(theme="reader-light")
    assert len(warnings) == 3
    assert all("\n" not in line for line in warnings)
    assert any("width = 5" in line for line in warnings)
    assert any("unknown setting 'colour'" in line for line in warnings)


def test_saving_keeps_the_users_comments_and_keys(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text('# my reader\nwidth = 60  # narrow\n\n[keys]\n"scroll.down" = "j,ctrl+n"\n')
    save(path, Settings(theme="reader-light", outline=False, width=64))
    text = path.read_text()
    assert "# my reader" in text and '"scroll.down" = "j,ctrl+n"' in text
    settings, warnings = load(path)
    assert warnings == []
    assert settings == Settings("reader-light", False, 64, (("scroll.down", "j,ctrl+n"),))


def test_saving_replaces_a_broken_file(tmp_path: Path):
    path = tmp_path / "config" / "settings.toml"
    path.parent.mkdir()
    path.write_text("= nonsense")
    save(path, Settings(width=70))
    assert load(path) == (Settings(width=70), [])


def test_user_keys_by_id_unknown_ids_and_clashes():
    accepted, problems = keymap.user_keymap(
        (("scroll.down", "j,down,ctrl+n"), ("no.such.key", "z"), ("highlight", "x"))
    )
    assert accepted == {"scroll.down": "j,down,ctrl+n"}
    assert len(problems) == 2
    assert "unknown key id 'no.such.key'" in problems[0]
    assert "highlight = 'x' clashes with highlight.delete" in problems[1]


def test_keys_the_reader_ships_doubled_are_no_clash():
    # b pages up, and goes back a word while selecting: as shipped, not the user's doing.
    assert keymap.user_keymap((("page.up", "b,pageup,ctrl+b"),)) == (
        {"page.up": "b,pageup,ctrl+b"},
        [],
    )


def test_every_bound_key_has_a_unique_id():
    ids = [spec.id for spec in keymap.BOUND]
    assert len(ids) == len(set(ids))
