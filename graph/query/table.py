"""Render SPARQL results for a terminal: a table for SELECT, yes/no for ASK, Turtle for graphs."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from graph.rdf.namespaces import PREFIXES


def _short(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
            if text.startswith(str(ns)):
                return f"{prefix}:{text[len(str(ns)):]}"
        return f"<{text}>"
    if isinstance(term, Literal):
        return str(term)
    return str(term)


def render_table(result: object, max_width: int = 60, columns: list[str] | None = None) -> str:
    """A fixed-width table of SELECT rows (``columns`` order, else order of first appearance)."""
    if isinstance(result, bool):
        return "yes" if result else "no"
    if isinstance(result, Graph):
        return result.serialize(format="turtle")
    rows = list(result)  # type: ignore[call-overload]
    if not rows:
        return "(no results)"
    cols: list[str] = list(columns or [])
    for r in rows:
        for k in r:
            if k not in cols:
                cols.append(k)
    cells = [[_short(r.get(c))[:max_width] for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    line = "  ".join(c.ljust(w) for c, w in zip(cols, widths))
    sep = "  ".join("-" * w for w in widths)
    body = ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
    return "\n".join([line, sep, *body, f"({len(rows)} rows)"])
