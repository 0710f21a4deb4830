"""One visual vocabulary for the explorer and the static pictures.

Both renderers read the same table so a person is the same green ellipse in the
browser and in a report; the legend is generated from it, never hand-written.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeStyle:
    """How one node type looks: fill colour, Cytoscape shape and matplotlib marker."""

    label: str
    color: str
    shape: str  # Cytoscape node shape
    marker: str  # matplotlib marker


#: View node types, in legend order. Keys are the ``type`` field of the JSON graph.
NODE_STYLES: dict[str, NodeStyle] = {
    "company": NodeStyle("Company", "#2f6fb3", "round-rectangle", "s"),
    "person": NodeStyle("Person", "#3a9a5b", "ellipse", "o"),
    "agency": NodeStyle("Government agency", "#8a5cc2", "hexagon", "h"),
    "instrument": NodeStyle("Instrument", "#e08a1e", "diamond", "D"),
    "filing": NodeStyle("Filing", "#7d8590", "tag", "p"),
}

#: Projection labels (most specific class) -> view type.
ENTITY_TYPE_OF_LABEL: dict[str, str] = {
    "Company": "company",
    "Organization": "company",
    "Person": "person",
    "GovernmentAgency": "agency",
}

#: Edge relation (projection type) -> words shown on the edge.
RELATION_LABELS: dict[str, str] = {
    "OFFICER_OF": "officer of",
    "DIRECTOR_OF": "director of",
    "SUBSIDIARY_OF": "subsidiary of",
    "PLACEMENT_AGENT_FOR": "placement agent for",
    "UNDERWRITER_FOR": "underwriter for",
    "TRANSFER_AGENT_FOR": "transfer agent for",
    "TRUSTEE_FOR": "trustee for",
    "AUDITOR_OF": "auditor of",
    "LEGAL_COUNSEL_FOR": "legal counsel for",
    "BROKER_FOR": "broker for",
    "AGENT_FOR": "agent for",
    "INVESTOR_IN": "investor in",
    "SHAREHOLDER_OF": "shareholder of",
    "ACQUIRED": "acquired",
    "ISSUED": "issued",
    "ISSUED_BY": "issued by",
    "CONVERTIBLE_INTO": "convertible into",
    "EXERCISABLE_FOR": "exercisable for",
    "FILED_BY": "filed by",
    "SIGNED": "signed",
    "OFFERS": "offers",
    "DESCRIBED_IN": "described in",
}

DEFAULT_NODE = NodeStyle("Other", "#a0a7b0", "ellipse", "o")


def node_style(kind: str) -> NodeStyle:
    return NODE_STYLES.get(kind, DEFAULT_NODE)


def relation_label(relation: str) -> str:
    """``PLACEMENT_AGENT_FOR`` -> ``placement agent for`` (unknown relations are spelled out the same way)."""
    return RELATION_LABELS.get(relation) or relation.replace("_", " ").lower()


def property_label(key: str) -> str:
    """``state_of_incorporation`` -> ``state of incorporation``."""
    return key.replace("_", " ")


#: Nouns for a group of a hub's neighbours: (relation, direction seen from the hub) -> plural.
GROUP_NOUNS: dict[tuple[str, str], str] = {
    ("SHAREHOLDER_OF", "in"): "shareholders",
    ("INVESTOR_IN", "in"): "investors",
    ("SUBSIDIARY_OF", "in"): "subsidiaries",
    ("SUBSIDIARY_OF", "out"): "parents",
    ("OFFICER_OF", "in"): "officers",
    ("DIRECTOR_OF", "in"): "directors",
    ("ISSUED", "out"): "instruments",
    ("ACQUIRED", "out"): "acquisitions",
    ("SIGNED", "in"): "signers",
    ("FILED_BY", "in"): "filings",
    ("DESCRIBED_IN", "in"): "entities described",
    ("OFFERS", "out"): "offerings",
}


def group_caption(relation: str, direction: str, count: int) -> str:
    """``133 shareholders``; a relation without a noun reads ``25 × placement agent for`` (in) or ``25 · issued`` (out)."""
    noun = GROUP_NOUNS.get((relation, direction))
    if noun:
        return f"{count} {noun}"
    return f"{count} × {relation_label(relation)}" if direction == "in" else f"{count} · {relation_label(relation)}"
