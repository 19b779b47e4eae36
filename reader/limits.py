"""Limits on what the reader loads (a module of its own: the CLI reads it before loading)."""

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Inputs larger than this are refused unless --max-size raises the limit."""
