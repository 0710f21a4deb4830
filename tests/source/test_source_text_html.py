"""Plain-text and HTML documents: one clean part and the form type printed at the top."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import TextPart
from graph.source import read_source
from graph.source.formtype import guess_form_type
from graph.source.render import clean_plain

FILINGS = Path(__file__).resolve().parents[2] / "data" / "filings"


@pytest.mark.parametrize(
    ("name", "form", "printed"),
    [
        ("000_7210d5438e3bcbbd.txt", "EX-32", "EXHIBIT 32"),
        ("001_d211dfa7cc6225bc.txt", "EX-99", "Exhibit 99"),
        ("002_d72a9ef88ce946c1.txt", "8-K", "FORM 8-K"),
        ("8-K_5GWireless_2004-09-30.htm", "8-K", "FORM 8-K"),
        ("EX-32.1_Apple_2025-05-02.htm", "EX-32.1", "Exhibit 32.1"),
        ("EX-21.1_Apple_10-K-FY2025.htm", "EX-21.1", "Exhibit 21.1"),
    ],
)
def test_form_type_from_the_printed_heading(name: str, form: str, printed: str) -> None:
    doc = read_source(FILINGS / name)
    assert doc.form_type is not None
    assert doc.form_type.value == form
    assert doc.source_text[doc.form_type.start : doc.form_type.end] == printed
    assert len(doc.parts) == 1 and doc.parts[0].doc_type == form


def test_plain_exhibit_keeps_signature_layout() -> None:
    doc = read_source(FILINGS / "000_7210d5438e3bcbbd.txt")
    lines = [line.strip() for line in doc.parts[0].text.split("\n")]
    i = lines.index("/s/ Samuel J. Furrow, Jr.")
    assert lines[i + 2 : i + 5] == ["Samuel J. Furrow, Jr.", "Chief Executive Officer", "(Principal Executive Officer)"]


def test_5g_wireless_cover_page_layout_survives_html() -> None:
    doc = read_source(FILINGS / "8-K_5GWireless_2004-09-30.htm")
    text = doc.parts[0].text
    assert "          Nevada                      0-30448                 20-0420885" in text
    assert "5G WIRELESS COMMUNICATIONS, INC." in text
    assert "<div>" not in text


def _part(text: str) -> TextPart:
    return clean_plain(text)


def test_no_printed_type() -> None:
    assert guess_form_type(_part("PRESS RELEASE\n\nAcme Corp. announced today...\n")) is None


def test_mention_in_a_sentence_is_not_a_type() -> None:
    part = _part("In connection with this Annual Report on Form 10-K, which is being filed by Acme.\n")
    assert guess_form_type(part) is None


def test_amendment_heading_gives_slash_a() -> None:
    part = _part("                AMENDMENT NO. 2\n                      TO\n                  FORM S-3\n")
    fv = guess_form_type(part)
    assert fv is not None and fv.value == "S-3/A"


@pytest.mark.parametrize(
    ("heading", "value"),
    [("EXHIBIT 10.1", "EX-10.1"), ("Exhibit 4(a)", "EX-4(A)"), ("FORM 10-Q", "10-Q"), ("FORM 8-K/A", "8-K/A"), ("Form D", "D")],
)
def test_heading_variants(heading: str, value: str) -> None:
    fv = guess_form_type(_part(f"\n   {heading}\n\nBody text follows here.\n"))
    assert fv is not None and fv.value == value
