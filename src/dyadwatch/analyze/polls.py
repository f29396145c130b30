"""Poll series: every stored poll figure with the series it belongs to (population, subject,
measure, pollster) and the days its fieldwork covers. They are lines of their own beside the
relation index, never mixed into its scores."""

from __future__ import annotations

import pandas as pd

from ..models import FuzzyDate
from ..store import Store

POLL_COLUMNS = (
    "series", "population", "subject", "measure", "pollster", "year", "date", "start", "end",
    "value", "change", "doc_id", "idx", "title", "source",
)  # fmt: skip


def poll_series(store: Store) -> pd.DataFrame:
    """Every poll figure with the series (population, subject, measure, pollster) it belongs to
    and the days its fieldwork covers: lines of their own beside the index."""
    polls = store.polls()
    rows = []
    polls = polls.astype(object).where(polls.notna(), None)  # NA/NaN → None, not "nan"
    for row in polls.to_dict("records"):
        year = row.get("year")
        date = row.get("date")
        fuzzy = None
        if isinstance(date, str) and date:
            try:
                fuzzy = FuzzyDate.parse(date)
            except ValueError:
                fuzzy = None
        if fuzzy is None and year is not None and not pd.isna(year):
            fuzzy = FuzzyDate(int(year))
        pollster = row.get("pollster")
        pollster = None if pollster is None or (isinstance(pollster, float)) else str(pollster)
        series = f"{row.get('population') or '?'} on {row.get('subject') or '?'}: {row['measure']}"
        if pollster:
            series += f" ({pollster})"
        rows.append(
            {
                "series": series,
                "population": row.get("population"),
                "subject": row.get("subject"),
                "measure": row["measure"],
                "pollster": pollster,
                "year": None if year is None or pd.isna(year) else int(year),
                "date": date if isinstance(date, str) else None,
                "start": fuzzy.first_day() if fuzzy else None,
                "end": fuzzy.last_day() if fuzzy else None,
                "value": float(row["value"]),
                "change": None
                if row.get("change") is None or pd.isna(row["change"])
                else float(row["change"]),
                "doc_id": row["doc_id"],
                "idx": int(row["idx"]),
                "title": row.get("title"),
                "source": row.get("source"),
            }
        )
    return pd.DataFrame(rows, columns=list(POLL_COLUMNS))
