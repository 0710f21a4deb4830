"""Keep the endpoint from making outgoing requests: ``SERVICE`` and ``LOAD`` are refused unless enabled.

pyoxigraph (0.5) ships with an HTTP client: ``SERVICE <iri>`` in a query and
``LOAD <iri>`` in an update make the *server* fetch that IRI (a request forger
for anyone who can send a query), and its Python API offers no switch to turn
that off nor a custom service handler. So every query and update is scanned
before it reaches Oxigraph: strings, IRIs and comments are skipped, and the
``SERVICE``/``LOAD`` keywords found outside them are checked against the
operator's choices (``serve --allow-service HOST``, ``serve --allow-load``).

The scan is deliberately conservative: anything that could be the keyword
(``?o.SERVICE``) counts, a ``SERVICE`` whose target is a variable or a
prefixed name is refused even when federation is on (its host cannot be
checked before evaluation), and only ``http``/``https`` IRIs qualify.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from urllib.parse import urlsplit

from graph.errors import QueryError


class RemoteAccessRefused(QueryError):
    """A query or update would make the server fetch a remote resource it may not fetch."""


_TOKENS = re.compile(
    r"""
      (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<keyword>(?<![\w:?$\-])(?:SERVICE|LOAD|SILENT)(?![\w\-:]))
    | (?P<var>[?$]\w+)
    | (?P<other>[^\s'"<\#?$\w]+|\w+|\S)
    """,
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    """(kind, text) of the tokens that matter; whitespace is skipped."""
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup or "other"
        if kind == "comment":
            continue
        value = match.group()
        if kind == "other" and not value.strip():
            continue
        yield kind, value


def _keyword_tokens(text: str) -> Iterator[tuple[str, str | None]]:
    """Each ``SERVICE``/``LOAD`` keyword with the token naming its target (after an optional SILENT)."""
    tokens = list(_tokens(text))
    for i, (kind, value) in enumerate(tokens):
        if kind != "keyword" or value.upper() == "SILENT":
            continue
        j = i + 1
        if j < len(tokens) and tokens[j][0] == "keyword" and tokens[j][1].upper() == "SILENT":
            j += 1
        target = tokens[j] if j < len(tokens) else None
        yield value.upper(), (target[1] if target and target[0] == "iri" else None)


def service_host(iri: str) -> str | None:
    """The host an absolute http(s) IRI (``<...>`` included or not) points at, else None."""
    parts = urlsplit(iri.strip("<>"))
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.lower()


def check_remote_access(text: str, *, allowed_services: Collection[str] = (), allow_load: bool = False) -> None:
    """Raise :class:`RemoteAccessRefused` if ``text`` would fetch anything the operator did not allow.

    ``allowed_services`` are host names (case-insensitive); empty means no federation.
    """
    allowed = {h.lower() for h in allowed_services}
    for keyword, target in _keyword_tokens(text):
        if keyword == "LOAD":
            if not allow_load:
                raise RemoteAccessRefused("LOAD is disabled on this endpoint (start it with --allow-load)")
            continue
        if not allowed:
            raise RemoteAccessRefused("SERVICE (federated query) is disabled on this endpoint "
                                      "(start it with --allow-service HOST)")
        host = service_host(target) if target else None
        if host is None:
            raise RemoteAccessRefused("SERVICE must name an absolute http(s) IRI, not a variable or prefixed name")
        if host not in allowed:
            raise RemoteAccessRefused(f"SERVICE host {host!r} is not allowed (allowed: {', '.join(sorted(allowed))})")
