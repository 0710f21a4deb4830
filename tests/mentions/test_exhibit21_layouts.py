"""Exhibit 21 subsidiary lists in the layouts filers use, end to end.

Each test writes a small EX-21 document (an SGML <DOCUMENT> block, as EDGAR
serves exhibits) in one layout, with invented names, and checks the facts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import rows_of


@pytest.fixture
def ex21(extract, tmp_path):
    """Extract an EX-21 exhibit whose body is ``body`` (HTML if it starts with '<')."""

    def run(body: str, doc_type: str = "EX-21.1"):
        ext = "htm" if body.lstrip().startswith("<") else "txt"
        p = Path(tmp_path) / f"exhibit.{ext}"
        p.write_text(f"<DOCUMENT>\n<TYPE>{doc_type}\n<SEQUENCE>5\n<TEXT>\n{body}\n</TEXT>\n</DOCUMENT>\n", encoding="utf-8")
        return extract(p)

    return run


def _names(ex) -> set[str]:
    return {e.name for e in ex.entities.values()}


HTML_TABLE_EXTRA_COLUMNS = """<html><body>
<p style="text-align:center">EXHIBIT 21</p>
<p style="text-align:center">SUBSIDIARIES OF ZEPHYR ORBITAL CORPORATION</p>
<table>
<tr><td>Name of Subsidiary</td><td></td><td>State or Country of Incorporation</td><td>Percent Owned</td></tr>
<tr><td>Zephyr Ground Systems, Inc.</td><td></td><td>Colorado</td><td>100%</td></tr>
<tr><td>Zephyr Satellite Holdings L.L.C.</td><td>(1)</td><td>Nevada</td><td>100%</td></tr>
<tr><td>Zephyr do Brasil Ltda.</td><td>(2)</td><td>Brazil</td><td>99.9%</td></tr>
</table>
<p>(1) Wholly-owned subsidiary of Zephyr Ground Systems, Inc.</p>
<p>(2) Owned 99.9% by Zephyr Satellite Holdings L.L.C.</p>
</body></html>"""


def test_html_table_with_ownership_and_footnote_columns(ex21):
    rows = rows_of(ex21(HTML_TABLE_EXTRA_COLUMNS))
    owner = "Zephyr Orbital Corporation"
    assert ("Zephyr Ground Systems, Inc.", "subsidiary_of", owner) in rows
    assert ("Zephyr Ground Systems, Inc.", "state_of_incorporation", "Colorado") in rows
    assert ("Zephyr do Brasil Ltda.", "state_of_incorporation", "Brazil") in rows
    # a footnote naming the immediate parent adds that parent
    assert ("Zephyr Satellite Holdings L.L.C.", "subsidiary_of", "Zephyr Ground Systems, Inc.") in rows
    assert ("Zephyr do Brasil Ltda.", "subsidiary_of", "Zephyr Satellite Holdings L.L.C.") in rows
    # percentages are no jurisdictions, captions no companies
    assert not any(r[1] == "state_of_incorporation" and "%" in r[2] for r in rows)
    assert not any(r[0].startswith(("Name", "Percent", "State or")) for r in rows)


TWO_ACROSS = """<html><body>
<p>Exhibit 21.01</p>
<p>The following is a list of Quillfeather Holdings Corp.'s subsidiaries as of June 30, 2024.</p>
<p>Domestic Subsidiaries</p>
<table>
<tr><td>Quill Paper, Inc. (NJ)</td><td>Quill Ink, LLC* (DE)</td></tr>
<tr><td>Quill Pens of New York, LLC (DE)</td></tr>
</table>
<p>*Quill Ink, LLC has d/b/a - Quill Writing Supplies</p>
<p>Foreign Subsidiaries</p>
<table>
<tr><td>Name</td><td>Country</td></tr>
<tr><td>Quill Argentina S.A.</td><td>Argentina</td></tr>
<tr><td>Quill Europe B.V.</td><td>The Netherlands</td></tr>
</table>
</body></html>"""


def test_two_across_name_with_postal_code_and_groups(ex21):
    ex = ex21(TWO_ACROSS, "EX-21.01")
    rows = rows_of(ex)
    owner = "Quillfeather Holdings Corp."
    assert ("Quill Paper, Inc.", "state_of_incorporation", "New Jersey") in rows
    assert ("Quill Ink, LLC", "subsidiary_of", owner) in rows  # footnote mark dropped
    assert ("Quill Ink, LLC", "state_of_incorporation", "Delaware") in rows
    assert ("Quill Pens of New York, LLC", "subsidiary_of", owner) in rows
    assert ("Quill Argentina S.A.", "state_of_incorporation", "Argentina") in rows
    names = _names(ex)
    assert not any(n.startswith(("Domestic", "Foreign", "Name")) for n in names)
    assert "Quill Writing Supplies" not in names


BULLETS = """<html><body>
<div>EXHIBIT 21.1</div>
<div>List of Subsidiaries of Brightwater Signal Inc.</div>
<div>&#8226;Brightwater.net Carrier, LLC (Delaware, United States)</div>
<div>&#8226;UK Brightwater Limited (England and Wales)</div>
<div>&#8226;Brightwater Comunicaciones, S. de R.L. de C.V. (Mexico)</div>
</body></html>"""


def test_bulleted_name_with_jurisdiction_in_parentheses(ex21):
    ex = ex21(BULLETS)
    rows = rows_of(ex)
    owner = "Brightwater Signal Inc."
    assert ("Brightwater.net Carrier, LLC", "state_of_incorporation", "Delaware") in rows
    assert ("UK Brightwater Limited", "state_of_incorporation", "England and Wales") in rows
    assert ("Brightwater Comunicaciones, S. de R.L. de C.V.", "subsidiary_of", owner) in rows
    assert not any("List of" in n for n in _names(ex))


# the 1990s fixed-width layout: indented levels, wrapped names and jurisdictions
FIXED_WIDTH = """
                    SUBSIDIARIES OF THE GRANITE MILLS COMPANY
                                                                   Organized      Percentages
                                                                    Under          of Voting
                                                                    Laws of:       Power
                                                                   ---------      -----------
The Granite Mills Company                                          Delaware
   Subsidiaries consolidated, except as noted:

   Granite Export Corporation                                      Delaware          100
      Atlantic Quarries                                            Cayman Islands    100
         Pedra Branca Mineracao Industria e Comercio
          do Nordeste Ltda.                                        Brazil             66.63
         Granite Holdings (Europe) Limited                         England and       100
                                                                    Wales
      Granite Overseas Limited                                     Delaware and      100
                                                                    Australia

Other subsidiaries whose combined size is not significant:
   Eleven domestic wholly-owned subsidiaries consolidated
"""


def test_fixed_width_columns_with_wrapped_lines(ex21):
    ex = ex21(FIXED_WIDTH)
    rows = rows_of(ex)
    owner = "The Granite Mills Company"
    assert (owner, "state_of_incorporation", "Delaware") in rows
    assert ("Atlantic Quarries", "subsidiary_of", owner) in rows  # indentation alone names no parent
    assert ("Atlantic Quarries", "subsidiary_of", "Granite Export Corporation") not in rows
    assert ("Pedra Branca Mineracao Industria e Comercio do Nordeste Ltda.", "state_of_incorporation", "Brazil") in rows
    assert ("Granite Holdings (Europe) Limited", "state_of_incorporation", "England and Wales") in rows
    assert ("Granite Overseas Limited", "state_of_incorporation", "Delaware") in rows
    assert ("Granite Overseas Limited", "state_of_incorporation", "Australia") in rows
    names = _names(ex)
    assert not any(n.startswith(("Subsidiaries", "Eleven", "Other", "Organized")) for n in names)
    assert "Do Nordeste Ltda." not in names and "do Nordeste Ltda." not in names


JURISDICTION_HEADINGS = """
                         SUBSIDIARIES OF HALCYON TOOLWORKS, INC.

Delaware:
   Halcyon Finance Corporation
   Halcyon Realty Company
Germany:
   Halcyon Werkzeuge GmbH & Co. KG
"""


def test_jurisdiction_heading_applies_to_the_names_under_it(ex21):
    rows = rows_of(ex21(JURISDICTION_HEADINGS, "EX-21"))
    owner = "Halcyon Toolworks, Inc."
    assert ("Halcyon Finance Corporation", "state_of_incorporation", "Delaware") in rows
    assert ("Halcyon Realty Company", "subsidiary_of", owner) in rows
    assert ("Halcyon Werkzeuge GmbH & Co. KG", "state_of_incorporation", "Germany") in rows
    assert ("Halcyon Werkzeuge GmbH & Co. KG", "state_of_incorporation", "Delaware") not in rows


SENTENCE_ENTRIES = """<html><body>
<p>EXHIBIT 21</p>
<p>SUBSIDIARIES OF THE REGISTRANT</p>
<p>Lumen Harbor Corporation has the following subsidiaries:</p>
<p>1. Harbor Lights, Inc., a Delaware corporation</p>
<p>2. Harbor Freight Logistics LLC, an Ohio limited liability company</p>
<p>3. Harbor Peru S.A.C., organized under the laws of Peru</p>
<p>4. Harbor Canada Ltd. - Ontario, Canada</p>
</body></html>"""


def test_numbered_sentence_entries(ex21):
    rows = rows_of(ex21(SENTENCE_ENTRIES, "EX-21"))
    assert ("Harbor Lights, Inc.", "state_of_incorporation", "Delaware") in rows
    assert ("Harbor Freight Logistics LLC", "state_of_incorporation", "Ohio") in rows
    assert ("Harbor Peru S.A.C.", "state_of_incorporation", "Peru") in rows
    assert ("Harbor Canada Ltd.", "state_of_incorporation", "Ontario") in rows


def test_old_state_abbreviations_and_dot_leaders(ex21):
    body = """
                   SUBSIDIARIES OF KESTREL MOTOR FREIGHT, INC.

Kestrel Leasing Corp. ...................................... Del.
Kestrel Warehousing, Inc. (d/b/a Kestrel Storage) .......... Calif.
Kestrel Truck Parts, Inc. (formerly Kestrel Supply Co.) .... N.Y.
"""
    ex = ex21(body, "EX-21")
    rows = rows_of(ex)
    owner = "Kestrel Motor Freight, Inc."
    assert ("Kestrel Leasing Corp.", "state_of_incorporation", "Delaware") in rows
    assert ("Kestrel Warehousing, Inc.", "state_of_incorporation", "California") in rows
    assert ("Kestrel Truck Parts, Inc.", "subsidiary_of", owner) in rows
    assert ("Kestrel Truck Parts, Inc.", "state_of_incorporation", "New York") in rows
    assert not any("d/b/a" in n or "formerly" in n for n in _names(ex))


def test_a_non_exhibit_part_is_not_read_as_a_list(ex21):
    """An 8-K that mentions subsidiaries is not read as a subsidiary list."""
    body = """CURRENT REPORT

Item 8.01 Other Events.
Orchid Lane Inc. announced that its subsidiaries of record, Orchid Bay LLC (Delaware), will merge.
"""
    ex = ex21(body, "8-K")
    assert not any(f.evidence and f.evidence.method.startswith("rule:exhibit21") for f in ex.facts)


PARENT_COLUMN = """<html><body>
<p>Exhibit 21</p>
<p>Subsidiaries of Marlin Crest Energy, Inc.</p>
<table>
<tr><td>Entity</td><td>Jurisdiction of Organization</td><td>Owned By</td></tr>
<tr><td>Marlin Crest Midstream LLC</td><td>Texas</td><td>Marlin Crest Energy, Inc.</td></tr>
<tr><td>Marlin Crest Pipeline, L.P.</td><td>Delaware</td><td>Marlin Crest Midstream LLC</td></tr>
</table>
</body></html>"""


def test_parent_column_names_the_immediate_parent(ex21):
    ex = ex21(PARENT_COLUMN, "EX-21")
    rows = rows_of(ex)
    owner = "Marlin Crest Energy, Inc."
    assert ("Marlin Crest Midstream LLC", "subsidiary_of", owner) in rows
    assert ("Marlin Crest Pipeline, L.P.", "subsidiary_of", "Marlin Crest Midstream LLC") in rows
    assert ("Marlin Crest Pipeline, L.P.", "subsidiary_of", owner) in rows
    assert ("Marlin Crest Pipeline, L.P.", "state_of_incorporation", "Delaware") in rows
    assert not any(r[1] == "subsidiary_of" and r[0] == owner for r in rows)
