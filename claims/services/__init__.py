"""Every write to the database goes through these functions (DESIGN.md)."""

from claims.services.articles import IngestResult, article_ingest
from claims.services.extraction import article_extract, article_fail

__all__ = ["IngestResult", "article_extract", "article_fail", "article_ingest"]
