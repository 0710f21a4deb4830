"""Signature blocks under a company line: whom the signer's title belongs to."""

from graph.mentions.signatures import find_signatures
from tests.conftest import rows_of

# 2024 Schedule 13G (HTML, rendered), real excerpt: a fund signed by its manager, then the manager itself
LIVENT_SIGS = """SIGNATURE
Dated: January 5, 2024
ICS OPPORTUNITIES, LTD. By: Millennium Management LLC, its Investment Manager

By: /s/Gil Raviv
Name: Gil Raviv Title: Global General Counsel

MILLENNIUM MANAGEMENT LLC
By: /s/Gil Raviv
Name: Gil Raviv Title: Global General Counsel

/s/ Israel A. Englander
Israel A. Englander
"""

# 2023 10-K of an asset-backed trust (HTML table, rendered), real excerpt: the depositor signs for the trust
CARMAX_SIGS = """SIGNATURES
Date: May 26, 2023
CARMAX AUTO OWNER TRUST 2019-3
By: | CarMax Auto Funding LLC,
as Depositor on behalf of CarMax Auto Owner Trust 2019-3

By: | /s/ Andrew J. McMonigle
Name: | Andrew J. McMonigle
Title: | Vice President and Treasurer
(Senior officer in charge of securitization)
"""

# 1990s fixed-width partnership signature (invented names): the general partner signs
TEXT_GP = """                                   SIGNATURES

                                       BRIGHTWATER REALTY FUND II, L.P.

                                       By:  Brightwater Realty Advisors, Inc.,
                                            its General Partner

                                       By:  /s/ Laura M. Quince
                                            ---------------------------
                                            Laura M. Quince
                                            Vice President
"""


def test_company_line_is_the_firm_after_by():
    sigs = find_signatures(LIVENT_SIGS)
    assert [s.company_line for s in sigs[:2]] == ["Millennium Management LLC", "MILLENNIUM MANAGEMENT LLC"]
    (carmax,) = find_signatures(CARMAX_SIGS)
    assert carmax.company_line == "CarMax Auto Funding LLC"  # not the capacity line "as Depositor on behalf of ..."
    (gp,) = find_signatures(TEXT_GP)
    assert gp.company_line == "Brightwater Realty Advisors, Inc."


def test_schedule_13g_signer_is_officer_of_the_reporting_person_never_the_issuer(extract_text):
    text = "SCHEDULE 13G\n\nLivent Corporation\n(Name of Issuer)\n\nCommon Stock\n(Title of Class of Securities)\n\n" + LIVENT_SIGS
    rows = rows_of(extract_text(text))
    assert ("Gil Raviv", "officer_of", "Millennium Management LLC", "General Counsel") in rows
    assert not any(r[1] == "officer_of" and r[2] == "Livent Corporation" for r in rows)
    assert ("Israel A. Englander", "signed") == next(r for r in rows if r[0] == "Israel A. Englander" and r[1] == "signed")[:2]
    assert not any(r[0] == "Israel A. Englander" and r[1] == "officer_of" for r in rows)


def test_depositor_signing_for_a_trust_holds_the_title_at_the_depositor(extract_text):
    text = "FORM 10-K\n\nCarMax Auto Owner Trust 2019-3\n(Exact name of issuing entity as specified in its charter)\n\n" + CARMAX_SIGS
    rows = rows_of(extract_text(text))
    assert ("Andrew J. McMonigle", "officer_of", "CarMax Auto Funding LLC", "Treasurer") in rows
    assert ("Andrew J. McMonigle", "officer_of", "CarMax Auto Funding LLC", "Vice President") in rows
    assert not any(r[1] == "officer_of" and "Trust" in r[2] for r in rows)


def test_general_partner_signing_for_a_partnership(extract_text):
    text = "FORM 10-K\n\nBrightwater Realty Fund II, L.P.\n(Exact name of registrant as specified in its charter)\n\n" + TEXT_GP
    rows = rows_of(extract_text(text))
    assert ("Laura M. Quince", "officer_of", "Brightwater Realty Advisors, Inc.", "Vice President") in rows
    assert not any(r[1] == "officer_of" and r[2] == "Brightwater Realty Fund II, L.P." for r in rows)
