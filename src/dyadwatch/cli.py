"""The ``dyadwatch`` command: a thin shell over the Python API. All printing happens here.

Exit codes: 0 success; 1 an error stopped the command; 2 bad usage; 3 the command finished but
skipped some inputs (each skip is printed on stderr and recorded in the ``ingest_log`` table);
4 an evaluation fell below its baseline; 130 interrupted (the database stays consistent and the
next run resumes).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import api
from .cli_analysis import register as register_analysis
from .cli_export import register as register_export
from .cli_web import register as register_web
from .config import DEFAULT_DB, load_dyad, load_settings
from .errors import DyadwatchError, StoreError
from .models import SkippedInput
from .run import run as run_job
from .serialize import result_records
from .store import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Follow the relationship between two countries from text.",
)
out = Console(highlight=False, soft_wrap=False)
if not out.is_terminal:
    out = Console(highlight=False, soft_wrap=False, width=160)  # pipes and logs: no 80-col wrap
err = Console(stderr=True, highlight=False)

EXIT_SKIPPED = 3
EXIT_BELOW_BASELINE = 4


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


DbOption = Annotated[str, typer.Option("--db", help="DuckDB file.")]
DyadOption = Annotated[str | None, typer.Option("--dyad", help="Dyad id or YAML file.")]


def _fail(exc: Exception, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}")
    return typer.Exit(code)


def _print_skip(skipped: SkippedInput) -> None:
    detail = f" ({skipped.detail})" if skipped.detail else ""
    err.print(f"skipped {skipped.source}: {skipped.reason}{detail}", markup=False)


@app.command()
def run(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, globs, or - for JSONL on stdin.")
    ],
    db: DbOption = DEFAULT_DB,
    dyad: DyadOption = None,
    max_bytes: Annotated[int | None, typer.Option(help="Skip files larger than this.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
    reextract: Annotated[bool, typer.Option(
        help="Extract documents already stored again and replace their records (after an "
             "upgrade of dyadwatch or of its knowledge files).")] = False,
) -> None:
    """Ingest PATHS, extract events and store them in the database (idempotent, resumable)."""
    try:
        settings = load_settings(db=db, dyad=dyad, max_bytes=max_bytes)
        with Store(settings.db) as store, _progress() as progress:
            task = progress.add_task("documents", total=None) if progress else None
            summary = run_job(
                paths,
                settings=settings,
                store=store,
                stdin=sys.stdin,
                on_skip=_print_skip,
                on_progress=(lambda n: progress.advance(task, n)) if progress else None,
                reextract=reextract,
            )
    except KeyboardInterrupt:
        err.print("interrupted: every stored document is complete; run again to resume")
        raise typer.Exit(130) from None
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    if not quiet:
        table = Table(title=f"dyadwatch run → {settings.db}", show_header=False)
        table.add_row("documents read", str(summary.documents_read))
        table.add_row(
            "new / already stored", f"{summary.documents_new - len(summary.replaced)} / "
            f"{summary.documents_known}"
        )
        if summary.replaced:
            table.add_row("extracted again", str(len(summary.replaced)))
        table.add_row("inputs skipped", str(len(summary.skipped)))
        table.add_row("sentences", str(summary.sentences))
        table.add_row("events", str(summary.events))
        for event_type, count in summary.events_by_type.most_common():
            table.add_row(f"  {event_type}", str(count))
        table.add_row("event dates", f"{summary.first_date or '—'} … {summary.last_date or '—'}")
        table.add_row("poll figures", str(summary.polls))
        if summary.analysis is not None:
            analysis = summary.analysis
            table.add_row(
                "merged events",
                f"{analysis.events} from {analysis.mentions} mentions "
                f"({analysis.dyadic_events} between the two countries), "
                f"{analysis.duplicates} near-duplicate documents, {analysis.alerts} alerts",
            )
        out.print(table)
    if summary.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _progress() -> Progress:
    """A progress bar on stderr when it is a terminal (long runs), otherwise nothing."""
    enabled = sys.stderr.isatty()
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} done"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not enabled,
    )


@app.command()
def extract(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders, globs, or - for JSONL on stdin.")
    ],
    fmt: Annotated[
        ExtractFormat, typer.Option("--format", help="Output format.")
    ] = ExtractFormat.jsonl,
    dyad: DyadOption = None,
) -> None:
    """Extract events without a database: one JSON object per line (see docs/extract-format.md)."""
    from .ingest import read_inputs
    from .pipeline import Extractor

    skipped = 0
    try:
        settings = load_settings(dyad=dyad)
        extractor = Extractor(settings, load_dyad(settings.dyad))
        documents = []
        for item in read_inputs(inputs, stdin=sys.stdin, max_bytes=settings.max_bytes):
            if isinstance(item, SkippedInput):
                skipped += 1
                _print_skip(item)
            else:
                documents.append(item)
        for result in extractor.extract(documents):
            for record in result_records(result):
                if fmt is ExtractFormat.jsonl:
                    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                elif record["record"] == "event":
                    _print_event_line(record)
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _print_event_line(record: dict) -> None:
    actors = ", ".join(f"{a['text']} ({a['country'] or '?'})" for a in record["actors"])
    recipients = ", ".join(f"{a['text']} ({a['country'] or '?'})" for a in record["recipients"])
    flags = ("negated " if record["negated"] else "") + (
        "hypothetical" if record["hypothetical"] else ""
    )
    out.print(
        f"{record['date'] or '—':10} {record['event_type']:9} {actors} → {recipients} {flags}",
        markup=False,
    )


@app.command()
def timeline(
    db: DbOption = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    actor: Annotated[
        str | None, typer.Option(help="ISO3 code, entity or text, either side.")
    ] = None,
    issue: Annotated[str | None, typer.Option(help="Issue id.")] = None,
    fmt: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
) -> None:
    """Stored events in date order with their evidence."""
    try:
        with _open_db(db) as store:
            frame = store.timeline(
                since=since,
                until=until,
                event_type=event_type,
                actor=actor,
                issue=issue,
                limit=limit,
            )
    except DyadwatchError as exc:
        raise _fail(exc, 2) from exc
    if _write_frame(frame, fmt):
        return
    table = Table(title=f"{len(frame)} events", show_lines=False)
    table.add_column("date", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("actors → recipients", ratio=3)
    table.add_column("issues", ratio=1)
    table.add_column("evidence", ratio=5)
    table.add_column("document", ratio=2)
    for row in frame.itertuples(index=False):
        flags = "".join(
            f" ({flag})"
            for flag, on in (("negated", row.negated), ("planned", row.hypothetical))
            if on
        )
        issues = row.issues if isinstance(row.issues, str) else ", ".join(row.issues or [])
        table.add_row(
            str(row.date or "—"),
            f"{row.event_type}{flags}",
            f"{row.actors} → {row.recipients}",
            issues,
            _clip(str(row.quote), 160),
            _clip(str(row.title or row.source), 60),
        )
    out.print(table)


def _write_frame(frame, fmt: TableFormat) -> bool:
    """Write ``frame`` as CSV or JSONL on stdout; False for the table format (caller prints)."""
    if fmt is TableFormat.csv:
        frame.to_csv(sys.stdout, index=False)
        return True
    if fmt is TableFormat.jsonl:
        sys.stdout.write(
            frame.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
        )
        sys.stdout.write("\n" if len(frame) else "")
        return True
    return False


def _open_db(db: str) -> Store:
    if not Path(db).exists():
        raise _fail(
            DyadwatchError(f"no database at {db}; run `dyadwatch run PATH --db {db}` first")
        )
    try:
        return Store(db, read_only=True)
    except StoreError as exc:
        if "needs migrating" not in str(exc):
            raise
    Store(db).close()  # a database from an older dyadwatch: upgrade its schema once
    return Store(db, read_only=True)


@app.command()
def polls(
    db: DbOption = DEFAULT_DB,
    population: Annotated[
        str | None, typer.Option(help="Whose opinion: ISO3 code, e.g. KOR.")
    ] = None,
    subject: Annotated[str | None, typer.Option(help="About whom or what, e.g. JPN.")] = None,
    measure: Annotated[str | None, typer.Option(help="e.g. favourable, oppose.")] = None,
    fmt: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
) -> None:
    """Survey figures found in the stored documents, by fieldwork year."""
    try:
        with _open_db(db) as store:
            frame = store.polls()
    except DyadwatchError as exc:
        raise _fail(exc, 2) from exc
    for column, wanted in (("population", population), ("subject", subject),
                           ("measure", measure)):
        if wanted:
            frame = frame[frame[column].fillna("").str.lower() == wanted.lower()]
    frame = frame.drop(columns=["idx"], errors="ignore")
    if _write_frame(frame, fmt):
        return
    frame = frame.astype(object).where(frame.notna(), None)
    table = Table(title=f"{len(frame)} poll figures")
    for column in ("year", "population", "subject", "measure", "value", "change", "pollster",
                   "document"):
        table.add_column(column, justify="right" if column in {"value", "change"} else "left")
    for row in frame.itertuples(index=False):
        change = "" if row.change is None or row.change != row.change else f"{row.change:+g}"
        table.add_row(
            str(row.year or row.date or "—"),
            str(row.population or "—"),
            str(row.subject or "—"),
            row.measure,
            f"{row.value:g}%",
            change,
            str(row.pollster or "—"),
            _clip(str(row.title or row.source), 50),
        )
    out.print(table)


@app.command(name="eval")
def evaluate_command(
    gold: Annotated[list[Path] | None, typer.Argument(help="Gold JSONL files.")] = None,
    baseline: Annotated[Path, typer.Option(help="Baseline file with pinned figures.")] = Path(
        "eval/baseline.json"
    ),
    check: Annotated[bool, typer.Option(help="Fail when a pinned figure drops.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print figures as JSON.")] = False,
    write_baseline: Annotated[bool, typer.Option(
        help="Re-pin the baseline's figures to this run (on purpose: say why in the commit).")
    ] = False,
    second: Annotated[Path | None, typer.Option(
        help="A second annotation of the one gold file given: score it against the first "
        "(inter-annotator agreement, the ceiling for the coder) instead of running the coder.")
    ] = None,
    dyad: DyadOption = None,
) -> None:
    """Precision, recall and F1 of the event coder on gold sets, by event type."""
    from .evaluate import agreement, compare_to_baseline, figures_for, load_gold
    from .pipeline import Extractor

    if second is not None:
        if len(gold or []) != 1:
            raise _fail(DyadwatchError("--second compares with exactly one gold file"), 2)
        first = gold[0]  # type: ignore[index]
        try:
            figures = agreement(load_gold(first), load_gold(second), second.stem).figures()
        except (OSError, DyadwatchError) as exc:
            raise _fail(exc, 2) from exc
        if as_json:
            out.print_json(data={second.stem: figures})
        else:
            _print_figures(f"{second.stem} against {first.stem}", figures)
        return
    pinned = json.loads(baseline.read_text(encoding="utf-8")) if baseline.exists() else {}
    files = list(gold or [])
    if not files:
        files = [_gold_path(baseline, entry["file"]) for entry in pinned.get("gold", {}).values()]
    if not files:
        raise _fail(DyadwatchError("no gold files given and none in the baseline"), 2)
    settings = load_settings(dyad=dyad)
    extractor = Extractor(settings, load_dyad(settings.dyad))
    failures: list[str] = []
    all_figures = {}
    for path in files:
        if not path.exists():
            err.print(f"skipped {path}: not found")
            continue
        name = path.stem
        figures = figures_for(path, extractor, name)
        all_figures[name] = figures
        if not as_json:
            _print_figures(name, figures)
        entry = pinned.get("gold", {}).get(name)
        if check and entry:
            for problem in compare_to_baseline(figures, entry.get("pinned", {})):
                failures.append(f"{name}: {problem}")
    if as_json:
        out.print_json(data=all_figures)
    if write_baseline:
        for name, entry in pinned.get("gold", {}).items():
            for key in entry.get("pinned", {}):
                if name in all_figures and key != "events_per_sentence":
                    entry["pinned"][key] = all_figures[name][key]
        baseline.write_text(json.dumps(pinned, indent=2) + "\n", encoding="utf-8")
        err.print(f"baseline re-pinned in {baseline}")
        return
    if failures:
        for failure in failures:
            err.print(f"[red]below baseline[/red] {failure}")
        raise typer.Exit(EXIT_BELOW_BASELINE)
    if check:
        err.print("all pinned figures at or above the baseline")


def _gold_path(baseline: Path, relative: str) -> Path:
    return (baseline.parent / relative).resolve()


def _print_figures(name: str, figures: dict) -> None:
    if "by_type" not in figures:  # an actor, issue or poll gold set
        out.print(f"[bold]{name}[/bold]")
        for key, value in figures.items():
            if not isinstance(value, dict):
                out.print(f"  {key:28} {value}")
        for key, value in figures.items():
            rows = {k: v for k, v in value.items() if isinstance(v, dict)} \
                if isinstance(value, dict) else {}
            if not rows:
                continue
            columns = list(dict.fromkeys(c for row in rows.values() for c in row))
            table = Table(title=f"{name}: {key.replace('_', ' ')}")
            table.add_column(key.removeprefix("by_").removeprefix("per_"))
            for column in columns:
                table.add_column(column, justify="right")
            for label, row in rows.items():
                table.add_row(label, *(_cell(row.get(c)) for c in columns))
            out.print(table)
        return
    table = Table(
        title=f"{name}: {figures['sentences']} sentences, {figures['gold_events']} gold events"
    )
    table.add_column("type")
    for column in ("gold", "recall", "system", "precision", "f1"):
        table.add_column(column, justify="right")
    for event_type, row in figures["by_type"].items():
        table.add_row(
            event_type,
            str(row.get("gold", 0)),
            _pct(row.get("recall")),
            str(row.get("system", "")),
            _pct(row.get("precision")),
            _pct(row.get("f1")),
        )
    out.print(table)
    for key, value in figures.items():
        if key not in {"by_type", "sentences", "gold_events"}:
            out.print(f"  {key:28} {value}")


def _cell(value: object) -> str:
    if value is None:
        return ""
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


@app.command()
def actors(
    at: Annotated[str, typer.Option(help="Date YYYY-MM-DD.")] = dt.date.today().isoformat(),
    country: Annotated[str | None, typer.Option(help="ISO3 code, e.g. KOR.")] = None,
    dyad: DyadOption = None,
) -> None:
    """Who held which office on a date, from the dyad's actor knowledge."""
    from .extractors.actor_kb import knowledge_for

    try:
        when = dt.date.fromisoformat(at)
    except ValueError as exc:
        raise _fail(DyadwatchError(f"--at {at!r} is not a YYYY-MM-DD date"), 2) from exc
    settings = load_settings(dyad=dyad)
    kb = knowledge_for(load_dyad(settings.dyad))
    table = Table(title=f"office holders on {when}" + (f" in {country.upper()}" if country else ""))
    for column in ("country", "role", "name", "since", "until"):
        table.add_column(column)
    for entity, role in kb.holders_at(when, country.upper() if country else None):
        detail = role.role + (
            f" ({role.org or role.to or role.portfolio})"
            if role.org or role.to or role.portfolio
            else ""
        )
        table.add_row(
            entity.country or "", detail, entity.name, str(role.start or ""), str(role.end or "—")
        )
    out.print(table)


register_analysis(app)
register_export(app)
register_web(app)


def main() -> None:
    try:
        app()
    except DyadwatchError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise SystemExit(1) from exc


# Keep the module importable for `python -m dyadwatch.cli`.
if __name__ == "__main__":
    main()

__all__ = ["app", "main", "api"]
