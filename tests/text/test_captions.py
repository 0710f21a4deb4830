"""Caption/value pairing by layout (graph.text.captions), with invented captions and values."""

import re

from graph.text.captions import read_pairs, segments

PATTERNS = {"colour": re.compile(r"\(\s*colou?r", re.I), "size": re.compile(r"\(\s*size", re.I)}


def _word(text: str, loose: bool):
    v = text.strip()
    return [] if (loose or not v or " " in v) else [(v, text.find(v), text.find(v) + len(v))]


def _digits(text: str, loose: bool):
    m = re.search(r"\b\d+\b", text)
    return [(m.group(), m.start(), m.end())] if m else []


VALIDATORS = {"colour": _word, "size": _digits}


def pairs(text):
    return {(p.kind, p.value, p.how) for p in read_pairs(text, PATTERNS, VALIDATORS)}


def test_segments_split_cells_and_column_gaps():
    assert segments("a b  c") == [(0, 3), (5, 6)]
    assert segments("red | 12") == [(0, 3), (6, 8)]


def test_fixed_width_columns_pair_by_position():
    text = "    Crimson             42\n(Colour of thing)   (Size in cm)\n"
    assert pairs(text) == {("colour", "Crimson", "above"), ("size", "42", "above")}


def test_columns_pair_even_when_captions_touch():
    # two captions separated by one space: each still owns its own columns
    text = "  Teal        7\n(Colour) (Size)\n"
    assert pairs(text) == {("colour", "Teal", "above"), ("size", "7", "above")}


def test_cells_pair_by_index():
    text = "Teal | 7\n(Colour) | (Size)\n"
    assert pairs(text) == {("colour", "Teal", "above"), ("size", "7", "above")}


def test_value_before_caption_in_its_cell():
    text = "Teal (Colour) | 7 (Size)\n"
    assert pairs(text) == {("colour", "Teal", "cell"), ("size", "7", "cell")}


def test_value_below_caption_and_rules_skipped():
    text = "(Size)\n------\n   9\n"
    assert pairs(text) == {("size", "9", "below")}


def test_another_caption_row_stops_the_search():
    # the colour caption's row above belongs to the size caption: no value is borrowed from it
    text = "12\n(Size)\n(Colour)\n"
    assert pairs(text) == {("size", "12", "above")}


def test_parentheses_in_prose_are_not_captions():
    assert pairs("The widget (colour blue) is sold by size.\n") == set()
