"""Schedules 13D/13G: cover rows read by their captions, in fixed-width text and HTML-table layouts."""

from __future__ import annotations

from graph.mentions.schedule13 import class_title, item3_checklist, person_types, read_cover_blocks, reporting_name
from tests.conftest import rows_of

# 2024 HTML cover table (rendered: one row per line, cells split by bars), real excerpt
HTML_ROWS = """1 | NAME OF REPORTING PERSON Glazer Capital, LLC

2 | CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP | (a) ¨ (b) ¨

3 | SEC USE ONLY
4 | CITIZENSHIP OR PLACE OF ORGANIZATION State of Delaware

NUMBER OF SHARES BENEFICIALLY OWNED BY EACH REPORTING PERSON WITH: | 5 | SOLE VOTING POWER 0

6 | SHARED VOTING POWER 3,394,114
7 | SOLE DISPOSITIVE POWER 0
8 | SHARED DISPOSITIVE POWER 3,394,114
9 | AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON 3,394,114

10 | CHECK BOX IF THE AGGREGATE AMOUNT IN ROW (9) EXCLUDES CERTAIN SHARES | ¨

11 | PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (9) 5.31%

12 | TYPE OF REPORTING PERSON IA, OO
1 | NAME OF REPORTING PERSON Paul J. Glazer

2 | CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP | (a) ¨ (b) ¨

3 | SEC USE ONLY
4 | CITIZENSHIP OR PLACE OF ORGANIZATION United States

12 | TYPE OF REPORTING PERSON IN
Item 1(a). | NAME OF ISSUER:
"""

# 1990s fixed-width 13G: values on the lines under the captions, the share-count stub interleaved (invented names)
TEXT_13G = """                                 SCHEDULE 13G

                   Under the Securities Exchange Act of 1934
                              (Amendment No. 1)*

                            Harbor Lantern Foods, Inc.
                               (Name of Issuer)

                         Common Stock, $.10 par value
                        (Title of Class of Securities)

                                   411234105
                                (CUSIP Number)

CUSIP No. 411234105                   13G                  Page 2 of 6 Pages

  1   NAME OF REPORTING PERSON
      S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSON

      Brightwater Asset Partners, L.P.
      13-3456789

  2   CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP*         (a) [ ]
                                                                (b) [X]
  3   SEC USE ONLY

  4   CITIZENSHIP OR PLACE OF ORGANIZATION

      Delaware

                5   SOLE VOTING POWER
  NUMBER OF
   SHARES             1,250,000
BENEFICIALLY    6   SHARED VOTING POWER
  OWNED BY
    EACH              -0-
 REPORTING      7   SOLE DISPOSITIVE POWER
  PERSON
   WITH               1,250,000
                8   SHARED DISPOSITIVE POWER
                      -0-
  9   AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON

      1,250,000

 10   CHECK BOX IF THE AGGREGATE AMOUNT IN ROW (9) EXCLUDES CERTAIN SHARES*

 11   PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW 9

      6.2%

 12   TYPE OF REPORTING PERSON*

      PN

CUSIP No. 411234105                   13G                  Page 3 of 6 Pages

  1   NAME OF REPORTING PERSON
      S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSON

      Margaret T. Olander

  2   CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP*         (a) [ ]
                                                                (b) [X]
  3   SEC USE ONLY

  4   CITIZENSHIP OR PLACE OF ORGANIZATION

      United States

 12   TYPE OF REPORTING PERSON*

      IN

Item 3.     If this statement is filed pursuant to Rules 13d-1(b), or 13d-2(b),
            check whether the person filing is a:

            (a) [ ] Broker or Dealer registered under Section 15 of the Act
            (d) [ ] Investment Company registered under Section 8 of the
                    Investment Company Act

Item 4.     Ownership.
"""

# 13D rows 1-14 in title case, the I.R.S. caption as its own line after the name (invented names)
TEXT_13D = """SCHEDULE 13D

Quillfeather Robotics Corp.
(Name of Issuer)

Class A Ordinary Shares
(Title of Class of Securities)

1.  Names of Reporting Persons.
    Northpine Activist Fund Ltd.
    I.R.S. Identification Nos. of above persons (entities only).
    98-0123456
2.  Check the Appropriate Box if a Member of a Group (See Instructions)   (a) [X]   (b) [ ]
3.  SEC Use Only
4.  Source of Funds (See Instructions)   WC
5.  Check if Disclosure of Legal Proceedings Is Required Pursuant to Items 2(d) or 2(e)   [ ]
6.  Citizenship or Place of Organization   Cayman Islands
11. Aggregate Amount Beneficially Owned by Each Reporting Person   2,500,000
13. Percent of Class Represented by Amount in Row (11)   9.8%
14. Type of Reporting Person (See Instructions)   CO
"""


def test_html_rows_value_in_the_caption_cell() -> None:
    blocks = read_cover_blocks(HTML_ROWS)
    assert [reporting_name(b).text for b in blocks] == ["Glazer Capital, LLC", "Paul J. Glazer"]  # type: ignore[union-attr]
    company, person = blocks
    assert [c.text for c in company.rows["citizenship"]] == ["State of Delaware"]
    assert person_types(company) == ["IA", "OO"] and person_types(person) == ["IN"]
    assert company.rows["percent"][0].text.startswith("5.31%")


def test_fixed_width_rows_values_below_captions() -> None:
    blocks = read_cover_blocks(TEXT_13G)
    assert [reporting_name(b).text for b in blocks] == ["Brightwater Asset Partners, L.P.", "Margaret T. Olander"]  # type: ignore[union-attr]
    fund = blocks[0]
    # the stub's words ("NUMBER OF", "SHARES", "BENEFICIALLY") are never the place of organisation
    assert fund.rows["citizenship"][0].text == "Delaware"
    assert fund.rows["aggregate"][0].text == "1,250,000"
    assert person_types(fund) == ["PN"]


def test_13d_rows_and_separate_irs_caption() -> None:
    [block] = read_cover_blocks(TEXT_13D)
    assert reporting_name(block).text == "Northpine Activist Fund Ltd."  # type: ignore[union-attr]
    assert block.rows["irs"][0].text == "98-0123456"
    assert block.rows["citizenship"][0].text == "Cayman Islands"
    assert person_types(block) == ["CO"]


def test_a_row_number_before_the_next_caption_is_not_part_of_the_value() -> None:
    [block] = read_cover_blocks("1. NAME OF REPORTING PERSON Acme Widget Partners LP 2. CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP")
    assert reporting_name(block).text == "Acme Widget Partners LP"  # type: ignore[union-attr]


def test_item_4_prose_is_not_a_cover_row() -> None:
    prose = "Item 4. Ownership. (a) Amount beneficially owned: 1,000 shares. (b) Percent of class: 5.1%.\n"
    assert read_cover_blocks(prose) == []


def test_class_title_over_its_caption() -> None:
    cell = class_title(TEXT_13G)
    assert cell is not None and cell.text == "Common Stock, $.10 par value"
    assert class_title("Common Stock\nno caption here\n") is None


def test_item3_checklist_span_only_in_13g_layout() -> None:
    span = item3_checklist(TEXT_13G)
    assert span is not None and "Investment Company" in TEXT_13G[span[0] : span[1]]
    # a 13D's Item 3 is prose about the source of funds: not claimed
    assert item3_checklist("Item 3. Source and Amount of Funds\nNorthpine Fund used working capital.\nItem 4.\n") is None


def test_text_13g_facts(extract_text) -> None:
    rows = rows_of(extract_text(TEXT_13G))
    issuer = "Harbor Lantern Foods, Inc."
    assert ("Brightwater Asset Partners, L.P.", "shareholder_of", issuer) in rows
    assert ("Margaret T. Olander", "shareholder_of", issuer) in rows
    assert ("Brightwater Asset Partners, L.P.", "state_of_incorporation", "Delaware") in rows
    assert ("Brightwater Asset Partners, L.P.", "irs_employer_id", "13-3456789") in rows
    assert (issuer, "issued", "Common Stock") in rows
    # a natural person's citizenship is not a state of incorporation
    assert not any(r[0] == "Margaret T. Olander" and r[1] == "state_of_incorporation" for r in rows)
    # the Item 3 checklist names categories, not companies
    assert not any("Investment Company" in r[0] for r in rows)
    assert not any(r[0].upper().startswith("NAME OF") for r in rows)


def test_text_13d_facts(extract_text) -> None:
    rows = rows_of(extract_text(TEXT_13D))
    fund = "Northpine Activist Fund Ltd."
    assert (fund, "shareholder_of", "Quillfeather Robotics Corp.") in rows
    assert (fund, "state_of_incorporation", "Cayman Islands") in rows
    assert (fund, "irs_employer_id", "98-0123456") in rows
    # "Class A Ordinary Shares" names ordinary shares outright
    assert ("Quillfeather Robotics Corp.", "issued", "Common Stock") in rows


def test_cover_captions_outside_a_schedule_are_not_read(extract_text) -> None:
    text = "FORM 8-K\n\nAcme Holdings Corp.\n(Exact name of registrant as specified in its charter)\n\n" + HTML_ROWS
    rows = rows_of(extract_text(text))
    assert not any(r[1] == "shareholder_of" for r in rows)


def test_xml_schedule_signer_titles_go_to_the_reporting_person(extract) -> None:
    rows = rows_of(extract("SCHEDULE13G_JushiHoldings-Marex_2025-11-26.xml"))
    assert ("Jennifer Kaiser", "officer_of", "Marex Securities Products Inc.", "Chief Operating Officer") in rows
    assert ("Scott Linsley", "officer_of", "Marex Group plc", "Secretary") in rows
    assert not any(r[1] == "officer_of" and r[2] == "Jushi Holdings Inc." for r in rows)
    assert ("Marex Group plc", "state_of_incorporation", "United Kingdom") in rows
    assert ("Marex Group plc", "postal_code", "EC2M 3TQ") in rows


ITEM2_SHARED = """
Item 2(a). | NAME OF PERSON FILING:
This statement is filed by Glazer Capital, LLC and Mr. Paul J. Glazer.
Item 2(b). | ADDRESS OF PRINCIPAL BUSINESS OFFICE OR, IF NONE, RESIDENCE:
The address of the business office of each of the Reporting Persons is 250 West 55th Street, Suite 30A, New York, New York 10019.
Item 3. | IF THIS STATEMENT IS FILED PURSUANT TO RULES 13d-1(b) OR 13d-2(b) OR (c), CHECK WHETHER THE PERSON FILING IS A:
"""

# two reporting companies with their own addresses (invented names)
ITEM2_EACH = """
Item 2.     Name, Address and Citizenship of Person Filing:

            Brightwater Asset Partners, L.P.
            14191 Harbor Road, Tustin, California 92780

            Kestrel Lane Holdings plc
            155 Old Street, London EC2M 3TQ, United Kingdom

Item 3.     Not applicable.
"""

KESTREL_ROWS = """1 | NAME OF REPORTING PERSON Kestrel Lane Holdings plc
4 | CITIZENSHIP OR PLACE OF ORGANIZATION England and Wales
12 | TYPE OF REPORTING PERSON HC
"""


def test_item2_one_address_for_every_reporting_company(extract_text) -> None:
    rows = rows_of(extract_text(TEXT_13G.replace("Item 3.", ITEM2_SHARED.replace("Glazer Capital, LLC", "Brightwater Asset Partners, L.P.") + "\nItem 3.", 1)))
    assert ("Brightwater Asset Partners, L.P.", "postal_code", "10019") in rows
    assert not any(r[0] == "Margaret T. Olander" and r[1] == "postal_code" for r in rows)  # a Company relation


def test_item2_each_address_follows_its_name(extract_text) -> None:
    text = TEXT_13G.replace("Item 3.", KESTREL_ROWS + ITEM2_EACH + "\nItem 3.", 1)
    rows = rows_of(extract_text(text))
    assert ("Brightwater Asset Partners, L.P.", "postal_code", "92780") in rows  # not the street number 14191
    assert ("Kestrel Lane Holdings plc", "postal_code", "EC2M 3TQ") in rows
    assert ("Kestrel Lane Holdings plc", "state_of_incorporation", "United Kingdom") in rows
