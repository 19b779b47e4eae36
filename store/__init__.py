"""store: the TinyDB library of articles and annotations. No widget imports.

The records it keeps (`reader.records`) belong to the reader core, which imports no store.
"""

from store.library import Library

__all__ = ["Library"]
