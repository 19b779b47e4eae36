"""Run a user's template with bounded time, output and memory, every failure one line.

Jinja's sandbox stops a template from reaching Python's internals, not from looping for
ever (`range` is capped at 100,000, but loops nest), building a string of gigabytes,
recursing or dividing by zero. So a template file renders in a forked child: the parent
stops it after TEMPLATE_SECONDS, the child stops itself past TEMPLATE_MAX_CHARS of output
or TEMPLATE_MEMORY more bytes of memory, and whatever goes wrong comes back as one line.
The built-in templates are ours and render in-process.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import time
from typing import Any

import jinja2

from reader.errors import ReaderError
from reader.sanitize import strip_control

TEMPLATE_SECONDS = 10.0
"""A template taking longer than this for one article is stopped."""
TEMPLATE_MAX_CHARS = 20_000_000
"""A template writing more than this for one article is stopped."""
TEMPLATE_MEMORY = 1 << 30
"""Bytes of memory a template may use beyond what the process holds when it starts."""

_OK, _FAILED = b"o", b"f"


def render_limited(environment: jinja2.Environment, source: str, label: str, **context: Any) -> str:
    """The template `source` compiled and rendered with `context` in a child process, or a
    one-line ReaderError."""
    if not hasattr(os, "fork"):  # pragma: no cover - every POSIX system has it
        return _render(environment, source, context).decode("utf-8", "surrogatepass")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render, send the result or the failure, and vanish
        os.close(read_end)
        try:
            payload = _OK + _render(environment, source, context)
        except BaseException as error:  # every failure is the template's
            payload = _FAILED + _describe(error).encode("utf-8", "replace")
        with contextlib.suppress(OSError):
            view = memoryview(payload)
            while view:
                view = view[os.write(write_end, view) :]
        os._exit(0)
    os.close(write_end)
    try:
        payload = _collect(read_end, pid, label)
    finally:
        os.close(read_end)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    if payload[:1] == _OK:
        return payload[1:].decode("utf-8", "surrogatepass")
    reason = payload[1:].decode("utf-8", "replace") or "it stopped without a word"
    raise ReaderError(f"{label}: {reason}")


def _collect(fd: int, pid: int, label: str) -> bytes:
    chunks: list[bytes] = []
    ends = time.monotonic() + TEMPLATE_SECONDS
    while True:
        left = ends - time.monotonic()
        ready = select.select([fd], [], [], max(0.0, left))[0] if left > 0 else []
        if not ready:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            raise ReaderError(
                f"{label}: stopped after {TEMPLATE_SECONDS:g} s (does it loop for ever?)"
            )
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


class _TooLong(Exception):
    pass


def _render(environment: jinja2.Environment, source: str, context: dict[str, Any]) -> bytes:
    _limit_memory()
    template = environment.from_string(source)
    parts: list[str] = []
    size = 0
    for part in template.generate(**context):
        size += len(part)
        if size > TEMPLATE_MAX_CHARS:
            raise _TooLong
        parts.append(part)
    return "".join(parts).encode("utf-8", "surrogatepass")


def _limit_memory() -> None:
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            held = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = held + TEMPLATE_MEMORY
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass  # no /proc (macOS): the time and output limits still hold


def _describe(error: BaseException) -> str:
    if isinstance(error, _TooLong):
        return f"stopped: it wrote more than {TEMPLATE_MAX_CHARS:,} characters for one article"
    if isinstance(error, MemoryError):
        return f"stopped: it needed more than {TEMPLATE_MEMORY >> 20:,} MB of memory"
    if isinstance(error, RecursionError):
        return "stopped: it calls itself too deeply (a macro that never stops recursing?)"
    if isinstance(error, TypeError) and "no loader" in str(error):
        return "a template file cannot include, import or extend another template"
    if isinstance(error, jinja2.TemplateError):
        return one_line(str(error))
    return f"{type(error).__name__}: {one_line(str(error))}"


def one_line(text: str, limit: int = 200) -> str:
    """An error's text as one short line, with nothing a terminal would act on."""
    line = " ".join(strip_control(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
