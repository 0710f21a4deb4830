"""Deal parties read from prose: agents, underwriters, trustees, counsel, auditors, investors.

The rules work on one parsed sentence and the entity spans the components
left in it, keyed on how filings name a party for a role rather than on
any wording of one filer:

* apposition and coordination after the firms: "A and B, as representatives
  of the several underwriters"; "X, as successor in interest to Y, as
  trustee" (X, not Y); "Jones Day, counsel to the Company";
* a copula after the role: "The transfer agent and registrar for our common
  stock is X"; "The placement agent for the offering was X";
* the Legal Matters / Legal Opinions layout: "passed upon for the Company by
  X and for A and B by Y" (Y is counsel to A and B, not to the issuer);
* "through its broker-dealer, X": the broker of record.

A role phrase written as a compound ("the SIPC trustee") names no trustee;
a credit agreement's lenders, agents and arrangers are no deal parties
here, because no role below matches them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import company_at
from graph.mentions.spanents import doc_ents, span_ents, span_text


def _orgs_in(sent: Span) -> list[Span]:
    return [e for e in span_ents(sent) if e.label_ == "ORG"]


# --------------------------------------------------------------------------- investors

INVESTOR_CUE = re.compile(
    r"(?:subscription|securities\s+purchase|stock\s+purchase|note\s+purchase|purchase|investment)\s+agreements?\s+with\s+|"
    r"(?:sold|issued)\s+(?:[^.;]{0,80}?)\s+to\s+(?-i:(?=[A-Z]))",
    re.I,
)
#: What may stand before the first named purchaser ("with the Longview Fund", "to each of A, B").
INVESTOR_LEAD = re.compile(r"\s*(?:(?:each\s+of|all\s+of|certain\s+investors,?\s+including)\s+)?(?:the\s+)?$", re.I)


#: a role given as a defined term right after the firms: 'X (the "Placement Agent")', 'A and B (together, the "Initial Purchasers")'
DEFINED_ROLE = re.compile(
    r"\s*\(\s*(?:(?:together|collectively|each|individually)\s*,?\s*)?(?:the\s+|a\s+|an\s+)?[\"“](?P<role>(?:Lead\s+|Sole\s+|Exclusive\s+)?"
    r"(?:Placement\s+Agents?|Initial\s+Purchasers?|Underwriters?|Representatives?|(?:Indenture\s+|Owner\s+)?Trustee|Transfer\s+Agent))[\"”]\s*\)",
    re.I,
)
#: an apposition naming a deal role right after the listed firms
ROLE_APPOSITION = re.compile(
    r"\s*\(\s*(?:(?:together|collectively|each)\s*,?\s*)?(?:the\s+)?[\"“](?:placement\s+agents?|initial\s+purchasers?|underwriters?|"
    r"representatives?|sales\s+agents?|agents?|trustee)[\"”]\s*\)|"
    r"\s*,?\s*(?:as|acting\s+as|in\s+(?:its|their)\s+capacity\s+as)\s+(?:the\s+)?(?:several\s+)?(?:representatives?|initial\s+purchasers?|"
    r"underwriters?|placement\s+agents?|sales\s+agents?|agents?|trustees?|(?:joint\s+)?book[\s-]*running\s+managers?|dealer\s+managers?|arrangers?)\b",
    re.I,
)


def investors_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    """Named purchasers: "a subscription agreement with A, B, and C whereby these investors are purchasing ...".

    The purchasers are the list that starts right after the cue; a name
    further on in the clause ("issued to officers at a discount to the
    Market Value") is no purchaser.
    """
    reg = ctx.registry
    if reg.registrant is None:
        return
    text = view.flow.text
    orgs = _orgs_in(sent)
    for m in INVESTOR_CUE.finditer(span_text(sent)):
        start = sent.start_char + m.end()
        first = next((o for o in orgs if o.start_char >= start), None)
        if first is None or not INVESTOR_LEAD.fullmatch(text[start : first.start_char]):
            continue
        group = _coordinated(view, orgs, first, forward_only=True)
        if ROLE_APPOSITION.match(text, max(o.end_char for o in group)):
            continue  # "a purchase agreement with A and B, as initial purchasers": deal parties, not investors
        for org in group:
            key = company_at(ctx, view, org, "rule:investor")
            if key and key != reg.registrant:
                reg.fact(key, "investor_in", reg.registrant, ctx.span_evidence(view, org, "rule:investor", 0.7))


# --------------------------------------------------------------------------- agents


@dataclass(frozen=True)
class Role:
    """A role phrase and how a firm may be linked to it."""

    relation: str
    pattern: re.Pattern[str]
    #: the phrase may follow its firm with nothing between ("Ernst & Young LLP independent auditors");
    #: a bare role noun may not ("the SIPC trustee" is SIPC's trustee, not SIPC)
    adjacent_ok: bool = False


AGENT_ROLES: tuple[Role, ...] = (
    Role("placement_agent_for", re.compile(r"\bplacement\s+agents?\b", re.I)),
    Role(
        "underwriter_for",
        re.compile(
            r"\b(?:underwriters?|underwritten\s+by|initial\s+purchasers?|representatives?\s+of\s+the\s+(?:several\s+)?"
            r"(?:underwriters|initial\s+purchasers)|(?:joint\s+)?book[\s-]*running\s+managers?)\b",
            re.I,
        ),
    ),
    Role("transfer_agent_for", re.compile(r"\btransfer\s+agent\b", re.I)),
    # "as owner trustee" (a trust's own trustee), "as indenture trustee", "as successor trustee"
    Role("trustee_for", re.compile(r"\b(?:(?:indenture|owner|successor|collateral)\s+)?trustee\b", re.I)),
    Role(
        "auditor_of",
        re.compile(
            r"\b(?:independent\s+(?:registered\s+public\s+)?(?:certified\s+public\s+)?(?:accountants?|auditors?|accounting\s+firm)|"
            r"certifying\s+accountant|registered\s+public\s+accounting\s+firm|(?:as\s+(?:the\s+)?(?:company's\s+|registrant's\s+|our\s+)?)auditors?)\b",
            re.I,
        ),
        adjacent_ok=True,
    ),
    Role("legal_counsel_for", re.compile(r"\b(?:legal\s+counsel|counsel\s+(?:to|for)|legal\s+opinion|opinion\s+of)\b", re.I)),
)


#: What may stand between a role keyword and the firm after it ("The placement agent for the offering was X").
AGENT_AFTER = re.compile(
    r"[\s,:|(]*(?:and\s+(?:registrar|paying\s+agent|dividend\s+disbursing\s+agent|conversion\s+agent)\s+)?"
    r"(?:(?:for|in|of|to)\s+(?:the|this|our|its|such)\s+\w+(?:\s+(?!(?:of|for|to|in|with)\b)\w+)?\s*)?"
    r"(?:(?:was|is|were|are|will\s+be|has\s+been|have\s+been|shall\s+be|being)\s+)?(?:by\s+(?:messrs\.?\s+)?)?"
    r"[\s,:|(]*(?:the\s+firm\s+of\s+)?",
    re.I,
)
#: What may stand between the firm and a role keyword after it ("X acted as the Company's independent auditors").
AGENT_BEFORE = re.compile(
    # "X, which we refer to as the placement agent": a defined-term clause between the firm and its role
    r"(?:\s*,\s*(?:which|who|whom)\s+(?:we\s+(?:refer|will\s+refer)\s+to|(?:is|are)\s+(?:referred|collectively\s+referred)\s+to)\s+"
    r"(?:herein\s+|in\s+this\s+prospectus(?:\s+supplement)?\s+)?as\s+)?"
    r"\s*,?\s*(?:(?:has|have|had|will|to)\s+)?(?:(?:acted|served|acts|serves|act|serve|is|was|are|were|been|become|became|"
    r"dismissed|engaged|retained|appointed|named|selected|replaced|resigned|continue[sd]?\s+to\s+serve|will\s+act)\s+)*"
    r"(?:as\s+)?(?:(?:the|a|an|its|our|their|sole|lead|joint|exclusive|book-?running|managing|co-?managing|co-?manager|"
    r"managers?|and|representatives?|of|several|principal|independent|new|former|outside|general|special|"
    r"(?:company|registrant|issuer|trust|fund|partnership|corporation)['’]s)\s+)*",
    re.I,
)
#: "X, as successor in interest to Y, as trustee": a modifier between a firm and its role, naming another firm.
AS_MODIFIER = re.compile(r"^\s*,\s*(?:as\s+)?(?:successor|predecessor|agent|nominee|assignee)\b[^;|\n]{0,160}?(?=,\s*as\b)", re.I)
#: a firm that is the object of such a modifier ("... successor in interest to Y")
MODIFIER_OBJECT = re.compile(r"\b(?:successor|predecessor|assignee|nominee)(?:\s+in\s+interest)?\s+(?:to|of)\s+(?:the\s+)?$", re.I)
#: Who counsel works for: "counsel to the Company", "counsel for the underwriters".
COUNSEL_TARGET = re.compile(r"\s*(?:to|for|of)\s+(?P<who>(?:the\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)?)", re.I)
REGISTRANT_WORDS = re.compile(r"^(?:(?:the\s+)?(?:company|registrant|issuer|corporation|trust|fund|partnership|bank)|us|we|our|it)\b", re.I)


def agents_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    """Firms linked to a role phrase by apposition, a copula or "by"; the registrant is their client."""
    reg = ctx.registry
    if reg.registrant is None:
        return
    # the parser's sentences break oddly in tables ("LEAD UNDERWRITER: | X"): look beyond them, never across a line
    orgs = [
        e for e in doc_ents(sent.doc)
        if sent.start_char - 100 <= e.start_char <= sent.end_char + 100 and (e.label_ == "ORG" or _known_company(ctx, e))
    ]
    subject = _known_subject(ctx, sent)
    if subject is not None and not any(o.start_char <= subject.start_char < o.end_char for o in orgs):
        orgs.append(subject)
    if orgs:
        for role in AGENT_ROLES:
            for m in role.pattern.finditer(span_text(sent)):
                _link_role(ctx, view, orgs, role, sent.start_char + m.start(), sent.start_char + m.end())
    defined_roles_in_sentence(ctx, view, sent)
    passed_upon_in_sentence(ctx, view, sent)
    attestations_in_sentence(ctx, view, sent)
    represented_by_in_sentence(ctx, view, sent)
    brokers_in_sentence(ctx, view, sent)
    sales_agents_in_sentence(ctx, view, sent)


#: labels the parser gives a firm's short name ("Bariston" as a work of art) that the document defined earlier
_MISLABELED = {"WORK_OF_ART", "PRODUCT", "PERSON", "GPE", "NORP", "FAC", "LOC"}


def _known_company(ctx: DocContext, ent: Span) -> bool:
    """A non-ORG span that is exactly a company name or defined short name already registered.

    Layout: 'Bariston Associates, Inc. ("Bariston") ... Bariston acted as a placement agent'.
    """
    if ent.label_ not in _MISLABELED:
        return False
    name = re.sub(r"\s+", " ", ent.text).strip()
    reg = ctx.registry
    key = reg.find("Company", name)
    return key is not None and key != reg.registrant and reg.find("Person", name) is None


#: the capitalised words a sentence opens with: a firm's defined short name as the subject ("Bariston acted as ...")
_SUBJECT = re.compile(r"\s*(?P<n>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}?)(?=\s+(?:has\s+|have\s+|had\s+)?(?:acted|served|acts|serves|is|was|will)\b)")


def _known_subject(ctx: DocContext, sent: Span) -> Span | None:
    """The sentence's opening name when it is a company the document already named (the parser may miss it)."""
    m = _SUBJECT.match(span_text(sent))
    if m is None:
        return None
    name = m.group("n")
    reg = ctx.registry
    key = reg.find("Company", name)
    if key is None or key == reg.registrant or reg.find("Person", name) is not None:
        return None
    span = sent.doc.char_span(sent.start_char + m.start("n"), sent.start_char + m.end("n"), label="ORG")
    return span


def _defined_key(ctx: DocContext, view: PartView, org: Span) -> str | None:
    """The company a short name was defined for earlier ('Bariston Associates, Inc. ("Bariston")'), else None.

    A defined short name can be the core of several related firms' names; the definition says which one it is.
    """
    name = re.sub(r"\s+", " ", org.text).strip()
    if view.doc is None or len(name.split()) > 3:
        return None
    text = view.flow.text
    defs = list(re.finditer(r"\(\s*(?:the\s+|or\s+)?[\"“]" + re.escape(name) + r"[\"”]\s*\)", text[: org.start_char]))
    if not defs:
        return None
    opened = defs[-1].start()
    for ent in doc_ents(view.doc):
        if ent.label_ == "ORG" and 0 <= opened - ent.end_char <= 3:
            return ctx.registry.find("Company", re.sub(r"\s+", " ", ent.text).strip())
    return None


def _link_role(ctx: DocContext, view: PartView, orgs: list[Span], role: Role, kpos: int, kend: int) -> None:
    reg = ctx.registry
    text = view.flow.text
    best, dist = None, 10**9
    for org in orgs:
        after = org.start_char >= kend
        d = org.start_char - kend if after else kpos - org.end_char
        if d < 0 or d > 200:
            continue
        between = text[min(kend, org.end_char) : max(kpos, org.start_char)]
        if not after:
            if MODIFIER_OBJECT.search(text[max(0, org.start_char - 60) : org.start_char]):
                continue  # "successor in interest to Y, as trustee": Y is not the trustee
            if _inside_parentheses(text, org.start_char, kpos):
                continue  # "X (through its broker-dealer, Y) as placement agent": Y is not the agent
            between = re.sub(r"\s*\([^()]*\)", "", between)  # a parenthetical between a firm and its role
            mod = AS_MODIFIER.match(between)
            if mod:
                between = between[mod.end() :]
            if not role.adjacent_ok and not between.strip():
                continue  # "the SIPC trustee": a compound, not an apposition
            if re.match(r"\s*,?\s*(?:and|or)\b", between):
                continue  # "SIPC and the trustee": two parties, not one
            if re.fullmatch(r"\s*,\s*", between) and not _closed_apposition(text, kend) and _role_is_subject(view, kpos, kend):
                continue  # "the sale of Debt Securities, underwriters may receive": a new clause
        if d > 90 and not (not after and len(between) <= 90):
            continue
        if re.search(r"[;\n]", between) or ("|" in between and not re.fullmatch(r"\s*:?\s*\|\s*", between)):
            continue  # another clause, line or table cell (a "LABEL: | value" pair is fine)
        link = AGENT_AFTER if after else AGENT_BEFORE
        if not link.fullmatch(between):
            continue  # "placement agent in connection with ... the Crico acquisition" names no agent
        if d < dist:
            best, dist = org, d
    if best is None:
        return
    client = reg.registrant
    if role.relation == "legal_counsel_for":
        client = _counsel_client(ctx, view, orgs, kpos, kend)
        if client is None:
            return
    for org in _coordinated(view, orgs, best):
        if BARE_FORM.fullmatch(org.text.strip()):
            continue
        key = _defined_key(ctx, view, org) or company_at(ctx, view, org, f"rule:{role.relation}", 0.75)
        if key is None or key == client:
            continue
        reg.fact(key, role.relation, client, ctx.span_evidence(view, org, f"rule:{role.relation}", 0.75))


def _closed_apposition(text: str, kend: int) -> bool:
    """Whether the role phrase is an apposition closed by a comma ("X, counsel to the Company, delivered ...")."""
    return bool(re.match(r"[^,;.\n]{0,60}\s*,\s*(?!and\b|or\b)[a-z]", text[kend : kend + 100]))


def _role_is_subject(view: PartView, kpos: int, kend: int) -> bool:
    """Whether the role phrase is the subject of a verb of its own ("..., underwriters may receive")."""
    if view.doc is None:
        return False
    span = view.doc.char_span(kpos, kend, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _inside_parentheses(text: str, pos: int, until: int) -> bool:
    """Whether ``pos`` sits in a parenthesis that closes before ``until``."""
    opened = text.rfind("(", max(0, pos - 120), pos)
    if opened < 0 or text.rfind(")", opened, pos) >= 0:
        return False
    close = text.find(")", pos, until)
    return close >= 0


def _counsel_client(ctx: DocContext, view: PartView, orgs: list[Span], kpos: int, kend: int) -> str | None:
    """Whose counsel a "counsel to/for ..." phrase names: the registrant, a named firm, or nobody we know.

    "counsel to the underwriters" or "counsel for the placement agent" name no
    client firm, so no fact; "the Company's legal counsel" is the registrant's.
    """
    text = view.flow.text
    phrase = text[kpos:kend].lower()
    if phrase.startswith("counsel"):
        target = text[kpos + len("counsel") : kpos + 160]
    else:
        target = text[kend : kend + 160]
    m = COUNSEL_TARGET.match(target)
    if m is None or phrase.startswith("opinion") or phrase.startswith("legal opinion"):
        return ctx.registry.registrant
    who = m.group("who")
    if REGISTRANT_WORDS.match(who):
        return ctx.registry.registrant
    named = role_clients(ctx, who)
    if len(named) == 1:
        return named[0]
    start = (kpos + len("counsel") if phrase.startswith("counsel") else kend) + m.start("who")
    for org in orgs:
        if abs(org.start_char - start) <= 4:
            return company_at(ctx, view, org, "rule:counsel-client", 0.7)
    return None  # "counsel for the underwriters": an unnamed client


def _coordinated(view: PartView, orgs: list[Span], best: Span, forward_only: bool = False) -> list[Span]:
    """``best`` and the companies listed with it ("A, B and C acted as underwriters")."""
    text = view.flow.text
    group = [best]
    ordered = sorted(orgs, key=lambda o: o.start_char)
    i = ordered.index(best)
    for step in ((1,) if forward_only else (-1, 1)):
        j = i
        while 0 <= j + step < len(ordered):
            a, b = (ordered[j + step], ordered[j]) if step < 0 else (ordered[j], ordered[j + step])
            if not re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*&)\s*", text[a.end_char : b.start_char]):
                break
            j += step
            group.append(ordered[j])
    return group


# --------------------------------------------------------------------------- legal matters

PASSED_UPON = re.compile(r"\b(?:passed\s+(?:up)?on|opinions?\s+(?:will\s+be\s+|was\s+|were\s+|has\s+been\s+)?(?:given|rendered|delivered))\b", re.I)
#: "for the Company by X", "for A and B by Y", "by X" (then the issuer's counsel)
FOR_BY = re.compile(r"(?:\bfor\s+(?P<for>[^;]{1,220}?)\s+)?\bby\s+(?:messrs\.?\s+)?", re.I)


def passed_upon_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    """Legal Matters layout: "will be passed upon for the Company by X and for A and B by Y".

    Each "by" names counsel; the "for" before it names the client (the
    registrant by default). Counsel "for the underwriters" has no named
    client and gives no fact.
    """
    reg = ctx.registry
    m = PASSED_UPON.search(span_text(sent))
    if m is None or reg.registrant is None:
        return
    text = view.flow.text
    orgs = [o for o in _orgs_in(sent) if o.start_char >= sent.start_char + m.end()]
    pos = sent.start_char + m.end()
    while True:
        fb = FOR_BY.search(text, pos, sent.end_char)
        if fb is None:
            break
        counsel = next((o for o in orgs if 0 <= o.start_char - fb.end() <= 2), None)
        pos = fb.end()
        if counsel is None:
            continue
        clients: list[str] = []
        who = fb.group("for")
        if who is None or REGISTRANT_WORDS.match(who.strip()):
            clients = [reg.registrant]
        elif ROLE_NOUN.match(who.strip()) and not any(fb.start("for") <= o.start_char < fb.end("for") for o in orgs):
            clients = role_clients(ctx, who.strip())
        else:
            for org in orgs:
                if fb.start("for") <= org.start_char < fb.end("for"):
                    key = company_at(ctx, view, org, "rule:counsel-client", 0.7)
                    if key:
                        clients.append(key)
        for org in _coordinated(view, orgs, counsel, forward_only=True):
            key = company_at(ctx, view, org, "rule:legal_counsel_for", 0.8)
            for client in clients:
                if key and key != client:
                    reg.fact(key, "legal_counsel_for", client, ctx.span_evidence(view, org, "rule:legal_counsel_for", 0.8))
        pos = counsel.end_char


#: a deal party named by its role ("the placement agent", "the underwriters"), and the relation that named its firm
ROLE_NOUN = re.compile(
    r"^(?:the\s+)?(?:(?:sole|lead|exclusive)\s+)?(?P<role>placement\s+agents?|underwriters?|representatives?(?:\s+of\s+the\s+underwriters)?|initial\s+purchasers?)$",
    re.I,
)


def role_clients(ctx: DocContext, who: str) -> list[str]:
    """The firms already recorded in the role a noun phrase names ("the placement agent" -> the agent's key)."""
    m = ROLE_NOUN.match(who.strip())
    reg = ctx.registry
    if m is None or reg.registrant is None:
        return []
    relation = "placement_agent_for" if m.group("role").lower().startswith("placement") else "underwriter_for"
    out: list[str] = []
    for f in reg.facts:
        if f.relation == relation and f.object == reg.registrant and f.subject not in out:
            out.append(f.subject)
    return out


#: "The placement agent is being represented in connection with this offering by X"
REPRESENTED_BY = re.compile(
    r"\b(?P<who>(?:the\s+)?(?:placement\s+agents?|underwriters?|initial\s+purchasers?|company|registrant)|we)\s+"
    r"(?:is|are|was|were|has\s+been|have\s+been|will\s+be)\s+(?:being\s+)?represented\b[^.;]{0,80}?\bby\s+(?:messrs\.?\s+)?",
    re.I,
)


def represented_by_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    """Legal Matters layout: "The placement agent is being represented ... by X": X is counsel to that party."""
    reg = ctx.registry
    if reg.registrant is None:
        return
    for m in REPRESENTED_BY.finditer(span_text(sent)):
        who = m.group("who")
        clients = [reg.registrant] if REGISTRANT_WORDS.match(who) else role_clients(ctx, who)
        pos = sent.start_char + m.end()
        counsel = next((o for o in _orgs_in(sent) if 0 <= o.start_char - pos <= 2), None)
        if counsel is None:
            continue
        for org in _coordinated(view, _orgs_in(sent), counsel, forward_only=True):
            key = company_at(ctx, view, org, "rule:legal_counsel_for", 0.75)
            for client in clients:
                if key and key != client:
                    reg.fact(key, "legal_counsel_for", client, ctx.span_evidence(view, org, "rule:legal_counsel_for", 0.75))


#: a legal form alone ("LLC" split off "Cowen and Company, LLC" by the parser) names no firm
BARE_FORM = re.compile(r"(?:L\.?L\.?C\.?|Inc\.?|Ltd\.?|L\.?P\.?|Corp\.?|Co\.?|N\.A\.|P\.?L\.?C\.?)", re.I)


def _defined_relation(role: str) -> str:
    r = role.lower()
    if "placement" in r:
        return "placement_agent_for"
    if "trustee" in r:
        return "trustee_for"
    if "transfer" in r:
        return "transfer_agent_for"
    return "underwriter_for"


def defined_roles_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    """Firms whose defined term is their role: 'with H.C. Wainwright & Co., LLC (the "Placement Agent")'."""
    reg = ctx.registry
    if reg.registrant is None:
        return
    text = view.flow.text
    orgs = _orgs_in(sent)
    for org in orgs:
        m = DEFINED_ROLE.match(text, org.end_char)
        if m is None:
            continue
        relation = _defined_relation(m.group("role"))
        for firm in _coordinated(view, orgs, org):
            if firm.start_char > org.start_char or BARE_FORM.fullmatch(firm.text.strip()):
                continue  # only the firms listed before the definition; a lone "LLC" is a name's split-off tail
            key = company_at(ctx, view, firm, f"rule:{relation}", 0.75)
            if key and key != reg.registrant:
                reg.fact(key, relation, reg.registrant, ctx.span_evidence(view, firm, f"rule:{relation}", 0.75))


# --------------------------------------------------------------------------- servicing attestations

#: asset-backed annual reports list each party's servicing-criteria attestation (Regulation AB, Item 1122):
#: "Attestation Report on Assessment of Compliance with Servicing Criteria of KPMG LLP, on behalf of X"
ATTESTATION = re.compile(r"\battestation\s+report\b[^.;\n|]{0,120}?\bof\s+$", re.I)
ON_BEHALF = re.compile(r"\s*,?\s*on\s+behalf\s+of\s+(?:the\s+)?$", re.I)


def attestations_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    """The accountant giving a servicer's attestation report audits that servicer (auditor_of)."""
    reg = ctx.registry
    if reg.registrant is None or not re.search(r"attestation\s+report", span_text(sent), re.I):
        return
    text = view.flow.text
    orgs = sorted(_orgs_in(sent), key=lambda o: o.start_char)
    for firm, client in zip(orgs, orgs[1:]):
        inner = list(re.finditer(r"\s+of\s+(?=[A-Z])", firm.text))
        if inner:
            # the parser may run the report's title into the firm ("Criteria for ... Securities of Ernst & Young LLP")
            tail = firm.doc.char_span(firm.start_char + inner[-1].end(), firm.end_char, label="ORG")
            firm = tail if tail is not None else firm
        if not ATTESTATION.search(text[max(0, firm.start_char - 160) : firm.start_char]):
            continue
        if not ON_BEHALF.fullmatch(text[firm.end_char : client.start_char]):
            continue
        fkey = company_at(ctx, view, firm, "rule:attestation", 0.75)
        ckey = company_at(ctx, view, client, "rule:attestation", 0.75)
        if fkey and ckey and fkey != ckey:
            reg.fact(fkey, "auditor_of", ckey, ctx.span_evidence(view, firm, "rule:attestation", 0.75))


# --------------------------------------------------------------------------- brokers

#: an at-the-market program's agreement with its sales agents ("our sales agreement, or sales agreement, with A and B")
SALES_AGREEMENT = re.compile(
    r"\b(?:sales|equity\s+distribution|distribution)\s+agreement(?:s)?\b(?:\s*,\s*(?:or|the)\s+[^,;]{1,40},)?"
    r"(?:\s+(?:that\s+|which\s+)?we\s+(?:have\s+)?entered\s+into)?(?:\s+(?:dated|entered\s+into\s+on)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4},?)?"
    r"\s+(?:with|between\s+us\s+and)\s+",
    re.I,
)
#: the sentence must speak of an at-the-market program or sales agents (not a "Separation and Distribution Agreement")
ATM_CONTEXT = re.compile(r"\bat[\s-]the[\s-]market\b|\bATM\b|\bsales\s+agents?\b", re.I)


def sales_agents_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    """At-the-market layout: "an at-the-market offering program under our sales agreement with A and B".

    The agents sell the issuer's shares as intermediaries: recorded as broker_for.
    """
    reg = ctx.registry
    text = span_text(sent)
    if reg.registrant is None or not ATM_CONTEXT.search(text):
        return
    orgs = _orgs_in(sent)
    for m in SALES_AGREEMENT.finditer(text):
        if re.search(r"separation\s+and\s+$", text[max(0, m.start() - 20) : m.start()], re.I):
            continue
        pos = sent.start_char + m.end()
        first = next((o for o in orgs if 0 <= o.start_char - pos <= 4), None)
        if first is None:
            continue
        for org in _coordinated(view, orgs, first, forward_only=True):
            key = company_at(ctx, view, org, "rule:sales-agent", 0.7)
            if key and key != reg.registrant:
                reg.fact(key, "broker_for", reg.registrant, ctx.span_evidence(view, org, "rule:sales-agent", 0.7))


BROKER_DEALER = re.compile(r"\b(?:through|via)\s+(?:its|their)\s+(?:affiliated\s+|registered\s+)?broker[\s-]*dealers?\s*,?\s*", re.I)


def brokers_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    """"X (through its broker-dealer, Y) as placement agent": Y is the broker-dealer of record for the issuer."""
    reg = ctx.registry
    if reg.registrant is None:
        return
    for m in BROKER_DEALER.finditer(span_text(sent)):
        pos = sent.start_char + m.end()
        for org in _orgs_in(sent):
            if org.start_char == pos:
                key = company_at(ctx, view, org, "rule:broker-dealer", 0.7)
                if key and key != reg.registrant:
                    reg.fact(key, "broker_for", reg.registrant, ctx.span_evidence(view, org, "rule:broker-dealer", 0.7))

