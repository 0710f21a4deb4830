"""Sentence rules on small real excerpts (Innovo Group, Cisco, 5G Wireless), with negatives."""

from tests.conftest import rows_of

PRESS = """Exhibit 99

LOS ANGELES,  December 2, 2003 -- Innovo  Group Inc.  (NASDAQ:  INNO - News), a
sales and marketing organization, announced today that it has completed a private
placement of shares. The placement agent for the offering was SunTrust Robinson Humphrey
Capital Markets.

"This financing will allow us to grow," said Marc Crossman, Chief Financial
Officer of Innovo Group.

Innovo Group Inc., through its subsidiaries  Innovo Inc., Joe's Jeans and Innovo
Azteca  Apparel,  Inc.,  is a sales and  marketing  organization.
"""


def test_press_release_relations(extract_text):
    ex = extract_text(PRESS)
    rows = rows_of(ex)
    assert ("Innovo Group Inc.", "ticker", "INNO") in rows
    assert ("Innovo Group Inc.", "exchange", "NASDAQ") in rows
    assert ("SunTrust Robinson Humphrey Capital Markets", "placement_agent_for", "Innovo Group Inc.") in rows
    assert ("Marc Crossman", "officer_of", "Innovo Group Inc.", "Chief Financial Officer") in rows
    subs = {s for s, r, o, *_ in rows if r == "subsidiary_of"}
    assert subs == {"Innovo Inc.", "Joe's Jeans", "Innovo Azteca Apparel, Inc."}
    # a brand fragment is not a person; the registrant's short name is not a second company
    names = {e.name for e in ex.entities.values()}
    assert "Joe" not in names
    assert sum(1 for e in ex.entities.values() if e.type == "Company" and e.name.startswith("Innovo Group")) == 1


def test_respectively_pairs_people_with_titles(extract_text):
    ex = extract_text(
        "FORM 8-K\n\nAcme Widgets, Inc. (the \"Company\") announced that Jerry Dix and Don Boudewyn, the Registrant's "
        "chief executive officer and executive vice president, respectively, have agreed to a lock-up.\n"
    )
    rows = rows_of(ex)
    assert ("Jerry Dix", "officer_of", "Acme Widgets, Inc.", "Chief Executive Officer") in rows
    assert ("Don Boudewyn", "officer_of", "Acme Widgets, Inc.", "Executive Vice President") in rows
    assert ("Jerry Dix", "officer_of", "Acme Widgets, Inc.", "Executive Vice President") not in rows


def test_acquisition_and_subsidiary_apposition(extract):
    rows = rows_of(extract("8-K_CiscoSystems_0000891618-95-000727.txt"))
    assert ("Cisco Systems, Inc.", "acquired", "Combinet, Inc.") in rows
    assert ("Mathilda Acquisition Corporation", "subsidiary_of", "Cisco Systems, Inc.") in rows


def test_no_officer_from_a_mere_mention(extract_text):
    ex = extract_text("Exhibit 99\n\nAcme Widgets, Inc. thanked John Smith for his years of service to the community.\n")
    assert not [r for r in rows_of(ex) if r[1] in ("officer_of", "director_of")]


def test_resignation_and_appointment_dates_are_kept(extract):
    ex = extract("8-K_5GWireless_2004-09-30.htm")
    corty = [f for f in ex.facts if f.relation == "director_of" and ex.entities[f.subject].name == "Brian Corty"]
    assert corty and corty[0].end_date == "2004-09-29"
    hirschman = [f for f in ex.facts if f.relation == "director_of" and ex.entities[f.subject].name == "Stanley A. Hirschman"]
    assert hirschman and hirschman[0].start_date == "2004-09-29"


def test_agent_needs_a_role_link_not_just_proximity(extract_text):
    ex = extract_text(
        "FORM S-3\n\nAcme Paging, Inc. (the \"Company\") filed this prospectus. Bariston acted as a placement agent in "
        "connection with the 1993 financing related to the Crico, Inc. acquisition. The legality of the Shares will be "
        "passed upon for the Company by Messrs. Stroock & Stroock & Lavan LLP, New York.\n"
    )
    rows = rows_of(ex)
    assert not [r for r in rows if r[1] == "placement_agent_for"]
    assert ("Stroock & Stroock & Lavan LLP", "legal_counsel_for", "Acme Paging, Inc.") in rows
