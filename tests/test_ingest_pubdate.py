"""Date parsing and publication-date resolution (dyadwatch.ingest.pubdate)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyadwatch.ingest.pubdate import (
    PublicationEvidence,
    complete_dateline,
    find_copyright_years,
    find_stamps,
    parse_date_text,
    parse_dateline,
    parse_header_line,
    parse_metadata_date,
    resolve_publication,
)
from dyadwatch.models import FuzzyDate

FORMATS = (
    "%B %d, %Y",  # January 16, 2018
    "%b %d, %Y",  # Jan 16, 2018
    "%b. %d, %Y",  # Jan. 16, 2018
    "%d %b %Y",  # 16 Jan 2018
    "%d %B %Y",  # 16 January 2018
    "%Y-%m-%d",  # 2018-01-16
    "%Y/%m/%d",  # 2018/01/16
    "%A, %B %d, %Y",  # Tuesday, January 16, 2018
    "%Y-%m-%dT%H:%M:%SZ",  # ISO with time
    "%b %d, %Y %I:%M %p",  # Jan 16, 2018 09:05 AM
    "%d %b %Y %H:%M",  # 16 Jan 2018 09:05
)


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(FORMATS),
    st.sampled_from([str.upper, str.lower, lambda s: s]),
)
def test_formatted_dates_round_trip(day: dt.date, fmt: str, case) -> None:
    moment = dt.datetime(day.year, day.month, day.day, 9, 5)
    assert parse_date_text(case(moment.strftime(fmt))) == FuzzyDate.from_date(day)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_month_year_has_month_precision(day: dt.date) -> None:
    parsed = parse_date_text(day.strftime("%B %Y"))
    assert parsed == FuzzyDate(day.year, day.month)
    assert parsed.precision == "month"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January 16, 2018", FuzzyDate(2018, 1, 16)),
        ("MAY. 14, 2014", FuzzyDate(2014, 5, 14)),
        ("MAY. 14, 2014 - 11:52PM JST", FuzzyDate(2014, 5, 14)),
        ("14 Mar 2002", FuzzyDate(2002, 3, 14)),
        ("16th of January 2018", FuzzyDate(2018, 1, 16)),
        ("Sept. 3, 2019", FuzzyDate(2019, 9, 3)),
        ("2019-08-23 02:57:11 GMT", FuzzyDate(2019, 8, 23)),
        ("03/04/2019", None),  # day and month cannot be told apart
        ("Feb 30, 2019", None),  # no such day
        ("On January 16, 2018 the talks began", None),  # prose, not a date line
        ("2018", None),
        ("", None),
    ],
)
def test_parse_date_text(text: str, expected: FuzzyDate | None) -> None:
    assert parse_date_text(text) == expected


@pytest.mark.parametrize(
    ("line", "expected", "updated"),
    [
        ("January 16, 2018", FuzzyDate(2018, 1, 16), False),
        ("Published Jul 1, 2019", FuzzyDate(2019, 7, 1), False),
        ("Updated: 2019-08-23 02:57:11 GMT", FuzzyDate(2019, 8, 23), True),
        ("By Jane Roe | March 3, 2020", FuzzyDate(2020, 3, 3), False),
        ("Posted on 5 June 2021", FuzzyDate(2021, 6, 5), False),
        ("The meeting was held on January 16, 2018.", None, False),
    ],
)
def test_parse_header_line(line: str, expected: FuzzyDate | None, updated: bool) -> None:
    found = parse_header_line(line)
    if expected is None:
        assert found is None
    else:
        assert found is not None and (found.date, found.updated) == (expected, updated)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-08-23T02:57:11Z", FuzzyDate(2019, 8, 23)),
        ("2019-08-23T23:30:00-05:00", FuzzyDate(2019, 8, 23)),
        ("2019-08", FuzzyDate(2019, 8)),
        ("2019", FuzzyDate(2019)),
        ("Aug 23, 2019", FuzzyDate(2019, 8, 23)),
        ("2019-13-01", None),
        ("soon", None),
    ],
)
def test_parse_metadata_date(value: str, expected: FuzzyDate | None) -> None:
    assert parse_metadata_date(value) == expected


def test_datelines() -> None:
    yonhap = parse_dateline("SEOUL, Aug. 22 (Yonhap) -- South Korea said on Thursday ...")
    assert yonhap is not None
    assert (yonhap.place, yonhap.month, yonhap.day, yonhap.year) == ("SEOUL", 8, 22, None)
    assert yonhap.agency == "Yonhap"
    jiji = parse_dateline("Tokyo, July 4 (Jiji Press)--Japan and ...")
    assert jiji is not None and (jiji.month, jiji.day) == (7, 4)
    dated = parse_dateline("CHENGDU, China, Dec. 24, 2019 (Wire) -- Leaders met ...")
    assert dated is not None and dated.year == 2019
    assert parse_dateline("However, the talks went on - for hours") is None
    assert parse_dateline("Senior officials will meet on Thursday.") is None


def test_dateline_year_from_a_later_stamp_or_copyright() -> None:
    line = parse_dateline("SEOUL, Dec. 30 (Yonhap) -- Text")
    assert line is not None
    # A comment stamp of 2 January 2015 bounds the story: 30 December is then in 2014.
    assert complete_dateline(line, FuzzyDate(2015, 1, 2), None) == FuzzyDate(2014, 12, 30)
    assert complete_dateline(line, FuzzyDate(2015, 12, 31), None) == FuzzyDate(2015, 12, 30)
    assert complete_dateline(line, None, 2013) == FuzzyDate(2013, 12, 30)
    assert complete_dateline(line, None, None) is None


def test_stamps_and_copyright() -> None:
    assert find_stamps('@user2MAY. 14, 2014 - 11:52PM JST "quoted words"') == [
        FuzzyDate(2014, 5, 14)
    ]
    assert find_stamps("The treaty of June 22, 1965 was signed in Tokyo.") == []
    text = "(c) 2014 AFP\n©2024 Site Inc.\nCopyright © 2003-2024 Network"
    assert find_copyright_years(text) == [2014, 2024]


def test_resolution_order() -> None:
    meta = FuzzyDate(2020, 1, 2)
    header = ["Some Title", "March 3, 2019", "Body text starts here."]
    assert resolve_publication(PublicationEvidence(metadata=meta, header_lines=header)) == (
        meta,
        "metadata",
    )
    assert resolve_publication(PublicationEvidence(header_lines=header)) == (
        FuzzyDate(2019, 3, 3),
        "header",
    )
    updated_first = ["Updated: May 2, 2019", "Published May 1, 2019"]
    assert resolve_publication(PublicationEvidence(header_lines=updated_first))[0] == FuzzyDate(
        2019, 5, 1
    )


def test_year_less_dateline_without_any_year_is_not_dated() -> None:
    evidence = PublicationEvidence(lead_paragraphs=["SEOUL, Aug. 22 (Yonhap) -- Text."])
    assert resolve_publication(evidence) == (None, "none")


def test_dateline_takes_the_year_of_a_comment_stamp() -> None:
    evidence = PublicationEvidence(
        lead_paragraphs=["Tokyo, July 4 (Jiji Press)--Text."],
        comment_dates=[FuzzyDate(2016, 7, 5)],
        copyright_text="©2024 Site",
    )
    assert resolve_publication(evidence) == (FuzzyDate(2016, 7, 4), "dateline")


def test_comments_only_give_an_upper_bound() -> None:
    evidence = PublicationEvidence(comment_dates=[FuzzyDate(2014, 5, 20), FuzzyDate(2014, 5, 14)])
    assert resolve_publication(evidence) == (FuzzyDate(2014, 5, 14), "comments-upper-bound")


def test_old_copyright_beats_later_comments() -> None:
    evidence = PublicationEvidence(
        comment_dates=[FuzzyDate(2016, 2, 1)], copyright_text="(c) 2014 Wire"
    )
    assert resolve_publication(evidence) == (FuzzyDate(2014), "copyright")


def test_forum_post_stamp() -> None:
    evidence = PublicationEvidence(post_dates=[FuzzyDate(2002, 3, 14), FuzzyDate(2002, 4, 1)])
    assert resolve_publication(evidence) == (FuzzyDate(2002, 3, 14), "post-stamp")


def test_nothing_means_none() -> None:
    assert resolve_publication(PublicationEvidence()) == (None, "none")
