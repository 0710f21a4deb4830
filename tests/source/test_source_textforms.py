"""Text-era Form 4: boxes and the wrapped derivative table, read into a StructuredForm."""

from graph.source import read_source
from graph.source.textforms import parse_text_ownership
from tests.conftest import FILINGS, rows_of


def test_text_form4_boxes_and_table():
    sd = read_source(FILINGS / "4_ProductivityTech_0001094891-00-000193.txt")
    form = parse_text_ownership(sd.parts[0], "4")
    assert form is not None
    assert form.issuer.name.value == "Productivity Technologies Corp."
    assert form.issuer_ticker.value == "PRAC"
    (owner,) = form.parties
    assert owner.name.value == "Foster, Alan H." and owner.is_director and not owner.is_officer
    (sec,) = form.securities
    assert sec.title.value == "Options to Purchase Common Stock"  # joined across the wrapped row
    assert sec.exercise_price.value == "$1.375"
    assert sec.expiration_date.value == "2005-02-07"
    assert sec.underlying_title.value == "Common Stock"
    assert sd.source_text[sec.exercise_price.start : sec.exercise_price.end] == "$1.375"
    assert form.signatures[0].date.value == "2000-03-13"


def test_not_a_text_form():
    sd = read_source(FILINGS / "002_d72a9ef88ce946c1.txt")
    assert parse_text_ownership(sd.parts[0], "4") is None


def test_text_form4_facts(extract):
    rows = rows_of(extract("4_ProductivityTech_0001094891-00-000193.txt"))
    issuer = "Productivity Technologies Corp."
    assert ("Alan H. Foster", "director_of", issuer) in rows
    assert ("Alan H. Foster", "shareholder_of", issuer) in rows
    assert (f"{issuer} / Option", "exercise_price", "1.375") in rows
    assert (f"{issuer} / Option", "exercisable_for", f"{issuer} / Common Stock") in rows
    assert (issuer, "issued", "Common Stock") not in rows  # only underlying


def test_modern_header_ein_is_the_irs_number():
    """Headers since 2024 print "EIN:" (excerpt of 0001213900-25-032135, ABVC BioPharma)."""
    from tests.conftest import ROOT

    sd = read_source(ROOT / "tests" / "fixtures" / "8-K_ABVC_2025_header_excerpt.txt")
    (filer,) = sd.header.companies
    assert filer.irs_number.value == "260014658"
    assert filer.cik.value == "1173313"
