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
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from tests.conftest import ROOT
from widgets.note_editor import split_tags

SENTENCES = [f"Sentence {n} of the article says one plain thing." for n in range(1, 13)]
ARTICLE = "# Notes Test\n\n" + " ".join(SENTENCES) + "\n"
NOTES = [
    ("Pasted then saved at once: every word, nothing cut (even the last).", ""),
    ("x", ""),
    ("Accents and signs: café, naïve, 42 % — “quoted”, ‘single’.", ""),
    (
        "A longer note, pasted from elsewhere: "
        + "the quick brown fox jumps over the lazy dog " * 8,
        "",
    ),
    ("Two lines\rthe second one after Enter", ""),
    ("Then Tab and tags, all in the same write", "\tsyria, russia #war"),
    ("   spaces kept inside   and around   ", ""),
    ("Brackets [a] (b) {c} <d> and #hash @at", "\tone"),
    ("Last words matter", ""),
    ("the tenth note, saved as fast as the others", "\ttwo three"),
]
"""What is typed in the note field, then what is typed after it (Tab, then tags), in one
write with ctrl+s; "\r" is Enter, as a terminal sends it."""
ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|.)")
WAIT = 60.0
"""Seconds any one condition may take: a hang detector on a loaded machine, not a timing."""


class Terminal:
    """`python ARGS` (the reader) in a pseudo-terminal of 100x30: what it shows, and keys as
    bytes, each key string in one write."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the reader
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, *args], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.shown = ""
        self.written = 0
        """Where the output after the last write starts in `shown`."""

    def read(self) -> None:
        ready, _, _ = select.select([self.fd], [], [], 0.1)
        if ready:
            with contextlib.suppress(OSError):  # the reader ended
                self.shown += ANSI.sub("", os.read(self.fd, 65536).decode("utf-8", "replace"))

    def showing(self, text: str) -> bool:
        """Whether `text` was drawn since the last write."""
        return text in self.shown[self.written :]

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT
        while not condition():
            assert time.monotonic() < deadline, f"not after {WAIT} s: {what}"
            self.read()

    def write(self, data: bytes) -> None:
        self.read()
        self.written = len(self.shown)
        os.write(self.fd, data)

    def close(self) -> int:
        """The reader's wait status, once it has quit."""
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


class Tmux:
    """`python ARGS` (the reader) in a tmux window of 100x30, on a tmux server of its own:
    what the window shows, and keys sent as tmux sends them, each string in one send."""

    def __init__(self, args: list[str], env: dict[str, str], socket: Path) -> None:
        self.socket = str(socket)
        self.exit_file = socket.with_name(socket.name + ".exit")
        # The shell writes the reader's exit code where the test reads it (the tmux server
        # here sometimes leaves its window's program unreaped, without an exit status).
        command = (
            f"{shlex.join([sys.executable, *args])}; echo $? > {shlex.quote(str(self.exit_file))}"
        )
        self.tmux("new-session", "-d", "-x", "100", "-y", "30", "-c", str(ROOT), command, env=env)

    def tmux(self, *args: str, env: dict[str, str] | None = None, check: bool = True) -> str:
        return subprocess.run(
            ["tmux", "-S", self.socket, "-f", os.devnull, *args],
            env=env,
            capture_output=True,
            text=True,
            check=check,
        ).stdout

    def showing(self, text: str) -> bool:
        """Whether `text` is in the window now."""
        return text in self.tmux("capture-pane", "-p")

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT
        while not condition():
            assert time.monotonic() < deadline, f"not after {WAIT} s: {what}"

    def write(self, data: bytes) -> None:
        text = data.decode()
        if text.endswith("\x13"):  # the text, then ctrl+s, in one tmux command
            self.tmux("send-keys", "-l", "--", text[:-1], ";", "send-keys", "C-s")
        else:
            self.tmux("send-keys", "-l", "--", text)

    def close(self) -> int:
        """The reader's exit code, once it has quit."""
        try:
            self.wait_for(lambda: self.exit_file.is_file(), "the reader quit")
            self.wait_for(lambda: self.exit_file.read_text().endswith("\n"), "its exit code")
            return int(self.exit_file.read_text())
        finally:
            self.tmux("kill-server", check=False)


def _stored_notes(store: Path) -> list[tuple[str, list[str]]]:
    """The notes in the store with their tags, oldest first."""
    entries = []
    for path in (store / "notes").glob("*.json"):
        try:
            data = json.loads(path.read_text())
        except ValueError:  # being replaced right now
            continue
        entries += data.get("annotations", {}).values()
    entries.sort(key=lambda entry: entry["start"])
    return [(entry["note"], entry["tags"]) for entry in entries]


def _saved(store: Path, count: int) -> bool:
    return len(_stored_notes(store)) == count


def _start(tmp_path: Path) -> tuple[list[str], dict[str, str], Path]:
    """The reader's arguments, its environment and the store it is given."""
    article = tmp_path / "notes.md"
    article.write_text(ARTICLE)
    store = tmp_path / "chosen store"
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("TEXTUAL", None)
    env.pop("READER_STORE", None)
    return ["-m", "reader", str(article), "--store", str(store)], env, store


def _type_notes(terminal: Terminal | Tmux, store: Path) -> None:
    """Ten notes, each typed and saved in one write: the note editor opens on the next
    sentence, then its text (and Tab and tags) and ctrl+s arrive in the same input read."""
    terminal.wait_for(partial(terminal.showing, "Sentence 1 of"), "the article shown")
    for count, (note, tags) in enumerate(NOTES, start=1):
        # The first note on the first sentence, each next one on the sentence after.
        terminal.write(b"a" if count == 1 else b")a")
        # The editor of that sentence, its quote: not a frame of the one before.
        quote = f"“Sentence {count} of"
        terminal.wait_for(partial(terminal.showing, quote), f"the editor open on {quote}")
        terminal.write((note + tags).encode() + b"\x13")  # and ctrl+s: one write
        # The store is written just before the editor closes, in one step: the keys
        # written from now on go to the text.
        terminal.wait_for(partial(_saved, store, count), f"note {count} saved")
    terminal.write(b"q")


EXPECTED = [(note.replace("\r", "\n"), split_tags(tags)) for note, tags in NOTES]


def test_notes_and_ctrl_s_each_in_one_write_to_a_terminal_are_saved_exactly(
    tmp_path: Path, temp_store: Path
):
    args, env, store = _start(tmp_path)
    terminal = Terminal(args, env)
    try:
        _type_notes(terminal, store)
    finally:
        status = terminal.close()
    assert os.waitstatus_to_exitcode(status) == 0
    assert _stored_notes(store) == EXPECTED


@pytest.mark.skipif(shutil.which("tmux") is None, reason="no tmux here")
def test_notes_and_ctrl_s_each_in_one_send_through_tmux_are_saved_exactly(
    tmp_path: Path, temp_store: Path
):
    args, env, store = _start(tmp_path)
    terminal = Tmux(args, env, tmp_path / "tmux.socket")
    try:
        _type_notes(terminal, store)
    finally:
        status = terminal.close()
    assert status == 0
    assert _stored_notes(store) == EXPECTED
