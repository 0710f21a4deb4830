"""Property-based tests of the normalisers: any text in, a typed value or None out, never an exception.

The example-based tests next to this file pin what each normaliser reads; these
check the laws that must hold for *every* input (totality, round trips,
idempotence, canonical forms), because filings contain text nobody wrote an
example for. Money, percent, dates, durations, names and titles.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.model import TITLES
from graph.normalize.dates import find_dates, parse_date
from graph.normalize.durations import duration_months_days, parse_duration, parse_iso_duration
from graph.normalize.money import parse_money
from graph.normalize.names import (
    company_core,
    name_key,
    natural_person_name,
    same_company_name,
    surname_first_to_natural,
    titlecase_company,
    titlecase_name,
)
from graph.normalize.percent import parse_percent
from graph.normalize.titles import is_title_text, parse_titles

#: Text that looks like filings: digits, currency, punctuation, number words, units and noise.
_WORDS = ["$", "US$", "USD", "dollars", "cents", "%", "percent", "per", "share", "million", "billion",
          "one", "twelve", "half", "and", "years", "months", "days", "weeks", "June", "Dec.", ",", ".",
          "(", ")", "-", "/", "Chief", "Executive", "Officer", "Director", "Inc.", "Corp", "LLC"]
filing_text = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.integers(0, 10**9).map(str), st.text(max_size=6)), max_size=12
).map(" ".join)
any_text = st.one_of(st.text(max_size=200), filing_text)
cents = st.integers(min_value=0, max_value=10**11)
small_settings = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ money


@small_settings
@given(any_text)
def test_money_is_total(text: str) -> None:
    value = parse_money(text)
    assert value is None or isinstance(value, Decimal)


@given(cents, st.sampled_from(["${}", "US${}", "{} dollars", "USD {}", "approximately ${} per share"]))
def test_money_round_trips_formatted_amounts(c: int, template: str) -> None:
    amount = Decimal(c) / 100
    assert parse_money(template.format(f"{amount:,.2f}")) == amount


@given(st.integers(min_value=1, max_value=99))
def test_cents_are_hundredths_of_a_dollar(c: int) -> None:
    assert parse_money(f"{c} cents") == Decimal(c) / 100


# ------------------------------------------------------------------ percent


@small_settings
@given(any_text)
def test_percent_is_total(text: str) -> None:
    value = parse_percent(text)
    assert value is None or isinstance(value, Decimal)


@given(st.decimals(min_value=0, max_value=100, places=3, allow_nan=False, allow_infinity=False),
       st.sampled_from(["{}%", "{} %", "{} percent", "{} per cent", "interest at {}% per annum"]))
def test_percent_round_trips(value: Decimal, template: str) -> None:
    assert parse_percent(template.format(value)) == value


# ------------------------------------------------------------------ dates


@small_settings
@given(any_text)
def test_dates_are_total_and_spans_are_exact(text: str) -> None:
    d = parse_date(text)
    assert d is None or isinstance(d, date)
    for start, end, found in find_dates(text):
        assert 0 <= start < end <= len(text)
        assert parse_date(text[start:end]) == found  # the span alone says the same date


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)), st.text(alphabet=" ,;:\n", max_size=3))
def test_dates_in_running_text(d: date, sep: str) -> None:
    text = f"On{sep} {d.strftime('%B')} {d.day}, {d.year}{sep} the Company"
    assert [x for _, _, x in find_dates(text)] == [d]


# ------------------------------------------------------------------ durations


@small_settings
@given(any_text)
def test_durations_are_total_and_canonical(text: str) -> None:
    iso = parse_duration(text)
    if iso is None:
        return
    assert parse_iso_duration(iso) is not None  # always a valid ISO 8601 duration
    assert parse_duration(iso) == iso  # canonical: parsing the result changes nothing
    months, days = duration_months_days(iso)
    assert months >= 0 and days >= 0


@given(st.integers(1, 120), st.sampled_from(["year", "month", "week", "day"]))
def test_duration_units_compare_by_value(n: int, unit: str) -> None:
    iso = parse_duration(f"{n} {unit}{'s' if n > 1 else ''}")
    assert iso == f"P{n}{unit[0].upper()}"
    months, days = duration_months_days(iso)
    expected = {"year": (12 * n, 0), "month": (n, 0), "week": (0, 7 * n), "day": (0, n)}[unit]
    assert (months, days) == tuple(Decimal(x) for x in expected)


# ------------------------------------------------------------------ names

name_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@small_settings
@given(name_text)
def test_name_functions_are_total(text: str) -> None:
    for fn in (surname_first_to_natural, titlecase_name, natural_person_name, company_core, titlecase_company):
        assert isinstance(fn(text), str)
    assert isinstance(same_company_name(text, text), bool)


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz.,&'-", min_size=1, max_size=40))
def test_a_company_name_matches_itself_and_its_case_variants(name: str) -> None:
    if not name_key(name):
        return
    assert same_company_name(name, name)
    assert same_company_name(name, name.upper()) == same_company_name(name.upper(), name)


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz.,'-", max_size=40))
def test_titlecase_is_idempotent(text: str) -> None:
    once = titlecase_name(text)
    assert titlecase_name(once) == once
    company = titlecase_company(text)
    assert titlecase_company(company) == company


# ------------------------------------------------------------------ titles


@small_settings
@given(any_text)
def test_title_parsing_is_total(text: str) -> None:
    result = parse_titles(text)
    assert all(t in TITLES for t in result.titles)
    assert isinstance(result.director, bool) and isinstance(is_title_text(text), bool)


@given(st.sampled_from(TITLES), st.sampled_from([str.upper, str.lower, str.title, lambda s: s]))
def test_titles_are_case_insensitive(title: str, case) -> None:
    assert title in parse_titles(case(title)).titles
