"""Stakes of Schedules 13D/13G: amount beneficially owned and percent of class, as ownership records.

Covers of three layouts (HTML table rows, 1990s fixed-width text with values
under the captions, 13D title-case rows) and the December 2024 XML schema;
cross-references ("See Item 4", "Row (9)") are no numbers.
"""

from __future__ import annotations

from graph.mentions.schedule13 import AMOUNT, PERCENT_VALUE
from tests.mentions.test_schedule13 import TEXT_13D, TEXT_13G


def _stakes(ex) -> dict[str, tuple[str | None, str | None, str | None]]:
    name = lambda k: ex.entities[k].name  # noqa: E731
    return {
        name(h.holder): (h.shares.value if h.shares else None, h.percent.value if h.percent else None, name(h.issuer))
        for h in ex.records.holdings
    }


def test_fixed_width_13g_rows_9_and_11(extract_text) -> None:
    ex = extract_text(TEXT_13G)
    stakes = _stakes(ex)
    assert stakes["Brightwater Asset Partners, L.P."] == ("1250000", "6.2", "Harbor Lantern Foods, Inc.")
    # a cover block without rows 9/11 states no stake
    assert "Margaret T. Olander" not in stakes
    h = next(h for h in ex.records.holdings if ex.entities[h.holder].name.startswith("Brightwater"))
    assert h.security == "Common Stock, $.10 par value"
    src = (h.percent.evidence.start, h.percent.evidence.end)  # type: ignore[union-attr]
    assert TEXT_13G[src[0] : src[1]] == "6.2"  # the span points at the printed value


def test_13d_rows_11_and_13(extract_text) -> None:
    stakes = _stakes(extract_text(TEXT_13D))
    assert stakes["Northpine Activist Fund Ltd."] == ("2500000", "9.8", "Quillfeather Robotics Corp.")


def test_xml_schedule_13g_stakes(extract) -> None:
    stakes = _stakes(extract("SCHEDULE13G_JushiHoldings-Marex_2025-11-26.xml"))
    assert stakes["Marex Group plc"] == ("10000000", "5.1", "Jushi Holdings Inc.")
    assert stakes["Marex Securities Products Inc."] == ("10000000", "5.1", "Jushi Holdings Inc.")


def test_html_13g_zero_stake_is_kept(extract) -> None:
    # an exit filing: "-0- (See Item 4(a))" and "0.0%" are stated amounts, not missing ones
    stakes = _stakes(extract("SC13G_Livent-Millennium_2024-01-05.html"))
    assert stakes["Israel A. Englander"] == ("0", "0", "Livent Corporation")


def test_cross_references_are_no_numbers() -> None:
    first = lambda rx, t: next((m.group() for m in rx.finditer(t)), None)  # noqa: E731
    assert first(AMOUNT, "-0- (See Item 4(a))") == "0"
    assert first(AMOUNT, "See Item 4") is None
    assert first(AMOUNT, "1,000,000 shares (1)") == "1,000,000"
    assert first(PERCENT_VALUE, "5.31%") == "5.31"
    assert first(PERCENT_VALUE, "9.9 (1)") == "9.9"
    assert first(PERCENT_VALUE, "See row 9") is None
    assert first(PERCENT_VALUE, "Less than 1%") is None
