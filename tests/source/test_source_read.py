"""read_source: decoding, format detection and the refusals."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph.errors import SourceError
from graph.source import read_source
from graph.source.detect import detect_format

FILINGS = Path(__file__).resolve().parents[2] / "data" / "filings"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("000_7210d5438e3bcbbd.txt", "text"),
        ("001_d211dfa7cc6225bc.txt", "text"),  # plain text with a <PAGE> marker
        ("8-K_CiscoSystems_0000891618-95-000727.txt", "sgml"),
        ("S-3A_PageAmericaGroup_0000899681-95-000096.txt", "sgml"),  # <DOCUMENT> without any header
        ("8-K_5GWireless_2004-09-30.htm", "html"),
        ("EX-21.1_Apple_10-K-FY2025.htm", "html"),
        ("4_374Water_2025-05-02.xml", "xml"),
        ("D_1685-38th-REIT_2023-01-27.xml", "xml"),
    ],
)
def test_formats_of_sample_filings(name: str, fmt: str) -> None:
    doc = read_source(FILINGS / name)
    assert doc.fmt == fmt
    assert doc.doc_id == name
    raw = (FILINGS / name).read_bytes()
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.encoding == "utf-8"
    assert doc.parts and all(len(p.offsets) == len(p.text) + 1 for p in doc.parts)


def test_cp1252_file_is_decoded_as_cp1252(tmp_path: Path) -> None:
    f = tmp_path / "ex99.txt"
    f.write_bytes(b"EXHIBIT 99.1\n\nJoe\x92s Jeans \x93premium\x94 denim \x96 press release.\n")
    doc = read_source(f)
    assert doc.encoding == "cp1252"
    assert "Joe\u2019s Jeans \u201cpremium\u201d denim \u2013 press" in doc.parts[0].text
    assert doc.form_type is not None and doc.form_type.value == "EX-99.1"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfFORM 8-K\n\nCaf\xc3\xa9 Holdings Inc. reported.\n")
    doc = read_source(f)
    assert doc.encoding == "utf-8-sig"
    assert doc.source_text.startswith("FORM 8-K")
    assert "Caf\u00e9 Holdings" in doc.parts[0].text


def test_latin1_is_the_last_resort(tmp_path: Path) -> None:
    f = tmp_path / "odd.txt"
    f.write_bytes(b"EXHIBIT 99.1\nA press release about Caf\x81 Holdings and its business plans for next year.\n")
    assert read_source(f).encoding == "latin-1"


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"  \n\n")
    with pytest.raises(SourceError) as err:
        read_source(f)
    assert err.value.path == str(f) and "empty" in err.value.reason
    assert str(err.value).startswith(str(f))


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    with pytest.raises(SourceError, match="binary"):
        read_source(f)


def test_binary_file_without_nul_bytes(tmp_path: Path) -> None:
    f = tmp_path / "blob.bin"
    f.write_bytes(bytes(range(1, 32)) * 20)
    with pytest.raises(SourceError, match="binary"):
        read_source(f)


def test_unknown_markup(tmp_path: Path) -> None:
    f = tmp_path / "config.txt"
    f.write_text("<config><server name='a'>x</server><port>80</port></config>\n")
    with pytest.raises(SourceError, match="unknown markup"):
        read_source(f)


def test_unrecognisable_content(tmp_path: Path) -> None:
    f = tmp_path / "data.txt"
    f.write_text("0123456789+/=" * 50 + "\n")
    with pytest.raises(SourceError, match="unrecognisable"):
        read_source(f)


def test_missing_file() -> None:
    with pytest.raises(SourceError, match="cannot read"):
        read_source(FILINGS / "no-such-file.txt")


def test_detect_edgar_text_tags_are_not_html() -> None:
    text = "Table\n<TABLE>\n<CAPTION>\nName    Shares\n<S>     <C>\nA       1\n</TABLE>\n<PAGE>\nmore text here\n"
    assert detect_format(text, "x") == "text"


def test_detect_xhtml_with_xml_declaration_is_html() -> None:
    assert detect_format('<?xml version="1.0"?>\n<html><body><p>Hi there</p></body></html>', "x") == "html"


SAMPLES = sorted(p.name for p in FILINGS.iterdir())


@pytest.mark.parametrize("name", SAMPLES)
def test_every_part_maps_back_to_the_source(name: str) -> None:
    """The offsets contract on every sample: monotonic, complete, and pointing at the very characters."""
    doc = read_source(FILINGS / name)
    for part in doc.parts:
        assert len(part.offsets) == len(part.text) + 1
        assert all(a <= b for a, b in zip(part.offsets, part.offsets[1:]))
        if part.kind == "xml":
            continue  # field labels are synthetic; values are checked in test_source_xmlforms
        for i, ch in enumerate(part.text):
            if not ch.isspace() and ch != "|":
                assert doc.source_text[part.offsets[i]] in (ch, "&"), (name, i)


def test_formless_text_that_reads_like_a_filing_is_accepted(tmp_path):
    """A press release whose heading was lost is still a filing; random prose is not."""
    from graph.errors import SourceError
    from graph.source import read_source

    p = tmp_path / "release.txt"
    p.write_text("LOS ANGELES, March 3, 2004 -- Innovo Group Inc. (NASDAQ: INNO) announced that its Chief "
                 "Financial Officer will present at a conference.\n", encoding="utf-8")
    assert read_source(p).form_type is None
    q = tmp_path / "prose.txt"
    q.write_text("The quick brown fox jumps over the lazy dog while the committee reviews its minutes.\n", encoding="utf-8")
    try:
        read_source(q)
    except SourceError as exc:
        assert "no recognisable form" in str(exc)
    else:
        raise AssertionError("prose without a form was accepted")
