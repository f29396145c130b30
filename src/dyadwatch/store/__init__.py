"""DuckDB storage: the only part of dyadwatch that writes records anywhere.

``Store(path)`` opens (and if needed creates or migrates) a database file; ``Store(":memory:")``
gives a throw-away store for tests. See ``database.Store`` for the methods.
"""

from __future__ import annotations

from .database import Store
from .derived import EventFilter
from .queries import MentionFilter
from .schema import LATEST_VERSION, MIGRATIONS

__all__ = ["LATEST_VERSION", "MIGRATIONS", "EventFilter", "MentionFilter", "Store"]
