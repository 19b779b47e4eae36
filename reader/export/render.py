"""Rendering the export model with Jinja2 templates: the built-in ones or the user's own file."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reader.errors import ReaderError
from reader.export import escape, note_markdown
from reader.export.limited import one_line, render_limited
from reader.export.model import ExportArticle

BUILTIN_TEMPLATES = ("default", "obsidian", "plain")

_OBSIDIAN_TAG = re.compile(r"[^\w/-]+")


def obsidian_tag(tag: str) -> str:
    """A tag as Obsidian accepts it: no spaces or punctuation, not only digits."""
    cleaned = _OBSIDIAN_TAG.sub("-", escape.one_line(tag).strip().lstrip("#")).strip("-")
    if not cleaned:
        return ""
    return f"tag-{cleaned}" if cleaned.replace("/", "").isdigit() else cleaned


def _obsidian_quote(text: str, links: Sequence[escape.QuoteLink] = ()) -> str:
    return escape.blockquote(text, "obsidian", mark=True, links=links)


FILTERS: dict[str, Callable[..., Any]] = {
    "md": escape.markdown_block,
    "note": note_markdown.note,
    "quote": escape.blockquote,
    "mark_quote": _obsidian_quote,
    "inline": escape.inline,
    "heading": escape.heading,
    "code": escape.code_span,
    "yaml": escape.yaml_scalar,
    "dest": escape.link_destination,
    "obsidian_tag": obsidian_tag,
}


def _configure(env: jinja2.Environment) -> jinja2.Environment:
    env.filters.update(FILTERS)
    return env


_OPTIONS: dict[str, Any] = {
    "autoescape": False,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    "undefined": jinja2.StrictUndefined,
}


@cache
def _builtin_environment() -> jinja2.Environment:
    loader = jinja2.PackageLoader("reader.export", "templates")
    return _configure(jinja2.Environment(loader=loader, **_OPTIONS))


@cache
def _user_environment() -> jinja2.Environment:
    # A template file may come from anywhere: it gets no access to Python internals.
    return _configure(ImmutableSandboxedEnvironment(**_OPTIONS))


@dataclass(frozen=True, slots=True)
class Template:
    jinja: jinja2.Template | None
    """A built-in template, compiled (None for a user's file)."""
    label: str
    """Its name or path, for error messages."""
    source: str = ""
    """A user's file: compiled and rendered with bounded time, output and memory in a child
    process (export/limited.py): compiling works out constant expressions (`"x" * 10**10`,
    `"x"|center(10**10)`) too."""


TEMPLATE_FILE_MAX = 1_000_000
"""Bytes: a template file larger than this is refused."""


def load_template(name_or_path: str | Path) -> Template:
    """A built-in template by name ("default", "obsidian", "plain") or a template file."""
    if isinstance(name_or_path, str) and name_or_path in BUILTIN_TEMPLATES:
        name = f"{name_or_path}.md.j2"
        return Template(_builtin_environment().get_template(name), name)
    path = Path(name_or_path)
    names = ", ".join(BUILTIN_TEMPLATES)
    try:
        if not path.is_file():  # a named pipe would block the read for ever
            what = "no such template file" if not path.exists() else "not a regular file"
            raise ReaderError(f"{path}: {what} (built-in: {names})")
        if path.stat().st_size > TEMPLATE_FILE_MAX:
            raise ReaderError(f"{path}: a template file over {TEMPLATE_FILE_MAX:,} bytes")
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ReaderError(f"{path}: cannot read the template ({one_line(str(error))})") from None
    try:
        _user_environment().parse(source)  # syntax errors now, with their line
    except jinja2.TemplateSyntaxError as error:
        raise ReaderError(f"{path}:{error.lineno}: {one_line(error.message or '')}") from None
    except (RecursionError, MemoryError):
        raise ReaderError(f"{path}: the template is nested too deeply to read") from None
    return Template(None, str(path), source)


def render(template: Template, article: ExportArticle) -> str:
    """The template's text for one article, ending with one newline."""
    if template.jinja is None:
        text = render_limited(_user_environment(), template.source, template.label, article=article)
        return text.rstrip("\n") + "\n"
    try:
        text = template.jinja.render(article=article)
    except jinja2.TemplateError as error:
        raise ReaderError(f"{template.label}: {error}") from None
    return text.rstrip("\n") + "\n"
