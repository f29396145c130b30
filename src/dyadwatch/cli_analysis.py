"""``dyadwatch analyze``, ``index``, ``issues`` and ``alerts``: the analysis layer on the command
line, a thin shell over ``dyadwatch.analyze``. ``register(app)`` adds them to the main typer app.

``analyze`` rebuilds events, near-duplicates and alerts from the stored mentions; the others
read what it built (opening the database read-only) and print a table, CSV or JSON lines. The
readers take the dyad the events were built for; a ``--dyad`` naming another one stops them
(exit 2) with the ``analyze`` command that rebuilds the events for it. matplotlib is imported
only when ``index --plot`` asks for a picture.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from .analyze import (
    analysis_settings,
    issue_salience,
    reading_dyad,
    refresh,
    relation_index,
    settings_used,
)
from .analyze.index import direction_codes
from .analyze.settings import AlertSettings
from .analyze.tone import TONE_GENRES
from .config import DEFAULT_DB, Dyad, Settings, load_dyad, load_settings
from .errors import DyadwatchError, QueryError
from .store import Store

out = Console(highlight=False, soft_wrap=False)
if not out.is_terminal:
    out = Console(highlight=False, soft_wrap=False, width=160)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # messages stay whole lines

DbOption = Annotated[str, typer.Option("--db", help="DuckDB file.")]
DyadOption = Annotated[
    str | None,
    typer.Option(
        "--dyad",
        help="Dyad id or YAML file; by default the dyad `dyadwatch analyze` built the events for.",
    ),
]
SinceOption = Annotated[
    str | None, typer.Option(help="Keep events from this day on (YYYY, YYYY-MM or YYYY-MM-DD).")
]
UntilOption = Annotated[str | None, typer.Option(help="Keep events up to this day.")]
DirectionOption = Annotated[
    str,
    typer.Option(
        help="both, A>B or B>A with the dyad's codes (JPN>KOR), A<>B for joint events, "
        "or all (both and the two one-way directions)."
    ),
]


class Freq(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class IssueFreq(StrEnum):
    all = "all"
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class Source(StrEnum):
    dyadwatch = "dyadwatch"
    gdelt = "gdelt"


class Format(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


FormatOption = Annotated[Format, typer.Option("--format", help="Output format.")]
BuildDyadOption = Annotated[
    str | None,
    typer.Option("--dyad", help="Dyad id or YAML file to build for (default: the settings' one)."),
]


def _fail(exc: Exception, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(code)


def open_settings(
    db: str, dyad: str | None, *, reading: bool = True
) -> tuple[Settings, Dyad]:
    """The settings and the dyad to work with. A reader (``reading``) takes the dyad the events
    of ``db`` were built for, and refuses a ``--dyad`` naming another one
    (``DyadMismatchError``, exit 2); ``analyze`` builds for ``--dyad`` or the settings' dyad."""
    settings = load_settings(db=db, dyad=dyad)
    if not Path(settings.db).exists():
        raise DyadwatchError(
            f"no database at {settings.db}; run `dyadwatch run PATH --db {settings.db}` first"
        )
    if not reading:
        return settings, load_dyad(settings.dyad)
    with Store(settings.db, read_only=True) as store:
        return settings, reading_dyad(store, dyad, fallback=settings.dyad)


def _warn_if_stale(store: Store) -> None:
    state = store.analysis_state()
    if state["refreshed_at"] is None and state["mentions"]:
        err.print(
            f"note: the mentions of {store.path} have not been merged into events yet; "
            f"run `dyadwatch analyze --db {store.path}`"
        )
    elif state["stale"]:
        err.print(
            f"note: mentions were added to {store.path} since the events were built; "
            f"run `dyadwatch analyze --db {store.path}`"
        )


def _number(value: Any, digits: int = 2, signed: bool = True) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "—"
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def _emit(frame: pd.DataFrame, fmt: Format) -> bool:
    """Write ``frame`` as CSV or JSON lines; ``False`` when a table is wanted instead."""
    if fmt is Format.csv:
        flat = frame.copy()
        for column in flat.columns:
            if flat[column].map(lambda v: isinstance(v, list | tuple)).any():
                flat[column] = flat[column].map(lambda v: " ".join(map(str, v)))
        flat.to_csv(sys.stdout, index=False)
        return True
    if fmt is Format.jsonl:
        for row in frame.to_dict("records"):
            clean = {k: (None if _missing(v) else v) for k, v in row.items()}
            sys.stdout.write(json.dumps(clean, ensure_ascii=False, default=str) + "\n")
        return True
    return False


def _missing(value: Any) -> bool:
    return not isinstance(value, list | tuple) and value is not None and bool(pd.isna(value))


# --- commands -----------------------------------------------------------------------------------


def analyze(db: DbOption = DEFAULT_DB, dyad: BuildDyadOption = None) -> None:
    """Rebuild events, near-duplicate documents and alerts from the stored mentions."""
    try:
        settings, chosen = open_settings(db, dyad, reading=False)
        with Store(settings.db) as store:
            summary = refresh(store, chosen, analysis_settings(settings))
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    table = Table(title=f"dyadwatch analyze → {settings.db}", show_header=False)
    table.add_row("documents", str(summary.documents))
    table.add_row("near-duplicate documents", str(summary.duplicates))
    table.add_row("mentions", str(summary.mentions))
    table.add_row("events", str(summary.events))
    table.add_row("  between the two countries", str(summary.dyadic_events))
    table.add_row("mentions per event", f"{summary.mentions_per_event:.2f}")
    table.add_row("alerts", str(summary.alerts))
    table.add_row("seconds", f"{summary.seconds:.2f}")
    out.print(table)


def index(
    freq: Annotated[Freq, typer.Option(help="Length of a period.")] = Freq.month,
    direction: DirectionOption = "both",
    source: Annotated[
        Source, typer.Option(help="dyadwatch (merged events) or gdelt (imported GDELT rows).")
    ] = Source.dyadwatch,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = Format.table,
    plot: Annotated[
        Path | None,
        typer.Option(
            help="Also draw the index into this picture file (.png, or .svg, .pdf …; without "
            "a suffix .png is added)."
        ),
    ] = None,
    db: DbOption = DEFAULT_DB,
    dyad: DyadOption = None,
) -> None:
    """The relation index per period and direction: weighted mean and summed Goldstein and PLOVER
    scores, tone by genre (news, official, forum, comments … apart, with their sentence counts),
    counts by QuadClass and type, hypothetical and negated events apart."""
    try:
        picture = _plot_path(plot) if plot is not None else None
        settings, chosen = open_settings(db, dyad)
        with Store(settings.db, read_only=True) as store:
            if source is Source.dyadwatch:
                _warn_if_stale(store)
            frame = relation_index(
                store,
                chosen,
                freq.value,
                direction,
                source=source.value,
                since=since,
                until=until,
                weighting=analysis_settings(settings).weight,
            )
    except QueryError as exc:
        raise _fail(exc, 2) from exc
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    if picture is not None:
        try:
            written = draw_index(
                frame,
                picture,
                f"{chosen.name}: relation index by {freq.value} ({source.value})",
                freq=freq.value,
            )
        except OSError as exc:
            raise _fail(DyadwatchError(f"cannot write {picture}: {exc.strerror}")) from exc
        err.print(f"plot written to {written}")
    if _emit(frame, fmt):
        return
    gdelt = source is Source.gdelt
    table = Table(title=f"relation index by {freq.value} ({source.value}), {len(frame)} rows")
    for column, justify in (
        ("period", "left"), ("direction", "left"), ("index", "right"), ("sum", "right"),
        ("PLOVER", "right"), ("scored", "right"), ("hyp.", "right"), ("neg.", "right"),
        ("mentions", "right"), ("coop.", "right"), ("confl.", "right"),
        ("GDELT AvgTone" if gdelt else "tone by genre (sentences)", "left"),
    ):  # fmt: skip
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for row in frame.to_dict("records"):
        table.add_row(
            row["period"],
            row["direction"],
            _number(row["goldstein_mean"]),
            _number(row["goldstein_sum"], 1),
            _number(row["plover_mean"]),
            str(row["scored"]),
            str(row["hypothetical"]),
            str(row["negated"]),
            str(row["mentions"]),
            str(row["cooperation"]),
            str(row["conflict"]),
            _number(row["gdelt_avg_tone"]) if gdelt else _genre_tones(row),
        )
    out.print(table)


def _genre_tones(row: dict[str, Any]) -> str:
    """``news -0.12 (4), comment -0.40 (2)``: an index row's tone by genre with its counts."""
    return ", ".join(
        f"{genre} {_number(row[f'tone_{genre}'])} ({row[f'tone_{genre}_n']})"
        for genre in TONE_GENRES
        if row[f"tone_{genre}_n"]
    ) or "—"


def _plot_path(plot: Path) -> Path:
    """The file ``index --plot`` will write: ``QueryError`` (exit 2) for a folder, a missing
    folder or a suffix matplotlib cannot write; ``.png`` added when there is no suffix."""
    if plot.is_dir():
        raise QueryError(
            f"--plot {plot} is a folder; give a file name such as {plot / 'index.png'}"
        )
    if not plot.suffix:
        plot = plot.with_name(plot.name + ".png")
    if not plot.parent.is_dir():
        raise QueryError(f"--plot {plot}: the folder {plot.parent} does not exist")
    kinds = _picture_kinds()
    if plot.suffix.lower().lstrip(".") not in kinds:
        raise QueryError(
            f"--plot {plot}: cannot draw a {plot.suffix} file; use one of "
            + ", ".join(f".{k}" for k in sorted(kinds))
        )
    return plot


def _picture_kinds() -> set[str]:
    from matplotlib.figure import Figure

    return set(Figure().canvas.get_supported_filetypes())


def issues(
    freq: Annotated[
        IssueFreq, typer.Option(help="Length of a period, or all for one share per issue.")
    ] = IssueFreq.all,
    direction: DirectionOption = "both",
    since: SinceOption = None,
    until: UntilOption = None,
    top: Annotated[int | None, typer.Option(help="At most this many issues per period.")] = None,
    fmt: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
    dyad: DyadOption = None,
) -> None:
    """Issue salience: the share of events between the two countries tagged with each issue,
    per period or overall, with the labels of the dyad's issue taxonomy."""
    try:
        settings, chosen = open_settings(db, dyad)
        with Store(settings.db, read_only=True) as store:
            _warn_if_stale(store)
            frame = issue_salience(
                store,
                chosen,
                None if freq is IssueFreq.all else freq.value,
                direction,
                since=since,
                until=until,
            )
    except QueryError as exc:
        raise _fail(exc, 2) from exc
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    if top is not None and not frame.empty:
        frame = frame.groupby("period", sort=False).head(top).reset_index(drop=True)
    if _emit(frame, fmt):
        return
    title = "issue salience" + ("" if freq is IssueFreq.all else f" by {freq.value}")
    table = Table(title=f"{title}, {len(frame)} rows")
    for column in ("period", "issue", "label", "events", "of", "share"):
        table.add_column(column, justify="right" if column in ("events", "of", "share") else "left")
    for row in frame.to_dict("records"):
        table.add_row(
            row["period"],
            row["issue"],
            row["label"],
            str(row["events"]),
            str(row["total"]),
            f"{row['share'] * 100:.0f}%",
        )
    out.print(table)


def tone(
    officials: Annotated[
        bool, typer.Option(help="Directed tone only where the actor is an official (GOV, MIL).")
    ] = False,
    fmt: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
    dyad: DyadOption = None,
) -> None:
    """Tone (VADER, -1…+1) of the stored sentences by genre, with forum posts and comments apart,
    and of the events from one country to the other by genre (plain means with their counts)."""
    from .analyze.tone import directed_tone_frame, genre_tone

    try:
        settings, chosen = open_settings(db, dyad)
        with Store(settings.db, read_only=True) as store:
            by_genre = genre_tone(store)
            directed = directed_tone_frame(store, chosen, officials=officials)
    except QueryError as exc:
        raise _fail(exc, 2) from exc
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    if fmt is not Format.table:
        both = pd.concat([by_genre.assign(table="genre"), directed.assign(table="directed")],
                         ignore_index=True)
        _emit(both, fmt)
        return
    for title, frame, keys in (
        ("tone by genre (all sentences)", by_genre, ("genre",)),
        ("directed tone: sentences reporting events from one country to the other"
         + (", officials only" if officials else ""), directed, ("direction", "genre")),
    ):
        table = Table(title=title)
        columns = [*keys, "sentences", "mean_tone", "positive", "negative"]
        for column in columns:
            table.add_column(column, justify="left" if column in keys else "right")
        for row in frame.to_dict("records"):
            table.add_row(*(str(row[k]) for k in keys), str(row["sentences"]),
                          _number(row["mean_tone"]), str(row["positive"]), str(row["negative"]))
        out.print(table)


def alerts(
    freq: Annotated[Freq | None, typer.Option(help="Only alerts of this frequency.")] = None,
    direction: Annotated[
        str | None, typer.Option(help="Only alerts of this direction (both, JPN>KOR …).")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
    dyad: DyadOption = None,
) -> None:
    """Stored alerts (sharp moves of the relation index) with the events that drove them."""
    from .store import EventFilter

    try:
        settings, chosen = open_settings(db, dyad)
        bounds = EventFilter.from_args(since=since, until=until)
        codes: tuple[str, ...] = ()
        if direction is not None:
            label, found = direction_codes(direction, chosen.countries)
            codes = ("both",) if label == "both" else found
        with Store(settings.db, read_only=True) as store:
            _warn_if_stale(store)
            _check_computed(
                settings_used(store, analysis_settings(settings)).alerts, freq, codes, chosen
            )
            frame = store.alerts(
                freq=freq.value if freq else None,
                directions=codes,
                since=bounds.since,
                until=bounds.until,
            )
            events = _driving(store, frame)
    except QueryError as exc:
        raise _fail(exc, 2) from exc
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    a, b = chosen.countries
    names = {"both": "both", "A>B": f"{a}>{b}", "B>A": f"{b}>{a}", "A<>B": f"{a}<>{b}"}
    if not frame.empty:
        frame["direction"] = frame["direction"].map(lambda d: names.get(d, d))
        frame["event_ids"] = frame["event_ids"].map(lambda ids: [str(i) for i in ids])
    if _emit(frame, fmt):
        return
    table = Table(title=f"{len(frame)} alerts", show_lines=True)
    for column in ("period", "freq", "direction", "move", "driven by"):
        table.add_column(column)
    for row in frame.to_dict("records"):
        driving = [events[i] for i in row["event_ids"][:3] if i in events]
        more = len(row["event_ids"]) - len(driving)
        table.add_row(
            str(row["period_start"])[:10],
            row["freq"],
            row["direction"],
            f"{row['kind']}: {_number(row['value'])} against {_number(row['baseline'])} "
            f"({row['n_events']} events)",
            "\n".join(driving) + (f"\n… {more} more" if more > 0 else ""),
        )
    out.print(table)
    if frame.empty:
        err.print("no alerts (run `dyadwatch analyze` after adding documents)")


def _check_computed(
    settings: AlertSettings, freq: Freq | None, codes: tuple[str, ...], dyad: Dyad
) -> None:
    """``QueryError`` (exit 2) when alerts of ``freq`` or direction ``codes`` are never
    computed, so "no alerts" is never said of something ``analyze`` does not look at."""
    a, b = dyad.countries
    names = {"both": "both", "A>B": f"{a}>{b}", "B>A": f"{b}>{a}", "A<>B": f"{a}<>{b}"}
    if freq is not None and freq.value not in settings.freqs:
        raise QueryError(
            f"alerts are computed by {' and '.join(settings.freqs)} only, not by {freq.value}; "
            "add it to extra.analysis.alerts.freqs in dyadwatch.yaml and run `dyadwatch analyze`"
        )
    missing = [c for c in codes if c not in settings.directions]
    if missing:
        raise QueryError(
            f"alerts are computed for {', '.join(names[d] for d in settings.directions)} only, "
            f"not for {names[missing[0]]}; add {missing[0]} to extra.analysis.alerts.directions "
            "in dyadwatch.yaml and run `dyadwatch analyze`"
        )


def _driving(store: Store, frame: pd.DataFrame) -> dict[str, str]:
    """One line per driving event: date, type, who → whom, Goldstein, quote."""
    ids = sorted({str(i) for ids in frame.get("event_ids", []) for i in ids})
    if not ids:
        return {}
    rows = store.query(
        "SELECT id, date, event_type, actor_label, recipient_label, goldstein, quote "
        "FROM events WHERE list_contains(?, id)",
        [ids],
    )
    lines = {}
    for row in rows.to_dict("records"):
        whom = f" → {row['recipient_label']}" if row["recipient_label"] else ""
        quote = row["quote"] if len(row["quote"]) <= 90 else row["quote"][:89] + "…"
        lines[row["id"]] = (
            f"{row['date'] or 'undated'} {row['event_type']} {row['actor_label']}{whom} "
            f"({_number(row['goldstein'], 1)}): {quote}"
        )
    return lines


BAR_DAYS = {"day": 0.8, "week": 5, "month": 24, "year": 300}


Point = tuple[pd.Timestamp, float]


def line_with_gaps(rows: pd.DataFrame) -> tuple[list[Any], list[float], list[tuple[Point, Point]]]:
    """The solid line of index ``rows`` (x: period starts, y: index) with a NaN wherever
    periods without a value lie between two points, so the line breaks there, and the gaps
    as pairs of points to bridge with a dashed line."""
    rows = rows[rows["goldstein_mean"].notna()].sort_values("start")
    starts = pd.to_datetime(rows["start"]).tolist()
    ends = pd.to_datetime(rows["end"]).tolist()
    values = rows["goldstein_mean"].astype(float).tolist()
    xs: list[Any] = []
    ys: list[float] = []
    gaps: list[tuple[Point, Point]] = []
    for i, (start, value) in enumerate(zip(starts, values, strict=True)):
        if i and (start - ends[i - 1]).days > 1:
            xs.append(start)
            ys.append(float("nan"))
            gaps.append(((starts[i - 1], values[i - 1]), (start, value)))
        xs.append(start)
        ys.append(value)
    return xs, ys, gaps


def draw_index(frame: pd.DataFrame, path: Path, title: str, *, freq: str = "month") -> Path:
    """Draw index rows (one line per direction, QuadClass bars of the first) into a picture at
    ``path`` (its suffix says the format) and return it. Consecutive periods are joined by a
    solid line; across periods without a value the line breaks and a thin dashed one bridges the
    gap, so years without data do not read as a steady trend."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (top, bottom) = plt.subplots(
        2, 1, figsize=(11, 6), sharex=True, gridspec_kw={"height_ratios": [3, 1]}
    )
    try:
        if frame.empty:
            top.text(0.5, 0.5, "no events", ha="center", va="center", transform=top.transAxes)
        for direction, rows in frame.groupby("direction", sort=False):
            width = 3 if direction == "both" else 1.5
            xs, ys, gaps = line_with_gaps(rows)
            (line,) = top.plot(xs, ys, marker="o", linewidth=width, label=str(direction))
            for (x0, y0), (x1, y1) in gaps:
                top.plot(
                    [x0, x1], [y0, y1], linestyle="--", linewidth=1, alpha=0.6,
                    color=line.get_color(),
                )  # fmt: skip
        top.axhline(0, color="#8795a3", linewidth=0.8)
        top.set_ylim(-10, 10)
        top.set_ylabel("weighted mean Goldstein")
        top.set_title(title)
        if not frame.empty:
            top.legend(loc="upper left")
            first = frame[frame["direction"] == frame["direction"].iloc[0]]
            when = pd.to_datetime(first["start"])
            width = BAR_DAYS.get(freq, 24)
            bottom.bar(
                when, first["cooperation"], width=width, color="#1a7f5a", label="cooperation"
            )
            bottom.bar(when, -first["conflict"], width=width, color="#c0392b", label="conflict")
            bottom.legend(loc="upper left")
        bottom.set_ylabel("events")
        figure.tight_layout()
        figure.savefig(path, dpi=100, format=path.suffix.lstrip(".").lower() or "png")
    finally:
        plt.close(figure)
    return path


def register(app: typer.Typer) -> None:
    """Add ``analyze``, ``index``, ``issues`` and ``alerts`` to the ``dyadwatch`` command."""
    app.command()(analyze)
    app.command()(index)
    app.command()(issues)
    app.command()(tone)
    app.command()(alerts)
