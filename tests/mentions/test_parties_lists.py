"""Deal parties named in lists and appositions, defined short names, owner trustees, and who is no investor."""

from tests.conftest import rows_of

PARTY_RELATIONS = {"underwriter_for", "placement_agent_for", "trustee_for", "legal_counsel_for", "investor_in", "broker_for"}


def _parties(ex) -> set[tuple[str, ...]]:
    return {r for r in rows_of(ex) if r[1] in PARTY_RELATIONS}


def test_representatives_list_of_four_2012(extract_text):
    rows = _parties(extract_text(
        'FORM 8-K\n\nThe Walt Disney Company (the "Company")\n\n'
        'On February 9, 2012, The Walt Disney Company (the "Company") entered into a Terms Agreement with BNP Paribas '
        "Securities Corp., Deutsche Bank Securities Inc., HSBC Securities (USA) Inc. and J.P. Morgan Securities LLC, as "
        "representatives of the several underwriters named therein, with respect to the offer and sale of $1,000,000,000 "
        "aggregate principal amount of its 1.125% Global Notes Due 2017.\n"
    ))
    issuer = "The Walt Disney Company"
    for firm in ("BNP Paribas Securities Corp.", "Deutsche Bank Securities Inc.", "HSBC Securities (USA) Inc.", "J.P. Morgan Securities LLC"):
        assert (firm, "underwriter_for", issuer) in rows, firm
    assert not any(r[1] == "investor_in" for r in rows)


def test_initial_purchasers_under_a_purchase_agreement_are_no_investors(extract_text):
    rows = _parties(extract_text(
        'FORM 8-K\n\nAcme Widgets, Inc. (the "Company")\n\nThe Company entered into a purchase agreement with '
        "Citigroup Global Markets Inc. and Goldman, Sachs & Co., as initial purchasers, for the resale of the notes "
        "to qualified institutional buyers under Rule 144A.\n\n"
        "Dunmore & Eske LLP, counsel to the Company, delivered an opinion.\n"
    ))
    issuer = "Acme Widgets, Inc."
    assert ("Citigroup Global Markets Inc.", "underwriter_for", issuer) in rows
    assert ("Goldman, Sachs & Co.", "underwriter_for", issuer) in rows
    assert ("Dunmore & Eske LLP", "legal_counsel_for", issuer) in rows
    assert not any(r[1] == "investor_in" for r in rows)


def test_investors_named_in_a_purchase_agreement_still_count(extract_text):
    rows = _parties(extract_text(
        'FORM 8-K\n\nAcme Widgets, Inc. (the "Company")\n\nOn March 3, 2009, the Company entered into a securities '
        "purchase agreement with Alder Capital Partners LLC and Birch Growth Fund L.P. for the sale of 2,000,000 shares of "
        "common stock at $1.25 per share.\n"
    ))
    assert ("Alder Capital Partners LLC", "investor_in", "Acme Widgets, Inc.") in rows


def test_owner_trustee_and_indenture_trustee_2023(extract_text):
    # 2023 asset-backed 10-K exhibit index: a name with a comma inside, "as owner trustee"
    rows = _parties(extract_text(
        'FORM 10-K\n\nAcme Auto Owner Trust 2019-3 (the "Issuing Entity")\n\n'
        "4.2 Amended and Restated Trust Agreement dated as of July 1, 2019 between Acme Auto Funding LLC, as depositor, "
        "and Wilmington Trust, National Association, as owner trustee.\n"
        "4.1 Indenture dated as of July 1, 2019 between the Issuing Entity and U.S. Bank National Association, as indenture trustee.\n"
    ))
    trustees = {r[0] for r in rows if r[1] == "trustee_for"}
    assert trustees == {"Wilmington Trust, National Association", "U.S. Bank National Association"}


def test_placement_agent_by_a_defined_short_name_shared_with_a_parent(extract_text):
    # 1995 S-3 (text era): "Bariston" is defined for the agent, though its parent's name shares the word
    rows = _parties(extract_text(
        'FORM S-3\n\nPage America Group, Inc. (the "Company")\n\n'
        "Messrs. Barry and Kadis are the controlling shareholders of Bariston Holdings, Inc., which is the sole shareholder "
        'of Bariston Associates, Inc. ("Bariston").\n\n'
        "     Bariston acted as a placement agent in connection with the\n"
        "1993 financing related to the Crico acquisition for which it\n"
        "received a fee of $532,500.\n"
    ))
    issuer = "Page America Group, Inc."
    assert ("Bariston Associates, Inc.", "placement_agent_for", issuer) in rows
    assert ("Bariston Holdings, Inc.", "placement_agent_for", issuer) not in rows
    assert not any(r[0] == "Crico" for r in rows)


def test_served_as_placement_agent_1990s_and_an_unknown_subject(extract_text):
    rows = _parties(extract_text(
        'FORM 8-K\n\nAcme Widgets, Inc. (the "Company")\n\nThe Company sold 2,000,000 shares of common stock to '
        "institutional investors in a private placement. Hambrecht & Quist served as the Company's placement agent on this "
        "transaction. Smith acted as placement agent in an earlier deal.\n"
    ))
    assert ("Hambrecht & Quist", "placement_agent_for", "Acme Widgets, Inc.") in rows
    assert not any(r[0] == "Smith" for r in rows)  # a word the document never named as a company


def test_servicing_attestation_reports_name_each_servicers_accountant(extract_text):
    # asset-backed 10-K exhibit index (2023 layout; the 2010 wording adds "for Asset-Backed Securities")
    ex = extract_text(
        'FORM 10-K\n\nAcme Auto Owner Trust 2019-3 (the "Issuing Entity")\n\n'
        "34.1 Attestation Report on Assessment of Compliance with Servicing Criteria of KPMG LLP, on behalf of Acme Business Services, LLC.\n"
        "34.2 Attestation Report on Assessment of Compliance with Servicing Criteria for Asset-Backed Securities of "
        "Ernst & Young LLP, on behalf of U.S. Bank National Association.\n"
        "33.1 Report on Assessment of Compliance with Applicable Servicing Criteria of Acme Business Services, LLC.\n"
        "35.1 Annual Servicing Compliance Statement of Acme Business Services, LLC, prepared by Birch & Cole LLP.\n"
    )
    rows = {r for r in rows_of(ex) if r[1] == "auditor_of"}
    assert {(r[0].lower(), r[2]) for r in rows} == {
        ("kpmg llp", "Acme Business Services, LLC"),
        ("ernst & young llp", "U.S. Bank National Association"),
    }


def test_roles_given_as_defined_terms(extract_text):
    # the 2010s-2020s 8-K layout: the role is the firm's defined term; a 1992 indenture names its trustee the same way
    rows = _parties(extract_text(
        'FORM 8-K\n\nAcme Widgets, Inc. (the "Company")\n\nOn June 1, 2021, the Company entered into a placement agency '
        'agreement with H.C. Wainwright & Co., LLC (the "Placement Agent"), pursuant to which the Placement Agent agreed to '
        "act as the exclusive placement agent. The Company also entered into a purchase agreement with Jefferies LLC and "
        'Cowen and Company, LLC (together, the "Initial Purchasers") relating to the notes. The Debt Securities are issued '
        'under an Indenture between the Company and The First National Bank of Chicago, as Trustee (the "Trustee").\n'
    ))
    issuer = "Acme Widgets, Inc."
    assert ("H.C. Wainwright & Co., LLC", "placement_agent_for", issuer) in rows
    assert ("Jefferies LLC", "underwriter_for", issuer) in rows
    assert any(r[0].endswith("First National Bank of Chicago") and r[1] == "trustee_for" for r in rows)
    assert not any(r[1] == "investor_in" for r in rows)  # the initial purchasers of a purchase agreement
    assert not any(r[0] == "LLC" for r in rows)
