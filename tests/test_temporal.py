"""Temporal tagger: golden cases for each kind of expression, properties over base dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.models import FuzzyDate
from dyadwatch.nlp.temporal import TimeExpression, find_time_expressions

THU = FuzzyDate(2014, 5, 15)  # a Thursday
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def only(text: str, base: FuzzyDate | None = THU, tense: str | None = "past") -> TimeExpression:
    """The single dated (non-duration) expression in ``text``."""
    found = [e for e in find_time_expressions(text, base, tense) if e.kind != "duration"]
    assert len(found) == 1, found
    return found[0]


def iso(value: FuzzyDate | None) -> str | None:
    return None if value is None else value.iso()


def dates() -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2080, 12, 31))


# --- explicit ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("On March 2, 2015, the ministers met.", "March 2, 2015", "2015-03-02"),
        ("The ministers met on 2 March 2015.", "2 March 2015", "2015-03-02"),
        ("They met on the 2nd of March, 2015.", "the 2nd of March, 2015", "2015-03-02"),
        ("They met in March 2015.", "March 2015", "2015-03"),
        ("The row began in December 2000.", "December 2000", "2000-12"),
        ("Relations were normalised in 1965.", "1965", "1965"),
        ("The ruling of 2019-08-23 was cited.", "2019-08-23", "2019-08-23"),
        ("The memo is dated 2015.12.28.", "2015.12.28", "2015-12-28"),
        ("The plan was approved on 2019/08/02.", "2019/08/02", "2019-08-02"),
        ("The memo is dated 2019年8月23日.", "2019年8月23日", "2019-08-23"),
        ("The deadline was 08/23/2019.", "08/23/2019", "2019-08-23"),
        ("On Friday, 14 April 2006, the ship left.", "Friday, 14 April 2006", "2006-04-14"),
        ("It was announced Sept. 4, 2019.", "Sept. 4, 2019", "2019-09-04"),
        ("They met in mid-May 2019.", "mid-May 2019", "2019-05"),
        ("Chip demand should recover in late 2019.", "late 2019", "2019"),
        ("Growth slowed in mid-2019.", "mid-2019", "2019"),
        ("Prices fell at the end of 2019.", "the end of 2019", "2019"),
        ("Arrivals rose in the first half of 2023.", "the first half of 2023", "2023"),
        ("Protests spread in spring 2019.", "spring 2019", "2019"),
        ("Protests spread in the summer of 2019.", "the summer of 2019", "2019"),
        ("The war began at Busan in 1592.", "1592", "1592"),
        ("The talks were postponed to 2021.", "2021", "2021"),
        ("In 2019's first quarter exports fell.", "2019", "2019"),
        ("The agreement of 2015 was dismantled.", "2015", "2015"),
        ("Budgets were cut in FY2019.", "FY2019", "2019"),
    ],
)
def test_explicit_dates(text: str, span: str, value: str) -> None:
    expr = only(text)
    assert (expr.text, iso(expr.value), expr.kind, expr.anchored) == (
        span,
        value,
        "explicit",
        False,
    )
    assert text[expr.start : expr.end] == expr.text


def test_explicit_date_ignores_base_and_tense() -> None:
    for base in (None, FuzzyDate(1990, 1, 1), FuzzyDate(2030, 6)):
        for tense in (None, "past", "future"):
            assert iso(only("On March 2, 2015, they met.", base, tense).value) == "2015-03-02"


@pytest.mark.parametrize(
    ("text", "base", "tense", "value"),
    [
        ("Tokyo responded on Aug. 22.", "2019-08-23", "past", "2019-08-22"),
        ("They met March 16.", "2014-05-15", "past", "2014-03-16"),
        # Past tense: a date a few days after the base stays in the base year ...
        ("They met on May 17.", "2014-05-15", "past", "2014-05-17"),
        # ... one further ahead is last year's.
        ("They met on May 25.", "2014-05-15", "past", "2013-05-25"),
        ("They met on Dec. 30.", "2024-01-02", "past", "2023-12-30"),
        # Future: the next occurrence.
        ("They will meet on March 3.", "2024-03-20", "future", "2025-03-03"),
        ("They will meet on Jan. 15.", "2019-12-20", "future", "2020-01-15"),
        # No tense: the nearest occurrence.
        ("The meeting on May 25.", "2014-05-15", None, "2014-05-25"),
        ("The meeting on December 28.", "2015-01-03", None, "2014-12-28"),
        ("Kim spoke on 15 August.", "2019-08-16", "past", "2019-08-15"),
        ("The summit on February 29.", "2021-03-01", "past", "2020-02-29"),
    ],
)
def test_day_month_without_year_takes_year_from_base(
    text: str, base: str, tense: str | None, value: str
) -> None:
    expr = only(text, FuzzyDate.parse(base), tense)
    assert (iso(expr.value), expr.kind, expr.anchored) == (value, "explicit", True)


@pytest.mark.parametrize(
    ("text", "base", "tense", "value"),
    [
        ("He spoke on the 14th.", "2014-05-15", "past", "2014-05-14"),
        ("He spoke on the 16th.", "2014-05-15", "past", "2014-04-16"),
        ("They will meet on the 16th.", "2023-03-10", "future", "2023-03-16"),
        ("They will meet on the 2nd.", "2023-03-10", "future", "2023-04-02"),
        ("The briefing on the 9th focused on seafood.", "2023-08-18", "past", "2023-08-09"),
        ("They met on the 31st.", "2023-05-15", "past", "2023-03-31"),
        ("They met on the 4th of this month.", "2023-05-15", "past", "2023-05-04"),
    ],
)
def test_ordinal_day_of_base_month(text: str, base: str, tense: str, value: str) -> None:
    assert iso(only(text, FuzzyDate.parse(base), tense).value) == value


@pytest.mark.parametrize(
    ("text", "base", "tense", "value"),
    [
        ("Shipments plunged in mid-July.", "2019-08-29", "past", "2019-07"),
        ("Shipments plunged in mid July.", "2019-08-29", "past", "2019-07"),
        ("Officials met in early June.", "2014-05-15", "past", "2013-06"),
        ("Officials will meet in early June.", "2014-05-15", "future", "2014-06"),
        ("Officials met in late May.", "2014-05-15", "past", "2014-05"),
    ],
)
def test_modified_month_has_month_precision(text: str, base: str, tense: str, value: str) -> None:
    expr = only(text, FuzzyDate.parse(base), tense)
    assert (iso(expr.value), expr.kind) == (value, "explicit")


def test_year_less_dates_need_a_base() -> None:
    for text in ("Tokyo responded on Aug. 22.", "He spoke on the 16th.", "They met in mid-May."):
        expr = only(text, None)
        assert expr.value is None and not expr.anchored


# --- decades, ranges ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Tourism boomed in the 1990s.", "the 1990s"),
        ("Tourism boomed in the late 1990s.", "the late 1990s"),
        ("Tourism boomed in the '90s.", "the '90s"),
        ("The scars of the 20th century remain.", "the 20th century"),
    ],
)
def test_decades_and_centuries_are_durations_without_value(text: str, span: str) -> None:
    found = find_time_expressions(text, THU, "past")
    assert [(e.text, e.kind, e.value) for e in found] == [(span, "duration", None)]


@pytest.mark.parametrize(
    ("text", "base", "span", "start", "end"),
    [
        ("Japan ruled Korea 1910-45.", None, "1910-45", "1910", "1945"),
        ("Japan ruled Korea 1910–1945.", None, "1910–1945", "1910", "1945"),
        ("Japan ruled Korea (1910–45).", None, "1910–45", "1910", "1945"),
        (
            "Between 1941 and 1943 the mobilisation grew.",
            None,
            "Between 1941 and 1943",
            "1941",
            "1943",
        ),
        ("Talks stalled from 2015 to 2017.", None, "from 2015 to 2017", "2015", "2017"),
        ("Talks stalled from 2012 until 2015.", None, "from 2012 until 2015", "2012", "2015"),
        ("The fiscal years 2011-12 were hard.", None, "2011-12", "2011", "2012"),
        (
            "Moon served from May 2017 to May 2022.",
            None,
            "from May 2017 to May 2022",
            "2017-05",
            "2022-05",
        ),
        (
            "The cup ran from May 31 to June 30, 2002.",
            None,
            "from May 31 to June 30, 2002",
            "2002-05-31",
            "2002-06-30",
        ),
        (
            "Exports fell from March to May 2019.",
            None,
            "from March to May 2019",
            "2019-03",
            "2019-05",
        ),
        ("The fair runs March 2-5, 2025.", None, "March 2-5, 2025", "2025-03-02", "2025-03-05"),
        (
            "Delegates met between 12 and 14 June.",
            "2019-06-20",
            "12 and 14 June",
            "2019-06-12",
            "2019-06-14",
        ),
        (
            "Between March and May the sides met.",
            "2019-06-10",
            "Between March and May",
            "2019-03",
            "2019-05",
        ),
        (
            "The leaders met from Monday to Wednesday.",
            "2019-08-20",
            "from Monday to Wednesday",
            "2019-08-12",
            "2019-08-14",
        ),
    ],
)
def test_ranges(text: str, base: str | None, span: str, start: str, end: str) -> None:
    expr = only(text, FuzzyDate.parse(base) if base else None)
    assert (expr.text, expr.kind, iso(expr.value), iso(expr.value_end)) == (
        span,
        "range",
        start,
        end,
    )


def test_yyyy_mm_is_a_month_not_a_range() -> None:
    expr = only("The figures for 2019-08 were revised.")
    assert (expr.kind, iso(expr.value)) == ("explicit", "2019-08")


# --- relative ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "base", "tense", "span", "value"),
    [
        ("Yesterday the court ruled.", "2021-01-09", "past", "Yesterday", "2021-01-08"),
        ("Protesters gathered today.", "2015-12-30", "past", "today", "2015-12-30"),
        ("The reply comes tomorrow.", "2019-07-01", "future", "tomorrow", "2019-07-02"),
        (
            "Tokyo said last night it would protest.",
            "2006-04-20",
            "past",
            "last night",
            "2006-04-19",
        ),
        (
            "It happened the day before yesterday.",
            "2006-04-20",
            "past",
            "the day before yesterday",
            "2006-04-18",
        ),
        (
            "Seoul said on Thursday it would end the pact.",
            "2019-08-22",
            "past",
            "Thursday",
            "2019-08-22",
        ),
        ("Kang met her counterpart on Thursday.", "2019-08-02", "past", "Thursday", "2019-08-01"),
        ("Kishida will travel on Sunday.", "2023-05-03", "future", "Sunday", "2023-05-07"),
        ("Abe will visit on Thursday.", "2014-05-15", "future", "Thursday", "2014-05-22"),
        ("The talks are on Thursday.", "2014-05-15", None, "Thursday", "2014-05-15"),
        (
            "Last Wednesday Seoul filed a complaint.",
            "2019-09-13",
            "past",
            "Last Wednesday",
            "2019-09-11",
        ),
        ("Next Tuesday the drill starts.", "2023-08-18", "future", "Next Tuesday", "2023-08-22"),
        ("The rules came in last month.", "2019-08-23", "past", "last month", "2019-07"),
        ("Officials meet next month.", "2019-12-10", "future", "next month", "2020-01"),
        (
            "Earlier this month the court ruled.",
            "2019-01-24",
            "past",
            "Earlier this month",
            "2019-01",
        ),
        ("Results come later this month.", "2023-03-05", "future", "later this month", "2023-03"),
        ("They agreed last year.", "2024-02-10", "past", "last year", "2023"),
        ("Trade fell this year.", "2019-12-01", "present", "this year", "2019"),
        ("Earlier this year Tokyo acted.", "2019-11-22", "past", "Earlier this year", "2019"),
        ("Ishiba visits next year.", "2024-12-02", "future", "next year", "2025"),
        ("Talks collapsed last week.", "2019-01-03", "past", "last week", "2018-12"),
        ("Leaders meet this week.", "2024-05-26", "present", "this week", "2024-05"),
        ("Negotiators return next week.", "2019-08-27", "future", "next week", "2019-09"),
        ("The ministers met in May.", "2016-11-23", "past", "May", "2016-05"),
        ("The ministers met in May.", "2016-04-23", "past", "May", "2015-05"),
        ("The forum will be held in October.", "2023-03-16", "future", "October", "2023-10"),
        ("The envoy will visit in June.", "2019-06-10", "future", "June", "2019-06"),
        ("Two days ago a plane flew low.", "2018-12-22", "past", "Two days ago", "2018-12-20"),
        ("The envoy left three weeks ago.", "2017-01-27", "past", "three weeks ago", "2017-01"),
        ("A month ago they shook hands.", "2019-09-01", "past", "A month ago", "2019-08"),
        ("The curbs began a year ago.", "2020-07-04", "past", "a year ago", "2019"),
        ("Two decades ago they co-hosted.", "2022-06-01", "past", "Two decades ago", "2002"),
        ("The committee meets in two weeks.", "2023-03-20", "future", "in two weeks", "2023-04"),
        ("The verdict comes in three days.", "2021-01-05", "future", "in three days", "2021-01-08"),
        (
            "The following day Seoul protested.",
            "2012-08-10",
            "past",
            "The following day",
            "2012-08-11",
        ),
        ("The next day Seoul protested.", "2012-08-10", "past", "The next day", "2012-08-11"),
        ("Trade fell in March last year.", "2020-06-10", "past", "March last year", "2019-03"),
        ("Last summer boycotts spread.", "2020-03-10", "past", "Last summer", "2019"),
        (
            "By the end of the month they will reply.",
            "2019-08-05",
            "future",
            "the end of the month",
            "2019-08",
        ),
    ],
)
def test_relative_expressions(
    text: str, base: str, tense: str | None, span: str, value: str
) -> None:
    expr = only(text, FuzzyDate.parse(base), tense)
    assert (expr.text, iso(expr.value), expr.kind, expr.anchored) == (span, value, "relative", True)


def test_weekend_gives_the_month_of_its_saturday() -> None:
    expr = only("The rally took place over the weekend.", FuzzyDate(2019, 8, 19))
    assert (expr.text, iso(expr.value), expr.value_end) == ("the weekend", "2019-08", None)
    expr = only("Kishida plans to visit this weekend.", FuzzyDate(2023, 4, 27), "future")
    assert iso(expr.value) == "2023-04"
    expr = only("The rally took place over the weekend.", FuzzyDate(2019, 9, 2))
    assert iso(expr.value) == "2019-08"  # Saturday 31 August


def test_offset_right_after_a_date_dates_the_other_event() -> None:
    text = "The council acted on Saturday, five days after Pyongyang's nuclear test."
    found = find_time_expressions(text, FuzzyDate(2006, 10, 15), "past")
    assert [(e.text, iso(e.value)) for e in found] == [
        ("Saturday", "2006-10-14"),
        ("five days after", "2006-10-09"),
    ]
    found = find_time_expressions("They met on 2 May 2019, a week before the vote.", None, "past")
    assert [iso(e.value) for e in found] == ["2019-05-02", "2019-05"]
    text = "Abe and Moon agreed on Monday to seek new sanctions, a day after the test."
    found = find_time_expressions(text, FuzzyDate(2017, 9, 5), "past")
    assert [iso(e.value) for e in found] == ["2017-09-04", "2017-09-03"]
    # Without a comma or a date right before it, the offset counts from something unknown.
    found = find_time_expressions("In May 2019 they met a week after the vote.", None, "past")
    assert [iso(e.value) for e in found] == ["2019-05", None]


@pytest.mark.parametrize(
    "text",
    [
        "They met on Thursday.",
        "They met last month.",
        "They met yesterday.",
        "They met in May.",
        "They met two days ago.",
        "They will meet in two weeks.",
    ],
)
def test_relative_expressions_need_a_base(text: str) -> None:
    expr = only(text, None, None)
    assert expr.kind == "relative" and expr.value is None and not expr.anchored


@pytest.mark.parametrize(
    "text",
    [
        "Three weeks later, Seoul responded.",
        "A day earlier the envoy met him.",
        "A week after the vote they met.",
        "They met a few days ago.",
    ],
)
def test_offsets_from_another_event_or_vague_have_no_value(text: str) -> None:
    assert only(text).value is None


def test_base_known_to_the_month_limits_precision() -> None:
    base = FuzzyDate(2019, 5)
    assert iso(only("Yesterday they met.", base).value) == "2019-05"
    assert iso(only("They met on Thursday.", base).value) == "2019-05"
    assert iso(only("They met last month.", base).value) == "2019-04"
    assert iso(only("They met last year.", FuzzyDate(2019)).value) == "2018"


def test_in_n_years_after_a_superlative_is_a_duration() -> None:
    found = find_time_expressions("It was the first summit in 12 years.", THU, "past")
    assert [(e.text, e.kind, e.value) for e in found] == [("in 12 years", "duration", None)]


# --- several expressions, offsets -------------------------------------------------------------


def test_two_expressions_and_offsets() -> None:
    text = "The ruling came in October 2018, and Tokyo answered on Thursday."
    found = find_time_expressions(text, THU, "past")
    assert [(e.text, iso(e.value)) for e in found] == [
        ("October 2018", "2018-10"),
        ("Thursday", "2014-05-15"),
    ]
    for expr in found:
        assert text[expr.start : expr.end] == expr.text


def test_coordinated_years_and_months() -> None:
    found = find_time_expressions("In 2015, 2016 and 2017 the court ruled.", THU, "past")
    assert [iso(e.value) for e in found] == ["2015", "2016", "2017"]
    found = find_time_expressions("They met in January and April.", FuzzyDate(2017, 6, 1), "past")
    assert [iso(e.value) for e in found] == ["2017-01", "2017-04"]


# --- not dates --------------------------------------------------------------------------------

NOT_DATES = [
    "A century after the annexation, the debate continues.",
    "Ties have been fraught for 35 years.",
    "The 20th century left deep scars.",
    "The freeze lasted two years.",
    "The fund holds 1.5 trillion won.",
    "Some 10,000 people signed the petition.",
    "The survivor, aged 95, spoke.",
    "A 95-year-old survivor spoke.",
    "The statement was posted at 11:52PM.",
    "Approval fell to 19.65% in the poll.",
    "Approval fell to 45%.",
    "The No. 1 issue is history.",
    "The 1910 Japan-Korea treaty is void, Seoul says.",
    "More than 1,500 workers joined the strike.",
    "Some 2000 protesters marched to the embassy.",
    "Japan's 2019 export controls hit three chemicals.",
    "Visitors could reach up to 2000 a day.",
    "Callers flooded the hotline, 1588-1234, with questions.",
    "The claims were reported by the Sunday Times.",
    "Bloody Sunday is remembered in Derry.",
    "Japan Today reported the incident.",
    "The May 18 Democratic Uprising is remembered in Gwangju.",
    "The rally was held on the 20th anniversary of the first protest.",
    "The office is on the 16th floor.",
    "Under Resolution 2087, sanctions were expanded.",
    "It was the highest level in three years.",
    "Tensions have eased over the past two years.",
    "Protesters may march again, organisers said.",
    "Thousands took part in the march.",
    "South Korea's foreign minister urged Tokyo to face history squarely.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates_have_no_value(text: str) -> None:
    for tense in ("past", None, "future"):
        assert [e for e in find_time_expressions(text, THU, tense) if e.value is not None] == []


def test_plain_sentence_returns_empty_list() -> None:
    assert find_time_expressions("Seoul and Tokyo agreed to talk.", THU) == []
    assert find_time_expressions("", THU) == []


# --- properties over base dates ---------------------------------------------------------------


@settings(max_examples=200)
@given(base=dates(), weekday=st.sampled_from(WEEKDAYS))
def test_past_weekday_is_within_the_week_up_to_base(base: dt.date, weekday: str) -> None:
    expr = only(f"The ministers met on {weekday}.", FuzzyDate.from_date(base), "past")
    day = expr.value.first_day()
    assert base - dt.timedelta(days=6) <= day <= base
    assert day.strftime("%A") == weekday


@settings(max_examples=200)
@given(base=dates(), weekday=st.sampled_from(WEEKDAYS))
def test_future_weekday_is_within_the_week_after_base(base: dt.date, weekday: str) -> None:
    expr = only(f"The ministers will meet on {weekday}.", FuzzyDate.from_date(base), "future")
    day = expr.value.first_day()
    assert base < day <= base + dt.timedelta(days=7)
    assert day.strftime("%A") == weekday


@settings(max_examples=200)
@given(base=dates(), tense=st.sampled_from(["past", "present", "future", None]))
def test_yesterday_today_tomorrow(base: dt.date, tense: str | None) -> None:
    fuzzy = FuzzyDate.from_date(base)
    for word, delta in (("yesterday", -1), ("today", 0), ("tomorrow", 1)):
        expr = only(f"Officials spoke {word}.", fuzzy, tense)
        assert expr.value == FuzzyDate.from_date(base + dt.timedelta(days=delta))


@settings(max_examples=200)
@given(base=dates(), n=st.integers(min_value=1, max_value=60))
def test_n_days_ago(base: dt.date, n: int) -> None:
    expr = only(f"The ship left {n} days ago.", FuzzyDate.from_date(base))
    assert expr.value == FuzzyDate.from_date(base - dt.timedelta(days=n))


@settings(max_examples=200)
@given(base=dates())
def test_last_month_and_last_year_are_previous_calendar_periods(base: dt.date) -> None:
    fuzzy = FuzzyDate.from_date(base)
    previous = base.replace(day=1) - dt.timedelta(days=1)
    assert only("They met last month.", fuzzy).value == FuzzyDate(previous.year, previous.month)
    assert only("They met last year.", fuzzy).value == FuzzyDate(base.year - 1)
    following = base.replace(day=28) + dt.timedelta(days=4)
    expected = FuzzyDate(following.year, following.month)
    assert only("They meet next month.", fuzzy, "future").value == expected


@settings(max_examples=200)
@given(base=dates(), tense=st.sampled_from(["past", "present", "future", None]))
def test_explicit_full_date_ignores_base(base: dt.date, tense: str | None) -> None:
    assert only("On March 2, 2015, Abe met Park.", FuzzyDate.from_date(base), tense).value == (
        FuzzyDate(2015, 3, 2)
    )


@settings(max_examples=300)
@given(
    base=dates(),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    tense=st.sampled_from(["past", "future"]),
)
def test_year_less_day_points_the_way_the_tense_says(
    base: dt.date, month: int, day: int, tense: str
) -> None:
    expr = only(f"They met on {MONTHS[month - 1]} {day}.", FuzzyDate.from_date(base), tense)
    value = expr.value.first_day()
    assert (value.month, value.day) == (month, day)
    if tense == "past":
        assert base - dt.timedelta(days=366) < value <= base + dt.timedelta(days=3)
    else:
        assert base <= value < base + dt.timedelta(days=366)


@settings(max_examples=300)
@given(base=dates(), month=st.integers(1, 12), tense=st.sampled_from(["past", "future"]))
def test_month_without_year_is_the_most_recent_or_next(
    base: dt.date, month: int, tense: str
) -> None:
    expr = only(f"The talks took place in {MONTHS[month - 1]}.", FuzzyDate.from_date(base), tense)
    months_from_base = (expr.value.year - base.year) * 12 + expr.value.month - base.month
    assert expr.value.month == month and expr.value.day is None
    assert (-11 <= months_from_base <= 0) if tense == "past" else (0 <= months_from_base <= 11)


@settings(max_examples=200)
@given(
    base=dates(),
    text=st.sampled_from(NOT_DATES),
    tense=st.sampled_from(["past", "present", "future", None]),
)
def test_not_dates_never_get_a_value_for_any_base(
    base: dt.date, text: str, tense: str | None
) -> None:
    found = find_time_expressions(text, FuzzyDate.from_date(base), tense)
    assert all(e.value is None for e in found)


@settings(max_examples=200)
@given(st.text(max_size=120))
def test_arbitrary_text_never_raises_and_offsets_are_consistent(text: str) -> None:
    for expr in find_time_expressions(text, THU, None):
        assert text[expr.start : expr.end] == expr.text
        assert expr.value_end is None or expr.value is None or expr.value <= expr.value_end


def test_rescheduling_names_two_dates_not_a_range() -> None:
    found = find_time_expressions("The summit was postponed from May to June.", THU, "future")
    assert [(e.text, e.kind, iso(e.value)) for e in found] == [
        ("May", "relative", "2014-05"),
        ("June", "relative", "2014-06"),
    ]


def test_today_after_a_full_stop_is_still_a_date() -> None:
    found = find_time_expressions("It happened in Seoul. Today the court ruled.", THU, "past")
    assert [(e.text, iso(e.value)) for e in found] == [("Today", "2014-05-15")]


def test_attribution_weekday_is_past_in_a_future_sentence() -> None:
    text = "Moon will attend the summit later this week, his office said Monday."
    found = find_time_expressions(text, FuzzyDate(2019, 6, 25), "future")
    assert [(e.text, iso(e.value)) for e in found] == [
        ("later this week", "2019-06"),
        ("Monday", "2019-06-24"),
    ]


def test_a_range_from_a_year_to_a_day_does_not_compare_missing_months():
    # "this year through Tuesday": a year-precise start and a day-precise end
    found = find_time_expressions("Stocks are up 20% so far this year through Tuesday's close.",
                                  FuzzyDate(2024, 5, 8))
    assert [(e.kind, e.value, e.value_end) for e in found] == [
        ("range", FuzzyDate(2024), FuzzyDate(2024, 5, 7))]
