"""Bad input is one line on stderr and a non-zero status: never a traceback or a hang
(issue #12, items 11 and 14)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import SAMPLES

ORCHARD = SAMPLES / "old-orchard-survey.txt"


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize("tui", [False, True], ids=["reader clean", "reader (the TUI)"])
def test_a_named_pipe_with_no_writer_is_refused_at_once(tmp_path: Path, tui: bool):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    store = tmp_path / "store"
    command = [str(fifo), "--store", str(store)] if tui else ["clean", str(fifo)]
    # In a child process: on a regression it would block for ever on the pipe.
    done = subprocess.run(
        [sys.executable, "-m", "reader", *command],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "named pipe" in done.stderr and done.stderr.count("\n") == 1
    assert not store.exists()


def test_a_device_is_refused(capsys: pytest.CaptureFixture[str]):
    assert main(["clean", "/dev/null"]) == 2
    assert "not a regular file" in _one_line_error(capsys)


@pytest.mark.parametrize("option", ["--note", "--tag", "--quote"])
def test_bytes_that_are_not_utf8_in_an_argument_are_one_line(
    option: str, capsys: pytest.CaptureFixture[str]
):
    # What Python makes of `--note $'\xff'` in a UTF-8 locale: a lone surrogate.
    value = os.fsdecode(b"\xe9t\xe9 \xff")
    argv = ["notes", "add", str(ORCHARD), "--quote", "orchard", option, value]
    if option == "--quote":
        argv = ["notes", "add", str(ORCHARD), "--quote", value]
    assert main(argv) == 2
    assert "not UTF-8" in _one_line_error(capsys)


def test_a_file_name_that_is_not_utf8_is_stored_and_found_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    odd = tmp_path / os.fsdecode(b"caf\xe9.txt")
    odd.write_bytes(ORCHARD.read_bytes())
    assert main(["notes", "add", str(odd), "--quote", "orchard", "--note", "kept"]) == 0
    assert main(["notes", "list", str(odd)]) == 0
    assert "kept" in capsys.readouterr().out


@pytest.mark.parametrize("size", ["inf", "nan", "1e308", "-inf", "0"])
def test_an_absurd_max_size_is_one_line(size: str, capsys: pytest.CaptureFixture[str]):
    assert main(["clean", f"--max-size={size}", str(ORCHARD)]) == 2
    assert "--max-size" in _one_line_error(capsys)


def test_restoring_from_a_file_that_is_not_a_backup_is_one_line(
    temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    assert main(["notes", "add", str(ORCHARD), "--quote", "orchard"]) == 0
    capsys.readouterr()
    before = (temp_store / "library.json").read_bytes()
    assert main(["store", "restore", "library.json", "--from", "/etc/passwd"]) == 2
    assert "not a usable backup" in _one_line_error(capsys)
    assert main(["store", "restore", "library.json", "--from", "/etc"]) == 2
    _one_line_error(capsys)
    assert (temp_store / "library.json").read_bytes() == before


def test_restore_writes_only_the_stores_own_files(
    temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    assert main(["notes", "add", str(ORCHARD), "--quote", "orchard"]) == 0
    capsys.readouterr()
    backup = temp_store / "backups" / "library.json.1"
    for name in ["notes.txt", "articles/x.md", ".lock", "notes/../../outside.json"]:
        assert main(["store", "restore", name, "--from", str(backup)]) == 2
        _one_line_error(capsys)
    assert not (temp_store / "notes.txt").exists()
    assert not (temp_store.parent / "outside.json").exists()


def test_two_restores_in_one_second_keep_both_replaced_files(
    temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    assert main(["notes", "add", str(ORCHARD), "--quote", "orchard"]) == 0
    backup = temp_store / "backups" / "library.json.1"
    for _ in range(3):
        assert main(["store", "restore", "library.json", "--from", str(backup)]) == 0
    kept = list((temp_store / "backups").glob("library.json.replaced-*"))
    assert len(kept) == 3


@pytest.mark.parametrize("size", ["inf", "nan", "1e308", "0"])
def test_an_absurd_max_size_for_the_reader_is_one_line_before_the_ui(
    size: str, capsys: pytest.CaptureFixture[str]
):
    assert main([f"--max-size={size}", str(ORCHARD)]) == 2
    assert "--max-size" in _one_line_error(capsys)
