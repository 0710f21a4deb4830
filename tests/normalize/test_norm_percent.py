"""Percentages as debt titles and rate clauses print them, fractions included."""

from decimal import Decimal

import pytest

from graph.normalize.percent import parse_percent


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6 3/4%", "6.75"),  # 1995 text-era title
        ("6-3/4%", "6.75"),  # hyphenated whole and fraction
        ("8¾%", "8.75"),  # a vulgar fraction in modern HTML
        ("7 1/2 percent", "7.5"),
        ("2.350%", "2.350"),
        ("12.5 %", "12.5"),
    ],
)
def test_fractional_rates(text, value):
    assert parse_percent(text) == Decimal(value)


def test_a_range_is_not_a_fraction():
    # "5-10%" is a range; only the hyphen before a fraction joins a whole number to it
    assert parse_percent("5-10%") == Decimal("10")
    assert parse_percent("no rate here") is None
