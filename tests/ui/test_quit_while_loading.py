"""`q` ends the reader at once, even while a large article is still being loaded, and the
loader is stopped (issue #12, item 12).

Cleaning, parsing and wrapping a million paragraphs cannot be stopped part-way, and Python
waits for every worker thread before a process ends: `q` used to wait for the load. Here the
whole article never arrives (its loader blocks for ten minutes), so only a reader that does
not wait for it can quit.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.ui.helpers import LONG_MARKDOWN
from tests.ui.test_pty_burst import Terminal

# Run as `python -c`: the reader with a loader whose whole article never comes.
STUCK_READER = """
import sys, threading, time
import reader.loader as loader

class Stuck(loader.LocalLoader):
    def rest(self):
        open(sys.argv[2], "w").close()  # the worker is waiting for the whole
        time.sleep(600)
        return super().rest()

    def cancel(self):
        open(sys.argv[3], "w").close()
        super().cancel()

loader.open_loader = lambda target, *args: Stuck(loader.Path(target))
from reader.cli import main
sys.exit(main([sys.argv[1]]))
"""


def test_q_quits_at_once_while_the_whole_article_is_still_loading(tmp_path: Path, temp_store: Path):
    article = tmp_path / "long.md"
    article.write_text(LONG_MARKDOWN * 60)  # large: it opens on its head
    waiting, cancelled = tmp_path / "waiting", tmp_path / "cancelled"
    env = {**os.environ, "READER_STORE": str(temp_store), "TERM": "xterm-256color"}
    stuck = Terminal(["-c", STUCK_READER, str(article), str(waiting), str(cancelled)], env)
    try:
        stuck.wait_for(lambda: "Part 1" in stuck.shown, "the head shown")
        stuck.wait_for(waiting.exists, "the worker waiting for the whole")
        stuck.write(b"q")
    finally:
        status = stuck.close()  # fails if the reader does not end (a hang detector)
    assert os.waitstatus_to_exitcode(status) == 0
    assert cancelled.exists()
    assert (temp_store / "library.json").exists()  # the article was saved before the end
