"""A 1990s 10-K layout: labelled file number, agents in prose, coordinated underwriters.

The fixture is a composed excerpt in the fixed-width layout of that era (names invented),
used to pin rules that the sample filings do not exercise.
"""

from tests.conftest import ROOT, rows_of


def test_ten_k_excerpt(extract):
    ex = extract(ROOT / "tests" / "fixtures" / "10k_cover_excerpt.txt")
    rows = rows_of(ex)
    reg = "Meridian Data Systems, Inc."
    assert ("10k_cover_excerpt.txt", "form_type", "10-K") in rows
    assert (reg, "commission_file_number", "0-21184") in rows
    assert (reg, "state_of_incorporation", "Massachusetts") in rows
    assert (reg, "postal_code", "02142") in rows
    assert ("Meridian Data Systems Europe B.V.", "subsidiary_of", reg) in rows
    assert ("Hambrecht & Quist LLC", "underwriter_for", reg) in rows
    assert ("Cowen & Company", "underwriter_for", reg) in rows
    assert ("BankBoston, N.A.", "transfer_agent_for", reg) in rows
    assert ("Arthur Andersen LLP", "auditor_of", reg) in rows
    assert (f"{reg} / Common Stock", "price_per_share", "12.5") in rows
    assert ("10k_cover_excerpt.txt", "report_date", "1999-03-25") in rows
