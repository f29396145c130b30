"""dyadwatch: follow the relationship between two countries from text.

Public API::

    import dyadwatch
    results = dyadwatch.extract(["Japan protested to South Korea on Monday ..."])
    summary = dyadwatch.run(["examples/corpus"], settings=dyadwatch.Settings(db="my.duckdb"))
    with dyadwatch.Store("my.duckdb") as store:
        store.timeline(actor="JPN")      # a pandas DataFrame
"""

from __future__ import annotations

from .api import as_document, extract
from .config import Dyad, Settings, load_dyad, load_settings
from .models import (
    ActorRef,
    Document,
    DocumentResult,
    EventMention,
    Evidence,
    FuzzyDate,
    PollFigure,
    Post,
    Sentence,
    SkippedInput,
)
from .run import RunSummary, run
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "ActorRef", "Document", "DocumentResult", "Dyad", "EventMention", "Evidence", "FuzzyDate",
    "PollFigure", "Post", "RunSummary", "Sentence", "Settings", "SkippedInput", "Store",
    "as_document", "extract", "load_dyad", "load_settings", "run", "__version__",
]
