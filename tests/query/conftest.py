"""Fixtures shared by the rdf, store and query tests (the hand-made Innovo extraction)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_NAME = "filing_kg_innovo_sample"


def _sample():
    if _NAME not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "rdf" / "innovo_sample.py"
        spec = importlib.util.spec_from_file_location(_NAME, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[_NAME] = module
        spec.loader.exec_module(module)
    return sys.modules[_NAME]


@pytest.fixture
def sample():
    """The sample module: ``innovo_extraction(doc_id)``, ``expected_facts(doc_id)``, key constants."""
    return _sample()


@pytest.fixture
def innovo(sample):
    return sample.innovo_extraction()
