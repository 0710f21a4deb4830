"""Score one document's predicted facts and entities against its gold file (FORMAT.md).

How a prediction is compared:

1. Names are resolved to gold entities: a name whose :func:`name_key` equals
   the key of a gold entity's name or of one of its aliases *is* that entity
   (``E3``); other names stay themselves (``N:<key>``). So "INNOVO GROUP INC."
   matches "Innovo Group Inc." whenever both belong to the same gold entity,
   and two unknown names match when their keys are equal. A name shared by
   several gold entities may stand for any of them.
2. Instrument keys ``<issuer> / <type>`` split at the last "/": the issuer
   resolves as a name, the type compares after case folding.
3. Document file names (subjects of form_type/filed_by/report_date, object
   of signed) compare exactly.
4. Literals compare by :func:`graph.evaluate.values.literal_key`; the
   ``officer_of`` title by case-folded vocabulary word. Every part must match,
   the qualifier included (a missing qualifier matches only a missing one).
5. Facts whose relation is not in the FORMAT table are ignored on both sides.
   Predictions that normalise to the same fact count once; so do gold facts
   (the gold may record one number "as printed" twice, e.g. "0-10030" and
   "000-10030", which the matching rules make one fact).
6. Matching is one-to-one (maximum bipartite matching), so one prediction
   never earns two gold facts nor the reverse.

Entities match on type and name-or-alias, with the same resolution; several
predicted entities resolving to the same gold entity count once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from graph.evaluate.gold import GoldDocument, GoldEntity, GoldFact
from graph.evaluate.metrics import Counts
from graph.evaluate.values import literal_key, vocab_key
from graph.model import RELATIONS
from graph.normalize.names import name_key

__all__ = ["DocumentScore", "score_document", "Resolver"]

FactKey = tuple[str, str, str, str]


@dataclass
class DocumentScore:
    """Counts and the facts/entities behind them, for one document."""

    document: str
    form: str | None = None  # the gold file's form (for per-form-kind totals)
    facts: Counts = field(default_factory=Counts)
    entities: Counts = field(default_factory=Counts)
    relations: dict[str, Counts] = field(default_factory=dict)
    missed_facts: list[GoldFact] = field(default_factory=list)
    spurious_facts: list[dict[str, Any]] = field(default_factory=list)
    missed_entities: list[GoldEntity] = field(default_factory=list)
    spurious_entities: list[dict[str, Any]] = field(default_factory=list)
    ignored_facts: int = 0  # predicted facts whose relation is not in FORMAT.md
    duplicate_facts: int = 0  # predicted facts that repeat another after normalisation


class Resolver:
    """Turns names, instrument keys and literals of one document into comparable keys."""

    def __init__(self, gold: GoldDocument) -> None:
        self.gold = gold
        self.index: dict[str, set[int]] = defaultdict(set)
        for i, entity in enumerate(gold.entities):
            for name in (entity.name, *entity.aliases):
                key = name_key(name)
                if key:
                    self.index[key].add(i)

    def entity_refs(self, name: str, etype: str | None = None) -> frozenset[str]:
        key = name_key(name)
        hits = {
            i for i in self.index.get(key, ())
            if etype is None or self.gold.entities[i].type == etype
        }
        if hits:
            return frozenset(f"E{i}" for i in hits)
        return frozenset({f"N:{etype or ''}:{key}" if etype else f"N:{key}"})

    def instrument_refs(self, text: str) -> frozenset[str]:
        issuer, sep, itype = text.rpartition("/")
        if not sep or not issuer.strip() or not itype.strip():
            return frozenset({f"I?:{name_key(text)}"})
        return frozenset(f"{ref}/{vocab_key(itype)}" for ref in self.entity_refs(issuer))

    def refs(self, kind: str, relation: str, text: str) -> frozenset[str]:
        text = " ".join(str(text).split())
        if kind == "entity":
            return self.entity_refs(text)
        if kind == "instrument":
            return self.instrument_refs(text)
        if kind == "document":
            return frozenset({"D:" + text})
        return frozenset({literal_key(relation, text)})

    def fact_keys(self, subject: str, relation: str, obj: str, qualifier: str | None) -> frozenset[FactKey]:
        """Every normalised form the fact may stand for (more than one only for ambiguous names)."""
        skind, okind = RELATIONS[relation]
        qkey = vocab_key(qualifier) if qualifier and str(qualifier).strip() else ""
        return frozenset(
            (s, relation, o, qkey)
            for s, o in product(self.refs(skind, relation, subject), self.refs(okind, relation, obj))
        )


def _max_matching(left: Sequence[frozenset[Hashable]], right: Sequence[frozenset[Hashable]]) -> dict[int, int]:
    """Maximum one-to-one matching of left to right items that share a key (Kuhn's algorithm)."""
    by_key: dict[Hashable, list[int]] = defaultdict(list)
    for j, keys in enumerate(right):
        for k in keys:
            by_key[k].append(j)
    edges = [sorted({j for k in keys for j in by_key.get(k, ())}) for keys in left]
    match_right: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in match_right or augment(match_right[j], seen):
                match_right[j] = i
                return True
        return False

    for i in range(len(left)):
        if edges[i]:
            augment(i, set())
    return {i: j for j, i in match_right.items()}


def _dedupe(items: Iterable[tuple[frozenset[Hashable], Any]]) -> tuple[list[frozenset[Hashable]], list[Any], int]:
    keys: list[frozenset[Hashable]] = []
    values: list[Any] = []
    seen: set[frozenset[Hashable]] = set()
    dupes = 0
    for key, value in items:
        if key in seen:
            dupes += 1
            continue
        seen.add(key)
        keys.append(key)
        values.append(value)
    return keys, values, dupes


def _get(d: Mapping[str, Any], name: str) -> str:
    value = d.get(name)
    return "" if value is None else str(value)


def score_document(
    gold: GoldDocument,
    facts: Iterable[Mapping[str, Any]],
    entities: Iterable[Mapping[str, Any]],
) -> DocumentScore:
    """Compare predicted facts (``{"subject","relation","object","qualifier"?}``) and
    entities (``{"name","type"}``) of one document with its gold."""
    resolver = Resolver(gold)
    result = DocumentScore(document=gold.document, form=gold.form)

    # ---- facts
    gold_items = [
        (resolver.fact_keys(f.subject, f.relation, f.object, f.qualifier), f)
        for f in gold.facts if f.relation in RELATIONS
    ]
    gold_keys, gold_facts, _ = _dedupe(gold_items)
    pred_items = []
    for f in facts:
        relation = _get(f, "relation").strip()
        if relation not in RELATIONS:
            result.ignored_facts += 1
            continue
        keys = resolver.fact_keys(_get(f, "subject"), relation, _get(f, "object"), f.get("qualifier"))
        pred_items.append((keys, dict(f)))
    pred_keys, pred_facts, result.duplicate_facts = _dedupe(pred_items)

    matched = _max_matching(pred_keys, gold_keys)
    matched_gold = set(matched.values())
    relations: dict[str, Counts] = defaultdict(Counts)
    for i, pf in enumerate(pred_facts):
        rel = str(pf["relation"]).strip()
        if i in matched:
            relations[rel].tp += 1
        else:
            relations[rel].fp += 1
            result.spurious_facts.append(pf)
    for j, gf in enumerate(gold_facts):
        if j not in matched_gold:
            relations[gf.relation].fn += 1
            result.missed_facts.append(gf)
    result.relations = dict(sorted(relations.items()))
    result.facts = sum(result.relations.values(), Counts())

    # ---- entities
    gold_ent_keys = [frozenset({f"E{i}"}) for i in range(len(gold.entities))]
    pred_ent_items = []
    for e in entities:
        etype, name = _get(e, "type").strip(), _get(e, "name")
        pred_ent_items.append((resolver.entity_refs(name, etype), dict(e)))
    pred_ent_keys, pred_ents, _ = _dedupe(pred_ent_items)
    ent_match = _max_matching(pred_ent_keys, gold_ent_keys)
    matched_ents = set(ent_match.values())
    result.entities = Counts(
        tp=len(ent_match),
        fp=len(pred_ents) - len(ent_match),
        fn=len(gold.entities) - len(matched_ents),
    )
    result.spurious_entities = [e for i, e in enumerate(pred_ents) if i not in ent_match]
    result.missed_entities = [e for j, e in enumerate(gold.entities) if j not in matched_ents]
    return result
