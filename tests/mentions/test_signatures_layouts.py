"""Signature layouts of several eras: doubled names in HTML cells, inline labels, side-by-side blocks, capacity words."""

from graph.mentions.signatures import find_signatures, looks_like_person, split_signer, undouble_name
from graph.normalize.titles import parse_titles
from tests.conftest import rows_of

# 10-K of 1999, HTML table flattened to rows: the conformed signature and the typed name share one cell
TABLE_10K = """SIGNATURES

Signature | Title | Date
/s/ JONAH SHACKNAI Jonah Shacknai | Chairman of the Board of Directors and Chief Executive Officer (Principal Executive Officer) | September 28, 1999

/s/ MARK A. PRYGOCKI, SR. Mark A. Prygocki, Sr. | Chief Financial Officer (Principal Financial and Accounting Officer) | September 28, 1999

/s/ RICHARD L DOBSON, M.D. Richard L. Dobson, M.D. | Director | September 28, 1999
"""

# 2008 agreement signature page: typed name printed after the signature, in capitals
HORIZON_2008 = """HORIZON FINANCIAL CORP.
Date: March 18, 2008 | By: /s/Robert C. Diehl ROBERT C. DIEHL

Its: Director
EXECUTIVE
Date: March 18, 2008 | /s/V. Lawrence Evans V. Lawrence Evans
"""

# 2001 8-K: name and title labels flattened into the signature line
INLINE_2001 = """STOCKWALK.COM GROUP, INC
Dated: September 26, 2001
By: /s/ Philip T. Colton Name: Philip T. Colton Title: Senior Vice President and General Counsel
"""

# 1996 fixed-width exhibit: two signature blocks side by side
SIDE_BY_SIDE_1996 = """ATTEST:                                 ESP SOFTWARE SERVICES, INC.


/S/ Christopher S. Hayhoe               By:/S/ Raymond P. Davey
- - --------------------------------------  --------------------------------------
                                        Its:President
                                        --------------------------------------
"""

# 1995 S-3/A: directors signed by an attorney-in-fact
POWER_OF_ATTORNEY_1995 = """Signature                   Title                  Date


/s/ David A. Barry*     Director               May 25, 1995
David A. Barry


*By:/s/ Martin H. Neidell
    Martin H. Neidell,
    attorney-in-fact
"""


def test_doubled_names_in_table_cells_give_one_name():
    sigs = find_signatures(TABLE_10K)
    assert [s.name for s in sigs] == ["Jonah Shacknai", "Mark A. Prygocki, Sr.", "Richard L. Dobson"]
    assert TABLE_10K[sigs[0].start : sigs[0].end] == "Jonah Shacknai"  # evidence points at the typed name
    first = parse_titles(sigs[0].title_text)
    assert first.titles == ["Chairman", "Chief Executive Officer", "Principal Executive Officer"]
    assert not first.director  # "Chairman of the Board of Directors" alone is no directorship
    assert parse_titles(sigs[2].title_text).director
    assert sigs[2].date == "1999-09-28"


def test_typed_name_after_signature_in_capitals():
    sigs = find_signatures(HORIZON_2008)
    assert [s.name for s in sigs] == ["Robert C. Diehl", "V. Lawrence Evans"]
    assert parse_titles(sigs[0].title_text).director
    assert sigs[0].company_line == "HORIZON FINANCIAL CORP."


def test_inline_name_and_title_labels():
    (sig,) = find_signatures(INLINE_2001)
    assert sig.name == "Philip T. Colton"
    assert parse_titles(sig.title_text).titles == ["Senior Vice President", "General Counsel"]


def test_side_by_side_signatures_keep_their_own_column():
    sigs = find_signatures(SIDE_BY_SIDE_1996)
    assert [s.name for s in sigs] == ["Christopher S. Hayhoe", "Raymond P. Davey"]
    assert parse_titles(sigs[0].title_text).titles == []  # the attesting witness has no title
    assert parse_titles(sigs[1].title_text).titles == ["President"]
    assert sigs[1].company_line == "ESP SOFTWARE SERVICES, INC."


def test_attorney_in_fact_signs_without_a_title():
    sigs = find_signatures(POWER_OF_ATTORNEY_1995)
    assert [s.name for s in sigs] == ["David A. Barry", "Martin H. Neidell"]
    assert parse_titles(sigs[1].title_text).titles == []


def test_capacity_words_and_honorifics_stay_out_of_names():
    assert split_signer("Travis Shrout, Attorney-in-Fact")[0] == "Travis Shrout"
    assert split_signer("Jane Q. Roe, as attorney-in-fact for John Doe")[0] == "Jane Q. Roe"
    assert split_signer("Dr. Anna B. Smith")[0] == "Anna B. Smith"
    assert split_signer("Peter Zed on behalf of Acme Holdings LLC")[0] == "Peter Zed"
    assert split_signer("Mary Major, Authorized Signatory")[0] == "Mary Major"
    assert split_signer("John Doe*")[0] == "John Doe"


def test_undouble_keeps_distinct_names_and_suffixes():
    assert undouble_name("JOHN A. DOE, JR. John A. Doe, Jr.")[0] == "John A. Doe, Jr."
    assert undouble_name("John Doe Mary Roe")[0] == "John Doe Mary Roe"  # two people: nothing to fold
    assert undouble_name("Samuel J. Furrow")[0] == "Samuel J. Furrow"


def test_firm_signatures_in_capitals_are_not_people():
    for raw in ("/s/ KPMG LLP", "/s/ ARTHUR ANDERSEN & CO.", "/s/ ACME AUDIT GROUP INC."):
        (sig,) = find_signatures(raw + "\n")
        assert not looks_like_person(sig.name), sig.name


def test_signature_table_gives_signed_officers_and_directors(extract_text):
    ex = extract_text("FORM 10-K\n\nAcme Widgets, Inc. (the \"Company\")\n\n" + TABLE_10K)
    rows = rows_of(ex)
    doc = next(r[2] for r in rows if r[1] == "signed")
    assert ("Jonah Shacknai", "signed", doc) in rows
    assert ("Jonah Shacknai", "officer_of", "Acme Widgets, Inc.", "Chairman") in rows
    assert ("Mark A. Prygocki, Sr.", "officer_of", "Acme Widgets, Inc.", "Principal Accounting Officer") in rows
    assert ("Richard L. Dobson", "director_of", "Acme Widgets, Inc.") in rows
    assert ("Jonah Shacknai", "director_of", "Acme Widgets, Inc.") not in rows
    people = {e.name for e in ex.entities.values() if e.type == "Person"}
    assert not any(n.isupper() or "SHACKNAI" in n for n in people)


def test_name_and_title_labels_on_the_line_below():
    # 2001 8-K: "By: /s/ X" then "Name: X Title: Y" flattened onto one line
    text = (
        "STOCKWALK GROUP, INC.\nDated: October 12, 2001\nBy: /s/ Philip T. Colton\n"
        "Name: Philip T. Colton Title: Senior Vice President and General Counsel\n\nEXHIBIT INDEX\n"
    )
    (sig,) = find_signatures(text)
    assert sig.name == "Philip T. Colton"
    assert parse_titles(sig.title_text).titles == ["Senior Vice President", "General Counsel"]
