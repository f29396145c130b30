"""Where the API and the report get their figures: the merged events, the relation index, issue
salience and alerts of ``dyadwatch.analyze``, read from the store and shaped as ``schemas``.

Nothing is computed here that the analysis layer does not define: an *event* is a row of the
``events`` table (mentions of one happening merged, see ``analyze.merge``), the index and
salience come from ``analyze.index`` and the alerts are those ``dyadwatch analyze`` stored.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from ..analyze.alerts import alert_method
from ..analyze.index import (
    PRECISIONS,
    SALIENCE_METHOD,
    SOURCES,
    check_freq,
    direction_codes,
    events_in_window,
    index_directions,
    index_frame,
    index_method,
    issue_labels,
    load_events,
    parse_period,
    period_of,
    period_starts,
    salience_frame,
)
from ..analyze.polls import poll_series
from ..analyze.refresh import reading_dyad, settings_used
from ..analyze.settings import FREQS, AnalysisSettings
from ..analyze.tone import TONE_GENRES
from ..config import Dyad
from ..errors import QueryError, StoreError
from ..models import PLOVER_TYPES
from ..store import EventFilter, Store
from ..store.queries import actor_label, cell_value, frame_records
from . import schemas


class DataError(QueryError):
    """A request the data layer cannot answer (bad frequency, direction or source): HTTP 400."""


def _exists(db_path: str) -> None:
    if not Path(db_path).exists():
        raise StoreError(
            f"no database at {db_path}; run `dyadwatch run PATH --db {db_path}` "
            "first or give the right --db"
        )


def _value(value: Any) -> Any:
    return cell_value(value, timestamps_as_dates=True)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return frame_records(frame, timestamps_as_dates=True)


def _date(value: Any) -> dt.date | None:
    value = _value(value)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(value).date()


class DataSource:
    """Read-only figures from one dyadwatch database for one dyad.

    Each call opens the database read-only and closes it again, so ``dyadwatch run`` can add to
    the file between requests; ``session()`` holds one connection for a batch of calls. Build it
    with ``DataSource.open``, which takes the dyad and the analysis settings the events were
    built with from the database.
    """

    def __init__(
        self, db_path: str | Path, dyad: Dyad, analysis: AnalysisSettings | None = None
    ) -> None:
        self.db_path = str(db_path)
        self.dyad = dyad
        self.labels = issue_labels(dyad)
        self.analysis = analysis or AnalysisSettings()
        self._local = threading.local()  # the store a session() holds, per thread

    @classmethod
    def open(
        cls,
        db_path: str | Path,
        dyad: Dyad | None = None,
        analysis: AnalysisSettings | None = None,
    ) -> DataSource:
        """A data source over ``db_path`` for the dyad its events were built for (``dyad``, when
        given, must be that one: ``DyadMismatchError`` otherwise), described with the settings
        its events and alerts were built with (``analysis`` before the first rebuild). Raises
        ``StoreError`` at once when the database is missing or unreadable."""
        _exists(str(db_path))
        with Store(str(db_path), read_only=True) as store:
            chosen = reading_dyad(store, dyad)
            used = settings_used(store, analysis)
        return cls(db_path, chosen, used)

    # --- connections ----------------------------------------------------------------------------

    def check(self) -> None:
        """Raise ``StoreError`` now when the database cannot be opened for reading."""
        _exists(self.db_path)
        with self._store():
            pass

    @contextmanager
    def session(self) -> Iterator[DataSource]:
        """Keep one read-only connection open for the calls made inside the block."""
        if getattr(self._local, "store", None) is not None:
            yield self
            return
        with Store(self.db_path, read_only=True) as store:
            self._local.store = store
            try:
                yield self
            finally:
                self._local.store = None

    @contextmanager
    def _store(self) -> Iterator[Store]:
        held = getattr(self._local, "store", None)
        if held is not None:
            yield held
            return
        with Store(self.db_path, read_only=True) as store:
            yield store

    # --- naming ---------------------------------------------------------------------------------

    def directions(self) -> list[str]:
        return index_directions(self.dyad.countries)

    def _direction(self, direction: str | None) -> tuple[str, tuple[str, ...]]:
        try:
            return direction_codes(direction or "both", self.dyad.countries)
        except QueryError as exc:
            raise DataError(str(exc)) from exc

    def direction_label(self, code: str) -> str:
        """``A>B`` → ``JPN>KOR`` (stored codes as the API names them)."""
        a, b = self.dyad.countries
        return {"A>B": f"{a}>{b}", "B>A": f"{b}>{a}", "A<>B": f"{a}<>{b}"}.get(code, code)

    # --- overview -------------------------------------------------------------------------------

    def analysis_state(self, store: Store) -> schemas.AnalysisState:
        state = store.analysis_state()
        message = None
        if state["refreshed_at"] is None and state["mentions"]:
            message = (
                f"the {state['mentions']} mentions have not been merged into events yet; run "
                f"`dyadwatch analyze --db {self.db_path}`"
            )
        elif state["dyad"] is not None and state["dyad"] != self.dyad.id:
            message = (
                f"the events were rebuilt for {state['dyad']} since this view opened for "
                f"{self.dyad.id}; restart it to read them"
            )
        elif state["stale"]:
            message = (
                "mentions were added since the events were built; run "
                f"`dyadwatch analyze --db {self.db_path}` to bring them up to date"
            )
        return schemas.AnalysisState(
            refreshed_at=state["refreshed_at"], stale=state["stale"], message=message
        )

    def summary(self) -> schemas.Summary:
        with self._store() as store:
            counts = store.summary()
            row = store.query(
                "SELECT count(*) AS events, count(*) FILTER (WHERE direction <> 'other') AS "
                "dyadic, count(*) FILTER (WHERE date_first IS NULL) AS undated, "
                "min(date_first) AS first, max(date_last) AS last, "
                "(SELECT count(*) FROM document_duplicates) AS duplicates FROM events"
            ).iloc[0]
            by_type = store.query(
                "SELECT event_type, count(*) AS n FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
            )
            found = store.query("SELECT DISTINCT unnest(issues) AS issue FROM events ORDER BY 1")
            analysis = self.analysis_state(store)
        first, last = _date(row["first"]), _date(row["last"])
        return schemas.Summary(
            dyad=schemas.Dyad(id=self.dyad.id, name=self.dyad.name, countries=self.dyad.countries),
            documents=counts["documents"],
            duplicates=int(row["duplicates"]),
            sentences=counts["sentences"],
            mentions=counts["mentions"],
            events=int(row["events"]),
            dyadic_events=int(row["dyadic"]),
            undated_events=int(row["undated"]),
            polls=counts["polls"],
            skipped_inputs=counts["skipped"],
            date_min=first.isoformat() if first else None,
            date_max=last.isoformat() if last else None,
            events_by_type={r["event_type"]: int(r["n"]) for r in _records(by_type)},
            event_types=list(PLOVER_TYPES),
            issues={i: self.labels.get(i, i) for i in found["issue"].tolist()},
            directions=self.directions(),
            freqs=list(FREQS),
            alert_freqs=self.alert_freqs(),
            alert_directions=self.alert_directions(),
            tone_genres=list(TONE_GENRES),
            analysis=analysis,
        )

    # --- events ---------------------------------------------------------------------------------

    def events(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        event_type: str | None = None,
        actor: str | None = None,
        issue: str | None = None,
        direction: str | None = None,
        freq: str | None = None,
        period: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> schemas.EventPage:
        """Events passing the filters in date order (undated last); ``QueryError`` on bad ones.

        ``period`` (with ``freq``, default month) keeps exactly the events an index point
        counts; ``direction`` is ``both``, ``JPN>KOR`` … or ``other``.
        """
        codes: tuple[str, ...] = ()
        if direction is not None:
            codes = (
                ("other",)
                if direction.strip().lower() == "other"
                else self._direction(direction)[1]
            )
        window = None
        if period is not None:
            wanted = check_freq(freq or "month")
            first, last = parse_period(wanted, period)
            window = (first, last, PRECISIONS[wanted])
        elif freq is not None:
            raise DataError("freq filters events only together with period (e.g. 2019-07)")
        filters = EventFilter.from_args(
            since=since,
            until=until,
            event_type=event_type,
            actor=actor,
            issue=issue,
            directions=codes,
            period=window,
            limit=limit,
            offset=offset,
        )
        with self._store() as store:
            total, frame = store.events(filters)
        items = [schemas.EventItem(**self._item_fields(row)) for row in _records(frame)]
        return schemas.EventPage(total=total, limit=limit, offset=offset, items=items)

    def _item_fields(self, row: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": row["id"],
            "date": row["date"],
            "date_precision": row["date_precision"],
            "date_first": _date(row["date_first"]),
            "date_last": _date(row["date_last"]),
            "event_type": row["event_type"],
            "mode": row["mode"],
            "actors": row["actor_label"] or "",
            "recipients": row["recipient_label"] or "",
            "actor_countries": list(row["actor_countries"] or ()),
            "recipient_countries": list(row["recipient_countries"] or ()),
            "direction": self.direction_label(row["direction"]),
            "dyadic": row["direction"] != "other",
            "negated": bool(row["negated"]),
            "hypothetical": bool(row["hypothetical"]),
            "issues": list(row["issues"] or ()),
            "goldstein": row["goldstein"],
            "plover_score": row["plover_score"],
            "quad_class": row["quad_class"],
            "tone": row["tone"],
            "confidence": row["confidence"],
            "quote": row["quote"],
            "quote_mention_id": row["quote_mention_id"],
            "n_mentions": row["n_mentions"],
            "n_documents": row["n_documents"],
            "n_sources": row["n_sources"],
            "weight": row["weight"],
            "doc_id": row.get("doc_id") or "",
            "title": row.get("doc_title"),
            "source": row.get("doc_source") or "",
        }

    def event(self, event_id: str) -> schemas.EventDetail | None:
        """One event with all its mentions, their sentences and documents; ``None`` when the id
        is unknown."""
        with self._store() as store:
            row, mentions, actors = store.event(event_id)
        if row is None:
            return None
        row = {key: _value(value) for key, value in row.items()}
        evidence = []
        for m in _records(mentions):
            start = m["sentence_start"]
            reported = json.loads(m["reported_by"]) if m["reported_by"] else None
            evidence.append(
                schemas.MentionEvidence(
                    id=m["id"],
                    sentence=m["sentence"],
                    evidence_start=max(0, m["ev_start"] - start),
                    evidence_end=min(len(m["sentence"]), m["ev_end"] - start),
                    rule=m["rule"],
                    confidence=m["confidence"],
                    event_type=m["event_type"],
                    date=m["date"],
                    date_precision=m["date_precision"],
                    date_source=m["date_source"],
                    negated=bool(m["negated"]),
                    hypothetical=bool(m["hypothetical"]),
                    modality=m["modality"],
                    reported_by=actor_label(reported) if isinstance(reported, dict) else None,
                    issues=list(m["issues"] or ()),
                    goldstein=m["goldstein"],
                    tone=m["tone"],
                    doc_id=m["doc_id"],
                    title=m["title"],
                    source=m["source"],
                    url=m["url"],
                    publisher=m["publisher"],
                    published=m["published"],
                    genre=m["genre"],
                    duplicate_of=m["duplicate_of"],
                    similarity=m["similarity"],
                )
            )
        quoted = evidence[0] if evidence else None
        fields = self._item_fields(
            {
                **row,
                "doc_id": quoted.doc_id if quoted else "",
                "doc_title": quoted.title if quoted else None,
                "doc_source": quoted.source if quoted else "",
            }
        )
        return schemas.EventDetail(
            **fields,
            actor_details=[schemas.ActorDetail(**a) for a in _records(actors)],
            cameo_root=row["cameo_root"],
            mentions=evidence,
        )

    # --- series ---------------------------------------------------------------------------------

    def _events_frame(self, store: Store, source: str) -> pd.DataFrame:
        if source not in SOURCES:
            raise DataError(f"unknown source {source!r}; use {' or '.join(SOURCES)}")
        return load_events(
            store, self.dyad.countries, source=source, weighting=self.analysis.weight
        )

    def index(
        self,
        freq: str = "month",
        direction: str = "both",
        since: str | None = None,
        until: str | None = None,
        source: str = "dyadwatch",
    ) -> schemas.IndexSeries:
        check_freq(freq)
        label, codes = self._direction(direction)
        with self._store() as store:
            frame = events_in_window(self._events_frame(store, source), since, until)
            tones = store.event_mention_tones() if source == "dyadwatch" else None
        rows = _records(index_frame(frame, freq, {label: codes}, tones=tones))
        points = [
            schemas.IndexPoint(
                period=r["period"],
                start=_date(r["start"]),
                end=_date(r["end"]),
                value=r["goldstein_mean"],
                goldstein_sum=r["goldstein_sum"],
                plover_mean=r["plover_mean"],
                plover_sum=r["plover_sum"],
                tone_by_genre={
                    genre: schemas.GenreTone(mean=r[f"tone_{genre}"], sentences=n)
                    for genre in TONE_GENRES
                    if (n := r.get(f"tone_{genre}_n") or 0)
                },
                gdelt_avg_tone=r.get("gdelt_avg_tone"),
                events=r["events"],
                scored=r["scored"],
                hypothetical=r["hypothetical"],
                negated=r["negated"],
                mentions=r["mentions"],
                weight=r["weight"],
                cooperation=r["cooperation"],
                conflict=r["conflict"],
                quad_classes={str(q): r[f"quad{q}"] for q in (1, 2, 3, 4)},
                types={t: r[t] for t in PLOVER_TYPES if r[t]},
                event_ids=list(r["event_ids"]),
            )
            for r in rows
        ]
        return schemas.IndexSeries(
            freq=freq,  # type: ignore[arg-type]
            direction=label,
            source=source,  # type: ignore[arg-type]
            method=index_method(self.analysis.weight, source),
            points=points,
        )

    def issues(
        self,
        freq: str = "month",
        since: str | None = None,
        until: str | None = None,
        direction: str = "both",
    ) -> schemas.IssueSeries:
        check_freq(freq)
        label, codes = self._direction(direction)
        with self._store() as store:
            frame = events_in_window(self._events_frame(store, "dyadwatch"), since, until)
        salience = salience_frame(frame, freq, codes, self.labels)
        rows = _records(salience)
        points = [
            schemas.IssuePoint(
                period=r["period"],
                start=_date(r["start"]),
                end=_date(r["end"]),
                issue=r["issue"],
                label=r["label"],
                events=r["events"],
                share=r["share"],
            )
            for r in sorted(rows, key=lambda r: (r["start"], r["issue"]))
        ]
        # The share's base: every event of the period in the direction, tagged or not.
        dated = frame[
            frame["direction"].isin(list(codes))
            & frame["date_first"].notna()
            & frame["date_precision"].isin(PRECISIONS[freq])
        ]
        totals: dict[str, int] = {}
        if not dated.empty:
            for start, n in period_starts(dated["date_first"], freq).value_counts().items():
                totals[period_of(freq, start)[0]] = int(n)
        found = sorted({p.issue for p in points})
        return schemas.IssueSeries(
            freq=freq,  # type: ignore[arg-type]
            direction=label,
            method=SALIENCE_METHOD,
            issues={issue: self.labels.get(issue, issue) for issue in found},
            totals=dict(sorted(totals.items())),
            points=points,
        )

    def alert_freqs(self) -> list[str]:
        """The frequencies ``dyadwatch analyze`` computes alerts at (in the order of ``FREQS``)."""
        return [f for f in FREQS if f in self.analysis.alerts.freqs]

    def alert_directions(self) -> list[str]:
        """The directions alerts are computed for, as the API names them (``both``,
        ``JPN>KOR`` …)."""
        return [self.direction_label(d) for d in self.analysis.alerts.directions]

    def alerts(
        self,
        freq: str = "month",
        since: str | None = None,
        until: str | None = None,
        direction: str = "both",
    ) -> schemas.AlertList:
        """The stored alerts of one frequency and direction (``dyadwatch analyze`` makes them).
        A frequency or direction the analysis does not compute is a ``DataError`` naming those
        it does, not an empty list that would read as "no sharp moves"."""
        check_freq(freq)
        label, codes = self._direction(direction)
        stored = "both" if label == "both" else codes[0]
        if freq not in self.analysis.alerts.freqs:
            raise DataError(
                f"alerts are not computed by {freq}, only by {', '.join(self.alert_freqs())}; "
                "add it to extra.analysis.alerts.freqs in dyadwatch.yaml and run "
                f"`dyadwatch analyze --db {self.db_path}`"
            )
        if stored not in self.analysis.alerts.directions:
            raise DataError(
                f"alerts are not computed for {label}, only for "
                f"{', '.join(self.alert_directions())}; add it to "
                "extra.analysis.alerts.directions in dyadwatch.yaml and run "
                f"`dyadwatch analyze --db {self.db_path}`"
            )
        bounds = EventFilter.from_args(since=since, until=until)
        with self._store() as store:
            frame = store.alerts(
                freq=freq, directions=(stored,), since=bounds.since, until=bounds.until
            )
        items = []
        for r in _records(frame):
            start = _date(r["period_start"])
            assert start is not None
            period, end = period_of(freq, start)
            items.append(
                schemas.Alert(
                    id=r["id"],
                    freq=freq,  # type: ignore[arg-type]
                    period=period,
                    start=start,
                    end=end,
                    direction=label,
                    kind=r["kind"],
                    value=r["value"],
                    baseline=r["baseline"],
                    threshold=r["threshold"],
                    change=round(r["value"] - r["baseline"], 4),
                    events=r["n_events"],
                    message=r["message"],
                    event_ids=list(r["event_ids"] or ()),
                )
            )
        return schemas.AlertList(
            freq=freq,  # type: ignore[arg-type]
            direction=label,
            method=alert_method(self.analysis.alerts),
            computed_freqs=self.alert_freqs(),
            computed_directions=self.alert_directions(),
            items=items,
        )

    # --- polls and documents --------------------------------------------------------------------

    def polls(self) -> schemas.PollList:
        with self._store() as store:
            series = poll_series(store)
            # The sentence holding the figure (the evidence alone may be just "59%").
            quotes = store.query(
                "SELECT p.doc_id, p.idx, coalesce((SELECT s.text FROM sentences s "
                "WHERE s.doc_id = p.doc_id AND s.span_start <= p.ev_start "
                "AND p.ev_end <= s.span_end ORDER BY s.idx LIMIT 1), "
                "substr(d.text, p.ev_start + 1, p.ev_end - p.ev_start)) AS quote "
                "FROM polls p JOIN documents d ON d.id = p.doc_id"
            )
        said = {(q["doc_id"], q["idx"]): q["quote"] for q in _records(quotes)}
        items = [
            schemas.PollItem(
                **{k: v for k, v in row.items() if k in schemas.PollItem.model_fields},
                quote=" ".join(str(said.get((row["doc_id"], row["idx"]), "")).split()),
            )
            for row in _records(series)
        ]
        items.sort(key=lambda p: (p.start is None, p.start or dt.date.min, p.doc_id, p.idx))
        names = list(dict.fromkeys(p.series for p in items))
        return schemas.PollList(total=len(items), series=names, items=items)

    def documents(self, limit: int = 100, offset: int = 0) -> schemas.DocumentPage:
        sql = """
            SELECT d.id, d.source, d.title, d.url, d.publisher, d.published, d.genre, d.n_chars,
                (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS n_mentions,
                (SELECT count(DISTINCT em.event_id) FROM mentions m JOIN event_mentions em
                 ON em.mention_id = m.id WHERE m.doc_id = d.id) AS n_events,
                dd.duplicate_of, dd.similarity
            FROM documents d LEFT JOIN document_duplicates dd ON dd.doc_id = d.id
            ORDER BY d.published_first NULLS LAST, d.added_at, d.id
            LIMIT ? OFFSET ?
        """
        with self._store() as store:
            total = int(store.query("SELECT count(*) AS n FROM documents")["n"][0])
            rows = _records(store.query(sql, [limit, offset]))
        items = [schemas.DocumentItem(**row) for row in rows]
        return schemas.DocumentPage(total=total, limit=limit, offset=offset, items=items)

    # --- for the report -------------------------------------------------------------------------

    def top_events(self, freq: str = "month", per_period: int = 3) -> list[schemas.PeriodEvents]:
        """For each period of the index (both directions), its ``per_period`` scored events with
        the strongest weighted pull (weight × |Goldstein|), each with all its mentions."""
        with self.session(), self._store() as store:
            frame = self._events_frame(store, "dyadwatch")
            series = self.index(freq)
            by_id = frame.set_index("id")
            periods = []
            for point in series.points:
                ids = [i for i in point.event_ids if i in by_id.index]
                part = by_id.loc[ids]
                part = part[~part["negated"].astype(bool) & ~part["hypothetical"].astype(bool)]
                pull = part["weight"].astype(float) * part["goldstein"].astype(float).abs()
                chosen = pull.fillna(0).sort_values(ascending=False, kind="stable").index
                events = [e for e in (self.event(i) for i in chosen[:per_period]) if e]
                periods.append(
                    schemas.PeriodEvents(
                        period=point.period,
                        start=point.start,
                        end=point.end,
                        index=point.value,
                        events=events,
                    )
                )
        return periods
