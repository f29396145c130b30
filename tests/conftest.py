"""Shared fixtures: one loaded extractor per test session (spaCy + knowledge load once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.config import Settings, load_dyad
from dyadwatch.models import Document, EventMention, FuzzyDate
from dyadwatch.pipeline import Extractor

SHARED = Path(__file__).resolve().parents[2] / "shared"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(Settings(), load_dyad("japan-korea"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent: the shared seeds and gold sets live beside the checkout")
    return SHARED


@pytest.fixture()
def code(extractor: Extractor):
    """Extract the events of one short text published on a given date."""

    def run(text: str, date: str | None = "2019-08-02", genre: str = "news") -> list[EventMention]:
        document = Document(
            id="t", text=text, source="test",
            published=FuzzyDate.parse(date) if date else None, genre=genre,  # type: ignore[arg-type]
        )
        return list(extractor.extract_one(document).mentions)

    return run
