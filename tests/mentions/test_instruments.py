"""Instrument rules: types, terms, and what is sold versus merely underlying."""

from tests.conftest import rows_of

FINANCING = """FORM 8-K

                     INNOVO GROUP INC.
   (Exact name of registrant as specified in charter)

The convertible  promissory notes  in  the  aggregate principal amount of $2.5  million,
together with common stock purchase warrants to purchase  an
aggregate of 312,500 shares of our common stock were sold to
three  "accredited investors."

The   convertible  promissory  note  issued  to  each
purchaser bears interest at a rate of 7.5% per annum and has
a  maturity  date twelve months from the date  of  issuance.
The  convertible note is convertible at any  time  from  the
date  of issuance into shares of our common stock at a price
per  share equal to 110% of the average of the closing price
of  our  common stock, which for  each  purchaser
results  in  a conversion price of $1.53, $1.41  and  $1.35,
respectively.

The warrants expire five  years  from
the  date  of issuance and are exercisable immediately.
"""


def test_note_and_warrant_terms(extract_text):
    rows = rows_of(extract_text(FINANCING))
    note, warrant = "Innovo Group Inc. / Convertible Note", "Innovo Group Inc. / Warrant"
    assert (note, "principal_amount", "2500000") in rows
    assert (note, "interest_rate", "7.5") in rows
    assert (note, "maturity", "P12M") in rows
    assert {o for s, r, o, *_ in rows if s == note and r == "conversion_price"} == {"1.53", "1.41", "1.35"}
    assert (note, "convertible_into", "Innovo Group Inc. / Common Stock") in rows
    assert (warrant, "shares", "312500") in rows
    assert (warrant, "expiration", "P5Y") in rows
    assert (warrant, "exercisable_for", "Innovo Group Inc. / Common Stock") in rows
    issued = {o for s, r, o, *_ in rows if r == "issued"}
    assert issued == {"Convertible Note", "Warrant"}  # the common stock is only underlying
    # percentages of a price are not interest rates
    assert not [r for r in rows if r[1] == "interest_rate" and r[2] in ("110", "12.5")]


def test_private_placement_price_and_warrant_exercise_price(extract):
    rows = rows_of(extract("001_d211dfa7cc6225bc.txt"))
    assert ("Innovo Group Inc. / Common Stock", "price_per_share", "3") in rows
    assert ("Innovo Group Inc. / Common Stock", "shares", "2996667") in rows
    assert ("Innovo Group Inc. / Warrant", "exercise_price", "4") in rows
    # the "weighted average combined price" is no price per share
    assert not [r for r in rows if r[1] == "price_per_share" and r[2] == "3.2"]


def test_other_issuers_instruments_are_skipped(extract):
    rows = rows_of(extract("8-K_CiscoSystems_0000891618-95-000727.txt"))
    assert ("Cisco Systems, Inc. / Common Stock", "shares", "2000000") in rows
    assert not [r for r in rows if r[0].startswith("Combinet /")]
    assert ("Combinet, Inc.", "subsidiary_of", "Cisco Systems, Inc.") in rows
    assert ("Combinet, Inc.", "state_of_incorporation", "California") in rows
