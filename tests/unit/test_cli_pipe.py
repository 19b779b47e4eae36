"""`reader … | head`: a reader of the output that goes away ends the command quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import ROOT

ARTICLE = """# Field notes

The heron stood in the shallows for an hour, then took the fish in one strike.

## Later

The rain came in sideways off the estuary.
"""

COMMANDS = [
    ["library"],
    ["library", "--json"],
    ["notes", "list"],
    ["notes", "list", "--json"],
    ["export", "--all", "-o", "-"],
    ["export", "--all", "-o", "-", "--format", "json"],
    ["store", "path"],
    ["store", "check"],
    ["clean", "{article}"],
    ["library", "--help"],
    ["--help"],
]


@pytest.fixture
def article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "field-notes.md"
    path.write_text(ARTICLE)
    assert main(["notes", "add", str(path), "--quote", "one strike", "--note", "**yes**"]) == 0
    capsys.readouterr()
    return path


def _spawn(argv: list[str], stdout: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *argv],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _assert_quiet(process: subprocess.Popen[bytes]) -> None:
    _, err = process.communicate(timeout=60)
    assert process.returncode in (0, 141), err.decode()
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()
    assert err == b""


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_pipe_closed_before_the_first_write_ends_the_command_quietly(
    argv: list[str], article: Path
):
    # The reading end is closed before the command starts: its first write fails (EPIPE).
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        process = _spawn([arg.format(article=article) for arg in argv], write_end)
    finally:
        os.close(write_end)
    _assert_quiet(process)


def test_head_reading_one_line_of_a_long_output_ends_the_command_quietly(tmp_path: Path):
    # As `reader clean BIG | head -1`: the output is far larger than the pipe's buffer, so the
    # command is still writing when the reader goes away.
    big = tmp_path / "long.md"
    paragraph = "The heron stood in the shallows for an hour, then took the fish. " * 20
    big.write_text("# A long day\n\n" + "\n\n".join([paragraph] * 600))
    process = _spawn(["clean", str(big)], subprocess.PIPE)
    assert process.stdout is not None
    assert process.stdout.readline() == b"# A long day\n"
    process.stdout.close()
    _assert_quiet(process)
