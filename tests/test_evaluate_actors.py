"""Actor-mention gold evaluation (dyadwatch.evaluate_actors)."""

from __future__ import annotations

import json

from dyadwatch.evaluate_actors import evaluate_actors, is_actor_gold


def test_actor_gold_is_scored(tmp_path, extractor):
    gold = tmp_path / "actors.jsonl"
    gold.write_text(json.dumps({
        "id": "A1", "date": "2019-08-01",
        "text": "President Moon met Japanese officials in Seoul on Thursday.",
        "mentions": [
            {"text": "President Moon", "head": "Moon", "country": "KOR", "sector": "GOV",
             "entity": "Moon Jae-in"},
            {"text": "Japanese officials", "head": "officials", "country": "JPN",
             "sector": "GOV", "entity": None},
            {"text": "Seoul", "head": "Seoul", "country": "KOR", "sector": "CVL",
             "entity": None},  # deliberately wrong sector: a miss must be counted
        ]}) + "\n", encoding="utf-8")
    assert is_actor_gold(gold)
    report = evaluate_actors(gold, extractor)
    figures = report.figures()
    assert figures["mentions"] == 3
    assert figures["country_accuracy"] == 1.0
    assert figures["sector_accuracy"] == round(2 / 3, 4)
    assert figures["people_entity_accuracy"] == 1.0
    assert [m["text"] for m in report.misses] == ["Seoul"]
    assert report.by_category() == {"other": round(2 / 3, 4)}
