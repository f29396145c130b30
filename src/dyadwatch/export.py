"""``export``: the merged events (``events`` table) as CSV, Parquet, PLOVER JSON or GDELT rows.

Formats (docs/export.md has the column lists):

- ``csv``: one row per event with every ``events`` column, plus ``mention_ids``, ``doc_ids`` and
  ``source_urls`` (the event's mentions and their documents, earliest published first). List
  columns are JSON arrays, so a value never collides with the CSV separator.
- ``parquet``: the same columns; list columns are Parquet lists.
- ``plover-json``: one JSON object per line in the PLOVER 2.0 event layout (``id``, ``date``,
  ``actor``, ``recipient``, ``event``, ``mode``, ``context``, ``event_text``, ``quad_code``,
  ``event_scale``, ``cite_info`` …) with dyadwatch's extra fields named after its columns.
- ``gdelt``: tab-separated rows without a header in GDELT 1.0's 58-column order, filled where
  dyadwatch knows the value and empty where it does not; ``import-gdelt`` reads them back.

By default only the events between the dyad's two countries are written, in the sense used
everywhere else (run, analyze, the index, the API): ``direction`` is ``A>B``, ``B>A`` or ``A<>B``
(``store.derived.DYADIC``), not ``other``. ``dyadic_only=False`` writes every stored event.

The actor and recipient sides (labels, PLOVER entities, GDELT actor names and codes) are built
from the actors of all the event's mentions, grouped by country, so that they name the same
countries as ``actor_countries``/``recipient_countries``, which are the union over the mentions.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .config import Dyad, knowledge_path
from .errors import ExportError
from .gdelt import V1_COLUMNS
from .models import ActorRef
from .store import EventFilter, Store
from .store.derived import DYADIC
from .store.queries import actor_label, frame_records

FORMATS = ("csv", "parquet", "plover-json", "gdelt")
CODER = f"dyadwatch {__version__}"
CODEBOOK = "PLOVER 2.0 draft (event types and modes)"


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document that one of an event's mentions comes from."""

    id: str
    url: str | None
    source: str
    title: str | None
    publisher: str | None
    published: str | None
    language: str | None
    added_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class ExportedEvent:
    """A merged event with its mentions, documents and actors.

    ``actor_label``/``recipient_label`` are rebuilt from ``member_actors``/``member_recipients``
    (see ``side_label``), not copied from the ``events`` table, whose labels are the quoted
    mention's only.
    """

    id: str
    event_type: str
    mode: str | None
    date: str | None
    date_first: dt.date | None
    date_last: dt.date | None
    date_precision: str | None
    actor_countries: tuple[str, ...]
    recipient_countries: tuple[str, ...]
    actor_label: str | None
    recipient_label: str | None
    direction: str
    issues: tuple[str, ...]
    negated: bool
    hypothetical: bool
    cameo_root: str | None
    quad_class: int | None
    goldstein: float | None
    plover_score: float | None
    tone: float | None
    confidence: float
    n_mentions: int
    n_documents: int
    n_sources: int
    weight: float
    quote: str
    quote_mention_id: str
    mention_ids: tuple[str, ...]
    documents: tuple[SourceDocument, ...]
    contexts: tuple[str, ...]
    actors: tuple[ActorRef, ...]  # of the quoted mention
    recipients: tuple[ActorRef, ...]
    # Of every mention, the quoted one first, then in publication order; repeats are kept.
    member_actors: tuple[ActorRef, ...] = ()
    member_recipients: tuple[ActorRef, ...] = ()

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(doc.id for doc in self.documents)

    @property
    def source_urls(self) -> tuple[str, ...]:
        return tuple(doc.url for doc in self.documents if doc.url)


# The columns of the ``events`` table, in its order; csv/parquet output adds the links.
EVENT_COLUMNS = (
    "id", "event_type", "mode", "date", "date_first", "date_last", "date_precision",
    "actor_countries", "recipient_countries", "actor_label", "recipient_label", "direction",
    "issues", "negated", "hypothetical", "cameo_root", "quad_class", "goldstein", "plover_score",
    "tone", "confidence", "n_mentions", "n_documents", "n_sources", "weight", "quote",
    "quote_mention_id",
)  # fmt: skip
TABLE_COLUMNS = (*EVENT_COLUMNS, "mention_ids", "doc_ids", "source_urls")
_LIST_COLUMNS = {"actor_countries", "recipient_countries", "issues", *TABLE_COLUMNS[-3:]}


@dataclass(frozen=True, slots=True)
class ExportSummary:
    fmt: str
    events: int
    mentions: int
    path: str | None  # None: written to stdout


# --- reading the events ---------------------------------------------------------------------


def load_events(
    store: Store,
    dyad: Dyad,
    *,
    since: str | None = None,
    until: str | None = None,
    event_type: str | None = None,
    dyadic_only: bool = True,
) -> list[ExportedEvent]:
    """The stored merged events passing the filters, in date order (undated last).

    ``since``/``until`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) keep events whose date range
    overlaps; ``event_type`` is a PLOVER type. Bad values raise ``QueryError``. With
    ``dyadic_only`` only the events between the two countries are kept (``direction`` other
    than ``other``), as in the index. The stored direction codes refer to the dyad the events
    were merged for, so ``dyad`` plays no part in the selection.
    """
    checked = EventFilter.from_args(
        since=since,
        until=until,
        event_type=event_type,
        directions=DYADIC if dyadic_only else (),
    )
    where, params = checked.where()
    selected = f"SELECT e.id FROM events e {where}"
    events = store.query(
        f"SELECT e.* FROM events e {where} "
        "ORDER BY e.date_first NULLS LAST, e.date_last NULLS LAST, e.id",
        params,
    )
    links = store.query(
        "SELECT em.event_id, em.mention_id, m.context, d.id AS doc_id, d.url, d.source, "
        "d.title, d.publisher, d.published, d.language, d.added_at "
        "FROM event_mentions em LEFT JOIN mentions m ON m.id = em.mention_id "
        "LEFT JOIN documents d ON d.id = m.doc_id "
        f"WHERE em.event_id IN ({selected}) "
        "ORDER BY em.event_id, d.published_first NULLS LAST, d.id, m.ev_start, em.mention_id",
        params,
    )
    actors = store.query(
        "SELECT a.mention_id, a.side, a.text, a.country, a.sector, a.entity, a.role "
        "FROM mention_actors a "
        "WHERE a.mention_id IN (SELECT em.mention_id FROM event_mentions em "
        f"WHERE em.event_id IN ({selected})) "
        "ORDER BY a.mention_id, a.side, a.position",
        params,
    )
    return _assemble(events, links, actors)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return frame_records(frame)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _optional(kind: type, value: Any) -> Any:
    # A NULL in an integer column turns the whole DataFrame column into floats.
    return None if value is None else kind(value)


def _assemble(
    events: pd.DataFrame, links: pd.DataFrame, actors: pd.DataFrame
) -> list[ExportedEvent]:
    mentions: dict[str, list[str]] = {}
    documents: dict[str, dict[str, SourceDocument]] = {}
    contexts: dict[str, dict[str, None]] = {}
    for row in _records(links):
        event_id = row["event_id"]
        mentions.setdefault(event_id, []).append(row["mention_id"])
        if row["context"]:
            contexts.setdefault(event_id, {})[row["context"]] = None
        if row["doc_id"] is not None:
            documents.setdefault(event_id, {}).setdefault(
                row["doc_id"],
                SourceDocument(
                    id=row["doc_id"],
                    url=row["url"],
                    source=row["source"],
                    title=row["title"],
                    publisher=row["publisher"],
                    published=row["published"],
                    language=row["language"],
                    added_at=row["added_at"],
                ),
            )
    sides: dict[tuple[str, str], list[ActorRef]] = {}
    for row in _records(actors):
        ref = ActorRef(
            text=row["text"],
            country=row["country"],
            sector=row["sector"],
            entity=row["entity"],
            role=row["role"],
        )
        sides.setdefault((row["mention_id"], row["side"]), []).append(ref)
    result = []
    for row in _records(events):
        event_id = row["id"]
        quote_id = row["quote_mention_id"]
        members = [quote_id, *(m for m in mentions.get(event_id, ()) if m != quote_id)]
        member_actors = tuple(ref for m in members for ref in sides.get((m, "actor"), ()))
        member_recipients = tuple(ref for m in members for ref in sides.get((m, "recipient"), ()))
        actor_countries = tuple(row["actor_countries"] or ())
        recipient_countries = tuple(row["recipient_countries"] or ())
        values = {name: row[name] for name in EVENT_COLUMNS}
        values.update(
            quad_class=_optional(int, row["quad_class"]),
            n_mentions=int(row["n_mentions"]),
            n_documents=int(row["n_documents"]),
            n_sources=int(row["n_sources"]),
            negated=bool(row["negated"]),
            hypothetical=bool(row["hypothetical"]),
            date_first=_as_date(row["date_first"]),
            date_last=_as_date(row["date_last"]),
            actor_countries=actor_countries,
            recipient_countries=recipient_countries,
            actor_label=side_label(member_actors, actor_countries, row["actor_label"]),
            recipient_label=side_label(
                member_recipients, recipient_countries, row["recipient_label"]
            ),
            issues=tuple(row["issues"] or ()),
        )
        result.append(
            ExportedEvent(
                **values,
                mention_ids=tuple(mentions.get(event_id, ())),
                documents=tuple(documents.get(event_id, {}).values()),
                contexts=tuple(contexts.get(event_id, {})),
                actors=tuple(sides.get((quote_id, "actor"), ())),
                recipients=tuple(sides.get((quote_id, "recipient"), ())),
                member_actors=member_actors,
                member_recipients=member_recipients,
            )
        )
    return result


# --- one side of an event, grouped by country ------------------------------------------------


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO alpha-3 → English name, from the packaged ``countries.tsv``."""
    with knowledge_path("countries.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {row["iso3"].strip().upper(): row["name"].strip() for row in rows}


def country_name(code: str) -> str:
    """The country's name, or the code itself when the knowledge does not know it."""
    return _country_names().get(code, code)


def _grouped(refs: Sequence[ActorRef], countries: Sequence[str]) -> list[ActorRef]:
    """``refs`` reordered by country, in the order of ``countries``, each country's actors in
    order of first appearance; actors of no (or another) country come last."""
    rank = {country: index for index, country in enumerate(countries)}
    order = sorted(range(len(refs)), key=lambda i: (rank.get(refs[i].country or "", len(rank)), i))
    return [refs[i] for i in order]


def _label(ref: ActorRef) -> str:
    fields = {"entity": ref.entity, "text": ref.text, "country": ref.country, "sector": ref.sector}
    return actor_label(fields)


def side_label(
    refs: Sequence[ActorRef], countries: Sequence[str], stored: str | None = None
) -> str | None:
    """The distinct labels (``"Fumio Kishida (JPN GOV)"``) of one side's actors across all of an
    event's mentions, grouped by country in the order of ``countries`` and joined with "; ".
    Without any actor, the countries' names; without countries either, ``stored``."""
    if not refs:
        return "; ".join(country_name(c) for c in countries) if countries else stored
    return "; ".join(dict.fromkeys(_label(ref) for ref in _grouped(refs, countries)))


# --- the formats ----------------------------------------------------------------------------


def table_row(event: ExportedEvent, *, lists_as_json: bool) -> dict[str, Any]:
    """One csv/parquet row: the events columns, then the mention ids, doc ids and URLs."""
    row: dict[str, Any] = {name: getattr(event, name) for name in TABLE_COLUMNS}
    for name in _LIST_COLUMNS:
        row[name] = list(row[name])
        if lists_as_json:
            row[name] = json.dumps(row[name], ensure_ascii=False)
    for name in ("date_first", "date_last"):
        if lists_as_json and row[name] is not None:
            row[name] = row[name].isoformat()
    return row


def write_csv(events: Sequence[ExportedEvent], stream: IO[str]) -> None:
    writer = csv.DictWriter(stream, fieldnames=list(TABLE_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(table_row(event, lists_as_json=True))


PARQUET_SCHEMA = pa.schema(
    [
        (name, pa.list_(pa.string()))
        if name in _LIST_COLUMNS
        else (
            name,
            {
                "date_first": pa.date32(),
                "date_last": pa.date32(),
                "negated": pa.bool_(),
                "hypothetical": pa.bool_(),
                "quad_class": pa.int32(),
                "n_mentions": pa.int32(),
                "n_documents": pa.int32(),
                "n_sources": pa.int32(),
                "goldstein": pa.float64(),
                "plover_score": pa.float64(),
                "tone": pa.float64(),
                "confidence": pa.float64(),
                "weight": pa.float64(),
            }.get(name, pa.string()),
        )
        for name in TABLE_COLUMNS
    ]
)


def write_parquet(events: Sequence[ExportedEvent], stream: IO[bytes]) -> None:
    rows = [table_row(event, lists_as_json=False) for event in events]
    table = pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA)
    pq.write_table(table, stream)


def _entity(ref: ActorRef) -> dict[str, Any]:
    entity: dict[str, Any] = {"code": ref.country, "sector": ref.sector, "entity_text": ref.text}
    if ref.entity:
        entity["identifier_text"] = ref.entity
    if ref.role:
        entity["office"] = ref.role
    return {key: value for key, value in entity.items() if value is not None}


def _entities(refs: Sequence[ActorRef], countries: Sequence[str]) -> list[dict[str, Any]]:
    """One side's distinct actors across all of the event's mentions, grouped by country as in
    ``side_label``. A country none of them carries (which a consistent database never has) gets
    ``{"code": X, "identifier_text": its name}``."""
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    for ref in _grouped(refs, countries):
        key = (ref.country, ref.sector, ref.entity or ref.text, ref.role)
        found.setdefault(key, _entity(ref))
    entities = list(found.values())
    named = {entity.get("code") for entity in entities}
    entities += [
        {"code": country, "identifier_text": country_name(country)}
        for country in countries
        if country not in named
    ]
    return entities


def plover_record(event: ExportedEvent) -> dict[str, Any]:
    """The event as a PLOVER 2.0 JSON object (manual, chapter "Data Fields")."""
    date = event.date_first.isoformat() if event.date_first else None
    record: dict[str, Any] = {
        "id": event.id,
        "date": date,
        "actor": _entities(event.member_actors, event.actor_countries),
        "recipient": _entities(event.member_recipients, event.recipient_countries),
        "event": [event.event_type],
        "mode": [event.mode] if event.mode else [],
        "context": list(event.contexts),
        "event_text": [event.quote] if event.quote else [],
        "quad_code": event.quad_class,
        "event_scale": event.plover_score,
        "cite_info": [
            {
                "citation": doc.id,
                "url": doc.url,
                "title": doc.title,
                "publication": doc.publisher,
                "language": doc.language,
                "corpus": doc.source,
            }
            for doc in event.documents
        ],
        "coder": CODER,
        "codebook": CODEBOOK,
        "coded_date": dt.date.today().isoformat(),
        # dyadwatch's own fields
        "date_text": event.date,
        "date_precision": event.date_precision,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "direction": event.direction,
        "issues": list(event.issues),
        "cameo_root": event.cameo_root,
        "goldstein": event.goldstein,
        "tone": event.tone,
        "confidence": event.confidence,
        "weight": event.weight,
        "n_mentions": event.n_mentions,
        "n_documents": event.n_documents,
        "n_sources": event.n_sources,
        "story_ids": list(event.doc_ids),
        "mention_ids": list(event.mention_ids),
        "quote_mention_id": event.quote_mention_id,
    }
    if event.date_last and event.date_last != event.date_first:
        record["enddate"] = event.date_last.isoformat()
    return record


def write_plover(events: Sequence[ExportedEvent], stream: IO[str]) -> None:
    for event in events:
        stream.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")


def gdelt_event_id(event_id: str) -> int:
    """A stable integer stand-in for a dyadwatch event id (GDELT ids are integers): the first
    52 bits of its SHA-1, so it stays exact in a JSON or spreadsheet double."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:13], 16)


def _pick(countries: Sequence[str], preferred: Sequence[str]) -> str | None:
    for country in countries:
        if country in preferred:
            return country
    return countries[0] if countries else None


def gdelt_sides(event: ExportedEvent, dyad: Dyad) -> tuple[str | None, str | None]:
    """The countries of GDELT's Actor1 and Actor2 for ``event``; never the same one twice.

    Dyadic events follow their ``direction``: ``A>B`` gives (A, B), ``B>A`` (B, A), and a joint
    or two-way act ``A<>B`` ("Japan and South Korea agreed …") one row (A, B), as GDELT codes a
    joint act of two parties. Any other event (``--all-events``) takes one actor country, the
    dyad's first if present, then a recipient country other than that one, or else another
    actor country (a joint act on a third party or on one of its own).
    """
    a, b = dyad.countries
    acting, receiving = set(event.actor_countries), set(event.recipient_countries)
    if event.direction == "A>B" and a in acting and b in receiving:
        return a, b
    if event.direction == "B>A" and b in acting and a in receiving:
        return b, a
    if event.direction == "A<>B" and {a, b} <= acting | receiving:
        return a, b
    # "other", or codes that do not fit the countries (events merged for another dyad)
    first = _pick(event.actor_countries, dyad.countries)
    others = [c for c in event.recipient_countries if c != first] or [
        c for c in event.actor_countries if c != first
    ]
    return first, _pick(others, [c for c in dyad.countries if c != first])


def _side_refs(event: ExportedEvent, country: str, side: str) -> list[ActorRef]:
    """The actors of ``country`` across the event's mentions on GDELT ``side`` (Actor1: the
    actors, Actor2: the recipients), else on the other side (the partner in a joint act)."""
    pools = (event.member_actors, event.member_recipients)
    first, second = pools if side == "Actor1" else pools[::-1]
    return [r for r in first if r.country == country] or [r for r in second if r.country == country]


def _sector(refs: Iterable[ActorRef]) -> str:
    return next((ref.sector for ref in refs if ref.sector), "")


def _clean(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def gdelt_row(event: ExportedEvent, dyad: Dyad) -> list[str]:
    """The event in GDELT 1.0 column order (58 cells); see docs/export.md for each column."""
    cells = dict.fromkeys(V1_COLUMNS, "")
    cells["GLOBALEVENTID"] = str(gdelt_event_id(event.id))
    day = event.date_first
    if day is not None:
        cells["SQLDATE"] = day.strftime("%Y%m%d")
        cells["MonthYear"] = day.strftime("%Y%m")
        cells["Year"] = str(day.year)
        # GDELT's own approximation: (month * 30 + day) / 365 added to the year.
        cells["FractionDate"] = f"{day.year + (day.month * 30 + day.day) / 365:.4f}"
    for side, country in zip(("Actor1", "Actor2"), gdelt_sides(event, dyad), strict=True):
        if country is None:
            continue
        refs = _side_refs(event, country, side)
        sector = _sector(refs)
        names = dict.fromkeys(ref.entity or ref.text for ref in refs)
        cells[f"{side}Code"] = country + sector
        cells[f"{side}Name"] = _clean("; ".join(names) or country_name(country))
        cells[f"{side}CountryCode"] = country
        cells[f"{side}Type1Code"] = sector
    root = event.cameo_root or ""
    cells["EventCode"] = cells["EventBaseCode"] = cells["EventRootCode"] = root
    cells["QuadClass"] = _clean(event.quad_class)
    cells["GoldsteinScale"] = _clean(event.goldstein)
    cells["NumMentions"] = str(event.n_mentions)
    cells["NumSources"] = str(event.n_sources)
    cells["NumArticles"] = str(event.n_documents)
    added = [doc.added_at for doc in event.documents if doc.added_at is not None]
    cells["DATEADDED"] = min(added).strftime("%Y%m%d") if added else ""
    urls = event.source_urls
    fallback = event.documents[0].source if event.documents else ""
    cells["SOURCEURL"] = _clean(urls[0] if urls else fallback)
    return [cells[name] for name in V1_COLUMNS]


def write_gdelt(events: Sequence[ExportedEvent], stream: IO[str], dyad: Dyad) -> None:
    for event in events:
        stream.write("\t".join(gdelt_row(event, dyad)) + "\n")


# --- the entry point ------------------------------------------------------------------------


def export(
    store: Store,
    dyad: Dyad,
    fmt: str,
    out: Path | None,
    *,
    since: str | None = None,
    until: str | None = None,
    event_type: str | None = None,
    dyadic_only: bool = True,
    stdout: IO[str] | None = None,
) -> ExportSummary:
    """Write the merged events in ``fmt`` to ``out`` (``None`` or ``-``: standard output, or
    ``stdout`` when given). Raises ``ExportError`` for an unknown format or an unwritable file
    and ``QueryError`` for bad filters; a file is replaced only when the export succeeds."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    events = load_events(
        store,
        dyad,
        since=since,
        until=until,
        event_type=event_type,
        dyadic_only=dyadic_only,
    )
    to_stdout = out is None or str(out) == "-"
    if fmt == "parquet":
        buffer = io.BytesIO()
        write_parquet(events, buffer)
        data: bytes = buffer.getvalue()
    else:
        text = io.StringIO()
        if fmt == "csv":
            write_csv(events, text)
        elif fmt == "plover-json":
            write_plover(events, text)
        else:
            write_gdelt(events, text, dyad)
        data = text.getvalue().encode("utf-8")
    if to_stdout:
        _to_stdout(data, fmt, stdout)
        path = None
    else:
        assert out is not None
        _to_file(Path(out), data)
        path = str(out)
    return ExportSummary(
        fmt=fmt,
        events=len(events),
        mentions=sum(len(event.mention_ids) for event in events),
        path=path,
    )


def _to_stdout(data: bytes, fmt: str, stdout: IO[str] | None) -> None:
    stream = stdout or sys.stdout
    if fmt != "parquet":
        stream.write(data.decode("utf-8"))
        stream.flush()
        return
    binary = getattr(stream, "buffer", None)
    if binary is None:
        raise ExportError("parquet is binary and this output takes text; give --out FILE")
    binary.write(data)
    binary.flush()


def _to_file(path: Path, data: bytes) -> None:
    """Write through a temporary file beside ``path``, so a failed export leaves the old file."""
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name for --out")
    if not path.parent.exists():
        raise ExportError(f"folder {path.parent} does not exist; create it or choose another --out")
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc}") from exc


__all__ = [
    "FORMATS",
    "ExportError",
    "ExportSummary",
    "ExportedEvent",
    "export",
    "load_events",
]
