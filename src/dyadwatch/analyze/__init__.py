"""The analysis layer: from stored mentions to events, the relation index and alerts.

``refresh(store, dyad)`` rebuilds the derived tables (near-duplicate documents, merged events and
their mentions, alerts) from what is stored; the lead stage of ``dyadwatch run`` calls it last.
``relation_index``, ``issue_salience`` and ``poll_series`` read the store into DataFrames, for
the dyad the events were built for (``reading_dyad``). The constants behind all of it live in
``AnalysisSettings`` (``settings.py``); ``docs/analysis.md`` explains them.
"""

from __future__ import annotations

from .alerts import Alert, alert_method, compute_alerts, detect_alerts
from .dedup import DocumentText, Duplicate, find_duplicates
from .index import (
    check_freq,
    direction_codes,
    events_in_window,
    index_frame,
    index_method,
    issue_labels,
    issue_salience,
    relation_index,
    salience_frame,
)
from .merge import (
    DocumentSource,
    Event,
    MentionFacts,
    direction_of,
    event_direction,
    merge_mentions,
)
from .polls import poll_series
from .refresh import AnalysisSummary, DyadMismatchError, reading_dyad, refresh, settings_used
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
    "DyadMismatchError",
    "Event",
    "MentionFacts",
    "MergeSettings",
    "WeightSettings",
    "alert_method",
    "analysis_settings",
    "check_freq",
    "compute_alerts",
    "detect_alerts",
    "direction_codes",
    "direction_of",
    "event_direction",
    "events_in_window",
    "find_duplicates",
    "index_frame",
    "index_method",
    "issue_labels",
    "issue_salience",
    "merge_mentions",
    "poll_series",
    "reading_dyad",
    "refresh",
    "relation_index",
    "salience_frame",
    "settings_used",
]
