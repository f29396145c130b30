"""Poll gold-set evaluation: shape detection, matching and scoring, and the accuracy gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.config import load_dyad
from dyadwatch.errors import InputError
from dyadwatch.evaluate_polls import (
    PollReport,
    evaluate_polls,
    format_report,
    gold_document,
    is_poll_gold,
    main,
    score_item,
    split_sentences,
)
from dyadwatch.extractors.polls import PollExtractor
from dyadwatch.models import Evidence, FuzzyDate, PollFigure
from dyadwatch.nlp.spacy_model import load_model

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold" / "jk_polls.jsonl"


@pytest.fixture(scope="session")
def poll_report() -> PollReport:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is absent")
    return evaluate_polls(GOLD, PollExtractor(load_dyad("japan-korea")))


def gold_poll(**fields) -> dict:
    base = {"population": "KOR", "subject": "JPN", "measure": "unfavourable", "value": 61.0,
            "change": None, "pollster": ["Gallup Korea"], "year": 2019, "date": None,
            "span": "61%"}
    return base | fields


def figure(start: int, end: int, **fields) -> PollFigure:
    base = {"doc_id": "x", "population": "KOR", "subject": "JPN", "measure": "unfavourable",
            "value": 61.0, "evidence": Evidence(start, end, "test"), "change": None,
            "pollster": ("Gallup Korea",), "year": 2019, "date": None}
    return PollFigure(**(base | fields))


# --- shape ----------------------------------------------------------------------------------------


def test_is_poll_gold_by_shape(tmp_path: Path):
    polls = tmp_path / "p.jsonl"
    polls.write_text(json.dumps({"id": "a", "text": "t", "polls": []}) + "\n", encoding="utf-8")
    other = tmp_path / "o.jsonl"
    other.write_text(json.dumps({"id": "a", "text": "t", "mentions": []}) + "\n",
                     encoding="utf-8")
    broken = tmp_path / "b.jsonl"
    broken.write_text("not json\n", encoding="utf-8")
    assert is_poll_gold(polls)
    assert not is_poll_gold(other)
    assert not is_poll_gold(broken)


def test_gold_document_and_sentences_keep_offsets():
    item = {"id": "P-1", "text": "First line.\n\nIt found 61%. Second sentence.",
            "date": "2019-07-12", "style": "think_tank"}
    document = gold_document(item)
    assert document.published == FuzzyDate(2019, 7, 12)
    assert document.genre == "unknown"
    sentences = split_sentences(document, load_model())
    assert [document.text[s.start:s.end] for s in sentences] == [s.text for s in sentences]
    assert [s.text for s in sentences] == ["First line.", "It found 61%.", "Second sentence."]


# --- scoring --------------------------------------------------------------------------------------


def test_matching_by_value_and_overlapping_span():
    text = "Asked, 61% blamed Japan and 17% their own government."
    item = {"id": "x", "text": text, "polls": [
        gold_poll(), gold_poll(value=17.0, span="17%", subject="KOR")]}
    start = text.index("61%")
    report = PollReport()
    score_item(report, item, [
        figure(start, start + 3, year=None),  # matched; year missed
        figure(start, start + 3, value=62.0),  # same span, other value: spurious
    ])
    figures = report.figures()
    assert (report.gold_records, report.predicted_records, report.matched) == (2, 2, 1)
    assert figures["record_precision"] == 0.5 and figures["record_recall"] == 0.5
    assert figures["year_accuracy"] == 0.0
    assert figures["population_accuracy"] == 1.0
    # year: one predicted claim (the spurious figure's), two gold claims, none correct
    assert report.fields["year"].predicted == 1 and report.fields["year"].gold == 2
    assert report.fields["year"].correct == 0
    assert {e["field"] for e in report.errors} >= {"year", "missed", "spurious"}


def test_pollsters_compare_as_sets_and_nulls_agree():
    text = "The joint poll found 40.3% unfavourable."
    start = text.index("40.3%")
    item = {"id": "x", "text": text, "polls": [gold_poll(
        value=40.3, span="40.3%", pollster=["Genron NPO", "East Asia Institute"], year=None)]}
    report = PollReport()
    score_item(report, item, [figure(start, start + 5, value=40.3, year=None,
                                     pollster=("East Asia Institute", "Genron NPO"))])
    figures = report.figures()
    assert figures["pollster_accuracy"] == 1.0 and figures["year_accuracy"] == 1.0
    assert report.fields["year"].gold == 0 and report.fields["year"].predicted == 0
    assert figures["field_f1"] == 1.0


def test_figures_from_items_without_polls_are_false_positives():
    report = PollReport()
    score_item(report, {"id": "n", "text": "Turnout was 66.2%.", "polls": []},
               [figure(12, 17, value=66.2)])
    assert report.figures()["false_positive_items"] == 1
    assert report.figures()["false_positive_figures"] == 1


def test_a_span_missing_from_the_text_is_an_input_error():
    with pytest.raises(InputError, match="gold span"):
        score_item(PollReport(), {"id": "x", "text": "no figure", "polls": [gold_poll()]}, [])


def test_malformed_gold_line(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "a", "text": "t"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="malformed poll gold line"):
        evaluate_polls(bad, PollExtractor(load_dyad("japan-korea")))


# --- the gate on the project's gold set ---------------------------------------------------------


def test_gold_set_gate(poll_report: PollReport):
    figures = poll_report.figures()
    assert figures["items"] == 85 and figures["gold_records"] == 92
    assert figures["field_f1"] >= 0.9
    assert figures["record_f1"] >= 0.9
    assert figures["false_positive_items"] <= 1
    for name in ("population", "subject", "measure", "change", "pollster", "year"):
        assert figures[f"{name}_f1"] >= 0.85, name


def test_report_table_and_main(poll_report: PollReport, capsys):
    table = format_report(poll_report)
    assert "record_f1" in table and "field_f1" in table
    assert main([str(GOLD)]) == 0
    assert "field_f1" in capsys.readouterr().out
