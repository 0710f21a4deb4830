"""Cross-document resolution re-keys ownership records with the entities they name."""

from __future__ import annotations

from graph.entities.resolve import resolve
from graph.mentions.registry import EntityRegistry
from graph.model import Amount, Entity, Extraction, Holding, OwnershipRecords, Quantity, Transaction


def _ex(doc: str, holder_name: str) -> Extraction:
    ents = {
        "company-1": Entity("company-1", "Company", "Harbor Lantern Foods, Inc.", cik="411234"),
        "person-2": Entity("person-2", "Person", holder_name),
    }
    rec = OwnershipRecords(
        holdings=[Holding("person-2", "company-1", shares=Quantity("1250000"), percent=Quantity("6.2"))],
        transactions=[Transaction(["person-2"], "company-1", "Common Stock", code=Quantity("P"))],
        amounts=[Amount("company-1", "total_amount_sold", Quantity("5000"))],
    )
    return Extraction(doc, "", None, "company-1", ents, {}, [], rec)


def test_records_follow_global_keys() -> None:
    a, b = resolve([_ex("a.txt", "Margaret T. Olander"), _ex("b.txt", "Margaret Olander")])
    for ex in (a, b):
        h = ex.records.holdings[0]
        assert h.holder in ex.entities and h.issuer == "company/cik-411234"
        assert ex.records.transactions[0].owners == [h.holder]
        assert ex.records.amounts[0].issuer == "company/cik-411234"
    assert a.records.holdings[0].holder == b.records.holdings[0].holder


def test_registry_merge_rekeys_records() -> None:
    reg = EntityRegistry("doc.txt")
    issuer = reg.add("Company", "Harbor Lantern Foods, Inc.")
    other = reg.add("Company", "Harbor Lantern Holdings LLC")
    holder = reg.add("Person", "Margaret T. Olander")
    reg.records.holdings.append(Holding(holder, other, percent=Quantity("6.2")))
    reg.merge(other, issuer)
    assert reg.records.holdings[0].issuer == issuer
    # a holding that merging turns into a stake in itself is dropped
    parent = reg.add("Company", "Lantern Parent Corp.")
    reg.records.holdings.append(Holding(parent, issuer, percent=Quantity("51")))
    reg.merge(parent, issuer)
    assert [h.percent.value for h in reg.records.holdings if h.percent] == ["6.2"]
