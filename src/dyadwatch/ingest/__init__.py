"""Ingest: files, folders, glob patterns and stdin JSONL → Documents (or skipped inputs).

``read_inputs`` is the entry point; the modules behind it are
:mod:`~dyadwatch.ingest.readers` (paths, formats, encodings, JSON/JSONL),
:mod:`~dyadwatch.ingest.html` (HTML pages), :mod:`~dyadwatch.ingest.text` (normalisation and
page chrome), :mod:`~dyadwatch.ingest.threads` (posts and comments),
:mod:`~dyadwatch.ingest.pubdate` (publication dates) and :mod:`~dyadwatch.ingest.documents`
(assembly, ids and genre).
"""

from __future__ import annotations

from .documents import SourceInfo, build_document, text_id
from .html import read_html
from .pubdate import parse_date_text, resolve_publication
from .readers import read_file, read_inputs, record_to_document
from .threads import split_posts

__all__ = [
    "SourceInfo",
    "build_document",
    "parse_date_text",
    "read_file",
    "read_html",
    "read_inputs",
    "record_to_document",
    "resolve_publication",
    "split_posts",
    "text_id",
]
