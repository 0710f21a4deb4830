"""Static pictures of one neighbourhood for reports: SVG (text kept as text) or PNG.

The layout is concentric like the explorer's focus view: the entity in the middle,
each further relation step on the next ring, neighbours grouped by type around a
ring so officers, subsidiaries and instruments sit together. Labels are wrapped and
drawn on a white box; a legend names the node types. SVG text stays ``<text>`` so
the picture is searchable and testable.

matplotlib is the ``draw`` extra, imported on the first picture (see :func:`_matplotlib`),
so the rest of the view stage and the CLI work without it.
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

from types import ModuleType

import networkx as nx

from graph.export.base import ExportError, atomic_file, xml_safe
from graph.extras import require
from graph.log import get_logger
from graph.view.model import ViewError, ViewGraph
from graph.view.style import NODE_STYLES, node_style

log = get_logger("view")

FORMATS = ("svg", "png", "pdf")
#: Ring order: people next to the filings they sign, instruments next to companies.
_RING_ORDER = {"company": 0, "agency": 1, "instrument": 2, "person": 3, "filing": 4}


def _matplotlib() -> ModuleType:
    """matplotlib on the headless Agg backend (set before any pyplot import networkx may do)."""
    mpl = require("matplotlib", extra="draw", feature="draw")
    mpl.use("Agg")
    require("matplotlib.figure", extra="draw", feature="draw")
    require("matplotlib.lines", extra="draw", feature="draw")
    return mpl


def _rings(sub: ViewGraph, focus: str) -> list[list[str]]:
    """Nodes by relation distance from ``focus``, each ring ordered by type then name."""
    dist = {focus: 0}
    frontier = [focus]
    while frontier:
        nxt = []
        for node in frontier:
            for other in sorted(sub.neighbours(node)):
                if other not in dist:
                    dist[other] = dist[node] + 1
                    nxt.append(other)
        frontier = nxt
    rings: list[list[str]] = [[] for _ in range(max(dist.values()) + 1)]
    for node, d in dist.items():
        rings[d].append(node)
    for ring in rings:
        ring.sort(key=lambda n: (_RING_ORDER.get(sub.nodes[n].type, 9), sub.nodes[n].label))
    return rings


def _layout(rings: list[list[str]]) -> dict[str, tuple[float, float]]:
    pos: dict[str, tuple[float, float]] = {}
    for level, ring in enumerate(rings):
        if level == 0:
            pos[ring[0]] = (0.0, 0.0)
            continue
        radius = level * max(1.0, len(ring) / (2.2 * math.pi * level) * 1.1)
        offset = math.pi / 2 + (math.pi / max(len(ring), 1) if level % 2 == 0 else 0.0)
        for i, node in enumerate(ring):
            angle = offset - 2 * math.pi * i / len(ring)
            pos[node] = (radius * math.cos(angle), radius * math.sin(angle))
    return pos


def _wrap(text: str, width: int) -> str:
    """``text`` wrapped, with XML-forbidden characters removed (one would make the SVG unreadable)."""
    text = xml_safe(text)
    return "\n".join(textwrap.wrap(text, width)) or text


def draw_neighbourhood(graph: ViewGraph, entity: str, out: Path | str, *, depth: int = 1,
                       max_nodes: int = 40, title: str | None = None, fmt: str | None = None,
                       hide: frozenset[str] | set[str] = frozenset()) -> Path:
    """Draw ``entity``'s neighbourhood to ``depth`` into ``out`` (format from ``fmt`` or the suffix).

    ``hide`` leaves out node types (e.g. ``{"filing"}``) before the neighbourhood is
    walked, so a report picture can show the corporate structure alone.
    """
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".") or "svg").lower()
    if fmt not in FORMATS:
        raise ViewError(f"cannot draw {fmt!r}: use one of {', '.join(FORMATS)} (the suffix of -o)")
    matplotlib = _matplotlib()
    Figure, Line2D = matplotlib.figure.Figure, matplotlib.lines.Line2D
    focus = graph.resolve(entity)
    if hide:
        graph = graph.restricted(types=set(NODE_STYLES) - set(hide), keep={focus.id})
    sub, left_out = graph.neighbourhood(focus.id, depth, max_nodes)
    rings = _rings(sub, focus.id)
    pos = _layout(rings)

    g = nx.DiGraph()
    g.add_nodes_from(sub.nodes)
    captions: dict[tuple[str, str], str] = {}
    for e in sub.edges:
        g.add_edge(e.source, e.target)
        key = (e.source, e.target)
        captions[key] = _wrap(f"{captions[key]}; {e.caption}" if key in captions else e.caption, 28)

    extent = max((math.hypot(x, y) for x, y in pos.values()), default=1.0)
    size = max(8.0, min(26.0, 4.0 + extent * 3.4))
    fig = Figure(figsize=(size, size * 0.86), dpi=110)
    ax = fig.add_axes((0.02, 0.08, 0.96, 0.86))
    ax.set_axis_off()
    pad = 0.55
    ax.set_xlim(-extent - pad, extent + pad)
    ax.set_ylim(-extent - pad, extent + pad)

    size_of = {n: 1500 if n == focus.id else 420 + 60 * min(graph.degree(n), 12) for n in sub.nodes}
    nx.draw_networkx_edges(g, pos, ax=ax, edge_color="#9aa3b0", width=1.1, arrows=True, arrowsize=11,
                           node_size=[size_of[n] * 1.1 for n in g.nodes], connectionstyle="arc3,rad=0.06")
    present = []
    for kind, style in NODE_STYLES.items():
        members = [n for n in sub.nodes if sub.nodes[n].type == kind]
        if not members:
            continue
        present.append(kind)
        sizes = [size_of[n] for n in members]
        nx.draw_networkx_nodes(g, pos, nodelist=members, ax=ax, node_color=style.color, node_shape=style.marker,
                               node_size=sizes, edgecolors=["#1d2330" if n == focus.id else "white" for n in members],
                               linewidths=[2.5 if n == focus.id else 1.0 for n in members])
    others = [n for n in sub.nodes if sub.nodes[n].type not in NODE_STYLES]
    if others:
        nx.draw_networkx_nodes(g, pos, nodelist=others, ax=ax, node_color=node_style("other").color, node_size=420)

    nx.draw_networkx_edge_labels(g, pos, edge_labels=captions, ax=ax, font_size=7, font_color="#4b5563",
                                 bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
                                 rotate=False, label_pos=0.5)
    for node, (x, y) in pos.items():
        vn = sub.nodes[node]
        is_focus = node == focus.id
        ax.annotate(_wrap(vn.short or vn.label, 24), (x, y), xytext=(0, -16 if not is_focus else -24),
                    textcoords="offset points", ha="center", va="top",
                    fontsize=10.5 if is_focus else 8.5, fontweight="bold" if is_focus else "normal", color="#1d2330",
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.9})

    handles = [Line2D([], [], linestyle="none", marker=NODE_STYLES[k].marker, markersize=10,
                      markerfacecolor=NODE_STYLES[k].color, markeredgecolor="white", label=NODE_STYLES[k].label)
               for k in present]
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False, fontsize=10)
    heading = xml_safe(title or f"{focus.label}: relations to depth {depth}")
    if left_out:
        heading += f" ({left_out} more not shown)"
    fig.suptitle(heading, fontsize=13, fontweight="bold", y=0.985)

    # all or nothing: a failed savefig leaves an earlier picture at ``out`` as it was
    try:
        with atomic_file(out) as tmp, matplotlib.rc_context(
                {"svg.fonttype": "none", "font.family": "DejaVu Sans", "svg.hashsalt": "filing-kg"}):
            fig.savefig(tmp, format=fmt, facecolor="white")
    except (OSError, ExportError) as exc:
        raise ViewError(f"cannot draw to {out}: {exc}") from exc
    log.info("drew %s: %d nodes, %d edges", out, len(sub.nodes), len(sub.edges))
    return out
