"""store: the TinyDB library of articles and annotations. No widget imports."""

from store.library import Library
from store.records import AnnotationRecord, ArticleRecord

__all__ = ["AnnotationRecord", "ArticleRecord", "Library"]
