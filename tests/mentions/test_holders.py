"""Selling-shareholder tables (1995 S-3/A layout) and how row names are read."""

from graph.mentions.holders import find_holder_rows, holder_names

TABLE = """                      SELLING SHAREHOLDERS

     The following table shows the names of the Selling
Shareholders.
<TABLE>
  Name of Selling              Dividends on Series One         Number of      Percent
  Shareholder                  Convertible Preferred Stock     Shares Owned   Owned

Rebecca G. Ames Trust           537                              0             0

AmSouth Bank, FBO
Margaret Spencer South          5,530                            0             0

Coleman and Jeanne Benedict     1,786                            0             0

Randall W. Byrnes               4,372                            0             0

Randall W. Byrnes, Jr.          1,316                            0             0

Julian & Eunice Cohen
 Investment, L.P.               3,587                            0           0
</TABLE>
"""


def test_rows_including_wrapped_names():
    raws = [raw for _s, _e, raw in find_holder_rows(TABLE)]
    assert raws == [
        "Rebecca G. Ames Trust",
        "AmSouth Bank, FBO Margaret Spencer South",
        "Coleman and Jeanne Benedict",
        "Randall W. Byrnes",
        "Randall W. Byrnes, Jr.",
        "Julian & Eunice Cohen Investment, L.P.",
    ]


def test_row_names_follow_the_format_rules():
    assert holder_names("Rebecca G. Ames Trust") == [("Person", "Rebecca G. Ames")]
    assert holder_names("Michael Kadis IRA") == [("Person", "Michael Kadis")]
    assert holder_names("Coleman and Jeanne Benedict") == [("Person", "Coleman Benedict"), ("Person", "Jeanne Benedict")]
    assert holder_names("First Trust Corp. fbo Jack Kadis") == [("Company", "First Trust Corp."), ("Person", "Jack Kadis")]
    assert holder_names("Bariston Paging Partners, L.P.") == [("Company", "Bariston Paging Partners, L.P.")]


def test_no_table_no_rows():
    assert find_holder_rows("The Selling Shareholders may sell shares from time to time.") == []


def test_holders_become_shareholders_and_stay_distinct(extract_text):
    from tests.conftest import rows_of

    cover = "FORM S-3/A\n\n                 ACME PAGING, INC.\n   (Exact name of registrant as specified in its charter)\n\n"
    ex = extract_text(cover + TABLE)
    rows = rows_of(ex)
    assert ("Randall W. Byrnes", "shareholder_of", "Acme Paging, Inc.") in rows
    assert ("Randall W. Byrnes, Jr.", "shareholder_of", "Acme Paging, Inc.") in rows
    assert ("Margaret Spencer South", "shareholder_of", "Acme Paging, Inc.") in rows
    assert not any(e.name == "Rebecca G. Ames Trust" for e in ex.entities.values())


def test_address_lines_do_not_join_the_next_name():
    text = """SECURITY OWNERSHIP OF CERTAIN BENEFICIAL OWNERS AND MANAGEMENT

Name and Address of Beneficial Owner      Shares        Percent
The Vanguard Group, Inc.(2)            5,000,000         8.1%
100 Vanguard Blvd.
Malvern, PA 19355
Jane Q. Public                            12,000            *
All directors and executive officers as a group (9 persons)   512,000   0.8%
"""
    raws = [raw for _s, _e, raw in find_holder_rows(text)]
    assert raws == ["The Vanguard Group, Inc.(2)", "Jane Q. Public"]
