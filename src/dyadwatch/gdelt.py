"""Import GDELT 1.0/2.0 event export files as a second, separate source (``gdelt_events``).

GDELT event files are tab-separated, without a header, one event per line:

- GDELT 1.0 (daily ``YYYYMMDD.export.CSV.zip`` and the older backfiles): 58 columns, or 57 in
  files written before April 2013 (no ``SOURCEURL``); both kinds can occur in one file.
- GDELT 2.0 (15-minute ``YYYYMMDDHHMMSS.export.CSV.zip``): 61 columns (ADM2 codes added to the
  three geography blocks).

The version of a file is read from the column count of its first line. A file is read line by
line (plain, ``.zip`` or ``.gz``), so its size does not matter; kept rows are written in batches.

Which rows are kept: those whose ``Actor1CountryCode`` and ``Actor2CountryCode`` are the dyad's
two countries, in either direction. One-sided rows (one dyad country and another or no country)
and rows of one country with itself are counted in the summary but not stored, so that the
table holds what is comparable with dyadwatch's own dyadic events. GDELT's country codes are
CAMEO's, which equal ISO 3166 alpha-3 for both flagship countries (JPN, KOR) and most others.

Each kept row gets a PLOVER type and mode from its CAMEO code (``knowledge/cameo_plover.tsv``,
built by ``scripts/build_cameo_plover.py`` from the OEDA crosswalk). CAMEO 01 and 02 (statements
and appeals) have no PLOVER type; those rows are stored with ``plover_type`` empty.

Re-importing a file adds nothing: ``(global_event_id, gdelt_version)`` is the table's key.
A file that cannot be read, and each malformed line (up to ``MAX_LOGGED_LINES`` a file, then one
summary entry), is recorded in ``ingest_log``; the other files and lines go on.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gzip
import io
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from .config import Dyad, knowledge_path
from .errors import InputError, StoreError
from .models import SkippedInput
from .store import Store
from .store.schema import utcnow

_GEO_V1 = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
_GEO_V2 = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_EVENT = (
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
)  # fmt: skip


def _columns(geo: tuple[str, ...]) -> tuple[str, ...]:
    return (
        ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
        + tuple(f"Actor1{name}" for name in _ACTOR)
        + tuple(f"Actor2{name}" for name in _ACTOR)
        + _EVENT
        + tuple(f"{side}Geo_{name}" for side in ("Actor1", "Actor2", "Action") for name in geo)
        + ("DATEADDED", "SOURCEURL")
    )


# Column names in file order (GDELT 1.0 and 2.0 event codebooks).
V1_COLUMNS = _columns(_GEO_V1)
V2_COLUMNS = _columns(_GEO_V2)
assert len(V1_COLUMNS) == 58 and len(V2_COLUMNS) == 61

# Column count -> GDELT version. 57: a 1.0 backfile line without SOURCEURL.
VERSION_BY_WIDTH = {57: 1, 58: 1, 61: 2}
WIDTHS_BY_VERSION = {1: (57, 58), 2: (61,)}
MAX_LOGGED_LINES = 20
BATCH_ROWS = 10_000
FILE_SUFFIXES = (".csv", ".tsv", ".txt", ".zip", ".gz")
LINE_REASONS = ("malformed line", "malformed lines")


@dataclass(frozen=True, slots=True)
class GdeltEvent:
    """One GDELT event row as stored in ``gdelt_events`` (field order = table columns)."""

    global_event_id: int
    gdelt_version: int
    day: dt.date | None
    actor1_code: str | None
    actor1_name: str | None
    actor1_country: str | None
    actor1_type: str | None
    actor2_code: str | None
    actor2_name: str | None
    actor2_country: str | None
    actor2_type: str | None
    is_root_event: bool | None
    event_code: str | None
    event_base_code: str | None
    event_root_code: str | None
    plover_type: str | None
    plover_mode: str | None
    quad_class: int | None
    goldstein: float | None
    num_mentions: int | None
    num_sources: int | None
    num_articles: int | None
    avg_tone: float | None
    action_geo_country: str | None
    action_geo_name: str | None
    date_added: str | None
    source_url: str | None
    source_file: str


GDELT_COLUMNS = tuple(f.name for f in fields(GdeltEvent))
_SQL_TYPES = {
    "global_event_id": "BIGINT", "gdelt_version": "INTEGER", "day": "DATE",
    "is_root_event": "BOOLEAN", "quad_class": "INTEGER", "goldstein": "DOUBLE",
    "num_mentions": "INTEGER", "num_sources": "INTEGER", "num_articles": "INTEGER",
    "avg_tone": "DOUBLE",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PloverCode:
    event_type: str | None
    mode: str | None


@dataclass(slots=True)
class ImportSummary:
    """What ``import_gdelt`` did; ``skipped`` lists unreadable files and malformed lines."""

    files_read: int = 0
    rows_read: int = 0
    rows_malformed: int = 0
    rows_kept: int = 0  # both actors are the dyad's two countries
    rows_one_sided: int = 0  # one dyad country and another (or none): counted, not stored
    rows_new: int = 0
    rows_known: int = 0  # kept rows already in the database
    by_version: Counter[int] = field(default_factory=Counter)
    skipped: list[SkippedInput] = field(default_factory=list)
    seconds: float = 0.0
    run_id: int | None = None

    @property
    def rows_per_second(self) -> float:
        return self.rows_read / self.seconds if self.seconds > 0 else 0.0

    @property
    def files_skipped(self) -> int:
        return sum(1 for s in self.skipped if s.reason not in LINE_REASONS)

    def stats(self) -> dict[str, int]:
        return {
            "files_read": self.files_read,
            "files_skipped": self.files_skipped,
            "rows_read": self.rows_read,
            "rows_malformed": self.rows_malformed,
            "rows_kept": self.rows_kept,
            "rows_one_sided": self.rows_one_sided,
            "rows_new": self.rows_new,
            "rows_known": self.rows_known,
        }


# --- CAMEO -> PLOVER ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def cameo_plover() -> dict[str, PloverCode]:
    """The crosswalk in ``knowledge/cameo_plover.tsv``: CAMEO code -> PLOVER type and mode."""
    path = knowledge_path("cameo_plover.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return {
            row["cameo_code"]: PloverCode(row["plover_type"] or None, row["plover_mode"] or None)
            for row in csv.DictReader(lines, delimiter="\t")
        }


def plover_for(
    event_code: str | None, base: str | None = None, root: str | None = None
) -> PloverCode:
    """PLOVER type and mode of a CAMEO code; an unlisted code falls back to its base, then its
    root code (without a mode). Unknown or CAMEO 01/02: no type."""
    table = cameo_plover()
    if event_code and event_code in table:
        return table[event_code]
    for parent in (base, root, (event_code or "")[:3], (event_code or "")[:2]):
        if parent and parent in table:
            found = table[parent]
            return found if len(parent) > 2 else PloverCode(found.event_type, None)
    return PloverCode(None, None)


# --- reading files ----------------------------------------------------------------------------


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given; a folder stands for its files that may hold GDELT rows (``.csv``,
    ``.tsv``, ``.txt``, ``.zip``, ``.gz``, any case). Files of other kinds found there are
    reported as skipped by the import, not hidden; an empty folder stays in the list."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        inside = sorted(
            p for p in path.iterdir() if p.is_file() and p.suffix.lower() in FILE_SUFFIXES
        )
        found.extend(inside or [path])
    return found


@contextlib.contextmanager
def open_lines(path: Path) -> Iterator[Iterator[str]]:
    """The text lines of a plain, ``.zip`` (every member) or ``.gz`` file, read lazily.

    Raises ``InputError`` when the file is missing or not a readable archive.
    """
    if not path.exists():
        raise InputError(str(path), "not found")
    if path.is_dir():
        raise InputError(str(path), "folder without .csv, .tsv, .txt, .zip or .gz files")
    with contextlib.ExitStack() as stack:
        try:
            if path.suffix.lower() == ".zip" and not zipfile.is_zipfile(path):
                raise InputError(
                    str(path), "unreadable file", "not a valid zip archive (truncated or damaged?)"
                )
            if zipfile.is_zipfile(path):
                archive = stack.enter_context(zipfile.ZipFile(path))
                members = [m for m in archive.infolist() if not m.is_dir()]
                if not members:
                    raise InputError(str(path), "empty zip archive")
                yield _zip_lines(archive, members)
                return
            raw: IO[bytes]
            if path.suffix.lower() == ".gz":
                raw = stack.enter_context(gzip.open(path, "rb"))
            else:
                raw = stack.enter_context(path.open("rb"))
            text = stack.enter_context(
                io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="\n")
            )
            yield iter(text)
        except (OSError, zipfile.BadZipFile, EOFError) as exc:
            raise InputError(str(path), "unreadable file", f"{type(exc).__name__}: {exc}") from exc


def _zip_lines(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> Iterator[str]:
    for member in members:
        with (
            archive.open(member) as raw,
            io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="\n") as text,
        ):
            yield from text


def _text(value: str) -> str | None:
    value = value.strip()
    return value or None


def _int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value else None


def _float(value: str) -> float | None:
    value = value.strip()
    return float(value) if value else None


def _day(value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    if len(value) != 8:
        raise ValueError("not YYYYMMDD")
    return dt.datetime.strptime(value, "%Y%m%d").date()


_WHAT = {_int: "an integer", _float: "a number", _day: "a YYYYMMDD date"}


@lru_cache(maxsize=4)
def _index(width: int) -> dict[str, int]:
    names = V2_COLUMNS if width == 61 else V1_COLUMNS
    return {name: i for i, name in enumerate(names[:width])}


def parse_row(cells: list[str], source_file: str) -> GdeltEvent:
    """One split line (57, 58 or 61 cells) as a ``GdeltEvent``; ``ValueError`` if malformed."""
    width = len(cells)
    version = VERSION_BY_WIDTH.get(width)
    if version is None:
        raise ValueError(f"{width} columns; GDELT event lines have 57, 58 or 61")
    at = _index(width)

    def cell(name: str) -> str:
        i = at.get(name)
        return cells[i] if i is not None else ""

    def number(name: str, convert: Callable[[str], Any]) -> Any:
        raw = cell(name)
        try:
            return convert(raw)
        except ValueError:
            raise ValueError(f"{name} {raw.strip()!r} is not {_WHAT[convert]}") from None

    event_id = number("GLOBALEVENTID", _int)
    if event_id is None:
        raise ValueError("empty GLOBALEVENTID")
    code, base, root = (_text(cell(n)) for n in ("EventCode", "EventBaseCode", "EventRootCode"))
    plover = plover_for(code, base, root)
    root_flag = number("IsRootEvent", _int)
    return GdeltEvent(
        global_event_id=event_id,
        gdelt_version=version,
        day=number("SQLDATE", _day),
        actor1_code=_text(cell("Actor1Code")),
        actor1_name=_text(cell("Actor1Name")),
        actor1_country=_text(cell("Actor1CountryCode")),
        actor1_type=_text(cell("Actor1Type1Code")),
        actor2_code=_text(cell("Actor2Code")),
        actor2_name=_text(cell("Actor2Name")),
        actor2_country=_text(cell("Actor2CountryCode")),
        actor2_type=_text(cell("Actor2Type1Code")),
        is_root_event=None if root_flag is None else bool(root_flag),
        event_code=code,
        event_base_code=base,
        event_root_code=root,
        plover_type=plover.event_type,
        plover_mode=plover.mode,
        quad_class=number("QuadClass", _int),
        goldstein=number("GoldsteinScale", _float),
        num_mentions=number("NumMentions", _int),
        num_sources=number("NumSources", _int),
        num_articles=number("NumArticles", _int),
        avg_tone=number("AvgTone", _float),
        action_geo_country=_text(cell("ActionGeo_CountryCode")),
        action_geo_name=_text(cell("ActionGeo_FullName")),
        date_added=_text(cell("DATEADDED")),
        source_url=_text(cell("SOURCEURL")),
        source_file=source_file,
    )


@dataclass(slots=True)
class _FileScan:
    """Counts for one file while it is read."""

    rows: int = 0
    malformed: int = 0
    kept: int = 0
    one_sided: int = 0
    version: int | None = None


def read_events(
    lines: Iterator[str],
    dyad: Dyad,
    source_file: str,
    scan: _FileScan,
    on_malformed: Callable[[int, str], None],
) -> Iterator[GdeltEvent]:
    """The dyad's events among ``lines`` (one GDELT file); counts go into ``scan``.

    The version is fixed by the first line; a line of another width, or whose fields do not
    parse, is malformed (``on_malformed(line_number, reason)``). Most lines are rejected by two
    substring tests before they are split, which keeps large files fast.
    """
    a, b = dyad.countries
    pair_set = {a, b}
    tab_a, tab_b = f"\t{a}\t", f"\t{b}\t"
    widths: tuple[int, ...] = ()
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        width = line.count("\t") + 1
        if not widths:
            if line.upper().startswith("GLOBALEVENTID\t"):
                continue  # a header row some tools add
            version = VERSION_BY_WIDTH.get(width)
            if version is None:
                raise InputError(
                    source_file,
                    "not a GDELT event file",
                    f"first line has {width} tab-separated columns; GDELT 1.0 event files have "
                    "57 or 58, GDELT 2.0 event files 61 (mentions files have 16, GKG files 27)",
                )
            scan.version = version
            widths = WIDTHS_BY_VERSION[version]
        scan.rows += 1
        if width not in widths:
            scan.malformed += 1
            on_malformed(number, f"{width} columns in a GDELT {scan.version}.0 file")
            continue
        if tab_a not in line and tab_b not in line:
            continue
        cells = line.split("\t")
        at = _index(width)
        first = cells[at["Actor1CountryCode"]].strip()
        second = cells[at["Actor2CountryCode"]].strip()
        if {first, second} == pair_set:
            try:
                event = parse_row(cells, source_file)
            except ValueError as exc:
                scan.malformed += 1
                on_malformed(number, str(exc))
                continue
            scan.kept += 1
            yield event
        elif (first in pair_set) != (second in pair_set):
            scan.one_sided += 1


# --- writing --------------------------------------------------------------------------------


def write_gdelt_events(store: Store, events: Sequence[GdeltEvent], run_id: int | None) -> int:
    """Insert ``events`` into ``gdelt_events`` in one transaction, skipping keys already stored;
    returns how many rows were new."""
    if not events:
        return 0
    now = utcnow()
    names = (*GDELT_COLUMNS, "run_id", "imported_at")
    select = ", ".join(f"unnest(?::{_SQL_TYPES.get(n, 'VARCHAR')}[])" for n in GDELT_COLUMNS)
    sql = (
        f"INSERT OR IGNORE INTO gdelt_events ({', '.join(names)}) "
        f"SELECT {select}, ?::BIGINT, ?::TIMESTAMP"
    )
    columns = [[getattr(event, name) for event in events] for name in GDELT_COLUMNS]
    with store.transaction(f"{len(events)} GDELT rows") as con:
        row = con.execute(sql, [*columns, run_id, now]).fetchone()
    return int(row[0]) if row else 0


# --- the import -----------------------------------------------------------------------------


def import_gdelt(
    store: Store,
    paths: Sequence[Path],
    dyad: Dyad,
    *,
    on_skip: Callable[[SkippedInput], None] | None = None,
    batch_rows: int = BATCH_ROWS,
) -> ImportSummary:
    """Read GDELT event files and store the rows between the dyad's two countries.

    Returns counts; every unreadable file and malformed line is in ``summary.skipped``, in
    ``ingest_log`` and passed to ``on_skip``. Rows are committed in batches, so an error or an
    interrupt keeps what was stored and a re-run adds only the rest.
    """
    summary = ImportSummary()
    files = expand_paths([Path(p) for p in paths])
    started = time.perf_counter()
    run_id = store.start_run([str(p) for p in files], {"command": "import-gdelt", "dyad": dyad.id})
    summary.run_id = run_id

    def skip(item: SkippedInput) -> None:
        summary.skipped.append(item)
        store.log_skip(item, run_id)
        if on_skip is not None:
            on_skip(item)

    status = "failed"
    try:
        for path in files:
            _import_file(store, path, dyad, summary, skip, run_id, batch_rows)
        status = "complete"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        with contextlib.suppress(StoreError):
            store.finish_run(run_id, summary.stats(), status)
    return summary


def _import_file(
    store: Store,
    path: Path,
    dyad: Dyad,
    summary: ImportSummary,
    skip: Callable[[SkippedInput], None],
    run_id: int,
    batch_rows: int,
) -> None:
    source = str(path)
    scan = _FileScan()
    logged = 0

    def malformed(number: int, reason: str) -> None:
        nonlocal logged
        logged += 1
        if logged <= MAX_LOGGED_LINES:
            skip(SkippedInput(f"{source}:{number}", "malformed line", reason))

    batch: list[GdeltEvent] = []

    def flush() -> None:
        new = write_gdelt_events(store, batch, run_id)
        summary.rows_new += new
        summary.rows_known += len(batch) - new
        batch.clear()

    complete = False
    try:
        with open_lines(path) as lines:
            for event in read_events(lines, dyad, source, scan, malformed):
                batch.append(event)
                if len(batch) >= batch_rows:
                    flush()
        complete = True
    except InputError as exc:
        # The lines read before a damaged part of the file are sound: they are kept below.
        skip(SkippedInput(exc.source, exc.reason, exc.detail))
    finally:
        summary.rows_read += scan.rows
        summary.rows_malformed += scan.malformed
        summary.rows_one_sided += scan.one_sided
    flush()
    summary.rows_kept += scan.kept
    if scan.version is not None:
        summary.by_version[scan.version] += 1
    if complete and scan.version is None:
        skip(SkippedInput(source, "empty file", "no GDELT event lines"))
    elif complete:
        summary.files_read += 1
    if logged > MAX_LOGGED_LINES:
        skip(
            SkippedInput(
                source,
                "malformed lines",
                f"{logged - MAX_LOGGED_LINES} more malformed lines not logged one by one",
            )
        )
