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


HTML_TABLE = """<html><body>
<p>FORM 10-K</p>
<p align="center"><b>SECURITY OWNERSHIP OF CERTAIN BENEFICIAL OWNERS AND MANAGEMENT</b></p>
<table>
<tr><td><b>Name and Address of Beneficial Owner</b></td><td><b>Amount and Nature of Beneficial Ownership</b></td>
<td><b>Percent of Class</b></td></tr>
<tr><td>Halvard Capital Management, Inc.<sup>(1)</sup><br>55 East 52nd Street<br>New York, NY 10055</td>
<td>5,123,456</td><td>9.8%</td></tr>
<tr><td>Jane Q. Sample<sup>(2)</sup></td><td>120,000</td><td>*</td></tr>
<tr><td>All directors and executive officers as a group (9 persons)</td><td>512,000</td><td>1.0%</td></tr>
</table>
<p>(1) Based on a Schedule 13G/A filed by Halvard Capital Management, Inc. on February 1, 2024.</p>
<p>* Less than 1%.</p>
</body></html>
"""


def test_html_beneficial_owner_table_cells(tmp_path):
    # 2020s proxy/10-K layout: one <tr> per holder, name and address in one cell, footnote marks, a group total
    from graph.source import read_source

    p = tmp_path / "table.htm"
    p.write_text(HTML_TABLE, encoding="utf-8")
    text = "\n".join(part.text for part in read_source(p).parts)
    raws = [raw for _s, _e, raw in find_holder_rows(text)]
    assert raws == ["Halvard Capital Management, Inc.", "Jane Q. Sample"]


def test_fixed_width_beneficial_owner_table_with_group_and_footnotes():
    # 1990s text layout: name column padded with spaces, <F1> marks, the group row and footnotes under the table
    text = """PRINCIPAL STOCKHOLDERS

<TABLE>
<CAPTION>
                                          Shares Beneficially     Percent
Name of Beneficial Owner                        Owned             of Class
<S>                                           <C>                 <C>
Oberlin Partners, L.P.<F1>                    1,250,000            12.4%
Walter T. Greaves<F2>                           310,500             3.1%
All officers and directors as a group
  (6 persons)<F3>                               402,000             4.0%
</TABLE>
<F1> Oberlin Partners, L.P. is controlled by its general partner, Oberlin Capital Corp.
"""
    raws = [raw for _s, _e, raw in find_holder_rows(text)]
    assert [holder_names(r) for r in raws] == [[("Company", "Oberlin Partners, L.P.")], [("Person", "Walter T. Greaves")]]


def test_trust_of_an_initialled_person_and_agent_accounts():
    # 1995 S-3/A rows: "H. Kempner Trust"; "Foley, Revy Investment Co., Inc. Account: First Interstate Bank of Oregon
    # as Agent for Oregon Equity Fund" (wrapped over seven lines); "Little Moose Trust" names nobody we can tell
    assert holder_names("R. Almquist Trust") == [("Person", "R. Almquist")]
    assert holder_names("Tolliver, Reed Investment Co., Inc. Account: First Valley Bank of Idaho as Agent for Idaho Growth Fund") == [
        ("Company", "Tolliver, Reed Investment Co., Inc."),
        ("Company", "Idaho Growth Fund"),
    ]
    assert holder_names("All directors and executive officers as a group") == []


def test_wrapped_name_lines_starting_with_of_stay_in_the_row():
    text = """SELLING SHAREHOLDERS

  Name of Selling              Number of      Percent
  Shareholder                  Shares Owned   Owned

Tolliver, Reed
Investment Co., Inc.
 Account: First
 Valley Bank
 of Idaho as
 Agent for Idaho
 Growth Fund                   30,300           0
"""
    raws = [raw for _s, _e, raw in find_holder_rows(text)]
    assert raws == ["Tolliver, Reed Investment Co., Inc. Account: First Valley Bank of Idaho as Agent for Idaho Growth Fund"]
