"""Serve stage: a SPARQL 1.1 Protocol endpoint over the store (``filing-kg serve``)."""

from graph.serve.app import ServerConfig, SparqlApp
from graph.serve.server import running_server, serve

__all__ = ["ServerConfig", "SparqlApp", "running_server", "serve"]
