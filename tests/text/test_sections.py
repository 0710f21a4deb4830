"""Outline headings and caption rows found by layout, in several eras' renderings."""

from __future__ import annotations

import pytest

from graph.text.sections import find_sections, heading_spans, is_caption_row, is_heading


@pytest.mark.parametrize(
    "line",
    [
        "Item 9.01. | Financial Statements and Exhibits.",  # 2023 HTML table cell layout
        "ITEM 5.  OTHER EVENTS",  # 1995 fixed-width text
        "Item 5.02 Departure of Directors or Certain Officers; Election of Directors.",
        "SECTION 9. FINANCIAL STATEMENTS AND EXHIBITS.",
        "Items 1 and 2.  Business and Properties.",
        "PART III",
        "                                   SIGNATURES",
        "EXHIBIT INDEX",
        "Item 13. Certain Relationships and Related Transactions, and Director Independence.",
    ],
)
def test_headings(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "On July 17, 2023, the Board appointed John Doe as Chief Financial Officer.",
        "Signatures of the persons listed below appear on the following page, and each",
        "John Smith",
        "items of income are reported as follows.",
        "Itemized deductions",
    ],
)
def test_not_headings(line: str) -> None:
    assert not is_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "Title of each class | Trading Symbol | Name of each exchange on which registered",
        "Exhibit Number | Description",
        "Name | Age | Position",
        "Signature | Title | Date",
    ],
)
def test_caption_rows(line: str) -> None:
    assert is_caption_row(line)


@pytest.mark.parametrize(
    "line",
    [
        "Common Stock, par value $0.10 per share | FDX | New York Stock Exchange",
        "John A. Smith | 52 | President and Chief Executive Officer",
        "/s/ Jane Doe | Director | March 1, 2024",
        "Jane Doe | Richard Roe",  # two signers side by side: names, not captions
    ],
)
def test_not_caption_rows(line: str) -> None:
    assert not is_caption_row(line)


def test_sections_split_the_text() -> None:
    text = "Cover\n\nItem 5.02 Departure of Directors.\nJohn Doe resigned.\n\nItem 9.01 Financial Statements and Exhibits.\n(d) Exhibits\n\nSIGNATURES\nBy: /s/ Jane Roe\n"
    secs = find_sections(text)
    assert [s.title for s in secs] == [
        "Item 5.02 Departure of Directors.",
        "Item 9.01 Financial Statements and Exhibits.",
        "SIGNATURES",
    ]
    assert "John Doe resigned." in text[secs[0].start : secs[0].end]
    assert text[secs[2].start : secs[2].end].startswith("SIGNATURES")
    spans = heading_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Item 5.02 Departure of Directors.",
        "Item 9.01 Financial Statements and Exhibits.",
        "SIGNATURES",
    ]
