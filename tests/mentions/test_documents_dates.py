"""Report dates: the signature block's "Date:" line, and a prospectus's own date line when unsigned."""

from tests.conftest import rows_of


def _date(rows, doc_id):
    return {r[2] for r in rows if r[0] == doc_id and r[1] == "report_date"}


# an ABS 10-K signature: the date line heads the block, five lines above "/s/"
SIGNED_DATE_ABOVE = """SIGNATURES
Pursuant to the requirements of Section 13 or 15(d) of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf by the undersigned, thereunto duly authorized.

Date: May 26, 2023
BRAMBLE AUTO OWNER TRUST 2019-3
By: | Bramble Auto Funding LLC,
as Depositor on behalf of Bramble Auto Owner Trust 2019-3

By: | /s/ Andrew J. Pellworth
Name: | Andrew J. Pellworth
Title: | Vice President and Treasurer
"""

# fixed-width 1990s layout: "Dated:" over the registrant and its signature
DATED_FIXED_WIDTH = """                                  SIGNATURES

     Pursuant to the requirements of the Securities Exchange Act of 1934, the
registrant has duly caused this report to be signed on its behalf by the
undersigned hereunto duly authorized.

Dated:  March 3, 1995
                                        HOLLOWAY STORES, INC.


                                        By: /s/ Marjorie T. Kessel
                                           ----------------------------
                                           Marjorie T. Kessel
                                           Vice President
"""

PROSPECTUS_2024 = """PROSPECTUS SUPPLEMENT
(to Prospectus dated April 12, 2024)
Fernwick Therapeutics, Inc.
1,250,000 Shares of Common Stock
Laidmore Securities
The date of this prospectus supplement is March 28, 2025
As of the date of this prospectus supplement, we had 10,000,000 shares outstanding.
"""

PROSPECTUS_1995 = """                    PROSPECTUS

                        GRANBY FOODS CORPORATION

                          2,000,000 Shares of Common Stock

                The date of this Prospectus is October 14, 1994.
"""


def test_date_line_heading_the_signature_block(extract_text):
    ex = extract_text(SIGNED_DATE_ABOVE)
    assert _date(rows_of(ex), ex.doc_id) == {"2023-05-26"}


def test_dated_line_in_fixed_width_block(extract_text):
    ex = extract_text(DATED_FIXED_WIDTH)
    assert _date(rows_of(ex), ex.doc_id) == {"1995-03-03"}


def test_prospectus_date_line(extract_text):
    ex = extract_text(PROSPECTUS_2024)
    # not the base prospectus's date printed above, nor a date in prose
    assert _date(rows_of(ex), ex.doc_id) == {"2025-03-28"}
    ex = extract_text(PROSPECTUS_1995)
    assert _date(rows_of(ex), ex.doc_id) == {"1994-10-14"}


def test_date_of_this_prospectus_in_prose_is_not_a_date_line(extract_text):
    text = """Fernwick Therapeutics, Inc. (the "Company") announced results.
We will not sell shares for 90 days after the date of this prospectus is March 28, 2025 or later.
"""
    ex = extract_text(text)
    assert "2025-03-28" not in _date(rows_of(ex), ex.doc_id)
