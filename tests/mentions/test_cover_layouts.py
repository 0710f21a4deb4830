"""Cover pages of several eras and layouts, read by caption position (graph.mentions.cover).

Excerpts are copied from real 8-K covers (1990s fixed-width text, 2000s HTML
tables, 2010s stacked HTML blocks); the registrants in the pattern tests are invented.
"""

from graph.mentions.cover import read_cover
from graph.source.render import html_to_text

# 1997 text: values over dash rules, one row per caption group
RULED_1997 = """
                   Home Health Corporation of America, Inc.
- --------------------------------------------------------------------------------
            (Exact name of registrant as specified in its charter)


                                 Pennsylvania
- --------------------------------------------------------------------------------
                (State or other jurisdiction of incorporation)

            0-26938                                      23-2224800
- ---------------------------------          ------------------------------------
    (Commission file number)               (I.R.S. Employer Identification No.)

2200 Renaissance Boulevard, Suite 300, King of Prussia, Pennsylvania      19406
- --------------------------------------------------------------------------------
    (Address of principal executive offices)                        (Zip Code)
"""

# 1995 text: captions wrapped over three lines, address caption that includes the ZIP
WRAPPED_1995 = """
                             WAL-MART STORES, INC.
            (Exact name of Registrant as specified in its charter)

   Delaware                          1-6991                  71-0415188
(State or other                 (Commission File          (I.R.S. Employer
jurisdiction of                      Number)             Identification No.)
incorporation)

                              702 S.W. Eighth St.
                          Bentonville, Arkansas 72716
                                (501) 273-4000
              (Address, including Zip Code, and telephone number,
       including area code, of Registrant's principal executive offices)

ITEM 5.  Other Events.
"""


def values(f):
    return (
        f.name and f.name[0],
        f.state and f.state[0],
        [v for v, _s, _e in f.file_numbers or []],
        f.irs and f.irs[0],
        f.zip and f.zip[0],
    )


def test_ruled_rows_one_caption_group_each():
    assert values(read_cover(RULED_1997)) == (
        "Home Health Corporation of America, Inc.", "Pennsylvania", ["0-26938"], "23-2224800", "19406"
    )


def test_wrapped_captions_and_zip_above_a_phone_line():
    f = read_cover(WRAPPED_1995)
    assert values(f) == ("WAL-MART STORES, INC.", "Delaware", ["1-6991"], "71-0415188", "72716")
    value, s, e = f.zip
    assert WRAPPED_1995[s:e] == value


def test_side_by_side_values_split_at_caption_columns():
    # the name sits in the middle column: three values, never "Food Concepts Inc 13-3124057"
    text = (
        "Nevada                  Quillon Food Concepts Inc          13-3124057\n"
        "(State of incorporation)  (Exact name of registrant)   (I.R.S. Employer Identification No.)\n"
    )
    f = read_cover(text)
    assert f.name[0] == "Quillon Food Concepts Inc"
    assert f.state[0] == "Nevada"
    assert f.irs[0] == "13-3124057"


def test_one_value_per_line_then_two_columns():
    text = """                        PERICOM SEMICONDUCTOR CORPORATION
             (Exact Name of Registrant as Specified in its Charter)

                                   California
                 (State or Other Jurisdiction of Incorporation)

                 0-27026                               77-0254621
        (Commission File Number)          (I.R.S. Employer Identification No.)

               3345 North First Street, San Jose, California 95134
               (Address of Principal Executive Offices) (Zip Code)
"""
    assert values(read_cover(text)) == ("PERICOM SEMICONDUCTOR CORPORATION", "California", ["0-27026"], "77-0254621", "95134")


# 2001 HTML: each value and its caption in one table cell (<u>value</u><br>(caption))
CELL_HTML_2001 = """<html><body>
<H5><A HREF="#toc">Table of Contents</A></H5>
<P align="center"><u>Harrow Brokerage Group, Inc.</u><BR>
(Exact Name of Registrant as Specified in Its Charter)
<TABLE><TR valign="bottom">
<TD align="center"><u>Minnesota</u><BR>(State or Other Jurisdiction)</TD>
<TD align="center"><u>0-22247</u><BR>(Commission File Number)<BR>of Incorporation)</TD>
<TD align="center"><u>41-1756256</u><BR>(IRS Employer<BR>Identification No.)</TD>
</TR>
<TR><TD>5500 Wayzata Boulevard, Suite 800, Minneapolis, Minnesota<BR>(Address of Principal Executive Offices)</TD>
<TD>55416<BR>(Zip Code)</TD></TR></TABLE>
</body></html>"""

# 2012 HTML: values in one row, captions wrapped over two rows of cells
ROWS_HTML_2012 = """<html><body>
<p>THE ORCHID COMPANIES INC.</p><p>(Exact name of registrant as specified in its charter)</p>
<table>
<tr><td>Delaware</td><td>1-14064</td><td>11-2408943</td></tr>
<tr><td>(State or other jurisdiction</td><td>(Commission</td><td>(IRS Employer</td></tr>
<tr><td>of incorporation)</td><td>File Number)</td><td>Identification No.)</td></tr>
</table>
<table><tr><td>767 Fifth Avenue, New York, New York</td><td>10153</td></tr>
<tr><td>(Address of Principal Executive Offices)</td><td>(Zip Code)</td></tr></table>
<p>Item 1.01 Entry into a Material Definitive Agreement.</p>
</body></html>"""


def test_html_value_and_caption_in_one_cell_after_a_table_of_contents_link():
    part = html_to_text(CELL_HTML_2001)
    f = read_cover(part.text)
    assert values(f) == ("Harrow Brokerage Group, Inc.", "Minnesota", ["0-22247"], "41-1756256", "55416")
    s, e = part.source_span(f.irs[1], f.irs[2])
    assert CELL_HTML_2001[s:e] == "41-1756256"


def test_html_rows_of_cells_with_wrapped_captions():
    f = read_cover(html_to_text(ROWS_HTML_2012).text)
    assert values(f) == ("THE ORCHID COMPANIES INC.", "Delaware", ["1-14064"], "11-2408943", "10153")


def test_label_left_of_value_and_zip_plus_four_as_printed():
    text = """Commission file number 0-18443
MEDLEY PHARMACEUTICAL CORPORATION
(Exact name of registrant as specified in its charter)

Delaware | 52-1574808
(State of other jurisdiction of incorporation or organization) | (I.R.S. Employer Identification No.)

4343 East Camelback Road, Phoenix, AZ | 85018-2700

(Address of principal executive office) | (Zip Code)
"""
    assert values(read_cover(text)) == ("MEDLEY PHARMACEUTICAL CORPORATION", "Delaware", ["0-18443"], "52-1574808", "85018-2700")


def test_headings_and_dates_are_never_the_registrant_name():
    text = "Date of Report (Date of earliest event reported): July 30, 2012\n(Exact name of registrant as specified in its charter)\n"
    assert read_cover(text).name is None
    text = "July 30, 2012\n(Exact name of registrant as specified in its charter)\n"
    assert read_cover(text).name is None


def test_phone_numbers_are_not_file_numbers_or_zips():
    text = """ACME WIDGET CORP.
(Exact name of registrant as specified in its charter)
(818) 560-1000
(Address of principal executive offices)
"""
    f = read_cover(text)
    assert f.zip is None and f.file_numbers is None
