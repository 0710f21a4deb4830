"""Financing prose of a modern small-cap 8-K (names invented): units, warrants, notes, acquisitions."""

from tests.conftest import rows_of

TEXT = """FORM 8-K

                     BLUEWATER THERAPEUTICS, INC.
   (Exact name of registrant as specified in its charter)

Item 1.01 Entry into a Material Definitive Agreement.

On May 2, 2023, Bluewater Therapeutics, Inc. (the "Company") completed an underwritten public offering of
2,500,000 units, each consisting of one share of common stock and one warrant to purchase one share of
common stock, at a public offering price of $4.00 per unit. The warrants have an exercise price of $4.40 per
share and are exercisable for five years from the date of issuance. ThinkEquity LLC acted as the sole
book-running manager and representative of the underwriters.

On the same day the Company issued senior secured convertible notes in the aggregate principal amount of
$3,000,000, bearing interest at 10% per annum and maturing on May 2, 2025. The notes are convertible into
shares of common stock at a conversion price of $5.00 per share.

Item 2.01 Completion of Acquisition or Disposition of Assets.

On May 3, 2023, the Company completed its previously announced acquisition of Harbor Bio, Inc.
"""


def test_modern_financing(extract_text):
    rows = rows_of(extract_text(TEXT))
    co = "Bluewater Therapeutics, Inc."
    assert (co, "issued", "Unit") in rows
    assert (f"{co} / Warrant", "exercise_price", "4.4") in rows
    assert (f"{co} / Warrant", "expiration", "P5Y") in rows
    assert (f"{co} / Convertible Note", "principal_amount", "3000000") in rows
    assert (f"{co} / Convertible Note", "interest_rate", "10") in rows
    assert (f"{co} / Convertible Note", "maturity", "2025-05-02") in rows
    assert (f"{co} / Convertible Note", "conversion_price", "5") in rows
    assert (f"{co} / Convertible Note", "convertible_into", f"{co} / Common Stock") in rows
    assert ("ThinkEquity LLC", "underwriter_for", co) in rows
    assert (co, "acquired", "Harbor Bio, Inc.") in rows
