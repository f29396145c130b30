"""The Python API: ``extract`` (stateless) and ``run`` (into a store)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .config import Dyad, Settings, load_dyad
from .errors import InputError
from .ingest.documents import SourceInfo, build_document
from .models import Document, DocumentResult, FuzzyDate, SkippedInput
from .pipeline import Extractor

DocumentLike = str | Document | Mapping[str, Any]


def as_document(item: DocumentLike, index: int = 0) -> Document:
    """A ``Document`` from a string, a ``Document`` or a JSONL-style mapping
    (``{"id", "text", "date"?, "title"?, "url"?, "source"?, "genre"?}``)."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        built = build_document(item, SourceInfo(source=f"text:{index}"))
    else:
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"item {index}", "missing text", "each item needs a non-empty 'text'")
        date = item.get("date")
        try:
            published = FuzzyDate.parse(date) if date else None
        except ValueError as exc:
            raise InputError(f"item {index}", "bad date", str(exc)) from exc
        info = SourceInfo(
            source=str(item.get("source") or f"item:{item.get('id', index)}"),
            input_format="jsonl",
            title=item.get("title"),
            url=item.get("url"),
            published=published,
            published_source="metadata" if published else "none",
            genre=item.get("genre"),
        )
        built = build_document(text, info)
    if isinstance(built, SkippedInput):
        raise InputError(built.source, built.reason, built.detail)
    return built


def extract(
    items: DocumentLike | Iterable[DocumentLike],
    *,
    dyad: str | Dyad | None = None,
    settings: Settings | None = None,
    extractor: Extractor | None = None,
) -> list[DocumentResult]:
    """Extract events (and polls) from texts or documents without any database."""
    settings = settings or Settings()
    if isinstance(items, str | Document | Mapping):
        items = [items]
    if extractor is None:
        resolved = dyad if isinstance(dyad, Dyad) else load_dyad(dyad or settings.dyad)
        extractor = Extractor(settings, resolved)
    documents = [as_document(item, i) for i, item in enumerate(items)]
    return list(extractor.extract(documents))
