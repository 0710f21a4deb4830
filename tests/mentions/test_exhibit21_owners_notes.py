"""Exhibit 21: the list's owner from an "X and Subsidiaries" heading, and footnotes laid out as table rows.

Heading lines and footnote rows are real excerpts of filings of several
filers and eras (a 2000 plain-text financial-statement heading, a mixed-case
2000s heading, 2004/2021 HTML footnote tables, a 2006 footnote line); the
list rows around them use invented names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.mentions.exhibit21 import find_list_owner, note_parents, read_list
from graph.mentions.exhibit21_cells import read_name
from graph.mentions.exhibit21_layout import footnote, split_rows
from tests.conftest import rows_of


@pytest.fixture
def ex21(extract, tmp_path):
    """Extract an EX-21 exhibit whose body is ``body`` (HTML if it starts with '<')."""

    def run(body: str, doc_type: str = "EX-21") -> object:
        ext = "htm" if body.lstrip().startswith("<") else "txt"
        p = Path(tmp_path) / f"exhibit.{ext}"
        p.write_text(f"<DOCUMENT>\n<TYPE>{doc_type}\n<SEQUENCE>7\n<TEXT>\n{body}\n</TEXT>\n</DOCUMENT>\n", encoding="utf-8")
        return extract(p)

    return run


def _names(ex) -> set[str]:
    return {e.name for e in ex.entities.values()}


# --- owner headings -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "heading, owner",
    [
        ("                   KINNARD INVESTMENTS, INC. AND SUBSIDIARIES", "KINNARD INVESTMENTS, INC."),  # 2000, plain text
        ("Asta Funding, Inc. and Subsidiaries", "Asta Funding, Inc."),  # mixed case
        ("ECHOSTAR CORPORATION AND SUBSIDIARIES", "ECHOSTAR CORPORATION"),  # 2026, HTML title
        ("NORVALE TECHNOLOGIES, INC. & SUBSIDIARIES", "NORVALE TECHNOLOGIES, INC."),
        ("Norvale Holdings Corp. and its Subsidiaries", "Norvale Holdings Corp."),
        ("NORVALE STORES AND SUBSIDIARIES", "NORVALE STORES"),  # "and" marks a name without a suffix
        ("Norvale & Subsidiaries", "Norvale"),
    ],
)
def test_owner_heading_and_subsidiaries(heading: str, owner: str) -> None:
    text = f"Exhibit 21\n{heading}\nLIST OF SUBSIDIARIES\nNorvale Labs LLC | Delaware\n"
    found = find_list_owner(text)
    assert found is not None and found[0] == owner
    assert text[found[1]:found[2]] == owner


@pytest.mark.parametrize(
    "heading",
    [
        "DOMESTIC SUBSIDIARIES",
        "LIST OF SUBSIDIARIES",
        "Exhibit 21 Subsidiaries",
        "the Company and its subsidiaries",
        "Domestic and Foreign Subsidiaries",
        "Parent and Subsidiaries",
        "Joint Ventures and Subsidiaries",
    ],
)
def test_headings_that_name_no_owner(heading: str) -> None:
    assert find_list_owner(f"{heading}\nNorvale Labs LLC | Delaware\n") is None


# --- footnotes laid out as table rows -------------------------------------------------------

@pytest.mark.parametrize(
    "line, mark",
    [
        ("(1) | This is a subsidiary of DISH Network Corporation", "1"),  # 2026 Ex-21 table
        ("* | Broker nonvotes do not affect the outcome of the vote.", "*"),  # 2021 8-K footnote table
        ("* | The information furnished under Item 12 of the Current Report on Form 8-K shall not be deemed", "*"),  # 2004
        ("1 | Wholly owned by Norvale Holdings Corp.", "1"),
        ("*  Horizon Bank is the wholly-owned subsidiary of Horizon.", "*"),  # 2006 footnote line
    ],
)
def test_footnote_rows_are_notes(line: str, mark: str) -> None:
    (row,) = split_rows(line)
    note = footnote(row)
    assert note is not None and note[0] == mark


@pytest.mark.parametrize(
    "line",
    [
        "1 | Norvale Labs LLC | Delaware",  # a numbered entry
        "(2) | Norvale do Brasil Ltda. | Brazil | 100%",
        "* | Norvale Europe B.V.",
    ],
)
def test_numbered_entries_are_not_notes(line: str) -> None:
    (row,) = split_rows(line)
    assert footnote(row) is None


@pytest.mark.parametrize(
    "note, parent",
    [
        ("This is a subsidiary of DISH DBS Corporation", "DISH DBS Corporation"),
        ("Horizon Bank is the wholly-owned subsidiary of Horizon.", "Horizon"),
        ("Wholly owned by Norvale Holdings Corp.", "Norvale Holdings Corp."),
        ("Owned 99.9% by Norvale Satellite L.L.C.", "Norvale Satellite L.L.C."),
        ("Norvale Holdings Corp. owns 60%.", "Norvale Holdings Corp."),
        ("Norvale Labs LLC holds a 51% interest.", "Norvale Labs LLC"),
        ("Held indirectly through Norvale Europe B.V.", "Norvale Europe B.V."),
    ],
)
def test_note_names_the_immediate_parent(note: str, parent: str) -> None:
    assert note_parents(note) == [parent]


def test_joint_venture_note_names_both_owners() -> None:
    note = "50% owned by Norvale Labs LLC and 50% by Norvale Europe B.V."
    assert note_parents(note) == ["Norvale Labs LLC", "Norvale Europe B.V."]


@pytest.mark.parametrize(
    "note", ["Broker nonvotes do not affect the outcome of the vote.", "This is a subsidiary of the Registrant."]
)
def test_notes_that_name_no_parent(note: str) -> None:
    assert note_parents(note) == []


def test_superscript_mark_flat_against_a_suffix() -> None:
    named = read_name("Norvale Two LLC2")
    assert named is not None and named.name == "Norvale Two LLC" and named.marks == ["2"]
    plain = read_name("Norvale Fund 2")  # a number that is part of a name stays
    assert plain is not None and plain.name == "Norvale Fund 2" and plain.marks == []


MARK_COLUMN_TABLE = """<html><body>
<p style="text-align:right">Exhibit 21</p>
<p style="text-align:center">NORVALE TECHNOLOGIES CORPORATION AND SUBSIDIARIES</p>
<p style="text-align:center">LIST OF SUBSIDIARIES</p>
<p style="text-align:center">As of December 31, 2025</p>
<table>
<tr><td>Subsidiary</td><td>State or Country of Incorporation</td><td>% of Ownership</td><td></td><td>Name Doing Business As</td></tr>
<tr><td>Norvale Network Corporation</td><td>Nevada</td><td>100%</td><td></td><td>NNC</td></tr>
<tr><td>Norvale Broadcast Corporation</td><td>Colorado</td><td>100%</td><td>(1)</td><td>NBC</td></tr>
<tr><td>Norvale Wireless L.L.C.</td><td>Colorado</td><td>100%</td><td>(2)</td><td>Norvale Wireless</td></tr>
<tr><td>Norvale Orbit, Inc.<sup>3</sup></td><td>Delaware</td><td>100%</td><td></td><td></td></tr>
</table>
<table>
<tr><td>(1)</td><td>This is a subsidiary of Norvale Network Corporation</td></tr>
<tr><td>(2)</td><td>This is a subsidiary of Norvale Broadcast Corporation</td></tr>
<tr><td><sup>3</sup></td><td>Norvale Network Corporation owns 80%</td></tr>
</table>
</body></html>"""


def test_mark_column_and_footnote_table(ex21) -> None:
    ex = ex21(MARK_COLUMN_TABLE)
    rows = rows_of(ex)
    owner = "NORVALE TECHNOLOGIES CORPORATION"
    filed = {r[2] for r in rows if r[1] == "filed_by"}
    assert {f.lower() for f in filed} == {owner.lower()}
    owner_rows = {r for r in rows if r[1] == "subsidiary_of" and r[2].lower() == owner.lower()}
    assert {r[0] for r in owner_rows} == {
        "Norvale Network Corporation", "Norvale Broadcast Corporation", "Norvale Wireless L.L.C.", "Norvale Orbit, Inc."
    }
    # a footnoted row is also subsidiary_of the parent its note names
    assert ("Norvale Broadcast Corporation", "subsidiary_of", "Norvale Network Corporation") in rows
    assert ("Norvale Wireless L.L.C.", "subsidiary_of", "Norvale Broadcast Corporation") in rows
    assert ("Norvale Orbit, Inc.", "subsidiary_of", "Norvale Network Corporation") in rows
    assert ("Norvale Network Corporation", "state_of_incorporation", "Nevada") in rows
    # footnote rows never become companies; the unfootnoted row has no second parent
    assert not any(n.startswith(("This is", "Norvale Network Corporation owns")) for n in _names(ex))
    assert not any(r[0] == "Norvale Network Corporation" and r[1] == "subsidiary_of" and r[2].lower() != owner.lower() for r in rows)


NOTES_WITHOUT_HEADING_OWNER = """Exhibit 21
Norvale Labs LLC (1) | Delaware
Norvale Optics Ltd. (1) | Ireland
(1) | Wholly owned by Norvale Group Holdings Inc.
"""


def test_heading_owner_outranks_footnote_root(ex21) -> None:
    with_heading = rows_of(ex21("Exhibit 21\nNORVALE PARENT CORP. & SUBSIDIARIES\n" + NOTES_WITHOUT_HEADING_OWNER[11:]))
    filed = {r[2].lower() for r in with_heading if r[1] == "filed_by"}
    assert filed == {"norvale parent corp."}
    assert ("Norvale Labs LLC", "subsidiary_of", "Norvale Group Holdings Inc.") in with_heading
    # without a heading the root the footnotes name is the owner
    without = rows_of(ex21(NOTES_WITHOUT_HEADING_OWNER))
    assert {r[2] for r in without if r[1] == "filed_by"} == {"Norvale Group Holdings Inc."}


def test_reading_keeps_footnote_rows_out_of_entries() -> None:
    text = "Name | Jurisdiction\nNorvale Labs LLC | Delaware | (1)\n(1) | This is a subsidiary of Norvale Group Holdings Inc.\n"
    reading = read_list(text)
    assert [e.name for e in reading.entries] == ["Norvale Labs LLC"]
    assert reading.entries[0].marks == ["1"]
    assert [p[0] for p in reading.note_parents["1"]] == ["Norvale Group Holdings Inc."]


NOTE_NAMES_THE_OWNER = """<html><body><p>EXHIBIT 21.1</p><p>Quorvex Industries, Inc. and its Subsidiaries</p>
<table><tr><td>Name</td><td>Jurisdiction of Organization</td></tr>
<tr><td>Quorvex Holdings LLC</td><td>Delaware</td></tr>
<tr><td>Quorvex Europe B.V.*</td><td>Netherlands</td></tr>
<tr><td>Quorvex GmbH**</td><td>Germany</td></tr>
<tr><td>Quorvex Japan K.K.<sup>(a)</sup></td><td>Japan</td></tr>
</table>
<p>* Wholly owned by QUORVEX INDUSTRIES, INC.</p>
<p>** Held indirectly through Quorvex Europe B.V.</p>
<p>(a) 50% owned by Quorvex Holdings LLC and 50% by Quorvex Europe B.V.</p>
</body></html>"""


def test_notes_naming_owner_intermediate_and_joint_owners(ex21) -> None:
    ex = ex21(NOTE_NAMES_THE_OWNER, "EX-21.1")
    rows = rows_of(ex)
    subs = {(r[0], r[2]) for r in rows if r[1] == "subsidiary_of"}
    owner = "Quorvex Industries, Inc."
    assert {(n, owner) for n in ("Quorvex Holdings LLC", "Quorvex Europe B.V.", "Quorvex GmbH", "Quorvex Japan K.K.")} <= subs
    assert ("Quorvex GmbH", "Quorvex Europe B.V.") in subs
    assert ("Quorvex Japan K.K.", "Quorvex Holdings LLC") in subs
    assert ("Quorvex Japan K.K.", "Quorvex Europe B.V.") in subs
    # the note naming the owner in capitals adds no second owner entity
    assert len(subs) == 7
    assert sum(1 for n in _names(ex) if n.lower() == owner.lower()) == 1
