"""Restoring capitals in informal writing before the parse.

Forum posts and comment threads are often written in lower case ("iwaya flies to beijing and
comes home having promised …"). The English model reads such text badly: a lower-case surname
becomes a common noun or an adjective, the sentence loses its subject and no event is found. The
casing pass gives back the capitals that the actor knowledge is sure of, before spaCy sees the
text:

- the first letter of each sentence, and the pronoun "i";
- names the knowledge writes with capitals (countries, capitals, peoples, people, institutions)
  when they appear all in lower case, with two exceptions: one-word names that are also English
  words ("moon", "park", "may"), which stay as written unless they name a country, its capital
  or its people ("japan", "china", "korean"; but not "turkey" or "chad"), and two-letter names.

Only letters change case, never the length of the text, so every offset into the original text
stays valid; the pipeline quotes the original text in sentences and actor spans.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from ..extractors.actor_kb import ActorKnowledge
from ..extractors.actors import COMMON_WORD_NAMES

# Alias kinds whose written form is a proper name.
_NAME_KINDS = frozenset({"name", "alias", "surname", "demonym", "capital", "seat"})
# A sentence ends with one of these, then spaces.
_SENTENCE_START = re.compile(r"(^|[.!?]['\"”’)]?\s+)([a-z])")
_PRONOUN_I = re.compile(r"(?<![\w'’-])i(?=(?:['’](?:m|d|ll|ve))?(?![\w'’-]))")


def english_words(nlp: Language) -> frozenset[str]:
    """Lower-case English words the model's lemmatizer knows (its WordNet-derived index)."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        return frozenset()
    return frozenset(word for words in table.values() for word in words)


class TrueCaser:
    """Gives lower-case names and sentence starts their capitals (see the module docstring)."""

    def __init__(self, kb: ActorKnowledge, nlp: Language) -> None:
        self._tokenizer = nlp.tokenizer
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._written: dict[str, str] = {}
        words = english_words(nlp)
        for alias in kb.aliases:
            text = alias.text
            lower = text.lower()
            if alias.kind not in _NAME_KINDS or lower == text or text.isupper() \
                    or lower in self._written:
                continue
            place = kb.entities[alias.entity].kind == "country" and alias.kind != "seat"
            if lower.startswith("the ") and lower[4:] in words:
                continue  # "the north" of a country is not "the North"
            if " " not in lower and "-" not in lower and (
                    len(lower) <= 2 or lower in COMMON_WORD_NAMES
                    or lower in words and not place):
                continue  # "moon", "park", "may", "chad": ordinary words as well
            self._written[lower] = text
            self._matcher.add("NAME", [self._tokenizer(text)])

    def __call__(self, text: str) -> str:
        chars = list(text)
        doc = self._tokenizer(text)
        spans = filter_spans(self._matcher(doc, as_spans=True))
        for span in spans:
            written = self._written.get(span.text.lower())
            if written is None or span.text != span.text.lower() or len(written) != len(span.text):
                continue  # (already capitalised somewhere, or written another way)
            chars[span.start_char:span.end_char] = written
        cased = "".join(chars)
        cased = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), cased)
        return _PRONOUN_I.sub("I", cased)
