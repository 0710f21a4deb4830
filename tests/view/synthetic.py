"""An invented view graph with a hub of 120 shareholders, a few officers and a second company.

Shape (all names invented):

- ``company/marrowfield`` (Marrowfield Holdings Inc.) has 120 shareholders
  ``person/holder-000`` ... ``person/holder-119`` and two officers;
- officer Odile Brannock is also director of ``company/quillon`` (Quillon Minerals
  Corp.), so the shortest path Quillon -> Marrowfield runs through her;
- one filing is filed by both companies (a shorter path through the filing, which
  the path search avoids);
- the placement-agent fact of Lanthorne Securities cites a span of ``doc-1.txt``,
  whose text :func:`write_documents` writes.
"""

from __future__ import annotations

from pathlib import Path

from graph.view.model import ViewEdge, ViewGraph, ViewNode
from graph.view.style import relation_label

HUB = "company/marrowfield"
OTHER = "company/quillon"
BRIDGE = "person/odile-brannock"
AGENT = "company/lanthorne"
FILING = "document/doc-1.txt"
HOLDERS = [f"person/holder-{i:03d}" for i in range(120)]
DOC_TEXT = ("UNITED STATES SECURITIES AND EXCHANGE COMMISSION\n\n" + "Preamble text. " * 80
            + "\nThe placement agent for the offering was Lanthorne Securities LLC.\n" + "Closing text. " * 80)
SPAN = "Lanthorne Securities LLC"
SPAN_START = DOC_TEXT.index(SPAN)


def _edge(source: str, relation: str, target: str, sources: list[dict] | None = None) -> ViewEdge:
    return ViewEdge(source, target, relation, relation_label(relation), sources=sources or [])


def hub_graph() -> ViewGraph:
    nodes = [
        ViewNode(HUB, "Marrowfield Holdings Inc.", "company", "Company"),
        ViewNode(OTHER, "Quillon Minerals Corp.", "company", "Company"),
        ViewNode(BRIDGE, "Odile Brannock", "person", "Person"),
        ViewNode("person/tamsin-verrall", "Tamsin Verrall", "person", "Person"),
        ViewNode(AGENT, "Lanthorne Securities LLC", "company", "Company"),
        ViewNode(FILING, "doc-1.txt", "filing", "8-K", "8-K (2021-03-04)"),
    ]
    nodes += [ViewNode(h, f"Holder Number {i:03d}", "person", "Person") for i, h in enumerate(HOLDERS)]
    sentence = "The placement agent for the offering was Lanthorne Securities LLC."
    edges = [_edge(h, "SHAREHOLDER_OF", HUB) for h in HOLDERS]
    edges += [
        _edge(BRIDGE, "OFFICER_OF", HUB),
        _edge("person/tamsin-verrall", "OFFICER_OF", HUB),
        _edge(BRIDGE, "DIRECTOR_OF", OTHER),
        _edge(AGENT, "PLACEMENT_AGENT_FOR", HUB, [{
            "document": "doc-1.txt", "start": SPAN_START, "end": SPAN_START + len(SPAN),
            "sentence": sentence, "method": "rule:test", "confidence": 0.9}]),
        _edge(FILING, "FILED_BY", HUB),
        _edge(FILING, "FILED_BY", OTHER),
    ]
    return ViewGraph({n.id: n for n in nodes}, edges)


def write_documents(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "doc-1.txt").write_text(DOC_TEXT, encoding="utf-8")
    return folder
