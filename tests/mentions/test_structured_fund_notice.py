"""A fund's Form 24F-2 notice: the fund issued shares; counts from its numbered items."""

from __future__ import annotations

from tests.conftest import rows_of

HEADER = """<SEC-DOCUMENT>0000000000-96-000001.txt : 19960102
<SEC-HEADER>0000000000-96-000001.hdr.sgml : 19960102
ACCESSION NUMBER:\t\t0000000000-96-000001
CONFORMED SUBMISSION TYPE:\t{form}
PUBLIC DOCUMENT COUNT:\t\t1
FILED AS OF DATE:\t\t19951228

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tHALLORAN INCOME TRUST
\t\tCENTRAL INDEX KEY:\t\t\t0000999001
\t\tSTATE OF INCORPORATION:\t\t\tMA

\tFILING VALUES:
\t\tFORM TYPE:\t\t{form}
\t\tSEC FILE NUMBER:\t033-99999
</SEC-HEADER>
<DOCUMENT>
<TYPE>{form}
<SEQUENCE>1
<TEXT>
                                  FORM 24F-2
                       ANNUAL NOTICE OF SECURITIES SOLD
________________________________________________________________________________

1.  Name and address of issuer:
    Halloran Income Trust
________________________________________________________________________________

8.  Number and amount of securities registered during the fiscal year other
than pursuant to rule 24f-2:

          -0-
________________________________________________________________________________

9.  Number and aggregate sale price of securities sold during the fiscal year:

        4,100,250                               $41,002,500
________________________________________________________________________________

10.  Number and aggregate sale price of securities sold during the fiscal year
in reliance upon registration pursuant to rule 24f-2:

         4,100,250                                   $41,002,500
________________________________________________________________________________

11.  Number and aggregate sale price of securities issued during the fiscal
year in connection with dividend reinvestment plans, if applicable:

         310,020                                   $3,100,200
________________________________________________________________________________

12.  Calculation of registration fee:

    (i)  Aggregate sale price of securities sold during the
         fiscal year in reliance on rule 24f-2 (from Item 10): $    41,002,500
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def test_fund_notice_counts(extract_text) -> None:
    rows = rows_of(extract_text(HEADER.format(form="24F-2NT")))
    key = "Halloran Income Trust / Common Stock"
    assert ("Halloran Income Trust", "issued", "Common Stock") in rows
    counts = {r[2] for r in rows if r[0] == key and r[1] == "shares"}
    assert counts == {"4100250", "310020"}  # items 9/10 repeat one count; fee lines and prices are no counts


def test_other_forms_do_not_read_numbered_items(extract_text) -> None:
    """Negative: the same numbered layout in a filing that is no fund notice gives no share counts."""
    rows = rows_of(extract_text(HEADER.format(form="N-30D")))
    assert not any(r[1] == "shares" for r in rows)
