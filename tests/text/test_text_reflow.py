"""reflow: paragraphs joined, layout lines kept, offsets composed."""

from __future__ import annotations

import random
from pathlib import Path

from graph.source.render import clean_plain, html_to_text
from graph.text import reflow

FILINGS = Path(__file__).resolve().parents[2] / "data" / "filings"


def test_paragraph_lines_are_joined_and_spaces_collapsed() -> None:
    src = (
        "     The  convertible  promissory  note issued to each purchaser\n"
        "bears interest at a rate of 7.5% per annum and has a maturity\n"
        "date twelve months from the date of issuance.\n"
        "\n"
        "Next paragraph.\n"
    )
    part = reflow(clean_plain(src))
    assert part.text == (
        "The convertible promissory note issued to each purchaser bears interest at a rate of 7.5% per "
        "annum and has a maturity date twelve months from the date of issuance.\n\nNext paragraph."
    )


def test_layout_lines_stay_separate() -> None:
    src = (
        "                     INNOVO GROUP INC.\n"
        "   (Exact name of registrant as specified in charter)\n"
        "     Delaware          0-18926              11-2928178\n"
        "(State or other (Commission File No.)     (IRS Employer\n"
        "Apple Asia LLC | Delaware, U.S.\n"
        "Apple Canada Inc. | Canada\n"
    )
    lines = reflow(clean_plain(src)).text.split("\n")
    assert lines == [
        "INNOVO GROUP INC.",
        "(Exact name of registrant as specified in charter)",
        "Delaware | 0-18926 | 11-2928178",  # column gaps become cell separators
        "(State or other (Commission File No.) | (IRS Employer",
        "Apple Asia LLC | Delaware, U.S.",
        "Apple Canada Inc. | Canada",
    ]


def test_signature_block_is_not_joined() -> None:
    src = "February 27, 2004\n\n     /s/ Samuel J. Furrow, Jr.\n     Samuel J. Furrow, Jr.\n     Chief Executive Officer\n"
    assert reflow(clean_plain(src)).text.split("\n")[2:] == [
        "/s/ Samuel J. Furrow, Jr.",
        "Samuel J. Furrow, Jr.",
        "Chief Executive Officer",
    ]


def test_hyphen_at_line_end_joins_without_space() -> None:
    src = (FILINGS / "8-K_5GWireless_2004-09-30.htm").read_text()
    assert "Rule 14d-\n      2(b)" in src
    assert "pursuant to Rule 14d-2(b) under the Exchange Act" in reflow(html_to_text(src)).text


def test_html_paragraphs_are_not_merged() -> None:
    src = (
        "<div>On August 3, 2009, Lawrence Scharfman, CPA was dismissed as the Company's auditor.</div>"
        "<div>On August 3, 2009, the Company retained Larry O'Donnell, CPA, PC as auditor.</div>"
    )
    lines = [x for x in reflow(html_to_text(src)).text.split("\n") if x]
    assert len(lines) == 2


def test_offsets_compose_through_reflow() -> None:
    src = (FILINGS / "002_d72a9ef88ce946c1.txt").read_text()
    clean = clean_plain(src)
    flowed = reflow(clean)
    assert len(flowed.text) < len(clean.text)
    assert "we executed agreements for the sale of convertible promissory notes and common stock" in flowed.text
    rng = random.Random(5)
    for _ in range(300):
        i = rng.randrange(len(flowed.text))
        j = rng.randrange(i, min(len(flowed.text), i + 300) + 1)
        a, b = flowed.source_span(i, j)
        # " | " marks a column gap of the source: it maps to spaces, like a collapsed gap
        piece = flowed.text[i:j] if "|" in src[a:b] else flowed.text[i:j].replace("|", "")
        assert "".join(src[a:b].split()) == "".join(piece.split())
    for k, ch in enumerate(flowed.text):
        if ch == "|" and flowed.text[k - 1 : k + 2] == " | ":
            assert src[flowed.offsets[k]].isspace()
        elif not ch.isspace():
            assert src[flowed.offsets[k]] == ch


def test_xml_rendering_lines_are_never_joined() -> None:
    from graph.model import TextPart

    text = "footnote: Vesting commencement date is March 31, 2025 and then monthly.\nsignatureName: Jane Doe"
    part = TextPart(text, list(range(len(text) + 1)), kind="xml")
    assert reflow(part).text == text


def test_short_ragged_line_continued_in_lower_case_is_joined() -> None:
    src = "basis pursuant to Rule 415 under the Securities Act of 1933,\nother than securities offered only in\nconnection with dividend plans.\n"
    assert reflow(clean_plain(src)).text == (
        "basis pursuant to Rule 415 under the Securities Act of 1933, other than securities offered only in "
        "connection with dividend plans."
    )
