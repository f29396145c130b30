"""The spaCy set-up and its word repairs (dyadwatch.nlp.spacy_model)."""

from __future__ import annotations

import pytest

from dyadwatch.nlp.spacy_model import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def word(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize("text", [
    "A Seoul court ordered the Japanese government to pay 100 million won to each of 12 women.",
    "In 2007 the South Korean government set aside about 3 billion won to help the residents.",
])
def test_the_korean_currency_after_a_number_is_a_noun(nlp, text):
    doc = nlp(text)
    won = word(doc, "won")
    assert (won.pos_, won.lemma_) == ("NOUN", "won")
    assert doc.text == text  # the text itself is never changed
    assert won.dep_ == "dobj"  # the money is what is paid or set aside


def test_the_verb_won_stays_a_verb(nlp):
    won = word(nlp("South Korea won the match 2-0 on Tuesday."), "won")
    assert (won.pos_, won.lemma_) == ("VERB", "win")


def test_a_capitalised_participle_that_opens_a_sentence_is_a_verb(nlp):
    doc = nlp("Visiting Gyeongju for talks with Kim Young-sam, Hosokawa apologised for colonial "
              "rule.")
    assert (doc[0].pos_, doc[0].tag_, doc[0].lemma_) == ("VERB", "VBG", "visit")


def test_a_place_or_name_ending_in_ing_keeps_its_tag(nlp):
    doc = nlp("Beijing protested on Monday.")
    assert doc[0].pos_ == "PROPN"
    doc = nlp("Meeting rooms were booked for the talks.")
    assert doc[0].pos_ in {"NOUN", "PROPN"}  # not a clause: a noun before a noun


def test_an_opening_participle_hung_on_a_fronted_name_is_a_verb(nlp):
    doc = nlp("Hosting Moon in Pyongyang, Kim pledged to dismantle the test site.")
    assert (doc[0].pos_, doc[0].lemma_) == ("VERB", "host")


def test_won_after_a_year_stays_a_verb(nlp):
    won = word(nlp("Moon, who in 2017 won the presidency, met Abe in Hamburg."), "won")
    assert (won.pos_, won.lemma_) == ("VERB", "win")
