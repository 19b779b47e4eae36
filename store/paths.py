"""Where the store lives: --store, then READER_STORE, then the user data directory."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

ENV_VAR = "READER_STORE"


def store_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The store folder to use."""
    if explicit:
        return Path(explicit).expanduser()
    if env := os.environ.get(ENV_VAR):
        return Path(env).expanduser()
    return user_data_path("reader", appauthor=False)
