"""A URL's password is used for the one fetch and never kept or shown; a download that never
ends is given up on after an overall deadline (issue #12, items 7 and 10)."""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.cli import main
from reader.errors import ReaderError
from reader.fetch import fetch
from reader.sanitize import strip_credentials

ARTICLE = (
    "<!DOCTYPE html><html><head><title>Members only</title></head><body><article>"
    "<h1>Members only</h1>"
    + "".join(
        f"<p>Paragraph {i} of the private article says what the members decided, and why"
        " it matters to them.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
).encode()
AUTH = "Basic " + base64.b64encode(b"user:s3cret").decode()
DRIP_FOR = 60.0
"""Seconds a drip route keeps sending: a broken deadline fails the test instead of hanging."""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if self.path == "/private":
            if self.headers.get("Authorization") != AUTH:
                self._send(401, b"who are you?")
                return
            self._send(200, ARTICLE)
        elif self.path == "/drip":
            # Headers at once, then one byte at a time, never quite silent for long.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self._drip(b"x")
        elif self.path == "/drip-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self._drip(b"X-Slow: a\r\n")
        else:
            self._send(404, b"not here")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drip(self, piece: bytes) -> None:
        ends = time.monotonic() + DRIP_FOR
        try:
            while time.monotonic() < ends:
                self.wfile.write(piece)
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:  # the reader hung up: what the deadline is for
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_credentials_are_stripped_from_a_url():
    assert strip_credentials("https://user:pw@host/a?b#c") == "https://host/a?b#c"
    assert strip_credentials("http://user@host:8080/") == "http://host:8080/"
    assert strip_credentials("http://u:p@ss@host/x@y") == "http://host/x@y"
    assert strip_credentials("http://host/path@at") == "http://host/path@at"


def test_the_password_is_used_for_the_fetch_and_not_kept(server: str):
    source = fetch(f"http://user:s3cret@{server}/private")
    assert "Paragraph 5 of the private article" in source.text
    assert source.origin == f"http://{server}/private"


def test_a_url_password_is_never_stored_or_shown(
    server: str, temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    url = f"http://user:s3cret@{server}/private"
    assert main(["clean", "--format", "json", url]) == 0
    assert main(["notes", "add", url, "--quote", "Paragraph 2", "--note", "members"]) == 0
    assert main(["library"]) == 0
    assert main(["notes", "list", "--json"]) == 0
    assert main(["export", "--all", "-o", "-"]) == 0
    assert main(["export", "--all", "--format", "json", "-o", "-"]) == 0
    shown = capsys.readouterr()
    assert f"http://{server}/private" in shown.out
    assert "s3cret" not in shown.out + shown.err and "user:" not in shown.out
    stored = b"".join(p.read_bytes() for p in temp_store.rglob("*") if p.is_file())
    assert b"members" in stored and b"s3cret" not in stored


def test_an_error_about_a_url_does_not_show_its_password(server: str):
    with pytest.raises(ReaderError) as failed:
        fetch(f"http://user:s3cret@{server}/missing")
    assert "404" in str(failed.value) and "s3cret" not in str(failed.value)


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_download_that_never_ends_is_given_up_after_the_deadline(server: str, path: str):
    # Each byte comes well within the per-read timeout: only the overall deadline ends it.
    with pytest.raises(ReaderError, match=r"gave up after 1\.5 s"):
        fetch(f"http://{server}{path}", deadline=1.5)


def test_clean_takes_the_deadline_as_an_option(server: str, capsys: pytest.CaptureFixture[str]):
    assert main(["clean", "--timeout", "1", f"http://{server}/drip"]) == 2
    err = capsys.readouterr().err
    assert "gave up after 1 s" in err and err.count("\n") == 1


@pytest.mark.parametrize("value", ["0", "-1", "inf", "nan"])
def test_a_bad_deadline_is_one_line(value: str, capsys: pytest.CaptureFixture[str]):
    assert main(["clean", "--timeout", value, "http://127.0.0.1:9/"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_a_password_an_older_reader_stored_is_not_shown(
    temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    from reader.records import ArticleRecord
    from store.library import Library

    url = "https://user:s3cret@example.org/story"
    Library(temp_store).save_article(ArticleRecord(id="old", title="Old", source=url))
    assert main(["library"]) == 0
    out = capsys.readouterr().out
    assert "example.org/story" in out and "s3cret" not in out


def test_the_reader_takes_the_deadline_too(server: str, capsys: pytest.CaptureFixture[str]):
    # A URL is downloaded before the UI starts: the deadline ends it in one line.
    assert main(["--timeout", "1", f"http://{server}/drip"]) == 2
    err = capsys.readouterr().err
    assert "gave up after 1 s" in err and err.count("\n") == 1
