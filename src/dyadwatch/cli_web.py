"""``dyadwatch serve`` and ``dyadwatch report``: the commands that turn a database into pictures.

``register(app)`` adds them to the main typer app; the web dependencies (FastAPI, uvicorn) are
imported only when ``serve`` runs. Both read the database for the dyad its events were built
for (see ``cli_analysis.open_settings``).
"""

from __future__ import annotations

import errno
import socket
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .analyze.settings import analysis_settings
from .cli_analysis import DbOption, DyadOption, Freq, open_settings
from .config import DEFAULT_DB
from .errors import DyadwatchError, QueryError

err = Console(stderr=True, highlight=False, soft_wrap=True)  # messages stay whole lines

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _fail(exc: Exception, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(code)


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host``:``port`` and listening, or ``DyadwatchError`` saying why not
    (the port in use, an address this machine does not have)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as exc:
        raise DyadwatchError(f"cannot listen on {host}: {exc.strerror}; check --host") from exc
    sock = socket.socket(family, kind, proto)
    try:
        # As uvicorn does: a server stopped a moment ago does not block the port.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise DyadwatchError(
                f"port {port} on {host} is in use (another `dyadwatch serve`?); stop it or "
                "choose another port with --port"
            ) from exc
        raise DyadwatchError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    return sock


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
        settings, chosen = open_settings(db, dyad)
        application = create_app(settings.db, chosen, analysis_settings(settings))
        sock = listening_socket(host, port)
    except QueryError as exc:
        raise _fail(exc, 2) from exc
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    if host not in LOOPBACK:
        err.print(f"warning: listening on {host}: anyone who can reach it can read the database")
    shown = f"[{host}]" if ":" in host else host
    err.print(f"dashboard on http://{shown}:{port}/ (Ctrl+C stops)")
    server = uvicorn.Server(uvicorn.Config(application, log_level="warning"))
    try:
        server.run(sockets=[sock])
    except SystemExit as exc:  # uvicorn's own startup failure: its message is above
        raise _fail(DyadwatchError("the server stopped while starting; see above")) from exc
    finally:
        sock.close()


def report(
    out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("report.html"),
    db: DbOption = DEFAULT_DB,
    dyad: DyadOption = None,
    freq: Annotated[Freq, typer.Option(help="Period of the charts.")] = Freq.month,
    per_period: Annotated[
        int, typer.Option(help="Top events quoted for each period.", min=1, max=20)
    ] = 3,
) -> None:
    """Write one self-contained HTML report (charts and quoted events), readable offline.

    It reads the events and alerts `dyadwatch analyze` built; it says so when they are missing
    or older than the mentions."""
    from .report import write_report

    try:
        settings, chosen = open_settings(db, dyad)
        path = write_report(
            settings.db,
            out,
            chosen,
            freq=freq.value,
            per_period=per_period,
            analysis=analysis_settings(settings),
        )
    except QueryError as exc:
        raise _fail(exc, 2) from exc
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
