"""Errors a user sees as one line: the CLI prints them and exits non-zero."""


class ReaderError(Exception):
    """A failure explained to the user in one line (exit status 2)."""

    exit_status = 2
    errno: int | None = None
    """The system's error number behind it (EROFS: a read-only folder), if one is."""


class Cancelled(ReaderError):
    """The user stopped it (Esc while a page downloads)."""

    exit_status = 130
