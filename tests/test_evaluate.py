"""The gold-set evaluation and its baseline gate (dyadwatch.evaluate)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.errors import InputError
from dyadwatch.evaluate import (
    agreement,
    compare_to_baseline,
    evaluate,
    figures_for,
    load_gold,
)

REPO = Path(__file__).resolve().parents[1]
BASELINE = REPO / "eval" / "baseline.json"


def test_compare_to_baseline_flags_drops_only():
    pinned = {"type_recall": 0.8, "events_per_sentence": 1.5}
    assert compare_to_baseline({"type_recall": 0.81, "events_per_sentence": 1.4}, pinned) == []
    problems = compare_to_baseline({"type_recall": 0.7, "events_per_sentence": 1.7}, pinned)
    assert len(problems) == 2


def test_scoring_counts_matches_and_extras(tmp_path, extractor):
    gold = tmp_path / "g.jsonl"
    gold.write_text("\n".join(json.dumps(x) for x in [
        {"id": "1", "text": "Japan protested to South Korea on Monday.", "date": "2019-08-05",
         "exhaustive": True, "events": [{"type": "ACCUSE",
                                         "actors": [{"text": "Japan", "code": "JPN"}],
                                         "recipients": [{"text": "South Korea", "code": "KOR"}],
                                         "negated": False, "hypothetical": False}]},
        {"id": "2", "text": "The weather was fine.", "date": "2019-08-05", "exhaustive": True,
         "events": []},
    ]) + "\n", encoding="utf-8")
    figures = evaluate(load_gold(gold), extractor).figures()
    assert figures["type_recall"] == 1.0
    assert figures["type_precision"] == 1.0
    assert figures["actor_country_recall"] == 1.0
    assert figures["recipient_country_recall"] == 1.0
    assert figures["strict_f1"] == 1.0
    assert figures["modality_accuracy"] == 1.0


def _pinned_sets():
    if not BASELINE.exists():
        return []
    raw = json.loads(BASELINE.read_text(encoding="utf-8"))
    return sorted(raw.get("gold", {}).items())


@pytest.mark.parametrize(("name", "entry"), _pinned_sets())
def test_gold_sets_at_or_above_baseline(name, entry, extractor):
    path = (BASELINE.parent / entry["file"]).resolve()
    if not path.exists():
        pytest.skip(f"{path} is absent")
    figures = figures_for(path, extractor, name)
    assert compare_to_baseline(figures, entry["pinned"]) == [], figures


def test_cameo_country_codes_of_gold_sets_are_read_as_iso():
    from dyadwatch.evaluate import _gold_sentence

    item = _gold_sentence({"id": "x", "text": "Italy suspended flights to Serbia.", "events": [
        {"type": "SANCTION", "actors": [{"code": "ITL"}], "recipients": [{"code": "SRB"}]}]})
    assert item.events[0].actors == frozenset({"ITA"})
    assert item.events[0].recipients == frozenset({"SRB"})


def test_a_file_that_is_no_gold_set_gets_a_named_error(tmp_path):
    from dyadwatch.evaluate import gold_kind

    other = tmp_path / "times.jsonl"
    other.write_text(json.dumps({"text": "on Monday", "expressions": []}) + "\n")
    with pytest.raises(InputError, match="not a gold file"):
        gold_kind(other)
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n")
    with pytest.raises(InputError, match="cannot read gold file"):
        gold_kind(broken)


def _line(id_, text, events):
    return {"id": id_, "text": text, "date": "2019-08-05", "exhaustive": True, "events": events}


def _event(kind, actor, recipient=None, negated=False, date=None):
    return {"type": kind, "actors": [{"text": actor, "code": actor}],
            "recipients": [{"text": recipient, "code": recipient}] if recipient else [],
            "negated": negated, "hypothetical": False, "event_date": date}


def test_a_second_annotation_is_scored_against_the_first_like_a_system(tmp_path):
    first = [
        _line("1", "Japan protested to Korea and Korea refused.",
              [_event("ACCUSE", "JPN", "KOR", date="2019-08-05"), _event("REJECT", "KOR", "JPN")]),
        _line("2", "Nothing happened.", []),
    ]
    # The second annotator agrees on the protest (but not its date), gives the refusal no
    # recipient, and codes an event the first did not see.
    second = [
        _line("1", "Japan protested to Korea and Korea refused.",
              [_event("ACCUSE", "JPN", "KOR"), _event("REJECT", "KOR")]),
        _line("2", "Nothing happened.", [_event("CONSULT", "USA", negated=True)]),
    ]
    paths = []
    for name, lines in (("a", first), ("b", second)):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
        paths.append(path)
    figures = agreement(load_gold(paths[0]), load_gold(paths[1])).figures()
    assert figures["type_recall"] == 1.0
    assert figures["type_precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert figures["strict_recall"] == 0.5
    assert figures["strict_precision"] == pytest.approx(1 / 3, abs=1e-3)
    assert figures["recipient_country_recall"] == 0.5
    assert figures["date_exact"] == 0.0
    assert figures["events_per_sentence"] == 1.5


def test_a_second_annotation_of_other_sentences_is_refused(tmp_path):
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps(_line("1", "Japan protested.", [])) + "\n", encoding="utf-8")
    second = tmp_path / "b.jsonl"
    second.write_text(json.dumps(_line("1", "Korea protested.", [])) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="other text"):
        agreement(load_gold(first), load_gold(second))
    second.write_text(json.dumps(_line("2", "Japan protested.", [])) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="lacks lines"):
        agreement(load_gold(first), load_gold(second))
    second.write_text("\n".join(json.dumps(_line(i, "Japan protested.", [])) for i in "12")
                      + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="the first lacks"):
        agreement(load_gold(first), load_gold(second))
    second.write_text(json.dumps(_line("1", "Japan protested.", [
        _event("ACCUSE", "JPN", date="5 Aug 2019")])) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="malformed event"):
        agreement(load_gold(first), load_gold(second))


@pytest.mark.parametrize(
    "second", sorted((REPO / "eval" / "gold" / "agreement").glob("*_second.jsonl")),
    ids=lambda p: p.stem)
def test_shipped_second_annotations_cover_their_gold_sets(second):
    first = REPO / "eval" / "gold" / second.name.replace("_second", "")
    figures = agreement(load_gold(first), load_gold(second)).figures()
    assert figures["sentences"] == 150
    # two annotators following the same guidelines agree far above any coder so far
    assert figures["strict_f1"] > 0.7
