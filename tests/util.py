"""Small helpers shared by test modules."""

from __future__ import annotations


def countries(refs) -> set[str | None]:
    return {r.country for r in refs}
