"""Exhibit 21 cells and rows: jurisdictions as printed, names without marks, captions and notes.

Excerpts are copied from real subsidiary lists of several eras (a 1997
fixed-width list, 2025 HTML tables, bullets and two-across rows).
"""

from __future__ import annotations

import pytest

from graph.mentions.exhibit21 import find_list_owner, read_list
from graph.mentions.exhibit21_cells import jurisdictions, read_name
from graph.mentions.exhibit21_layout import is_caption, merge_wrapped, split_rows


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("Delaware, U.S.", ["Delaware"]),  # 2025 HTML table
        ("Delaware, United States", ["Delaware"]),  # 2026 bullet list
        ("NJ", ["New Jersey"]),  # "(NJ)" postal code
        ("Del.", ["Delaware"]),  # old-style abbreviation
        ("England and Wales", ["England and Wales"]),  # kept as printed
        ("People's Republic of China", ["People's Republic of China"]),
        ("Korea", ["Korea"]),
        ("Delaware and Australia", ["Delaware", "Australia"]),  # 1997: two jurisdictions
        ("State of Nevada", ["Nevada"]),
        ("The Netherlands", ["Netherlands"]),
        ("DELAWARE", ["Delaware"]),
        ("Delaware (U.S.)", ["Delaware"]),
    ],
)
def test_jurisdictions_as_printed(cell, expected):
    assert jurisdictions(cell) == expected


@pytest.mark.parametrize(
    "cell",
    ["100", "55.53", "Name of Subsidiary", "Bandwidth.com CLEC, LLC (Delaware, United States)", "England and", "Apple Inc."],
)
def test_not_jurisdictions(cell):
    assert jurisdictions(cell) == []


def test_footnote_mark_inside_a_name_and_a_postal_code():
    part = read_name("IDT Payment Services, Inc*. (DE)")
    assert part is not None
    assert part.name == "IDT Payment Services, Inc."
    assert part.juris == ["Delaware"] and "*" in part.marks


def test_bullet_and_parenthesised_jurisdiction():
    part = read_name("•Bandwidth Comunicaciones, S. de R.L. de C.V. (Mexico)")
    assert part is not None and part.name == "Bandwidth Comunicaciones, S. de R.L. de C.V."
    assert part.juris == ["Mexico"]


def test_inner_parentheses_stay_in_the_name():
    part = read_name("Coca-Cola (Thailand) Limited")
    assert part is not None and part.name == "Coca-Cola (Thailand) Limited" and not part.juris


def test_percent_dba_and_formerly_are_dropped():
    part = read_name("Quartz Lane Holdings, LLC (80% owned) d/b/a Quartz Lane Outfitters")
    assert part is not None and part.name == "Quartz Lane Holdings, LLC"
    part = read_name("Quartz Lane Retail Inc. (formerly Quartz Lane Stores Inc.) (1)")
    assert part is not None and part.name == "Quartz Lane Retail Inc." and "1" in part.marks


COCA_COLA_1997 = """                                                                   Organized      Percentages
                                                                    Under          of Voting
                                                                    Laws of:       Power
                                                                   ---------      -----------
The Coca-Cola Company                                              Delaware
   Subsidiaries consolidated, except as noted:

         Shanghai Shen-Mei Beverage and Food Co. Ltd.              People's Republic
          (Concentrate Division)                                    of China         100
      Barlan, Inc.                                                 Delaware          100
"""


def test_fixed_width_wrapped_name_and_jurisdiction_join_their_row():
    rows = merge_wrapped(split_rows(COCA_COLA_1997))
    assert all(is_caption(r) for r in rows[:2])  # the three caption lines join into one row
    reading = read_list(COCA_COLA_1997)
    got = {e.name: [j for j, _, _ in e.juris] for e in reading.entries}
    assert got["Shanghai Shen-Mei Beverage and Food Co. Ltd. (Concentrate Division)"] == ["People's Republic of China"]
    assert got["Barlan, Inc."] == ["Delaware"]
    assert got["The Coca-Cola Company"] == ["Delaware"]
    assert not any(n.startswith(("Subsidiaries", "Organized", "Under")) for n in got)


IDT_2025 = """Domestic Subsidiaries
IDT America, Corp. (NJ) | IDT Payment Services, Inc*. (DE)

*IDT Payment Services, Inc. has d/b/a - Boss Revolutions Money Transfers and Boss Money

Foreign Subsidiaries
Name | Country
Versature Communications Corp.* | Canada
"""


def test_two_across_rows_footnotes_and_captions():
    reading = read_list(IDT_2025)
    got = {e.name: [j for j, _, _ in e.juris] for e in reading.entries}
    assert got == {
        "IDT America, Corp.": ["New Jersey"],
        "IDT Payment Services, Inc.": ["Delaware"],
        "Versature Communications Corp.": ["Canada"],
    }


def test_owner_from_a_title_split_over_two_lines_and_a_possessive():
    assert find_list_owner("Exhibit 21.1\nSubsidiaries of\nApple Inc.*\nJurisdiction of Incorporation\n")[0] == "Apple Inc."
    text = "In accordance with SEC rules, the following is a list of IDT Corporation’s (IDT) subsidiaries as of July 31, 2025"
    assert find_list_owner(text)[0] == "IDT Corporation"
    assert find_list_owner("SUBSIDIARIES OF THE REGISTRANT\nName | Jurisdiction\n") is None
