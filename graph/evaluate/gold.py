"""Gold files (data/gold/FORMAT.md): load and check them.

Every scalar is read as the string written in the file. YAML would
otherwise turn ``4`` into an int, ``0.33`` into a float, ``2005-02-07`` into
a date, ``07601`` into an octal number and ``ON`` into ``True``; reading the
text itself keeps values exactly as the annotator wrote them ("1.375" stays
"1.375", a ZIP code keeps its leading zero).

A malformed file raises :class:`GoldFormatError` naming the file and the
reason: missing ``document``, unknown entity type, a fact that is not a list
of 3 or 4 scalars, an ``officer_of`` title / ``issued`` type / ``exchange``
outside the vocabularies. A relation outside the FORMAT table is kept (the
scorer ignores it) and logged as a warning, since it is most likely a typo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.errors import GoldFormatError
from graph.log import get_logger
from graph.model import ENTITY_TYPES, EXCHANGES, INSTRUMENT_TYPES, RELATIONS, TITLES
from graph.normalize.names import name_key

__all__ = ["GoldEntity", "GoldFact", "GoldDocument", "load_gold", "load_gold_dir", "parse_gold"]

log = get_logger("evaluate.gold")


@dataclass
class GoldEntity:
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class GoldFact:
    subject: str
    relation: str
    object: str
    qualifier: str | None = None


@dataclass
class GoldDocument:
    document: str
    form: str | None
    entities: list[GoldEntity]
    facts: list[GoldFact]
    path: Path | None = None


class _StringLoader(yaml.SafeLoader):
    """SafeLoader whose plain scalars all stay strings (no int/float/bool/date/null guessing)."""


_StringLoader.yaml_implicit_resolvers = {}

_ENTITY_KEYS = {"type", "name", "aliases"}
_TOP_KEYS = {"document", "form", "entities", "facts"}
_VOCAB_CHECKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "issued": ("object", INSTRUMENT_TYPES),
    "exchange": ("object", EXCHANGES),
    "officer_of": ("qualifier", TITLES),
}


def _fail(path: object, reason: str) -> GoldFormatError:
    return GoldFormatError(f"{path}: {reason}")


def _text(value: Any, path: object, where: str) -> str:
    if isinstance(value, str):
        text = " ".join(value.split())
        if text:
            return text
    raise _fail(path, f"{where}: expected a non-empty text, got {value!r}")


def _entity(raw: Any, path: object, i: int) -> GoldEntity:
    where = f"entities[{i}]"
    if not isinstance(raw, dict):
        raise _fail(path, f"{where}: expected a mapping with type, name, aliases")
    unknown = set(raw) - _ENTITY_KEYS
    if unknown:
        raise _fail(path, f"{where}: unknown key(s) {sorted(unknown)}")
    etype = _text(raw.get("type"), path, f"{where}.type")
    if etype not in ENTITY_TYPES:
        raise _fail(path, f"{where}: unknown entity type {etype!r} (expected one of {', '.join(ENTITY_TYPES)})")
    name = _text(raw.get("name"), path, f"{where}.name")
    aliases_raw = raw.get("aliases")
    if aliases_raw in (None, "", "~", "null", "Null", "NULL"):
        aliases: list[str] = []
    elif isinstance(aliases_raw, list):
        aliases = [_text(a, path, f"{where}.aliases") for a in aliases_raw]
    else:
        raise _fail(path, f"{where}.aliases: expected a list")
    return GoldEntity(type=etype, name=name, aliases=aliases)


def _fact(raw: Any, path: object, i: int) -> GoldFact:
    where = f"facts[{i}]"
    if not isinstance(raw, list) or len(raw) not in (3, 4):
        raise _fail(path, f"{where}: a fact is [subject, relation, object] or [subject, relation, object, qualifier], got {raw!r}")
    parts = [_text(v, path, where) for v in raw]
    fact = GoldFact(parts[0], parts[1], parts[2], parts[3] if len(parts) == 4 else None)
    if fact.relation not in RELATIONS:
        log.warning("%s: %s: relation %r is not in FORMAT.md; it will be ignored", path, where, fact.relation)
    check = _VOCAB_CHECKS.get(fact.relation)
    if check is not None:
        attr, vocab = check
        value = getattr(fact, attr)
        if value is not None and value.casefold() not in {v.casefold() for v in vocab}:
            raise _fail(path, f"{where}: {fact.relation} {attr} {value!r} is not in the vocabulary")
    return fact


def _warn_dangling(document: str, entities: list[GoldEntity], facts: list[GoldFact], path: object) -> None:
    """Log facts naming an entity the list lacks or another document: legal, but usually a slip."""
    known = {name_key(n) for e in entities for n in (e.name, *e.aliases)}
    for i, f in enumerate(facts):
        kinds = RELATIONS.get(f.relation)
        if kinds is None:
            continue
        for kind, value in zip(kinds, (f.subject, f.object)):
            if kind == "instrument":
                value, _, _ = value.rpartition("/")
                kind = "entity"
            if kind == "entity" and name_key(value) not in known:
                log.warning("%s: facts[%d]: %r is not a listed entity name or alias", path, i, value)
            elif kind == "document" and value != document:
                log.warning("%s: facts[%d]: %r is not this document (%r)", path, i, value, document)


def parse_gold(text: str, path: object = "<string>") -> GoldDocument:
    """A gold document from YAML text (``path`` only names it in errors)."""
    try:
        data = yaml.load(text, Loader=_StringLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise _fail(path, f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise _fail(path, "expected a mapping with document, form, entities, facts")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise _fail(path, f"unknown top-level key(s) {sorted(unknown)}")
    if "document" not in data:
        raise _fail(path, "missing 'document'")
    document = _text(data["document"], path, "document")
    form = data.get("form")
    form = _text(form, path, "form") if form not in (None, "") else None
    entities_raw = data.get("entities") or []
    facts_raw = data.get("facts") or []
    if not isinstance(entities_raw, list):
        raise _fail(path, "'entities' must be a list")
    if not isinstance(facts_raw, list):
        raise _fail(path, "'facts' must be a list")
    entities = [_entity(e, path, i) for i, e in enumerate(entities_raw)]
    facts = [_fact(f, path, i) for i, f in enumerate(facts_raw)]
    _warn_dangling(document, entities, facts, path)
    return GoldDocument(document=document, form=form, entities=entities, facts=facts,
                        path=Path(path) if isinstance(path, (str, Path)) and path != "<string>" else None)


def load_gold(path: str | Path) -> GoldDocument:
    """Load and check one gold YAML file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(p, f"cannot read: {exc}") from exc
    doc = parse_gold(text, p)
    doc.path = p
    return doc


def load_gold_dir(directory: str | Path) -> list[GoldDocument]:
    """Every ``*.yaml`` gold file of a directory (FORMAT.md is not one), sorted by file name."""
    d = Path(directory)
    if not d.is_dir():
        raise GoldFormatError(f"{d}: not a directory")
    return [load_gold(p) for p in sorted(d.glob("*.yaml")) if p.is_file()]
