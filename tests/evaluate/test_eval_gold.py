from __future__ import annotations

import logging
from pathlib import Path

import pytest

from graph.errors import GoldFormatError
from graph.evaluate.gold import load_gold, load_gold_dir, parse_gold
from graph.model import ENTITY_TYPES, RELATIONS

GOLD_DIR = Path(__file__).resolve().parents[2] / "data" / "gold"


def test_every_gold_file_loads() -> None:
    docs = load_gold_dir(GOLD_DIR)
    files = sorted(p.name for p in GOLD_DIR.glob("*.yaml"))
    assert [d.path.name for d in docs] == files
    assert len(docs) == len(files) > 0
    for doc in docs:
        assert doc.path is not None and doc.path.name == f"{doc.document}.yaml"
        assert doc.facts and doc.entities
        assert all(e.type in ENTITY_TYPES for e in doc.entities)
        assert all(f.relation in RELATIONS for f in doc.facts)
        assert all(isinstance(x, str) for f in doc.facts for x in (f.subject, f.relation, f.object))


def test_yaml_scalars_stay_as_written() -> None:
    doc = parse_gold(
        """
document: x.txt
form: 4
entities:
  - {type: Company, name: Acme Inc., aliases: [ON]}
facts:
  - [x.txt, form_type, 4]
  - [Acme Inc., cik, 0000933972]
  - [Acme Inc., postal_code, 07601]
  - [Acme Inc. / Option, exercise_price, 1.375]
  - [Acme Inc. / Option, exercise_price, 0.330]
  - [Acme Inc. / Option, expiration, 2005-02-07]
  - [Acme Inc., ticker, ON]
  - [Acme Inc., irs_employer_id, 11-2928178]
"""
    )
    assert doc.form == "4"
    assert doc.entities[0].aliases == ["ON"]
    assert [f.object for f in doc.facts] == [
        "4", "0000933972", "07601", "1.375", "0.330", "2005-02-07", "ON", "11-2928178",
    ]


def test_optional_parts() -> None:
    doc = parse_gold("document: x.txt\nentities:\n  - {type: Person, name: Jane Doe}\n")
    assert doc.form is None and doc.facts == [] and doc.entities[0].aliases == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("form: 8-K\nfacts: []\n", "missing 'document'"),
        ("document: x.txt\nentities:\n  - {type: Firm, name: Acme}\n", "unknown entity type"),
        ("document: x.txt\nentities:\n  - {type: Company}\n", "name"),
        ("document: x.txt\nentities:\n  - {type: Company, name: Acme, alias: [A]}\n", "unknown key"),
        ("document: x.txt\nfacts:\n  - [Acme, ticker]\n", "a fact is"),
        ("document: x.txt\nfacts:\n  - [a, officer_of, b, President, extra]\n", "a fact is"),
        ("document: x.txt\nfacts:\n  - {subject: a}\n", "a fact is"),
        ("document: x.txt\nfacts:\n  - [a, officer_of, b, General Manager]\n", "vocabulary"),
        ("document: x.txt\nfacts:\n  - [a, issued, Stock]\n", "vocabulary"),
        ("document: x.txt\nfacts:\n  - [a, exchange, AMEX]\n", "vocabulary"),
        ("document: x.txt\nfacts:\n  - [a, ticker, [X]]\n", "non-empty text"),
        ("- just a list\n", "mapping"),
        ("document: [unclosed\n", "not valid YAML"),
        ("document: x.txt\nextra: 1\n", "unknown top-level"),
    ],
)
def test_malformed_gold(text: str, reason: str) -> None:
    with pytest.raises(GoldFormatError, match=reason):
        parse_gold(text, "bad.yaml")


def test_error_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities: []\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="bad.yaml: missing 'document'"):
        load_gold(bad)
    with pytest.raises(GoldFormatError):
        load_gold_dir(tmp_path)


def test_unknown_relation_is_kept_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="filing_kg"):
        doc = parse_gold("document: x.txt\nfacts:\n  - [a, ceo_of, b]\n")
    assert doc.facts[0].relation == "ceo_of"
    assert "ceo_of" in caplog.text


def test_load_gold_dir_skips_format_md(tmp_path: Path) -> None:
    (tmp_path / "FORMAT.md").write_text("# not gold", encoding="utf-8")
    (tmp_path / "b.txt.yaml").write_text("document: b.txt\n", encoding="utf-8")
    (tmp_path / "a.txt.yaml").write_text("document: a.txt\n", encoding="utf-8")
    assert [d.document for d in load_gold_dir(tmp_path)] == ["a.txt", "b.txt"]


def test_dangling_references_warn(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="filing_kg"):
        parse_gold(
            "document: x.txt\nentities:\n  - {type: Company, name: Acme}\n"
            "facts:\n  - [Acme, subsidiary_of, Nobody Inc.]\n  - [y.txt, form_type, 8-K]\n"
            "  - [Acme / Warrant, exercise_price, 1]\n"
        )
    assert "Nobody Inc." in caplog.text and "y.txt" in caplog.text
    assert "Acme /" not in caplog.text


def test_real_gold_has_no_dangling_references(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="filing_kg"):
        load_gold_dir(GOLD_DIR)
    assert caplog.text == ""
