"""XML forms read structurally: ownership Form 4, Form D, Form C, Form 144; safe parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import SourceError
from graph.model import FieldValue, SourceDocument, StructuredForm
from graph.source import read_source
from graph.source.xmlforms import read_xml_form

ROOT = Path(__file__).resolve().parents[2]
FILINGS = ROOT / "data" / "filings"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _form(doc: SourceDocument) -> StructuredForm:
    assert doc.structured is not None
    return doc.structured


def _v(fv: FieldValue | None) -> str | None:
    return None if fv is None else fv.value


def _printed(doc: SourceDocument, fv: FieldValue | None) -> str:
    assert fv is not None
    return doc.source_text[fv.start : fv.end]


def test_form_4_374water() -> None:
    doc = read_source(FILINGS / "4_374Water_2025-05-02.xml")
    form = _form(doc)
    assert doc.form_type is not None and doc.form_type.value == "4"
    assert _v(form.period) == "2025-04-30"
    assert form.issuer is not None
    assert _v(form.issuer.name) == "374Water Inc."
    assert _v(form.issuer.cik) == "933972"
    assert _printed(doc, form.issuer.cik) == "933972"
    assert _v(form.issuer_ticker) == "SCWO"
    [owner] = form.parties
    assert owner.role == "reporting_owner"
    assert _v(owner.name) == "Melkote Rajesh Ramaswamy"
    assert _v(owner.cik) == "2064133"
    assert owner.is_officer and not owner.is_director and not owner.is_ten_percent_owner
    assert _v(owner.officer_title) == "Chief Technology Officer"
    assert _printed(doc, owner.officer_title) == "Chief Technology Officer"
    assert (_v(owner.city), _v(owner.state), _v(owner.zip)) == ("MORRISVILLE", "NC", "27560")
    assert owner.is_person is True
    rsu, option = form.securities
    assert not rsu.derivative and _v(rsu.title) == "Common Stock (restricted stock units)"
    assert _v(rsu.shares) == "757756" and _v(rsu.transaction_code) == "A"
    assert option.derivative and _v(option.title) == "Stock options (right to buy)"
    assert _v(option.exercise_price) == "0.33"
    assert _printed(doc, option.exercise_price) == "0.33"
    assert option.exercise_date is None  # only a footnote reference
    assert _v(option.expiration_date) == "2035-04-29"
    assert _v(option.underlying_title) == "Common Stock" and _v(option.underlying_shares) == "757576"
    [sig] = form.signatures
    assert _v(sig.name) == "Rajesh Melkote" and _printed(doc, sig.name) == "Rajesh Melkote"
    assert _v(sig.date) == "2025-05-02"
    assert "footnote: Vesting commencement date is March 31, 2025." in doc.parts[0].text


def test_form_d_1685_38th_reit() -> None:
    doc = read_source(FILINGS / "D_1685-38th-REIT_2023-01-27.xml")
    form = _form(doc)
    assert _v(form.form_type) == "D"
    assert form.issuer is not None
    assert _v(form.issuer.name) == "1685 38th REIT, L.L.C."
    assert _v(form.issuer.cik) == "1961089"
    assert _v(form.issuer.zip) == "90067"
    assert _v(form.issuer_state_of_incorporation) == "DELAWARE"
    assert _v(form.issuer_entity_type) == "Limited Liability Company"
    related = [p for p in form.parties if p.role == "related_person"]
    assert len(related) == 14
    by_name = {_v(p.name): p for p in related}
    assert by_name["Daniel Belldegrun"].is_officer and not by_name["Daniel Belldegrun"].is_director
    assert by_name["Joseph G. Doran"].is_officer and by_name["Joseph G. Doran"].is_director
    assert by_name["Robert J. Speyer"].is_director and not by_name["Robert J. Speyer"].is_officer
    doran = by_name["Joseph G. Doran"].name
    assert doran is not None
    raw = doc.source_text[doran.start : doran.end]
    assert raw.startswith("Joseph") and raw.endswith("Doran")
    recipients = [p for p in form.parties if p.role == "sales_compensation"]
    assert [_v(p.name) for p in recipients] == ["Charles Harrison", "Lori Mayfield", "Patrick Whelchel", "Scott Harrison"]
    broker = recipients[0].associated_broker
    assert _v(broker) == "H & L Equities, LLC"
    assert _printed(doc, broker) == "H &amp; L Equities, LLC"
    assert _v(recipients[0].associated_broker_crd) == "113794"
    assert [_v(s.title) for s in form.securities] == ["Equity", "Pooled Investment Fund Interests"]
    assert _v(form.offering["total_offering_amount"]) == "125000"
    assert _v(form.offering["date_of_first_sale"]) == "2023-01-19"
    [sig] = form.signatures
    assert (_v(sig.name), _v(sig.title), _v(sig.date)) == ("Daniel Belldegrun", "President and CEO", "2023-01-27")


def test_form_c_pickleball() -> None:
    doc = read_source(FIXTURES / "C_PickleballEtc_2024-03-22.xml")
    form = _form(doc)
    assert doc.form_type is not None and doc.form_type.value == "C"
    assert form.issuer is not None
    assert _v(form.issuer.name) == "Pickleball Etc. LLC" and _v(form.issuer.cik) == "2011047"
    assert _v(form.issuer.zip) == "90248"
    assert _v(form.issuer_state_of_incorporation) == "CA"
    [portal] = form.parties
    assert portal.role == "intermediary"
    assert _v(portal.name) == "ANDES CAPITAL GROUP, LLC" and _v(portal.cik) == "1348811"
    assert _printed(doc, portal.name) == "ANDES CAPITAL GROUP, LLC"  # namespaced document, span still exact
    [security] = form.securities
    assert (_v(security.title), _v(security.price), _v(security.shares)) == ("Membership Interests", "1.20000", "41666")
    assert _v(form.offering["deadline_date"]) == "2024-12-31"
    [sig] = form.signatures
    assert (_v(sig.name), _v(sig.title), _v(sig.date)) == ("Steven Raack", "Managing Member", "2024-03-22")


def test_form_144_apple() -> None:
    doc = read_source(FIXTURES / "144_Apple_Maestri_2023-04-13.xml")  # starts with a blank line
    form = _form(doc)
    assert doc.fmt == "xml" and _v(form.form_type) == "144"
    assert form.issuer is not None
    assert _v(form.issuer.name) == "Apple Inc." and _v(form.issuer.cik) == "320193"
    seller = [p for p in form.parties if p.role == "reporting_owner"]
    assert [_v(p.name) for p in seller] == ["Luca Maestri"] and seller[0].is_director
    brokers = [p for p in form.parties if p.role == "broker"]
    assert [_v(p.name) for p in brokers] == ["Goldman Sachs & Co. LLC"]
    # the class row, then how the shares came from the issuer (securitiesToBeSold)
    assert [(_v(s.title), _v(s.shares)) for s in form.securities] == [
        ("Common", "69996"),
        ("Acquired as compensation Restricted Stock Units", "69996"),
    ]
    assert _v(form.offering["approximate_sale_date"]) == "2023-04-13"
    assert _v(form.offering["file_number"]) == "001-36743"
    assert _printed(doc, form.offering["file_number"]) == "001-36743"
    assert _v(form.offering["exchange"]) == "NASD"
    assert _v(brokers[0].zip) == "10282"
    [sig] = form.signatures
    assert _v(sig.date) == "2023-04-13"


def test_spans_on_minified_one_line_xml() -> None:
    src = (
        "<?xml version='1.0'?><ownershipDocument><documentType>4</documentType><issuer><issuerCik>0000000042</issuerCik>"
        "<issuerName>A</issuerName></issuer><reportingOwner><reportingOwnerId><rptOwnerName>A</rptOwnerName>"
        "</reportingOwnerId><reportingOwnerRelationship><isDirector>1</isDirector></reportingOwnerRelationship>"
        "</reportingOwner></ownershipDocument>"
    )
    form, _ = read_xml_form(src, "x.xml")
    assert form.issuer is not None and form.issuer.cik is not None
    assert src[form.issuer.name.start : form.issuer.name.end] == "A"
    assert form.issuer.name.start == src.index("<issuerName>") + len("<issuerName>")
    owner = form.parties[0].name
    assert owner.start == src.index("<rptOwnerName>") + len("<rptOwnerName>")
    assert form.parties[0].is_director
    assert (form.issuer.cik.value, src[form.issuer.cik.start : form.issuer.cik.end]) == ("42", "42")


def test_xml_bomb_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "bomb.xml"
    f.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>\n'
        "<ownershipDocument><documentType>&lol2;</documentType></ownershipDocument>\n"
    )
    with pytest.raises(SourceError, match="entit"):
        read_source(f)


def test_external_entity_is_not_loaded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    src = f'<?xml version="1.0"?>\n<!DOCTYPE d SYSTEM "file://{secret}">\n<ownershipDocument><documentType>4</documentType></ownershipDocument>'
    form, part = read_xml_form(src, "x.xml")
    assert _v(form.form_type) == "4" and "TOP SECRET" not in part.text


def test_malformed_xml(tmp_path: Path) -> None:
    f = tmp_path / "broken.xml"
    f.write_text('<?xml version="1.0"?>\n<ownershipDocument><issuer></ownershipDocument>\n')
    with pytest.raises(SourceError, match="malformed XML"):
        read_source(f)


def test_xml_that_is_not_a_form(tmp_path: Path) -> None:
    f = tmp_path / "feed.xml"
    f.write_text('<?xml version="1.0"?>\n<rss><channel><title>News</title></channel></rss>\n')
    with pytest.raises(SourceError, match="not an EDGAR form"):
        read_source(f)
