"""Named errors. Each message says what was wrong and what to do about it."""

from __future__ import annotations


class DyadwatchError(Exception):
    """Base class of every error dyadwatch raises on purpose."""


class InputError(DyadwatchError):
    """An input could not be read; the batch goes on and the input is logged as skipped."""

    def __init__(self, source: str, reason: str, detail: str = "") -> None:
        self.source = source
        self.reason = reason
        self.detail = detail
        message = f"{source}: {reason}" + (f" ({detail})" if detail else "")
        super().__init__(message)


class ConfigError(DyadwatchError):
    """A dyad configuration or knowledge file is missing or malformed."""


class KnowledgeError(ConfigError):
    """A knowledge file (actors, countries, patterns, issues) has a bad entry."""


class StoreError(DyadwatchError):
    """The database could not be opened, migrated or written."""


class QueryError(DyadwatchError):
    """A query parameter is invalid (bad date, unknown event type …)."""


class ModelNotInstalledError(DyadwatchError):
    """The spaCy English model is missing; the message says which package to install."""


class ExportError(DyadwatchError):
    """An export could not be written (bad format, unwritable file)."""
