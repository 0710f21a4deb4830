"""Gold files -> Extraction -> graph -> facts view gives the gold facts back.

A perfect extraction must score 100%: this checks the builder and facts.rq
against every relation, name and value shape the gold set actually uses.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph.model import INSTRUMENT_TYPES, RELATIONS, Entity, Extraction, Fact, Instrument
from graph.query.facts import fact_tuples
from graph.rdf.build import extraction_to_dataset
from graph.rdf.iri import slug
from graph.rdf.literals import canonical_decimal
from graph.rdf.validate import validate
from graph.rdf.vocab import NUMERIC_RELATIONS

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"
FILES = sorted(GOLD.glob("*.yaml")) if GOLD.is_dir() else []


def _text(value: object) -> str:
    return str(value)


def _instrument(name: str) -> tuple[str, str] | None:
    for itype in INSTRUMENT_TYPES:
        if name.endswith(" / " + itype):
            return name[: -len(itype) - 3], itype
    return None


def gold_to_extraction(data: dict) -> tuple[Extraction, set[tuple[str, ...]]]:
    doc = data["document"]
    keys: dict[str, str] = {}
    ex = Extraction(doc, "0" * 64)
    for ent in data.get("entities") or []:
        key = f"{ent['type'].lower()}/{slug(ent['name']) or 'x'}"
        while key in ex.entities:
            key += "-2"
        keys[ent["name"]] = key
        ex.entities[key] = Entity(key, ent["type"], ent["name"], set(ent.get("aliases") or []))

    def entity(name: str) -> str:
        if name not in keys:  # named in a fact but not listed: still an entity
            keys[name] = f"company/{slug(name)}"
            ex.entities[keys[name]] = Entity(keys[name], "Company", name)
        return keys[name]

    def instrument(name: str) -> str:
        issuer, itype = _instrument(name)  # type: ignore[misc]
        key = f"instrument/{entity(issuer)}/{slug(itype)}"
        ex.instruments.setdefault(key, Instrument(key, entity(issuer), itype))
        return key

    expected: set[tuple[str, ...]] = {(e["name"], "type", e["type"]) for e in data.get("entities") or []}
    for row in data.get("facts") or []:
        subject, relation, obj = (_text(x) for x in row[:3])
        qualifier = _text(row[3]) if len(row) > 3 else None
        if relation not in RELATIONS:
            continue
        skind, okind = RELATIONS[relation]
        s = {"entity": entity, "instrument": instrument}.get(skind, lambda x: x)(subject)
        o = {"entity": entity, "instrument": instrument}.get(okind, lambda x: x)(obj)
        ex.facts.append(Fact(s, relation, o, qualifier))
        if relation in NUMERIC_RELATIONS:
            obj = canonical_decimal(obj) or obj
        expected.add((subject, relation, obj) + ((qualifier,) if qualifier else ()))
    for name, key in keys.items():
        expected.add((name, "type", ex.entities[key].type))
    return ex, expected


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_gold_round_trip(path: Path) -> None:
    ex, expected = gold_to_extraction(yaml.safe_load(path.read_text(encoding="utf-8")))
    ds = extraction_to_dataset([ex])
    assert fact_tuples(ds) == expected
    report = validate(ds)
    assert not report.violations(), report.text
