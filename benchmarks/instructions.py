"""Instruction counts (valgrind's callgrind): the same on every run, where the clock is not.

On a shared machine, wall and CPU times swing by half within minutes, so a change worth 5% is
lost in the noise of any timing. The number of instructions a run executes barely moves
(about 0.2% between runs), so it shows such a change at once. Counts are not times (a cache
miss costs more than an add): the timing benchmarks stay the measure of the floors; this one
tells whether a change made the work smaller. Not part of run_all.py: it takes minutes.

Counted: `reader clean` on the 1 MB page of bench_clean.py; and, in a tmux pane (120x40), the
reader process from launch to its first frame for the 3 MB book (text, Markdown), beside the
empty Textual app to its first frame. The loading child process is not counted (it runs beside).

    python benchmarks/instructions.py [--only clean|paint]

Needs valgrind (and tmux for the first frames); without them it says so and exits 0.
"""

from __future__ import annotations

import argparse
import compileall
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench_clean
import make_book
from tmux_control import Tmux

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
_COLLECTED = re.compile(r"Collected : (\d+)")
TIMEOUT_S = 600


def callgrind(argv: list[str]) -> list[str]:
    return ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv]


def count_clean(page: Path) -> int:
    done = subprocess.run(
        callgrind([sys.executable, "-m", "reader", "clean", str(page)]),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=TIMEOUT_S,
    )
    return int(_COLLECTED.findall(done.stderr)[-1])


def count_first_frame(tmux: Tmux, args: list[str], folder: Path) -> int:
    """Instructions of the process started with `first_frame.py ARGS`, launch to first frame."""
    logs = folder / "logs"
    shutil.rmtree(logs, ignore_errors=True)
    logs.mkdir()
    store = folder / "store"
    shutil.rmtree(store, ignore_errors=True)
    argv = callgrind([f"--log-file={logs}/%p", sys.executable, str(HERE / "first_frame.py"), *args])
    pid = tmux.spawn(argv, {"READER_STORE": str(store), "PYTHONPATH": str(ROOT)})
    start = time.monotonic()
    while not tmux.dead():
        if time.monotonic() - start > TIMEOUT_S:
            raise TimeoutError(f"first_frame.py {' '.join(args)}: no first frame")
        time.sleep(0.5)
    found = _COLLECTED.findall((logs / str(pid)).read_text())
    if not found:
        raise RuntimeError(f"first_frame.py {' '.join(args)}: no count (did it fail?)")
    return int(found[-1])


def compile_project() -> None:
    """Write the project's bytecode first, as any launch after the first finds it: with
    PYTHONDONTWRITEBYTECODE set, every module edited since the last compile would be compiled
    again inside each counted run (an old commit's fresh worktree, all of them)."""
    for package in ("reader", "widgets", "store"):
        compileall.compile_dir(ROOT / package, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("clean", "paint"), help="count only these")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind not found: no instruction counts")
        return 0
    compile_project()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if args.only in (None, "clean"):
            page = bench_clean.one_megabyte_page(folder)
            millions = count_clean(page) / 1e6
            print(f"reader clean, {page.stat().st_size / 1e6:.2f} MB page: {millions:,.0f} M")
        if args.only in (None, "paint"):
            if shutil.which("tmux") is None:
                print("tmux not found: no first-frame counts")
                return 0
            book_txt, book_md = make_book.DATA / "book.txt", make_book.DATA / "book.md"
            if not (book_txt.exists() and book_md.exists()):
                make_book.write_book(make_book.DATA)
            tmux = Tmux(120, 40)
            try:
                cases = [
                    ("empty Textual app", ["--empty"]),
                    ("reader book.txt (3 MB)", [str(book_txt)]),
                    ("reader book.md (3 MB)", [str(book_md)]),
                ]
                for name, case_args in cases:
                    millions = count_first_frame(tmux, case_args, folder) / 1e6
                    print(f"{name}, launch to first frame: {millions:,.0f} M", flush=True)
            finally:
                tmux.close()
    print("(instructions, in millions, counted by callgrind)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
