"""The library of named queries shipped in ``ontology/queries/`` and safe parameter binding.

Each ``.rq`` file opens with a comment header: the first paragraph describes the
query, and ``# param: NAME — description`` lines declare its parameters. A
parameter is a placeholder ``VALUES ?NAME { UNDEF }`` in the query body, so every
file is a valid query as it stands (an unbound parameter means "any") and any
SPARQL client can run it. Binding replaces ``UNDEF`` with one term, rendered here
(literals escaped, IRIs validated) -- never by pasting user text into the query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


from graph.errors import QueryError
from graph.rdf.ontology import ontology_dir
from graph.store.params import bind, placeholders, sparql_term
from graph.store.sparql import unknown_query_message

__all__ = ["NamedQuery", "bind", "get_query", "list_queries", "placeholders", "sparql_term"]

_PARAM_LINE = re.compile(r"^#\s*param:\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:[—:-]+\s*(?P<doc>.*))?$")
_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class NamedQuery:
    """One library query: its name (file stem), description, declared parameters and text."""

    name: str
    path: Path
    description: str
    params: dict[str, str] = field(default_factory=dict)  # name -> description
    text: str = ""

    @property
    def summary(self) -> str:
        """The description's first sentence (what ``query --list`` shows)."""
        first = self.description.split(". ")[0].strip()
        return first.rstrip(".")


def library_dir() -> Path:
    """The folder of shipped queries (``ontology/queries/``)."""
    return ontology_dir() / "queries"


def parse_header(text: str) -> tuple[str, dict[str, str]]:
    """Description (first comment paragraph) and declared parameters of a query text."""
    description: list[str] = []
    params: dict[str, str] = {}
    in_first_paragraph = True
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        m = _PARAM_LINE.match(stripped)
        if m:
            params[m["name"]] = (m["doc"] or "").strip()
            in_first_paragraph = False
            continue
        body = stripped.lstrip("#").strip()
        if not body:
            if description:
                in_first_paragraph = False
            continue
        if in_first_paragraph:
            description.append(body)
    return " ".join(description), params


def get_query(name: str) -> NamedQuery:
    """The library query ``name`` (file stem, ``.rq`` optional); QueryError if there is none."""
    stem = name[:-3] if name.endswith(".rq") else name
    if not _NAME.match(stem):
        raise QueryError(f"not a query name: {name!r}")
    path = library_dir() / f"{stem}.rq"
    if not path.is_file():
        raise QueryError(unknown_query_message(stem))
    text = path.read_text(encoding="utf-8")
    description, params = parse_header(text)
    return NamedQuery(stem, path, description, params, text)


def list_queries() -> list[NamedQuery]:
    """Every library query, sorted by name."""
    return [get_query(p.stem) for p in sorted(library_dir().glob("*.rq"))]


def is_query_name(text: str) -> bool:
    """True if ``text`` names a library query (rather than being SPARQL or a path)."""
    stem = text[:-3] if text.endswith(".rq") else text
    return bool(_NAME.match(stem)) and (library_dir() / f"{stem}.rq").is_file()


def parse_param(spec: str) -> tuple[str, str]:
    """``name=value`` -> ``(name, value)``; QueryError if malformed."""
    name, sep, value = spec.partition("=")
    name = name.strip()
    if not sep or not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", name):
        raise QueryError(f"--param expects name=value, got {spec!r}")
    return name, value


def resolve_query_text(spec: str) -> str:
    """Query text from a library name, an existing ``.rq``/text file path, or inline SPARQL."""
    if "\n" in spec or "{" in spec:
        return spec
    if is_query_name(spec):
        return get_query(spec).text
    path = Path(spec)
    try:
        is_file = path.is_file()
    except OSError:  # e.g. a one-line query longer than a file name may be
        return spec
    if is_file:
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"cannot read query file {spec}: {exc}") from exc
    stem = spec[:-3] if spec.endswith(".rq") else spec
    if _NAME.match(stem):  # one bare word is never SPARQL: a query name that does not exist
        raise QueryError(unknown_query_message(stem))
    return spec
