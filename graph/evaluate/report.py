"""Aggregate document scores into micro-averaged precision, recall and F1, and show them.

Micro averages sum TP/FP/FN over all documents (and, per relation, over
all documents for that relation) before dividing, so large documents weigh
more; see :mod:`graph.evaluate.metrics` for the empty cases.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.evaluate.metrics import Counts
from graph.evaluate.score import DocumentScore
from graph.normalize.forms import form_kind

__all__ = ["FormCounts", "Report", "aggregate", "format_report", "report_to_json"]


@dataclass
class Report:
    documents: list[DocumentScore] = field(default_factory=list)
    facts: Counts = field(default_factory=Counts)
    entities: Counts = field(default_factory=Counts)
    relations: dict[str, Counts] = field(default_factory=dict)
    forms: dict[str, FormCounts] = field(default_factory=dict)


@dataclass
class FormCounts:
    """Micro totals of the documents of one form kind."""

    documents: int = 0
    facts: Counts = field(default_factory=Counts)
    entities: Counts = field(default_factory=Counts)


def aggregate(scores: Iterable[DocumentScore]) -> Report:
    """Micro totals over documents, overall and per relation."""
    docs = list(scores)
    relations: dict[str, Counts] = defaultdict(Counts)
    forms: dict[str, FormCounts] = defaultdict(FormCounts)
    for d in docs:
        for rel, c in d.relations.items():
            relations[rel] = relations[rel] + c
        kind = forms[form_kind(d.form)]
        kind.documents += 1
        kind.facts = kind.facts + d.facts
        kind.entities = kind.entities + d.entities
    return Report(
        documents=docs,
        facts=sum((d.facts for d in docs), Counts()),
        entities=sum((d.entities for d in docs), Counts()),
        relations=dict(sorted(relations.items())),
        forms=dict(sorted(forms.items(), key=lambda kv: (-kv[1].documents, kv[0]))),
    )


def _prf(c: Counts) -> str:
    return f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"


def _fact_text(subject: str, relation: str, obj: str, qualifier: str | None) -> str:
    parts = [subject, relation, obj] + ([qualifier] if qualifier else [])
    return "[" + ", ".join(parts) + "]"


def format_report(report: Report, verbose: bool = False) -> str:
    """A plain-text table: documents, then relations, then the MICRO line; verbose adds the misses."""
    width = max([len("document"), len("MICRO"), *(len(d.document) for d in report.documents)])
    rel_width = max([width, *(len(r) for r in report.relations)])
    width = rel_width
    head = (
        f"{'document':<{width}}  {'facts P':>6} {'R':>6} {'F1':>6}  {'tp':>4} {'fp':>4} {'fn':>4}"
        f"  {'ents P':>6} {'R':>6} {'F1':>6}  {'tp':>4} {'fp':>4} {'fn':>4}"
    )
    lines = [head, "-" * len(head)]
    for d in report.documents:
        lines.append(
            f"{d.document:<{width}}  {_prf(d.facts)}  {d.facts.tp:>4} {d.facts.fp:>4} {d.facts.fn:>4}"
            f"  {_prf(d.entities)}  {d.entities.tp:>4} {d.entities.fp:>4} {d.entities.fn:>4}"
        )
    lines.append("")
    lines.append(f"{'relation':<{width}}  {'P':>6} {'R':>6} {'F1':>6}  {'tp':>4} {'fp':>4} {'fn':>4}")
    lines.append("-" * len(head))
    for rel, c in report.relations.items():
        lines.append(f"{rel:<{width}}  {_prf(c)}  {c.tp:>4} {c.fp:>4} {c.fn:>4}")
    lines.append("-" * len(head))
    if report.forms:
        lines.append("")
        lines.append(f"{'form kind':<{width}}  {'facts P':>6} {'R':>6} {'F1':>6}  {'docs':>4}       {'ents P':>6} {'R':>6} {'F1':>6}")
        lines.append("-" * len(head))
        for kind, fc in report.forms.items():
            lines.append(f"{kind:<{width}}  {_prf(fc.facts)}  {fc.documents:>4}       {_prf(fc.entities)}")
        lines.append("-" * len(head))
    f, e = report.facts, report.entities
    lines.append(
        f"{'MICRO':<{width}}  {_prf(f)}  {f.tp:>4} {f.fp:>4} {f.fn:>4}"
        f"  {_prf(e)}  {e.tp:>4} {e.fp:>4} {e.fn:>4}"
    )
    if verbose:
        for d in report.documents:
            if not (d.missed_facts or d.spurious_facts or d.missed_entities or d.spurious_entities):
                continue
            lines.append("")
            lines.append(f"== {d.document}")
            for g in d.missed_facts:
                lines.append("  missed   " + _fact_text(g.subject, g.relation, g.object, g.qualifier))
            for p in d.spurious_facts:
                lines.append("  spurious " + _fact_text(
                    str(p.get("subject", "")), str(p.get("relation", "")), str(p.get("object", "")),
                    str(p["qualifier"]) if p.get("qualifier") else None,
                ))
            for ge in d.missed_entities:
                lines.append(f"  missed   entity {ge.type}: {ge.name}")
            for pe in d.spurious_entities:
                lines.append(f"  spurious entity {pe.get('type', '')}: {pe.get('name', '')}")
    return "\n".join(lines)


def report_to_json(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data (lists of missed/spurious items included)."""
    return {
        "micro": {"facts": report.facts.to_json(), "entities": report.entities.to_json()},
        "relations": {rel: c.to_json() for rel, c in report.relations.items()},
        "forms": {
            kind: {"documents": fc.documents, "facts": fc.facts.to_json(), "entities": fc.entities.to_json()}
            for kind, fc in report.forms.items()
        },
        "documents": [
            {
                "document": d.document,
                "form": d.form,
                "facts": d.facts.to_json(),
                "entities": d.entities.to_json(),
                "relations": {rel: c.to_json() for rel, c in d.relations.items()},
                "ignored_facts": d.ignored_facts,
                "duplicate_facts": d.duplicate_facts,
                "missed_facts": [
                    [g.subject, g.relation, g.object] + ([g.qualifier] if g.qualifier else [])
                    for g in d.missed_facts
                ],
                "spurious_facts": [
                    {k: v for k, v in p.items() if k in ("subject", "relation", "object", "qualifier")}
                    for p in d.spurious_facts
                ],
                "missed_entities": [{"type": e.type, "name": e.name} for e in d.missed_entities],
                "spurious_entities": [
                    {"type": e.get("type"), "name": e.get("name")} for e in d.spurious_entities
                ],
            }
            for d in report.documents
        ],
    }
