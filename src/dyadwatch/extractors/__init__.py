"""Extractors: one module per kind of record (actors, events, dates, issues, tone, polls)."""
