"""Within-document entity resolution: every mention lands on one entity.

Rules see names in many shapes ("INNOVO GROUP INC.", "Innovo Group",
"the Company", "Marc Crossman" / "Marc B. Crossman", "Mr. Crossman"); the
registry decides which entity each one is, so facts attach to one node.
Companies merge on their core name (legal suffixes dropped) and never on a
shared word alone; people merge when surname, first name (or initial) and
middle initials are compatible. Cross-document resolution works on the
finished registries (see :mod:`graph.entities.resolve`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.model import Entity, Evidence, Fact, Instrument, OwnershipRecords
from graph.normalize.names import name_key, same_company_name

_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|messrs|prof)\.?\s+", re.I)
_SUFFIX = re.compile(r",?\s+(jr|sr|ii|iii|iv|esq|cpa|phd|md)\.?$", re.I)

_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_name_text(name: str) -> str:
    """A name as text every store and format can hold: control characters become spaces, lone surrogates U+FFFD.

    Names come from SGML headers and badly encoded files; a control character or a
    lone surrogate in one breaks XML exports and the Oxigraph store downstream.
    """
    return _LONE_SURROGATE.sub("\ufffd", _UNSAFE_CHARS.sub(" ", name))


@dataclass
class PersonName:
    """A person's name split for compatibility tests."""

    first: str
    middles: list[str]
    last: str
    suffix: str

    @classmethod
    def parse(cls, name: str) -> "PersonName":
        text = _HONORIFIC.sub("", name.strip())
        suffix = ""
        while True:
            m = _SUFFIX.search(text)
            if not m:
                break
            if m.group(1).lower() in ("jr", "sr", "ii", "iii", "iv"):
                suffix = m.group(1).lower()
            text = text[: m.start()].strip()
        tokens = [t for t in re.split(r"[\s]+", text.replace(",", " ")) if t]
        keys = [name_key(t) for t in tokens]
        keys = [k for k in keys if k]
        if not keys:
            return cls("", [], "", suffix)
        if len(keys) == 1:
            return cls("", [], keys[0], suffix)
        return cls(keys[0], keys[1:-1], keys[-1], suffix)

    def compatible(self, other: "PersonName") -> bool:
        """Same person as far as the names alone can tell."""
        if not self.last or self.last != other.last:
            return False
        if self.suffix and other.suffix and self.suffix != other.suffix:
            return False
        if self.first and other.first and not _initial_match(self.first, other.first):
            return False
        for a, b in zip(self.middles, other.middles):
            if not _initial_match(a, b):
                return False
        return True


def _initial_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return False


def _name_quality(name: str) -> tuple[int, int, int]:
    """Rank names: mixed case beats ALL CAPS, then more tokens, then longer."""
    mixed = 0 if name.isupper() else 1
    return (mixed, len(name.split()), len(name))


def _add_evidence(ent: Entity, ev: Evidence) -> None:
    """One evidence per source span: a span read by two rules keeps the surer reading."""
    for i, old in enumerate(ent.evidence):
        if (old.start, old.end) == (ev.start, ev.end):
            if ev.confidence > old.confidence:
                ent.evidence[i] = ev
            return
    ent.evidence.append(ev)


@dataclass
class EntityRegistry:
    """Entities, instruments and facts of one document, keyed locally."""

    doc_id: str
    entities: dict[str, Entity] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    registrant: str | None = None
    records: OwnershipRecords = field(default_factory=OwnershipRecords)  # holdings, trades, amounts
    _counter: int = 0

    # ------------------------------------------------------------------ entities
    def find(self, etype: str, name: str) -> str | None:
        """The key of an existing entity this name denotes, if any."""
        if etype == "Person":
            return self._find_person(name)
        if etype == "Company":
            for ent in self.entities.values():
                if ent.type == etype and any(same_company_name(name, n) for n in (ent.name, *ent.aliases)):
                    return ent.key
            return None
        core = name_key(name)
        for ent in self.entities.values():
            if ent.type == etype and any(name_key(n) == core for n in (ent.name, *ent.aliases)):
                return ent.key
        return None

    def _find_person(self, name: str) -> str | None:
        pn = PersonName.parse(name)
        if not pn.last:
            return None
        hits = []
        for ent in self.entities.values():
            if ent.type != "Person":
                continue
            if any(pn.compatible(PersonName.parse(n)) for n in (ent.name, *ent.aliases)):
                hits.append(ent.key)
        if len(hits) == 1:
            return hits[0]
        return None

    def find_person_by_surname(self, surname: str) -> str | None:
        """Resolve "Mr. Crossman" to the one person with that surname, if unique."""
        key = name_key(surname)
        hits = [
            e.key
            for e in self.entities.values()
            if e.type == "Person" and PersonName.parse(e.name).last == key
        ]
        return hits[0] if len(hits) == 1 else None

    def find_person_by_first(self, first: str) -> str | None:
        """Resolve a lone first name ("Steve") when exactly one person has it."""
        key = name_key(first)
        hits = [
            e.key
            for e in self.entities.values()
            if e.type == "Person" and PersonName.parse(e.name).first == key
        ]
        return hits[0] if len(hits) == 1 else None

    def add(
        self,
        etype: str,
        name: str,
        evidence: Evidence | None = None,
        *,
        cik: str | None = None,
        registrant: bool = False,
        exact: bool = False,
    ) -> str:
        """Add a mention; returns the key of the (possibly existing) entity.

        ``exact`` matches only an identical name (after the FORMAT normalisation):
        for lists such as holder tables, where "Randall W. Byrnes" and
        "Randall W. Byrnes, Jr." are two rows, two people.
        """
        name = re.sub(r"\s+", " ", clean_name_text(name)).strip()
        key = None
        if cik:
            key = next((e.key for e in self.entities.values() if e.cik == cik), None)
        if key is None and exact:
            nk = name_key(name)
            key = next(
                (e.key for e in self.entities.values() if e.type == etype and any(name_key(n) == nk for n in (e.name, *e.aliases))),
                None,
            )
        elif key is None:
            key = self.find(etype, name)
        if key is None:
            self._counter += 1
            key = f"{etype.lower()}-{self._counter}"
            self.entities[key] = Entity(key=key, type=etype, name=name)
        ent = self.entities[key]
        if name != ent.name:
            if _name_quality(name) > _name_quality(ent.name):
                ent.aliases.add(ent.name)
                ent.name = name
            else:
                ent.aliases.add(name)
        ent.aliases.discard(ent.name)
        if cik and not ent.cik:
            ent.cik = cik
        if evidence is not None:
            _add_evidence(ent, evidence)
        if registrant:
            # a second name for the registrant (cover page vs SGML header: renamed
            # companies, typos) folds into the one registrant entity as an alias
            self.set_registrant(key)
            return self.registrant or key
        return key

    def set_registrant(self, key: str) -> None:
        if self.registrant and self.registrant != key:
            self.merge(key, self.registrant)
            return
        self.registrant = key
        self.entities[key].is_registrant = True

    def merge(self, src: str, dst: str) -> None:
        """Fold entity ``src`` into ``dst`` (names, evidence and facts)."""
        if src == dst or src not in self.entities:
            return
        s, d = self.entities.pop(src), self.entities[dst]
        for n in (s.name, *s.aliases):
            if n != d.name:
                if _name_quality(n) > _name_quality(d.name) and s.type == d.type:
                    d.aliases.add(d.name)
                    d.name = n
                else:
                    d.aliases.add(n)
        d.aliases.discard(d.name)
        for ev in s.evidence:
            _add_evidence(d, ev)
        d.cik = d.cik or s.cik
        d.is_registrant = d.is_registrant or s.is_registrant
        for f in self.facts:
            if f.subject == src:
                f.subject = dst
            if f.object == src:
                f.object = dst
        for inst in list(self.instruments.values()):
            if inst.issuer == src:
                self.instruments.pop(inst.key)
                new = self.instrument(dst, inst.type)
                for f in self.facts:
                    if f.subject == inst.key:
                        f.subject = new
                    if f.object == inst.key:
                        f.object = new
        if self.registrant == src:
            self.registrant = dst
        self.records = self.records.rekey({src: dst})

    def drop(self, key: str) -> None:
        """Remove an entity that turned out not to be one, with its facts."""
        self.entities.pop(key, None)
        self.facts = [f for f in self.facts if f.subject != key and f.object != key]

    # ------------------------------------------------------------------ instruments and facts
    def instrument(self, issuer: str, itype: str) -> str:
        key = f"{issuer}/{itype}"
        if key not in self.instruments:
            self.instruments[key] = Instrument(key=key, issuer=issuer, type=itype)
        return key

    def fact(
        self,
        subject: str,
        relation: str,
        obj: str,
        evidence: Evidence | None = None,
        qualifier: str | None = None,
        *,
        start_date: str | None = None,
        end_date: str | None = None,
    ) -> None:
        """Record a fact once; a later duplicate only adds the dates it knows."""
        for f in self.facts:
            if (f.subject, f.relation, f.object, f.qualifier) == (subject, relation, obj, qualifier):
                f.start_date = f.start_date or start_date
                f.end_date = f.end_date or end_date
                return
        self.facts.append(Fact(subject, relation, obj, qualifier, evidence, start_date, end_date))
