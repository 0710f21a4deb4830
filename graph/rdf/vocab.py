"""Vocabulary words of the gold FORMAT mapped to ontology terms (and back).

The words themselves come from :mod:`graph.model`; the ontology file carries the
same words as labels, which a test checks.
"""

from __future__ import annotations

from rdflib import URIRef

from graph.model import ENTITY_TYPES, INSTRUMENT_TYPES, TITLES
from graph.rdf.namespaces import FKG, TITLE


def camel(text: str) -> str:
    """``Chief Executive Officer`` -> ``ChiefExecutiveOfficer`` (non-alphanumerics dropped)."""
    words = "".join(ch if ch.isalnum() else " " for ch in text).split()
    return "".join(w[:1].upper() + w[1:] for w in words)


ENTITY_CLASSES: dict[str, URIRef] = {t: FKG[t] for t in ENTITY_TYPES}
INSTRUMENT_CLASSES: dict[str, URIRef] = {t: FKG[camel(t)] for t in INSTRUMENT_TYPES}
TITLE_SCHEME: URIRef = FKG.TitleScheme


def title_concept(title: str) -> URIRef:
    """IRI of a title concept; titles outside the vocabulary get a concept too (not in the scheme)."""
    return TITLE[camel(title) or "Untitled"]


TITLE_CONCEPTS: dict[str, URIRef] = {t: title_concept(t) for t in TITLES}

#: FORMAT relation -> ontology property of the direct triple.
RELATION_PROPERTIES: dict[str, URIRef] = {
    "cik": FKG.cik,
    "ticker": FKG.ticker,
    "exchange": FKG.exchange,
    "state_of_incorporation": FKG.stateOfIncorporation,
    "irs_employer_id": FKG.irsEmployerId,
    "commission_file_number": FKG.commissionFileNumber,
    "postal_code": FKG.postalCode,
    "subsidiary_of": FKG.subsidiaryOf,
    "officer_of": FKG.officerOf,
    "director_of": FKG.directorOf,
    "signed": FKG.signed,
    "placement_agent_for": FKG.placementAgentFor,
    "underwriter_for": FKG.underwriterFor,
    "transfer_agent_for": FKG.transferAgentFor,
    "trustee_for": FKG.trusteeFor,
    "auditor_of": FKG.auditorOf,
    "legal_counsel_for": FKG.legalCounselFor,
    "broker_for": FKG.brokerFor,
    "investor_in": FKG.investorIn,
    "shareholder_of": FKG.shareholderOf,
    "acquired": FKG.acquired,
    "issued": FKG.issued,
    "shares": FKG.shares,
    "price_per_share": FKG.pricePerShare,
    "exercise_price": FKG.exercisePrice,
    "conversion_price": FKG.conversionPrice,
    "interest_rate": FKG.interestRate,
    "principal_amount": FKG.principalAmount,
    "maturity": FKG.maturity,
    "expiration": FKG.expiration,
    "convertible_into": FKG.convertibleInto,
    "exercisable_for": FKG.exercisableFor,
    "form_type": FKG.formType,
    "filed_by": FKG.filedBy,
    "report_date": FKG.reportDate,
}

#: FORMAT deal-party relation (party -> issuer) -> role property of the fkg:Offering it joins.
#: auditor_of is not a deal role: an auditor serves the company, not one offering.
DEAL_ROLE_PROPERTIES: dict[str, URIRef] = {
    "placement_agent_for": FKG.placementAgent,
    "underwriter_for": FKG.underwriter,
    "broker_for": FKG.broker,
    "trustee_for": FKG.trustee,
    "legal_counsel_for": FKG.legalCounsel,
    "transfer_agent_for": FKG.transferAgent,
    "investor_in": FKG.investor,
}

NUMERIC_RELATIONS = frozenset(
    {"shares", "price_per_share", "exercise_price", "conversion_price", "interest_rate", "principal_amount"}
)
DATE_RELATIONS = frozenset({"report_date"})
DATE_OR_DURATION_RELATIONS = frozenset({"maturity", "expiration"})
