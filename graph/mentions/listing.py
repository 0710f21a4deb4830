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
REGISTERED_HEADING = re.compile(
    r"securities\s+registered\s+(?:pursuant\s+to|under)\s+section\s+12\s*\(\s*[bg]\s*\)(?:\s+of\s+the\s+(?:securities\s+)?(?:exchange\s+)?act(?:\s+of\s+1934)?)?\s*[:.]?",
    re.I,
)
CLASS_STOP = re.compile(r"indicate\s+by\s+check|^\s*item\s+\d|^\s*part\s+i\b|aggregate\s+market\s+value|documents\s+incorporated", re.I)
CLASS_HEADER = re.compile(r"(?:title\s+of|name\s+of\s+each|trading\s+symbol)", re.I)
CLASS_ROWS = 12  # lines below a "Securities registered" heading that may hold its classes


#: the instrument a class title names, by its first instrument word ("Warrants, each exercisable for one share
#: of Common Stock" is a warrant; "Depositary Shares, each representing ... Preferred Stock" is the preferred)
CLASS_WORDS = [
    (re.compile(r"\b(?:stock|shares?)\s+purchase\s+rights?\b", re.I), "Right"),  # "Preferred Share Purchase Rights"
    (re.compile(r"\bconvertible\s+(?:senior\s+|subordinated\s+)*(?:notes?|debentures?)\b", re.I), "Convertible Note"),
    (re.compile(r"\bconvertible\s+(?:[\w-]+\s+){0,3}preferred\b", re.I), "Convertible Preferred Stock"),
    (re.compile(r"\bpreferred\s+(?:stock|shares?)\b|\bpreference\s+shares?\b", re.I), "Preferred Stock"),
    (re.compile(r"\bcommon\s+(?:stock|shares?)\b|\bordinary\s+shares?\b|\bclass\s+[a-c]\s+(?:common|shares?)\b", re.I), "Common Stock"),
    (re.compile(r"\bwarrants?\b", re.I), "Warrant"),
    (re.compile(r"\brights?\b(?!\s+(?:of|to\s+(?:receive|vote)))", re.I), "Right"),
    (re.compile(r"^\s*units?\b", re.I), "Unit"),
    (re.compile(r"\bdebentures?\b", re.I), "Debenture"),
    (re.compile(r"\bnotes?\b", re.I), "Note"),
    (re.compile(r"\bbonds?\b", re.I), "Bond"),
]
#: a listed class that is not the issuer's own stock or debt: receipts of another instrument, guarantees
NOT_A_CLASS = re.compile(r"^\s*(?:american\s+)?depositary|^\s*guarantee", re.I)


def class_type(title: str) -> str | None:
    """FORMAT instrument type of a 12(b) class title ("Common Stock, par value $0.10 per share" -> Common Stock).

    The earliest instrument word in the title wins: a unit, warrant or right
    is named first and the stock it is exercisable for afterwards.
    """
    if NOT_A_CLASS.search(title):
        return None
    best: tuple[int, str] | None = None
    purchase_rights = CLASS_WORDS[0][0].search(title)
    if purchase_rights:
        return "Right"
    for rx, itype in CLASS_WORDS:
        m = rx.search(title)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), itype)
    return best[1] if best else None


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
    apply_registered_classes(ctx, view)


def apply_registered_classes(ctx: DocContext, view: PartView) -> None:
    """Classes printed under "Securities registered pursuant to Section 12(b)/(g) of the Act:" (10-K covers of every era).

    Layouts: the class on the heading's own line ("...12(b) of the Act: Class A
    Common Stock, $0.014 par value"), on the lines below it over a "(Title of
    class)" caption, or in the first column of the 12(b) table. Each class is
    the registrant's own (it is its cover); "None" and captions are no class.
    """
    text = view.layout.text
    for head in REGISTERED_HEADING.finditer(text[:30000]):
        pos = head.end()
        line_end = text.find("\n", pos)
        lines = [(pos, text[pos : line_end if line_end >= 0 else len(text)])]
        nxt = line_end + 1 if line_end >= 0 else len(text)
        for line in text[nxt:].split("\n")[:CLASS_ROWS]:
            lines.append((nxt, line))
            nxt += len(line) + 1
        for start, line in lines:
            if start != pos and (REGISTERED_HEADING.search(line) or CLASS_STOP.search(line)):
                break
            if len(line.strip()) > 160:
                break  # prose, not a cover field
            for cell in CELLS.split(line):
                value = cell.strip(" _-*")
                if not value or value.startswith("(") or CLASS_HEADER.match(value) or len(value) > 150:
                    continue
                if class_type(value):
                    s = start + line.find(value)
                    ctx.listings.append(Listing(view, s, "", None))


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
        if not symbols and len(cells) >= 2 and exchanges and class_type(cells[0]):
            # a series row whose symbol is no ticker ("0.450% Notes due 2025 | FDX 25A | NYSE"): its class only
            seen += 1
            s = line_start + line.find(cells[0])
            ctx.claimed.append(view.layout.source_span(line_start, line_start + len(line)))
            ctx.listings.append(Listing(view, s, "", None))
            continue
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


def _row_class(text: str, pos: int, own_cell: bool) -> tuple[str, int, int] | None:
    """The class a listing row names, as (type, start, end) in the text.

    ``own_cell``: the class is the cell at ``pos`` (a class-only row); else
    the first cell of the row whose symbol or exchange is at ``pos``.
    """
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a : b if b >= 0 else len(text)]
    if own_cell:
        cell = CELLS.split(text[pos : b if b >= 0 else len(text)])[0].strip(" _-*")
        itype = class_type(cell)
        return (itype, pos, pos + len(cell)) if itype else None
    cells = [c for c in CELLS.split(line.strip()) if c.strip()]
    if len(cells) < 2:
        return None  # an exchange alone on its line: a second exchange of the class above
    itype = class_type(cells[0])
    if itype is None:
        return None
    s = a + line.find(cells[0])
    return itype, s, s + len(cells[0])


def record_listings(ctx: DocContext) -> None:
    """Symbols, exchanges and the classes listed, all the registrant's (the table is its cover's)."""
    reg = ctx.registry
    if reg.registrant is None:
        return
    for view, s, symbol, exchange in ctx.listings:
        ev = ctx.evidence(view.layout, s, s + max(len(symbol), 1), "rule:section-12b-table", 0.9)
        if symbol:
            reg.fact(reg.registrant, "ticker", symbol, ev)
        if exchange:
            reg.fact(reg.registrant, "exchange", exchange, ev)
        listed = _row_class(view.layout.text, s, own_cell=not symbol and not exchange)
        if listed:
            itype, a, b = listed
            reg.instrument(reg.registrant, itype)
            reg.fact(reg.registrant, "issued", itype, ctx.evidence(view.layout, a, b, "rule:section-12b-table", 0.85))
