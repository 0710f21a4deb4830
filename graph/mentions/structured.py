"""Facts that structured sources state outright: SGML headers and XML forms.

No NLP is needed (or run) here: the SEC header names the filer with its CIK,
IRS number, state and file number; ownership forms (3/4/5) and Forms D, C
and 144 name the issuer, the reporting owners or related persons with their
relationship boxes, brokers and securities. These facts carry confidence
1.0 and the method ``header:sgml`` / ``xml:<form>``.
"""

from __future__ import annotations

from dataclasses import replace

import re

from graph.mentions.registry import EntityRegistry
from graph.mentions.gazetteer import COMPANY_WITH_SUFFIX
from graph.mentions.listing import exchange_name
from graph.mentions.records import offering_amounts, ownership_form_records
from graph.model import Evidence, FieldValue, FormParty, HeaderCompany, SourceDocument, StructuredForm
from graph.normalize.dates import parse_date
from graph.normalize.money import parse_money
from graph.normalize.names import natural_person_name, surname_first_to_natural, titlecase_company, titlecase_name
from graph.normalize.numbers import format_decimal, parse_number
from graph.normalize.places import normalize_jurisdiction
from graph.normalize.titles import parse_titles
from graph.source.textforms import parse_fund_notice_counts
from graph.source.values import strip_state_tags

OWNERSHIP_FORMS = {"3", "4", "5", "3/A", "4/A", "5/A", "144", "144/A"}
#: Beneficial-ownership reports: the subject company is the issuer, the filer a holder.
HOLDER_REPORTS = {"SC 13D", "SC 13D/A", "SC 13G", "SC 13G/A", "SC 13E3", "SC TO-T"}


def _ev(doc_id: str, fv: FieldValue | None, method: str) -> Evidence:
    if fv is None:
        return Evidence(doc_id, 0, 0, "", method, 1.0)
    return Evidence(doc_id, fv.start, fv.end, fv.value, method, 1.0)


def _digits(v: str) -> str:
    return v.lstrip("0") or "0"


def _irs(v: str) -> str | None:
    d = re.sub(r"\D", "", v)
    return f"{d[:2]}-{d[2:]}" if len(d) == 9 and d != "000000000" else None


def _company_display(name: str) -> str:
    # EDGAR state tags: "CORP /DE", "CORP /DE/", "INC \\PA\\", "CORP /", "CO /NEW/ /DE/"
    name = strip_state_tags(name.strip()).rstrip()
    return titlecase_company(name) if name.isupper() else name


def header_company(
    reg: EntityRegistry, doc_id: str, hc: HeaderCompany, *, registrant: bool, issuer: str | None = None
) -> str | None:
    """Add one header party block (company or, for REPORTING-OWNER, often a person).

    ``issuer``: the issuer of an ownership form (3, 4, 5, 144); EDGAR prints the
    issuer's file number again under each reporting owner, so it is the issuer's.
    """
    if hc.name is None:
        return None
    if issuer is not None:
        for fn in hc.file_numbers:
            reg.fact(issuer, "commission_file_number", fn.value, _ev(doc_id, fn, "header:sgml"))
        hc = replace(hc, file_numbers=[])
    raw = hc.name.value
    method = "header:sgml"
    ev = _ev(doc_id, hc.name, method)
    holder_role = hc.role.upper().startswith("REPORTING") or hc.role.upper() == "FILED BY"
    person = holder_role and not COMPANY_WITH_SUFFIX.search(raw) and hc.irs_number is None and not re.search(
        r"\b(?:FUND|CAPITAL|PARTNERS|TRUST|BANK|GROUP|HOLDINGS|MANAGEMENT|ADVISORS|INVESTMENTS?|ASSOCIATES)\b", raw, re.I
    )
    if person:
        key = reg.add("Person", natural_person_name(raw) if raw.isupper() else raw, ev)
        reg.entities[key].aliases.add(raw)
        return key
    cik = _digits(hc.cik.value) if hc.cik else None
    key = reg.add("Company", _company_display(raw), ev, cik=cik, registrant=registrant)
    reg.entities[key].aliases.add(raw)
    for fn in hc.former_names:
        reg.entities[key].aliases.add(fn.value)
    if cik:
        reg.fact(key, "cik", cik, _ev(doc_id, hc.cik, method))
    if hc.irs_number and _irs(hc.irs_number.value):
        reg.fact(key, "irs_employer_id", _irs(hc.irs_number.value) or "", _ev(doc_id, hc.irs_number, method))
    if hc.state_of_incorporation:
        st = normalize_jurisdiction(hc.state_of_incorporation.value)
        if st:
            reg.fact(key, "state_of_incorporation", st, _ev(doc_id, hc.state_of_incorporation, method))
    for fn in hc.file_numbers:
        reg.fact(key, "commission_file_number", fn.value, _ev(doc_id, fn, method))
    addr = hc.business_address or hc.mail_address
    if addr and addr.zip and re.match(r"\d{5}", addr.zip.value):
        reg.fact(key, "postal_code", addr.zip.value[:5], _ev(doc_id, addr.zip, method))
    return key


def apply_header(reg: EntityRegistry, sd: SourceDocument) -> None:
    """Header facts: the filer (or, for ownership forms, the subject company) is the registrant."""
    if sd.header is None:
        return
    form = (sd.header.form_type.value if sd.header.form_type else "") or ""
    ownership = form.upper() in OWNERSHIP_FORMS or form.upper() in HOLDER_REPORTS
    # the registrant first, so that owners can be attached to it
    ordered = sorted(sd.header.companies, key=lambda hc: 0 if _is_registrant_role(hc.role, ownership) else 1)
    for hc in ordered:
        is_reg = _is_registrant_role(hc.role, ownership) and reg.registrant is None
        holder = hc.role.upper().startswith("REPORTING") or (form.upper() in HOLDER_REPORTS and hc.role.upper() == "FILED BY")
        owner_block = form.upper() in OWNERSHIP_FORMS and hc.role.upper().startswith("REPORTING") and not is_reg
        key = header_company(reg, sd.doc_id, hc, registrant=is_reg, issuer=reg.registrant if owner_block else None)
        if ownership and key and holder and reg.registrant and key != reg.registrant:
            reg.fact(key, "shareholder_of", reg.registrant, _ev(sd.doc_id, hc.name, "header:sgml"))


def _is_registrant_role(role: str, ownership: bool) -> bool:
    role = role.upper()
    return role in ("SUBJECT COMPANY", "ISSUER") if ownership else role in ("FILER", "FILED BY")


def printed_order(raw: str, text: str, own: tuple[int, int] = (0, 0)) -> str | None:
    """A surname-first EDGAR name as the document prints it elsewhere.

    "PELL DORIAN J" is "Dorian J. Pell" where a signature or footnote writes
    the same tokens in natural order; where the document writes them in the
    field's own order ("/s/ John Smith" for an owner field "John Smith"), that
    order was natural already. None when neither occurs outside ``own``.
    """
    tokens = [t.strip(".") for t in raw.replace(",", " ").split() if t.strip(".")]
    if len(tokens) < 2 or len(tokens) > 5:
        return None
    for order in (tokens[1:] + tokens[:1], tokens):
        rx = re.compile(r"(?<![\w.])" + r"\.?[\s,]+".join(re.escape(t) for t in order) + r"\b\.?", re.I)
        for m in rx.finditer(text):
            found = " ".join(m.group(0).split())
            if own[0] <= m.start() < own[1] or found.isupper() or found.islower():
                continue
            last = found.split()[-1]
            if last.endswith(".") and len(last) > 2 and last.lower() not in ("jr.", "sr."):
                found = found[:-1]  # a sentence's full stop, not an initial's
            return found
    return None


def _party_name(p: FormParty, surname_first: bool = False, text: str = "") -> tuple[str, bool]:
    raw = p.name.value.strip()
    is_person = p.is_person if p.is_person is not None else not COMPANY_WITH_SUFFIX.search(raw)
    if is_person and p.role == "reporting_owner" and "," in raw:  # "Foster, Alan H."
        return natural_person_name(raw), True
    if is_person and p.role == "reporting_owner" and surname_first:
        # the rptOwnerName of Forms 3/4/5 is surname first ("Melkote Rajesh Ramaswamy")
        printed = printed_order(raw, text, (p.name.start, p.name.end)) if text else None
        return printed or titlecase_name(surname_first_to_natural(raw)), True
    if is_person:
        return (titlecase_name(raw) if raw.isupper() else raw), True
    return _company_display(raw), False


def apply_form(reg: EntityRegistry, sd: SourceDocument, form: StructuredForm) -> None:
    """Facts of an XML form, read from its fields."""
    doc_id = sd.doc_id
    ftype = form.form_type.value.upper()
    method = f"xml:form{ftype.lower().replace('/', '-')}"
    issuer = None
    if form.issuer is not None:
        name, _person = _party_name(form.issuer)
        cik = _digits(form.issuer.cik.value) if form.issuer.cik else None
        issuer = reg.add("Company", name, _ev(doc_id, form.issuer.name, method), cik=cik, registrant=True)
        if form.issuer.name.value != name:
            reg.entities[issuer].aliases.add(form.issuer.name.value)
        if cik:
            reg.fact(issuer, "cik", cik, _ev(doc_id, form.issuer.cik, method))
        if form.issuer.zip and re.match(r"\d{5}", form.issuer.zip.value):
            reg.fact(issuer, "postal_code", form.issuer.zip.value[:5], _ev(doc_id, form.issuer.zip, method))
    if issuer is None:
        return
    if form.issuer_ticker and form.issuer_ticker.value.strip() and form.issuer_ticker.value.strip().upper() != "NONE":
        reg.fact(issuer, "ticker", form.issuer_ticker.value.strip().upper(), _ev(doc_id, form.issuer_ticker, method))
    if form.issuer_state_of_incorporation:
        st = normalize_jurisdiction(form.issuer_state_of_incorporation.value)
        if st:
            reg.fact(issuer, "state_of_incorporation", st, _ev(doc_id, form.issuer_state_of_incorporation, method))
    _apply_listing(reg, doc_id, form, issuer, method)
    signer_titles: dict[str, str] = {}
    for sig in form.signatures:
        if sig.title is not None:
            signer_titles[sig.name.value.strip().lower()] = sig.title.value
    owners_zip_for_issuer = None
    owners: list[str] = []
    surname_first = ftype.split("/")[0] in ("3", "4", "5")
    for p in form.parties:
        name, is_person = _party_name(p, surname_first, sd.source_text)
        ev = _ev(doc_id, p.name, method)
        if p.role == "broker":  # Form 144 brokerOrMarketmakerDetails: the broker selling for the holder
            firm = broker_firm(name)
            bkey = reg.add("Company", firm, ev)
            reg.entities[bkey].aliases.add(p.name.value)
            reg.fact(bkey, "broker_for", issuer, ev)
            if p.zip and re.match(r"\d{5}", p.zip.value):
                reg.fact(bkey, "postal_code", p.zip.value[:5], _ev(doc_id, p.zip, method))
            continue
        if p.role in ("sales_compensation", "intermediary"):
            broker = p.associated_broker.value if p.associated_broker and p.associated_broker.value.strip().lower() not in ("", "none", "n/a") else None
            if p.role == "intermediary" or not is_person:
                bcik = _digits(p.cik.value) if p.cik else None
                bkey = reg.add("Company", _company_display(name), ev, cik=bcik)
                reg.fact(bkey, "broker_for", issuer, ev)
                if bcik:
                    reg.fact(bkey, "cik", bcik, _ev(doc_id, p.cik, method))
                portal_fn = form.offering.get("intermediary_file_number") if p.role == "intermediary" else None
                if portal_fn is not None and re.search(r"\d", portal_fn.value):
                    reg.fact(bkey, "commission_file_number", portal_fn.value.strip(), _ev(doc_id, portal_fn, method))
            elif broker:
                bkey = reg.add("Company", _company_display(broker), _ev(doc_id, p.associated_broker, method))
                reg.fact(bkey, "broker_for", issuer, _ev(doc_id, p.associated_broker, method))
            if is_person:
                reg.add("Person", name, ev)
            continue
        key = reg.add("Person" if is_person else "Company", name, ev)
        if p.name.value != name:
            reg.entities[key].aliases.add(p.name.value)
        if p.role == "reporting_owner":
            reg.fact(key, "shareholder_of", issuer, ev)
            owners.append(key)
            if p.zip and owners_zip_for_issuer is None and p.street and re.search(r"c/o", p.street.value, re.I):
                owners_zip_for_issuer = p.zip
        if p.is_director:
            reg.fact(key, "director_of", issuer, ev)
        if p.is_officer or p.officer_title is not None or clarified_titles(p):
            titles = parse_titles(p.officer_title.value).titles if p.officer_title else []
            # a signature title may be more specific than the relationship box ("President and CEO")
            sig_title = next((t for n, t in signer_titles.items() if _same_person(n, name, p.name.value)), None)
            if sig_title:
                titles = list(dict.fromkeys(titles + parse_titles(sig_title).titles))
            titles = list(dict.fromkeys(titles + clarified_titles(p)))
            if not titles and p.is_officer:
                titles = ["Executive Officer"]
            tev = _ev(doc_id, p.officer_title or p.name, method)
            for t in titles:
                reg.fact(key, "officer_of", issuer, tev, qualifier=t)
    if owners_zip_for_issuer is not None and not any(f.relation == "postal_code" and f.subject == issuer for f in reg.facts):
        reg.fact(issuer, "postal_code", owners_zip_for_issuer.value[:5], _ev(doc_id, owners_zip_for_issuer, method))
    for sig in form.signatures:
        raw = sig.name.value.strip()
        if not raw or raw.lower().startswith("/s/") and len(raw) < 5:
            continue
        raw = signer_name(raw)
        if not raw:
            continue
        name = titlecase_name(raw) if raw.isupper() else raw
        ev = _ev(doc_id, sig.name, method)
        if COMPANY_WITH_SUFFIX.search(name):
            continue
        key = reg.add("Person", name, ev)
        reg.fact(key, "signed", doc_id, ev)
        if sig.title is not None:
            tp = parse_titles(sig.title.value)
            for t in tp.titles:
                reg.fact(key, "officer_of", issuer, _ev(doc_id, sig.title, method), qualifier=t)
    _apply_securities(reg, doc_id, form, issuer, method)
    _drop_generic_titles(reg)
    ownership_form_records(reg, doc_id, form, issuer, list(dict.fromkeys(owners)), method)
    offering_amounts(reg, doc_id, form, issuer, method)


def _apply_listing(reg: EntityRegistry, doc_id: str, form: StructuredForm, issuer: str, method: str) -> None:
    """Form 144 ``secFileNumber`` and ``securitiesExchangeName``: the issuer's file number and market."""
    fn = form.offering.get("file_number")
    if fn is not None:
        reg.fact(issuer, "commission_file_number", fn.value.strip(), _ev(doc_id, fn, method))
    ex = form.offering.get("exchange")
    name = exchange_name(ex.value) if ex is not None else None
    if ex is not None and name:
        reg.fact(issuer, "exchange", name, _ev(doc_id, ex, method))


#: a legal-form ending inside a broker's name, followed by the name of a desk or division
_FIRM_END = re.compile(r"^(.*?\b(?:LLC|L\.L\.C\.|Inc\.?|Incorporated|Corp\.?|Corporation|L\.P\.|LP|Ltd\.?|Limited))\s+(?=[A-Z])(.+)$")


def broker_firm(name: str) -> str:
    """The broker-dealer in a broker line naming a desk after the firm ("X Securities LLC Private Client Group")."""
    m = _FIRM_END.match(name.strip())
    if m and not re.search(r"\b(?:LLC|L\.L\.C|Inc|Incorporated|Corp|Corporation|LP|L\.P|Ltd|Limited|Co)\b", m.group(2)):
        return m.group(1).rstrip(",")
    return _company_display(name)


def signer_name(raw: str) -> str:
    """The person who signed a signature field.

    "X LLC on behalf of Jane Roe": a firm signing for the holder, so the holder
    is named; "Jane Roe as attorney-in-fact for John Doe" (or "..., by power of
    attorney"): the attorney signs, the capacity is not part of the name.
    """
    raw = re.sub(r"^/s/\s*", "", raw.strip(), flags=re.I)
    agent = re.match(r"^(.*?)\s+on\s+behalf\s+of\s+(.+)$", raw, re.I)
    if agent and COMPANY_WITH_SUFFIX.search(agent.group(1)):
        return agent.group(2).strip()
    from graph.mentions.signatures import split_signer  # signatures reads schedule13, which reads this module

    name, _offset, _title = split_signer(raw)
    return name


#: a clarification naming a post held at another entity: "Director of general partner", "CFO of the Manager"
_ELSEWHERE = re.compile(r"\b(?:of|at|for)\s+(?:the\s+)?(?:general\s+partner|GP\b|manag|sponsor|advis|investment|fund\b|parent|trustee)", re.I)


def clarified_titles(p: FormParty) -> list[str]:
    """Titles of a Form D ``relationshipClarification`` ("Chief Financial Officer").

    A post held at the fund's general partner or manager is not a post at the
    issuer, so such a clarification gives none.
    """
    if p.role != "related_person" or p.other_text is None or _ELSEWHERE.search(p.other_text.value):
        return []
    return parse_titles(p.other_text.value).titles


def _same_person(a: str, b: str, raw: str) -> bool:
    from graph.mentions.registry import PersonName

    pa = PersonName.parse(a)
    return pa.compatible(PersonName.parse(b)) or pa.compatible(PersonName.parse(raw))


SECURITY_TYPES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"restricted\s+stock\s+units?|\bRSUs?\b", re.I), "Restricted Stock Unit"),
    (re.compile(r"option", re.I), "Option"),
    (re.compile(r"warrant", re.I), "Warrant"),
    (re.compile(r"convertible\s+(?:promissory\s+)?note", re.I), "Convertible Note"),
    (re.compile(r"convertible\s+preferred", re.I), "Convertible Preferred Stock"),
    (re.compile(r"preferred", re.I), "Preferred Stock"),
    (re.compile(r"debenture", re.I), "Debenture"),
    (re.compile(r"\bnotes?\b", re.I), "Note"),
    (re.compile(r"\bunits?\b", re.I), "Unit"),
    (re.compile(r"membership\s+interest", re.I), "Membership Interest"),
    (re.compile(r"common|ordinary\s+shares|class\s+[a-z]\s+(?:stock|shares)|\bstock\b|\bshares\b", re.I), "Common Stock"),
]


def security_types(title: str) -> list[str]:
    """Instrument types a security title names ("Common Stock (restricted stock units)" names two)."""
    out = []
    for pat, t in SECURITY_TYPES:
        if pat.search(title) and t not in out:
            if t == "Common Stock" and not re.search(r"common|ordinary", title, re.I) and any(
                x in out for x in ("Option", "Warrant", "Preferred Stock", "Convertible Preferred Stock", "Note", "Convertible Note", "Debenture")
            ):
                continue  # "Series A Preferred Stock", "Warrants to buy shares": no common stock is named
            if t == "Unit" and "Restricted Stock Unit" in out:
                continue
            out.append(t)
    if "Restricted Stock Unit" in out and re.search(r"common", title, re.I) and "Common Stock" not in out:
        out.append("Common Stock")
    return out


#: Form C ``securityOfferedType`` "Debt": crowdfunding debt is sold as notes (FORMAT: Note).
_FORM_C_DEBT = re.compile(r"^\s*debt(?:\s+securit(?:y|ies))?\s*$", re.I)


def _apply_securities(reg: EntityRegistry, doc_id: str, form: StructuredForm, issuer: str, method: str) -> None:
    form_c = _is_form_c(form.form_type.value)
    for sec in form.securities:
        title = sec.title.value
        if sec.derivative:  # "Options to Purchase Common Stock": the stock is underlying, not issued here
            title = re.split(r"\b(?:to\s+(?:purchase|acquire|buy)|exercisable\s+(?:for|into)|convertible\s+into)\b", title, flags=re.I)[0]
        types = ["Note"] if form_c and _FORM_C_DEBT.match(title) else security_types(title)
        if not types:
            continue
        ev = _ev(doc_id, sec.title, method)
        for t in types:
            reg.fact(issuer, "issued", t, ev)
        if form_c:
            _apply_form_c_offering(reg, doc_id, form, reg.instrument(issuer, types[0]), types[0], method)
        if not sec.derivative:
            continue
        head = next((t for t in types if t in ("Option", "Warrant", "Right", "Restricted Stock Unit", "Convertible Note", "Convertible Preferred Stock")), types[0])
        ikey = reg.instrument(issuer, head)
        if sec.exercise_price and sec.exercise_price.value.strip():
            v = parse_money(sec.exercise_price.value) or parse_number(sec.exercise_price.value)
            if v is not None and v > 0:
                rel = "conversion_price" if head.startswith("Convertible") else "exercise_price"
                reg.fact(ikey, rel, format_decimal(v), _ev(doc_id, sec.exercise_price, method))
        if sec.expiration_date and sec.expiration_date.value.strip():
            d = parse_date(sec.expiration_date.value)
            if d:
                reg.fact(ikey, "expiration", d.isoformat(), _ev(doc_id, sec.expiration_date, method))
        under = sec.underlying_title.value if sec.underlying_title else ""
        utypes = security_types(under) if under else []
        if utypes and head != "Restricted Stock Unit":
            rel = "convertible_into" if head.startswith("Convertible") else "exercisable_for"
            reg.fact(ikey, rel, reg.instrument(issuer, utypes[0]), _ev(doc_id, sec.underlying_title, method))


def _is_form_c(form_type: str) -> bool:
    base = form_type.upper().split("/")[0]
    return base == "C" or base.startswith("C-")


def _apply_form_c_offering(reg: EntityRegistry, doc_id: str, form: StructuredForm, ikey: str, kind: str, method: str) -> None:
    """The one offering of a Form C: securities offered and their price; for notes, the principal offered.

    A note's "price" is per dollar of principal, so it is no price per share;
    the principal offered is the maximum offering amount (the target when no maximum is printed).
    """
    debt = kind in ("Note", "Convertible Note", "Debenture", "Bond")
    if debt:
        amount = form.offering.get("maximum_offering_amount") or form.offering.get("offering_amount")
        value = parse_number(amount.value) if amount is not None else None
        if amount is not None and value is not None and value > 0:
            reg.fact(ikey, "principal_amount", format_decimal(value), _ev(doc_id, amount, method))
        return
    count = form.offering.get("number_of_securities")
    shares = parse_number(count.value) if count is not None else None
    if count is not None and shares is not None and shares > 0:
        reg.fact(ikey, "shares", format_decimal(shares), _ev(doc_id, count, method))
    price = form.offering.get("price")
    per_share = parse_number(price.value) if price is not None else None
    if price is not None and per_share is not None and per_share > 0:
        reg.fact(ikey, "price_per_share", format_decimal(per_share), _ev(doc_id, price, method))


def _drop_generic_titles(reg: EntityRegistry) -> None:
    """"Executive Officer" only where no more specific title is given (FORMAT.md)."""
    specific = {(f.subject, f.object) for f in reg.facts if f.relation == "officer_of" and f.qualifier != "Executive Officer"}
    reg.facts = [
        f for f in reg.facts if not (f.relation == "officer_of" and f.qualifier == "Executive Officer" and (f.subject, f.object) in specific)
    ]


#: a fund's annual notice of securities sold under rule 24f-2
FUND_NOTICES = {"24F-2NT", "24F-2NT/A", "24F-2"}


def apply_fund_notice(reg: EntityRegistry, sd: SourceDocument) -> None:
    """Share counts of the numbered items of a fund's notice (sold, issued, registered).

    The fund's shares of beneficial interest are recorded as Common Stock, the
    closest instrument type; one fact per distinct count (items 9 and 10 of the
    form often repeat the same number).
    """
    form = (sd.form_type.value if sd.form_type else "").upper()
    if form not in FUND_NOTICES or reg.registrant is None or not sd.parts:
        return
    counts = parse_fund_notice_counts(sd.parts[0])
    if not counts:
        return
    method = "form:24f-2"
    first = counts[0][1]
    reg.fact(reg.registrant, "issued", "Common Stock", _ev(sd.doc_id, first, method))
    ikey = reg.instrument(reg.registrant, "Common Stock")
    for _caption, fv in counts:
        if int(fv.value) > 0:
            reg.fact(ikey, "shares", fv.value, _ev(sd.doc_id, fv, method))
