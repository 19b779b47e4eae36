"""A private tmux server driven through one control-mode client, for timing TUIs in a real terminal.

Control mode (`tmux -C`) takes commands on a pipe, so polling the screen costs a line written and
a few read, not a process spawned per poll (which would steal CPU from the app being timed).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import time
from collections.abc import Sequence

PANE = "bench:0.0"


class TmuxError(RuntimeError):
    pass


class Tmux:
    """A detached tmux session of a fixed size, with one pane that runs the command under test."""

    def __init__(self, width: int = 120, height: int = 40) -> None:
        self.socket = f"reader-bench-{os.getpid()}"
        base = ["tmux", "-L", self.socket, "-f", "/dev/null"]
        subprocess.run(
            [*base, "new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height)],
            check=True,
            env={**os.environ, "TMUX": ""},
        )
        try:
            self._client = subprocess.Popen(
                [*base, "-C", "attach-session", "-t", "bench", "-f", "no-output,ignore-size"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                errors="replace",
            )
            self._sync()
            for option in (
                ("set-option", "-g", "status", "off"),
                ("set-option", "-g", "window-size", "manual"),
                ("set-option", "-g", "remain-on-exit", "on"),
                ("set-option", "-g", "default-terminal", "tmux-256color"),
            ):
                self.command(*option)
            self.command("resize-window", "-t", "bench", "-x", str(width), "-y", str(height))
            size = self.command("display-message", "-p", "-t", PANE, "#{pane_width}x#{pane_height}")
            if size != [f"{width}x{height}"]:
                raise TmuxError(f"pane is {size}, wanted {width}x{height}")
        except BaseException:
            subprocess.run([*base, "kill-server"], check=False)
            raise

    def _sync(self) -> None:
        """Skip whatever the attach printed, up to the answer of a marker command."""
        marker = f"sync-{time.monotonic_ns()}"
        self._send(f"display-message -p {marker}")
        while self._read_block() != [marker]:
            pass

    def _send(self, line: str) -> None:
        assert self._client.stdin is not None
        self._client.stdin.write(line + "\n")
        self._client.stdin.flush()

    def _read_block(self) -> list[str]:
        """The output of our next command; notifications and the attach's own block skipped."""
        while True:
            ours, out, failed = self._read_any_block()
            if ours:
                if failed:
                    raise TmuxError("\n".join(out))
                return out

    def _read_any_block(self) -> tuple[bool, list[str], bool]:
        assert self._client.stdout is not None
        while True:  # notifications (%session-changed...) come between blocks
            line = self._client.stdout.readline()
            if not line:
                raise TmuxError("tmux control client closed")
            if line.startswith("%begin "):
                _, _, number, flags = line.split()[:4]
                break
        out: list[str] = []
        while True:
            line = self._client.stdout.readline()
            if not line:
                raise TmuxError("tmux control client closed")
            parts = line.split()
            if parts[:1] in (["%end"], ["%error"]) and len(parts) >= 3 and parts[2] == number:
                # flags 1: the block answers a command this client sent.
                return flags == "1", out, parts[0] == "%error"
            out.append(line.rstrip("\n"))

    def command(self, *args: str) -> list[str]:
        """Run one tmux command; its output lines."""
        self._send(" ".join(shlex.quote(arg) for arg in args))
        return self._read_block()

    def spawn(self, argv: Sequence[str], env: dict[str, str] | None = None) -> int:
        """Replace the pane's process with `argv`; its pid (exec keeps it the same process)."""
        assigns = [f"{key}={value}" for key, value in (env or {}).items()]
        shell = "exec " + shlex.join(["env", *assigns, *argv])
        self.command("respawn-pane", "-k", "-t", PANE, shell)
        return int(self.command("display-message", "-p", "-t", PANE, "#{pane_pid}")[0])

    def screen(self) -> list[str]:
        """The pane's rows with their colours and attributes as escape sequences (-e), so a
        repaint that only moves a highlight still shows as a change."""
        return self.command("capture-pane", "-p", "-e", "-t", PANE)

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.command("send-keys", "-t", PANE, *(["-l"] if literal else []), *keys)

    def dead(self) -> bool:
        return self.command("display-message", "-p", "-t", PANE, "#{pane_dead}") == ["1"]

    def close(self) -> None:
        with contextlib.suppress(TmuxError):  # the server may hang up before answering
            self.command("kill-server")
        self._client.wait(timeout=5)
