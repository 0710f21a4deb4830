"""Prospectus deal terms: capitalisation lists, caption|value rows, per-unit ratios, "issuable upon", anniversaries, menus."""

from graph.mentions.instruments_status import in_exclusion_list, standing_count
from tests.conftest import rows_of

HEADER = """PROSPECTUS SUPPLEMENT

                     ACME WIDGET CORP.
   (Exact name of registrant as specified in its charter)

"""

# 2025 424B5 layout: bullets glued to their numbers ("•48,284 shares")
BULLETS_GLUED = """The number of shares of our common stock that will be outstanding immediately after this offering as shown above is based on 6,020,259 shares outstanding as of September 30, 2024 and excludes:

•1,160,251 shares of our common stock issuable upon the exercise of stock options outstanding as of September 30, 2024, at a weighted average exercise price of $33.44 per share;

•48,284 shares of our common stock issued and sold after September 30, 2024 pursuant to our "at-the-market" offering program;

•2,398,414 shares of our common stock issued and sold after September 30, 2024 in our October 2024 registered direct offering; and
"""
# 2024 424B4 layout: a bullet on its own line, a page footer inside the list
BULLETS_ALONE = """The number of shares of common stock outstanding after the offering is based on 3,025,554 shares outstanding as of November 11, 2024, and excludes as of such date:

•
430,066 shares of common stock issuable upon the exercise of stock options outstanding at September 30, 2024;

•
12,650 shares of common stock issuable upon the exercise of outstanding or issuable warrants at September 30, 2024;

S-3
TABLE OF CONTENTS
•
22,421 shares of common stock issuable upon the vesting of restricted stock units outstanding at September 30, 2024;
"""


def test_capitalisation_list_items_are_standing_positions():
    for text, counts in ((BULLETS_GLUED, ("1,160,251", "48,284", "2,398,414")), (BULLETS_ALONE, ("430,066", "12,650", "22,421"))):
        for n in counts:
            assert in_exclusion_list(text, text.index(n) + 1), n
    # the lead line itself and a deal sentence are not list items
    assert not in_exclusion_list(BULLETS_GLUED, BULLETS_GLUED.index("6,020,259"))
    deal = "We are offering 1,974,432 shares of our common stock.\n\n•the offering is on a best efforts basis;\n"
    assert not in_exclusion_list(deal, deal.index("1,974,432"))
    # a list that is not a capitalisation list keeps its numbers
    sold = "In the offering we sold:\n\n•1,000,000 shares of common stock;\n"
    assert not in_exclusion_list(sold, sold.index("1,000,000"))


def test_caption_cell_of_a_summary_row():
    s = "Common stock to be outstanding after this offering | 10,462,250 shares of common stock (excluding shares)"
    assert standing_count(s, s.index("10,462,250"), s.index(" (excluding"))
    s = "Common stock offered by us | 1,974,432 shares of common stock"
    assert not standing_count(s, s.index("1,974,432"), len(s))


def test_exclusion_list_gives_no_counts_but_the_underlying(extract_text):
    rows = rows_of(extract_text(HEADER + "We are offering 1,974,432 shares of our common stock to investors.\n\n" + BULLETS_GLUED))
    counts = {o for s, r, o, *_ in rows if r == "shares"}
    assert counts == {"1974432"}
    assert ("Acme Widget Corp. / Option", "exercisable_for", "Acme Widget Corp. / Common Stock") in rows


def test_issuable_upon_conversion_and_exercise_of_several_eras(extract_text):
    # 1990s S-3 wording and a modern capitalisation bullet
    text = HEADER + (
        "The Company has registered 500,000 shares of Common Stock issuable upon conversion of the Series B Convertible Preferred Stock.\n\n"
        + BULLETS_ALONE
    )
    rows = rows_of(extract_text(text))
    assert ("Acme Widget Corp. / Convertible Preferred Stock", "convertible_into", "Acme Widget Corp. / Common Stock") in rows
    assert ("Acme Widget Corp. / Option", "exercisable_for", "Acme Widget Corp. / Common Stock") in rows
    assert ("Acme Widget Corp. / Restricted Stock Unit", "exercisable_for", "Acme Widget Corp. / Common Stock") not in rows  # vesting


def test_per_unit_ratio_is_no_count(extract_text):
    text = HEADER + (
        "For each share of our common stock sold in this offering, an accompanying Common Warrant to purchase two shares of common stock "
        "will be issued to the investor thereof.\n\n"
        "Each Unit consists of one share of common stock and one warrant to purchase one share of common stock.\n"
    )
    rows = rows_of(extract_text(text))
    assert not [r for r in rows if r[1] == "shares"]


def test_expiration_at_an_anniversary(extract_text):
    text = HEADER + (
        "The Series A Warrants will expire on the earlier of (a) thirty (30) trading days after the last of certain data readouts, "
        "and (b) the 5-year anniversary of the closing date of the securities purchase agreement.\n\n"
    )
    rows = rows_of(extract_text(text))
    assert ("Acme Widget Corp. / Warrant", "expiration", "P5Y") in rows
    text = HEADER + "On May 1, 2006, the Company issued to the investors warrants that expire on the fifth (5th) anniversary of the issuance date.\n"
    assert ("Acme Widget Corp. / Warrant", "expiration", "P5Y") in rows_of(extract_text(text))


def test_shelf_menu_and_conditional_offer_are_no_terms(extract_text):
    text = HEADER + (
        "We may issue warrants to purchase debt securities, common stock, preferred stock or other securities or any combination of the foregoing.\n\n"
        "If we offer common stock in a subscription rights offering to our existing security holders, we may enter into a standby underwriting agreement.\n"
    )
    rows = rows_of(extract_text(text))
    assert ("Acme Widget Corp. / Warrant", "exercisable_for", "Acme Widget Corp. / Preferred Stock") not in rows
    assert ("Acme Widget Corp.", "issued", "Right") not in rows
