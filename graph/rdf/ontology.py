"""Where the ontology files live, and loading them.

The ``ontology/`` folder sits at the repository root, outside the ``graph``
package. Lookup order: ``$FILING_KG_ONTOLOGY``; a copy shipped inside the package
(``graph/ontology``, for wheels); the repository root; ``./ontology``.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from graph.errors import ConfigError

_MARKER = "filing-kg.ttl"


def _candidates() -> list[Path]:
    found: list[Path] = []
    env = os.environ.get("FILING_KG_ONTOLOGY")
    if env:
        found.append(Path(env))
    package_root = Path(__file__).resolve().parents[1]  # .../graph
    found.append(package_root / "ontology")
    found.append(package_root.parent / "ontology")  # repo root
    found.append(Path(sys.prefix) / "share" / "filing-kg" / "ontology")  # a wheel install (data-files)
    found.append(Path.cwd() / "ontology")
    return found


def ontology_dir() -> Path:
    """The folder holding ``filing-kg.ttl``, ``shapes.ttl`` and ``queries/``."""
    for path in _candidates():
        if (path / _MARKER).is_file():
            return path
    raise ConfigError(
        "ontology folder not found (looked in: " + ", ".join(str(p) for p in _candidates())
        + "); set FILING_KG_ONTOLOGY"
    )


def ontology_file(name: str) -> Path:
    """A file of the ontology folder, e.g. ``shapes.ttl`` or ``queries/facts.rq``."""
    path = ontology_dir() / name
    if not path.is_file():
        raise ConfigError(f"ontology file not found: {path}")
    return path


@lru_cache(maxsize=None)
def _parse(name: str) -> Graph:
    return Graph().parse(ontology_file(name), format="turtle")


def load_ontology(*, alignment: bool = False) -> Graph:
    """The filing-kg ontology (optionally with the FIBO/ORG/schema.org alignment), as a fresh Graph."""
    g = Graph()
    g += _parse("filing-kg.ttl")
    if alignment:
        g += _parse("alignment.ttl")
    return g


def load_shapes() -> Graph:
    """The SHACL shapes graph, as a fresh Graph."""
    g = Graph()
    g += _parse("shapes.ttl")
    return g
