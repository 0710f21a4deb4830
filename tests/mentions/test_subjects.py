"""Attached documents with their own subject: a merger agreement's "the Company" is the target."""

from __future__ import annotations

import pytest

from graph.mentions.subjects import defined_company
from tests.conftest import rows_of

# Opening of an EX-2 merger agreement in a 1997 submission (real layout, invented names).
AGREEMENT_1997 = """
                          AGREEMENT AND PLAN OF MERGER

         AGREEMENT AND PLAN OF MERGER, dated as of September 26, 1997, by and
among Northwind Health Corporation of America, Inc., a Pennsylvania corporation (the
"Acquiror"), NHC Acquisition Corporation, Inc. a Delaware corporation and a
wholly-owned subsidiary of Acquiror ("Acquisition Subsidiary"), and U.S.
Brightcare Corporation, a New York corporation (the "Company").
"""

# A modern HTML-era opening with curly quotes and no descriptor.
AGREEMENT_2019 = "This Agreement and Plan of Merger is entered into by Parent Inc., Merger Sub LLC and Calder Widgets, Inc. (the “Company”)."


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (AGREEMENT_1997, "U.S.\nBrightcare Corporation"),
        (AGREEMENT_2019, "Calder Widgets, Inc."),
        ('On May 9, 2005, Pellworth Funding, Inc. (the "Company") issued a press release.', "Pellworth Funding, Inc."),
    ],
)
def test_defined_company(text: str, name: str) -> None:
    found = defined_company(text)
    assert found is not None
    assert found[0] == " ".join(name.split())
    assert text[found[1] : found[2]].split() == name.split()


@pytest.mark.parametrize(
    "text",
    [
        'the Company (the "Company") will',  # a reference, not a name
        'Northwind Health Corporation (the "Acquiror") and its counsel',  # another defined role
        "There is no defined company in this paragraph.",
    ],
)
def test_no_defined_company(text: str) -> None:
    assert defined_company(text) is None


SUBMISSION = """<SEC-DOCUMENT>0000000000-97-000001.txt : 19971001
<SEC-HEADER>0000000000-97-000001.hdr.sgml : 19971001
ACCESSION NUMBER:\t\t0000000000-97-000001
CONFORMED SUBMISSION TYPE:\t8-K
FILED AS OF DATE:\t\t19971001

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tNORTHWIND HEALTH CORP OF AMERICA INC
\t\tCENTRAL INDEX KEY:\t\t\t0000999991
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<TEXT>
Item 2. Acquisition or Disposition of Assets.

On September 26, 1997, Northwind Health Corporation of America, Inc. (the
"Registrant") agreed to acquire U.S. Brightcare Corporation.
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-2
<SEQUENCE>2
<DESCRIPTION>AGREEMENT AND PLAN OF MERGER
<TEXT>
""" + AGREEMENT_1997 + """
         The Company has appointed Janet Q. Holloway as its Chief Financial
Officer.
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def test_merger_agreement_facts_go_to_the_target(extract_text) -> None:
    ex = extract_text(SUBMISSION)
    rows = rows_of(ex)
    officer = [r for r in rows if r[0] == "Janet Q. Holloway" and r[1] == "officer_of"]
    assert officer, rows
    assert all("Brightcare" in r[2] for r in officer), officer
    registrant = ex.entities[ex.registrant].name
    assert "Northwind" in registrant.title() or "NORTHWIND" in registrant

