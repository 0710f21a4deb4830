"""Helpers shared by the form parsers: addresses, names and person-or-company guesses."""

from __future__ import annotations

import re

from lxml import etree

from graph.model import FieldValue, FormParty
from graph.source.xmlforms.xmldoc import XmlDoc

_COMPANY_WORDS = re.compile(
    r"\b(?:inc|corp|corporation|co|company|llc|l\.l\.c|lp|l\.p|llp|ltd|limited|plc|trust|fund|funds|partners|"
    r"partnership|capital|holdings?|group|bank|securities|advisors|management|ventures|associates|n\.a|s\.a|ag|gmbh)\b\.?",
    re.IGNORECASE,
)


def looks_like_company(name: str) -> bool:
    """A name carrying a legal-form or business word ("LLC", "Fund", "Capital")."""
    return bool(_COMPANY_WORDS.search(name))


def joined_name(parts: list[FieldValue | None]) -> FieldValue | None:
    """First/middle/last names joined by spaces; the span runs from the first part to the last."""
    present = [p for p in parts if p is not None]
    if not present:
        return None
    value = " ".join(p.value for p in present)
    return FieldValue(value, present[0].start, present[-1].end)


#: Address element names: plain (Form D, C, 144 and the common schema) and ownership-form ones.
_ADDRESS = {
    "": ("street1", "city", "stateOrCountry", "zipCode"),
    "rptOwner": ("rptOwnerStreet1", "rptOwnerCity", "rptOwnerState", "rptOwnerZipCode"),
}


def fill_address(doc: XmlDoc, party: FormParty, el: etree._Element | None, prefix: str = "") -> None:
    """Copy the street, city, state (or country) and ZIP code under ``el`` into ``party``."""
    if el is None:
        return
    street, city, state, zip_code = _ADDRESS[prefix]
    party.street = doc.text(el, street)
    party.city = doc.text(el, city)
    party.state = doc.text(el, state)
    party.zip = doc.text(el, zip_code)
