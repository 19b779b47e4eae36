"""The title bar at 80 and 120 columns, inside a section of the essay."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLES
from tests.ui.helpers import make_app


@pytest.mark.parametrize("width", [80, 120])
def test_title_bar_in_a_section(width: int, snap_compare, temp_store):
    app = make_app(SAMPLES / "notes-in-the-margin.md", temp_store)
    assert snap_compare(app, terminal_size=(width, 24), press=["]", "]", "]", "]"])
