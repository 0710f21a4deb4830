"""Section 12(b) tables of covers: with trading symbols (since 2019) and exchanges alone (before)."""

from graph.mentions.context import DocContext, PartView
from graph.mentions.listing import apply_listing_table
from graph.mentions.registry import EntityRegistry
from graph.model import TextPart


def listings(text: str) -> list[tuple[str, str | None]]:
    part = TextPart(text=text, offsets=list(range(len(text) + 1)))
    view = PartView(layout=part, flow=part)
    ctx = DocContext(None, [view], EntityRegistry("doc"))  # type: ignore[arg-type]
    apply_listing_table(ctx, view)
    assert all(s <= e for s, e in ctx.claimed)
    # class-only rows (symbol and exchange empty) name the registrant's classes: see test_cover_classes.py
    return [(row.symbol, row.exchange) for row in ctx.listings if row.symbol or row.exchange]


def test_symbol_table_rows_and_exchange_codes_are_not_symbols():
    text = """Securities registered pursuant to Section 12(b) of the Act:
Title of each class | Trading Symbol(s) | Name of each exchange on which registered
Common Shares, Without Par Value | QRX | NYSE
"""
    assert listings(text) == [("QRX", "NYSE")]


def test_fixed_width_exchange_column_with_wrapped_header():
    text = """Securities registered pursuant to Section 12(b) of the Act:

                                           Name of each exchange on
     Title of each class                       which registered
     -------------------                   ------------------------
Common Stock, par value $.10 per share     New York Stock Exchange
                                           Pacific Stock Exchange

Securities registered pursuant to Section 12(g) of the Act: None
"""
    # the Pacific Stock Exchange is not in the exchange vocabulary
    assert listings(text) == [("", "NYSE")]


def test_parenthesised_exchange_caption_under_its_value():
    text = "Common Stock | American Stock Exchange\n(Title of class) | (Name of each exchange on which registered)\n"
    assert listings(text) == [("", "NYSE American")]


def test_no_table_no_listing():
    text = "Securities registered pursuant to Section 12(b) of the Act: None\n\nItem 1. Business\nWe trade on hope.\n"
    assert listings(text) == []
