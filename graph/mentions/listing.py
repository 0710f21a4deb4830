"""The "Securities registered pursuant to Section 12(b)" table of covers.

Since 2019 cover pages list each class with its trading symbol and exchange
("Common Stock | AAPL | The Nasdaq Stock Market LLC"): the registrant's
ticker and exchange. The exchange named there is not an entity (FORMAT.md),
so the table's rows are claimed from NER.
"""

from __future__ import annotations

import re

from graph.mentions.context import DocContext, Listing, PartView
from graph.mentions.gazetteer import EXCHANGE_NAMES

CAPTION = re.compile(r"trading\s+symbol", re.I)
CELLS = re.compile(r"\s*\|\s*|\s{3,}|\t+")
SYMBOL = re.compile(r"^[A-Z]{1,5}(?:[.-][A-Z]{1,2})?$")
EXCHANGE_CAPTION = re.compile(r"name\s+of\s+(?:each\s+)?exchange", re.I)
EXCHANGE_STOP = re.compile(r"12\s*\(\s*g\s*\)|indicate\s+by\s+check|^\s*item\s+\d", re.I)
EXCHANGE_ROWS = 10


def exchange_name(cell: str) -> str | None:
    """FORMAT exchange for a printed name ("The Nasdaq Stock Market LLC" -> NASDAQ)."""
    key = re.sub(r"[^a-z ]", "", cell.lower())
    for name, value in sorted(EXCHANGE_NAMES.items(), key=lambda kv: -len(kv[0])):
        if re.search(r"\b" + re.escape(name) + r"\b", key):
            return value
    return None


def apply_listing_table(ctx: DocContext, view: PartView) -> None:
    """Rows of the cover's 12(b) table: with trading symbols, or else (older covers) exchanges alone."""
    apply_symbol_table(ctx, view)
    apply_exchange_column(ctx, view)


def apply_symbol_table(ctx: DocContext, view: PartView) -> None:
    """Rows of "Title of each class | Trading Symbol(s) | Name of each exchange" (covers since 2019)."""
    text = view.layout.text
    cap = CAPTION.search(text[:20000])
    if not cap:
        return
    start_line = text.rfind("\n", 0, cap.start()) + 1
    pos = start_line
    seen = 0
    for line in text[start_line:].split("\n")[:15]:
        line_start = pos
        pos += len(line) + 1
        cells = [c for c in CELLS.split(line.strip()) if c.strip()]
        symbols = [c for c in cells if SYMBOL.match(c) and c not in ("N/A", "NONE") and not exchange_name(c)]
        exchanges = [exchange_name(c) for c in cells]
        exchanges = [e for e in exchanges if e]
        if not symbols:
            if seen and not line.strip():
                continue
            if seen >= 1 and line.strip() and not cells:
                break
            continue
        seen += 1
        s = line_start + line.find(symbols[0])
        ctx.claimed.append(view.layout.source_span(line_start, line_start + len(line)))
        ctx.listings.append(Listing(view, s, symbols[0], exchanges[0] if exchanges else None))


def apply_exchange_column(ctx: DocContext, view: PartView) -> None:
    """The 12(b) table of covers before trading symbols were printed (before 2019): exchanges only.

    Layouts: a column headed "Name of each exchange on which registered" with
    the exchanges on the rows below (table cells or fixed-width columns), or a
    value row above a parenthesised "(Name of each exchange on which registered)".
    """
    if ctx.listings:
        return  # a table with trading symbols was read already
    text = view.layout.text
    cap = EXCHANGE_CAPTION.search(text[:30000])
    if not cap:
        return
    line_start = text.rfind("\n", 0, cap.start()) + 1
    caption_line = text[line_start : text.find("\n", cap.end()) if "\n" in text[cap.end() :] else len(text)]
    if caption_line.strip().startswith("("):
        above = text[:line_start].rstrip("\n").split("\n")[-3:]
        start = line_start - sum(len(x) + 1 for x in above)
        lines = above
    else:
        start = text.find("\n", cap.end()) + 1
        if start <= 0:
            return
        lines = text[start:].split("\n")[:EXCHANGE_ROWS]
    pos = start
    for line in lines:
        here, pos = pos, pos + len(line) + 1
        if EXCHANGE_STOP.search(line):
            break
        for cell in CELLS.split(line):
            exchange = exchange_name(cell) if cell.strip() else None
            if exchange:
                s = here + line.find(cell.strip())
                ctx.claimed.append(view.layout.source_span(here, here + len(line)))
                ctx.listings.append(Listing(view, s, "", exchange))


def record_listings(ctx: DocContext) -> None:
    reg = ctx.registry
    if reg.registrant is None:
        return
    for view, s, symbol, exchange in ctx.listings:
        ev = ctx.evidence(view.layout, s, s + max(len(symbol), 1), "rule:section-12b-table", 0.9)
        if symbol:
            reg.fact(reg.registrant, "ticker", symbol, ev)
        if exchange:
            reg.fact(reg.registrant, "exchange", exchange, ev)
