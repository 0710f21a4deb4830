"""Binding parameter values into SPARQL text safely.

A library query marks each parameter as ``VALUES ?name { UNDEF }``; binding
replaces that placeholder with one validated IRI or escaped literal, so a
value can never change the shape of the query. It lives with the store
because ``GraphStore.query(..., params=...)`` binds before it runs.
"""

from __future__ import annotations

import re
from typing import Mapping

import pyoxigraph as ox

from graph.errors import QueryError
from graph.rdf.namespaces import PREFIXES

_PREFIXED = re.compile(r"^(?P<prefix>[A-Za-z][A-Za-z0-9_-]*):(?P<local>[A-Za-z0-9_][A-Za-z0-9_./%-]*)$")
_ABSOLUTE_IRI = re.compile(r"^(?:https?|urn|file|mailto|tag):\S+$")
# characters SPARQL's IRIREF forbids (besides controls and space)
_IRI_FORBIDDEN = set('<>"{}|^`\\')
_ANY_PLACEHOLDER = re.compile(r"VALUES\s+\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\{\s*UNDEF\s*\}")


def _placeholder(name: str) -> re.Pattern[str]:
    return re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*UNDEF\s*\}")


def _escape_string(value: str) -> str:
    out = value.replace("\\", "\\\\").replace('"', '\\"')
    out = out.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    out = out.replace("\b", "\\b").replace("\f", "\\f")
    return f'"{out}"'


def _iri(value: str) -> str:
    if any(c in _IRI_FORBIDDEN or ord(c) <= 0x20 for c in value):
        raise QueryError(f"not a valid IRI: {value!r}")
    try:
        ox.NamedNode(value)
    except ValueError as exc:
        raise QueryError(f"not a valid IRI: {value!r} ({exc})") from exc
    return f"<{value}>"


def sparql_term(value: str) -> str:
    """A parameter value as SPARQL syntax: an IRI if it looks like one, else a plain string literal.

    ``<...>``, absolute ``http(s):``/``urn:`` IRIs and prefixed names with a known
    prefix (``fkgid:company/cik-320193``) become validated IRIs; anything else is
    an escaped string literal (so ``"`` or ``}`` in a name cannot change the query).
    """
    if value.startswith("<") and value.endswith(">"):
        return _iri(value[1:-1])
    m = _PREFIXED.match(value)
    if m and m["prefix"] in PREFIXES:
        return _iri(PREFIXES[m["prefix"]] + m["local"])
    if _ABSOLUTE_IRI.match(value):
        return _iri(value)
    return _escape_string(value)


def placeholders(text: str) -> list[str]:
    """Names of the parameters a query text can bind (its ``VALUES ?x { UNDEF }`` placeholders)."""
    return list(dict.fromkeys(m["name"] for m in _ANY_PLACEHOLDER.finditer(text)))


def bind(text: str, params: Mapping[str, str]) -> str:
    """The query with each parameter's placeholder bound to its value; QueryError for unknown names."""
    for name, value in params.items():
        pattern = _placeholder(name)
        if not pattern.search(text):
            known = ", ".join(placeholders(text)) or "none"
            raise QueryError(f"query has no parameter {name!r} (parameters: {known})")
        term = sparql_term(value)
        text = pattern.sub(lambda _m, n=name, t=term: f"VALUES ?{n} {{ {t} }}", text)
    return text
