"""Cross-document resolution over the three Innovo Group filings."""

from graph.entities.resolve import resolve
from tests.conftest import INNOVO


def test_innovo_corpus_has_one_node_per_entity(extract):
    resolved = resolve([extract(p) for p in INNOVO])
    keys: dict[str, set[str]] = {}
    for ex in resolved:
        for key, ent in ex.entities.items():
            keys.setdefault(ent.name, set()).add(key)
    all_keys = {k for ex in resolved for k in ex.entities}
    innovo = {k for k in all_keys if k.startswith("company/innovo-group")}
    furrow = {k for k in all_keys if "furrow" in k}
    crossman = {k for k in all_keys if "crossman" in k}
    assert len(innovo) == 1 and len(furrow) == 1 and len(crossman) == 1
    # the canonical name is the fullest one seen anywhere
    names = {ex.entities[k].name for ex in resolved for k in ex.entities if k in crossman}
    assert names == {"Marc B. Crossman"}
    # every Innovo fact in every document points at the one node
    innovo_key = next(iter(innovo))
    for ex in resolved:
        assert any(f.object == innovo_key or f.subject == innovo_key for f in ex.facts)
