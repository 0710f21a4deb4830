"""Acquisitions read from prose: verb, passive, merger and merger-agreement shapes (excerpts of 1995-2024 filings).

Company names in the pattern tests are invented; the shapes are copied from
real 8-Ks, 10-Ks and prospectuses.
"""

from tests.conftest import rows_of


def cover(name: str, form: str = "8-K") -> str:
    return f"FORM {form}\n\n                 {name}\n   (Exact name of registrant as specified in its charter)\n\n"


def test_acquired_all_the_stock_of_and_the_company_subject(extract_text):
    # 1999 10-K layout: "the Company acquired 100% of the common stock of X" / "when it acquired all the capital stock of X"
    text = cover("MEDIQUEST PHARMACEUTICAL CORPORATION", "10-K") + (
        "     DermaCo Corporation (\"DermaCo\") was founded in 1993 and competes in the acne market.\n\n"
        "     The Company acquired NOVAGEL\u00ae in December 1997 when it acquired all the\n"
        "capital stock of DermaCo and assumed the marketing of this brand.\n"
    )
    rows = rows_of(extract_text(text))
    assert ("Mediquest Pharmaceutical Corporation", "acquired", "DermaCo Corporation") in rows
    assert ("DermaCo Corporation", "subsidiary_of", "Mediquest Pharmaceutical Corporation") in rows  # all its stock
    assert not any(r[1] == "acquired" and "NOVAGEL" in r[2] for r in rows)  # a product is no company


def test_registrant_acquired_all_of_the_stock_of_a_defined_term(extract_text):
    # 2001 8-K: "the Registrant acquired all of the stock of MJSK from the SIPC trustee"
    text = cover("NORTHWALK GROUP, INC.") + (
        "Item 2. Acquisition or Disposition of Assets.\n\n"
        "Harbor Lane Securities, Inc. (\"HLSI\") is a broker-dealer. On October 2, 2001, the Registrant acquired all of\n"
        "the stock of HLSI from the trustee for $3.2 million in cash.\n"
    )
    rows = rows_of(extract_text(text))
    assert ("Northwalk Group, Inc.", "acquired", "Harbor Lane Securities, Inc.") in rows


def test_company_acquired_named_company_but_not_its_assets(extract_text):
    # 2024 424B4: "the Company acquired X, Inc., a Delaware corporation" and "acquired X's TRX100 programs"
    text = cover("TRIDENT PHARMA, INC.", "424B4") + (
        "On April 1, 2024, the Company acquired Pellworth Therapeutics, Inc., a Delaware corporation.\n\n"
        "Pursuant to the Merger Agreement the Company acquired Pellworth\u2019s PX100 and PX01 programs.\n"
    )
    rows = rows_of(extract_text(text))
    assert ("Trident Pharma, Inc.", "acquired", "Pellworth Therapeutics, Inc.") in rows
    assert not any(r[1] == "subsidiary_of" for r in rows)  # no stake is stated
    assert not any(r[1] == "acquired" and "PX100" in r[2] for r in rows)


def test_hypotheticals_and_divisions_are_no_acquisitions(extract_text):
    text = cover("ORCHARD SYSTEMS, INC.") + (
        "We may acquire Quillon Software, Inc. if financing is available.\n\n"
        "On November 29, 1996 the Company completed the acquisition of the Consulting Services Division of\n"
        "Bramble Technologies (\"CSD\").\n"
    )
    rows = rows_of(extract_text(text))
    assert not any(r[1] == "acquired" for r in rows)


def test_merger_agreement_with_target_and_its_holders(extract_text):
    # 1996 8-K: "the Company entered into an Agreement and Plan of Reorganization and Merger ... with <target> and the
    # sole stockholders of <target>, A and B"
    text = cover("COPPERLINE GROUP, INC.") + (
        "Item 2.  Acquisition or Disposition of Assets.\n\n"
        "                  In order to consummate this  acquisition,  the Company entered\n"
        "into an Agreement and Plan of Reorganization and Merger dated as of November 27,\n"
        "1996,  with  Allegheny Business Consultants  and  the  sole  stockholders  of\n"
        "Allegheny Business Consultants, Martin E. Hollis and Nora A. Hollis, Peter J. Vance\n"
        "and Carla M. Vance. The stockholders of Allegheny Business Consultants received\n"
        "1,202,474  newly issued shares of the Company's\n"
        "Common Stock as consideration in the merger.\n"
    )
    rows = rows_of(extract_text(text))
    co, target = "Copperline Group, Inc.", "Allegheny Business Consultants"
    assert (co, "acquired", target) in rows
    for person in ("Martin E. Hollis", "Nora A. Hollis", "Peter J. Vance", "Carla M. Vance"):
        assert (person, "shareholder_of", target) in rows
        assert (person, "shareholder_of", co) in rows
    assert (co, "issued", "Common Stock") in rows
    assert (f"{co} / Common Stock", "shares", "1202474") in rows


def test_merger_agreement_parties_parent_sub_target(extract_text):
    # 1997 8-K: "entered into an Agreement and Plan of Merger by and among HHCA, HHCA Acquisition Corporation, Inc.,
    # a wholly-owned subsidiary of HHCA, and U.S. HomeCare Corporation"
    text = cover("KESTREL HEALTH CORPORATION OF AMERICA, INC.") + (
        "On September 26, 1997, Kestrel Health Corporation of America, Inc. (\"KHCA\") entered into an Agreement\n"
        "and Plan of Merger by and among KHCA, KHCA Acquisition Corporation, Inc., a wholly-owned subsidiary of\n"
        "KHCA, and Lindell HomeCare Corporation (\"LHC\") (the \"Merger Agreement\").\n"
    )
    rows = rows_of(extract_text(text))
    assert ("Kestrel Health Corporation of America, Inc.", "acquired", "Lindell HomeCare Corporation") in rows
    assert not any(r[1] == "acquired" and "Acquisition" in r[2] for r in rows)


def test_merger_agreement_target_listed_first(extract_text):
    # 2018 8-K exhibit list: "among <target>, <parent>, <merger sub 2> and <merger sub 1>"
    text = cover("NORTHSTAR MEDIA, INC.") + (
        "Exhibit 2.1  Agreement and Plan of Merger, dated as of December 13, 2017, among Northstar Media, Inc.,\n"
        "The Lantern Company, LNC Merger Enterprises 2 Corp. and LNC Merger Enterprises 1, LLC.\n"
    )
    rows = rows_of(extract_text(text))
    assert ("The Lantern Company", "acquired", "Northstar Media, Inc.") in rows
    assert not any(r[1] == "acquired" and "Merger Enterprises" in r[2] for r in rows)


def test_merger_agreement_without_merger_sub_has_no_direction(extract_text):
    text = cover("BAYSIDE BANCORP") + (
        "Exhibit 2.1  Agreement and Plan of Merger between Bayside Bancorp and Harbor Federal Savings Bank.\n"
    )
    assert not any(r[1] == "acquired" for r in rows_of(extract_text(text)))


def test_merged_with_and_into_and_passive_acquisition(extract_text):
    # 2001 8-K: "Kinnard merged with and into the registrant's wholly-owned subsidiary"; "the acquisition of X by Y"
    text = cover("GRANITE HOLDINGS, INC.") + (
        "On May 1, 2000, Larkspur Investment Company merged with and into Granite Holdings, Inc.\n\n"
        "The acquisition of Fenwick Software, Inc. by Granite Holdings, Inc. closed on June 30, 2000.\n\n"
        "In 1996 a newly-formed subsidiary of the Company was merged with Birchfield Solutions, Inc.,\n"
        "with Birchfield thereby becoming a wholly-owned subsidiary of the Company.\n"
    )
    rows = rows_of(extract_text(text))
    co = "Granite Holdings, Inc."
    assert (co, "acquired", "Larkspur Investment Company") in rows
    assert (co, "acquired", "Fenwick Software, Inc.") in rows
    assert (co, "acquired", "Birchfield Solutions, Inc.") in rows


def test_split_parties_keeps_suffixes():
    from graph.mentions.acquisitions import split_parties

    text = "Acme Group, Inc., Acme/ XYZ Acquisition Corporation, Pittsfield Consultants, Tom E. Lane and Ann B. Lane"
    assert [text[s:e] for s, e in split_parties(text)] == [
        "Acme Group, Inc.",
        "Acme/ XYZ Acquisition Corporation",
        "Pittsfield Consultants",
        "Tom E. Lane",
        "Ann B. Lane",
    ]


def test_merger_agreement_parent_named_in_its_subsidiary(extract_text):
    # 1996 8-K exhibit lists: "among Cotelligent Group, Inc., Innova Solutions, Inc., CGI Acquisition, Inc. and Susan E.
    # Trice"; "among Cotelligent Group, Inc., ESP Software Services, Inc., Cotelligent/ESP Acquisition Corporation,
    # Robert Hildreth and Raymond Davey"
    text = cover("MARLOW GROUP, INC.") + (
        "Exhibit 2.1  Agreement and Plan of Reorganization and Merger, dated as of June 28, 1996, among Marlow\n"
        "Group, Inc., Nimbus Solutions, Inc., MGI Acquisition, Inc. and Helen R. Marsh.\n\n"
        "Exhibit 2.2  Agreement and Plan of Reorganization and Merger, dated as of June 28, 1996, among Marlow\n"
        "Group, Inc., Quill Software Services, Inc., Marlow/Quill Acquisition Corporation, Robert Hale and Ray Dunn.\n"
    )
    rows = rows_of(extract_text(text))
    acquired = {(r[0], r[2]) for r in rows if r[1] == "acquired"}
    assert acquired == {("Marlow Group, Inc.", "Nimbus Solutions, Inc."), ("Marlow Group, Inc.", "Quill Software Services, Inc.")}


def test_contract_defined_words_are_no_parties(extract_text):
    # 2004 loan agreement: "in consideration of Lenders' financing of the acquisition of Portfolios by Affiliates"
    text = cover("CREDITCORP SERVICES, INC.") + (
        "Lenders will finance the acquisition of Portfolios by Non-Credit Party Affiliates on the terms of this Agreement.\n\n"
        "Exhibit 2.1  Agreement and Plan of Merger, dated as of May 1, 1999, among Parent, Merger Sub and the Company.\n"
    )
    rows = rows_of(extract_text(text))
    assert not any(r[1] == "acquired" for r in rows)
