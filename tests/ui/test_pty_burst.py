"""A note and ctrl+s written to a real terminal in one write are saved exactly (issue #12,
item 2): `reader FILE` runs in a pseudo-terminal, as in a terminal emulator or over SSH."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

from tests.conftest import ROOT

ARTICLE = (
    "# Notes Test\n\nFirst sentence here. Second sentence follows. Third sentence is the one.\n"
)
ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|.)")
WAIT = 60.0
"""Seconds any one condition may take: a hang detector on a loaded machine, not a timing."""


class Terminal:
    """`python ARGS` (the reader) in a pseudo-terminal of 100x30: what it shows, and keys as
    bytes."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the reader
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, *args], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.shown = ""

    def read(self) -> None:
        ready, _, _ = select.select([self.fd], [], [], 0.1)
        if ready:
            with contextlib.suppress(OSError):  # the reader ended
                self.shown += ANSI.sub("", os.read(self.fd, 65536).decode("utf-8", "replace"))

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT
        while not condition():
            assert time.monotonic() < deadline, f"not after {WAIT} s: {what}"
            self.read()

    def write(self, data: bytes) -> None:
        os.write(self.fd, data)

    def close(self) -> int:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            self.read()
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                os.close(self.fd)
                return status
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        raise AssertionError("the reader did not quit")


def _stored_notes(store: Path) -> list[str]:
    notes = []
    for path in (store / "notes").glob("*.json"):
        try:
            data = json.loads(path.read_text())
        except ValueError:  # being replaced right now
            continue
        notes += [entry["note"] for entry in data.get("annotations", {}).values()]
    return notes


def test_a_note_and_ctrl_s_in_one_write_to_the_terminal_are_saved_exactly(
    tmp_path: Path, temp_store: Path
):
    article = tmp_path / "notes.md"
    article.write_text(ARTICLE)
    env = {**os.environ, "READER_STORE": str(temp_store), "TERM": "xterm-256color"}
    env.pop("TEXTUAL", None)
    terminal = Terminal(["-m", "reader", str(article)], env)
    typed = "Pasted then saved at once: every word, nothing cut (even the last)."
    try:
        terminal.wait_for(lambda: "First sentence here" in terminal.shown, "the article shown")
        terminal.write(b"a")
        terminal.wait_for(lambda: "ctrl+s save" in terminal.shown, "the note editor open")
        terminal.write(typed.encode() + b"\x13")  # the note and ctrl+s: one write
        deadline = time.monotonic() + WAIT
        while not _stored_notes(temp_store):
            assert time.monotonic() < deadline, "nothing saved"
            terminal.read()
        terminal.write(b"q")
    finally:
        status = terminal.close()
    assert os.waitstatus_to_exitcode(status) == 0
    assert _stored_notes(temp_store) == [typed]
