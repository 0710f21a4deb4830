"""The deal reader: debt titles, share-count status, borrowers and defined terms (excerpts of several eras)."""

from graph.mentions.instruments_status import inventory_sentence, standing_count, statistic_price
from graph.mentions.instruments_titles import debt_titles
from tests.conftest import rows_of

HEADER = """FORM 8-K

                     ACME WIDGET CORP.
   (Exact name of registrant as specified in charter)

"""


def _terms(text: str):
    return [(t.itype, [p for p, *_ in t.principal], t.rate and t.rate[0], t.maturity and t.maturity[0]) for t in debt_titles(text)]


def test_debt_titles_of_several_eras():
    # 1995 text filing: amount, fraction rate and full date in the title
    assert _terms("relate to the offering of $300,000,000 6 3/4% Notes due May 15, 2002.") == [("Note", ["300000000"], "6.75", "2002-05-15")]
    # 2012 HTML: two series in one sentence keep their own terms; "due 2022" is a year
    two = _terms(
        "to sell $250 million aggregate principal amount of the Company’s 2.350% Senior Notes due 2022 and "
        "$250 million aggregate principal amount of the Company’s 3.700% Senior Notes due 2042"
    )
    assert two == [("Note", ["250000000"], "2.35", "2022"), ("Note", ["250000000"], "3.7", "2042")]
    assert _terms("1.5% Convertible Senior Notes due 2017") == [("Convertible Note", [], "1.5", "2017")]
    assert _terms("a $7.0 million term loan note") == [("Note", ["7000000"], None, None)]
    assert _terms("the sale of notes in an aggregate principal amount of $250,000,000 on April 27, 1995") == [("Note", ["250000000"], None, None)]
    assert _terms("$1.15 billion aggregate principal amount of 4.30% Debentures due 2031")[0][:2] == ("Debenture", ["1150000000"])


def test_debt_title_negatives():
    assert debt_titles("Common Stock, par value $.10 per share") == []
    assert debt_titles("read in conjunction with the consolidated financial statements and the notes thereto") == []
    assert debt_titles("The Notes are senior unsecured obligations of the Company.") == []


def test_standing_share_counts():
    s = "As of September 30, 2024, we have 7,440 shares of Series C Preferred Stock outstanding."
    assert standing_count(s, s.index("7,440"), s.index(" outstanding"))
    s = "51,381 shares of common stock reserved for future issuance under our 2021 Equity Compensation Plan"
    assert standing_count(s, 0, s.index(" reserved"))
    s = "based on 3,025,554 shares of Common Stock and 7,440 shares of Preferred Stock, outstanding"
    assert standing_count(s, s.index("7,440"), s.index(", outstanding"))
    s = "Common Stock to be outstanding after this offering\n\n3,633,751 shares of common stock"
    assert standing_count(s, s.index("3,633,751"), len(s))
    s = "permit our board of directors to issue up to 5,000,000 shares of preferred stock, with any rights"
    assert standing_count(s, s.index("5,000,000"), s.index(", with"))
    # deal counts stay
    s = "A total of approximately 2,000,000 shares of the Registrant's Common Stock will be issued to former holders"
    assert not standing_count(s, s.index("2,000,000"), s.index(" will"))
    s = "We are offering 608,197 shares of our common stock to investors"
    assert not standing_count(s, s.index("608,197"), s.index(" to investors"))


def test_statistics_and_inventories():
    s = "with a weighted average exercise price of approximately $37.01 per share"
    assert statistic_price(s, s.index("$"))
    s = "repurchased 100,000 shares at an average price of $17.62 per share"
    assert statistic_price(s, s.index("$"))
    s = "at an exercise price of $4.00 per share"
    assert not statistic_price(s, s.index("$"))
    assert inventory_sentence("As of June 29, 2023, we had (i) warrants to purchase 344,990 shares")
    assert not inventory_sentence("On June 29, 2023, we sold warrants to purchase 344,990 shares")


LOAN = HEADER + """Item 1.01 Entry into a Material Definitive Agreement

On March 3, 2011, Widget Leasing, Inc. ("WLI"), a wholly-owned subsidiary of Acme Widget Corp. (the "Company") entered into a $12.0 million Loan Agreement with First Plains Bank, N.A. (the "Lender").

The Loan Agreement includes a $9.0 million term loan note (the "Term Loan") and a $3.0 million revolving credit note (the "Revolver"). WLI is required to make monthly payments on the Term Loan, with the remaining principal due on March 3, 2016. The Revolver expires on March 3, 2013. The interest rate on the Term Loan is the greater of (i) 0.50% in excess of the prime rate, and (ii) 5.0%.
"""


def test_subsidiary_borrower_owns_the_loan_notes(extract_text):
    rows = rows_of(extract_text(LOAN))
    note = "Widget Leasing, Inc. / Note"
    assert ("Widget Leasing, Inc.", "issued", "Note") in rows
    assert {o for s, r, o, *_ in rows if s == note and r == "principal_amount"} == {"9000000", "3000000"}
    assert {o for s, r, o, *_ in rows if s == note and r == "maturity"} == {"2016-03-03", "2013-03-03"}
    assert {o for s, r, o, *_ in rows if s == note and r == "interest_rate"} == {"5"}  # the 0.50% margin is no rate
    assert not [r for r in rows if r[0].startswith("Acme Widget Corp. /")]
    assert not [r for r in rows if r[1] == "principal_amount" and r[2] == "12000000"]


NOTES_8K = HEADER + """On July 30, 2012, the Company entered into an underwriting agreement to sell $400 million aggregate principal amount of the Company's 2.125% Senior Notes due 2019 (the "2019 Notes").

The 2019 Notes mature on August 15, 2019. On August 2, 2012, the Company announced the redemption of all of its outstanding 8.25% Senior Notes due 2014.
"""


def test_title_year_yields_to_the_full_date(extract_text):
    rows = rows_of(extract_text(NOTES_8K))
    note = "Acme Widget Corp. / Note"
    assert {o for s, r, o, *_ in rows if s == note and r == "maturity"} == {"2019-08-15", "2014"}
    assert {o for s, r, o, *_ in rows if s == note and r == "interest_rate"} == {"2.125", "8.25"}
    assert (note, "principal_amount", "400000000") in rows


def test_other_companys_notes_are_not_the_registrants(extract_text):
    text = HEADER + "The Company agreed to acquire Zenith Parts Corporation's 9% Notes due 2010 from its holders.\n"
    rows = rows_of(extract_text(text))
    assert not [r for r in rows if r[1] in ("interest_rate", "maturity")]
