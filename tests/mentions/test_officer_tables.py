"""Management tables ("Name | Age | Position") and "has served as" prose."""

from tests.conftest import rows_of

PROXY = """FORM 10-K

                         HARBOR LIGHT BANCORP, INC.
   (Exact name of registrant as specified in its charter)

Item 10. Directors and Executive Officers of the Registrant

Name                      Age    Position
----                      ---    --------
Margaret A. Olsen          58    President, Chief Executive Officer and Director
David K. Oyelaran          47    Executive Vice President and Chief Financial Officer
Peter J. Whitcombe         66    Chairman of the Board
Susan L. Park              52    Director

Ms. Olsen has served as our President since 2015. Mr. Oyelaran, age 47, has served as
Treasurer of the Company since 2018.
"""


def test_management_table(extract_text):
    rows = rows_of(extract_text(PROXY))
    reg = "Harbor Light Bancorp, Inc."
    assert ("Margaret A. Olsen", "officer_of", reg, "President") in rows
    assert ("Margaret A. Olsen", "officer_of", reg, "Chief Executive Officer") in rows
    assert ("Margaret A. Olsen", "director_of", reg) in rows
    assert ("David K. Oyelaran", "officer_of", reg, "Chief Financial Officer") in rows
    assert ("Peter J. Whitcombe", "officer_of", reg, "Chairman") in rows
    assert ("Peter J. Whitcombe", "director_of", reg) not in rows  # "Chairman of the Board" is a title
    assert ("Susan L. Park", "director_of", reg) in rows
    assert not [r for r in rows if r[0] == "Susan L. Park" and r[1] == "officer_of"]
    assert ("David K. Oyelaran", "officer_of", reg, "Treasurer") in rows
