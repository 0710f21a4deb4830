"""Cross-document entity resolution: one node per real-world entity.

Input: extractions with document-local keys. Output: the same extractions
re-keyed with global, deterministic keys (``company/cik-320193``,
``company/innovo-group``, ``person/marc-b-crossman``), one canonical name per
entity and every alias seen anywhere.

Rules: a CIK wins; otherwise companies join on their core name (legal
suffixes and EDGAR state tags dropped). People join when their names are
compatible (same surname, same full first name, compatible middle initials
and suffixes) -- "Marc Crossman" = "Marc B. Crossman" -- but never on a
surname alone, so two Belldegruns stay two people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from graph.mentions.registry import PersonName, _name_quality
from graph.model import Entity, Extraction, Fact, Instrument, RELATIONS
from graph.normalize.names import company_core, company_form, name_key


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[int, str], tuple[int, str]] = {}
        # root -> key of the known (already stored) entity in its cluster; two
        # clusters pinned to different known keys are never joined.
        self.pinned: dict[tuple[int, str], str] = {}

    def find(self, x: tuple[int, str]) -> tuple[int, str]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[int, str], b: tuple[int, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        pa, pb = self.pinned.get(ra), self.pinned.get(rb)
        if pa is not None and pb is not None and pa != pb:
            return
        root, child = min(ra, rb), max(ra, rb)
        self.parent[child] = root
        pin = pa if pa is not None else pb
        self.pinned.pop(child, None)
        if pin is not None:
            self.pinned[root] = pin


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", name_key(text).replace(" ", "-"))
    return s.strip("-") or "unnamed"


def _people_match(a: Entity, b: Entity) -> bool:
    for na in (a.name, *a.aliases):
        pa = _parse_person(na)
        for nb in (b.name, *b.aliases):
            pb = _parse_person(nb)
            if pa.compatible(pb) and pa.first and pb.first and pa.first == pb.first:
                return True
    return False


def _union_all(uf: _UnionFind, refs: list[tuple[int, str]], ents: dict[tuple[int, str], Entity]) -> None:
    """Join refs pairwise unless two different CIKs say they are different companies."""
    for other in refs[1:]:
        a, b = ents[refs[0]], ents[other]
        if a.cik and b.cik and a.cik != b.cik:
            continue
        uf.union(refs[0], other)


#: document index of the known (already stored) entities in the union-find.
_KNOWN = -1


@dataclass
class Resolution:
    """The outcome of cross-document clustering: document-local entity key -> global entity.

    Computed from the documents' entities alone (no facts, no evidence), so a
    streaming build can keep only those in memory, decide every key once, and
    re-key each full extraction later, one at a time (:meth:`rekey`), with the
    same result as :func:`resolve` over all extractions at once.
    """

    global_key: dict[tuple[int, str], str]
    merged: dict[str, Entity]

    def rekey(self, index: int, extraction: Extraction) -> Extraction:
        """The extraction at position ``index`` of the planned list, with global keys."""
        return _rekey(extraction, index, self.global_key, self.merged)


def resolve(extractions: list[Extraction], known: Iterable[Entity] | None = None) -> list[Extraction]:
    """Re-key the extractions so that one entity has one key across all of them.

    ``known`` are entities already in a store, with their global keys (what
    :meth:`GraphStore.known_entities` returns). New mentions resolve to them by
    the same rules, and then keep the stored key *and* name, so documents added
    later join the nodes of documents stored earlier instead of minting new
    ones. Known entities are never merged with one another (the store already
    decided), and new keys never collide with known ones. Without ``known`` the
    behaviour is unchanged.
    """
    plan = plan_resolution([ex.entities for ex in extractions], known)
    return [plan.rekey(i, ex) for i, ex in enumerate(extractions)]


def plan_resolution(
    entity_maps: Sequence[Mapping[str, Entity]], known: Iterable[Entity] | None = None
) -> Resolution:
    """Cluster the entities of every document (``entity_maps[i]`` = document i's entities).

    The rules are those of :func:`resolve`. People are compared only within
    blocks of the same (first name, surname) -- the only pairs the name rule can
    join -- in the original pair order, and pairs already in one cluster are not
    compared again: the same clusters as comparing every pair, without the
    quadratic cost on large corpora.
    """
    uf = _UnionFind()
    ents: dict[tuple[int, str], Entity] = {}
    known_by_ref: dict[tuple[int, str], Entity] = {}
    for ent in known or ():
        ref = (_KNOWN, ent.key)
        ents[ref] = known_by_ref[ref] = ent
        uf.find(ref)
        uf.pinned[ref] = ent.key
    for i, entities in enumerate(entity_maps):
        for key, ent in entities.items():
            ents[(i, key)] = ent
            uf.find((i, key))
    by_cik: dict[str, tuple[int, str]] = {}
    by_core: dict[tuple[str, str], dict[str, list[tuple[int, str]]]] = {}
    people: list[tuple[int, str]] = []
    for ref, ent in ents.items():
        if ent.cik:
            if ent.cik in by_cik:
                uf.union(ref, by_cik[ent.cik])
            else:
                by_cik[ent.cik] = ref
        if ent.type == "Person":
            people.append(ref)
            continue
        for n in (ent.name, *ent.aliases):
            core = company_core(n) if ent.type == "Company" else name_key(n)
            if core:
                form = (company_form(n) or "") if ent.type == "Company" else ""
                by_core.setdefault((ent.type, core), {}).setdefault(form, []).append(ref)
    for forms in by_core.values():
        for refs in forms.values():
            _union_all(uf, refs, ents)
        named = [f for f in forms if f]
        if "" in forms and len(named) == 1:  # "Innovo Group" joins "Innovo Group Inc." when unambiguous
            _union_all(uf, forms[""] + forms[named[0]][:1], ents)
    for ia, ib in _person_candidates(people, ents):
        a, b = people[ia], people[ib]
        if a[0] == b[0]:
            continue  # within a document the registry has already decided
        if uf.find(a) != uf.find(b) and _people_match(ents[a], ents[b]):
            uf.union(a, b)
    clusters: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for ref in ents:
        clusters.setdefault(uf.find(ref), []).append(ref)
    global_key: dict[tuple[int, str], str] = {}
    merged: dict[str, Entity] = {}
    used: set[str] = {ref[1] for ref in known_by_ref}
    for members in sorted(clusters.values(), key=lambda m: sorted(m)):
        if all(r in known_by_ref for r in members):
            continue  # a stored entity no new document mentions
        group = [ents[r] for r in members]
        etype = group[0].type
        names = {n for e in group for n in (e.name, *e.aliases)}
        stored = next((known_by_ref[r] for r in members if r in known_by_ref), None)
        # the documents' own names first: an alias may be a former name ("formerly X") or a raw form
        own = {e.name for e in group}
        best = stored.name if stored else max(own or names, key=lambda n: (_name_quality(n), n))
        cik = next((e.cik for e in group if e.cik), None)
        if stored is not None:
            key = stored.key
        else:
            prefix = {"Company": "company", "Person": "person", "GovernmentAgency": "agency"}[etype]
            key = f"company/cik-{cik}" if cik and etype == "Company" else f"{prefix}/{slug(company_core(best) if etype == 'Company' else best)}"
            base, n = key, 2
            while key in used:
                key = f"{base}-{n}"
                n += 1
        used.add(key)
        merged[key] = Entity(
            key=key,
            type=etype,
            name=best,
            aliases=names - {best},
            cik=cik,
            is_registrant=any(e.is_registrant for e in group),
        )
        for r in members:
            global_key[r] = key
    return Resolution(global_key, merged)


def _person_candidates(people: list[tuple[int, str]], ents: dict[tuple[int, str], Entity]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of people sharing a (first name, surname), in nested-loop order.

    :func:`_people_match` needs a pair of names with equal non-empty first names
    and equal non-empty surnames, so no other pair can match.
    """
    blocks: dict[tuple[str, str], list[int]] = {}
    for idx, ref in enumerate(people):
        ent = ents[ref]
        keys = set()
        for n in (ent.name, *ent.aliases):
            pn = _parse_person(n)
            if pn.first and pn.last:
                keys.add((pn.first, pn.last))
        for k in keys:
            blocks.setdefault(k, []).append(idx)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        for x, ia in enumerate(members):
            for ib in members[x + 1 :]:
                pairs.add((ia, ib))
    return sorted(pairs)


@lru_cache(maxsize=65536)
def _parse_person(name: str) -> PersonName:
    return PersonName.parse(name)


def _rekey(ex: Extraction, i: int, global_key: dict[tuple[int, str], str], merged: dict[str, Entity]) -> Extraction:
    emap = {k: global_key[(i, k)] for k in ex.entities}
    imap: dict[str, str] = {}
    instruments: dict[str, Instrument] = {}
    for k, inst in ex.instruments.items():
        issuer = emap.get(inst.issuer, inst.issuer)
        nk = f"instrument/{issuer}/{slug(inst.type)}"
        imap[k] = nk
        instruments[nk] = Instrument(key=nk, issuer=issuer, type=inst.type)
    entities: dict[str, Entity] = {}
    for k, ent in ex.entities.items():
        g = merged[emap[k]]
        entities[g.key] = Entity(
            key=g.key,
            type=g.type,
            name=g.name,
            aliases=set(g.aliases),
            cik=g.cik,
            is_registrant=ent.is_registrant,
            evidence=list(ent.evidence),
        )

    def conv(value: str, kind: str) -> str:
        if kind == "entity":
            return emap.get(value, value)
        if kind == "instrument":
            return imap.get(value, value)
        return value

    facts: list[Fact] = []
    seen: set[tuple[str, str, str, str | None]] = set()
    for f in ex.facts:
        skind, okind = RELATIONS[f.relation]
        nf = replace(f, subject=conv(f.subject, skind), object=conv(f.object, okind))
        sig = (nf.subject, nf.relation, nf.object, nf.qualifier)
        if sig not in seen:
            seen.add(sig)
            facts.append(nf)
    return Extraction(
        doc_id=ex.doc_id,
        sha256=ex.sha256,
        form_type=ex.form_type,
        registrant=emap.get(ex.registrant) if ex.registrant else None,
        entities=entities,
        instruments=instruments,
        facts=facts,
        records=ex.records.rekey(emap),  # holdings, trades and amounts name entities too
    )
