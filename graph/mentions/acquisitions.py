"""Acquisitions read from prose: who bought which company (``acquired``: buyer -> target).

The rules follow the clause shapes filings use to report a completed or
agreed acquisition, never particular names:

- a buying subject and a verb: "X acquired [all of the outstanding stock of] Y",
  "X completed its acquisition of Y", "X purchased substantially all of the assets of Y";
- the passive noun phrase: "the acquisition of Y by X";
- a merger clause: "Y merged with and into [a subsidiary of] X",
  "a newly-formed subsidiary of X was merged with Y";
- a merger agreement's parties: "Agreement and Plan of Merger ... among X, Merger Sub and Y"
  (parent, its merger subsidiary, then the target), or "X entered into an Agreement and
  Plan of [Reorganization and] Merger ... with Y".

A target must be a company: products ("NOVACET®"), another company's assets
("Trawsfynydd's TRX100 programs") and unnamed businesses are not. Hypotheticals
("may acquire", "intends to acquire") and risk factors give nothing.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import REGISTRANT_REF, company_at, display_company
from graph.mentions.gazetteer import COMPANY_WITH_SUFFIX, LEGAL_SUFFIX
from graph.mentions.spanents import span_ents, span_text

METHOD = "rule:acquisition"

#: what was bought of the target: its stock, its equity, substantially all its assets
_STAKE = (
    r"(?:(?:all|substantially\s+all|100%|one\s+hundred\s+percent)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:issued\s+and\s+outstanding\s+|outstanding\s+)?(?:shares\s+of\s+)?"
    r"(?:capital\s+stock|common\s+stock|stock|shares|equity\s+interests?|membership\s+interests?|partnership\s+interests?|"
    r"assets|business(?:\s+and\s+assets)?)\s+of\s+)"
)
#: a buying verb followed by the target (or the stake bought of it)
ACQUIRED = re.compile(
    r"\b(?:(?:acquired|purchased|bought)\s+" + _STAKE + r"|acquired\s+(?=[A-Z])|"
    r"(?:completed|consummated|closed)\s+(?:its|the|their|our)\s+(?:previously\s+announced\s+)?(?:acquisition|purchase)\s+of\s+"
    + _STAKE + r"?|agreed\s+to\s+acquire\s+" + _STAKE + r"?)",
    re.I,
)
#: a stake that is the whole equity of the target
WHOLE_EQUITY = re.compile(
    r"^(?:acquired|purchased|bought)\s+(?:all|100%|one\s+hundred\s+percent)\s+(?:of\s+)?(?:the\s+)?(?:issued\s+and\s+outstanding\s+|outstanding\s+)?"
    r"(?:shares\s+of\s+)?(?:capital\s+stock|common\s+stock|stock|shares|equity\s+interests?|membership\s+interests?)\s+of\s+$",
    re.I,
)
#: "the acquisition of Y by X"
ACQUISITION_BY = re.compile(r"\b(?:the\s+)?(?:acquisition|purchase)\s+of\s+" + _STAKE + r"?(?P<target>[A-Z].{1,80}?)\s+by\s+(?P<buyer>.{2,80})", re.S)
#: "Y merged with and into X" / "Y merged into a (wholly-owned) subsidiary of X"
MERGED_INTO = re.compile(
    r"\b(?:was|were|has\s+been|had\s+been)?\s*merged\s+(?:with\s+and\s+)?into\s+(?:(?:a|an)\s+(?:newly[\s-]formed\s+)?"
    r"(?:(?:wholly|indirect|direct)[\s-]+owned\s+)?subsidiary\s+of\s+)?",
    re.I,
)
#: "a newly-formed subsidiary of X was merged with (and into) Y": X acquired Y
SUBSIDIARY_MERGED = re.compile(
    r"\bsubsidiary\s+of\s+(?P<buyer>(?i:the\s+(?:company|registrant))|[A-Z].{1,60}?)\s+(?:was|were|will\s+be|has\s+been)\s+merged\s+"
    r"(?:with\s+and\s+into|with|into)\s+",
)
#: an agreement of merger and the list of its parties
MERGER_AGREEMENT = re.compile(
    r"\bAgreement\s+and\s+Plan\s+of\s+(?:Reorganization\s+and\s+)?Merger\b(?P<mid>[^;]{0,160}?)\b(?P<prep>by\s+and\s+among|among|by\s+and\s+between|between|with)\s+",
    re.I,
)
#: a merger subsidiary among an agreement's parties
MERGER_SUB = re.compile(r"\b(?:Merger|Acquisition|Acquiror)\b|\bMerger\s*Sub\b|\bMergerCo\b")
#: words that make a clause a hypothesis or a plan, not an acquisition
HYPOTHETICAL = re.compile(r"\b(?:may|might|could|would|intends?\s+to|plans?\s+to|seeks?\s+to|if|whether|potential|proposed|future)\b", re.I)
#: the target is a product, a brand or another company's assets, not the company
NOT_A_COMPANY = re.compile(r"[®™©]|['’]s(?:\s|$)|\b(?:Division|Product\s+Line|Assets)\b")
_ASSET_AFTER = re.compile(r"^\s*(?:['’]s\b|®|™|products?\b|brands?\b|rights?\b|assets?\b|programs?\b|line\b|division\b)", re.I)
_BUYER_END = re.compile(
    r"(?P<ref>\b(?:the\s+)?(?:registrant|company|corporation)|\bwe)\s*(?:,[^,]{0,60},\s*)?(?:(?:has|had|have|also|then|subsequently|thereby)\s+)*$",
    re.I,
)
ABBREV_END = re.compile(r"\b(?:Inc|Corp|Co|Ltd|L\.P|L\.L\.C|N\.A|N\.V|S\.A|P\.C)\.$")
_NAME = re.compile(
    r"[A-Z][\w&'’./-]*(?:\s+(?:[A-Z][\w&'’./-]*|of|and|&|de|the)){0,6}(?:,?\s+" + LEGAL_SUFFIX + r"\.?)?"
)


def _orgs(sent: Span) -> list[Span]:
    return [e for e in span_ents(sent) if e.label_ == "ORG"]


def _hypothetical(before: str) -> bool:
    """A clause whose verb is governed by a modal or a plan ("we may acquire", "if we acquire")."""
    clause = re.split(r"[;:]|,\s+(?:and|but)\s+", before)[-1]
    return bool(HYPOTHETICAL.search(clause[-80:]))


def _defined_term(ctx: DocContext, view: PartView, term: str) -> str | None:
    """The company a defined term stands for: 'Harbor Lane Securities, Inc. ("HLSI")' gives HLSI's company."""
    pat = re.compile(r"([A-Z][\w&'’.,/ -]{2,80}?)\s*\((?:the\s+)?[\"“]" + re.escape(term) + r"[\"”]\)")
    for m in pat.finditer(view.flow.text):
        full = m.group(1).strip(" ,")
        # the longest tail of the words before the term that names a company ("On May 1, 2000, <name>")
        for cut in [0] + [c.end() for c in re.finditer(r"[\s,]+(?=[A-Z])", full)]:
            name = full[cut:].strip(" ,")
            if not name or REGISTRANT_REF.match(name):
                continue
            key = ctx.registry.find("Company", name)
            if key is None and COMPANY_WITH_SUFFIX.search(name) and not re.search(r"\d|\.\s", name):
                key = ctx.registry.add("Company", display_company(name), ctx.evidence(view.flow, m.start(1) + cut, m.end(1), METHOD, 0.7))
            if key:
                return key
    return None


def company_named_at(ctx: DocContext, view: PartView, sent: Span, pos: int, method: str = METHOD) -> tuple[str, int] | None:
    """The company named right at ``pos`` of the flow text and where its name ends.

    An ORG entity starting there, else a capitalised name the registry already
    knows (a defined term such as "MJSK") or one ending in a legal suffix.
    Products, brands and possessives ("Y's programs") are no company.
    """
    text = view.flow.text
    reg = ctx.registry
    head = text[pos : sent.end_char]
    skip = len(head) - len(head.lstrip())
    if head[skip:].lower().startswith("the "):
        skip += 4
    pos += skip
    for org in _orgs(sent):
        if pos <= org.start_char <= pos + 1 and not REGISTRANT_REF.match(org.text.strip()):
            if NOT_A_COMPANY.search(org.text) or _ASSET_AFTER.match(text[org.end_char : org.end_char + 12]):
                return None
            key = None
            if re.fullmatch(r"[A-Z][\w&-]{1,15}", org.text.strip()):
                key = _defined_term(ctx, view, org.text.strip())
            key = key or company_at(ctx, view, org, method)
            return (key, org.end_char) if key else None
    m = _NAME.match(text, pos, sent.end_char)
    if not m:
        ref = re.match(r"(?:registrant|company)\b", text[pos : sent.end_char], re.I)
        return (reg.registrant, pos + ref.end()) if ref and reg.registrant else None
    name = re.sub(r"\s+", " ", m.group(0)).rstrip(" ,.")
    if COMPANY_WITH_SUFFIX.search(m.group(0).rstrip()) and not name.endswith("."):
        if ABBREV_END.search(m.group(0).rstrip()):
            name += "."
    end = m.end()
    if REGISTRANT_REF.match(name) or NOT_A_COMPANY.search(name) or _ASSET_AFTER.match(text[end : end + 12]):
        return None
    key = reg.find("Company", name)
    if key is None and re.fullmatch(r"[A-Z][\w&-]{1,15}", name):
        key = _defined_term(ctx, view, name)
    if key is None and COMPANY_WITH_SUFFIX.search(name):
        key = reg.add("Company", display_company(name), ctx.evidence(view.flow, pos, pos + len(name), method, 0.7, span_text(sent)))
    return (key, end) if key else None



def _buyer_before(ctx: DocContext, view: PartView, sent: Span, pos: int) -> str | None:
    """The subject of a buying verb at ``pos``: "the Company", "we", or a company named just before it."""
    before = view.flow.text[sent.start_char : pos]
    if _BUYER_END.search(before):
        return ctx.registry.registrant
    if re.search(r"\b(?:when|after|since|as|because|where)\s+it\s+(?:(?:has|had|also)\s+)?$", before) and re.match(
        r"\s*(?:(?:in|on|during)\s[^,]{0,40},\s*)?(?:the\s+(?:company|registrant)|we)\b", before, re.I
    ):
        return ctx.registry.registrant  # "The Company did A when it acquired Y": "it" is the sentence's subject
    for org in reversed(_orgs(sent)):
        if org.end_char <= pos:
            gap = view.flow.text[org.end_char : pos]
            if re.fullmatch(r"\s*(?:\([^)]{0,60}\))?\s*(?:,[^,]{0,60},\s*)?(?:(?:has|had|have|also|then)\s+)*", gap):
                return company_at(ctx, view, org, METHOD)
            return None
    return None


def _record(ctx: DocContext, view: PartView, sent: Span, buyer: str | None, target: str | None, start: int, end: int) -> None:
    reg = ctx.registry
    if buyer and target and buyer != target:
        reg.fact(buyer, "acquired", target, ctx.evidence(view.flow, start, end, METHOD, 0.75, span_text(sent)))


def _verb_acquisitions(ctx: DocContext, view: PartView, sent: Span) -> None:
    """"X acquired (all of the stock of) Y", "X completed its acquisition of Y"."""
    for m in ACQUIRED.finditer(span_text(sent)):
        start = sent.start_char + m.start()
        before = view.flow.text[sent.start_char : start]
        if _hypothetical(before) and not m.group(0).lower().startswith(("acquired", "completed", "consummated", "closed")):
            continue
        if re.search(r"\b(?:may|might|could|would|will)\s+(?:have\s+)?$", before, re.I):
            continue
        buyer = _buyer_before(ctx, view, sent, start)
        if buyer is None:
            continue
        found = company_named_at(ctx, view, sent, sent.start_char + m.end())
        if found:
            _record(ctx, view, sent, buyer, found[0], sent.start_char + m.end(), found[1])
            if WHOLE_EQUITY.search(m.group(0)) and found[0] and found[0] != buyer and not HYPOTHETICAL.search(m.group(0)):
                # all of a company's stock bought: it is now wholly owned, a subsidiary
                ev = ctx.evidence(view.flow, start, found[1], "rule:acquired-all-stock", 0.75, span_text(sent))
                ctx.registry.fact(found[0], "subsidiary_of", buyer, ev)


def _firm(ctx: DocContext, key: str | None) -> bool:
    """The registrant, or a company one of whose names ends in a legal suffix (not a defined word like "Portfolios")."""
    reg = ctx.registry
    if key is None or key not in reg.entities:
        return False
    ent = reg.entities[key]
    return key == reg.registrant or any(COMPANY_WITH_SUFFIX.search(n) for n in (ent.name, *ent.aliases))


def _passive_acquisitions(ctx: DocContext, view: PartView, sent: Span) -> None:
    """"the acquisition of Y by X": X acquired Y."""
    for m in ACQUISITION_BY.finditer(span_text(sent)):
        base = sent.start_char
        target = company_named_at(ctx, view, sent, base + m.start("target"))
        if not target or target[1] > base + m.start("buyer"):
            continue
        if not re.fullmatch(r"[\s,]*(?:\([^)]*\)[\s,]*)?by\s+", view.flow.text[target[1] : base + m.start("buyer")]):
            continue
        buyer = company_named_at(ctx, view, sent, base + m.start("buyer"))
        if buyer and _firm(ctx, buyer[0]) and _firm(ctx, target[0]):
            _record(ctx, view, sent, buyer[0], target[0], base + m.start("target"), target[1])


def _mergers(ctx: DocContext, view: PartView, sent: Span) -> None:
    """"Y merged with and into (a subsidiary of) X"; "a subsidiary of X was merged with Y"."""
    text = view.flow.text
    for m in MERGED_INTO.finditer(span_text(sent)):
        if not m.group(0).strip():
            continue
        pos = sent.start_char + m.start()
        if re.search(r"\b(?:may|might|could|would|will|shall)\s+(?:be\s+)?$", text[sent.start_char : pos], re.I):
            continue
        targets = [o for o in _orgs(sent) if o.end_char <= pos and re.fullmatch(r"\s*(?:\([^)]{0,60}\))?\s*", text[o.end_char : pos])]
        buyer = company_named_at(ctx, view, sent, sent.start_char + m.end())
        if targets and buyer:
            target = company_at(ctx, view, targets[-1], METHOD)
            _record(ctx, view, sent, buyer[0], target, targets[-1].start_char, targets[-1].end_char)
    for m in SUBSIDIARY_MERGED.finditer(span_text(sent)):
        b = m.group("buyer")
        buyer = ctx.registry.registrant if REGISTRANT_REF.match(b) else (company_named_at(ctx, view, sent, sent.start_char + m.start("buyer")) or (None,))[0]
        target = company_named_at(ctx, view, sent, sent.start_char + m.end())
        if buyer and target:
            _record(ctx, view, sent, buyer, target[0], sent.start_char + m.end(), target[1])


def split_parties(text: str) -> list[tuple[int, int]]:
    """Spans of the names in a party list "A, Inc., B Corporation, C and D" (suffixes stay with their name)."""
    pieces: list[list[int]] = []
    for m in re.finditer(r"[^,]+", text):
        suffix = re.match(r"\s*" + LEGAL_SUFFIX + r"\.?(?=\s*$|\s+and\s)", m.group(0))
        if pieces and suffix:
            pieces[-1][1] = m.start() + suffix.end()  # "A, L.P. and B": the suffix ends A
            if m.start() + suffix.end() < m.end():
                pieces.append([m.start() + suffix.end(), m.end()])
        else:
            pieces.append([m.start(), m.end()])
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        pos = s
        for sub in re.split(r"(\s+and\s+|\s+&\s+(?=[A-Z][a-z]+\s+[A-Z]\.))", text[s:e]):
            if sub and not re.fullmatch(r"\s+(?:and|&)\s+", sub):
                lead = len(sub) - len(sub.lstrip())
                if sub.strip():
                    out.append((pos + lead, pos + len(sub.rstrip())))
            pos += len(sub)
    return out


def _party(ctx: DocContext, view: PartView, sent: Span, start: int, end: int) -> str | None:
    """The company one party-list item names (registrant references included), else None."""
    name = re.sub(r"\s+", " ", view.flow.text[start:end]).strip(" ,.")
    name = re.sub(r"\s*\((?:the\s+)?[\"“][^)]*\)\s*$", "", name)
    if REGISTRANT_REF.match(name):
        return ctx.registry.registrant
    if not COMPANY_WITH_SUFFIX.search(name) and ctx.registry.find("Person", name) and ctx.registry.find("Company", name) is None:
        return None  # a person party ("Robert Hildreth")
    if re.fullmatch(r"[A-Z][\w&-]{1,15}", name):
        defined = _defined_term(ctx, view, name)
        if defined:
            return defined
    if not name[:1].isupper() or not all(w[:1].isupper() or w in ("of", "and", "&", "de", "the") for w in name.split()):
        return None
    if not COMPANY_WITH_SUFFIX.search(name) and re.fullmatch(r"[A-Z][a-z]+(?:\s+[A-Z]\.?)+(?:\s+[A-Z][\w'’-]+)?", name):
        return None  # "Thomas E. Fallat": a person party
    key = ctx.registry.find("Company", name)
    if key is None:
        if re.search(r"\s[A-Z]\.\s", f" {name} ") and not COMPANY_WITH_SUFFIX.search(name):
            return None
        if GENERIC_PARTY.match(name):
            return None  # an undefined role word ("Parent") names no company
        key = ctx.registry.add("Company", display_company(name), ctx.evidence(view.flow, start, end, METHOD, 0.7, span_text(sent)))
    return key


GENERIC_PARTY = re.compile(r"^(?:Parent|Purchaser|Buyer|Seller|Sellers|Acquiror|Acquirer|Merger\s+Sub|Sub|Target|Holdco|Stockholders?|Shareholders?|Members?)$", re.I)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())


def _parent_of_sub(sub: str, parties: list[tuple[str, str]]) -> str | None:
    """The party a merger subsidiary is named after: its first word, or the initials of its name."""
    head = re.split(r"[\s/]+", sub.strip())[0].upper()
    for name, key in parties:
        words = re.findall(r"[A-Za-z][\w'’-]*", name)
        if words and (words[0].upper() == head or _initials(name).upper() == head):
            return key
    return None


def _merger_agreements(ctx: DocContext, view: PartView, sent: Span) -> None:
    """Parties of an Agreement and Plan of Merger: parent, merger subsidiary, target."""
    text = view.flow.text
    for m in MERGER_AGREEMENT.finditer(span_text(sent)):
        start = sent.start_char + m.end()
        rest = text[start : sent.end_char]
        stop = re.search(r"\s(?:pursuant|under|whereby|which|providing|relating|in\s+connection|dated|as\s+amended)\b|[;:]|(?<![A-Z])\.\s|\.$|\s\(the\s+[\"“]|,?\s+and\s+(?:the|its)\s+(?:sole\s+)?(?:stock|share)holders?", rest)
        lst = rest[: stop.start()] if stop else rest
        items = split_parties(lst)
        parties = [(s, e, _party(ctx, view, sent, start + s, start + e)) for s, e in items]
        before = text[sent.start_char : sent.start_char + m.start()]
        if m.group("prep").lower() == "with":
            buyer = ctx.registry.registrant if re.search(r"\b(?:the\s+)?(?:company|registrant)\b[^.]{0,40}\b(?:entered\s+into|signed|executed)\b", before, re.I) else None
            first = next(((s, e, k) for s, e, k in parties[:1] if k), None)
            if buyer and first:
                _record(ctx, view, sent, buyer, first[2], start + first[0], start + first[1])
            continue
        subs = [i for i, (s, e, _k) in enumerate(parties) if MERGER_SUB.search(lst[s:e])]
        if not subs or subs[0] == 0:
            continue  # without a merger subsidiary the direction of the deal is not told
        # the parent: the party the merger subsidiary is named after ("Acme/XYZ Acquisition Corp.",
        # "AGI Acquisition, Inc." of Acme Group, Inc.), else the party right before the first subsidiary;
        # the target is the first other company after the subsidiaries, else before the parent
        buyer = _parent_of_sub(lst[parties[subs[0]][0] : parties[subs[0]][1]], [(lst[s:e], k) for i, (s, e, k) in enumerate(parties) if k and i not in subs])
        buyer = buyer or parties[subs[0] - 1][2]
        others = [(s, e, k) for i, (s, e, k) in enumerate(parties) if k and k != buyer and i not in subs]
        later = [p for p in others if p[0] > parties[subs[0]][0]]
        target = (later or others or [None])[0]
        if buyer and target:
            _record(ctx, view, sent, buyer, target[2], start + target[0], start + target[1])


def acquisitions_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    """Every acquisition shape of one sentence (see the module docstring)."""
    if not re.search(r"acqui|purchas|bought|merge", span_text(sent), re.I):
        return
    if re.search(r"\brisk|\bthere\s+can\s+be\s+no\s+assurance", span_text(sent), re.I):
        return
    _verb_acquisitions(ctx, view, sent)
    _passive_acquisitions(ctx, view, sent)
    _mergers(ctx, view, sent)
    _merger_agreements(ctx, view, sent)
