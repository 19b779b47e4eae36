"""The reader's settings file: theme, outline, reading width and the user's keys (TOML).

    theme = "reader-light"      # a theme picked in the command palette
    outline = false             # the outline hidden with t
    width = 72                  # the reading column, in cells (+ and - change it)

    [keys]                      # any key by its id (the help screen lists them): keys
    "scroll.down" = "j,down,ctrl+n"
    "highlight" = "h,y"

It lives in the user config folder (`$READER_CONFIG` names another file). The app writes it
when one of the first three changes, keeping the rest of the file (comments included) as the
user wrote it. Nothing in it can stop the reader: a broken file, an unknown setting or a bad
value is a one-line warning, and the default is used.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from platformdirs import user_config_path

ENV_VAR = "READER_CONFIG"
FILE_NAME = "settings.toml"
MIN_WIDTH, MAX_WIDTH = 20, 400


class Settings(NamedTuple):
    theme: str | None = None
    """A theme's name; None: the app's default."""
    outline: bool = True
    width: int | None = None
    """The reading column in cells; None: the default (80, or --width)."""
    keys: tuple[tuple[str, str], ...] = ()
    """(binding id, keys) overrides, as the file has them."""


def settings_path() -> Path:
    """Where the settings live: $READER_CONFIG, else the user config folder."""
    if explicit := os.environ.get(ENV_VAR):
        return Path(explicit).expanduser()
    return user_config_path("reader", appauthor=False) / FILE_NAME


def load(path: Path) -> tuple[Settings, list[str]]:
    """The settings in `path` (defaults where it has none), and a one-line warning for each
    thing in it that could not be used. A missing file is no warning."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), []
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), [f"{path}: cannot be read ({error}); default settings used"]
    import tomllib  # only with a file (most launches have none): it delays the first frame

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Settings(), [f"{path}: not valid TOML ({error}); default settings used"]
    return parse(data, str(path))


def parse(data: dict[str, Any], where: str) -> tuple[Settings, list[str]]:
    """Settings from the file's table; what is wrong in it, one line per problem."""
    warnings: list[str] = []
    settings = Settings()
    for name, value in data.items():
        if name == "theme" and isinstance(value, str) and value.strip():
            settings = settings._replace(theme=value.strip())
        elif name == "outline" and isinstance(value, bool):
            settings = settings._replace(outline=value)
        elif (
            name == "width"
            and isinstance(value, int)
            and not isinstance(value, bool)
            and MIN_WIDTH <= value <= MAX_WIDTH
        ):
            settings = settings._replace(width=value)
        elif name == "keys" and isinstance(value, dict):
            keys, bad = _keys(value)
            settings = settings._replace(keys=keys)
            warnings.extend(f"{where}: [keys] {problem}" for problem in bad)
        elif name in ("theme", "outline", "width", "keys"):
            warnings.append(f"{where}: {name} = {value!r} is not {_EXPECTED[name]}; default used")
        else:
            warnings.append(f"{where}: unknown setting {name!r} ignored")
    return settings, warnings


_EXPECTED = {
    "theme": "a theme's name",
    "outline": "true or false",
    "width": f"a whole number of cells from {MIN_WIDTH} to {MAX_WIDTH}",
    "keys": "a table of binding id = keys",
}


def _keys(table: dict[str, Any]) -> tuple[tuple[tuple[str, str], ...], list[str]]:
    keys: list[tuple[str, str]] = []
    bad: list[str] = []
    for binding_id, value in table.items():
        if isinstance(value, str) and value.strip():
            keys.append((binding_id, ",".join(part.strip() for part in value.split(","))))
        else:
            bad.append(f'{binding_id} = {value!r} is not a key list like "j,down"; ignored')
    return tuple(keys), bad


def save(path: Path, settings: Settings) -> None:
    """Write theme, outline and width into `path`, keeping everything else in it as it is.

    OSError if it cannot be written (the caller says so and reads on)."""
    import tomlkit  # only when a setting changes: not on the way to the first frame
    from tomlkit.exceptions import ParseError

    from store.atomic import atomic_write

    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, UnicodeDecodeError, ParseError):
        document = tomlkit.document()  # a broken file is replaced (it was warned about)
    values: dict[str, object] = {"outline": settings.outline}
    if settings.theme is not None:
        values["theme"] = settings.theme
    if settings.width is not None:
        values["width"] = settings.width
    for name, value in values.items():
        if document.get(name) != value:
            document[name] = value
    atomic_write(path, tomlkit.dumps(document).encode("utf-8"), durable=False)
