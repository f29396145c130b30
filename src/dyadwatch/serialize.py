"""The public JSON records of ``dyadwatch extract`` (documented in docs/extract-format.md).

This is a stable interface: fields are added, never renamed or removed, within a major version.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .extractors.tone import document_tone
from .models import ActorRef, DocumentResult, EventMention, FuzzyDate, PollFigure

FORMAT_VERSION = 1


def _date(value: FuzzyDate | None) -> str | None:
    return value.iso() if value else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def actor_json(ref: ActorRef) -> dict[str, Any]:
    return {
        "text": ref.text,
        "country": ref.country,
        "sector": ref.sector,
        "entity": ref.entity,
        "role": ref.role,
        "start": ref.start,
        "end": ref.end,
    }


def event_json(mention: EventMention) -> dict[str, Any]:
    return {
        "record": "event",
        "doc_id": mention.doc_id,
        "sentence": mention.sentence,
        "sentence_start": mention.sentence_start,
        "event_type": mention.event_type,
        "mode": mention.mode,
        "context": mention.context,
        "actors": [actor_json(a) for a in mention.actors],
        "recipients": [actor_json(r) for r in mention.recipients],
        "date": _date(mention.date),
        "date_end": _date(mention.date_end),
        "date_precision": mention.date.precision if mention.date else None,
        "date_source": mention.date_source,
        "negated": mention.negated,
        "hypothetical": mention.hypothetical,
        "modality": mention.modality,
        "action_type": mention.action_type,
        "reported_by": actor_json(mention.reported_by) if mention.reported_by else None,
        "issues": list(mention.issues),
        "tone": _round(mention.tone),
        "cameo_root": mention.cameo_root,
        "quad_class": mention.quad_class,
        "goldstein": mention.goldstein,
        "plover_score": mention.plover_score,
        "confidence": mention.confidence,
        "evidence": {
            "start": mention.evidence.start,
            "end": mention.evidence.end,
            "rule": mention.evidence.rule,
        },
    }


def poll_json(poll: PollFigure) -> dict[str, Any]:
    return {
        "record": "poll",
        "doc_id": poll.doc_id,
        "population": poll.population,
        "subject": poll.subject,
        "measure": poll.measure,
        "value": poll.value,
        "change": poll.change,
        "pollster": list(poll.pollster),
        "year": poll.year,
        "date": _date(poll.date),
        "sentence": poll.sentence,
        "evidence": {
            "start": poll.evidence.start,
            "end": poll.evidence.end,
            "rule": poll.evidence.rule,
        },
    }


def document_json(result: DocumentResult) -> dict[str, Any]:
    doc = result.document
    return {
        "record": "document",
        "doc_id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "url": doc.url,
        "published": _date(doc.published),
        "published_source": doc.published_source,
        "genre": doc.genre,
        "issues": list(result.issues),
        "tone": _round(result.tone),
        "tone_by_kind": {
            kind: {"mean": _round(stat.mean), "sentences": stat.n}
            for kind, stat in document_tone(result.sentences, doc).by_kind.items()
        },
        "posts": len(doc.posts),
        "sentences": len(result.sentences),
        "events": len(result.mentions),
        "polls": len(result.polls),
        "format_version": FORMAT_VERSION,
    }


def result_records(result: DocumentResult) -> Iterator[dict[str, Any]]:
    """The document record first, then its events and polls in text order."""
    yield document_json(result)
    for mention in result.mentions:
        yield event_json(mention)
    for poll in result.polls:
        yield poll_json(poll)
