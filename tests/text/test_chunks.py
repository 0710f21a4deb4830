"""Long parts are cut into parser-sized pieces at natural boundaries, offsets intact."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.model import TextPart
from graph.text.chunks import split_part


def _part(text: str, base: int = 100) -> TextPart:
    return TextPart(text=text, offsets=list(range(base, base + len(text) + 1)))


def test_short_part_is_kept_whole() -> None:
    part = _part("Item 5. Other Events.\n")
    assert split_part(part, 1000) == [part]


def test_cuts_at_blank_lines_first() -> None:
    text = ("a" * 30 + "\n") * 3 + "\n" + ("b" * 30 + "\n") * 3
    pieces = split_part(_part(text), 150)
    assert "".join(p.text for p in pieces) == text
    assert pieces[0].text.endswith("\n\n")


def test_one_line_text_cuts_at_sentences_then_spaces() -> None:
    text = "The Company sold shares. " * 400  # a one-line file, 10,000 characters
    pieces = split_part(_part(text), 1000)
    assert all(len(p.text) <= 1000 for p in pieces)
    assert all(p.text.endswith(". ") for p in pieces[:-1])
    assert "".join(p.text for p in pieces) == text


def test_offsets_follow_the_source() -> None:
    text = "word " * 1000
    part = _part(text, base=7)
    for piece in split_part(part, 333):
        start = piece.offsets[0] - 7
        assert text[start : start + len(piece.text)] == piece.text
        assert piece.source_span(0, len(piece.text)) == (piece.offsets[0], piece.offsets[0] + len(piece.text))


def test_no_boundary_at_all_still_cuts() -> None:
    text = "x" * 2500
    pieces = split_part(_part(text), 1000)
    assert [len(p.text) for p in pieces] == [1000, 1000, 500]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab .\n", min_size=0, max_size=3000), st.integers(min_value=1, max_value=700))
def test_pieces_partition_the_text(text: str, limit: int) -> None:
    pieces = split_part(_part(text), limit)
    assert "".join(p.text for p in pieces) == text
    assert all(len(p.text) <= limit for p in pieces)
    assert all(len(p.offsets) == len(p.text) + 1 for p in pieces)


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError):
        split_part(_part("abc"), 0)


def test_block_bounds_cut_after_blank_lines_and_cover_the_text():
    from graph.text.chunks import block_bounds

    text = "PROSPECTUS\nACME WIDGETS, INC.\n\n   812,400 Shares\n \n\nThis Prospectus relates to shares.\nMore."
    bounds = block_bounds(text, 1000)
    assert "".join(text[s:e] for s, e in bounds) == text
    assert [text[s:e].strip() for s, e in bounds] == [
        "PROSPECTUS\nACME WIDGETS, INC.", "812,400 Shares", "This Prospectus relates to shares.\nMore."]
    long_block = "word " * 100
    assert all(e - s <= 120 for s, e in block_bounds(long_block, 120))  # a long block is still cut at the limit
    assert block_bounds("", 10) == [(0, 0)]
