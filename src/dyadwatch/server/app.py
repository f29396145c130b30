"""The read API and the dashboard: ``create_app(db_path, dyad)`` returns a FastAPI app.

Every route only reads. Bad inputs give a 4xx with a message: 400 for values dyadwatch rejects
(a bad date, an unknown event type, direction or period, a period that is not of ``freq``, alerts
of a frequency or direction the analysis does not compute), 422 for values outside their declared
range or list (a negative offset, a limit above 1000, freq=hour, source=acled), 404 for an
unknown event id. A database that cannot be read gives 503 with what to do; nothing answers with
SQL or a stack trace. Every answer carries a Content-Security-Policy that allows only this
server's own files.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..analyze.settings import AnalysisSettings
from ..config import Dyad
from ..errors import QueryError, StoreError
from . import schemas
from .data import DataSource

log = logging.getLogger("dyadwatch.server")

MAX_LIMIT = 1000
# The dashboard loads its script, style and data from this server only and sets text with
# textContent; the policy keeps it so even if a stored value ever reached the page as markup
# (no inline script, no other origin, no plugins, no framing).
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

DateParam = Annotated[
    str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD.", examples=["2019-07"])
]
FreqParam = Annotated[schemas.Freq, Query(description="Length of a period.")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page, 1…{MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
DirectionParam = Annotated[
    str,
    Query(description="both, A>B for events from country A to country B, or A<>B (joint)."),
]
_ERRORS: dict[int | str, dict] = {
    400: {"model": schemas.ErrorBody, "description": "A filter value dyadwatch rejects."},
    503: {"model": schemas.ErrorBody, "description": "The database cannot be read now."},
}


def web_dir() -> Path:
    """The packaged dashboard files (``dyadwatch/web``)."""
    return Path(str(resources.files("dyadwatch") / "web"))


def create_app(
    db_path: str, dyad: Dyad | None = None, analysis: AnalysisSettings | None = None
) -> FastAPI:
    """The API and dashboard over the database at ``db_path`` (opened read-only per request),
    for the dyad its events were built for. ``dyad``, when given, must be that one; ``analysis``
    describes the figures until the first ``dyadwatch analyze`` (after it, the settings it
    recorded do).

    Raises ``StoreError`` at once when the database is missing or unreadable and
    ``DyadMismatchError`` when its events were built for another dyad than ``dyad``.
    """
    data = DataSource.open(db_path, dyad, analysis)
    app = FastAPI(
        title="dyadwatch",
        # FastAPI's /docs and /redoc pages load their scripts from a CDN: left out, since the
        # dashboard must work offline. /openapi.json describes the API.
        docs_url=None,
        redoc_url=None,
        version=__version__,
        description=(
            f"Read-only API over {Path(db_path).name} for the dyad {data.dyad.name}: events with "
            "their source sentences, the relation index, issue salience, polls and alerts."
        ),
    )
    app.state.data = data
    _add_error_handlers(app, db_path)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    app.mount("/static", StaticFiles(directory=web_dir()), name="static")

    # HEAD as well as GET: link checkers and uptime monitors ask with HEAD.
    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(web_dir() / "index.html", media_type="text/html")

    @app.get("/api/summary", response_model=schemas.Summary, responses=_ERRORS)
    def summary() -> schemas.Summary:
        """Counts, date range, event types and issues of the database."""
        return data.summary()

    @app.get("/api/events", response_model=schemas.EventPage, responses=_ERRORS)
    def events(
        since: DateParam = None,
        until: DateParam = None,
        event_type: Annotated[
            str | None, Query(alias="type", description="PLOVER type, e.g. PROTEST.")
        ] = None,
        actor: Annotated[
            str | None, Query(description="ISO3 code, entity or text, either side.")
        ] = None,
        issue: Annotated[str | None, Query(description="Issue id.")] = None,
        direction: Annotated[
            str | None, Query(description="both, JPN>KOR, KOR>JPN, JPN<>KOR or other.")
        ] = None,
        freq: Annotated[
            schemas.Freq | None, Query(description="Length of `period` (default month).")
        ] = None,
        period: Annotated[
            str | None,
            Query(description="An index period (2019-07, 2019-W27 …): exactly its events."),
        ] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> schemas.EventPage:
        """Merged events in date order (undated last); a date filter keeps events whose dates
        overlap it, ``period`` the events an index point counts."""
        return data.events(
            since=since,
            until=until,
            event_type=event_type,
            actor=actor,
            issue=issue,
            direction=direction,
            freq=freq,
            period=period,
            limit=limit,
            offset=offset,
        )

    @app.get(
        "/api/events/{event_id}",
        response_model=schemas.EventDetail,
        responses={**_ERRORS, 404: {"model": schemas.ErrorBody, "description": "Unknown id."}},
    )
    def event(event_id: str) -> schemas.EventDetail:
        """One event with every sentence that reports it and those sentences' documents."""
        found = data.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event with id {event_id!r}; list ids with /api/events")
        return found

    @app.get("/api/index", response_model=schemas.IndexSeries, responses=_ERRORS)
    def relation_index(
        freq: FreqParam = "month",
        direction: DirectionParam = "both",
        since: DateParam = None,
        until: DateParam = None,
        source: Annotated[
            schemas.Source, Query(description="dyadwatch (merged events) or gdelt (imported).")
        ] = "dyadwatch",
    ) -> schemas.IndexSeries:
        """The relation index per period (periods without events are left out)."""
        return data.index(freq, direction, since, until, source)

    @app.get("/api/issues", response_model=schemas.IssueSeries, responses=_ERRORS)
    def issues(
        freq: FreqParam = "month",
        since: DateParam = None,
        until: DateParam = None,
        direction: DirectionParam = "both",
    ) -> schemas.IssueSeries:
        """Issue salience per period."""
        return data.issues(freq, since, until, direction)

    @app.get("/api/polls", response_model=schemas.PollList, responses=_ERRORS)
    def polls() -> schemas.PollList:
        """Every poll figure with the text it was read from."""
        return data.polls()

    @app.get("/api/alerts", response_model=schemas.AlertList, responses=_ERRORS)
    def alerts(
        freq: FreqParam = "month",
        since: DateParam = None,
        until: DateParam = None,
        direction: DirectionParam = "both",
    ) -> schemas.AlertList:
        """Periods whose relation index moved sharply, with the events behind the move."""
        return data.alerts(freq, since, until, direction)

    @app.get("/api/documents", response_model=schemas.DocumentPage, responses=_ERRORS)
    def documents(limit: Limit = 100, offset: Offset = 0) -> schemas.DocumentPage:
        """Stored documents, dated ones first."""
        return data.documents(limit, offset)

    return app


def _add_error_handlers(app: FastAPI, db_path: str) -> None:
    @app.exception_handler(QueryError)  # DataError is one too
    async def bad_value(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(StoreError)
    async def unreadable(request: Request, exc: StoreError) -> JSONResponse:
        log.error("reading %s for %s failed: %s", db_path, request.url.path, exc)
        if "in use" in str(exc):
            detail = (
                f"the database {Path(db_path).name} is in use by another process (a running "
                "`dyadwatch run`?); try again when it has finished"
            )
        else:
            detail = f"the database {Path(db_path).name} could not be read; see the server log"
        return JSONResponse({"detail": detail}, status_code=503)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return JSONResponse({"detail": "internal error; see the server log"}, status_code=500)
