from __future__ import annotations

import pytest

from graph.normalize.places import EDGAR_COUNTRY_CODES, US_STATES, normalize_jurisdiction


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DE", "Delaware"), ("CA", "California"), ("nv", "Nevada"), ("Delaware, U.S.", "Delaware"),
        ("Arizona, U.S.", "Arizona"), ("State of Nevada", "Nevada"), ("the State of Delaware", "Delaware"),
        ("Commonwealth of Pennsylvania", "Pennsylvania"), ("Massachusetts", "Massachusetts"),
        ("NEW YORK", "New York"), ("Korea", "South Korea"), ("Republic of Korea", "South Korea"),
        ("PRC", "China"), ("People's Republic of China", "China"), ("People\u2019s Republic of China", "China"),
        ("England and Wales", "United Kingdom"), ("Hong Kong", "Hong Kong"), ("L2", "Ireland"),
        ("X0", "United Kingdom"), ("M5", "South Korea"), ("K3", "Hong Kong"), ("F4", "China"),
        ("E9", "Cayman Islands"), ("A6", "Canada"), ("Ontario, Canada", "Canada"), ("Georgia", "Georgia"),
        ("Viet Nam", "Vietnam"), ("The Netherlands", "Netherlands"), ("Virgin Islands, British", "British Virgin Islands"),
        ("Canada", "Canada"), ("Ireland", "Ireland"), ("Japan", "Japan"), ("Singapore", "Singapore"),
    ],
)
def test_normalize_jurisdiction(text: str, expected: str) -> None:
    assert normalize_jurisdiction(text) == expected


@pytest.mark.parametrize("text", ["", "Nowhere", "ZZ", "Q"])
def test_unknown_jurisdiction(text: str) -> None:
    assert normalize_jurisdiction(text) is None


def test_tables() -> None:
    assert len([c for c in US_STATES if c not in {"DC", "PR", "GU", "VI", "AS", "MP"}]) == 50
    assert not set(US_STATES) & set(EDGAR_COUNTRY_CODES)
    for code, name in US_STATES.items():
        assert normalize_jurisdiction(code) == name
        assert normalize_jurisdiction(name) == name
