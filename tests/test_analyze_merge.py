"""Mentions to events: copies, date windows by precision, issues, modality, directions, weights."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.analyze.merge import (
    DocumentSource,
    MentionFacts,
    direction_of,
    event_direction,
    event_id,
    merge_mentions,
)
from dyadwatch.analyze.settings import AnalysisSettings, MergeSettings, WeightSettings
from dyadwatch.errors import ConfigError
from dyadwatch.models import FuzzyDate

JK = ("JPN", "KOR")


def m(
    mention_id: str,
    date: str | None,
    *,
    doc: str | None = None,
    kind: str = "SANCTION",
    actors: tuple[str, ...] = ("JPN",),
    recipients: tuple[str, ...] = ("KOR",),
    issues: tuple[str, ...] = (),
    sentence: str | None = None,
    goldstein: float | None = -8.0,
    negated: bool = False,
    hypothetical: bool = False,
    confidence: float = 0.8,
) -> MentionFacts:
    fuzzy = FuzzyDate.parse(date) if date else None
    text = sentence or f"Sentence of {mention_id}."
    return MentionFacts(
        id=mention_id,
        doc_id=doc or f"doc-{mention_id}",
        event_type=kind,
        actor_countries=actors,
        recipient_countries=recipients,
        date=date,
        first=fuzzy.first_day() if fuzzy else None,
        last=fuzzy.last_day() if fuzzy else None,
        precision=fuzzy.precision if fuzzy else None,
        negated=negated,
        hypothetical=hypothetical,
        issues=issues,
        goldstein=goldstein,
        quad_class=4,
        confidence=confidence,
        sentence=text,
        ev_start=0,
        ev_end=len(text) - 1,
    )


def groups(mentions: list[MentionFacts], **kwargs: object) -> list[list[str]]:
    events = merge_mentions(mentions, JK, **kwargs)  # type: ignore[arg-type]
    return sorted(sorted(e.mention_ids) for e in events)


# --- copies and sources -------------------------------------------------------------------------


def test_syndicated_copies_are_one_event_and_one_source() -> None:
    line = "Japan restricted the export of three chemicals to South Korea on Monday."
    mentions = [
        m("a", "2019-07-01", doc="times", sentence=line),
        m("b", "2019-07-09", doc="times-copy", sentence=line),  # resolved against a later date
        m("c", "2019-07-02", doc="wire"),
    ]
    sources = {
        "times": DocumentSource("times", "publisher:harbour times"),
        "times-copy": DocumentSource("times", "publisher:harbour times"),
        "wire": DocumentSource("wire", "publisher:pacific wire"),
    }
    (event,) = merge_mentions(mentions, JK, sources=sources)
    assert (event.n_mentions, event.n_documents, event.n_sources) == (3, 3, 2)
    assert event.weight == pytest.approx(1 + math.log(2))
    assert event.date == "2019-07-01" and event.quote_mention_id == "a"
    assert event.date_last == dt.date(2019, 7, 2)  # the copy's later date is not the event's
    # Without the duplicate link the copy is a story of its own, 8 days away: not merged.
    assert groups(mentions) == [["a", "c"], ["b"]]


def test_mentions_of_one_publisher_count_as_one_source() -> None:
    sources = {d: DocumentSource(d, "publisher:pacific wire") for d in ("x", "y")}
    (event,) = merge_mentions(
        [m("a", "2019-07-01", doc="x"), m("b", "2019-07-01", doc="y")], JK, sources=sources
    )
    assert (event.n_documents, event.n_sources, event.weight) == (2, 1, 1.0)


# --- date windows by precision ------------------------------------------------------------------


def test_day_precise_mentions_merge_within_the_window_only() -> None:
    assert groups([m("a", "2019-07-01"), m("b", "2019-07-03")]) == [["a", "b"]]
    assert groups([m("a", "2019-07-01"), m("b", "2019-07-04")]) == [["a"], ["b"]]
    tight = MergeSettings(day_window=0, day_max_span=0)
    assert groups([m("a", "2019-07-01"), m("b", "2019-07-02")], settings=tight) == [["a"], ["b"]]


def test_a_chain_of_reports_never_spans_more_than_the_largest_span() -> None:
    days = ["2019-07-01", "2019-07-03", "2019-07-05", "2019-07-07", "2019-07-09"]
    found = groups([m(f"m{i}", d) for i, d in enumerate(days)])
    assert found == [["m0", "m1", "m2"], ["m3", "m4"]]


def test_a_month_precise_mention_joins_the_one_event_of_its_month() -> None:
    found = groups([m("day", "2019-07-01"), m("month", "2019-07"), m("june", "2019-06")])
    assert found == [["day", "month"], ["june"]]
    (event,) = [e for e in merge_mentions([m("day", "2019-07-01"), m("month", "2019-07")], JK)]
    assert (event.date, event.date_precision, event.date_last) == (
        "2019-07-01",
        "day",
        dt.date(2019, 7, 1),
    )


def test_a_coarse_mention_stays_apart_when_two_events_could_be_meant() -> None:
    mentions = [m("early", "2019-07-01"), m("late", "2019-07-20"), m("month", "2019-07")]
    assert groups(mentions) == [["early"], ["late"], ["month"]]
    year = [m("july", "2019-07-01"), m("year", "2019"), m("other-year", "2018")]
    assert groups(year) == [["july", "year"], ["other-year"]]
    months = [m("a", "2019-07"), m("b", "2019-07"), m("c", "2019-08")]
    assert groups(months) == [["a", "b"], ["c"]]


def test_undated_mentions_join_the_one_dated_event_of_their_story() -> None:
    mentions = [
        m("dated", "2019-07-01", doc="story"),
        m("undated", None, doc="story"),
        m("elsewhere", None, doc="encyclopedia"),
        m("elsewhere-too", None, doc="encyclopedia"),
        m("far", None, doc="other"),
    ]
    assert groups(mentions) == [["dated", "undated"], ["elsewhere", "elsewhere-too"], ["far"]]


# --- what must never merge ----------------------------------------------------------------------


def test_issues_must_be_compatible() -> None:
    mentions = [
        m("trade", "2019-07-01", issues=("trade",)),
        m("security", "2019-07-01", issues=("security",)),
        m("untagged", "2019-07-01"),
    ]
    found = groups(mentions)
    assert len(found) == 2  # the untagged mention fits either and joins one of them
    assert not any("trade" in g and "security" in g for g in found)
    loose = MergeSettings(require_shared_issue=False)
    assert groups(mentions, settings=loose) == [["security", "trade", "untagged"]]


def test_negated_and_hypothetical_mentions_are_events_of_their_own() -> None:
    mentions = [
        m("real", "2019-07-01"),
        m("denied", "2019-07-01", negated=True),
        m("planned", "2019-07-01", hypothetical=True),
    ]
    assert groups(mentions) == [["denied"], ["planned"], ["real"]]
    events = {e.mention_ids[0]: e for e in merge_mentions(mentions, JK)}
    assert events["denied"].negated and events["planned"].hypothetical


def test_types_and_sides_split_events_except_for_symmetric_types() -> None:
    assert groups([m("a", "2019-07-01"), m("b", "2019-07-01", kind="ACCUSE")]) == [["a"], ["b"]]
    accuse = [
        m("jk", "2019-07-01", kind="ACCUSE"),
        m("kj", "2019-07-01", kind="ACCUSE", actors=("KOR",), recipients=("JPN",)),
    ]
    assert groups(accuse) == [["jk"], ["kj"]]
    consult = [
        m("jk", "2023-03-16", kind="CONSULT", goldstein=1.0),
        m("kj", "2023-03-16", kind="CONSULT", actors=("KOR",), recipients=("JPN",)),
        m("joint", "2023-03-16", kind="CONSULT", actors=("JPN", "KOR"), recipients=()),
    ]
    (event,) = merge_mentions(consult, JK)
    assert event.direction == "A<>B" and event.n_mentions == 3
    strict = MergeSettings(symmetric_types=())
    assert len(groups(consult, settings=strict)) == 3


@pytest.mark.parametrize(
    ("actors", "recipients", "direction"),
    [
        (("JPN",), ("KOR",), "A>B"),
        (("JPN", "USA"), ("KOR",), "A>B"),
        (("KOR",), ("JPN", "USA"), "B>A"),
        (("JPN", "KOR"), (), "A<>B"),
        (("JPN", "KOR"), ("KOR",), "A<>B"),
        (("JPN", "KOR"), ("USA",), "other"),
        (("USA",), ("JPN", "KOR"), "other"),
        (("KOR",), (), "other"),
        (("JPN",), ("JPN",), "other"),
        ((), ("KOR",), "other"),
        # The reviewer's cases: a recipient of the actor's own country beside the other one is
        # a venue ("welcomed President Yoon to Tokyo") or a co-recipient ("the Korean navy and
        # the JMSDF"), not a sign that the act is between others.
        (("JPN",), ("KOR", "JPN"), "A>B"),
        (("KOR",), ("JPN", "KOR"), "B>A"),
        (("JPN",), ("KOR", "JPN", "USA"), "A>B"),
        (("JPN", "USA"), ("KOR", "JPN"), "A>B"),
        (("JPN", "KOR"), ("JPN", "KOR"), "A<>B"),
        (("JPN",), ("JPN", "USA"), "other"),
    ],
)
def test_direction(actors: tuple[str, ...], recipients: tuple[str, ...], direction: str) -> None:
    assert direction_of(actors, recipients, JK) == direction


@pytest.mark.parametrize(
    ("members", "direction"),
    [
        (["A<>B", "other", "other"], "A<>B"),  # one clear mention is enough
        (["A>B", "other"], "A>B"),
        (["A>B", "A>B", "A<>B"], "A>B"),  # the majority
        (["A>B", "A<>B"], "A<>B"),  # a tie with the joint act
        (["A>B", "A>B", "B>A"], "A<>B"),  # both ways
        (["B>A"], "B>A"),
        (["other", "other"], "other"),  # only when no member is between the two
    ],
)
def test_event_direction(members: list[str], direction: str) -> None:
    assert event_direction(members) == direction


def test_a_summit_reported_with_venues_stays_between_the_two() -> None:
    """2023-03-16: "Kishida welcomed Yoon to Tokyo" (venue JPN) and a report with a Korean
    venue were "other", and one "other" mention made the whole summit "other"."""
    summit = [
        m("venue", "2023-03-16", kind="CONSULT", recipients=("KOR", "JPN"), goldstein=1.0),
        m("seoul", "2023-03-16", kind="CONSULT", actors=("KOR",), recipients=("JPN", "KOR")),
        m("joint", "2023-03-16", kind="CONSULT", actors=("JPN", "KOR"), recipients=()),
    ]
    (event,) = merge_mentions(summit, JK)
    assert event.n_mentions == 3 and event.direction == "A<>B"
    radar = [m("radar", "2018-12-21", kind="ACCUSE", recipients=("KOR", "JPN"))]
    (accuse,) = merge_mentions(radar, JK)
    assert accuse.direction == "A>B"


# --- event fields and weights -------------------------------------------------------------------


def test_an_event_takes_the_most_frequent_precise_date_and_mean_scores() -> None:
    mentions = [
        m("a", "2019-07-02", goldstein=-8.0),
        m("b", "2019-07-01", goldstein=-6.0, confidence=0.9),
        m("c", "2019-07-02", goldstein=None),
        m("d", "2019-07", goldstein=-4.0),
    ]
    (event,) = merge_mentions(mentions, JK)
    assert event.date == "2019-07-02"
    assert (event.date_first, event.date_last) == (dt.date(2019, 7, 1), dt.date(2019, 7, 2))
    assert event.goldstein == pytest.approx(-6.0)
    assert event.confidence == 0.9 and event.quote_mention_id == "b"  # the most confident
    assert event.mention_ids == ("a", "b", "c", "d")


@pytest.mark.parametrize(
    ("damping", "sources", "weight"),
    [
        ("log", 1, 1.0),
        ("log", 2, 1 + math.log(2)),
        ("log", 10, 1 + math.log(10)),
        ("log", 500, 4.0),  # capped: one heavily syndicated story does not dominate
        ("sqrt", 9, 3.0),
        ("none", 50, 1.0),
    ],
)
def test_damped_weights(damping: str, sources: int, weight: float) -> None:
    assert WeightSettings(damping=damping).weight(sources) == pytest.approx(weight, abs=1e-6)


def test_settings_come_from_the_settings_file_block() -> None:
    chosen = AnalysisSettings.from_mapping(
        {"merge": {"day_window": 1, "symmetric_types": ["CONSULT"]}, "weight": {"max_weight": 2}}
    )
    assert chosen.merge.day_window == 1 and chosen.merge.symmetric_types == ("CONSULT",)
    assert chosen.weight.weight(1000) == 2.0
    assert chosen.as_dict()["alerts"]["freqs"] == ("week", "month")
    for bad, words in (
        ({"merge": {"window": 1}}, "unknown setting analysis.merge.window"),
        ({"merges": {}}, "unknown analysis setting"),
        ({"merge": {"day_window": "two"}}, "must be a number"),
        ({"merge": {"day_window": 9}}, "day_window must be"),
        ({"merge": {"symmetric_types": ["HUG"]}}, "unknown PLOVER types HUG"),
        ({"weight": {"damping": "cube"}}, "damping must be one of"),
        ({"alerts": {"freqs": ["hour"]}}, "unknown frequencies hour"),
        ({"dedup": {"bands": 30}}, "multiple of dedup.bands"),
    ):
        with pytest.raises(ConfigError, match=words):
            AnalysisSettings.from_mapping(bad)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(min_value=0, max_value=100_000))
def test_events_do_not_depend_on_the_order_of_mentions(seed: int) -> None:
    rng = random.Random(seed)
    mentions = [
        m(
            f"m{i}",
            rng.choice(["2019-07-01", "2019-07-02", "2019-07-05", "2019-07", "2019", None]),
            doc=f"doc{rng.randrange(4)}",
            kind=rng.choice(["SANCTION", "CONSULT"]),
            issues=rng.choice([(), ("trade",), ("history",)]),
        )
        for i in range(12)
    ]
    shuffled = list(mentions)
    rng.shuffle(shuffled)
    first = {e.id: e.mention_ids for e in merge_mentions(mentions, JK)}
    assert sorted(m for ids in first.values() for m in ids) == sorted(x.id for x in mentions)
    assert all(event_id(ids) == key for key, ids in first.items())
    # Union-find is greedy, so the grouping may differ with the order, but the ids are always a
    # function of the members and every mention belongs to exactly one event.
    second = {e.id: e.mention_ids for e in merge_mentions(shuffled, JK)}
    assert sorted(m for ids in second.values() for m in ids) == sorted(x.id for x in mentions)
