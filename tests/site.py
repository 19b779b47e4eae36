"""A web site on 127.0.0.1 for tests that follow links: the files of a folder, `/slow/...`
pages that answer only when the test lets them (to cancel a fetch while it waits), and
`/trickle/...` pages that send their first half at once and the rest when the test lets them
(to watch a download's progress)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Site:
    url: str
    """The site's root, without a final slash."""
    folder: Path
    release: threading.Event = field(default_factory=threading.Event)
    """Set it to let the `/slow/` pages answer, and the `/trickle/` pages finish."""
    requests: list[str] = field(default_factory=list)
    """Every path asked for, in order."""


class _Handler(SimpleHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:
        self.site.requests.append(self.path)
        if self.path.startswith("/slow/"):
            self.site.release.wait(60)
            self.path = self.path.removeprefix("/slow")
        if self.path.startswith("/trickle/"):
            self._trickle(self.site.folder / self.path.removeprefix("/trickle/"))
            return
        super().do_GET()

    def _trickle(self, path: Path) -> None:
        body = path.read_bytes()
        half = len(body) // 2
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[:half])
        self.wfile.flush()
        self.site.release.wait(60)
        with suppress(OSError):  # the reader hung up: cancelled
            self.wfile.write(body[half:])

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[Site]:
    """Serve `folder` on a free port of 127.0.0.1 while the block runs."""
    site = Site("", folder)
    handler = type("Handler", (_Handler,), {"site": site})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    httpd.daemon_threads = True
    site.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        httpd.shutdown()
        httpd.server_close()
