"""Cover-page rules, on real cover pages of two eras."""

from graph.mentions.cover import read_cover

INNOVO_COVER = """                     INNOVO GROUP INC.
   (Exact name of registrant as specified in charter)

     Delaware          0-18926              11-2928178
(State or other (Commission File No.)     (IRS Employer
  jurisdiction                         Identification No.)
of incorporation)

5804 East Slauson Avenue,  Commerce, California    90040
   (Address of principal executive offices)     (Zip Code)

    Registrant's telephone number, including area code:
                      (323) 725-5516
"""

CISCO_COVER = """                               CISCO SYSTEMS, INC.

               (Exact name of registrant as specified in charter)

         California                 0-18225                      77-0059951
(State or other jurisdiction      (Commission                  (IRS Employer
   of incorporation)              File Number)               Identification No.)

170 West Tasman Drive, San Jose, California                         95134
(Address of principal executive offices)                          (Zip Code)

Company's telephone number, including area code:   (408) 526-4000
"""


def test_innovo_cover_fields():
    f = read_cover(INNOVO_COVER)
    assert f.name[0] == "INNOVO GROUP INC."
    assert f.state[0] == "Delaware"
    assert [v for v, _s, _e in f.file_numbers] == ["0-18926"]
    assert f.irs[0] == "11-2928178"
    assert f.zip[0] == "90040"


def test_cisco_cover_fields_and_spans():
    f = read_cover(CISCO_COVER)
    assert f.name[0] == "CISCO SYSTEMS, INC."
    assert f.state[0] == "California"
    assert f.irs[0] == "77-0059951"
    value, s, e = f.zip
    assert CISCO_COVER[s:e] == value == "95134"
    # the phone number is not a file number
    assert [v for v, _s, _e in f.file_numbers] == ["0-18225"]


def test_no_cover_caption_means_no_fields():
    f = read_cover("PRESS RELEASE\n\nDelaware 0-18926 11-2928178\n")
    assert f.name is None and f.irs is None and f.state is None
