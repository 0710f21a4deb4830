"""The "Securities registered pursuant to Section 12(b)" table of modern covers.

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


def exchange_name(cell: str) -> str | None:
    """FORMAT exchange for a printed name ("The Nasdaq Stock Market LLC" -> NASDAQ)."""
    key = re.sub(r"[^a-z ]", "", cell.lower())
    for name, value in sorted(EXCHANGE_NAMES.items(), key=lambda kv: -len(kv[0])):
        if re.search(r"\b" + re.escape(name) + r"\b", key):
            return value
    return None


def apply_listing_table(ctx: DocContext, view: PartView) -> None:
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
        symbols = [c for c in cells if SYMBOL.match(c) and c not in ("N/A", "NONE")]
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


def record_listings(ctx: DocContext) -> None:
    reg = ctx.registry
    if reg.registrant is None:
        return
    for view, s, symbol, exchange in ctx.listings:
        ev = ctx.evidence(view.layout, s, s + len(symbol), "rule:section-12b-table", 0.9)
        reg.fact(reg.registrant, "ticker", symbol, ev)
        if exchange:
            reg.fact(reg.registrant, "exchange", exchange, ev)
