"""A modern (post-2019) 8-K cover and Item 5.02 prose, as the HTML reader renders them."""

from graph.mentions.listing import exchange_name
from tests.conftest import rows_of

MODERN = """UNITED STATES
SECURITIES AND EXCHANGE COMMISSION
Washington, D.C. 20549
FORM 8-K
CURRENT REPORT
Date of Report (Date of earliest event reported): March 4, 2024
Northwind Robotics, Inc.
(Exact name of registrant as specified in its charter)
Delaware | 001-38912 | 47-1234567
(State or other jurisdiction of incorporation) | (Commission File Number) | (IRS Employer Identification No.)
500 Harbor Boulevard | Redwood City | California | 94063
(Address of principal executive offices) | (Zip Code)
Securities registered pursuant to Section 12(b) of the Act:
Title of each class | Trading Symbol(s) | Name of each exchange on which registered
Common Stock, $0.0001 par value per share | NWRB | The Nasdaq Stock Market LLC

Item 5.02 Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers.

On March 1, 2024, the Board of Directors appointed Priya Raman as Chief Financial Officer of the Company. Ms. Raman, age 47, has served as our Vice President of Finance since 2019.

On March 1, 2024, Thomas Keller resigned as a director of the Company.

SIGNATURES
Northwind Robotics, Inc.
Date: March 4, 2024 | By: | /s/ Alan Brooks
Name: | Alan Brooks
Title: | President and Chief Executive Officer
"""


def test_modern_cover_listing_and_item_502(extract_text):
    ex = extract_text(MODERN)
    rows = rows_of(ex)
    reg = "Northwind Robotics, Inc."
    assert (reg, "state_of_incorporation", "Delaware") in rows
    assert (reg, "commission_file_number", "001-38912") in rows
    assert (reg, "irs_employer_id", "47-1234567") in rows
    assert (reg, "postal_code", "94063") in rows
    assert (reg, "ticker", "NWRB") in rows
    assert (reg, "exchange", "NASDAQ") in rows
    assert ("Priya Raman", "officer_of", reg, "Chief Financial Officer") in rows
    assert ("Thomas Keller", "director_of", reg) in rows
    assert ("Alan Brooks", "officer_of", reg, "President") in rows
    assert ("Alan Brooks", "officer_of", reg, "Chief Executive Officer") in rows
    assert ("Alan Brooks", "signed", ex.doc_id) in rows
    # the board appointing someone does not make that person a director
    assert ("Priya Raman", "director_of", reg) not in rows
    # an exchange named beside a ticker is not an entity
    assert not any("Nasdaq" in e.name for e in ex.entities.values())
    keller = next(f for f in ex.facts if f.relation == "director_of" and ex.entities[f.subject].name == "Thomas Keller")
    assert keller.end_date == "2024-03-01"


def test_exchange_names():
    assert exchange_name("The Nasdaq Stock Market LLC") == "NASDAQ"
    assert exchange_name("New York Stock Exchange") == "NYSE"
    assert exchange_name("NYSE American LLC") == "NYSE American"
    assert exchange_name("Common Stock") is None


def test_elected_to_the_board(extract_text):
    text = (
        "FORM 8-K\n\n                 NORTHWIND ROBOTICS, INC.\n   (Exact name of registrant as specified in its charter)\n\n"
        "On June 3, 2024, the Board of Directors elected Laura Chen to the Board of Directors of the Company.\n"
    )
    rows = rows_of(extract_text(text))
    assert ("Laura Chen", "director_of", "Northwind Robotics, Inc.") in rows
    assert not [r for r in rows if r[1] == "officer_of"]
