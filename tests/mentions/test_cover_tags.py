"""dei cover tags and SGML SROS lines as registrant facts (graph.mentions.cover_tags), end to end."""

from graph.mentions.extract import extract_document
from graph.source import read_source
from tests.conftest import rows_of
from tests.source.test_ixbrl import IX_COVER

VISIBLE_COVER = """<p>FORM 8-K</p><p>Northwind Freight Corporation</p>
<p>(Exact name of registrant as specified in its charter)</p>
<p>Item 5.02 Departure of Directors.</p>
<p>The Board met on July 17, 2023.</p>"""


def _extract(nlp, tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return extract_document(read_source(p), nlp)


def test_dei_tags_give_registrant_facts_and_fold_with_the_printed_name(nlp, tmp_path):
    html = IX_COVER.replace("</body>", VISIBLE_COVER + "</body>")
    ex = _extract(nlp, tmp_path, "cover.htm", html)
    rows = rows_of(ex)
    reg = ex.entities[ex.registrant]
    assert reg.cik == "1048911"
    assert {"NORTHWIND FREIGHT CORP", "Northwind Freight Corporation"} <= {reg.name, *reg.aliases}
    name = reg.name
    for fact in [
        (name, "cik", "1048911"),
        (name, "state_of_incorporation", "Delaware"),
        (name, "irs_employer_id", "62-1721435"),
        (name, "commission_file_number", "1-15829"),
        (name, "postal_code", "38120"),
        (name, "ticker", "NWF"),
        (name, "exchange", "NYSE"),
        ("cover.htm", "filed_by", name),
    ]:
        assert fact in rows
    # a note series' symbol is not the company's ticker
    assert (name, "ticker", "NWF 25A") not in rows
    assert sum(1 for r in rows if r[1] == "ticker") == 1
    # hidden facts keep their source offsets
    cik = next(f for f in ex.facts if f.relation == "cik")
    assert html[cik.evidence.start : cik.evidence.end] == "1048911"


SGML = """<SEC-HEADER>0000000000-95-000001.hdr.sgml : 19950519
ACCESSION NUMBER:		0000000000-95-000001
CONFORMED SUBMISSION TYPE:	8-K
FILED AS OF DATE:		19950519
SROS:			{sro}

FILER:

	COMPANY DATA:
		COMPANY CONFORMED NAME:			QUILLON STORES INC
		CENTRAL INDEX KEY:			0000104169
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<TEXT>
                             QUILLON STORES, INC.
            (Exact name of Registrant as specified in its charter)
</TEXT>
</DOCUMENT>
"""


def test_sros_exchange_but_not_the_broker_regulator(nlp, tmp_path):
    ex = _extract(nlp, tmp_path, "nyse.txt", SGML.format(sro="NYSE"))
    assert any(r[1:] == ("exchange", "NYSE") for r in rows_of(ex))
    ex = _extract(nlp, tmp_path, "nasd.txt", SGML.format(sro="NASD"))
    assert not any(r[1] == "exchange" for r in rows_of(ex))
