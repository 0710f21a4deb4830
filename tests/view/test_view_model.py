"""The view graph read from a real store: nodes, merged edges, provenance, search and bounded selection."""

from __future__ import annotations

import pytest

from graph.view import ViewError

INNOVO = "company/innovo-group"


def _edge(graph, source_name: str, relation: str, target_name: str):
    s, t = graph.resolve(source_name).id, graph.resolve(target_name).id
    found = [e for e in graph.edges if (e.source, e.relation, e.target) == (s, relation, t)]
    assert len(found) == 1, f"{source_name} {relation} {target_name}: {found}"
    return found[0]


def test_nodes_have_view_types_and_short_labels(view_graph):
    types = {n.type for n in view_graph.nodes.values()}
    assert {"company", "person", "instrument", "filing"} <= types
    warrant = view_graph.nodes["instrument/company/innovo-group/warrant"]
    assert (warrant.type, warrant.short, warrant.label) == ("instrument", "Warrant", "Innovo Group Inc. / Warrant")
    filing = view_graph.nodes["document/002_d72a9ef88ce946c1.txt"]
    assert filing.type == "filing" and filing.short == "8-K (2004-06-23)"
    innovo = view_graph.nodes[INNOVO]
    assert innovo.properties["state_of_incorporation"] == "Delaware"
    fact = next(f for f in innovo.facts if f["property"] == "state of incorporation")
    assert fact["value"] == "Delaware" and fact["sources"][0]["document"] == "002_d72a9ef88ce946c1.txt"


def test_positions_merge_into_one_edge_with_titles_and_every_source(view_graph):
    edge = _edge(view_graph, "Samuel J. Furrow, Jr.", "OFFICER_OF", "Innovo Group Inc.")
    assert {"Chief Executive Officer", "Principal Executive Officer"} <= set(edge.titles)
    assert edge.caption.startswith("officer of: ")
    assert {s["document"] for s in edge.sources} == {"000_7210d5438e3bcbbd.txt", "002_d72a9ef88ce946c1.txt"}
    assert all(s.get("sentence") and s["start"] < s["end"] for s in edge.sources)


def test_sources_carry_the_sentence_and_span(view_graph):
    edge = _edge(view_graph, "SunTrust Robinson Humphrey Capital Markets", "PLACEMENT_AGENT_FOR", "Innovo Group Inc.")
    (src,) = edge.sources
    assert src["sentence"] == "The placement agent for the offering was SunTrust Robinson Humphrey Capital Markets."
    assert src["document"] == "001_d211dfa7cc6225bc.txt" and src["end"] - src["start"] > 10
    assert src["method"] and 0 < src["confidence"] <= 1


def test_issued_by_is_not_drawn_twice(view_graph):
    pairs = {(e.source, e.target, e.relation) for e in view_graph.edges}
    assert (INNOVO, "instrument/company/innovo-group/warrant", "ISSUED") in pairs
    assert ("instrument/company/innovo-group/warrant", INNOVO, "ISSUED_BY") not in pairs


def test_search_ranks_the_registrant_first_and_resolve_accepts_names_ids_and_iris(view_graph):
    hits = [n.label for n in view_graph.search("Innovo")]
    assert hits[0] == "Innovo Group Inc."
    assert {"Innovo Inc.", "Innovo Azteca Apparel, Inc.", "Innovo Group Inc. / Warrant"} <= set(hits)
    assert view_graph.search("innovo group inc.")[0].id == INNOVO  # case-insensitive exact match
    assert view_graph.resolve(INNOVO).id == INNOVO
    assert view_graph.resolve("https://w3id.org/filing-kg/id/company/innovo-group").id == INNOVO
    assert view_graph.resolve("INNOVO GROUP INC.").id == INNOVO  # an alias
    with pytest.raises(ViewError, match="no entity matches"):
        view_graph.resolve("Nonexistent Holdings")


def test_neighbourhood_holds_officers_subsidiaries_agent_and_instruments(view_graph):
    sub, left_out = view_graph.neighbourhood(INNOVO, depth=1)
    labels = {n.short for n in sub.nodes.values()}
    assert {"Samuel J. Furrow, Jr.", "Marc B. Crossman", "Innovo Inc.", "Joe's Jeans", "Innovo Azteca Apparel, Inc.",
            "SunTrust Robinson Humphrey Capital Markets", "Warrant", "Convertible Note", "Common Stock"} <= labels
    assert left_out == 0
    assert all(e.source in sub.nodes and e.target in sub.nodes for e in sub.edges)
    assert "company/cik-320193" not in sub.nodes  # Apple is not Innovo's neighbour


def test_selection_is_capped_hubs_first(view_graph):
    sub, left_out = view_graph.neighbourhood(INNOVO, depth=3, max_nodes=5)
    assert len(sub.nodes) == 5 and INNOVO in sub.nodes and left_out > 0
    overview, rest = view_graph.overview(max_nodes=12, hubs=3)
    assert len(overview.nodes) == 12 and rest == len(view_graph.nodes) - 12
    top = sorted(view_graph.nodes, key=lambda n: -view_graph.degree(n))[0]
    assert top in overview.nodes


def test_restricted_keeps_types_relations_and_the_focus(view_graph):
    people = view_graph.restricted(types={"person"}, keep={INNOVO})
    assert {n.type for n in people.nodes.values()} == {"person", "company"}
    assert {n.type for i, n in people.nodes.items() if i != INNOVO} == {"person"}
    subs = view_graph.restricted(relations={"SUBSIDIARY_OF"})
    assert {e.relation for e in subs.edges} == {"SUBSIDIARY_OF"}


# ---------------------------------------------------------------------- at scale (invented hub of 120 shareholders)

from tests.view import synthetic as syn  # noqa: E402


def test_a_hub_of_120_shareholders_is_one_group_and_the_focus_never_a_member():
    graph = syn.hub_graph()
    sub, left_out = graph.neighbourhood(syn.HUB, depth=1, max_nodes=10)
    assert left_out == 0 and set(syn.HOLDERS) <= set(sub.nodes)  # grouped members do not count against the cap
    groups = sub.groups(keep=[syn.HUB])
    (group,) = groups
    assert group["hub"] == syn.HUB and (group["relation"], group["direction"]) == ("SHAREHOLDER_OF", "in")
    assert group["label"] == "120 shareholders" and group["count"] == 120 and group["type"] == "person"
    assert group["members"] == syn.HOLDERS  # by name
    assert syn.BRIDGE not in group["members"] and syn.AGENT not in group["members"]


def test_no_group_below_the_threshold_and_the_cap_still_applies_without_grouping():
    graph = syn.hub_graph()
    assert graph.groups(threshold=121) == []
    sub, left_out = graph.neighbourhood(syn.HUB, depth=1, max_nodes=10, group_threshold=None)
    assert len(sub.nodes) == 10 and left_out == len(graph.neighbours(syn.HUB)) - 9


def test_a_small_group_is_not_made_from_two_officers():
    graph = syn.hub_graph()
    groups = graph.groups(threshold=2, keep=[syn.HUB])
    officers = [g for g in groups if g["relation"] == "OFFICER_OF"]
    assert officers and officers[0]["label"] == "2 officers"
    assert all(syn.HUB not in g["members"] for g in groups)


def test_group_captions_name_the_relation():
    from graph.view.style import group_caption

    assert group_caption("SUBSIDIARY_OF", "in", 120) == "120 subsidiaries"
    assert group_caption("UNDERWRITER_FOR", "in", 25) == "25 × underwriter for"


def test_shortest_path_avoids_filings_as_steps_and_is_bounded():
    graph = syn.hub_graph()
    assert graph.shortest_path(syn.OTHER, syn.HUB) == [syn.OTHER, syn.BRIDGE, syn.HUB]
    assert graph.shortest_path(syn.OTHER, syn.HUB, max_length=1) is None
    path = graph.shortest_path(syn.OTHER, syn.FILING)
    assert path == [syn.OTHER, syn.FILING]  # an end may be a filing
    sub = graph.path_graph([syn.OTHER, syn.BRIDGE, syn.HUB])
    assert {(e.source, e.relation, e.target) for e in sub.edges} == {
        (syn.BRIDGE, "DIRECTOR_OF", syn.OTHER), (syn.BRIDGE, "OFFICER_OF", syn.HUB)}
    with pytest.raises(ViewError):
        graph.shortest_path("company/nowhere", syn.HUB)


def test_shortest_path_uses_a_filing_when_nothing_else_links():
    graph = syn.hub_graph()
    graph.edges = [e for e in graph.edges if e.relation != "DIRECTOR_OF"]
    graph._adjacency = graph._graph = None
    assert graph.shortest_path(syn.OTHER, syn.HUB) == [syn.OTHER, syn.FILING, syn.HUB]


def test_path_and_groups_over_the_json_endpoints():
    from graph.view.web import graph_json, path_json

    graph = syn.hub_graph()
    data = graph_json(graph, "Marrowfield Holdings", max_nodes=10)
    assert [g["label"] for g in data["groups"]] == ["120 shareholders"] and data["truncated"] == 0
    found = path_json(graph, "Quillon Minerals", "Marrowfield Holdings")
    assert found["path"] == [syn.OTHER, syn.BRIDGE, syn.HUB] and len(found["edges"]) == 2
    with pytest.raises(ViewError, match="no entity matches"):
        path_json(graph, "Quillon Minerals", "Nonexistent Holdings")


def test_snippet_windows_merge_and_clip():
    from graph.view.snippets import windows

    assert windows([(100, 110), (150, 160), (5000, 5010)], 5020, context=50) == [(50, 210), (4950, 5020)]
    assert windows([(0, 3)], 2, context=10) == [(0, 2)]


def test_offline_file_embeds_the_text_around_spans_only(tmp_path):
    import json
    import re

    from graph.view.html import explorer_html
    from graph.view.snippets import documents_dir_of

    docs = syn.write_documents(tmp_path / "docs")
    page = explorer_html(syn.hub_graph(), documents_dir=docs)
    data = json.loads(re.search(r'id="fkg-data">(.*?)</script>', page, re.S).group(1))
    ((offset, text),) = data["texts"]["doc-1.txt"]
    assert text[syn.SPAN_START - offset:][:len(syn.SPAN)] == syn.SPAN
    assert len(text) < len(syn.DOC_TEXT)  # a window, not the file
    assert documents_dir_of(docs.as_uri() + "/{doc}#char={start},{end}") == docs
    assert documents_dir_of("https://example.org/{doc}") is None
    assert "texts" not in json.loads(re.search(r'id="fkg-data">(.*?)</script>',
                                               explorer_html(syn.hub_graph()), re.S).group(1))
