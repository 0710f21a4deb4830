"""Label-free coverage of a build: what share of documents got the basics.

Without gold answers a corpus still says a lot about extraction: a filing
always has a registrant, nearly always a CIK or commission file number and a
signer, and most 8-Ks and 10-Ks name at least one officer. Counting, per form
kind, the documents whose graph holds each of these finds general faults
(a layout whose cover is never read, signature blocks missed) without
writing a rule for any one file. It is read from the facts view, so it
measures what users get out of the graph.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from graph.normalize.forms import form_kind
from graph.query.facts import fact_rows
from graph.store.sparql import Source

#: the columns of a coverage row, in order
CHECKS = ("registrant", "cik_or_file_number", "signer", "officer")


@dataclass
class Coverage:
    """Documents of one form kind and how many of them pass each check."""

    form: str
    documents: int = 0
    passed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHECKS, 0))

    def share(self, check: str) -> float:
        return self.passed[check] / self.documents if self.documents else 0.0


def coverage(source: Source) -> list[Coverage]:
    """Coverage per form kind, sorted by number of documents (then name), with an ``all`` row last."""
    rows = fact_rows(source, all_sources=True)
    doc_of = lambda r: r.get("source", "").split("#", 1)[0]  # noqa: E731 - tiny accessor
    forms: dict[str, str] = {}
    registrant: dict[str, str] = {}
    signed: set[str] = set()
    officers: set[str] = set()
    ids_of: dict[str, set[str]] = defaultdict(set)
    docs: set[str] = set()
    for r in rows:
        rel = r["relation"]
        doc = doc_of(r)
        if doc:
            docs.add(doc)
        if rel == "form_type":
            forms.setdefault(r["subject"], r["object"])
        elif rel == "filed_by":
            registrant.setdefault(r["subject"], r["object"])
        elif rel == "signed":
            signed.add(r["object"])
        elif rel == "officer_of" and doc:
            officers.add(doc)
        elif rel in ("cik", "commission_file_number"):
            ids_of[r["subject"]].add(r["object"])
    groups: dict[str, Coverage] = {}
    total = Coverage("all")
    for doc in sorted(docs | set(forms)):
        kind = form_kind(forms.get(doc, ""))
        cov = groups.setdefault(kind, Coverage(kind))
        reg = registrant.get(doc)
        passed = {
            "registrant": reg is not None,
            "cik_or_file_number": reg is not None and bool(ids_of.get(reg)),
            "signer": doc in signed,
            "officer": doc in officers,
        }
        for c in (cov, total):
            c.documents += 1
            for check, ok in passed.items():
                c.passed[check] += int(ok)
    ordered = sorted(groups.values(), key=lambda c: (-c.documents, c.form))
    return [*ordered, total]


def format_coverage(rows: list[Coverage]) -> str:
    """A plain-text table: documents and the share passing each check, per form kind."""
    head = f"{'form':<12} {'docs':>5} " + " ".join(f"{c:>18}" for c in CHECKS)
    lines = [head, "-" * len(head)]
    for cov in rows:
        lines.append(f"{cov.form:<12} {cov.documents:>5} " + " ".join(f"{cov.share(c):>18.2f}" for c in CHECKS))
    return "\n".join(lines)
