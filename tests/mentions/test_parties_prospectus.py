"""Prospectus parties: defined-term placement agents, counsel of a role, at-the-market sales agents (with negatives)."""

from tests.conftest import rows_of

PARTY_RELATIONS = {"placement_agent_for", "legal_counsel_for", "broker_for", "underwriter_for"}

HEADER = """PROSPECTUS SUPPLEMENT

                     ACME WIDGET CORP.
   (Exact name of registrant as specified in its charter)

"""


def _parties(ex) -> set[tuple[str, ...]]:
    return {r for r in rows_of(ex) if r[1] in PARTY_RELATIONS}


def test_placement_agent_with_a_defined_term_clause_and_its_counsel(extract_text):
    # 2025 424B5 cover and Legal Matters (real excerpt)
    text = HEADER + (
        "We have engaged Laidlaw & Company (UK) Ltd., which we refer to as the placement agent, as our placement agent in connection with this offering.\n\n"
        "LEGAL MATTERS\n\n"
        "The validity of the issuance of the common stock offered hereby will be passed upon for us by Wilmer Cutler Pickering Hale and Dorr LLP, Boston, Massachusetts. "
        "The placement agent is being represented in connection with this offering by Mintz, Levin, Cohn, Ferris, Glovsky and Popeo, P.C., Boston, Massachusetts.\n"
    )
    rows = _parties(extract_text(text))
    assert ("Laidlaw & Company (UK) Ltd.", "placement_agent_for", "Acme Widget Corp.") in rows
    assert ("Wilmer Cutler Pickering Hale and Dorr LLP", "legal_counsel_for", "Acme Widget Corp.") in rows
    assert ("Mintz, Levin, Cohn, Ferris, Glovsky and Popeo, P.C.", "legal_counsel_for", "Laidlaw & Company (UK) Ltd.") in rows
    assert ("Mintz, Levin, Cohn, Ferris, Glovsky and Popeo, P.C.", "legal_counsel_for", "Acme Widget Corp.") not in rows


def test_counsel_passed_upon_for_the_placement_agent_invented_names(extract_text):
    text = HEADER + (
        "We have retained Harbor Crest Securities LLC, who we refer to as the placement agent, as our exclusive placement agent for this offering.\n\n"
        "Certain legal matters will be passed upon for us by Birch & Vale LLP and for the placement agent by Ellery Stone LLP.\n"
    )
    rows = _parties(extract_text(text))
    assert ("Harbor Crest Securities LLC", "placement_agent_for", "Acme Widget Corp.") in rows
    assert ("Birch & Vale LLP", "legal_counsel_for", "Acme Widget Corp.") in rows
    assert ("Ellery Stone LLP", "legal_counsel_for", "Harbor Crest Securities LLC") in rows
    assert ("Ellery Stone LLP", "legal_counsel_for", "Acme Widget Corp.") not in rows


def test_at_the_market_sales_agents_are_brokers(extract_text):
    # 2025 424B5 dilution note (real excerpt), then an invented equity distribution agreement
    text = HEADER + (
        "In addition, the discussion above does not include the $98.8 million of shares of our common stock that remains available for sale "
        "through an \u201cat-the-market\u201d offering program under our amended and restated sales agreement, or sales agreement, with "
        "Cantor Fitzgerald & Co. and JonesTrading Institutional Services LLC.\n\n"
        "On March 2, 2021, we entered into an equity distribution agreement with Northfield Capital Markets LLC, as sales agent, "
        "under which we may sell shares of our common stock in at-the-market offerings.\n"
    )
    rows = _parties(extract_text(text))
    assert ("Cantor Fitzgerald & Co.", "broker_for", "Acme Widget Corp.") in rows
    assert ("JonesTrading Institutional Services LLC", "broker_for", "Acme Widget Corp.") in rows
    assert ("Northfield Capital Markets LLC", "broker_for", "Acme Widget Corp.") in rows


def test_other_agreements_name_no_broker(extract_text):
    text = HEADER + (
        "The Separation and Distribution Agreement with Worthington Steel, Inc. allocates liabilities between the companies.\n\n"
        "We entered into an asset sales agreement with Ridgeline Holdings LLC to sell our plant.\n"
    )
    assert not [r for r in _parties(extract_text(text)) if r[1] == "broker_for"]
