"""The shipped query library: headers, safe parameter binding, and every query running on a store."""

from __future__ import annotations

import pytest

from graph.errors import QueryError
from graph.query.library import bind, get_query, list_queries, parse_param, placeholders, resolve_query_text, sparql_term
from graph.store.sparql import run_query
from graph.rdf.build import extraction_to_dataset
from graph.store import open_store

SHIPPED = {"officers", "subsidiaries", "placements", "instruments", "board-members", "entity", "facts", "entities"}


def test_library_lists_the_shipped_queries_with_descriptions():
    queries = {q.name: q for q in list_queries()}
    assert SHIPPED <= set(queries)
    for q in queries.values():
        assert q.description and q.summary
        assert set(q.params) == set(placeholders(q.text)), q.name  # every declared param has a placeholder
    assert queries["officers"].params == {"company": "company name (case-insensitive, any part of a name or alias) or IRI"}


def test_values_become_escaped_literals_or_validated_iris():
    assert sparql_term("Innovo Group") == '"Innovo Group"'
    assert sparql_term('a "quoted" \\ name\n') == '"a \\"quoted\\" \\\\ name\\n"'
    assert sparql_term("<https://w3id.org/filing-kg/id/company/apple>") == "<https://w3id.org/filing-kg/id/company/apple>"
    assert sparql_term("https://w3id.org/x") == "<https://w3id.org/x>"
    assert sparql_term("fkgid:company/cik-320193") == "<https://w3id.org/filing-kg/id/company/cik-320193>"
    assert sparql_term("Re: something") == '"Re: something"'  # not a known prefix: a name
    for bad in ("<http://a b>", "<http://x>y>", '<http://x"}>'):
        with pytest.raises(QueryError):
            sparql_term(bad)


def test_injection_attempts_stay_inside_the_literal(sample):
    ds = extraction_to_dataset([sample.innovo_extraction()])
    text = get_query("officers").text
    evil = 'x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #'
    assert run_query(ds, bind(text, {"company": evil})) == []
    rows = run_query(ds, bind(text, {"company": "innovo"}))
    assert {str(r["person"]) for r in rows} == {"Samuel J. Furrow, Jr."}


def test_unknown_parameter_and_bad_spec():
    with pytest.raises(QueryError, match="no parameter 'ceo'"):
        bind(get_query("officers").text, {"ceo": "x"})
    with pytest.raises(QueryError):
        parse_param("novalue")
    assert parse_param("company=A=B") == ("company", "A=B")
    with pytest.raises(QueryError):
        get_query("../secrets")


def test_resolve_query_text(tmp_path):
    assert resolve_query_text("officers") == get_query("officers").text
    f = tmp_path / "q.rq"
    f.write_text("ASK {}")
    assert resolve_query_text(str(f)) == "ASK {}"
    long_inline = "SELECT ?x WHERE { ?x ?p ?o }" + " " * 400 + "LIMIT 1"
    assert resolve_query_text(long_inline) == long_inline


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_every_library_query_runs_unbound_and_bound(name, sample):
    with open_store(None) as store:
        store.add_extraction(sample.innovo_extraction())
        q = get_query(name)
        assert isinstance(store.query_named(name), list)
        for param in q.params:
            by_name = store.query_named(name, **{param: "Innovo"})
            by_iri = store.query_named(name, **{param: f"fkgid:{sample.INNOVO}"})
            assert isinstance(by_name, list) and isinstance(by_iri, list)


def test_shipped_queries_answer_the_sample(sample):
    with open_store(None) as store:
        store.add_extraction(sample.innovo_extraction())
        officers = store.query_named("officers", company="innovo group")
        assert {(str(r["person"]), str(r.get("title", ""))) for r in officers} >= {
            ("Samuel J. Furrow, Jr.", "Chief Executive Officer"), ("Samuel J. Furrow, Jr.", "")}
        placements = store.query_named("placements")
        parties = [(str(r["partyName"]), str(r["role"]), str(r["issuerName"])) for r in placements if "party" in r]
        assert parties == [("Example Capital Markets LLC", "placement agent", "Innovo Group Inc.")]
        terms = {(str(r["type"]), str(r.get("term", ""))) for r in store.query_named("instruments", company="innovo")}
        assert ("Convertible Note", "conversion_price") in terms or ("Convertible Note", "interest_rate") in terms
        about = store.query_named("entity", entity=f"<https://w3id.org/filing-kg/id/{sample.INNOVO}>")
        assert about and all(str(r["document"]) == sample.DOC for r in about)
        assert {str(r["property"]) for r in about} >= {"cik", "officerOf", "placementAgentFor"}


def test_placements_give_each_deal_with_its_parties_and_terms(sample):
    """One offering per document and issuer: a row per party and per term of each offered instrument."""
    with open_store(None) as store:
        store.add_extraction(sample.innovo_extraction())
        rows = store.query_named("placements")
        offering = f"https://w3id.org/filing-kg/id/offering/{sample.DOC}/{sample.INNOVO}"
        assert {str(r["offering"]) for r in rows} == {offering}
        assert {str(r["date"]) for r in rows} == {"2004-06-23"} and {str(r["document"]) for r in rows} == {sample.DOC}
        terms = {(str(r["instrumentType"]), str(r.get("term", "")), str(r.get("value", ""))) for r in rows
                 if "instrumentType" in r}
        assert terms == {
            ("Convertible Note", "principal_amount", "2500000"), ("Convertible Note", "interest_rate", "7.5"),
            ("Convertible Note", "maturity", "P1Y"), ("Convertible Note", "price_per_share", "4"),
            ("Convertible Note", "conversion_price", "1.53"), ("Convertible Note", "conversion_price", "1.41"),
            ("Convertible Note", "conversion_price", "1.35"),
            ("Convertible Note", "convertible_into", "Innovo Group Inc. / Common Stock"),
            ("Warrant", "", ""),  # offered without stated terms: one row without a term
        }
        # a party's name selects its whole deal; a company in no deal selects nothing
        assert len(store.query_named("placements", company="example capital")) == len(rows)
        assert len(store.query_named("placements", company=f"fkgid:{sample.AGENT}")) == len(rows)
        assert store.query_named("placements", company="Securities and Exchange") == []


def test_instruments_carry_their_deal(sample):
    with open_store(None) as store:
        store.add_extraction(sample.innovo_extraction())
        rows = store.query_named("instruments", company="innovo")
        offering = f"https://w3id.org/filing-kg/id/offering/{sample.DOC}/{sample.INNOVO}"
        by_type = {}
        for r in rows:
            by_type.setdefault(str(r["type"]), set()).add(
                (str(r.get("offering", "")), str(r.get("date", "")), str(r.get("parties", ""))))
        deal = (offering, "2004-06-23", "placement agent: Example Capital Markets LLC")
        assert by_type["Convertible Note"] == {deal}
        assert by_type["Warrant"] == {deal}  # offered, no terms: the deal's row without a term
        assert by_type["Common Stock"] == {("", "", "")}  # only a conversion target: no deal


def test_clients_see_each_shipped_query_form() -> None:
    """SPARQL clients sniff the query form from the text (comments included): it must read as what it is."""
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper("http://127.0.0.1:9/sparql")
    for q in list_queries():
        client.setQuery(q.text)
        body = "\n".join(line for line in q.text.splitlines() if not line.lstrip().startswith("#"))
        form = next(w for w in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE") if w in body.upper())
        assert client.queryType == form, q.name
