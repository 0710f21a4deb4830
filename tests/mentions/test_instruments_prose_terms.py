"""Deal terms in prose: conversion rates per $1,000, what a security converts into, debt outstanding, and traps.

Real excerpts (names kept where the pattern is about a layout) and invented
names where a test is about a pattern; every positive has a negative next to it.
"""

from tests.conftest import rows_of

HEAD = 'FORM 8-K\n\nAcme Widgets, Inc. (the "Company")\n\n'
ACME = "Acme Widgets, Inc."
INSTRUMENT_RELATIONS = {
    "issued", "shares", "price_per_share", "exercise_price", "conversion_price", "interest_rate", "principal_amount",
    "maturity", "expiration", "convertible_into", "exercisable_for",
}


def _deal(ex) -> set[tuple[str, ...]]:
    return {r for r in rows_of(ex) if r[1] in INSTRUMENT_RELATIONS}


# 2007-era convertible notes offering: the rate is a ratio of the terms, the stated equivalent price is the conversion price
CONVERSION_RATE = HEAD + (
    "On May 1, 2007, the Company completed its private offering of $500 million aggregate principal amount of 1.5% "
    "Convertible Senior Notes due 2017. The notes are convertible at an initial conversion rate of 26.2154 shares of "
    "common stock per $1,000 principal amount of notes (equivalent to a conversion price of approximately $38.15 per share).\n"
)


def test_conversion_rate_per_1000_gives_price_and_underlying_not_a_count_or_principal(extract_text):
    rows = _deal(extract_text(CONVERSION_RATE))
    note = f"{ACME} / Convertible Note"
    assert (note, "conversion_price", "38.15") in rows
    assert (note, "convertible_into", f"{ACME} / Common Stock") in rows
    assert (note, "principal_amount", "500000000") in rows
    assert (note, "interest_rate", "1.5") in rows
    assert (note, "maturity", "2017") in rows
    # the ratio's count and its $1,000 unit are no deal numbers
    assert not any(r[1] == "shares" and r[2] == "26.2154" for r in rows)
    assert not any(r[1] == "principal_amount" and r[2] == "1000" for r in rows)
    assert (ACME, "issued", "Common Stock") not in rows


def test_conversion_rate_of_debentures_text_era_without_a_stated_price(extract_text):
    """A rate alone names the underlying; the price it implies is derived, so FORMAT records none."""
    rows = _deal(extract_text(HEAD + (
        "The Company issued $75,000,000 of its 6 3/4% Convertible Subordinated Debentures due 2004. The Debentures are "
        "convertible at a conversion rate of 35.7143 shares of Common Stock per $1,000 principal amount of Debentures.\n"
    )))
    deb = f"{ACME} / Debenture"
    assert (deb, "convertible_into", f"{ACME} / Common Stock") in rows
    assert (deb, "interest_rate", "6.75") in rows
    assert not any(r[1] == "conversion_price" for r in rows)
    assert not any(r[1] == "shares" for r in rows)


def test_denominations_are_no_principal(extract_text):
    rows = _deal(extract_text(HEAD + (
        "The Company sold $250,000,000 aggregate principal amount of its 4.25% Senior Notes due 2030. The notes were "
        "issued in denominations of $2,000 and integral multiples of $1,000 principal amount of notes in excess thereof.\n"
    )))
    amounts = {r[2] for r in rows if r[1] == "principal_amount"}
    assert amounts == {"250000000"}


# 1995 S-3 risk factor (text era): debt outstanding under subordinated notes is an issued note with its principal
DEBT_OUTSTANDING = (
    'FORM S-3\n\nPage America Group, Inc. (the "Company")\n\n'
    "As of December 31, 1994, the Company had long-term debt of $58 million, including $45 million\n"
    "outstanding  under a senior secured credit facility (the \"Credit Facility\") and $13 million principal amount outstanding under\n"
    "subordinated promissory notes (the \"Subordinated Notes\").\n"
)


def test_principal_amount_outstanding_under_notes(extract_text):
    rows = _deal(extract_text(DEBT_OUTSTANDING))
    issuer = "Page America Group, Inc."
    assert (issuer, "issued", "Note") in rows
    assert (f"{issuer} / Note", "principal_amount", "13000000") in rows
    # the credit facility's $45 million is no note principal
    assert not any(r[1] == "principal_amount" and r[2] == "45000000" for r in rows)


def test_issuable_upon_conversion_or_exercise_names_both_heads_and_thereof(extract_text):
    # 1995 S-3 selling-shareholder footnote and a defined-term clause ("... or Common Stock issued upon conversion thereof")
    rows = _deal(extract_text(
        'FORM S-3\n\nPage America Group, Inc. (the "Company")\n\n'
        "Does not include shares of Common Stock issuable upon conversion of Series One Preferred Stock or\n"
        "exercise of warrants.\n"
    ))
    issuer = "Page America Group, Inc."
    assert (f"{issuer} / Convertible Preferred Stock", "convertible_into", f"{issuer} / Common Stock") in rows
    assert (f"{issuer} / Warrant", "exercisable_for", f"{issuer} / Common Stock") in rows
    assert (issuer, "issued", "Warrant") in rows
    rows = _deal(extract_text(HEAD + (
        "This agreement will terminate upon the earlier to occur of the holders ceasing to control a majority of the "
        "Series A Convertible Preferred Stock (or Common Stock issued upon conversion thereof) or owning less than 20 percent.\n"
    )))
    assert (f"{ACME} / Convertible Preferred Stock", "convertible_into", f"{ACME} / Common Stock") in rows


def test_as_converted_basis_names_the_underlying(extract_text):
    # 2024 prospectus dilution paragraph
    rows = _deal(extract_text(
        'FORM 424B4\n\nTraws Pharma, Inc. (the "Company")\n\n'
        "The above discussion and table is based on 3,025,554 shares of Common Stock and 7,440 shares of Preferred Stock, "
        "included on an as converted basis to 2,976,000 of Common Stock, outstanding as of November 11, 2024.\n"
    ))
    issuer = "Traws Pharma, Inc."
    assert (f"{issuer} / Convertible Preferred Stock", "convertible_into", f"{issuer} / Common Stock") in rows
    # counts of what is outstanding are no deal numbers
    assert not any(r[1] == "shares" for r in rows)


def test_traps_give_no_deal_facts(extract_text):
    # representations of a 2001 acquisition agreement, a 2005 buyback, a merger target's options, a hypothetical
    rows = _deal(extract_text(HEAD + (
        "There are no outstanding options, warrants, subscriptions or other rights to purchase or acquire any capital "
        "stock of the Company. In the quarter, the Company repurchased 202,552 shares at an average price of $20.32 per share. "
        "Under the merger agreement, each outstanding option of Birchwood Systems Corp. to purchase Birchwood common stock at an "
        "exercise price of $12.00 per share will be cancelled. The Company may issue up to 5,000,000 shares of preferred stock.\n"
    )))
    assert rows == set(), rows


TRUSTEE_SECTION = (
    "CONCERNING THE TRUSTEE\n\n"
    "  The First National Bank of Chicago is the Trustee under the Indenture. The Company has issued notes in the\n"
    "aggregate principal amount of $1,000,000,000 under the Indenture as originally executed.\n\n"
    "DESCRIPTION OF NOTES\n\n"
    "  The Notes will be limited to $250,000,000 aggregate principal amount of 7 1/4% Notes due 2002.\n"
)


def test_trustee_section_notes_are_other_issues(extract_text):
    # 1995 prospectus supplement: the trustee's other engagements under the same indenture
    rows = _deal(extract_text(HEAD + TRUSTEE_SECTION))
    amounts = {r[2] for r in rows if r[1] == "principal_amount"}
    assert "1000000000" not in amounts


def test_description_after_a_trustee_section_is_the_deal(extract_text):
    rows = _deal(extract_text(HEAD + TRUSTEE_SECTION))
    assert "250000000" in {r[2] for r in rows if r[1] == "principal_amount"}


def test_fractional_rates_in_titles_and_clauses(extract_text):
    rows = _deal(extract_text(HEAD + (
        "The Company sold $200,000,000 of its 6-3/4% Senior Notes due 2026. The notes bear interest at 6 3/4% per annum.\n"
    )))
    assert (f"{ACME} / Note", "interest_rate", "6.75") in rows
    assert (f"{ACME} / Note", "principal_amount", "200000000") in rows
    assert not any(r[1] == "interest_rate" and r[2] in ("4", "3") for r in rows)
    rows = _deal(extract_text(HEAD + (
        "The Company issued a promissory note in the principal amount of $500,000. The interest rate on the note is 8¾%.\n"
    )))
    assert (f"{ACME} / Note", "interest_rate", "8.75") in rows


def test_an_option_to_purchase_products_and_a_conditional_rights_offering_are_no_deals(extract_text):
    # 1999 10-K license paragraph and a 2025 base prospectus plan of distribution
    rows = _deal(extract_text(HEAD + (
        "In November 1998, the company entered into a license agreement with Birch Labs. The license is for a term of "
        "three years with an option to purchase the products at the end of the term.\n\n"
        "If we do not enter into a standby underwriting arrangement, we may retain a dealer manager to manage a "
        "subscription rights offering for us.\n"
    )))
    assert rows == set(), rows


def test_options_to_purchase_stock_keep_their_terms(extract_text):
    rows = _deal(extract_text(HEAD + (
        "The Company granted options to purchase 50,000 shares of common stock at an exercise price of $2.00 per share to "
        "its directors. The Company also granted Mr. Smith an option to purchase Class A Common Stock which expires in five years.\n"
    )))
    opt = f"{ACME} / Option"
    assert (ACME, "issued", "Option") in rows
    assert (opt, "shares", "50000") in rows
    assert (opt, "exercise_price", "2") in rows
    assert (opt, "expiration", "P5Y") in rows
    assert (opt, "exercisable_for", f"{ACME} / Common Stock") in rows


# prospectus cover, 1990s text era: the count's shares noun carries a defined term before "of Common Stock"
DEFINED_SHARES = (
    "PROSPECTUS\n                    ACME WIDGETS, INC.\n\n                 812,400 Shares of Common Stock\n\n"
    "     This Prospectus relates to 812,400 shares (the \"Shares\") of Common Stock, $.10 par value (the \"Common\n"
    "Stock\"), which may be offered by certain shareholders (the \"Selling Shareholders\") of Acme Widgets, Inc., a\n"
    "Delaware corporation (the \"Company\").\n"
)


def test_count_with_a_defined_term_before_of_common_stock(extract_text):
    rows = _deal(extract_text(DEFINED_SHARES))
    assert ("Common Stock", "shares", "812400") in {(r[0].split("/")[-1].strip(), r[1], r[2]) for r in rows}
    assert (ACME, "issued", "Common Stock") in rows
