from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.normalize.money import parse_money
from graph.normalize.numbers import find_numbers, format_decimal, parse_number
from graph.normalize.percent import parse_percent

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int) -> str:
    """English words for 0 <= n < 10**9 (test oracle)."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        return _UNITS[n // 100] + " hundred" + (" " + spell(n % 100) if n % 100 else "")
    for scale, word in ((10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            return spell(n // scale) + " " + word + (" " + spell(n % scale) if n % scale else "")
    raise AssertionError(n)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2,996,667", "2996667"),
        ("ten million", "10000000"),
        ("two million", "2000000"),
        ("1.5 million", "1500000"),
        ("twelve", "12"),
        ("$2.5 million", "2500000"),
        ("(1,000)", "-1000"),
        ("three (3)", "3"),
        ("ten million (10,000,000)", "10000000"),
        ("seven and one-half", "7.5"),
        ("one hundred twenty-five thousand", "125000"),
        (".05", "0.05"),
        ("7 1/2", "7.5"),
        ("US$1,000", "1000"),
        ("a million", "1000000"),
        ("4.", "4"),
    ],
)
def test_parse_number(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value is not None
    assert format_decimal(value) == expected


@pytest.mark.parametrize("text", ["", "abc", "2/7/05", "five five", "one and two", "7.5%", "1.2.3"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2500000", "2500000"), ("1.530", "1.53"), ("0.0135", "0.0135"), ("4.00", "4"), ("2.5E+6", "2500000"),
     ("-0.0", "0"), ("0", "0"), ("1E-7", "0.0000001")],
)
def test_format_decimal(value: str, expected: str) -> None:
    assert format_decimal(Decimal(value)) == expected


def test_find_numbers_spans() -> None:
    text = "sold 2,996,667 shares at $3.00 and ten million options on 2/7/05"
    spans = find_numbers(text)
    assert [(text[s:e], format_decimal(v)) for s, e, v in spans] == [
        ("2,996,667", "2996667"), ("3.00", "3"), ("ten million", "10000000"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("$4.00", "4"), ("$.05", "0.05"), ("$0.0135", "0.0135"), ("$2.5 million", "2500000"),
     ("$451,875", "451875"), ("US$1,000", "1000"), ("4.00 per share", "4"), ("50 cents", "0.5"),
     ("an exercise price of $1.53 per share for 312,500 shares", "1.53")],
)
def test_parse_money(text: str, expected: str) -> None:
    value = parse_money(text)
    assert value is not None and format_decimal(value) == expected


def test_parse_money_none() -> None:
    assert parse_money("no amount here") is None
    assert parse_money("") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7.5%", "7.5"), ("7.5 percent", "7.5"), ("seven and one-half percent", "7.5"), ("12.5 %", "12.5"),
     ("7.5", "7.5"), ("interest at 8% per annum", "8"), ("7 1/2%", "7.5"), ("six per cent", "6")],
)
def test_parse_percent(text: str, expected: str) -> None:
    value = parse_percent(text)
    assert value is not None and format_decimal(value) == expected


def test_parse_percent_none() -> None:
    assert parse_percent("no rate") is None


@given(st.integers(min_value=0, max_value=10**15))
def test_integer_round_trip(n: int) -> None:
    assert format_decimal(parse_number(str(n))) == str(n)
    assert format_decimal(parse_number(f"{n:,}")) == str(n)


@given(st.integers(min_value=0, max_value=10**12))
def test_two_decimal_round_trip(cents: int) -> None:
    amount = Decimal(cents) / 100
    text = f"{amount:.2f}"
    assert parse_number(text) == amount
    assert format_decimal(parse_number(text)) == format_decimal(Decimal(text))
    assert parse_money(f"${amount:,.2f}") == amount


@given(st.integers(min_value=0, max_value=999_999_999))
def test_spelled_numbers(n: int) -> None:
    assert parse_number(spell(n)) == n


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**9, max_value=10**9, places=6))
def test_format_decimal_is_plain_and_exact(d: Decimal) -> None:
    text = format_decimal(d)
    assert "E" not in text and "e" not in text
    assert Decimal(text) == d
    assert not ("." in text and text.endswith("0"))
