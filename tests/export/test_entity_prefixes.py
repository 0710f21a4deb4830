"""Short prefixes for entity IRIs: ``company:``, ``person:`` ... in exports and in queries."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef

from graph.cli import main
from graph.export import export
from graph.rdf.namespaces import ENTITY_PREFIXES, ID, PREFIXES
from graph.store.params import sparql_term


def test_every_entity_kind_has_a_prefix_under_the_instance_namespace():
    assert {"company", "person", "agency", "instrument", "document", "offering"} <= set(ENTITY_PREFIXES)
    for prefix, iri in ENTITY_PREFIXES.items():
        assert iri == f"{ID}{prefix}/" and PREFIXES[prefix] == iri


@pytest.fixture(scope="module")
def company(innovo_store) -> tuple[str, str]:
    """(local part under company/, name) of one company in the store."""
    rows = innovo_store.oxigraph.query(
        "SELECT ?c ?name { ?c a fkg:Company ; rdfs:label ?name } ORDER BY ?c LIMIT 1", prefixes=PREFIXES)
    row = next(iter(rows))
    return row["c"].value[len(f"{ID}company/"):], row["name"].value


@pytest.mark.parametrize("name,parser", [("turtle", "turtle"), ("trig", "trig")])
def test_exports_declare_and_use_the_short_prefixes(name, parser, innovo_store, company, tmp_path):
    path = tmp_path / f"g.{name}"
    export(name, innovo_store, path)
    text = path.read_text(encoding="utf-8")
    assert f"@prefix company: <{ID}company/>" in text and f"@prefix person: <{ID}person/>" in text
    assert f"company:{company[0]} " in text  # written short
    assert "fkgid:company" not in text  # the longest namespace wins
    parsed = Dataset() if name == "trig" else Graph()
    parsed.parse(path, format=parser)
    subjects = {q[0] for q in parsed.quads((None, None, None, None))} if isinstance(parsed, Dataset) \
        else set(parsed.subjects())
    assert URIRef(f"{ID}company/{company[0]}") in subjects


def test_cli_query_with_a_prefixed_entity_needs_no_escaping(store_dir, company):
    res = CliRunner().invoke(main, ["query", "--store", str(store_dir), "--format", "csv",
                                    f"SELECT * {{ company:{company[0]} ?p ?o }}"])
    assert res.exit_code == 0, res.output
    assert company[1] in res.output


def test_cli_table_shows_entities_with_their_short_prefix(store_dir, company):
    res = CliRunner().invoke(main, ["query", "--store", str(store_dir),
                                    "SELECT ?c { ?c a fkg:Company } ORDER BY ?c"])
    assert res.exit_code == 0, res.output
    assert f"company:{company[0]}" in res.output and "fkgid:company" not in res.output


def test_a_prefixed_parameter_binds_the_entity_iri():
    assert sparql_term("company:innovo-group") == f"<{ID}company/innovo-group>"
    assert sparql_term("nosuchprefix:x") == '"nosuchprefix:x"'  # unknown prefixes stay names
