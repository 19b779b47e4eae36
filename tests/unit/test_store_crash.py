"""Kill a writer at random moments: the store always opens and keeps every reported note."""

from __future__ import annotations

import multiprocessing
import os
import random
import select
import signal
import time
from pathlib import Path

from reader.records import AnnotationRecord, ArticleRecord
from store.library import Library

KILLS = 200
ARTICLES = [f"article{i}" for i in range(8)]


def _write_until_killed(folder: Path, report: int, seed: int) -> None:
    """Child: save articles and notes forever, reporting each note id once it is saved."""
    rng = random.Random(seed)
    library = Library(folder)
    while True:
        article_id = rng.choice(ARTICLES)
        if rng.random() < 0.2:
            library.save_article(
                ArticleRecord(id=article_id, title=article_id, source="/x", text="text " * 50)
            )
        note = AnnotationRecord(
            article_id=article_id, exact="text", start=0, end=4, note=f"seed {seed}"
        )
        library.save_annotation(note)
        os.write(report, f"{note.id}\n".encode())


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _first_report(fd: int) -> bytes:
    """Block until the child has saved a note (so the kill lands among saves)."""
    # Generous: on a loaded CI machine a forked writer can take a while to start.
    ready, _, _ = select.select([fd], [], [], 120)
    assert ready, "the writer saved nothing in 120 s"
    return os.read(fd, 65536)


def test_sigkilled_writer_never_loses_a_reported_note(tmp_path: Path):
    fork = multiprocessing.get_context("fork")
    rng = random.Random(1234)
    reported: set[str] = set()
    waited = 0
    for round_ in range(KILLS):
        read_end, write_end = os.pipe()
        child = fork.Process(target=_write_until_killed, args=(tmp_path, write_end, round_))
        child.start()
        os.close(write_end)
        output = b""
        # Most kills come while notes are being written; some while the writer starts up.
        if rng.random() < 0.8:
            output = _first_report(read_end)
            waited += 1
        time.sleep(rng.uniform(0.0, 0.02))
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        output += _read_all(read_end)
        os.close(read_end)
        # A line cut by the kill was never a complete report.
        reported.update(line for line in output.decode().split("\n")[:-1] if line)

        library = Library(tmp_path)  # must open after every kill
        kept = {note.id for a in ARTICLES for note in library.annotations(a)}
        library.close()
        assert reported <= kept, f"round {round_}: lost {len(reported - kept)} notes"
    assert len(reported) >= waited
