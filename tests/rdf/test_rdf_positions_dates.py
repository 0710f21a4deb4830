"""Appointment and departure dates land on the position node, typed xsd:date."""

from rdflib.namespace import XSD

from graph.model import Entity, Evidence, Extraction, Fact
from graph.rdf.build import extraction_to_dataset
from graph.rdf.namespaces import FKG
from graph.rdf.validate import validate


def test_position_dates():
    ev = Evidence("d.txt", 0, 5, "x", "rule:test", 0.9)
    ex = Extraction(
        doc_id="d.txt",
        sha256="0" * 64,
        entities={
            "company/acme": Entity("company/acme", "Company", "Acme Inc.", evidence=[ev]),
            "person/jo-doe": Entity("person/jo-doe", "Person", "Jo Doe", evidence=[ev]),
        },
        facts=[Fact("person/jo-doe", "director_of", "company/acme", None, ev, end_date="2004-09-29")],
    )
    ds = extraction_to_dataset([ex])
    ends = [o for _s, _p, o, _g in ds.quads((None, FKG.endDate, None, None))]
    assert [str(o) for o in ends] == ["2004-09-29"] and ends[0].datatype == XSD.date
    assert validate(ds).conforms
