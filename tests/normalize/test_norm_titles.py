from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.model import TITLES
from graph.normalize.titles import TitleParse, is_title_text, parse_titles

CEO, CFO = "Chief Executive Officer", "Chief Financial Officer"


@pytest.mark.parametrize(
    ("text", "titles", "director"),
    [
        ("President and Chief Executive Officer", ["President", CEO], False),
        ("Chief Executive Officer and Director", [CEO], True),
        ("Sr. VP, GC, CAO & Secretary",
         ["Senior Vice President", "General Counsel", "Chief Accounting Officer", "Secretary"], False),
        ("Executive Vice President and Chief Financial Officer", ["Executive Vice President", CFO], False),
        ("Senior Vice President, Chief Financial Officer", ["Senior Vice President", CFO], False),
        ("CEO, CFO, Chairman", [CEO, CFO, "Chairman"], False),
        ("Chairman of the Board", ["Chairman"], False),
        ("Chairman of the Board of Directors", ["Chairman"], False),
        ("Vice President and General Manager", ["Vice President"], False),
        ("Vice President, Chief Financial Officer and Secretary", ["Vice President", CFO, "Secretary"], False),
        ("(Principal Executive Officer)", ["Principal Executive Officer"], False),
        ("PRINCIPAL EXEUCTIVE OFFICER", ["Principal Executive Officer"], False),
        ("Principle Financial Officer", ["Principal Financial Officer"], False),
        ("Vice Chairman", ["Vice Chairman"], False),
        ("Executive Vice President", ["Executive Vice President"], False),
        ("Assistant Secretary", ["Assistant Secretary"], False),
        ("Chief Executive Officer", [CEO], False),
        ("Executive Officer", ["Executive Officer"], False),
        ("Treasurer", ["Treasurer"], False),
        ("Controller", ["Controller"], False),
        ("Comptroller", ["Controller"], False),
        ("Managing Member", ["Managing Member"], False),
        ("CTO", ["Chief Technology Officer"], False),
        ("COO", ["Chief Operating Officer"], False),
        ("CAO", ["Chief Accounting Officer"], False),
        ("PAO", ["Principal Accounting Officer"], False),
        ("PFO", ["Principal Financial Officer"], False),
        ("PEO", ["Principal Executive Officer"], False),
        ("Pres.", ["President"], False),
        ("Director", [], True),
        ("Corporate Secretary", ["Secretary"], False),
        ("General Partner", [], False),
        ("President and CEO", ["President", CEO], False),
        ("President/CEO", ["President", CEO], False),
        ("Principal Financial and Accounting Officer",
         ["Principal Financial Officer", "Principal Accounting Officer"], False),
        ("Principal Executive Officer and Director", ["Principal Executive Officer"], True),
        ("Managing Director", [], False),
        ("Director of Marketing", [], False),
        ("Assistant Treasurer", [], False),
        ("Executive Officer, Director", ["Executive Officer"], True),
        ("President, Executive Officer", ["President"], False),
        ("Vice Chair", ["Vice Chairman"], False),
        ("C.E.O.", [CEO], False),
        ("", [], False),
    ],
)
def test_parse_titles(text: str, titles: list[str], director: bool) -> None:
    assert parse_titles(text) == TitleParse(titles=titles, director=director)


@given(st.text(max_size=80))
def test_parse_titles_only_vocabulary(text: str) -> None:
    result = parse_titles(text)
    assert all(t in TITLES for t in result.titles)
    assert len(result.titles) == len(set(result.titles))


@given(st.lists(st.sampled_from(TITLES), min_size=1, max_size=4, unique=True), st.sampled_from([", ", " and ", " & "]))
def test_vocabulary_titles_parse_to_themselves(titles: list[str], sep: str) -> None:
    result = parse_titles(sep.join(titles)).titles
    expected = [t for t in titles if not (t == "Executive Officer" and len(titles) > 1)]
    assert result == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chief Executive Officer and Director", True),
        ("Director", True),
        ("CEO", True),
        ("Vice President and General Manager", True),
        ("attorney-in-fact", True),
        ("Samuel J. Furrow, Jr.", False),
        ("Jerry Dix", False),
        ("PAGE AMERICA GROUP, INC.", False),
        ("", False),
    ],
)
def test_is_title_text(text: str, expected: bool) -> None:
    assert is_title_text(text) is expected
