"""Exhibit 21 tables, firm-signed letters, document dates and structured forms."""

from tests.conftest import rows_of

EX21 = """Exhibit 21.1
Subsidiaries of
Acme Widgets Inc.*
Jurisdiction of Incorporation
Acme Asia Limited | Hong Kong
Acme Asia LLC | Delaware, U.S.
Acme Japan, Inc. | Japan
*Pursuant to Item 601(b)(21)(ii) of Regulation S-K, the names of other subsidiaries of Acme Widgets Inc. are omitted.
"""


def test_exhibit21_rows_and_jurisdictions(extract_text):
    ex = extract_text(EX21)
    rows = rows_of(ex)
    assert ("Acme Asia Limited", "subsidiary_of", "Acme Widgets Inc.") in rows
    assert ("Acme Asia LLC", "state_of_incorporation", "Delaware") in rows  # ", U.S." dropped
    assert ("Acme Japan, Inc.", "state_of_incorporation", "Japan") in rows
    # two legal forms, two companies; the caption and the footnote are no companies
    names = {e.name for e in ex.entities.values()}
    assert {"Acme Asia Limited", "Acme Asia LLC"} <= names
    assert not any("Jurisdiction" in n or "Pursuant" in n for n in names)


def test_firm_signed_opinion_is_legal_counsel(extract):
    rows = rows_of(extract("24F-2NT_CommonSenseTrust_0000950129-95-001652.txt"))
    assert ("Sullivan & Worcester LLP", "legal_counsel_for", "Common Sense Trust") in rows
    assert ("24F-2NT_CommonSenseTrust_0000950129-95-001652.txt", "report_date", "1995-12-28") in rows


def test_auditor_change_letter(extract):
    rows = rows_of(extract("8-K_ExperTelligence_0001213900-09-002194.txt"))
    assert ("Lawrence Scharfman, CPA", "auditor_of", "ExperTelligence, Inc.") in rows
    assert ("Larry O'Donnell, CPA, PC", "auditor_of", "ExperTelligence, Inc.") in rows or (
        "Larry O’Donnell, CPA, PC", "auditor_of", "ExperTelligence, Inc.") in rows


def test_press_release_dateline_is_the_report_date(extract):
    rows = rows_of(extract("001_d211dfa7cc6225bc.txt"))
    assert ("001_d211dfa7cc6225bc.txt", "report_date", "2003-12-02") in rows


def test_form4_xml_is_read_structurally(extract):
    ex = extract("4_374Water_2025-05-02.xml")
    rows = rows_of(ex)
    assert ("374Water Inc.", "cik", "933972") in rows
    assert ("Rajesh Melkote", "officer_of", "374Water Inc.", "Chief Technology Officer") in rows or any(
        r[1] == "officer_of" and r[3] == "Chief Technology Officer" for r in rows if len(r) == 4)
    assert ("374Water Inc. / Option", "exercise_price", "0.33") in rows
    assert ("374Water Inc. / Option", "expiration", "2035-04-29") in rows
    assert ("374Water Inc.", "issued", "Unit") not in rows  # "restricted stock units" are RSUs
    assert all(f.evidence.method.startswith("xml:") or f.relation in ("form_type", "filed_by", "report_date") for f in ex.facts)


def test_form_d_executive_officer_only_without_a_specific_title(extract):
    rows = rows_of(extract("D_1685-38th-REIT_2023-01-27.xml"))
    belldegrun = {r[3] for r in rows if r[0] == "Daniel Belldegrun" and r[1] == "officer_of"}
    assert belldegrun == {"President", "Chief Executive Officer"}
    assert ("H & L Equities, LLC", "broker_for", "1685 38th REIT, L.L.C.") in rows


def test_form144_names_are_natural_order_and_signed_on_behalf(extract):
    from tests.conftest import ROOT

    rows = rows_of(extract(ROOT / "tests" / "source" / "fixtures" / "144_Apple_Maestri_2023-04-13.xml"))
    assert ("Luca Maestri", "shareholder_of", "Apple Inc.") in rows
    assert ("Luca Maestri", "signed", "144_Apple_Maestri_2023-04-13.xml") in rows
    assert not any(r[0].startswith("Goldman Sachs") and r[1] == "signed" for r in rows)


def test_form_c_intermediary_is_broker(extract):
    from tests.conftest import ROOT

    rows = rows_of(extract(ROOT / "tests" / "source" / "fixtures" / "C_PickleballEtc_2024-03-22.xml"))
    assert ("Andes Capital Group, LLC", "broker_for", "Pickleball Etc. LLC") in rows
    assert ("Steven Raack", "officer_of", "Pickleball Etc. LLC", "Managing Member") in rows


def test_schedule_13d_header_holder(extract):
    """Composed SGML header in EDGAR's layout (names invented): subject company and filer."""
    from tests.conftest import ROOT

    ex = extract(ROOT / "tests" / "fixtures" / "sc13d_header_excerpt.txt")
    rows = rows_of(ex)
    assert ("John Q. Smith", "shareholder_of", "Acme Widgets Inc") in rows or ("John Q. Smith", "shareholder_of", "Acme Widgets, Inc.") in rows
    assert ex.entities[ex.registrant].cik == "123456"
    assert ("sc13d_header_excerpt.txt", "form_type", "SC 13D") in rows


def test_columns_do_not_merge_names_and_agents_stay_on_their_line(extract):
    """Excerpt of a real 1998 8-K (Aames Capital, 0001011438-98-000429): a servicer table with column gaps."""
    from tests.conftest import ROOT

    ex = extract(ROOT / "tests" / "fixtures" / "8-K_AamesCapital_1998_excerpt.txt")
    rows = rows_of(ex)
    names = {e.name for e in ex.entities.values()}
    assert not any("Corporation Bankers" in n or n.startswith("20.1") for n in names)
    assert ("NationsBanc Montgomery Securities LLC", "underwriter_for", "Aames Capital Corporation") in rows
    assert ("Bankers Trust Company", "underwriter_for", "Aames Capital Corporation") not in rows
    assert ("Aames Capital Corporation", "commission_file_number", "333-46893-01") in rows
    assert ("Barbara S. Polsky", "officer_of", "Aames Capital Corporation", "Executive Vice President") in rows
    assert ("8-K_AamesCapital_1998_excerpt.txt", "report_date", "1998-12-31") in rows


def test_ex31_certification(extract):
    """A Rule 13a-14 certification in the usual wording (names invented)."""
    from tests.conftest import ROOT

    ex = extract(ROOT / "tests" / "fixtures" / "EX-31.1_certification_excerpt.txt")
    rows = rows_of(ex)
    co = "Corvella Networks, Inc."
    assert ex.entities[ex.registrant].name == co
    assert ("Dana M. Whitfield", "officer_of", co, "Principal Executive Officer") in rows
    assert ("Dana M. Whitfield", "officer_of", co, "President") in rows
    assert ("EX-31.1_certification_excerpt.txt", "report_date", "2024-08-08") in rows
    assert ("EX-31.1_certification_excerpt.txt", "form_type", "EX-31.1") in rows
