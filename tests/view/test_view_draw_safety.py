"""draw: a name with XML-forbidden characters still gives a well-formed SVG; a failed draw keeps the old picture."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from matplotlib.figure import Figure

from graph.view import ViewError
from graph.view.draw import draw_neighbourhood

#: a lone surrogate cannot reach a view graph: it is loaded through Oxigraph, which rejects one
#: (graph.export.base.xml_safe, which draw uses, replaces it: tests/export/test_export_safety.py)
BAD_NAME = "Innovo\x00\x01 Group\x0b Inc\ufffe. Holdings"


@pytest.fixture(scope="module")
def bad_view_graph():
    """The hand-made Innovo extraction (no pipeline run), with a control-ridden registrant name."""
    from graph.pipeline import to_dataset
    from graph.view import load_view_graph
    from tests.rdf import innovo_sample as sample

    ex = sample.innovo_extraction()
    ex.entities[sample.INNOVO].name = BAD_NAME
    return load_view_graph(to_dataset([ex]))


def test_svg_is_well_formed_and_keeps_the_name(bad_view_graph, tmp_path):
    out = draw_neighbourhood(bad_view_graph, "company/cik-844143", tmp_path / "bad.svg")
    root = ET.parse(out).getroot()  # strict: any forbidden character is a ParseError
    text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Innovo Group" in text and "Holdings" in text and "\x01" not in text
    lxml = pytest.importorskip("lxml.etree")
    lxml.parse(str(out), lxml.XMLParser(recover=False))


def test_failed_draw_leaves_the_earlier_picture_and_no_temp_file(bad_view_graph, tmp_path, monkeypatch):
    out = tmp_path / "innovo.svg"
    draw_neighbourhood(bad_view_graph, "company/cik-844143", out)
    before = out.read_bytes()

    def half_then_full_disk(self, fname, **kwargs):
        Path(fname).write_bytes(b"<svg")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Figure, "savefig", half_then_full_disk)
    with pytest.raises(ViewError, match="cannot draw"):
        draw_neighbourhood(bad_view_graph, "company/cik-844143", out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["innovo.svg"]
    with pytest.raises(ViewError):
        draw_neighbourhood(bad_view_graph, "company/cik-844143", tmp_path / "new.png")
    assert not (tmp_path / "new.png").exists()
