"""Field-by-field comparison of filing-kg with edgartools on structured filings (not part of the test suite).

Run with the Python of a separate environment where edgartools is installed
(it is no dependency of filing-kg), on folders or files::

    /tmp/edgar-venv/bin/python benchmarks/compare_edgartools.py data/filings tests/source/fixtures \\
        [--filing-kg-python .venv/bin/python] [--show 40]

edgartools is used offline only: its local parsers on the files' contents
(``Ownership.from_xml``, ``FormD.from_xml``, ``FormC.from_xml``,
``Form144.parse_xml``, ``Schedule13D/13G.parse_xml``, ``FilingHeader``,
``parse_subsidiaries``); sockets are disabled, and the one lookup its Form 4
reader makes over the network (is a reporting owner a company? it decides
whether to reverse "LAST FIRST" names) is answered from the name's legal-form
words instead. filing-kg is run in its own environment (a subprocess) and
reports, per document, the fields both libraries can express: issuer, CIK,
ticker, reporting owners and their relationships, officer titles, signers,
trades, stakes, offering amounts, header parties, subsidiaries.

Output: agreement per form kind (fields equal / fields both express) and the
disagreements, each as ``file  field  filing-kg=...  edgartools=...``. A
field only one side expresses is counted apart ("only filing-kg", "only
edgartools"), not as a disagreement.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# ----------------------------------------------------------------------------- offline edgartools

os.environ.setdefault("EDGAR_IDENTITY", "filing-kg comparison offline@example.invalid")
os.environ.setdefault("EDGAR_LOCAL_DATA_DIR", "/tmp/edgartools-offline")


def _no_network(*_a: object, **_k: object) -> None:
    raise OSError("network disabled: local parsing only")


socket.create_connection = _no_network  # type: ignore[assignment]
socket.socket.connect = lambda self, *a, **k: _no_network()  # type: ignore[method-assign]

_COMPANY = re.compile(
    r"\b(inc|corp|corporation|llc|l\.l\.c|lp|l\.p|ltd|limited|plc|trust|fund|partners|capital|holdings|group|"
    r"management|company|co|advisors|n\.a|bank|s\.a|ag|gmbh)\b\.?",
    re.I,
)


def _offline_edgartools() -> None:
    """Make edgartools' Form 3/4/5 owner lookup local (the only network call of the parsers used)."""
    import edgar.ownership.owners as owners

    class _Data:
        def __init__(self, name: str) -> None:
            self.is_company = bool(_COMPANY.search(name))

    class OfflineEntity:
        last_name = ""

        def __init__(self, cik: int) -> None:
            self.cik = cik

        def __bool__(self) -> bool:
            return True

        @property
        def data(self) -> _Data:
            return _Data(OfflineEntity.last_name)

    child_text = owners.child_text

    def tracking(el: Any, name: str, *a: Any, **k: Any) -> Any:
        value = child_text(el, name, *a, **k)
        if name == "rptOwnerName":
            OfflineEntity.last_name = value or ""
        return value

    owners.Entity = OfflineEntity
    owners.child_text = tracking


# ----------------------------------------------------------------------------- normalisation


def norm_name(v: Any) -> str:
    s = str(v or "").lower()
    s = re.sub(r"\s*[/\\][a-z]{2,3}[/\\]?\s*$", "", s)  # EDGAR state tags
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    s = re.sub(r"\b(inc|incorporated|corp|corporation|co|company|llc|lp|ltd|limited|plc|the)\b", " ", s)
    return " ".join(s.split())


def norm_person(v: Any) -> str:
    """A person's name as a set of tokens, so "Glazer Paul J." equals "Paul J. Glazer"."""
    return " ".join(sorted(norm_name(v).split()))


def norm_num(v: Any) -> str:
    if v is None or v == "":
        return ""
    try:
        d = Decimal(str(v).replace(",", "").replace("$", "").replace("%", "").strip())
    except InvalidOperation:
        return str(v).strip().lower()
    d = d.normalize()
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def signer_only(v: Any) -> str:
    """Who signed, without the capacity edgartools keeps in the name ("X, Attorney-in-Fact", "X as attorney-in-fact for Y")."""
    s = re.sub(r"^\s*/s/\s*", "", str(v or ""), flags=re.I)
    return re.split(r",|\s+as\s+|\s+by\s+|\s+attorney|\s+on\s+behalf", s, maxsplit=1, flags=re.I)[0]


def norm_cik(v: Any) -> str:
    return str(v or "").strip().lstrip("0")


def norm_text(v: Any) -> str:
    return " ".join(str(v or "").lower().split())


def norm_state(v: Any) -> str:
    """EDGAR state codes as names ("NV" -> "nevada"), with filing-kg's own table (a comparison of readers, not of tables)."""
    sys.path.insert(0, str(ROOT))
    from graph.normalize.places import normalize_jurisdiction

    return norm_text(normalize_jurisdiction(str(v or "")) or v)


def norm_date(v: Any) -> str:
    s = str(v or "").strip()
    m = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})", s)
    if m:
        return "-".join(m.groups())
    m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", s)
    return f"{m.group(3)}-{int(m.group(1)):02d}-{int(m.group(2)):02d}" if m else s


# ----------------------------------------------------------------------------- filing-kg side

FILING_KG_DUMP = r'''
import json, sys
from pathlib import Path
from graph.pipeline import extract_paths

def q(x):
    return x.value if x is not None else None

res = extract_paths(sys.argv[1:])
out = {}
for f in res.failures:
    out[Path(str(getattr(f, "path", f))).name] = {"failed": getattr(f, "reason", str(f))}
for ex in res.extractions:
    name = lambda k: ex.entities[k].name if k in ex.entities else k
    facts = [[name(f.subject) if f.subject in ex.entities else f.subject, f.relation,
              name(f.object) if f.object in ex.entities else f.object, f.qualifier] for f in ex.facts]
    r = ex.records
    out[ex.doc_id] = {
        "form_type": ex.form_type,
        "registrant": name(ex.registrant) if ex.registrant else None,
        "entities": {e.name: {"type": e.type, "cik": e.cik, "aliases": sorted(e.aliases)} for e in ex.entities.values()},
        "facts": facts,
        "holdings": [[name(h.holder), name(h.issuer), q(h.shares), q(h.percent), q(h.ownership)] for h in r.holdings],
        "transactions": [[[name(o) for o in t.owners], t.security, t.derivative, q(t.code), q(t.date), q(t.shares), q(t.price),
                          q(t.acquired_disposed), q(t.ownership), q(t.shares_after)] for t in r.transactions],
        "amounts": [[a.kind, a.value.value, a.indefinite] for a in r.amounts],
    }
json.dump(out, sys.stdout)
'''


def filing_kg(paths: list[Path], python: str) -> dict[str, Any]:
    proc = subprocess.run(
        [python, "-c", FILING_KG_DUMP, *map(str, paths)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    if proc.returncode != 0:
        sys.exit(f"error: filing-kg failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr else proc.returncode}")
    return json.loads(proc.stdout)


# ----------------------------------------------------------------------------- edgartools side

def xml_body(text: str) -> str | None:
    """The XML form of a file: the file itself, or the first <XML> block of an SGML submission."""
    s = text.lstrip()
    if s.startswith("<?xml") or re.match(r"<(?:ownershipDocument|edgarSubmission)\b", s):
        return s
    m = re.search(r"<XML>\s*(.*?)\s*</XML>", text, re.S | re.I)
    return m.group(1) if m else None


def form_kind(text: str, xml: str | None) -> str:
    if xml is not None:
        if "<ownershipDocument" in xml:
            return "ownership"
        m = re.search(r"<submissionType>\s*([^<]+?)\s*<", xml)
        kind = (m.group(1).upper() if m else "").split("/")[0]
        if kind.startswith("SCHEDULE 13"):
            return "schedule13-xml"
        if kind == "D":
            return "form-d"
        if kind == "144":
            return "form-144"
        if kind.startswith("C"):
            return "form-c"
    if re.search(r"<TYPE>\s*EX-21", text, re.I) or re.search(r"subsidiaries\s+of", text[:5000], re.I):
        return "ex-21"
    if re.search(r"<SEC-HEADER>|<ACCEPTANCE-DATETIME>|<SUBMISSION>", text[:3000]):
        return "header"
    return "other"


def _attr(o: Any, *names: str) -> Any:
    for n in names:
        o = getattr(o, n, None) if not isinstance(o, dict) else o.get(n)
        if o is None:
            return None
    return o


def et_ownership(xml: str) -> dict[str, Any]:
    from edgar.ownership import Ownership

    o = Ownership.from_xml(xml)
    f: dict[str, Any] = {
        "issuer": norm_name(o.issuer.name),
        "issuer_cik": norm_cik(o.issuer.cik),
        "ticker": norm_text(o.issuer.ticker) if o.issuer.ticker and o.issuer.ticker.lower() != "none" else "",
    }
    for r in o.reporting_owners.owners:
        key = norm_person(r.name) if not r.is_company else norm_name(r.name)
        f[f"owner[{key}]"] = "yes"
        f[f"owner[{key}].director"] = "yes" if r.is_director else "no"
        if r.officer_title:
            f[f"owner[{key}].officer_title"] = norm_text(r.officer_title)
    rows = []
    for table in (o.non_derivative_table, o.derivative_table):
        tx = getattr(table, "transactions", None)
        data = getattr(tx, "data", None)
        if data is None:
            continue
        for rec in data.to_dict("records"):
            rows.append(rec)
    for i, rec in enumerate(rows):
        p = f"trade[{i}]"
        f[f"{p}.date"] = norm_date(rec.get("Date"))
        f[f"{p}.code"] = norm_text(rec.get("Code"))
        f[f"{p}.shares"] = norm_num(rec.get("Shares"))
        f[f"{p}.price"] = norm_num(rec.get("Price"))
        f[f"{p}.acquired_disposed"] = norm_text(rec.get("AcquiredDisposed"))
        f[f"{p}.direct_indirect"] = norm_text(rec.get("DirectIndirect"))
        f[f"{p}.shares_after"] = norm_num(rec.get("Remaining"))
    for sig in getattr(o.signatures, "signatures", None) or []:
        f[f"signer[{norm_person(signer_only(sig.signature))}]"] = "yes"
    return f


def et_form_d(xml: str) -> dict[str, Any]:
    from edgar.offerings import FormD

    d = FormD.from_xml(xml)
    pi = d.primary_issuer
    f: dict[str, Any] = {"issuer": norm_name(pi.entity_name), "issuer_cik": norm_cik(pi.cik)}
    amounts = d.offering_data.offering_sales_amounts
    for k in ("total_offering_amount", "total_amount_sold", "total_remaining"):
        v = getattr(amounts, k, None)
        f[k] = "indefinite" if str(v).lower() == "indefinite" else norm_num(v)
    for p in d.related_persons:
        key = norm_person(f"{p.first_name} {p.last_name}")
        f[f"person[{key}]"] = "yes"
        f[f"person[{key}].director"] = "yes" if "Director" in (p.relationships or []) else "no"
    for s in d.signature_block.signatures:
        f[f"signer[{norm_person(s.name_of_signer)}]"] = "yes"
    return f


def et_form_c(xml: str) -> dict[str, Any]:
    from edgar.offerings import FormC

    m = re.search(r"<submissionType>\s*([^<]+?)\s*<", xml)
    c = FormC.from_xml(xml, form=m.group(1) if m else "C")
    ii = c.issuer_information
    f: dict[str, Any] = {"issuer": norm_name(ii.name), "issuer_cik": norm_cik(c.issuer_cik)}
    portal = getattr(ii, "funding_portal", None)
    if portal is not None and portal.name:
        f["intermediary"] = norm_name(portal.name)
        f["intermediary_cik"] = norm_cik(portal.cik)
        f["intermediary_file_number"] = norm_text(portal.file_number)
    oi = c.offering_information
    if oi is not None:
        f["offering_amount"] = norm_num(oi.offering_amount)
        f["maximum_offering_amount"] = norm_num(oi.maximum_offering_amount)
        if oi.price:
            f["price"] = norm_num(oi.price)
    return f


def et_form_144(xml: str) -> dict[str, Any]:
    from edgar.ownership.form144 import Form144

    d = Form144.parse_xml(xml)
    f: dict[str, Any] = {"issuer": norm_name(d.get("issuer_name")), "issuer_cik": norm_cik(d.get("issuer_cik"))}
    if d.get("sec_file_number"):
        f["file_number"] = norm_text(d["sec_file_number"])
    info = d.get("securities_information")
    if info is not None and len(info):
        row = info.iloc[0].to_dict()
        for k, v in row.items():
            lk = str(k).lower().replace(" ", "_")
            if "aggregate" in lk and "value" in lk:
                f["aggregate_market_value"] = norm_num(v)
            elif ("units" in lk or "shares" in lk) and ("sold" in lk or "to_be" in lk) and "outstanding" not in lk:
                f["shares_to_be_sold"] = norm_num(v)
    if d.get("person_selling"):
        f[f"seller[{norm_person(d['person_selling'])}]"] = "yes"
    return f


def et_schedule13(xml: str) -> dict[str, Any]:
    from edgar.beneficial_ownership import Schedule13D, Schedule13G

    cls = Schedule13D if "SCHEDULE 13D" in xml.upper() else Schedule13G
    d = cls.parse_xml(xml)
    ii = d.get("issuer_info")
    f: dict[str, Any] = {"issuer": norm_name(_attr(ii, "name")), "issuer_cik": norm_cik(_attr(ii, "cik"))}
    for p in d.get("reporting_persons") or []:
        key = norm_name(p.name)
        f[f"holder[{key}]"] = "yes"
        f[f"holder[{key}].shares"] = norm_num(p.aggregate_amount)
        f[f"holder[{key}].percent"] = norm_num(p.percent_of_class)
    return f


def et_header(text: str) -> dict[str, Any]:
    from edgar._filings import FilingHeader

    end = text.find("<DOCUMENT>")
    head = text[: end if end > 0 else len(text)]
    if text.lstrip().startswith("<SUBMISSION>"):  # the submission format EDGAR serves as .nc
        from edgar.sgml.sgml_common import parse_submission_text

        h, _docs = parse_submission_text(text)
    else:
        h = FilingHeader.parse_from_sgml_text(head)
    f: dict[str, Any] = {}
    for role, parties in (("filer", h.filers), ("subject", h.subject_companies), ("owner", h.reporting_owners)):
        for p in parties or []:
            cd = getattr(p, "company_information", None) or getattr(p, "owner", None)
            name = _attr(cd, "name")
            cik = _attr(cd, "cik")
            if not name:
                continue
            key = norm_name(name)
            f[f"{role}[{key}]"] = "yes"
            if cik:
                f[f"{role}[{key}].cik"] = norm_cik(cik)
            state = _attr(cd, "state_of_incorporation")
            if state:
                f[f"{role}[{key}].state"] = norm_state(state)
    return f


def et_ex21(text: str) -> dict[str, Any]:
    from edgar.company_reports.subsidiaries import parse_subsidiaries

    f: dict[str, Any] = {}
    for s in parse_subsidiaries(text):
        key = norm_name(re.sub(r"\s*\([^)]*\)\s*$", "", s.name))  # edgartools keeps "(NJ)" in names
        if not key or key in ("name", "name of subsidiary", "subsidiary"):
            continue
        f[f"subsidiary[{key}]"] = "yes"
        if getattr(s, "ownership_percentage", None) is not None:
            f[f"subsidiary[{key}].percent"] = norm_num(s.ownership_percentage)
    return f


# ----------------------------------------------------------------------------- filing-kg fields


def _facts(doc: dict[str, Any], rel: str) -> list[list[Any]]:
    return [f for f in doc["facts"] if f[1] == rel]


def ours(kind: str, doc: dict[str, Any]) -> dict[str, Any]:
    """The same fields read from filing-kg's extraction of the document."""
    f: dict[str, Any] = {}
    reg = doc.get("registrant")
    ents = doc["entities"]
    if reg:
        f["issuer"] = norm_name(reg)
        names = [reg, *ents.get(reg, {}).get("aliases", [])]
        f["_issuer_names"] = {norm_name(n) for n in names}
        cik = next((o for s, _r, o, _q in _facts(doc, "cik") if s == reg), None)
        f["issuer_cik"] = norm_cik(cik) if cik else ""
        tick = next((o for s, _r, o, _q in _facts(doc, "ticker") if s == reg), None)
        f["ticker"] = norm_text(tick) if tick else ""
    holders = {s for s, _r, o, _q in _facts(doc, "shareholder_of") if o == reg}
    is_person = {n: e["type"] == "Person" for n, e in ents.items()}
    key_of = lambda n: norm_person(n) if is_person.get(n) else norm_name(n)  # noqa: E731
    for n in holders:
        f[f"owner[{key_of(n)}]"] = "yes"
        f[f"holder[{norm_name(n)}]"] = "yes"
    directors = {s for s, _r, o, _q in _facts(doc, "director_of") if o == reg}
    officers: dict[str, list[str]] = defaultdict(list)
    for s, _r, o, q in _facts(doc, "officer_of"):
        if o == reg and q:
            officers[s].append(norm_text(q))
    for n in set(holders) | set(officers) | directors:
        f[f"owner[{key_of(n)}].director"] = "yes" if n in directors else "no"
        f[f"person[{key_of(n)}].director"] = "yes" if n in directors else "no"
        f[f"person[{key_of(n)}]"] = "yes"
        if officers.get(n):
            f[f"owner[{key_of(n)}].officer_title"] = officers[n]
    for s, _r, _o, _q in _facts(doc, "signed"):
        f[f"signer[{norm_person(s)}]"] = "yes"
    for i, t in enumerate(doc["transactions"]):
        _owners, _sec, _der, code, date, shares, price, ad, di, after = t
        p = f"trade[{i}]"
        f.update({f"{p}.date": norm_date(date), f"{p}.code": norm_text(code), f"{p}.shares": norm_num(shares),
                  f"{p}.price": norm_num(price), f"{p}.acquired_disposed": norm_text(ad),
                  f"{p}.direct_indirect": norm_text(di), f"{p}.shares_after": norm_num(after)})
    for holder, _iss, shares, percent, _nature in doc["holdings"]:
        f[f"holder[{norm_name(holder)}].shares"] = norm_num(shares)
        f[f"holder[{norm_name(holder)}].percent"] = norm_num(percent)
    for k, v, indefinite in doc["amounts"]:
        f[k] = "indefinite" if indefinite else norm_num(v)
    for s, _r, o, _q in _facts(doc, "commission_file_number"):
        if s == reg:
            f.setdefault("file_number", norm_text(o))
    for s, _r, o, _q in _facts(doc, "broker_for"):
        cik = next((c for s2, _r2, c, _q2 in _facts(doc, "cik") if s2 == s), None)
        f["intermediary"] = norm_name(s)
        if cik:
            f["intermediary_cik"] = norm_cik(cik)
        fn = next((c for s2, _r2, c, _q2 in _facts(doc, "commission_file_number") if s2 == s), None)
        if fn:
            f["intermediary_file_number"] = norm_text(fn)
    for s, _r, o, _q in _facts(doc, "price_per_share"):
        f.setdefault("price", norm_num(o))
    for s, _r, o, _q in _facts(doc, "seller"):
        pass
    for n, e in ents.items():
        for role in ("filer", "subject", "owner"):
            f[f"{role}[{norm_name(n)}]"] = "yes"
            for alias in e.get("aliases", []):
                f[f"{role}[{norm_name(alias)}]"] = "yes"
            if e.get("cik"):
                f[f"{role}[{norm_name(n)}].cik"] = norm_cik(e["cik"])
                for alias in e.get("aliases", []):
                    f[f"{role}[{norm_name(alias)}].cik"] = norm_cik(e["cik"])
    for s, _r, o, _q in _facts(doc, "subsidiary_of"):
        f[f"subsidiary[{norm_name(s)}]"] = "yes"
    for holder, issuer, _shares, percent, _n in doc["holdings"]:
        if percent is not None:
            f[f"subsidiary[{norm_name(issuer)}].percent"] = norm_num(percent)
    for s, _r, o, _q in _facts(doc, "state_of_incorporation"):
        for role in ("filer", "subject"):
            f[f"{role}[{norm_name(s)}].state"] = norm_text(o)
            for alias in ents.get(s, {}).get("aliases", []):
                f.setdefault(f"{role}[{norm_name(alias)}].state", norm_text(o))
    # a reporting person without a stated stake (header filer): its seller line
    for s, _r, _o, _q in _facts(doc, "shareholder_of"):
        f[f"seller[{norm_person(s)}]"] = "yes"
    return f


_KEYED = re.compile(r"^(?P<kind>\w+)\[(?P<key>[^\]]*)\](?P<rest>.*)$")


def lookup(mine: dict[str, Any], field: str) -> str | None:
    """The field of ``mine`` naming the same party: equal key, or person tokens one inside the other
    ("joseph doran" and "doran g joseph")."""
    if field in mine:
        return field
    m = _KEYED.match(field)
    if m is None or not m.group("key"):
        return None
    want = set(m.group("key").split())
    for other in mine:
        o = _KEYED.match(other)
        if o is None or o.group("kind") != m.group("kind") or o.group("rest") != m.group("rest"):
            continue
        have = set(o.group("key").split())
        if len(want & have) >= 2 and (want <= have or have <= want):
            return other
    return None


def agree(field: str, mine: Any, theirs: Any, f: dict[str, Any]) -> bool:
    if field == "issuer" and "_issuer_names" in f:
        return theirs in f["_issuer_names"]
    if isinstance(mine, list):
        return theirs in mine or any(theirs in m or m in theirs for m in mine)
    return mine == theirs


PARSERS = {
    "ownership": et_ownership,
    "form-d": et_form_d,
    "form-c": et_form_c,
    "form-144": et_form_144,
    "schedule13-xml": et_schedule13,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--filing-kg-python", default=str(ROOT / ".venv" / "bin" / "python"))
    ap.add_argument("--show", type=int, default=60, help="disagreements to print")
    args = ap.parse_args()
    _offline_edgartools()
    files = sorted(p for a in args.paths for p in ([a] if a.is_file() else a.rglob("*")) if p.is_file() and p.suffix.lower() in (".xml", ".txt", ".nc", ".htm", ".html"))
    kinds: dict[Path, str] = {}
    theirs: dict[Path, dict[str, Any]] = {}
    problems: list[str] = []
    for p in files:
        text = p.read_text(encoding="utf-8", errors="replace")
        xml = xml_body(text)
        kind = form_kind(text, xml)
        if kind == "other":
            continue
        try:
            if kind in PARSERS and xml is not None:
                theirs[p] = PARSERS[kind](xml)
            elif kind == "header":
                theirs[p] = et_header(text)
            else:
                theirs[p] = et_ex21(text)
        except Exception as exc:  # edgartools failing is a result, not a crash
            problems.append(f"{p.name}  edgartools failed ({kind}): {type(exc).__name__}: {exc}"[:200])
            continue
        kinds[p] = kind
    mine_all = filing_kg(sorted(kinds), args.filing_kg_python)
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # agree, both, only ours, only theirs
    disagreements: list[str] = []
    for p, kind in sorted(kinds.items()):
        doc = mine_all.get(p.name)
        if doc is None or "failed" in doc:
            problems.append(f"{p.name}  filing-kg refused the file: {doc.get('failed') if doc else 'no result'}")
            continue
        mine = ours(kind, doc)
        for field, value in theirs[p].items():
            if value in ("", None, "no") and field not in mine:
                continue
            s = stats[kind]
            found = lookup(mine, field)
            if found is not None:
                mine[field] = mine[found]
            if field not in mine or mine[field] in ("", None):
                s[3] += 1
                disagreements.append(f"{p.name}  {field}  filing-kg=<missing>  edgartools={value!r}")
                continue
            s[1] += 1
            if agree(field, mine[field], value, mine):
                s[0] += 1
            else:
                disagreements.append(f"{p.name}  {field}  filing-kg={mine[field]!r}  edgartools={value!r}")
    total = [sum(s[i] for s in stats.values()) for i in range(4)]
    print(f"{'kind':16} {'agree':>6} {'both':>6} {'rate':>7} {'missed':>7}")
    for kind, (a, b, _o, t) in sorted(stats.items()):
        print(f"{kind:16} {a:6d} {b:6d} {a / b if b else 0:7.1%} {t:7d}")
    print(f"{'all':16} {total[0]:6d} {total[1]:6d} {total[0] / total[1] if total[1] else 0:7.1%} {total[3]:7d}")
    print(f"\nfiles compared: {len(kinds)}; problems: {len(problems)}")
    for line in problems:
        print("  " + line)
    print(f"\ndisagreements and misses ({len(disagreements)}):")
    for line in disagreements[: args.show]:
        print("  " + line)


if __name__ == "__main__":
    main()
