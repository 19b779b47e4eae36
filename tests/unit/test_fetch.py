"""Fetching a URL from a local HTTP server on 127.0.0.1."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reader.cli import main
from reader.errors import ReaderError
from reader.fetch import fetch
from reader.load import SourceKind

ARTICLE = (
    "<!DOCTYPE html><html><head><title>Local news</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    "<article><h1>Local news</h1>"
    + "".join(
        f"<p>Paragraph {i} of the article tells what happened in the town, and why it matters"
        " to the people who live there.</p>"
        for i in range(8)
    )
    + "</article><footer>Copyright 2024</footer></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/article": (200, "text/html; charset=utf-8", ARTICLE.encode()),
            "/latin1": (
                200,
                "text/plain; charset=iso-8859-1",
                "Ça coûte très cher.".encode("latin-1"),
            ),
            "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
            "/big": (200, "text/html", b"<p>" + b"x" * 3_000_000 + b"</p>"),
            "/missing": (404, "text/html", b"not here"),
        }
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
            return
        status, kind, body = routes.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_html_page_is_fetched_and_remembers_its_url(server):
    source = fetch(f"{server}/article")
    assert source.kind is SourceKind.HTML
    assert source.origin == f"{server}/article"
    assert "Paragraph 7 of the article" in source.text


def test_redirect_is_followed_and_the_final_url_kept(server):
    assert fetch(f"{server}/moved").origin == f"{server}/article"


def test_declared_charset_is_used(server):
    assert fetch(f"{server}/latin1").text == "Ça coûte très cher."


def test_clean_command_on_a_url_prints_the_article(server, capsys):
    assert main(["clean", f"{server}/article", "--format", "text", "--body-only"]) == 0
    out = capsys.readouterr().out
    assert "Paragraph 0 of the article" in out and "Paragraph 7" in out
    assert "Copyright" not in out


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/image", "image/png"),
        ("/missing", "404"),
        ("/loop", "redirects"),
    ],
)
def test_bad_urls_are_one_line_errors(server, path, message):
    with pytest.raises(ReaderError, match=message):
        fetch(f"{server}{path}")


def test_page_over_the_size_limit_is_refused(server):
    with pytest.raises(ReaderError, match="limit"):
        fetch(f"{server}/big", max_bytes=1_000_000)
    assert fetch(f"{server}/big", max_bytes=4_000_000).kind is SourceKind.HTML


def test_unreachable_host_says_cannot_connect(capsys):
    # Port 9 (discard) on localhost: nothing listens there, the connection is refused.
    assert main(["clean", "http://127.0.0.1:9/article"]) == 2
    err = capsys.readouterr().err
    assert "cannot connect" in err and err.count("\n") == 1


def test_timeout_is_reported(server):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection but never answers
    try:
        with pytest.raises(ReaderError, match="timed out"):
            fetch(f"http://127.0.0.1:{listener.getsockname()[1]}/", timeout=0.5)
    finally:
        listener.close()
