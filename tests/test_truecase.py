"""Capitals restored in lower-case forum text before the parse (dyadwatch.nlp.truecase)."""

from __future__ import annotations

import pytest

from dyadwatch.models import Document, FuzzyDate


@pytest.fixture(scope="module")
def truecase(extractor):
    return extractor.truecase


def test_names_sentence_starts_and_the_pronoun_i_get_their_capitals(truecase):
    text = "suga flew to seoul. i think kim jong un and south korea won't care. ok?"
    assert truecase(text) == ("Suga flew to Seoul. I think Kim Jong Un and South Korea won't "
                              "care. Ok?")


def test_names_that_are_also_english_words_stay_as_written(truecase):
    # a surname that is an ordinary word, a country named like a bird, the north of a country
    text = "the moon rose over turkey in the north while park rangers watched"
    assert truecase(text) == "The moon rose over turkey in the north while park rangers watched"


def test_a_country_named_by_an_ordinary_word_is_still_a_country(truecase):
    assert truecase("they export to china and japan") == "They export to China and Japan"


def test_the_length_never_changes_and_capitals_already_there_stay(truecase):
    text = "Abe met moon jae-in; the JAPANESE side and the koreans agreed. i'd say so!"
    cased = truecase(text)
    assert len(cased) == len(text)
    assert cased.lower() == text.lower()
    assert "JAPANESE" in cased and "Koreans" in cased and "I'd" in cased


def test_the_pipeline_quotes_the_text_as_written(extractor):
    text = "iwaya flies to beijing on wednesday and everyone acts surprised"
    document = Document(id="f", text=text, source="test", published=FuzzyDate.parse("2024-12-24"),
                        genre="forum")
    result = extractor.extract_one(document)
    assert result.sentences[0].text == text
    visit = next(m for m in result.mentions if m.event_type == "CONSULT")
    assert [a.text for a in visit.actors] == ["iwaya"]
    assert [(r.text, r.country) for r in visit.recipients] == [("beijing", "CHN")]
    for ref in visit.actors + visit.recipients:
        assert text[ref.start:ref.end] == ref.text


def test_news_text_is_parsed_as_written(extractor):
    # only forum posts and comments are re-cased: a lower-case name in news stays unread
    text = "iwaya flies to beijing on wednesday."
    document = Document(id="n", text=text, source="test", published=FuzzyDate.parse("2024-12-24"),
                        genre="news")
    assert not [m for m in extractor.extract_one(document).mentions if m.actors]
