"""Classes of securities a cover says are registered under Section 12(b)/(g): the registrant `issued` them."""

from graph.mentions.listing import class_type
from tests.conftest import rows_of


def _issued(ex) -> set[str]:
    reg = ex.entities[ex.registrant].name
    return {r[2] for r in rows_of(ex) if r[0] == reg and r[1] == "issued"}


# 2019+ table: a stock row with its ticker, note series whose symbols are no tickers
TABLE_2023 = """FORM 8-K
HOLLIS FREIGHT CORPORATION
(Exact name of registrant as specified in its charter)
Delaware | 1-15829 | 62-1721435
(State or other jurisdiction of incorporation) | (Commission File Number) | (IRS Employer Identification No.)
Securities registered pursuant to Section 12(b) of the Act:
Title of each class | Trading Symbol | Name of each exchange on which registered
Common Stock, par value $0.10 per share | HFX | New York Stock Exchange
0.450% Notes due 2025 | HFX 25A | New York Stock Exchange
Indicate by check mark whether the registrant is an emerging growth company.
"""

# 1999 10-K: the class on the heading's line, a second class on the next line over its caption
HEADING_1999 = """FORM 10-K
GARNET PHARMACEUTICAL CORPORATION
(Exact name of registrant as specified in its charter)
Securities registered pursuant to Section 12(b) of the Act: Class A Common Stock, $0.014 par value

Preference Share Purchase Rights
(Title of each Class)
Securities registered pursuant to Section 12(g) of the Act: NONE

Indicate by check mark whether the registrant (1) has filed all reports required to be filed.
"""

# fixed-width 1990s 10-K: "None" under 12(b), the class over a "(Title of class)" caption under 12(g)
FIXED_WIDTH = """FORM 10-K
                        ORMOND INSTRUMENTS, INC.
         (Exact name of registrant as specified in its charter)

Securities registered pursuant to Section 12(b) of the Act:

     Title of each class               Name of each exchange on which registered
     -------------------               -----------------------------------------
            None                                         None

Securities registered pursuant to Section 12(g) of the Act:

                      Common Stock, $.01 par value
                      ----------------------------
                            (Title of class)

Indicate by check mark whether the registrant (1) has filed all reports.
"""


def test_class_titles():
    assert class_type("Common Shares, Without Par Value") == "Common Stock"
    assert class_type("Warrants, each exercisable for one share of Common Stock") == "Warrant"
    assert class_type("Units, each consisting of one share of Class A Common Stock and one Warrant") == "Unit"
    assert class_type("Series A Junior Participating Preferred Stock Purchase Rights") == "Right"
    assert class_type("1.300% Notes due 2031") == "Note"
    assert class_type("Depositary Shares, each representing 1/1000th of a share of Series A Preferred Stock") is None
    assert class_type("Guarantee of 4.875% Notes due 2030 of Hollis Finance B.V.") is None
    assert class_type("None") is None


def test_table_rows_are_the_registrants_classes(extract_text):
    assert _issued(extract_text(TABLE_2023)) == {"Common Stock", "Note"}


def test_classes_under_the_heading(extract_text):
    assert _issued(extract_text(HEADING_1999)) == {"Common Stock", "Right"}


def test_fixed_width_title_of_class_and_none(extract_text):
    assert _issued(extract_text(FIXED_WIDTH)) == {"Common Stock"}


def test_no_heading_no_class(extract_text):
    text = FIXED_WIDTH.replace("Securities registered pursuant to Section 12(g) of the Act:", "Our products include:")
    text = text.replace("Securities registered pursuant to Section 12(b) of the Act:", "")
    assert "Common Stock" not in _issued(extract_text(text))
