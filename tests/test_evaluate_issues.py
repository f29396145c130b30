"""Issue gold evaluation (dyadwatch.evaluate_issues) and the gate on eval/gold/jk_issues.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.config import load_dyad
from dyadwatch.errors import InputError
from dyadwatch.evaluate_issues import (
    evaluate_issues,
    format_issue_table,
    is_issue_gold,
    issue_table,
    split_simple,
)
from dyadwatch.extractors.issues import Issue, IssueTagger

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold"
# The issue asks for F1 >= 0.9 on this set; the floor per issue keeps one issue from sinking
# behind a good average.
MICRO_F1_GATE = 0.9
PER_ISSUE_F1_FLOOR = 0.8


@pytest.fixture(scope="module")
def tagger() -> IssueTagger:
    return IssueTagger.from_dyad(load_dyad("japan-korea"))


def toy_tagger() -> IssueTagger:
    return IssueTagger(
        issues=[Issue(id="alpha", label="Alpha", aliases=("alpha",)),
                Issue(id="beta", label="Beta", aliases=("beta",), weak_cues=("it",))],
        countries=("AAA", "BBB"),
    )


def write(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def test_recognises_issue_gold_only():
    assert is_issue_gold(GOLD / "jk_issues.jsonl")
    for other in ("jk_events.jsonl", "jk_polls.jsonl", "jk_actors.jsonl"):
        assert not is_issue_gold(GOLD / other)


def test_recognises_files_by_their_keys(tmp_path):
    assert is_issue_gold(write(tmp_path / "a.jsonl", [{"text": "x", "issues": []}]))
    assert not is_issue_gold(write(tmp_path / "b.jsonl", [{"text": "x", "issues": [],
                                                            "events": []}]))
    (tmp_path / "c.jsonl").write_text("not json\n", encoding="utf-8")
    assert not is_issue_gold(tmp_path / "c.jsonl")


def test_figures_on_a_small_set(tmp_path):
    gold = write(tmp_path / "g.jsonl", [
        {"id": "1", "text": "alpha here.", "issues": ["alpha"]},  # right
        {"id": "2", "text": "alpha and beta.", "issues": ["alpha"]},  # one false positive
        {"id": "3", "text": "nothing.", "issues": ["beta"]},  # one miss
        {"id": "4", "text": "nothing at all.", "issues": []},  # right, empty
        {"id": "5", "sentences": [{"text": "beta first.", "issues": ["beta"]},
                                  {"text": "Then it again.", "issues": ["beta"]},
                                  {"text": "Unrelated.", "issues": []}],
         "issues": ["beta"], "hard": ["anaphora"]},
    ])
    report = evaluate_issues(gold, toy_tagger())
    f = report.figures()
    assert f["items"] == 5
    assert (f["precision"], f["recall"]) == (0.75, 0.75)  # tp 3, fp 1, fn 1
    assert f["f1"] == 0.75
    assert f["exact_set_accuracy"] == 0.6
    assert (f["empty_items"], f["empty_correct"]) == (1, 1.0)
    assert f["per_issue"]["alpha"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0,
                                       "gold": 2, "system": 2}
    assert f["per_issue"]["beta"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5,
                                      "gold": 2, "system": 2}
    assert f["macro_f1"] == 0.75
    # Sentence level: items 1-4 are one unit each, item 5 three units.
    assert f["sentences"] == 7
    assert (f["sentence_precision"], f["sentence_recall"]) == (0.8, 0.8)
    assert (f["hard_items"], f["hard_f1"]) == (1, 1.0)
    assert [m["id"] for m in report.misses] == ["2", "3"]


def test_table_rows_and_text(tmp_path):
    gold = write(tmp_path / "g.jsonl", [{"id": "1", "text": "alpha.", "issues": ["alpha"]}])
    report = evaluate_issues(gold, toy_tagger())
    rows = issue_table(report)
    assert rows[0][0] == "issue" and rows[-1][0] == "micro"
    assert [r[0] for r in rows[1:-1]] == ["alpha", "beta"]
    text = format_issue_table(report)
    assert "alpha" in text and "micro" in text and "macro F1" in text


def test_custom_sentence_splitter_is_used(tmp_path):
    gold = write(tmp_path / "g.jsonl", [{"id": "1", "text": "beta. it.", "issues": ["beta"]}])
    calls: list[str] = []

    def split(text: str) -> list[str]:
        calls.append(text)
        return [text]

    evaluate_issues(gold, toy_tagger(), split_sentences=split)
    assert calls == ["beta. it."]


def test_simple_splitter():
    assert split_simple("One here. Two there! three? ") == ["One here.", "Two there!", "three?"]
    assert split_simple("") == []


def test_malformed_lines_raise_input_errors(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "issues": []}\n', encoding="utf-8")
    with pytest.raises(InputError, match="malformed gold line"):
        evaluate_issues(bad, toy_tagger())
    bad.write_text("{oops\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a JSON line"):
        evaluate_issues(bad, toy_tagger())


def test_gold_gate(tagger):
    """The evaluation gate of the issue tagger on the Japan–Korea gold set."""
    figures = evaluate_issues(GOLD / "jk_issues.jsonl", tagger).figures()
    assert figures["items"] == 176
    assert figures["sentences"] == 187
    assert figures["f1"] >= MICRO_F1_GATE, format_issue_table(
        evaluate_issues(GOLD / "jk_issues.jsonl", tagger))
    assert figures["sentence_f1"] >= MICRO_F1_GATE
    assert figures["empty_correct"] >= 0.9
    weak = {i: row["f1"] for i, row in figures["per_issue"].items()
            if row["f1"] < PER_ISSUE_F1_FLOOR}
    assert not weak, weak
