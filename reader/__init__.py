"""reader: the domain of the terminal reader. No Textual import lives here."""

__version__ = "0.1.0"
"""The one version: pyproject reads it, `reader --version` prints it."""
