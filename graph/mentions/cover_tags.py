"""Registrant facts stated as structured fields rather than printed text.

* Inline-XBRL ``dei`` cover tags (name, CIK, state, tax number, file number,
  ZIP, trading symbols with their exchanges), many of them hidden in
  ``ix:header``: they outrank anything read from the printed cover.
* The SGML header's ``SROS`` lines (the self-regulatory organisations the
  filer reports to): an exchange listing where the SRO is an exchange.
"""

from __future__ import annotations

import re

from graph.mentions.context import DocContext
from graph.mentions.listing import SYMBOL, exchange_name
from graph.mentions.structured import HOLDER_REPORTS, OWNERSHIP_FORMS
from graph.model import Evidence, FieldValue
from graph.normalize.places import normalize_jurisdiction
from graph.source.ixbrl import read_cover_tags

#: dei exchange codes (used where no display format is applied) to the FORMAT vocabulary
DEI_EXCHANGES = {"NYSE": "NYSE", "NASDAQ": "NASDAQ", "NYSEAMER": "NYSE American", "NYSEAMERICAN": "NYSE American"}
#: SROS codes that are exchanges in the FORMAT vocabulary ("NASD" regulates brokers: no listing)
SRO_EXCHANGES = {"NYSE": "NYSE", "AMEX": "NYSE American"}
_SROS = re.compile(r"^[ \t]*(?:SROS:[ \t]*|<SROS>[ \t]*)([A-Z]+)[ \t\r]*$", re.M)
_HEADER_END = re.compile(r"</(?:SEC|IMS)-HEADER>")
_TAX_ID = re.compile(r"^(\d{2})-?(\d{7})$")


def _ev(ctx: DocContext, fv: FieldValue, method: str = "ixbrl:dei") -> Evidence:
    return Evidence(ctx.doc_id, fv.start, fv.end, fv.value, method, 1.0)


def dei_exchange(value: str) -> str | None:
    """FORMAT exchange of a ``dei:SecurityExchangeName`` (code or display name)."""
    code = re.sub(r"[^A-Z]", "", value.upper())
    return DEI_EXCHANGES.get(code) or exchange_name(value)


def apply_cover_tags(ctx: DocContext) -> set[str]:
    """Facts of the document's ``dei`` cover tags for the registrant; returns the relations they stated."""
    tags = read_cover_tags(ctx.source.source_text)
    if not tags:
        return set()
    reg = ctx.registry
    key = reg.registrant
    if tags.registrant_name is not None:
        name = tags.registrant_name
        key = reg.add("Company", name.value, _ev(ctx, name), cik=tags.cik.value if tags.cik else None, registrant=True)
    if key is None:
        return set()
    stated: set[str] = set()
    if tags.cik is not None:
        reg.fact(key, "cik", tags.cik.value, _ev(ctx, tags.cik))
        reg.entities[key].cik = reg.entities[key].cik or tags.cik.value
        stated.add("cik")
    if tags.state is not None:
        juris = normalize_jurisdiction(tags.state.value)
        if juris:
            reg.fact(key, "state_of_incorporation", juris, _ev(ctx, tags.state))
            stated.add("state_of_incorporation")
    if tags.tax_id is not None:
        m = _TAX_ID.match(tags.tax_id.value.replace(" ", ""))
        if m:
            reg.fact(key, "irs_employer_id", f"{m.group(1)}-{m.group(2)}", _ev(ctx, tags.tax_id))
            stated.add("irs_employer_id")
    for fn in tags.file_numbers:
        reg.fact(key, "commission_file_number", fn.value, _ev(ctx, fn))
        stated.add("commission_file_number")
    if tags.postal_code is not None:
        reg.fact(key, "postal_code", tags.postal_code.value, _ev(ctx, tags.postal_code))
        stated.add("postal_code")
    for sym in tags.symbols:
        # symbols with a space or digits ("FDX 25A") are those of note series, not of the company
        if not SYMBOL.match(sym.symbol.value):
            continue
        reg.fact(key, "ticker", sym.symbol.value, _ev(ctx, sym.symbol))
        stated.add("ticker")
        exchange = dei_exchange(sym.exchange.value) if sym.exchange else None
        if exchange and sym.exchange:
            reg.fact(key, "exchange", exchange, _ev(ctx, sym.exchange))
            stated.add("exchange")
    return stated


def apply_header_exchanges(ctx: DocContext) -> None:
    """``SROS: NYSE`` in a filer's SGML header: the registrant is listed on that exchange."""
    sd = ctx.source
    reg = ctx.registry
    if sd.header is None or reg.registrant is None:
        return
    form = (sd.header.form_type.value if sd.header.form_type else "").upper()
    if form in OWNERSHIP_FORMS or form in HOLDER_REPORTS:
        return  # the header's registrant is the issuer there; the SROS lines are the filer's
    end = _HEADER_END.search(sd.source_text)
    if end is None:
        return
    for m in _SROS.finditer(sd.source_text, 0, end.start()):
        exchange = SRO_EXCHANGES.get(m.group(1))
        if exchange:
            fv = FieldValue(m.group(1), m.start(1), m.end(1))
            reg.fact(reg.registrant, "exchange", exchange, _ev(ctx, fv, "header:sros"))
