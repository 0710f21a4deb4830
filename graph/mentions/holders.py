"""Shareholder tables: selling, principal or beneficial holders, one row each.

Prospectuses and proxy statements list holders in a table under a heading
such as "SELLING SHAREHOLDERS" or "PRINCIPAL STOCKHOLDERS": a name column
(sometimes wrapped over two lines) followed by columns of share counts.
Every named row gives ``shareholder_of`` the registrant. Row names are read
the way FORMAT.md asks: a personal trust or IRA is the person named in it,
"Coleman and Jeanne Benedict" is two people, "First Trust Corp. fbo Jack
Kadis" is both the custodian firm and the beneficiary.
"""

from __future__ import annotations

import re

from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import display_company, is_person_name
from graph.mentions.gazetteer import COMPANY_WITH_SUFFIX
from graph.mentions.spanents import span_text

HEADING = re.compile(
    r"^\s*(?:selling|principal|registered)\s+(?:share|stock|security|securit(?:y|ies)|unit)?\s*holders?\s*$|"
    r"^\s*security\s+ownership\s+of\s+(?:certain\s+beneficial\s+owners|management\s+and\s+certain\s+beneficial\s+owners)",
    re.I | re.M,
)
ROW = re.compile(r"^\s{0,3}(?P<name>\S.*?)\s{2,}(?P<num>\(?\d[\d,]*\)?|-+|\*)(?:\s|$)")
NUMBERS_ONLY = re.compile(r"^[\s\d,.%*()\-<>FN/]*$")
TABLE_END = re.compile(r"^\s*</TABLE>|^\s*(?:total|all\s+(?:directors|officers))", re.I)
HEADER_WORDS = re.compile(r"^(?:name|shareholder|stockholder|holder|beneficial|owner|number|shares|percent|common|of\b)", re.I)
IRA = re.compile(r",?\s+(?:IRA|I\.R\.A\.?|Keogh|SEP)\b.*$", re.I)
TRUST = re.compile(r"\s*(?:-\s*[\w' ]+)?\s+(?:Children's\s+|Family\s+|Revocable\s+|Living\s+|Irrevocable\s+)?Trust\b.*$", re.I)
FBO = re.compile(r"^(?P<firm>.+?),?\s+(?:FBO|f/b/o|for\s+the\s+benefit\s+of)\s+(?P<person>.+)$", re.I)
AGENT_FOR = re.compile(
    r"^(?P<holder>.+?),?\s+(?:Account|A/C)\s*:?\s+.+?\s+as\s+(?:Agent|Nominee|Custodian)\s+for\s+(?P<owner>.+)$|"
    r"^.+?\s+as\s+(?:Agent|Nominee)\s+for\s+(?P<owner2>.+)$",
    re.I,
)
INITIAL_SURNAME = re.compile(r"^[A-Z]\.(?:\s*[A-Z]\.)*\s+[A-Z][\w'’-]+$")
JOINT = re.compile(r"^(?P<a>[A-Z][a-z]+)\s+(?:and|&)\s+(?P<b>[A-Z][a-z]+(?:\s+[A-Z]\.)?)\s+(?P<last>[A-Z][\w'’-]+)$")


def holder_names(raw: str) -> list[tuple[str, str]]:
    """(type, name) pairs a table row names; empty for rows that name nobody."""
    name = re.sub(r"<F\d+>|\(\d+\)|\*+", "", raw)
    name = re.sub(r"\s+", " ", name).strip(" ,")
    if not name or GROUP_ROW.search(name):
        return []
    m = AGENT_FOR.match(name)
    if m:  # "Holder Co. Account: Some Bank as Agent for Some Fund": the account holder and the principal, not the agent
        if m.group("owner2"):
            return holder_names(m.group("owner2"))
        return holder_names(m.group("holder")) + holder_names(m.group("owner"))
    m = FBO.match(name)
    if m:
        return holder_names(m.group("firm")) + holder_names(m.group("person"))
    name = re.sub(r",?\s+M\.D\.$", "", name)
    stripped = IRA.sub("", name)
    if stripped != name and is_person_name(stripped):
        return [("Person", stripped)]
    if re.search(r"\bTrust\b", name) and not COMPANY_WITH_SUFFIX.search(re.sub(r"\bTrust\b.*$", "", name).strip() or "x"):
        person = TRUST.sub("", name).strip(" ,-")
        if re.search(r"\b(?:Corp|Company|Co|Bank|Inc)\b", name):
            return [("Company", display_company(name))]
        # "H. Kempner Trust": a trust named after a person with an initial is that person's
        return [("Person", person)] if is_person_name(person) or INITIAL_SURNAME.match(person) else []
    j = JOINT.match(name)
    if j:
        return [("Person", f"{j.group('a')} {j.group('last')}"), ("Person", f"{j.group('b')} {j.group('last')}")]
    if COMPANY_WITH_SUFFIX.search(name) or re.search(r"\b(?:Bank|Capital|Fund|Partners|Investments?|Ventures|Associates)\b", name):
        return [("Company", display_company(name))]
    if is_person_name(name):
        return [("Person", name)]
    return [("Company", display_company(name))] if len(name.split()) <= 6 and name[:1].isupper() else []


CONTINUATION_START = re.compile(
    r"^(?:[a-z]|(?:Investment|Investments|Retirement|Fund|Funds|Partners|Partnership|Trust|Associates|Capital|Holdings|"
    r"Inc\.?|L\.P\.|LP|LLC|Ltd\.?|Co\.|Company|Corporation|Bank|IRA|Account)\b)"
)
ADDRESS = re.compile(r"^\d+\s|\bc/o\b|\bSuite\b|\b[A-Z]{2}\s+\d{5}\b|\b(?:Street|Avenue|Road|Boulevard|Blvd|Drive|Plaza)\b", re.I)


def _continues(previous: str, row_name: str, row_line: str) -> bool:
    """Whether a number-less line above a row is the first part of the row's name."""
    if ADDRESS.search(previous):
        return False
    if re.search(r"(?:,|&|\band|\bof|\bFBO|\bf/b/o)\s*$", previous, re.I):
        return True
    if CONTINUATION_START.match(row_name) or row_line.startswith(" "):
        return True
    # "Sandler Mezzanine" / "Foreign Partners, L.P.": a firm name wrapped before its suffix
    return bool(COMPANY_WITH_SUFFIX.search(row_name)) and not COMPANY_WITH_SUFFIX.search(previous)


#: "All directors and executive officers as a group (9 persons)": a total, no holder
GROUP_ROW = re.compile(r"^\s*all\s+(?:current\s+)?(?:directors|officers|executive)|\bas\s+a\s+group\b", re.I)
#: where a holder's name ends inside a name-and-address cell: a footnote mark, a street number, c/o, a P.O. box
NAME_CELL_END = re.compile(r"\s*(?:\(\d{1,2}\)|\([a-z]\)|<F\d+>|\*|\s\d{1,6}\s+[A-Z]|\s(?:c/o|C/O)\s|\sP\.?\s?O\.?\s+Box)")
_NUMBER_CELL = re.compile(r"^\s*(?:\(?\d[\d,.]*\)?%?|-+|—|–|\*)\s*(?:\(\d+\))?\s*$")


def _pipe_row_name(line: str) -> tuple[int, int] | None:
    """Name span of an HTML table row "Name (and address) | shares | percent"; None for other lines.

    (0, 0) stands for a row with numbers but no readable name.
    """
    if " | " not in line:
        return None
    cells = line.split(" | ")
    if not any(_NUMBER_CELL.match(c) for c in cells[1:]) or _NUMBER_CELL.match(cells[0]):
        return None
    first = cells[0]
    lead = len(first) - len(first.lstrip())
    end = NAME_CELL_END.search(first, lead)
    stop = end.start() if end else len(first.rstrip())
    name = first[lead:stop].rstrip(" ,")
    return (lead, lead + len(name)) if name else (0, 0)


def find_holder_rows(text: str) -> list[tuple[int, int, str]]:
    """(start, end, raw name) of every named row of every holder table in a layout text."""
    found: list[tuple[int, int, str]] = []
    for h in HEADING.finditer(text):
        offset = h.end() + 1
        pending: list[tuple[int, str]] = []  # name lines waiting for their numbers
        rows = 0
        in_table = False
        for line in text[h.end() + 1 :].split("\n")[:600]:
            start = offset
            offset += len(line) + 1
            stripped = line.strip()
            if TABLE_END.match(line) and rows:
                break
            if not stripped:
                pending = []
                continue
            cell = _pipe_row_name(line)
            if cell is not None:
                pending = []
                if cell != (0, 0) and not HEADER_WORDS.match(line[cell[0] : cell[1]]) and not GROUP_ROW.search(line[cell[0] : cell[1]]):
                    found.append((start + cell[0], start + cell[1], line[cell[0] : cell[1]]))
                    rows += 1
                    in_table = True
                continue
            m = ROW.match(line)
            if m and not HEADER_WORDS.match(m.group("name")):
                row_name = m.group("name").strip()
                if pending and not _continues(pending[-1][1], row_name, line):
                    pending = []  # an address or note line, not the start of this name
                names = [p[1] for p in pending] + [row_name]
                first = pending[0][0] if pending else start + m.start("name")
                found.append((first, start + m.end("name"), " ".join(names)))
                pending = []
                rows += 1
                in_table = True
                continue
            if NUMBERS_ONLY.match(stripped) or stripped.startswith("<"):
                continue
            if in_table and len(stripped) > 70 and not re.search(r"\s{2,}\d", stripped):
                break  # prose after the table
            if len(stripped) <= 60 and (pending or not HEADER_WORDS.match(stripped)):
                # a wrapped name may go on with "of ..." ("First Interstate Bank / of Oregon"); only a first line is a header
                pending.append((start + len(line) - len(line.lstrip()), stripped))
            else:
                pending = []
    return found


def claim_holder_tables(ctx: DocContext, view: PartView) -> None:
    """Mark table rows so that NER fragments of wrapped names are not taken as entities."""
    rows = find_holder_rows(view.layout.text)
    ctx.holder_rows.append((view, rows))
    claimed = ctx.claimed
    for s, e, _raw in rows:
        claimed.append(view.layout.source_span(s, e))  # type: ignore[union-attr]


def apply_holder_tables(ctx: DocContext) -> None:
    """Each named row: ``shareholder_of`` the registrant, names read as FORMAT.md asks."""
    reg = ctx.registry
    if reg.registrant is None:
        return
    for view, rows in ctx.holder_rows:
        for s, e, raw in rows:
            for etype, name in holder_names(raw):
                ev = ctx.evidence(view.layout, s, e, "rule:holder-table", 0.8)
                key = reg.add(etype, name, ev, exact=True)
                if key != reg.registrant:
                    reg.fact(key, "shareholder_of", reg.registrant, ev)


# --------------------------------------------------------------------------- holders named in prose

_HOLDER_WORD = r"(?:stock|share|equity\s+|unit)holders?"
#: "the (sole) stockholders of Y, A and B" (the list follows the company)
HOLDERS_OF_LIST = re.compile(r"\b(?:the|its|all\s+of\s+the|all)\s+(?:sole\s+|former\s+)?" + _HOLDER_WORD + r"\s+of\s+", re.I)
#: "Y and its sole stockholder(s), A and B" (the company comes first)
ITS_HOLDERS = re.compile(r"\band\s+(?:its|their)\s+(?:sole\s+|former\s+)?" + _HOLDER_WORD + r"\s*,\s*", re.I)
#: "A, (the) sole stockholder of Y" (the holder comes first)
HOLDER_APPOSITION = re.compile(r",\s+(?:the\s+|a\s+|its\s+)?(?:sole|principal|majority|controlling|former)\s+" + _HOLDER_WORD + r"\s+of\s+", re.I)
#: "The stockholders of Y received N newly issued shares of the Company's Common Stock"
RECEIVED = re.compile(
    r"\b(?:the\s+)?(?:sole\s+|former\s+)?" + _HOLDER_WORD + r"\s+of\s+(?P<target>[A-Z].{0,80}?)\s+(?:received|were\s+issued)\s+"
    r"(?:an\s+aggregate\s+(?:total\s+)?of\s+|a\s+total\s+of\s+|approximately\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+"
    r"(?:newly[\s-]issued\s+|unregistered\s+|restricted\s+)*shares\s+of\s+(?:the\s+(?:company|registrant)['’]s|our|its)\s+"
    r"(?:restricted\s+)?(?:class\s+[a-z]\s+)?common\s+stock",
    re.I,
)
_LIST_STOP = re.compile(r"\s(?:pursuant|who|which|that|received|receive|in\s+exchange|for\s|under|as\s|each\s|dated|\(the\b)|[;:]|\.(?:\s|$)(?<![A-Z]\.\s)|\.$")


def _named_holders(text: str) -> list[tuple[str, str, int, int]]:
    """(type, name, start, end) of each holder a prose list names, up to the first thing that is no name."""
    m = _LIST_STOP.search(text)
    lst = text[: m.start()] if m else text
    out: list[tuple[str, str, int, int]] = []
    from graph.mentions.acquisitions import split_parties

    for s, e in split_parties(lst):
        name = re.sub(r"\s+", " ", lst[s:e]).strip(" ,")
        if is_person_name(name) and not COMPANY_WITH_SUFFIX.search(name):
            out.append(("Person", name, s, e))
        elif COMPANY_WITH_SUFFIX.search(name) and name[:1].isupper() and len(name.split()) <= 8:
            out.append(("Company", display_company(name), s, e))
        else:
            break
    return out


def _record_holders(ctx: DocContext, view: PartView, sent, target: str, base: int, text: str) -> None:
    reg = ctx.registry
    for etype, name, s, e in _named_holders(text):
        ev = ctx.evidence(view.flow, base + s, base + e, "rule:holders-in-prose", 0.75, span_text(sent))
        key = reg.add(etype, name, ev)
        if key != target:
            reg.fact(key, "shareholder_of", target, ev)


def holders_in_sentence(ctx: DocContext, view: PartView, sent) -> None:
    """Holders a sentence names for a company: "the sole stockholders of Y, A and B", "A, sole stockholder of Y".

    When "the stockholders of Y received N shares of the Company's Common Stock"
    (an acquisition's consideration), Y's named holders become holders of the
    registrant, and the registrant issued that many shares of Common Stock.
    """
    if not re.search(r"holder", span_text(sent), re.I):
        return
    from graph.mentions.acquisitions import company_named_at

    text = view.flow.text
    base = sent.start_char
    for m in HOLDERS_OF_LIST.finditer(span_text(sent)):
        found = company_named_at(ctx, view, sent, base + m.end(), "rule:holders-in-prose")
        if found and found[0]:
            after = text[found[1] : sent.end_char]
            lead = re.match(r"\s*(?:\([^)]{0,60}\))?\s*,\s*", after)
            if lead:
                _record_holders(ctx, view, sent, found[0], found[1] + lead.end(), after[lead.end() :])
    for m in ITS_HOLDERS.finditer(span_text(sent)):
        pos = base + m.start()
        owner = None
        for org in reversed([o for o in sent.ents if o.label_ == "ORG" and o.end_char <= pos]):
            gap = text[org.end_char : pos]
            if re.fullmatch(r"\s*(?:\([^)]{0,60}\))?\s*", gap):
                owner = org
                break
            if not re.fullmatch(r"[\"”'’]?\s*\)\s*", gap):
                break  # only a defined term in parentheses may stand between the company and "and its"
        if owner is None:
            continue
        found = company_named_at(ctx, view, sent, owner.start_char, "rule:holders-in-prose")
        if found and found[0]:
            _record_holders(ctx, view, sent, found[0], base + m.end(), text[base + m.end() : sent.end_char])
    for m in HOLDER_APPOSITION.finditer(span_text(sent)):
        found = company_named_at(ctx, view, sent, base + m.end(), "rule:holders-in-prose")
        pos = base + m.start()
        people = [p for p in sent.ents if p.label_ == "PERSON" and p.end_char == pos]
        if found and found[0] and people and is_person_name(people[-1].text):
            ev = ctx.span_evidence(view, people[-1], "rule:holders-in-prose", 0.75)
            key = ctx.registry.add("Person", people[-1].text, ev)
            ctx.registry.fact(key, "shareholder_of", found[0], ev)
    _copula_holders(ctx, view, sent)
    _consideration(ctx, view, sent)


#: "A and B are the controlling shareholders of Y" / "Y Holdings, which is the sole shareholder of Z"
COPULA_HOLDER = re.compile(
    r"\b(?:is|are|was|were|became|becomes)\s+(?:the\s+|a\s+|its\s+)?(?P<kind>sole|controlling|principal|majority|largest|only)\s+"
    + _HOLDER_WORD + r"\s+of\s+",
    re.I,
)
_HONORIFICS = re.compile(r"^(?:Messrs|Mr|Mrs|Ms|Dr)\.?\s+")


def _copula_subjects(ctx: DocContext, subject: str) -> list[str]:
    """Entity keys a copula's subject names: "Messrs. Barry and Kadis", "Ann Lee and Acme, Inc."; empty if any part is unknown."""
    reg = ctx.registry
    from graph.mentions.acquisitions import split_parties

    keys: list[str] = []
    subject = _HONORIFICS.sub("", subject.strip())
    for s, e in split_parties(subject):
        name = _HONORIFICS.sub("", subject[s:e].strip(" ,"))
        if re.fullmatch(r"[A-Z][\w'’-]+", name):
            key = reg.find_person_by_surname(name) or reg.find("Company", name)
        elif is_person_name(name):
            key = reg.find("Person", name) or reg.add("Person", name)
        else:
            key = reg.find("Company", name) if name[:1].isupper() else None
        if key is None:
            return []
        keys.append(key)
    return keys


def _name_tail(text: str) -> str:
    """The capitalised name ending a phrase: "... shareholders of Kestle Holdings, Inc." gives "Kestle Holdings, Inc."."""
    for cut in [0] + [c.end() for c in re.finditer(r"\s+(?=[A-Z])", text)]:
        tail = text[cut:].strip()
        if all(w[:1].isupper() or w in ("of", "and", "&") for w in tail.replace(",", " ").split()):
            return tail
    return ""


def _copula_holders(ctx: DocContext, view: PartView, sent) -> None:
    """Holders stated with a copula; a company that is the *sole* holder of another is its parent."""
    from graph.mentions.acquisitions import company_named_at

    reg = ctx.registry
    text = view.flow.text
    for m in COPULA_HOLDER.finditer(span_text(sent)):
        found = company_named_at(ctx, view, sent, sent.start_char + m.end(), "rule:holders-in-prose")
        if not found or not found[0]:
            continue
        before = text[sent.start_char : sent.start_char + m.start()]
        which = re.search(r"([A-Z][^,;()]{1,80}?(?:,\s+(?:Inc|Corp|Ltd|L\.P|LLC)\.?)?),\s+(?:which|who)\s+$", before)
        subject = _name_tail(which.group(1)) if which else re.split(r"[;:]|\.\s|,\s+(?:and|but)\s+|\b(?:that|because|since)\s+", before)[-1].strip()
        if not subject or len(subject) > 100:
            continue
        ev = ctx.evidence(view.flow, sent.start_char + m.start(), found[1], "rule:holders-in-prose", 0.7, span_text(sent))
        for key in _copula_subjects(ctx, subject):
            if key == found[0]:
                continue
            if m.group("kind").lower() in ("sole", "only") and reg.entities[key].type == "Company":
                reg.fact(found[0], "subsidiary_of", key, ev)
            else:
                reg.fact(key, "shareholder_of", found[0], ev)


def _consideration(ctx: DocContext, view: PartView, sent) -> None:
    """Shares of the registrant received by a target's holders: they hold the registrant's stock now."""
    from graph.mentions.acquisitions import company_named_at

    reg = ctx.registry
    if reg.registrant is None:
        return
    for m in RECEIVED.finditer(span_text(sent)):
        found = company_named_at(ctx, view, sent, sent.start_char + m.start("target"), "rule:holders-in-prose")
        if not found or not found[0] or found[0] == reg.registrant:
            continue
        ev = ctx.evidence(view.flow, sent.start_char + m.start(), sent.start_char + m.end(), "rule:merger-consideration", 0.75, span_text(sent))
        holders = {f.subject for f in reg.facts if f.relation == "shareholder_of" and f.object == found[0]}
        for key in holders:
            if key != reg.registrant:
                reg.fact(key, "shareholder_of", reg.registrant, ev)
        inst = reg.instrument(reg.registrant, "Common Stock")
        reg.fact(reg.registrant, "issued", "Common Stock", ev)
        reg.fact(inst, "shares", m.group("n").replace(",", ""), ev)
