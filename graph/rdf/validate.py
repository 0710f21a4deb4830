"""SHACL validation of built graphs against ``ontology/shapes.ttl``.

The data is the union of all named graphs (shapes talk about entities, not about
documents); the ontology is mixed in so targets reach sub-classes
(``fkg:Filing`` is a ``fkg:Document``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyshacl
from rdflib import Dataset, Graph
from rdflib.namespace import RDF
from rdflib.term import Node

from graph.errors import ValidationError
from graph.log import get_logger
from graph.rdf.namespaces import SH
from graph.rdf.ontology import load_ontology, load_shapes

log = get_logger("rdf.validate")


@dataclass
class ValidationReport:
    """Outcome of a SHACL run: ``results`` holds one dict per violation or warning."""

    conforms: bool
    text: str
    results: list[dict[str, str]] = field(default_factory=list)

    def violations(self) -> list[dict[str, str]]:
        return [r for r in self.results if r.get("severity") == "Violation"]


def union_graph(data: object) -> Graph:
    """The union of all graphs of a Dataset / GraphStore, or the Graph itself."""
    if hasattr(data, "oxigraph"):  # GraphStore
        data = data.dataset()  # type: ignore[attr-defined]
    if isinstance(data, Dataset):
        g = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    if isinstance(data, Graph):
        return data
    raise TypeError(f"cannot validate a {type(data).__name__}")


def _short(node: Node | None) -> str:
    if node is None:
        return ""
    text = str(node)
    return text.rsplit("#", 1)[-1] if text.startswith(str(SH)) else text


def _results(report: Graph) -> list[dict[str, str]]:
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        out.append({
            "focus": _short(report.value(result, SH.focusNode)),
            "path": _short(report.value(result, SH.resultPath)),
            "value": _short(report.value(result, SH.value)),
            "severity": _short(report.value(result, SH.resultSeverity)),
            "message": _short(report.value(result, SH.resultMessage)),
            "shape": _short(report.value(result, SH.sourceShape)),
            "constraint": _short(report.value(result, SH.sourceConstraintComponent)),
        })
    return sorted(out, key=lambda r: (r["severity"], r["focus"], r["path"], r["message"]))


def validate(data: object, *, inference: str = "none") -> ValidationReport:
    """Validate a Dataset, Graph or GraphStore; warnings alone still conform.

    ``inference`` is passed to pyshacl (``"none"`` or ``"rdfs"``).
    """
    conforms, report_graph, text = pyshacl.validate(
        union_graph(data),
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference=inference,
        allow_warnings=True,
        abort_on_first=False,
    )
    report = ValidationReport(bool(conforms), str(text), _results(report_graph))
    if not report.conforms:
        log.info("SHACL: %d violation(s)", len(report.violations()))
    return report


def assert_valid(data: object, *, inference: str = "none") -> ValidationReport:
    """Like :func:`validate` but raise ValidationError (with the report text) when it does not conform."""
    report = validate(data, inference=inference)
    if not report.conforms:
        raise ValidationError(report.text)
    return report
