"""The HTTP side of dyadwatch: a read-only JSON API and the dashboard that draws it.

``create_app(db_path, dyad)`` builds the FastAPI app; ``dyadwatch serve`` runs it with uvicorn.
The figures come from ``data.DataSource``, which reads the merged events, the relation index and
the alerts of ``dyadwatch.analyze`` and shapes them as ``schemas``. ``data`` and ``schemas`` need
only pydantic, so the report works without the web dependencies; FastAPI is imported when
``create_app`` is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .data import DataSource

if TYPE_CHECKING:
    from .app import create_app

__all__ = ["DataSource", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
