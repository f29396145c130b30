"""The read API over merged events: shapes, exact figures on a hand-made database, paging,
filters, and 4xx answers to bad inputs (see ``web_fixture`` for what the figures should be)."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web dependencies (fastapi) are not installed")
from fastapi.testclient import TestClient  # noqa: E402

from dyadwatch.errors import StoreError  # noqa: E402
from dyadwatch.server import create_app  # noqa: E402
from dyadwatch.server.app import web_dir  # noqa: E402

from .web_fixture import build_web_db  # noqa: E402

W2 = 1 + math.log(2)  # weight of an event from two distinct sources


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_web_db(tmp_path_factory.mktemp("api") / "web.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)))


def get(client: TestClient, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def one(client: TestClient, url: str) -> dict:
    (item,) = get(client, url)["items"]
    return item


# --- overview and events ------------------------------------------------------------------------


def test_summary_counts_mentions_events_and_copies(client: TestClient) -> None:
    body = get(client, "/api/summary")
    assert body["dyad"]["countries"] == ["JPN", "KOR"]
    assert (body["documents"], body["duplicates"], body["mentions"]) == (9, 1, 16)
    assert (body["events"], body["dyadic_events"], body["undated_events"]) == (11, 11, 1)
    assert body["polls"] == 2
    assert set(body["issues"]) == {"history", "security", "territory", "trade"}
    assert body["directions"] == ["both", "JPN>KOR", "KOR>JPN", "JPN<>KOR"]
    assert body["freqs"] == ["day", "week", "month", "year"]
    assert body["alert_freqs"] == ["week", "month"]
    assert body["alert_directions"] == ["both", "JPN>KOR", "KOR>JPN"]
    assert body["tone_genres"][:5] == ["news", "official", "encyclopedia", "forum", "comment"]
    assert body["analysis"]["stale"] is False and body["analysis"]["message"] is None
    assert body["events_by_type"]["CONSULT"] == 4 and body["source"] == "events"


def test_events_page_through_all_rows(client: TestClient) -> None:
    first = get(client, "/api/events?limit=4")
    assert (first["total"], first["limit"], first["offset"]) == (11, 4, 0)
    assert len(first["items"]) == 4
    seen = [item["id"] for item in first["items"]]
    for offset in (4, 8):
        page = get(client, f"/api/events?limit=4&offset={offset}")
        assert page["offset"] == offset
        seen += [item["id"] for item in page["items"]]
    assert len(seen) == len(set(seen)) == 11
    assert get(client, "/api/events?offset=50")["items"] == []
    everything = get(client, "/api/events")["items"]
    assert [item["id"] for item in everything] == seen  # pages follow the same order
    dates = [item["date"] for item in everything]
    assert dates[0] == "2018-12-20" and dates[-1] is None  # undated last


def test_syndicated_copies_are_one_event(client: TestClient) -> None:
    sanction = one(client, "/api/events?type=SANCTION")
    assert (sanction["n_mentions"], sanction["n_documents"], sanction["n_sources"]) == (3, 3, 2)
    assert sanction["weight"] == pytest.approx(W2)
    assert sanction["date"] == "2019-07-01" and sanction["date_last"] == "2019-07-02"
    assert sanction["direction"] == "JPN>KOR" and sanction["dyadic"] is True
    assert sanction["quote"].startswith("Japan restricted the export")
    assert sanction["title"] == "Tokyo tightens exports <b>& Seoul</b> replies"
    accuse = one(client, "/api/events?type=ACCUSE&since=2019")
    assert (accuse["n_mentions"], accuse["n_documents"], accuse["n_sources"]) == (2, 2, 1)
    summit = one(client, "/api/events?type=CONSULT&since=2023-03&until=2023-03")
    assert summit["direction"] == "JPN<>KOR" and summit["n_sources"] == 2
    retreat = one(client, "/api/events?type=RETREAT")
    assert retreat["n_mentions"] == 2 and retreat["date"] == "2023-03-16"


def test_event_filters(client: TestClient) -> None:
    assert get(client, "/api/events?type=consult")["total"] == 4
    assert get(client, "/api/events?issue=trade")["total"] == 3
    window = get(client, "/api/events?since=2019-07&until=2019-08")
    assert window["total"] == 4
    assert {item["date"][:7] for item in window["items"]} == {"2019-07", "2019-08"}
    assert get(client, "/api/events?actor=kishida")["total"] == 4
    assert get(client, "/api/events?actor=kor")["total"] == 11
    assert get(client, "/api/events?direction=JPN%3EKOR")["total"] == 4
    assert get(client, "/api/events?direction=KOR-JPN")["total"] == 5
    assert get(client, "/api/events?direction=JPN%3C%3EKOR")["total"] == 2
    assert get(client, "/api/events?direction=other")["total"] == 0
    # An index period gives exactly the events of that point.
    july = get(client, "/api/events?period=2019-07")
    assert [i["event_type"] for i in july["items"]] == ["SANCTION", "ACCUSE"]
    assert get(client, "/api/events?freq=week&period=2023-W11")["total"] == 3
    assert get(client, "/api/events?freq=week&period=2023-W18")["total"] == 1  # month-precise out
    assert get(client, "/api/events?period=2023-05")["total"] == 2


def test_event_detail_gives_every_mention_with_its_sentence_and_document(
    client: TestClient,
) -> None:
    listed = one(client, "/api/events?type=SANCTION")
    detail = get(client, f"/api/events/{listed['id']}")
    assert detail["id"] == listed["id"] and detail["n_mentions"] == 3
    mentions = detail["mentions"]
    assert [m["doc_id"] for m in mentions][0] == "doc-exports"  # the quoted one first
    assert {m["doc_id"] for m in mentions} == {
        "doc-exports",
        "doc-exports-copy",
        "doc-exports-wire",
    }
    copy = next(m for m in mentions if m["doc_id"] == "doc-exports-copy")
    assert copy["duplicate_of"] == "doc-exports" and copy["similarity"] >= 0.7
    for mention in mentions:
        sentence = mention["sentence"]
        assert sentence[mention["evidence_start"] : mention["evidence_end"]] == sentence[:-1]
    wire = next(m for m in mentions if m["doc_id"] == "doc-exports-wire")
    assert wire["sentence"] == "Tokyo curbed shipments of chip materials to Seoul on Tuesday."
    assert (wire["publisher"], wire["published"], wire["date"]) == (
        "Pacific Wire",
        "2019-07-02",
        "2019-07-02",
    )
    sides = {(a["side"], a["country"]) for a in detail["actor_details"]}
    assert sides == {("actor", "JPN"), ("recipient", "KOR")}
    summit = one(client, "/api/events?type=RETREAT")
    found = get(client, f"/api/events/{summit['id']}")
    assert found["mentions"][0]["url"] == "https://example.org/doc-summit"
    assert {m["date"] for m in found["mentions"]} == {"2023-03-16", "2023-03"}


def test_unknown_event_is_404(client: TestClient) -> None:
    body = get(client, "/api/events/no-such-event", 404)
    assert "no event with id" in body["detail"]


# --- series -------------------------------------------------------------------------------------


def test_monthly_index_is_the_damped_weighted_mean_goldstein(client: TestClient) -> None:
    body = get(client, "/api/index")
    values = {p["period"]: (p["value"], p["events"], p["scored"]) for p in body["points"]}
    july = (-8 * W2 - 3) / (W2 + 1)  # the syndicated SANCTION weighs 1 + ln 2
    march = (1 * W2 + 4 + 7) / (W2 + 2)
    assert values == {
        "2018-12": (-2.0, 1, 1),
        "2019-07": (pytest.approx(july, abs=1e-3), 2, 2),
        "2019-08": (-4.0, 2, 1),  # the negated CONSULT is counted apart
        "2023-03": (pytest.approx(march, abs=1e-3), 3, 3),
        "2023-05": (1.9, 2, 1),  # the hypothetical visit is counted apart
    }
    points = {p["period"]: p for p in body["points"]}
    assert (points["2019-08"]["negated"], points["2023-05"]["hypothetical"]) == (1, 1)
    march_point = points["2023-03"]
    assert (march_point["start"], march_point["end"]) == ("2023-03-01", "2023-03-31")
    assert (march_point["cooperation"], march_point["conflict"]) == (3, 0)
    assert march_point["quad_classes"] == {"1": 2, "2": 1, "3": 0, "4": 0}
    assert march_point["types"] == {"AGREE": 1, "CONSULT": 1, "RETREAT": 1}
    assert march_point["mentions"] == 5 and march_point["weight"] == pytest.approx(W2 + 2, 1e-3)
    assert march_point["goldstein_sum"] == pytest.approx(W2 + 11, abs=1e-3)
    assert len(march_point["event_ids"]) == 3
    assert body["direction"] == "both" and "Goldstein" in body["method"]
    assert body["source"] == "dyadwatch"
    assert "1 + ln(its distinct sources), at most 4" in body["method"]
    assert "genres are never averaged together" in body["method"]


def test_index_tone_is_given_per_genre_never_mixed(client: TestClient) -> None:
    points = {p["period"]: p for p in get(client, "/api/index")["points"]}
    assert points["2018-12"]["tone_by_genre"] == {"official": {"mean": -0.5, "sentences": 1}}
    # The export curbs: 5 news sentences (the syndicated copy's count: it is another text).
    july = points["2019-07"]["tone_by_genre"]
    assert july == {"news": {"mean": pytest.approx(-0.44), "sentences": 5}}
    assert points["2023-03"]["tone_by_genre"] == {
        "news": {"mean": pytest.approx(0.4), "sentences": 2}
    }
    assert points["2019-08"]["tone_by_genre"] == {}
    assert all("tone" not in p and p["gdelt_avg_tone"] is None for p in points.values())
    korea = get(client, "/api/index?direction=KOR%3EJPN")["points"]
    assert korea[0]["tone_by_genre"] == {"news": {"mean": pytest.approx(-0.6), "sentences": 2}}


def test_index_points_trace_to_their_events(client: TestClient) -> None:
    for point in get(client, "/api/index?freq=week")["points"]:
        listed = get(client, f"/api/events?freq=week&period={point['period']}&direction=both")
        assert sorted(i["id"] for i in listed["items"]) == sorted(point["event_ids"])


def test_index_by_direction_freq_and_window(client: TestClient) -> None:
    japan = get(client, "/api/index?direction=JPN%3EKOR")
    assert {p["period"]: p["value"] for p in japan["points"]} == {
        "2018-12": -2.0,
        "2019-07": -8.0,
        "2023-03": 7.0,  # the CONSULT went both ways and the AGREE was joint: not JPN>KOR
        "2023-05": 1.9,
    }
    korea = get(client, "/api/index?direction=KOR-JPN")
    assert korea["direction"] == "KOR>JPN"
    assert {p["period"]: p["value"] for p in korea["points"]} == {
        "2019-07": -3.0,
        "2019-08": -4.0,
        "2023-05": None,  # only the hypothetical visit
    }
    joint = get(client, "/api/index?direction=JPN%3C%3EKOR")
    assert [p["period"] for p in joint["points"]] == ["2023-03"]
    days = get(client, "/api/index?freq=day")
    assert [p["period"] for p in days["points"]][:2] == ["2018-12-20", "2019-07-01"]
    weeks = get(client, "/api/index?freq=week")
    assert weeks["points"][0]["period"] == "2018-W51"
    assert weeks["points"][0]["start"] == "2018-12-17"
    years = get(client, "/api/index?freq=year")
    assert [p["period"] for p in years["points"]] == ["2018", "2019", "2023"]
    since = get(client, "/api/index?since=2020")
    assert [p["period"] for p in since["points"]] == ["2023-03", "2023-05"]
    gdelt = get(client, "/api/index?source=gdelt")
    assert gdelt["source"] == "gdelt" and gdelt["points"] == []
    assert "GDELT's AvgTone" in gdelt["method"]


def test_issue_salience_shares(client: TestClient) -> None:
    body = get(client, "/api/issues")
    shares = {(p["period"], p["issue"]): p["share"] for p in body["points"]}
    assert shares[("2019-07", "trade")] == 1.0
    assert shares[("2019-07", "history")] == 0.5
    assert shares[("2019-08", "security")] == 0.5
    assert shares[("2023-03", "trade")] == pytest.approx(1 / 3, abs=1e-3)
    assert body["totals"]["2019-08"] == 2  # the negated event counts for attention
    assert "territory" not in body["issues"]  # only on an undated event
    one_way = get(client, "/api/issues?direction=JPN%3EKOR")
    assert {p["issue"] for p in one_way["points"]} == {"security", "trade"}


def test_polls_carry_their_sentences(client: TestClient) -> None:
    body = get(client, "/api/polls")
    assert body["total"] == 2 and body["series"] == ["KOR on JPN: favourable (Gallup Korea)"]
    first, second = body["items"]
    assert (first["year"], first["value"], second["value"]) == (2019, 12.0, 28.0)
    assert (first["start"], first["end"]) == ("2019-01-01", "2019-12-31")
    assert first["quote"].startswith("A Gallup Korea survey found that 12%")


def test_alerts_mark_the_drop_and_the_thaw_with_their_events(client: TestClient) -> None:
    body = get(client, "/api/alerts")
    assert body["computed_freqs"] == ["week", "month"]
    kinds = {a["period"]: a["kind"] for a in body["items"]}
    assert kinds == {"2019-07": "drop", "2023-03": "rise"}
    drop = body["items"][0]
    assert drop["baseline"] == -2.0 and drop["threshold"] == 2.0
    assert drop["change"] == pytest.approx((-8 * W2 - 3) / (W2 + 1) + 2, abs=1e-3)
    driving = [get(client, f"/api/events/{i}")["event_type"] for i in drop["event_ids"]]
    assert driving == ["SANCTION", "ACCUSE"]  # the strongest pull first
    rise = body["items"][1]
    assert [get(client, f"/api/events/{i}")["event_type"] for i in rise["event_ids"]] == [
        "RETREAT",
        "CONSULT",
        "AGREE",
    ]
    assert "drop" in drop["message"] and "JPN–KOR" in drop["message"]
    weekly = get(client, "/api/alerts?freq=week")
    assert [a["period"] for a in weekly["items"]] == ["2019-W27", "2023-W11"]
    assert get(client, "/api/alerts?direction=JPN%3EKOR")["items"] == []
    assert get(client, "/api/alerts?since=2020")["items"][0]["period"] == "2023-03"
    assert "1 or more such periods" in body["method"]  # the settings the fixture was built with
    assert body["computed_directions"] == ["both", "JPN>KOR", "KOR>JPN"]
    assert "back to 2018-12 (7 months before" in drop["message"]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/api/alerts?freq=day", "not computed by day, only by week, month"),
        ("/api/alerts?freq=year", "not computed by year"),
        ("/api/alerts?direction=JPN%3C%3EKOR", "not computed for JPN<>KOR, only for both"),
    ],
)
def test_alerts_that_are_never_computed_are_400_not_an_empty_list(
    client: TestClient, url: str, words: str
) -> None:
    body = get(client, url, 400)
    assert words in body["detail"] and "dyadwatch analyze" in body["detail"]


def test_with_default_settings_the_sparse_fixture_raises_no_alert(tmp_path: Path) -> None:
    """2019-07 has one earlier month, 2023-03 a baseline years old: neither is a baseline."""
    db = build_web_db(tmp_path / "default.duckdb", settings=None)
    body = get(TestClient(create_app(str(db))), "/api/alerts")
    assert body["items"] == []
    assert "2 or more such periods" in body["method"] and "12 months" in body["method"]


def test_documents_are_paged_and_name_their_copies(client: TestClient) -> None:
    body = get(client, "/api/documents?limit=2&offset=1")
    assert (body["total"], len(body["items"]), body["offset"]) == (9, 2, 1)
    everything = get(client, "/api/documents")["items"]
    assert everything[-1]["published"] is None
    assert sum(d["n_mentions"] for d in everything) == 16
    copy = next(d for d in everything if d["id"] == "doc-exports-copy")
    assert copy["duplicate_of"] == "doc-exports" and copy["n_events"] == 2


def test_a_database_without_events_says_what_to_run(tmp_path: Path) -> None:
    raw = TestClient(create_app(str(build_web_db(tmp_path / "raw.duckdb", analyze=False))))
    summary = get(raw, "/api/summary")
    assert summary["events"] == 0 and summary["mentions"] == 16
    assert summary["analysis"]["stale"] is True
    assert "dyadwatch analyze" in summary["analysis"]["message"]
    assert get(raw, "/api/index")["points"] == []


# --- bad inputs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/events?since=2019-13", 400, "not a date"),
        ("/api/events?until=yesterday", 400, "not a date"),
        ("/api/events?since=2020&until=2019", 400, "swap"),
        ("/api/events?type=HUG", 400, "unknown event type"),
        ("/api/events?actor=%20", 400, "non-empty"),
        ("/api/events?issue=", 400, "non-empty"),
        ("/api/events?direction=north", 400, "unknown direction"),
        ("/api/events?period=July", 400, "is not a month"),
        ("/api/events?freq=week&period=2019-W60", 400, "is not a week"),
        ("/api/events?freq=week&period=2019-07", 400, "is not a week"),
        ("/api/events?freq=month&period=2019", 400, "is not a month"),
        ("/api/events?freq=day&period=2019-07", 400, "is not a day"),
        ("/api/events?freq=year&period=2019-07-01", 400, "is not a year"),
        ("/api/events?freq=week", 400, "only together with period"),
        ("/api/events?freq=hour&period=2019", 422, "day"),
        ("/api/events?offset=-1", 422, "greater than or equal to 0"),
        ("/api/events?limit=0", 422, "greater than or equal to 1"),
        ("/api/events?limit=1001", 422, "less than or equal to 1000"),
        ("/api/events?limit=many", 422, "valid integer"),
        ("/api/documents?offset=-3", 422, "greater than or equal to 0"),
        ("/api/documents?limit=5000", 422, "less than or equal to 1000"),
        ("/api/index?freq=hour", 422, "week"),
        ("/api/index?direction=USA%3EJPN", 400, "unknown direction"),
        ("/api/index?source=acled", 422, "gdelt"),
        ("/api/index?since=2019-1x", 400, "not a date"),
        ("/api/issues?since=2019-02-30", 400, "not a date"),
        ("/api/issues?direction=JPN", 400, "unknown direction"),
        ("/api/alerts?until=20x9", 400, "not a date"),
        ("/api/alerts?direction=KOR%3EUSA", 400, "unknown direction"),
        ("/api/alerts?freq=fortnight", 422, "month"),
    ],
)
def test_bad_inputs_get_a_4xx_with_a_message(
    client: TestClient, url: str, status: int, words: str
) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert words in response.text
    assert "SELECT" not in response.text and "Traceback" not in response.text


def test_an_unreadable_database_is_503_without_sql(tmp_path: Path) -> None:
    path = build_web_db(tmp_path / "gone.duckdb")
    client = TestClient(create_app(str(path)))
    path.unlink()
    response = client.get("/api/events")
    assert response.status_code == 503
    assert "could not be read" in response.json()["detail"]


def test_create_app_fails_early_on_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        create_app(str(tmp_path / "missing.duckdb"))


# --- schema and dashboard files -----------------------------------------------------------------


def test_openapi_lists_every_route(client: TestClient) -> None:
    paths = get(client, "/openapi.json")["paths"]
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/index",
        "/api/issues",
        "/api/polls",
        "/api/alerts",
        "/api/documents",
        "/api/summary",
    ):
        assert path in paths
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "type", "actor", "issue", "limit", "offset", "period"} <= names
    assert {"freq", "direction", "source"} <= {
        p["name"] for p in paths["/api/index"]["get"]["parameters"]
    }
    assert client.get("/docs").status_code == 404  # its scripts would come from a CDN


def test_dashboard_and_its_files_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for asset in ("static/app.js", "static/style.css"):
        assert asset in page.text
        assert client.get("/" + asset).status_code == 200
    head = client.head("/")  # link checkers and monitors ask with HEAD
    assert head.status_code == 200 and "text/html" in head.headers["content-type"]


def test_every_answer_carries_a_content_security_policy(client: TestClient) -> None:
    for url in ("/", "/static/app.js", "/api/summary", "/api/events?since=2019-13"):
        policy = client.get(url).headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy


def test_method_texts_follow_the_settings_the_events_were_built_with(tmp_path: Path) -> None:
    from dyadwatch.analyze import AnalysisSettings

    chosen = AnalysisSettings.from_mapping(
        {"weight": {"damping": "sqrt", "max_weight": 9}, "alerts": {"min_change": 1.5}}
    )
    client = TestClient(create_app(str(build_web_db(tmp_path / "s.duckdb", settings=chosen))))
    method = get(client, "/api/index")["method"]
    assert "the square root of its distinct sources, at most 9" in method
    assert "1 + ln" not in method
    assert "max(1.5, 2 × spread)" in get(client, "/api/alerts")["method"]
    sanction = one(client, "/api/events?type=SANCTION")
    assert sanction["weight"] == pytest.approx(math.sqrt(2))


def test_a_rebuild_for_another_dyad_while_serving_is_reported(tmp_path: Path) -> None:
    from dyadwatch.analyze import refresh
    from dyadwatch.config import load_dyad
    from dyadwatch.store import Store

    db = build_web_db(tmp_path / "w.duckdb")
    client = TestClient(create_app(str(db)))
    with Store(db) as store:
        refresh(store, load_dyad("usa-china"))
    message = get(client, "/api/summary")["analysis"]["message"]
    assert "rebuilt for usa-china" in message and "restart" in message


def test_a_dyad_other_than_the_events_is_refused(db: Path) -> None:
    from dyadwatch.analyze import DyadMismatchError
    from dyadwatch.config import load_dyad

    with pytest.raises(DyadMismatchError, match="built for japan-korea, not usa-china"):
        create_app(str(db), load_dyad("usa-china"))
    assert create_app(str(db), load_dyad("japan-korea")).state.data.dyad.id == "japan-korea"


def test_dashboard_loads_nothing_from_elsewhere() -> None:
    for name in ("index.html", "app.js", "style.css"):
        text = (web_dir() / name).read_text(encoding="utf-8")
        urls = set(re.findall(r"(?:https?:)?//[\w.-]+\.\w+[^\s\"')]*", text))
        assert urls <= {"http://www.w3.org/2000/svg"}, (name, urls)
        assert "@import" not in text and "url(" not in text
