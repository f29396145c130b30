"""``dyadwatch serve`` and ``dyadwatch report``: the commands that turn a database into pictures.

``register(app)`` adds them to the main typer app; the web dependencies (FastAPI, uvicorn) are
imported only when ``serve`` runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .analyze.settings import analysis_settings
from .config import DEFAULT_DB, load_dyad, load_settings
from .errors import DyadwatchError

err = Console(stderr=True, highlight=False)

DbOption = Annotated[str, typer.Option("--db", help="DuckDB file.")]
DyadOption = Annotated[str | None, typer.Option("--dyad", help="Dyad id or YAML file.")]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _fail(exc: Exception, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(code)


def serve(
    db: DbOption = DEFAULT_DB,
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but loopback exposes the data.")
    ] = "127.0.0.1",
    dyad: DyadOption = None,
) -> None:
    """Serve the dashboard and the read-only JSON API (OpenAPI at /openapi.json)."""
    try:
        import uvicorn

        from .server import create_app
    except ImportError as exc:
        raise _fail(
            DyadwatchError(
                f"`serve` needs the web dependencies ({exc.name} is missing); "
                "install them with `pip install fastapi uvicorn`"
            )
        ) from exc
    try:
        settings = load_settings(db=db, dyad=dyad)
        application = create_app(settings.db, load_dyad(settings.dyad), analysis_settings(settings))
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    if host not in LOOPBACK:
        err.print(f"warning: listening on {host}: anyone who can reach it can read the database")
    err.print(f"dashboard on http://{host}:{port}/ (Ctrl+C stops)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


def report(
    out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("report.html"),
    db: DbOption = DEFAULT_DB,
    dyad: DyadOption = None,
    freq: Annotated[
        str, typer.Option(help="Period of the charts: day, week, month or year.")
    ] = "month",
    per_period: Annotated[
        int, typer.Option(help="Top events quoted for each period.", min=1, max=20)
    ] = 3,
) -> None:
    """Write one self-contained HTML report (charts and quoted events), readable offline.

    It reads the events and alerts `dyadwatch analyze` built; it says so when they are missing
    or older than the mentions."""
    from .report import write_report

    try:
        settings = load_settings(db=db, dyad=dyad)
        path = write_report(
            settings.db, out, load_dyad(settings.dyad), freq=freq, per_period=per_period
        )
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    err.print(f"report written to {path}")
    _note_stale(settings.db)


def _note_stale(db: str) -> None:
    from .store import Store

    with Store(db, read_only=True) as store:
        state = store.analysis_state()
    if state["stale"]:
        err.print(
            f"note: the events of {db} are missing or older than its mentions; run "
            f"`dyadwatch analyze --db {db}` and write the report again"
        )


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``report`` to the ``dyadwatch`` command."""
    app.command()(serve)
    app.command()(report)
