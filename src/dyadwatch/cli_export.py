"""``dyadwatch import-gdelt`` and ``dyadwatch export``: GDELT files in, merged events out.

``register(app)`` adds both commands to the main typer app. Summaries go to stderr, so that
``export`` can write its data to stdout.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .config import DEFAULT_DB, load_dyad, load_settings
from .errors import DyadwatchError, QueryError
from .models import SkippedInput
from .store import Store

err = Console(stderr=True, highlight=False)

EXIT_SKIPPED = 3
DbOption = Annotated[str, typer.Option("--db", help="DuckDB file.")]
DyadOption = Annotated[str | None, typer.Option("--dyad", help="Dyad id or YAML file.")]


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    plover_json = "plover-json"
    gdelt = "gdelt"


def _fail(exc: Exception, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(code)


def _print_skip(skipped: SkippedInput) -> None:
    detail = f" ({skipped.detail})" if skipped.detail else ""
    err.print(f"skipped {skipped.source}: {skipped.reason}{detail}", markup=False)


def import_gdelt_command(
    files: Annotated[
        list[Path], typer.Argument(help="GDELT 1.0/2.0 event files (.CSV, .zip, .gz) or folders.")
    ],
    db: DbOption = DEFAULT_DB,
    dyad: DyadOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Store the GDELT events between the dyad's two countries as a separate source.

    Re-importing a file adds nothing. Unreadable files and malformed lines are printed on stderr
    and recorded in ingest_log (exit code 3); the rest is imported.
    """
    from .gdelt import import_gdelt

    try:
        settings = load_settings(db=db, dyad=dyad)
        pair = load_dyad(settings.dyad)
        with Store(settings.db) as store:
            summary = import_gdelt(store, files, pair, on_skip=_print_skip)
    except KeyboardInterrupt:
        err.print("interrupted: every stored batch is complete; import again to add the rest")
        raise typer.Exit(130) from None
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    if not quiet:
        versions = ", ".join(f"{n} × GDELT {v}.0" for v, n in sorted(summary.by_version.items()))
        table = Table(title=f"dyadwatch import-gdelt → {settings.db}", show_header=False)
        table.add_row(
            "files read", f"{summary.files_read}" + (f" ({versions})" if versions else "")
        )
        table.add_row("files skipped", str(summary.files_skipped))
        table.add_row("rows read", str(summary.rows_read))
        table.add_row("malformed rows", str(summary.rows_malformed))
        table.add_row(f"rows {'–'.join(pair.countries)}", str(summary.rows_kept))
        table.add_row("new / already stored", f"{summary.rows_new} / {summary.rows_known}")
        table.add_row("one-sided rows (not stored)", str(summary.rows_one_sided))
        table.add_row("rows per second", f"{summary.rows_per_second:,.0f}")
        err.print(table)
    if summary.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = (
        ExportFormat.csv
    ),
    out: Annotated[str, typer.Option("--out", "-o", help="File to write, or - for stdout.")] = "-",
    db: DbOption = DEFAULT_DB,
    dyad: DyadOption = None,
    since: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    all_events: Annotated[
        bool,
        typer.Option(
            "--all-events",
            help="Every event; by default only those between the dyad's two countries "
            "(direction A>B, B>A or A<>B, as in the index).",
        ),
    ] = False,
) -> None:
    """Write the merged events as csv, parquet, plover-json (JSON lines) or gdelt (GDELT 1.0
    tab-separated rows); see docs/export.md."""
    from .export import export

    if not Path(db).exists():
        raise _fail(
            DyadwatchError(f"no database at {db}; run `dyadwatch run PATH --db {db}` first")
        )
    target = None if out == "-" else Path(out)
    if target is None and fmt is ExportFormat.parquet and sys.stdout.isatty():
        raise _fail(DyadwatchError("parquet is binary; give --out FILE or redirect stdout"), 2)
    try:
        settings = load_settings(db=db, dyad=dyad)
        pair = load_dyad(settings.dyad)
        with Store(settings.db, read_only=True) as store:
            summary = export(
                store,
                pair,
                fmt.value,
                target,
                since=since,
                until=until,
                event_type=event_type,
                dyadic_only=not all_events,
            )
    except QueryError as exc:
        raise _fail(exc, 2) from exc
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    where = summary.path or "stdout"
    err.print(
        f"{summary.events} events ({summary.mentions} mentions) written to {where}",
        markup=False,
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    """Add ``import-gdelt`` and ``export`` to the ``dyadwatch`` command."""
    app.command(name="import-gdelt")(import_gdelt_command)
    app.command(name="export")(export_command)
