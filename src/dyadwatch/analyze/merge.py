"""Mentions to events: every report of one real-world happening becomes one ``Event``.

Mentions are first split into *blocks* that can never be the same happening when they differ:
PLOVER type, negated, hypothetical, and the actor and recipient countries (for the
``symmetric_types`` such as CONSULT, the set of all participating countries, so "Kishida met
Yoon" and "Yoon met Kishida" fall together). Inside a block:

1. *Copies*: mentions of the same sentence in the same story (a document and its near-duplicates,
   see ``dedup``) are one unit whatever their dates, since a copy may resolve "Thursday" against
   another publication date; the unit takes the original's dates when it has any.
2. *Day-precise* units merge (union-find) when their date ranges lie at most ``day_window`` days
   apart and the merged event would not span more than ``day_max_span`` days.
3. *Month-precise* units naming the same month merge; the group then joins the one day-precise
   event of that month in the block, when there is exactly one. With two or more candidates it
   stays an event of its own rather than chain two happenings together.
4. *Year-precise* units do the same at year level (joining a single day- or month-precise event).
5. *Undated* units join the one dated event of the block reported in the same story, if there is
   exactly one, else they merge with the other undated units of that story.

Every merge also needs compatible issues (``require_shared_issue``): two groups that both carry
issue tags must share one. The event's date is the most frequent date among its most precise
mentions; its scores are the means of its mentions'; its weight in the index is damped in the
number of distinct sources (see ``settings.WeightSettings``), where copies of one story and the
stories of one publisher each count once.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..store.queries import shorten_quote
from .settings import MergeSettings, WeightSettings
from .unionfind import UnionFind

_RANK = {"day": 0, "month": 1, "year": 2}
DIRECTIONS = ("A>B", "B>A", "A<>B", "other")


@dataclass(frozen=True, slots=True)
class MentionFacts:
    """What merging needs from one stored mention. ``ev_start``/``ev_end`` are offsets of the
    evidence inside ``sentence``."""

    id: str
    doc_id: str
    event_type: str
    actor_countries: tuple[str, ...] = ()
    recipient_countries: tuple[str, ...] = ()
    date: str | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    precision: str | None = None
    negated: bool = False
    hypothetical: bool = False
    issues: tuple[str, ...] = ()
    mode: str | None = None
    cameo_root: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    plover_score: float | None = None
    tone: float | None = None
    confidence: float = 0.5
    sentence: str = ""
    ev_start: int = 0
    ev_end: int = 0
    actor_label: str = ""
    recipient_label: str = ""


@dataclass(frozen=True, slots=True)
class DocumentSource:
    """Where a document's mentions come from: ``story`` is the original of its near-duplicate
    group (its own id when it has no copy), ``source`` the publisher that counts once."""

    story: str
    source: str


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world happening: the merged mentions (``mention_ids``) and what they agree on."""

    id: str
    event_type: str
    actor_countries: tuple[str, ...]
    recipient_countries: tuple[str, ...]
    direction: str
    negated: bool
    hypothetical: bool
    n_mentions: int
    n_documents: int
    n_sources: int
    weight: float
    quote: str
    quote_mention_id: str
    mention_ids: tuple[str, ...]
    mode: str | None = None
    date: str | None = None
    date_first: dt.date | None = None
    date_last: dt.date | None = None
    date_precision: str | None = None
    actor_label: str = ""
    recipient_label: str = ""
    issues: tuple[str, ...] = ()
    cameo_root: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    plover_score: float | None = None
    tone: float | None = None
    confidence: float = 0.0
    doc_ids: tuple[str, ...] = field(default=())


def direction_of(
    actors: Iterable[str], recipients: Iterable[str], countries: tuple[str, str]
) -> str:
    """``"A>B"`` (A acts on B), ``"B>A"``, ``"A<>B"`` or ``"other"``, where A and B are
    ``countries`` in order. ``A<>B`` is a joint act of the two (both among the actors, no third
    country receiving it) or one going both ways; a third country acting on both is ``other``.

    When one of the two acts and the other is among the recipients, recipients of the actor's
    own country are left aside: they are a venue ("welcomed Yoon to Tokyo") or a co-recipient
    ("accused the Korean navy and the JMSDF"), not a sign that the act is between others.
    """
    a, b = countries
    acting, receiving = set(actors), set(recipients)
    for own, other in ((a, b), (b, a)):
        if own in acting and other not in acting and other in receiving:
            receiving.discard(own)
    a_to_b = a in acting and b in receiving
    b_to_a = b in acting and a in receiving
    if a_to_b and not (b in acting or a in receiving):
        return "A>B"
    if b_to_a and not (a in acting or b in receiving):
        return "B>A"
    if (a in acting and b in acting and receiving <= {a, b}) or (a_to_b and b_to_a):
        return "A<>B"
    return "other"


def event_direction(directions: Iterable[str]) -> str:
    """The direction of an event from those of its mentions: the most frequent one between the
    two countries, ``A<>B`` when mentions go both ways (or on a tie with a joint one), and
    ``other`` only when no mention is between the two (a third-party recipient or an unresolved
    side in one report does not hide what the others say)."""
    counts = Counter(d for d in directions if d != "other")
    if not counts:
        return "other"
    if counts["A>B"] and counts["B>A"]:
        return "A<>B"
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return "A<>B"  # a one-way act and a joint one, reported as often: the joint act
    return ranked[0][0]


def event_id(mention_ids: Iterable[str]) -> str:
    """Stable id of an event: a hash of its smallest mention id (mention ids are unique and each
    belongs to one event, so event ids are unique and survive a rebuild)."""
    anchor = min(mention_ids)
    return "e" + hashlib.blake2b(anchor.encode("utf-8"), digest_size=8).hexdigest()


# --- union-find over units --------------------------------------------------------------------


@dataclass(slots=True)
class _Unit:
    """Mentions of one sentence in one story (copies), the smallest thing that merges."""

    mentions: list[MentionFacts]
    story: str
    precision: str | None
    first: dt.date | None
    last: dt.date | None
    issues: frozenset[str]


class _Sets(UnionFind):
    """Union-find over units that keeps, per root, the date range and issues of its set."""

    def __init__(self, units: Sequence[_Unit], settings: MergeSettings) -> None:
        super().__init__(len(units))
        self.precision = [u.precision for u in units]
        self.first = [u.first for u in units]
        self.last = [u.last for u in units]
        self.issues = [u.issues for u in units]
        self.settings = settings

    def issues_fit(self, i: int, j: int) -> bool:
        a, b = self.issues[i], self.issues[j]
        return not self.settings.require_shared_issue or not a or not b or bool(a & b)

    def span_fits(self, i: int, j: int) -> bool:
        first = min(self.first[i], self.first[j])  # type: ignore[type-var]
        last = max(self.last[i], self.last[j])  # type: ignore[type-var]
        return (last - first).days <= self.settings.day_max_span

    def union(self, i: int, j: int) -> tuple[int, int] | None:
        """Join the sets of ``i`` and ``j``; the date range is that of the finer one."""
        joined = super().union(i, j)
        if joined is None:
            return None
        root, child = joined
        rank_root = _RANK.get(self.precision[root] or "", 3)
        rank_child = _RANK.get(self.precision[child] or "", 3)
        if rank_child < rank_root:
            self.precision[root] = self.precision[child]
            self.first[root], self.last[root] = self.first[child], self.last[child]
        elif rank_child == rank_root and self.first[child] is not None:
            self.first[root] = min(self.first[root], self.first[child])  # type: ignore[type-var]
            self.last[root] = max(self.last[root], self.last[child])  # type: ignore[type-var]
        self.issues[root] = self.issues[root] | self.issues[child]
        return joined


def _units(mentions: Sequence[MentionFacts], stories: Mapping[str, DocumentSource]) -> list[_Unit]:
    grouped: dict[tuple[str, str], list[MentionFacts]] = {}
    for mention in mentions:
        story = stories[mention.doc_id].story if mention.doc_id in stories else mention.doc_id
        key = (story, " ".join(mention.sentence.lower().split()))
        grouped.setdefault(key, []).append(mention)
    units = []
    for (story, _), members in grouped.items():
        precision, first, last = _dates(members, lambda m, story=story: m.doc_id == story)
        issues = frozenset(i for m in members for i in m.issues)
        units.append(_Unit(members, story, precision, first, last, issues))
    return units


def _dates(
    members: Sequence[MentionFacts], original: Callable[[MentionFacts], bool]
) -> tuple[str | None, dt.date | None, dt.date | None]:
    """(precision, first day, last day) of the most precise dated mentions, taking those of
    original stories when they have any: a copy's relative dates may be resolved against a
    later publication date."""
    dated = [m for m in _dated(members) if original(m)] or _dated(members)
    if not dated:
        return None, None, None
    best = _finest(dated)
    first = min(m.first for m in best)  # type: ignore[type-var]
    last = max(m.last or m.first for m in best)  # type: ignore[type-var]
    return best[0].precision, first, last


def _dated(members: Sequence[MentionFacts]) -> list[MentionFacts]:
    return [m for m in members if m.first is not None and m.precision in _RANK]


def _finest(dated: Sequence[MentionFacts]) -> list[MentionFacts]:
    finest = min(_RANK[m.precision] for m in dated)  # type: ignore[index]
    return [m for m in dated if _RANK[m.precision] == finest]  # type: ignore[index]


def _cluster(units: Sequence[_Unit], settings: MergeSettings) -> list[list[int]]:
    """Indices of ``units`` grouped into events (the steps in the module docstring)."""
    sets = _Sets(units, settings)
    by_precision: dict[str | None, list[int]] = {}
    for i, unit in enumerate(units):
        by_precision.setdefault(unit.precision, []).append(i)

    # Day-precise units: those with the same dates and issues are one group at once; then
    # neighbours within the window, scanning back no further than the largest span allows.
    same: dict[tuple, int] = {}
    for i in by_precision.get("day", []):
        key = (units[i].first, units[i].last, units[i].issues)
        if key in same:
            sets.union(sets.find(same[key]), sets.find(i))
        else:
            same[key] = i
    days = sorted(same.values(), key=lambda i: (units[i].first, i))
    for n, i in enumerate(days):
        first_i, last_i = units[i].first, units[i].last
        for j in reversed(days[:n]):
            first_j, last_j = units[j].first, units[j].last
            if (first_i - first_j).days > settings.day_max_span:  # type: ignore[operator]
                break
            gap = max((first_i - last_j).days, (first_j - last_i).days, 0)  # type: ignore[operator]
            ri, rj = sets.find(i), sets.find(j)
            if (
                ri != rj
                and gap <= settings.day_window
                and sets.issues_fit(ri, rj)
                and sets.span_fits(ri, rj)
            ):
                sets.union(ri, rj)

    # Coarser units: same period first, then the one finer event inside that period.
    for precision in ("month", "year"):
        finer = sorted(
            (units[i].first, i)
            for p, members in by_precision.items()
            if p is not None and _RANK[p] < _RANK[precision]
            for i in members
        )
        starts = [first for first, _ in finer]
        same_period: dict[dt.date, list[int]] = {}
        for i in by_precision.get(precision, []):
            same_period.setdefault(units[i].first, []).append(i)  # type: ignore[arg-type]
        for members in same_period.values():
            _join_all(members, sets)
        for members in same_period.values():
            for root in {sets.find(i) for i in members}:
                r = sets.find(root)
                lo = bisect.bisect_left(starts, sets.first[r])
                hi = bisect.bisect_right(starts, sets.last[r])
                candidates = {
                    c
                    for c in (sets.find(i) for _, i in finer[lo:hi])
                    if c != r and sets.issues_fit(c, r)
                }
                if len(candidates) == 1:
                    sets.union(r, candidates.pop())

    # Undated units: the one dated event of the same story, else the story's other undated ones.
    undated = by_precision.get(None, [])
    if undated:
        dated_by_story: dict[str, set[int]] = {}
        for i, unit in enumerate(units):
            if unit.precision is not None:
                dated_by_story.setdefault(unit.story, set()).add(i)
        leftovers: dict[str, list[int]] = {}
        for i in undated:
            candidates = {
                r
                for r in (sets.find(j) for j in dated_by_story.get(units[i].story, ()))
                if sets.issues_fit(r, sets.find(i))
            }
            if len(candidates) == 1:
                sets.union(sets.find(i), candidates.pop())
            else:
                leftovers.setdefault(units[i].story, []).append(i)
        for members in leftovers.values():
            _join_all(members, sets)

    return sets.groups()


def _join_all(members: Sequence[int], sets: _Sets) -> None:
    """Merge ``members`` with each other wherever their issues allow: each joins the first
    group it fits (a member never bridges two groups that do not fit each other)."""
    roots: list[int] = []
    for i in members:
        ri = sets.find(i)
        for k, r in enumerate(roots):
            r = sets.find(r)
            if r == ri:
                break
            if sets.issues_fit(r, ri):
                sets.union(r, ri)
                roots[k] = sets.find(r)
                break
        else:
            roots.append(ri)


# --- from mentions to events ------------------------------------------------------------------


def _block_key(mention: MentionFacts, symmetric: frozenset[str]) -> tuple:
    if mention.event_type in symmetric:
        sides: tuple = (
            "joint",
            tuple(sorted(set(mention.actor_countries) | set(mention.recipient_countries))),
        )
    else:
        sides = (tuple(sorted(mention.actor_countries)), tuple(sorted(mention.recipient_countries)))
    return (mention.event_type, mention.negated, mention.hypothetical, sides)


def merge_mentions(
    mentions: Iterable[MentionFacts],
    countries: tuple[str, str],
    *,
    sources: Mapping[str, DocumentSource] | None = None,
    settings: MergeSettings | None = None,
    weighting: WeightSettings | None = None,
) -> list[Event]:
    """Merge ``mentions`` into events, in date order (undated last).

    ``sources`` maps a document id to its story (the original of its near-duplicates) and the
    source that counts once toward ``n_sources``; a document missing from it is a story and a
    source of its own. ``countries`` are the dyad's two countries (A, B) for ``direction``.
    """
    settings = settings or MergeSettings()
    weighting = weighting or WeightSettings()
    sources = sources or {}
    symmetric = frozenset(settings.symmetric_types)
    blocks: dict[tuple, list[MentionFacts]] = {}
    for mention in mentions:
        blocks.setdefault(_block_key(mention, symmetric), []).append(mention)
    events = []
    for key in sorted(blocks, key=repr):
        units = _units(blocks[key], sources)
        for cluster in _cluster(units, settings):
            members = [m for i in cluster for m in units[i].mentions]
            events.append(_event(members, countries, sources, weighting))
    events.sort(
        key=lambda e: (
            e.date_first is None,
            e.date_first or dt.date.min,
            e.date_last or dt.date.min,
            e.id,
        )
    )
    return events


def _most_common(values: Iterable[object]) -> object:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts.items(), key=lambda item: (-item[1], str(item[0])))[0]


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(sum(present) / len(present), 4) if present else None


def _event(
    members: list[MentionFacts],
    countries: tuple[str, str],
    sources: Mapping[str, DocumentSource],
    weighting: WeightSettings,
) -> Event:
    def story(m: MentionFacts) -> str:
        return sources[m.doc_id].story if m.doc_id in sources else m.doc_id

    def source(m: MentionFacts) -> str:
        return sources[m.doc_id].source if m.doc_id in sources else m.doc_id

    precision, first, last = _dates(members, lambda m: story(m) == m.doc_id)
    date = None
    if precision is not None:
        originals = [m for m in _dated(members) if story(m) == m.doc_id] or _dated(members)
        date = _most_common(m.date for m in _finest(originals))
    actors = tuple(sorted({c for m in members for c in m.actor_countries}))
    recipients = tuple(sorted({c for m in members for c in m.recipient_countries}))
    direction = event_direction(
        direction_of(m.actor_countries, m.recipient_countries, countries) for m in members
    )

    # The quote: the most confident mention, preferring one that gives the event's own date
    # and comes from an original story rather than a copy.
    quoted = min(
        members,
        key=lambda m: (
            -m.confidence,
            _RANK.get(m.precision or "", 3),
            m.date != date,
            story(m) != m.doc_id,
            m.id,
        ),
    )
    n_sources = len({source(m) for m in members})
    mention_ids = tuple(sorted(m.id for m in members))
    return Event(
        id=event_id(mention_ids),
        event_type=members[0].event_type,
        actor_countries=actors,
        recipient_countries=recipients,
        direction=direction,
        negated=members[0].negated,
        hypothetical=members[0].hypothetical,
        n_mentions=len(members),
        n_documents=len({m.doc_id for m in members}),
        n_sources=n_sources,
        weight=weighting.weight(n_sources),
        quote=shorten_quote(quoted.sentence, quoted.ev_start, quoted.ev_end),
        quote_mention_id=quoted.id,
        mention_ids=mention_ids,
        mode=_most_common(m.mode for m in members),  # type: ignore[arg-type]
        date=date,
        date_first=first,
        date_last=last,
        date_precision=precision,
        actor_label=quoted.actor_label,
        recipient_label=quoted.recipient_label,
        issues=tuple(sorted({i for m in members for i in m.issues})),
        cameo_root=_most_common(m.cameo_root for m in members),  # type: ignore[arg-type]
        quad_class=_most_common(m.quad_class for m in members),  # type: ignore[arg-type]
        goldstein=_mean(m.goldstein for m in members),
        plover_score=_mean(m.plover_score for m in members),
        tone=_mean(m.tone for m in members),
        confidence=max(m.confidence for m in members),
        doc_ids=tuple(sorted({m.doc_id for m in members})),
    )
