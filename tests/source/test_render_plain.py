"""clean_plain: page furniture goes, layout stays, offsets point at the source."""

from __future__ import annotations

import random
from pathlib import Path

from graph.source.render import clean_plain

FILINGS = Path(__file__).resolve().parents[2] / "data" / "filings"


def _squash(s: str) -> str:
    return "".join(s.split())


def test_page_markers_and_page_numbers_removed() -> None:
    src = "First page text line.\n\n                 1\n<PAGE>\n\nSecond page text.\n<PAGE>   2\nThird.\n"
    part = clean_plain(src)
    assert "<PAGE>" not in part.text
    assert "\n1\n" not in part.text and not any(line.strip() == "1" for line in part.text.split("\n"))
    assert part.text == "First page text line.\n\nSecond page text.\nThird."


def test_number_inside_text_is_not_a_page_number() -> None:
    src = "Shares outstanding:\n12\nshares held by insiders\n"
    assert "12" in clean_plain(src).text.split("\n")


def test_edgar_table_tags_removed_but_rows_kept() -> None:
    src = "<TABLE>\n<CAPTION>\nName             Shares <F1>\n<S>              <C>\nJohn Smith       1,000\n</TABLE>\n"
    part = clean_plain(src)
    assert part.text == "Name             Shares\nJohn Smith       1,000"


def test_tabs_expanded_cr_removed_trailing_spaces_dropped() -> None:
    src = "A\tB   \r\nC\r\n"
    part = clean_plain(src)
    assert part.text == "A       B\nC"
    # every expanded space maps to the tab, every other char to itself
    assert [src[o] for o in part.offsets[:-1]] == ["A"] + ["\t"] * 7 + ["B", "\n", "C"]
    assert part.offsets[-1] == len(src)


def test_layout_is_kept() -> None:
    src = "     Delaware          0-18926              11-2928178\n(State or other (Commission File No.)\n"
    assert clean_plain(src).text.split("\n")[0] == "     Delaware          0-18926              11-2928178"


def test_slice_offsets_are_absolute() -> None:
    src = "HEADER STUFF\n<TEXT>\nHello world\n</TEXT>\n"
    start = src.index("Hello")
    end = src.index("</TEXT>")
    part = clean_plain(src, start, end)
    assert part.text == "Hello world"
    assert part.offsets[0] == start and part.offsets[-1] == end
    assert part.source_span(0, 5) == (start, start + 5)


def test_offsets_random_spans_on_real_exhibit() -> None:
    src = (FILINGS / "000_7210d5438e3bcbbd.txt").read_text()
    part = clean_plain(src)
    assert "Samuel J. Furrow, Jr." in part.text
    rng = random.Random(7)
    for _ in range(300):
        i = rng.randrange(len(part.text))
        j = rng.randrange(i, min(len(part.text), i + 400) + 1)
        a, b = part.source_span(i, j)
        assert _squash(src[a:b]) == _squash(part.text[i:j])


def test_offsets_random_spans_with_page_breaks() -> None:
    """Across removed <PAGE> lines the clean text is what is left of the source span."""
    src = (FILINGS / "001_d211dfa7cc6225bc.txt").read_text()
    part = clean_plain(src)
    assert "<PAGE>" not in part.text
    rng = random.Random(3)
    for _ in range(300):
        i = rng.randrange(len(part.text))
        j = rng.randrange(i, min(len(part.text), i + 400) + 1)
        a, b = part.source_span(i, j)
        raw = src[a:b]
        if "<PAGE>" not in raw:
            assert _squash(raw) == _squash(part.text[i:j])
        else:
            it = iter(_squash(raw))
            assert all(ch in it for ch in _squash(part.text[i:j]))  # a subsequence
    for k, ch in enumerate(part.text):
        if not ch.isspace():
            assert src[part.offsets[k]] == ch


def test_crlf_line_endings() -> None:
    src = "Line one  \r\nLine two\r\n<PAGE>\r\nThree\r\n\r\n    2\r\n<PAGE>\r\nFour\r\n"
    part = clean_plain(src)
    assert part.text == "Line one\nLine two\nThree\n\nFour"
    assert all(src[o] == ch for o, ch in zip(part.offsets, part.text))
