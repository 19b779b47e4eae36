"""The garbage collector paused for the UI's start comes back once the first frame is shown."""

from __future__ import annotations

import gc

from reader.startup import first_frame_shown, pause_collector
from tests.conftest import SEED
from tests.ui.helpers import make_app


async def test_collection_resumes_when_the_article_is_on_screen(temp_store):
    pause_collector()
    try:
        assert not gc.isenabled()
        app = make_app(SEED, temp_store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # what the start built is not walked again
    finally:
        first_frame_shown()
        gc.enable()
        gc.unfreeze()


def test_resuming_without_a_pause_changes_nothing():
    gc.disable()
    try:
        first_frame_shown()  # nobody paused: a caller's own gc.disable() stands
        assert not gc.isenabled()
    finally:
        gc.enable()
