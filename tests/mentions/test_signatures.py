"""Signature blocks: printed names, titles and dates in several layouts."""

from graph.mentions.signatures import find_signatures, looks_like_person
from graph.normalize.titles import parse_titles

CERT = """February 27, 2004

                                            /s/ Samuel J. Furrow, Jr.
                                            -------------------------
                                            Samuel J. Furrow, Jr.
                                            Chief Executive Officer
                                            (Principal Executive Officer)


                                            /s/ Marc B. Crossman
                                            --------------------
                                            Marc B. Crossman
                                            Chief Financial Officer
                                            (Principal Financial Officer)"""

CISCO = """                                                 CISCO SYSTEMS, INC.

Dated:  November 28, 1995                        By: /s/ Larry R. Carter
                                                     -----------------------
                                                     Larry R. Carter,
                                                     Chief Financial Officer
                                                     and Secretary
"""

TABLE = """Signature                   Title                  Date


/s/ Steven L. Sinn*     Principal Executive    May 25, 1995
Steven L. Sinn          Officer and Director


/s/ David A. Barry*     Director               May 25, 1995
David A. Barry
"""


def test_certification_signatures_with_titles_and_date_above():
    sigs = find_signatures(CERT)
    assert [s.name for s in sigs] == ["Samuel J. Furrow, Jr.", "Marc B. Crossman"]
    assert parse_titles(sigs[0].title_text).titles == ["Chief Executive Officer", "Principal Executive Officer"]
    assert parse_titles(sigs[1].title_text).titles == ["Chief Financial Officer", "Principal Financial Officer"]
    assert sigs[0].date == "2004-02-27"
    assert CERT[sigs[1].start : sigs[1].end] == "Marc B. Crossman"


def test_dated_line_and_wrapped_title():
    (sig,) = find_signatures(CISCO)
    assert sig.name == "Larry R. Carter"
    assert sig.date == "1995-11-28"
    assert set(parse_titles(sig.title_text).titles) == {"Chief Financial Officer", "Secretary"}
    assert sig.company_line == "CISCO SYSTEMS, INC."


def test_signature_table_columns():
    sigs = find_signatures(TABLE)
    assert [s.name for s in sigs] == ["Steven L. Sinn", "David A. Barry"]
    first = parse_titles(sigs[0].title_text)
    assert first.titles == ["Principal Executive Officer"] and first.director
    assert parse_titles(sigs[1].title_text).director
    assert sigs[1].date == "1995-05-25"


def test_firm_signature_is_not_a_person():
    (sig,) = find_signatures("Very truly yours,\n\n   /s/ SULLIVAN & WORCESTER LLP\n")
    assert not looks_like_person(sig.name)
    assert looks_like_person("Samuel J. Furrow, Jr.")
