"""Loading the event pattern file: typed triggers, exclusions and named errors."""

from pathlib import Path

import pytest

from dyadwatch.errors import KnowledgeError
from dyadwatch.extractors.patterns import load_patterns


def test_the_shipped_patterns_load_with_words_only():
    book = load_patterns()
    for table in (book.exclude_words, book.exclude_objects, book.exclude_deps,
                  book.exclude_settings):
        assert all(isinstance(w, str) for words in table.values() for w in words)
    assert "off" in book.exclude_words["blast"]  # "blasted off from Baikonur"
    assert "runoff" in book.exclude_settings["beat"]  # "beat Kono in a runoff"


def test_a_bare_yaml_boolean_is_a_named_error(tmp_path: Path):
    path = tmp_path / "patterns.yaml"
    path.write_text("types: {}\nexclude:\n  blast: {words: [off]}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="quote on, off"):
        load_patterns(path)


def test_a_negated_group_marks_its_triggers(tmp_path: Path):
    path = tmp_path / "patterns.yaml"
    path.write_text('types:\n  AGREE:\n    - {cameo: "030", patterns: [agree]}\n'
                    '    - {cameo: "030", negated: true, patterns: ["remain at [odds]"]}\n',
                    encoding="utf-8")
    book = load_patterns(path)
    flags = {t.lemma: t.negated for t in book.by_lemma["agree"] + book.by_lemma["remain"]}
    assert flags == {"agree": False, "remain": True}


def test_a_group_can_require_who_acts(tmp_path: Path):
    path = tmp_path / "patterns.yaml"
    path.write_text('types:\n  RETREAT:\n    - {cameo: "0874", actors: [MIL, state], '
                    'patterns: ["pull out of [city]"]}\n', encoding="utf-8")
    trigger = load_patterns(path).by_lemma["pull"][0]
    assert trigger.acted_by("MIL", "RUS") and trigger.acted_by(None, "RUS")
    assert not trigger.acted_by("BUS", "JPN") and not trigger.acted_by(None, None)
