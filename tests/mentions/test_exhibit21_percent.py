"""Exhibit 21 ownership percentages ("Percent Owned" column, inline "(51% owned)") as holdings of the parent."""

from __future__ import annotations

from tests.mentions.test_exhibit21_layouts import HTML_TABLE_EXTRA_COLUMNS, ex21  # noqa: F401  (fixture)

INLINE_TEXT = """EXHIBIT 21

SUBSIDIARIES OF HALVERSON MILLS, INC.

Halverson Textiles Corp. (Delaware)
Halverson Nordic AB (Sweden) (51% owned)
Pinecrest Yarn Company (North Carolina)
"""


def _percents(ex) -> dict[str, tuple[str, str]]:
    return {
        ex.entities[h.issuer].name: (ex.entities[h.holder].name, h.percent.value)
        for h in ex.records.holdings
        if h.percent is not None
    }


def test_percent_owned_column(ex21) -> None:  # noqa: F811
    got = _percents(ex21(HTML_TABLE_EXTRA_COLUMNS))
    assert got["Zephyr Ground Systems, Inc."] == ("Zephyr Orbital Corporation", "100")
    assert got["Zephyr do Brasil Ltda."][1] == "99.9"


def test_inline_percent_and_rows_without_one(ex21) -> None:  # noqa: F811
    ex = ex21(INLINE_TEXT)
    got = _percents(ex)
    assert got == {"Halverson Nordic AB": ("Halverson Mills, Inc.", "51")}
    h = ex.records.holdings[0]
    assert h.percent.evidence is not None and h.percent.evidence.sentence == "51"
