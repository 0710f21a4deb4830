"""Form 24F-2 notices read by their numbered items: share counts of securities sold, issued, registered."""

from __future__ import annotations

from graph.model import TextPart
from graph.source.textforms import parse_fund_notice_counts


def _part(text: str) -> TextPart:
    return TextPart(text=text, offsets=list(range(len(text) + 1)))


# 1995 text filing: captions wrapped over lines, "-0-" for empty items, count then "$" amount, rules between items
REAL_1995 = """\
7.  Number and amount of securities of the same class or series which had been
registered under the Securities Act of 1933 other than pursuant to rule 24f-2
in a prior fiscal year, but which remained unsold at the beginning of the
fiscal year:

          -0-
________________________________________________________________________________

9.  Number and aggregate sale price of securities sold during the fiscal year:

        19,019,524                               $315,907,470
________________________________________________________________________________

11.  Number and aggregate sale price of securities issued during the fiscal
year in connection with dividend reinvestment plans, if applicable (see
instruction B.7):

         12,278,591                                   $168,462,102
________________________________________________________________________________

12.  Calculation of registration fee:

    (i)  Aggregate sale price of securities sold during the
         fiscal year in reliance on rule 24f-2 (from Item 10): $    315,907,479
"""

# the same form from another agent: value on the caption's line, shares without commas, a fee item after
VARIANT = """\
3. Investment Company Act File Number: 811-4321
8. Number and amount of securities registered during the fiscal year other than pursuant to rule 24f-2: 250000 shares
10. Number and aggregate sale price of securities sold during the fiscal year in reliance upon registration pursuant to rule 24f-2: 1,204,550 shares  $ 14,921,300
13. Date of mailing or wire transfer of filing fees: March 3, 1997
"""


def test_real_items_give_counts_with_spans() -> None:
    part = _part(REAL_1995)
    got = parse_fund_notice_counts(part)
    assert [fv.value for _c, fv in got] == ["19019524", "12278591"]
    for _c, fv in got:
        assert REAL_1995[fv.start : fv.end].replace(",", "") == fv.value
    assert got[0][0].startswith("Number and aggregate sale price of securities sold")


def test_variant_layout_counts_only_number_items() -> None:
    got = parse_fund_notice_counts(_part(VARIANT))
    # the file number (item 3), the fee amount and the date are no share counts
    assert [fv.value for _c, fv in got] == ["250000", "1204550"]


def test_fee_calculation_and_prices_are_not_counts() -> None:
    text = "12.  Calculation of registration fee:\n    (i) Aggregate sale price: $ 315,907,479\n"
    assert parse_fund_notice_counts(_part(text)) == []
