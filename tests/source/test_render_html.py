"""html_to_text: visible text only, readable tables, exact offsets."""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

from graph.source.render import exact_source_span, html_to_text

FILINGS = Path(__file__).resolve().parents[2] / "data" / "filings"


def _check_offsets(src: str, text: str, offsets: list[int]) -> None:
    """Each visible character is its source character, or was decoded from an entity there."""
    assert len(offsets) == len(text) + 1
    assert all(a <= b for a, b in zip(offsets, offsets[1:]))
    for i, ch in enumerate(text):
        if ch.isspace() or ch == "|":
            continue
        assert src[offsets[i]] == ch or src[offsets[i]] == "&", (i, ch, src[offsets[i] - 10 : offsets[i] + 10])


def test_invisible_content_dropped() -> None:
    src = (
        "<html><head><title>T</title><style>p {color: red}</style></head><body>"
        "<script>var x = '<p>no</p>';</script><!-- a comment -->"
        "<p>Shown</p><div style=\"display: none\">Hidden text</div><p>Also shown</p></body></html>"
    )
    part = html_to_text(src)
    assert part.text == "Shown\nAlso shown"
    _check_offsets(src, part.text, part.offsets)


def test_entities_decoded_and_mapped_to_their_start() -> None:
    src = "<p>Joe&#8217;s&nbsp;Jeans &amp; Co.</p>"
    part = html_to_text(src)
    assert part.text == "Joe\u2019s Jeans & Co."
    i = part.text.index("\u2019")
    assert src[part.offsets[i] : part.offsets[i] + 7] == "&#8217;"
    _check_offsets(src, part.text, part.offsets)


def test_blocks_and_br_become_line_breaks() -> None:
    src = "<div>UNITED STATES</div><div>SECURITIES AND<br>EXCHANGE COMMISSION</div>"
    assert html_to_text(src).text == "UNITED STATES\nSECURITIES AND\nEXCHANGE COMMISSION"


def test_table_rows_are_lines_with_cells_joined() -> None:
    src = (
        "<table><tr><td>Name</td><td></td><td>&nbsp;</td><td>Jurisdiction<br>of Incorporation</td></tr>"
        "<tr><td>Apple Asia LLC</td><td>Delaware, U.S.</td></tr></table>"
    )
    part = html_to_text(src)
    assert part.text.split("\n") == ["Name | Jurisdiction of Incorporation", "Apple Asia LLC | Delaware, U.S."]
    _check_offsets(src, part.text, part.offsets)


def test_unclosed_cells_and_uppercase_tags() -> None:
    src = "<TABLE><TR><TD>a<TD>b<TR><TD>c<TD>d</TABLE>after"
    assert html_to_text(src).text.split("\n") == ["a | b", "c | d", "after"]


def test_preformatted_text_in_a_div_keeps_its_layout() -> None:
    src = "<html><body><div>          FORM 8-K\n\n     Nevada        0-30448\n(State)\n</div></body></html>"
    part = html_to_text(src)
    assert part.text == "          FORM 8-K\n\n     Nevada        0-30448\n(State)"
    _check_offsets(src, part.text, part.offsets)


def test_apple_exhibit_21_subsidiary_table() -> None:
    src = (FILINGS / "EX-21.1_Apple_10-K-FY2025.htm").read_text()
    part = html_to_text(src)
    lines = part.text.split("\n")
    assert lines[0] == "Exhibit 21.1"
    assert "Apple Asia LLC | Delaware, U.S." in lines
    assert "Braeburn Capital, Inc. | Nevada, U.S." in lines
    assert "Document" not in part.text  # the <title>
    _check_offsets(src, part.text, part.offsets)


def test_apple_exhibit_32_signature_lines() -> None:
    src = (FILINGS / "EX-32.1_Apple_2025-05-02.htm").read_text()
    part = html_to_text(src)
    assert "By: | /s/ Timothy D. Cook\nTimothy D. Cook\nChief Executive Officer" in part.text
    assert "March 29, 2025" in part.text  # &#160; decoded to a plain space
    _check_offsets(src, part.text, part.offsets)


def test_random_spans_match_the_source_up_to_markup_and_whitespace() -> None:
    src = (FILINGS / "EX-32.1_Apple_2025-05-02.htm").read_text()
    part = html_to_text(src)
    rng = random.Random(11)

    def visible(s: str) -> str:
        return "".join(html.unescape(re.sub(r"<[^>]*>", " ", s)).split())

    for _ in range(300):
        i = rng.randrange(len(part.text))
        j = rng.randrange(i, min(len(part.text), i + 300) + 1)
        while i < j and part.text[i] in " |\n":  # spans of interest start and end on visible text
            i += 1
        while j > i and part.text[j - 1] in " |\n":
            j -= 1
        a, b = exact_source_span(part, src, i, j)
        expected = "".join(part.text[i:j].replace(" | ", " ").split())
        assert visible(src[a:b]) == expected


def test_exact_span_includes_a_trailing_entity() -> None:
    src = "<p>Date&#58; May 2</p>"
    part = html_to_text(src)
    i = part.text.index(":")
    assert part.source_span(0, i + 1) == (3, 8)  # ends just after the "&"
    assert src[slice(*exact_source_span(part, src, 0, i + 1))] == "Date&#58;"


def test_inline_xbrl_header_and_unclosed_head_are_invisible() -> None:
    src = (
        "<html><head><title>10-K</title><body>"
        '<div style="display:none"><ix:header><ix:hidden>dei:EntityCentralIndexKey 0000320193</ix:hidden></ix:header></div>'
        "<p>Apple Inc.</p></body></html>"
    )
    assert html_to_text(src).text == "Apple Inc."
