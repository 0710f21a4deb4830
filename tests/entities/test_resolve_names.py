"""The resolved name of an entity is one of the names the documents gave it, never an alias such as a former name."""

from __future__ import annotations

from pathlib import Path

from graph.entities.resolve import resolve
from graph.model import Entity, Extraction

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _ex(doc: str, ent: Entity) -> Extraction:
    return Extraction(doc, "", None, ent.key, {ent.key: ent})


def test_former_name_stays_an_alias() -> None:
    # EDGAR header: COMPANY CONFORMED NAME plus FORMER COMPANY / FORMER CONFORMED NAME (longer, mixed case)
    ent = Entity("company-1", "Company", "Quillfeather Bio, Inc.", {"QUILLFEATHER BIO, INC.", "Quillfeather Robotics (Holding) Corp"}, cik="1173313")
    (ex,) = resolve([_ex("a.txt", ent)])
    (got,) = ex.entities.values()
    assert got.name == "Quillfeather Bio, Inc."
    assert "Quillfeather Robotics (Holding) Corp" in got.aliases


def test_best_own_name_across_documents() -> None:
    a = Entity("company-1", "Company", "Innovo Group", cik="844143")
    b = Entity("company-1", "Company", "Innovo Group Inc.", {"INNOVO GROUP INC"}, cik="844143")
    exs = resolve([_ex("a.txt", a), _ex("b.txt", b)])
    assert {e.name for ex in exs for e in ex.entities.values()} == {"Innovo Group Inc."}


def test_header_former_name_end_to_end(extract) -> None:
    (ex,) = resolve([extract(FIXTURES / "8-K_ABVC_2025_header_excerpt.txt")])
    filer = ex.entities[ex.registrant]  # type: ignore[index]
    assert "biopharma" in filer.name.lower()
    assert any("BriVision" in a for a in filer.aliases)
