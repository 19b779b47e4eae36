"""Run `reader ARGS...` (or, with --empty, the empty Textual app) and end at its first frame.

For `instructions.py`: the process exits as soon as the app has shown its first frame, so a
count of its instructions covers launch to first frame and nothing after.

    python benchmarks/first_frame.py FILE
    python benchmarks/first_frame.py --empty
"""

from __future__ import annotations

import os
import sys

if __name__ == "__main__":
    if sys.argv[1:] == ["--empty"]:
        from empty_app import EmptyApp

        class FirstFrameApp(EmptyApp):
            def on_ready(self) -> None:
                os._exit(0)

        FirstFrameApp().run()
    else:
        import reader.startup

        # The reader's apps call this on their first frame (they import it by name later).
        reader.startup.first_frame_shown = lambda: os._exit(0)

        from reader.cli import main

        main(sys.argv[1:])
