from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.normalize.dates import find_dates, parse_date
from graph.normalize.durations import duration_months_days, parse_duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 23, 2004", date(2004, 6, 23)),
        ("June 23 , 2004", date(2004, 6, 23)),
        ("Dec. 2, 2003", date(2003, 12, 2)),
        ("2/7/05", date(2005, 2, 7)),
        ("02/07/2005", date(2005, 2, 7)),
        ("2025-05-02", date(2025, 5, 2)),
        ("20040623", date(2004, 6, 23)),
        ("23 June 2004", date(2004, 6, 23)),
        ("February 27,2004", date(2004, 2, 27)),
        ("SEPTEMBER 30, 2004", date(2004, 9, 30)),
        ("Sept. 30, 2004", date(2004, 9, 30)),
        ("23rd day of June, 2004", date(2004, 6, 23)),
        ("1/1/50", date(1950, 1, 1)),
        ("1/1/49", date(2049, 1, 1)),
        ("12/31/99", date(1999, 12, 31)),
        ("1/1/00", date(2000, 1, 1)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "nonsense", "February 30, 2004", "13/45/2004", "June 2004", "2004", "99/1/1"])
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates() -> None:
    text = "Dated: June 23, 2004. FILED AS OF DATE: 20040623; expires 2/7/05 (and 2025-05-02)."
    found = find_dates(text)
    assert [d for _, _, d in found] == [date(2004, 6, 23), date(2004, 6, 23), date(2005, 2, 7), date(2025, 5, 2)]
    assert [text[s:e] for s, e, _ in found] == ["June 23, 2004", "20040623", "2/7/05", "2025-05-02"]


_dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))


@given(_dates)
def test_date_round_trips(d: date) -> None:
    assert parse_date(d.strftime("%B %d, %Y")) == d
    assert parse_date(d.strftime("%b. %d, %Y")) == d
    assert parse_date(d.strftime("%m/%d/%Y")) == d
    assert parse_date(d.strftime("%m/%d/%y")) == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(d.strftime("%Y%m%d")) == d
    assert parse_date(d.strftime("%d %B %Y")) == d


@given(_dates)
def test_find_dates_in_text(d: date) -> None:
    text = f"This Agreement is dated {d.strftime('%B %d, %Y')} by the parties."
    assert [x for _, _, x in find_dates(text)] == [d]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("twelve months", "P12M"), ("five years", "P5Y"), ("5 years", "P5Y"), ("90 days", "P90D"),
     ("one year", "P1Y"), ("three (3) years", "P3Y"), ("eighteen-month", "P18M"), ("18-month term", "P18M"),
     ("These warrants expire five years from the date of issuance", "P5Y"), ("P12M", "P12M"),
     ("p5y", "P5Y"), ("one and one-half years", "P18M"), ("2 weeks", "P2W")],
)
def test_parse_duration(text: str, expected: str) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "nothing here", "P", "Ryan years"])
def test_parse_duration_none(text: str) -> None:
    assert parse_duration(text) is None


def test_duration_values() -> None:
    assert duration_months_days("P1Y") == duration_months_days("P12M")
    assert duration_months_days("P1W") == duration_months_days("P7D")
    assert duration_months_days("P30D") != duration_months_days("P1M")
    assert duration_months_days("twelve months") is None


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["months", "years", "days"]))
def test_duration_digits(n: int, unit: str) -> None:
    assert parse_duration(f"{n} {unit}") == f"P{n}{unit[0].upper()}"
