"""The analysis layer: from stored mentions to events, the relation index and alerts.

``refresh(store, dyad)`` rebuilds the derived tables (near-duplicate documents, merged events and
their mentions, alerts) from what is stored; the lead stage of ``dyadwatch run`` calls it last.
``relation_index``, ``issue_salience`` and ``poll_series`` read the store into DataFrames. The
constants behind all of it live in ``AnalysisSettings`` (``settings.py``); ``docs/analysis.md``
explains them.
"""

from __future__ import annotations

from .alerts import Alert, compute_alerts, detect_alerts
from .dedup import DocumentText, Duplicate, find_duplicates
from .index import (
    direction_codes,
    index_frame,
    issue_labels,
    issue_salience,
    poll_series,
    relation_index,
    salience_frame,
)
from .merge import DocumentSource, Event, MentionFacts, direction_of, merge_mentions
from .refresh import AnalysisSummary, refresh
from .settings import (
    AlertSettings,
    AnalysisSettings,
    DedupSettings,
    MergeSettings,
    WeightSettings,
    analysis_settings,
)

__all__ = [
    "Alert",
    "AlertSettings",
    "AnalysisSettings",
    "AnalysisSummary",
    "DedupSettings",
    "DocumentSource",
    "DocumentText",
    "Duplicate",
    "Event",
    "MentionFacts",
    "MergeSettings",
    "WeightSettings",
    "analysis_settings",
    "compute_alerts",
    "detect_alerts",
    "direction_codes",
    "direction_of",
    "find_duplicates",
    "index_frame",
    "issue_labels",
    "issue_salience",
    "merge_mentions",
    "poll_series",
    "refresh",
    "relation_index",
    "salience_frame",
]
