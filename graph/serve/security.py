"""Who may do what on the endpoint: the update token, CORS, and response headers every reply carries.

Kept apart from the protocol code so the rules are small enough to read at a
glance and to test alone:

* **Updates** need the server flag *and* a secret token, sent as
  ``Authorization: Bearer <token>``: 401 without one, 403 with a wrong one. The
  comparison is :func:`hmac.compare_digest`, so timing does not reveal how much
  of a guess was right.
* **CORS** is off unless an origin is configured: browsers on other sites then
  cannot read results (no ``Access-Control-Allow-*`` headers at all).
* Every response says ``nosniff`` and sends no referrer, so an error body is
  never rendered as HTML or script by a browser.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
from typing import Any

from graph.errors import ConfigError

#: Where ``serve`` reads the update token when ``--update-token`` is not given.
TOKEN_ENV = "FILING_KG_UPDATE_TOKEN"
MIN_TOKEN_LENGTH = 16

SECURITY_HEADERS: list[tuple[str, str]] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
]

#: The query page's Content-Security-Policy: its scripts, styles and requests come from this server
#: only (the vendored YASGUI, no inline script), so a page or permalink cannot reach another host.
#: Styles allow ``'unsafe-inline'`` because YASGUI and its table write ``style`` attributes;
#: images allow ``data:`` for the table's sort arrows embedded in its CSS.
PAGE_CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
])


def page_headers() -> list[tuple[str, str]]:
    """Extra headers of the HTML query page: the CSP above, and no framing by other sites."""
    return [("Content-Security-Policy", PAGE_CSP), ("X-Frame-Options", "DENY")]


class AuthError(Exception):
    """A refused update: HTTP status and one-line reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def resolve_token(token: str | None) -> str | None:
    """The token given, else ``$FILING_KG_UPDATE_TOKEN``, else None (blank counts as none)."""
    value = token if token is not None else os.environ.get(TOKEN_ENV)
    if value is None:
        return None
    return value.strip() or None


def require_token(allow_updates: bool, token: str | None) -> None:
    """ConfigError when updates are allowed without a token worth the name."""
    if not allow_updates:
        return
    if not token:
        raise ConfigError(f"updates need a token: pass --update-token or set ${TOKEN_ENV}")
    if len(token) < MIN_TOKEN_LENGTH:
        raise ConfigError(f"the update token is too short ({len(token)} characters; use at least {MIN_TOKEN_LENGTH})")


def check_update_token(environ: dict[str, Any], token: str) -> None:
    """Raise :class:`AuthError` unless the request carries ``Authorization: Bearer <token>``."""
    header = environ.get("HTTP_AUTHORIZATION") or ""
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise AuthError(401, "updates need 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise AuthError(403, "wrong update token")


#: Response headers a browser script may read besides the CORS-safelisted ones (the row cap flags).
EXPOSED_HEADERS = "X-SPARQL-Truncated, X-SPARQL-Max-Rows"


def cors_headers(origin: str | None) -> list[tuple[str, str]]:
    """Headers granting ``origin`` read access (every response carries them once); none when CORS is off."""
    if not origin:
        return []
    return [("Access-Control-Allow-Origin", origin), ("Access-Control-Expose-Headers", EXPOSED_HEADERS),
            ("Vary", "Origin")]


def preflight_headers(origin: str) -> list[tuple[str, str]]:
    """What a CORS preflight (``OPTIONS``) answer adds to :func:`cors_headers` when CORS is on."""
    return [
        ("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS"),
        ("Access-Control-Allow-Headers", "Accept, Content-Type, Authorization"),
        ("Access-Control-Max-Age", "600"),
    ]


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``: addresses only this machine can reach."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
