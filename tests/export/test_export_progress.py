"""export() reports its two slow steps (select, write), so the CLI can show a bar on a large store."""

from __future__ import annotations

from graph.export import Selection, export


def test_export_reports_select_then_write(innovo_store, tmp_path):
    seen: list[tuple[int, int]] = []
    export("turtle", innovo_store, tmp_path / "g.ttl", progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 2), (1, 2), (2, 2)]


def test_a_failed_export_does_not_report_the_write(innovo_store, tmp_path):
    seen: list[tuple[int, int]] = []
    try:
        export("turtle", innovo_store, tmp_path / "g.ttl", selection=Selection(document="no-such-doc.txt"),
               progress=lambda d, t: seen.append((d, t)))
    except Exception:
        pass
    assert (2, 2) not in seen
