"""Deal parties: apposition, coordination, copulas, Legal Matters, underwriting tables and cover captions, with negatives."""

from tests.conftest import rows_of

PARTY_RELATIONS = {
    "underwriter_for", "placement_agent_for", "trustee_for", "transfer_agent_for", "legal_counsel_for",
    "auditor_of", "broker_for", "investor_in",
}


def _parties(ex) -> set[tuple[str, ...]]:
    return {r for r in rows_of(ex) if r[1] in PARTY_RELATIONS}


def _companies(ex) -> set[str]:
    return {e.name for e in ex.entities.values() if e.type == "Company"}


# 2012 8-K, Items 1.01 and 8.01 (modern HTML era, reflowed)
MODERN_8K = """FORM 8-K

The Estee Lauder Companies Inc. (the "Company") announced today:

On July 30, 2012, The Estee Lauder Companies Inc. (the "Company") entered into an underwriting agreement (the "Underwriting Agreement") with Citigroup Global Markets Inc. and J.P. Morgan Securities LLC, as representatives of the several underwriters identified on Schedule II thereto (collectively, the "Underwriters"), to sell $250 million aggregate principal amount of the Company's 2.350% Senior Notes due 2022.

On August 2, 2012, the Notes were issued under the Indenture, dated as of November 5, 1999, between the Company and U.S. Bank Trust National Association, as successor in interest to State Street Bank and Trust Company, as trustee.

5.1 Opinion of Weil, Gotshal & Manges LLP.
"""


def test_representatives_trustee_after_a_successor_clause_and_opinion(extract_text):
    ex = extract_text(MODERN_8K)
    rows = _parties(ex)
    issuer = "The Estee Lauder Companies Inc."
    assert ("Citigroup Global Markets Inc.", "underwriter_for", issuer) in rows
    assert ("J.P. Morgan Securities LLC", "underwriter_for", issuer) in rows
    assert ("U.S. Bank Trust National Association", "trustee_for", issuer) in rows
    assert ("Weil, Gotshal & Manges LLP", "legal_counsel_for", issuer) in rows
    # the predecessor named in the "as successor in interest to" clause is not the trustee
    assert not any(r[0] == "State Street Bank and Trust Company" for r in rows)
    # the tail of a firm name is no company of its own
    assert not _companies(ex) & {"Gotshal & Manges LLP", "National Association"}


# 1995 prospectus supplement filed on Form 8-K (text era): underwriting table with dot leaders and a wrapped name
TEXT_ERA_TABLE = """FORM 8-K

Acme Stores, Inc. (the "Company")

                                 UNDERWRITING

  Subject to the terms and conditions set forth in the Pricing Agreement, the
Company has agreed to sell to each of the Underwriters named below, and each
of the Underwriters, for whom Goldman, Sachs & Co. and Merrill Lynch, Pierce,
Fenner & Smith Incorporated are acting as representatives, has severally agreed
to purchase, the principal amount of the Notes set forth opposite its name below.

                                                                PRINCIPAL AMOUNT
     UNDERWRITER                                                    OF NOTES
     -----------                                                ----------------
     Goldman, Sachs & Co.......................................   $126,000,000
     Merrill Lynch, Pierce, Fenner & Smith
              Incorporated.....................................    126,000,000
     CS First Boston Corporation...............................     12,000,000
     Salomon Brothers Inc......................................     12,000,000
                                                                  ------------
         Total.................................................   $300,000,000
                                                                  ============

                                LEGAL OPINIONS

  Certain legal matters with respect to the issuance of the Debt Securities
offered hereby will be passed upon for the Company by Conner & Winters, A
Professional Corporation, Tulsa, Oklahoma. Certain legal matters will be
passed upon for Goldman, Sachs & Co. and Merrill Lynch, Pierce, Fenner & Smith
Incorporated by Jenkens & Gilchrist, a Professional Corporation, Dallas,
Texas.

  In connection with the sale of Debt Securities, underwriters may receive
compensation from the Company. The debt securities are unsecured.
"""


def test_text_era_underwriting_table_and_legal_opinions(extract_text):
    ex = extract_text(TEXT_ERA_TABLE)
    rows = _parties(ex)
    issuer = "Acme Stores, Inc."
    for firm in ("Goldman, Sachs & Co.", "Merrill Lynch, Pierce, Fenner & Smith Incorporated", "CS First Boston Corporation", "Salomon Brothers Inc"):
        assert (firm, "underwriter_for", issuer) in rows, firm
    assert not any(r[0].startswith("Total") for r in rows)
    assert ("Conner & Winters, A Professional Corporation", "legal_counsel_for", issuer) in rows
    jenkens = "Jenkens & Gilchrist, a Professional Corporation"
    assert (jenkens, "legal_counsel_for", "Goldman, Sachs & Co.") in rows
    assert (jenkens, "legal_counsel_for", "Merrill Lynch, Pierce, Fenner & Smith Incorporated") in rows
    assert (jenkens, "legal_counsel_for", issuer) not in rows  # counsel to the underwriters, not to the issuer
    # "Debt Securities" is a term here (also written in lower case), not an underwriter
    assert not any(r[0] == "Debt Securities" for r in rows)
    assert "Debt Securities" not in _companies(ex)


# 2024 prospectus supplement (HTML era): placement agent through a broker-dealer, copula transfer agent, cover caption
PLACEMENT = """424B4

Traws Pharma, Inc. (the "Company")

Sole Placement Agent
Tungsten Advisors

We have engaged Tungsten Advisors (through its broker-dealer, Finalis Securities LLC) as our exclusive placement agent to use its reasonable best efforts to solicit offers to purchase shares in this offering.

The transfer agent and registrar for our common stock is Equiniti Trust Company, LLC.

LEGAL MATTERS
The validity of the securities being offered by this prospectus will be passed upon by Morgan, Lewis & Bockius LLP, Philadelphia, Pennsylvania.
"""


def test_placement_agent_broker_dealer_transfer_agent_and_legal_matters(extract_text):
    ex = extract_text(PLACEMENT)
    rows = _parties(ex)
    issuer = "Traws Pharma, Inc."
    assert ("Tungsten Advisors", "placement_agent_for", issuer) in rows
    assert ("Finalis Securities LLC", "broker_for", issuer) in rows
    assert ("Finalis Securities LLC", "placement_agent_for", issuer) not in rows
    assert ("Equiniti Trust Company, LLC", "transfer_agent_for", issuer) in rows
    assert ("Morgan, Lewis & Bockius LLP", "legal_counsel_for", issuer) in rows
    assert "Lewis & Bockius LLP" not in _companies(ex)


def test_initial_purchasers_and_counsel_apposition_with_invented_names(extract_text):
    ex = extract_text(
        "FORM 8-K\n\nAcme Widgets, Inc. (the \"Company\") announced today that it entered into a purchase agreement with "
        "Alder Securities LLC and Birch, Cole & Co., as initial purchasers, relating to the sale of notes in reliance on Rule 144A.\n\n"
        "Dunmore & Eske LLP, counsel to the Company, delivered an opinion. Fenwick & Gray LLP, counsel for the initial purchasers, "
        "delivered another.\n"
    )
    rows = _parties(ex)
    assert ("Alder Securities LLC", "underwriter_for", "Acme Widgets, Inc.") in rows
    assert ("Birch, Cole & Co.", "underwriter_for", "Acme Widgets, Inc.") in rows
    assert ("Dunmore & Eske LLP", "legal_counsel_for", "Acme Widgets, Inc.") in rows
    assert not any(r[0] == "Fenwick & Gray LLP" for r in rows)  # counsel to unnamed clients
    assert "initial purchasers" not in {n.lower() for n in _companies(ex)}


def test_compounds_coordination_and_credit_agreement_roles_give_no_party(extract_text):
    # 2001 8-K (broker-dealer liquidation): "the SIPC trustee", "SIPC and the trustee"
    ex = extract_text(
        "FORM 8-K\n\nStockwalk Group, Inc. (the \"Registrant\")\n\n"
        "On October 2, 2001, the Registrant acquired all of the stock of MJSK from the SIPC trustee. "
        "On September 30, 2001, SIPC and the trustee appointed in the proceeding entered into an agreement with "
        "SWS Securities, Inc. to transfer most customer accounts.\n\n"
        "99.3 | Stock Purchase Agreement between Registrant and James Stephenson in his capacity as trustee for the "
        "liquidation of MJK Clearing, Inc.\n"
    )
    assert not [r for r in _parties(ex) if r[1] == "trustee_for"]
    # invented credit agreement: lenders, arrangers and agents are not underwriters or placement agents
    ex = extract_text(
        "FORM 8-K\n\nAcme Widgets, Inc. (the \"Company\") entered into a credit agreement with Alder Bank, N.A., as "
        "administrative agent, and Birch Capital Markets LLC and Cole Securities Inc., as joint lead arrangers and joint "
        "bookrunners, and the lenders party thereto. The Underwriters named in Schedule I will receive a discount.\n"
    )
    rows = _parties(ex)
    assert not [r for r in rows if r[1] in ("underwriter_for", "placement_agent_for")]
    assert not {"Underwriters", "the Underwriters"} & _companies(ex)


def test_investors_are_the_list_right_after_the_cue(extract_text):
    ex = extract_text(
        "FORM 8-K\n\nAcme Widgets, Inc. (the \"Registrant\")\n\nOn September 22, 2004, the Registrant entered into a subscription "
        "agreement with Alder Fund, LP, Alder Equity Fund, LP, and Birch International Fund, LP whereby these investors are "
        "purchasing $2,000,000 in convertible notes.\n\nEquity compensation includes common stock issued to officers at a "
        "discount to the Market Value of such company's common stock. Market value means the closing price.\n"
    )
    investors = {r[0] for r in _parties(ex) if r[1] == "investor_in"}
    assert investors == {"Alder Fund, LP", "Alder Equity Fund, LP", "Birch International Fund, LP"}
