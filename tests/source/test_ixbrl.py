"""Inline-XBRL dei cover tags, hidden or shown, with exact source spans (graph.source.ixbrl)."""

from graph.source.ixbrl import read_cover_tags

# shaped like a 2023 8-K cover: name and CIK hidden in ix:header, the rest tagged in the visible cover
IX_COVER = """<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><head><title>8-K</title></head>
<body><div style="display:none"><ix:header><ix:hidden>
<ix:nonNumeric id="h1" name="dei:EntityRegistrantName" contextRef="c1">NORTHWIND FREIGHT CORP</ix:nonNumeric>
<ix:nonNumeric name="dei:AmendmentFlag" contextRef="c1">false</ix:nonNumeric>
<ix:nonNumeric id="h2" name="dei:EntityCentralIndexKey" contextRef="c1">0001048911</ix:nonNumeric>
</ix:hidden></ix:header></div>
<p>Commission File Number <ix:nonNumeric name="dei:EntityFileNumber" contextRef="c1">1-15829</ix:nonNumeric></p>
<table><tr><td><ix:nonNumeric name="dei:EntityIncorporationStateCountryCode" contextRef="c1" format="ixt-sec:stateprovnameen"><span>Delaware</span></ix:nonNumeric></td>
<td><ix:nonNumeric name="dei:EntityTaxIdentificationNumber" contextRef="c1">62-1721435</ix:nonNumeric></td></tr></table>
<p><ix:nonNumeric name="dei:EntityAddressPostalZipCode" contextRef="c1">38120</ix:nonNumeric></p>
<table><tr><td>Common Stock</td><td><ix:nonNumeric name="dei:TradingSymbol" contextRef="c2">NWF</ix:nonNumeric></td>
<td><ix:nonNumeric name="dei:SecurityExchangeName" contextRef="c2" format="ixt-sec:exchnameen">New York Stock Exchange</ix:nonNumeric></td></tr>
<tr><td>0.450% Notes due 2025</td><td><ix:nonNumeric name="dei:TradingSymbol" contextRef="c3">NWF&#160;25A</ix:nonNumeric></td>
<td><ix:nonNumeric name="dei:SecurityExchangeName" contextRef="c3">NYSE</ix:nonNumeric></td></tr></table>
</body></html>"""


def test_hidden_and_visible_dei_tags_with_spans():
    t = read_cover_tags(IX_COVER)
    assert t.registrant_name.value == "NORTHWIND FREIGHT CORP"
    assert IX_COVER[t.registrant_name.start : t.registrant_name.end] == "NORTHWIND FREIGHT CORP"
    assert t.cik.value == "1048911" and IX_COVER[t.cik.start : t.cik.end] == "1048911"
    assert t.state.value == "Delaware" and IX_COVER[t.state.start : t.state.end] == "Delaware"
    assert t.tax_id.value == "62-1721435"
    assert [f.value for f in t.file_numbers] == ["1-15829"]
    assert t.postal_code.value == "38120"


def test_symbols_pair_with_the_exchange_of_their_context():
    t = read_cover_tags(IX_COVER)
    rows = [(s.symbol.value, s.exchange.value if s.exchange else None) for s in t.symbols]
    assert rows == [("NWF", "New York Stock Exchange"), ("NWF 25A", "NYSE")]  # entity decoded, spaces kept


def test_plain_html_has_no_tags():
    t = read_cover_tags("<html><body><p>dei:EntityRegistrantName is a concept name, not a tag</p></body></html>")
    assert not t and t.registrant_name is None and t.symbols == []
