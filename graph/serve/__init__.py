"""Serve stage: a SPARQL 1.1 Protocol endpoint over the store (``filing-kg serve``).

Names are imported lazily so query worker processes (:mod:`graph.serve.workers`)
start without loading the HTTP and explorer code.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ServerConfig", "SparqlApp", "running_server", "serve"]


def __getattr__(name: str) -> Any:
    if name in ("ServerConfig", "SparqlApp"):
        from graph.serve import app

        return getattr(app, name)
    if name in ("running_server", "serve"):
        from graph.serve import server

        return getattr(server, name)
    raise AttributeError(f"module 'graph.serve' has no attribute {name!r}")
