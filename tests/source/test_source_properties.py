"""Property-based tests of the source readers: whatever the bytes, a document or a SourceError.

Two laws matter to everything downstream: reading never fails with anything but
:class:`SourceError` (so one odd file cannot stop a corpus build), and every
character of every text part maps back inside the decoded source (so every fact
can be shown in its original context).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from graph.errors import SourceError
from graph.model import SourceDocument
from graph.source import read_source
from graph.source.decode import decode
from graph.source.render import clean_plain, html_to_text

FILINGS = Path(__file__).resolve().parents[2] / "data" / "filings"
SAMPLES = sorted(p for p in FILINGS.iterdir() if p.is_file())

_TAGS = ["<html>", "</html>", "<body>", "</body>", "<div>", "</div>", "<p>", "<td>", "<tr>", "</table>", "<table>",
         "<br>", "<pre>", "</pre>", "<script>", "</script>", "<!--", "-->", "&amp;", "&#169;", "&nbsp;", "&bogus;",
         "<SEC-DOCUMENT>", "<SEC-HEADER>", "</SEC-HEADER>", "<DOCUMENT>", "</DOCUMENT>", "<TYPE>8-K\n", "<TEXT>",
         "</TEXT>", "<XML>", "</XML>", "<?xml version=\"1.0\"?>", "<ownershipDocument>", "</ownershipDocument>",
         "FORM 8-K\n", "EXHIBIT 99.1\n", "CONFORMED SUBMISSION TYPE:\t8-K\n", "\n", "\r\n", "\t", " ", "<", ">"]
markup = st.lists(st.one_of(st.sampled_from(_TAGS), st.text(max_size=12)), max_size=40).map("".join)
fast = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.function_scoped_fixture])


def _check_offsets(doc: SourceDocument) -> None:
    n = len(doc.source_text)
    for part in doc.parts:
        assert len(part.offsets) == len(part.text) + 1
        assert all(0 <= o <= n for o in part.offsets)
        for i in range(0, len(part.text), max(1, len(part.text) // 50)):
            s, e = part.source_span(i, i + 1)
            assert 0 <= s <= e <= n
    if doc.form_type is not None:
        assert 0 <= doc.form_type.start <= doc.form_type.end <= n


def _read(tmp_path: Path, name: str, data: bytes) -> SourceDocument | None:
    f = tmp_path / name
    f.write_bytes(data)
    try:
        doc = read_source(f)
    except SourceError as err:
        assert err.path == str(f) and err.reason and "\n" not in err.reason
        assert not err.reason.startswith("cannot be read ("), f"reader bug caught by the safety net: {err.reason}"
        return None
    _check_offsets(doc)
    return doc


@fast
@given(st.binary(max_size=2000), st.sampled_from(["x.txt", "x.htm", "x.xml", "x"]))
def test_random_bytes_give_a_document_or_a_source_error(tmp_path: Path, data: bytes, name: str) -> None:
    _read(tmp_path, name, data)


@fast
@given(markup, st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_random_markup_gives_a_document_or_a_source_error(tmp_path: Path, text: str, encoding: str) -> None:
    _read(tmp_path, "m.txt", text.encode(encoding, "replace"))


@fast
@given(st.sampled_from(SAMPLES), st.data())
def test_cut_or_damaged_samples_give_a_document_or_a_source_error(tmp_path: Path, sample: Path, data) -> None:
    raw = sample.read_bytes()
    cut = data.draw(st.integers(0, len(raw)), label="cut")
    damage = data.draw(st.binary(max_size=20), label="damage")
    at = data.draw(st.integers(0, cut), label="at")
    _read(tmp_path, sample.name, raw[:at] + damage + raw[at:cut])


@fast
@given(markup)
def test_html_renderer_maps_every_character_inside_the_source(text: str) -> None:
    prefix = "junk before "
    src = prefix + text + " junk after"
    part = html_to_text(src, len(prefix), len(prefix) + len(text))
    assert len(part.offsets) == len(part.text) + 1
    assert all(len(prefix) <= o <= len(prefix) + len(text) for o in part.offsets)


@fast
@given(st.text(max_size=300))
def test_plain_cleaner_maps_every_character_inside_the_source(text: str) -> None:
    part = clean_plain(text, 0, len(text))
    assert len(part.offsets) == len(part.text) + 1
    assert all(0 <= o <= len(text) for o in part.offsets)


@fast
@given(st.text(min_size=1, max_size=300))
def test_decode_round_trips_utf8_and_boms(text: str) -> None:
    assume(text.strip())
    for raw in (text.encode("utf-8"), text.encode("utf-16"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        try:
            decoded, _ = decode(raw, "t.txt")
        except SourceError:
            continue  # control characters or NUL: refused as binary, which is allowed
        assert decoded == text


def test_malformed_xml_reason_is_one_line(tmp_path: Path) -> None:
    """lxml quotes the offending text (with its line breaks) in its message; the reason stays one line."""
    assert _read(tmp_path, "m.txt", b"<!--<ownershipDocument>FORM 8-K\n<!--") is None
