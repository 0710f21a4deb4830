"""Securities and their terms from prose.

A sentence such as "convertible promissory notes ... bear interest at a
rate of 7.5% per annum ... conversion price of $1.53, $1.41 and $1.35" is
read in three steps: find instrument mentions (typed by the FORMAT
vocabulary), decide which mention *governs* each term (the nearest one of a
compatible type; a term keyword such as "exercise price" picks the type),
and tell instruments sold from instruments that are merely underlying
("warrants to purchase 312,500 shares of common stock": the stock is what
the warrant is exercisable for, not something sold).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from graph.mentions.context import DocContext, PartView
from graph.mentions.instruments_status import in_exclusion_list, inventory_sentence, standing_count, statistic_price
from graph.mentions.instruments_underlying import as_converted, is_menu, issuable_upon
from graph.mentions.instruments_titles import debt_titles
from graph.mentions.spanents import span_ents, span_text
from graph.normalize.durations import parse_duration
from graph.normalize.dates import parse_date
from graph.normalize.money import parse_money
from graph.normalize.numbers import format_decimal, parse_number
from graph.normalize.percent import parse_percent

#: what an option to purchase may buy: shares, stock or units, with a count or determiner before them
_SECURITY_OBJECT = (
    r"(?:(?:up\s+to|an\s+aggregate\s+of|a\s+total\s+of|approximately|additional|the|our|its|such|an?|[\d,.]+|million)\s+)*"
    r"(?:shares|common|preferred|(?:capital\s+)?stock|ordinary|units|class|series|membership|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*\s+(?:common|shares|stock))"
)
#: (pattern, type), most specific first; matched on the sentence text.
MENTIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:series\s+[a-z0-9-]+\s+)?convertible\s+preferred\s+(?:stock|shares)\b", re.I), "Convertible Preferred Stock"),
    (re.compile(r"\b(?:common\s+stock\s+purchase\s+|stock\s+purchase\s+|class\s+[a-z]\s+)?warrants?\b", re.I), "Warrant"),
    (re.compile(r"\brestricted\s+stock\s+units?\b|\bRSUs?\b", re.I), "Restricted Stock Unit"),
    # an option to buy *securities*; "an option to purchase the products at the end of the term" is a commercial term
    (re.compile(r"\b(?:stock\s+options?|options?\s+to\s+(?:purchase|acquire|buy)(?=\s+" + _SECURITY_OBJECT + r"))\b", re.I), "Option"),
    # "each outstanding option of Target Corp. to purchase ...": the holder's company is named between
    (re.compile(r"\boptions?(?=\s+(?:of|issued\s+by|granted\s+by)\s+[A-Z][^.;]{0,60}?\s+to\s+(?:purchase|acquire|buy)\b)", re.I), "Option"),
    (re.compile(r"\bconvertible\s+(?:senior\s+|secured\s+|subordinated\s+|unsecured\s+)*(?:promissory\s+)?notes?\b", re.I), "Convertible Note"),
    (re.compile(r"\b(?:convertible\s+(?:subordinated\s+)?)?debentures?\b", re.I), "Debenture"),
    (re.compile(r"\b(?:senior\s+|secured\s+|subordinated\s+|unsecured\s+)*promissory\s+notes?\b|\bsenior\s+(?:secured\s+)?notes\b", re.I), "Note"),
    (re.compile(r"\b(?i:the|such|these|those|each|its|our)\s+(?:(?:\d{4}|[A-Z][a-z]+)\s+){0,2}(?i:notes?)\b(?!\s+(?:to|thereto)\b)"), "Note"),
    (re.compile(r"\b(?:series\s+[a-z0-9-]+\s+)?preferred\s+(?:stock|shares)\b", re.I), "Preferred Stock"),
    (re.compile(r"\bcommon\s+(?:stock|shares)\b|\bordinary\s+shares\b|\bshares\s+of\s+beneficial\s+interest\b", re.I), "Common Stock"),
    (re.compile(r"\bmembership\s+interests?\b", re.I), "Membership Interest"),
    (re.compile(r"\bunits(?=\s*,?\s*(?:each\s+)?consisting\s+of)|(?<=\d\s)units\b|(?<=\d,\d{3}\s)units\b", re.I), "Unit"),
    (re.compile(r"\bsubscription\s+rights\b|\brights\s+offering\b", re.I), "Right"),
]
#: a count below this is a per-unit ratio ("an accompanying Common Warrant to purchase two shares"), never a deal's size
MIN_COUNT = 10
CONVERTIBLE = {"Convertible Note", "Convertible Preferred Stock", "Debenture"}
DERIVATIVE = {"Warrant", "Option", "Right"}
DEBT = {"Convertible Note", "Note", "Debenture", "Bond"}
STOCK = {"Common Stock", "Preferred Stock"}
SALE_WORDS = re.compile(
    r"\b(?:sold|sale|sell|issued|issue|issuance|placement|offering|offered|purchased|granted|grant|registered|register|"
    r"subscription|financing|funding|investors?|purchasers?)\b",
    re.I,
)
NUM_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|\s|-)+"
NUMBER = r"(?:\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion))?|" + NUM_WORDS + r")"
MONEY = r"\$\s?\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion))?|\$\s?\.\d+"
MONEY_LIST = r"(?P<m>(?:" + MONEY + r")(?:\s*,\s*(?:and\s+)?(?:" + MONEY + r")|\s+and\s+(?:" + MONEY + r")|\s+or\s+(?:" + MONEY + r"))*)"
SHARES = re.compile(
    r"(?P<n>" + NUMBER + r")\s+(?:million\s+)?shares\s+"
    r"(?:\((?:the\s+|collectively,\s+the\s+)?[\"“][^\"”)]{1,40}[\"”]\)\s+)?"  # 'shares (the "Shares") of Common Stock': a defined term between
    r"of\s+(?:the\s+registrant's\s+|the\s+company's\s+|our\s+|its\s+|[A-Z]\w+\s+)?"
    r"(?P<what>common|preferred|series|class|beneficial)",
    re.I,
)
#: a derivative's count whose shares noun is a defined term or an appositive splits "shares ... of stock"
DERIVATIVE_SHARES = re.compile(
    r"(?:to\s+(?:purchase|acquire|buy)|exercisable\s+(?:for|into))\s+(?:up\s+to\s+)?(?:an\s+aggregate\s+of\s+)?(?:an\s+additional\s+)?"
    r"(?P<n>\d[\d,]*)\s+(?:(?:[A-Z][\w-]*\s+){1,3}[Ss]hares|shares,\s+or\s+the\s+[^,]{1,40},\s+of)\b"
)
UNDERLYING_LEAD = re.compile(
    r"(?:to\s+(?:purchase|acquire|buy)|exercisable\s+(?:for|into)|convertible\s+(?:at\s+any\s+time\s+)?(?:[^.;]{0,60}?)into|"
    r"underlying|upon\s+(?:the\s+)?(?:exercise|conversion)|conversion\s+rate\s+of)(?:[^.;]|\.(?=\d)){0,80}$",
    re.I,
)
TERMS: list[tuple[str, re.Pattern[str], set[str]]] = [
    ("exercise_price", re.compile(r"exercise\s+prices?\s+(?:of|equal\s+to|is|was|at)?\s*(?:[^$.;]{0,120}?)?" + MONEY_LIST, re.I), DERIVATIVE),
    ("exercise_price", re.compile(r"exercisable\s+at\s+" + MONEY_LIST, re.I), DERIVATIVE),
    ("conversion_price", re.compile(r"conversion\s+prices?\s+(?:of|equal\s+to|is|was)?\s*(?:[^$.;]{0,80}?)?" + MONEY_LIST, re.I), CONVERTIBLE),
    ("principal_amount", re.compile(r"principal\s+amount\s+of\s+(?:up\s+to\s+)?" + MONEY_LIST, re.I), DEBT),
    ("principal_amount", re.compile(MONEY_LIST + r"\s+(?:in|of)\s+(?:aggregate\s+principal\s+amount\s+of\s+)?(?:its\s+|our\s+|the\s+company's\s+)?(?:[a-z]+\s+){0,3}(?:notes|debentures|bonds)\b", re.I), DEBT),
    ("price_per_share", re.compile(r"(?:purchase\s+)?price\s+of\s+" + MONEY_LIST + r"\s+per\s+(?:share|unit)", re.I), STOCK),
]
PER_SHARE = re.compile(r"\bat\s+(?:a\s+price\s+(?:equal\s+to\s+)?|a\s+price\s+per\s+share\s+(?:[^$.;]{0,220}?))?" + MONEY_LIST + r"\s+per\s+share", re.I)
#: a rate figure, fractions included ("7.5", "6 3/4", "6-3/4", "6¾")
PCT = r"\d+(?:\.\d+)?(?:(?:\s+|\s*-\s*)\d{1,2}/\d{1,2}|[¼½¾⅛⅜⅝⅞])?"
INTEREST = re.compile(r"(?:interest\s+(?:at\s+)?(?:a\s+rate\s+of\s+|the\s+rate\s+of\s+)?|bearing\s+)(?P<p>" + PCT + r"\s*%|" + PCT + r"\s+percent)(?:\s+per\s+(?:annum|year))?", re.I)
RATE_NOTE = re.compile(r"(?<![\d/.-])(?P<p>" + PCT + r"\s*%)\s+(?:convertible\s+|senior\s+|secured\s+|subordinated\s+|promissory\s+)*(?:notes?|debentures?)\b", re.I)
MATURITY = re.compile(
    r"(?:maturity\s+date\s+(?:of\s+|on\s+|is\s+)?|matur(?:e|es|ing)\s+(?:on\s+|in\s+)?|due\s+(?:on\s+)?)(?P<v>(?:[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4})|(?:[\w-]+(?:\s+\(\d+\))?\s+(?:months?|years?|days?))(?:\s+(?:from|after)\s+(?:the\s+)?(?:date\s+of\s+)?(?:issuance|issue|closing))?)",
    re.I,
)
EXPIRATION = re.compile(
    r"(?:expire[sd]?\s+(?:on\s+|in\s+)?|expiration\s+date\s+(?:of\s+|on\s+|is\s+)?|exercisable\s+for\s+(?:a\s+(?:period|term)\s+of\s+)?(?=[\w-]+\s+(?:\(\d+\)\s+)?(?:years?|months?)\b)|term\s+of\s+)"
    r"(?P<v>(?:[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4})|(?:[\w-]+(?:\s+\(\d+\))?\s+(?:months?|years?|days?)))",
    re.I,
)


#: "The interest rate on the Term Loan is the greater of (i) ... and (ii) 4.0%": every fixed figure of the clause
INTEREST_CLAUSE = re.compile(
    r"\binterest\s+rate\b[^.;%]{0,120}?\b(?:is|shall\s+be|will\s+be|equal\s+to|equals)\s+(?P<rest>(?:[^.;]|\.(?=\d)){0,200})", re.I
)
SPREAD_AFTER = re.compile(r"\s*(?:per\s+annum\s+)?(?:in\s+excess\s+of|above|over|plus|below|margin|of\s+the)\b", re.I)
SPREAD_BEFORE = re.compile(r"(?:plus|\+|minus|LIBOR|SOFR|prime(?:\s+rate)?)\s*$", re.I)
#: "will expire on the earlier of (a) ... and (b) the 5-year anniversary of the closing date", "expire on the fifth anniversary of"
EXPIRE_ANNIVERSARY = re.compile(
    r"\bexpir(?:e|es|ation)\b[^.;]{0,250}?\b(?:the\s+)?(?P<v>\d{1,2}(?:-|\s+)year|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"(?:\s+\(\d{1,2}(?:st|nd|rd|th)\))?)\s+anniversary\s+of\b",
    re.I,
)
#: "an initial conversion rate of 26.2154 shares of common stock per $1,000 principal amount of notes": a ratio of the
#: terms (its count is no deal size, its $1,000 no principal); the stock named is what the security converts into
CONVERSION_RATE = re.compile(
    r"\d[\d,]*(?:\.\d+)?\s+shares\s+of\s+[^.;$]{0,60}?\s+per\s+\$\s?1,000\s+(?:of\s+)?(?:aggregate\s+)?(?:original\s+)?"
    r"principal\s+amount(?:\s+(?:at\s+maturity\s+)?of\s+(?:the\s+)?(?:[A-Z]\w*\s+){0,3}(?:notes|debentures|bonds))?",
    re.I,
)
#: a mention the sentence denies ("There are no outstanding rights, options or warrants"): no sale, no carried type
NEGATED_LEAD = re.compile(r"\b(?:there\s+(?:are|were|is|was)\s+no|no\s+(?:outstanding|other)|nor\s+any)\b[^.;]{0,80}$", re.I)
#: "... of Target Corp. to purchase": a mention owned by the company named right after it
OWNER_AFTER = re.compile(r"\s+(?:of|issued\s+by|granted\s+by)\s+(?=[A-Z])")
#: a section about the trustee's own dealings ("CONCERNING THE TRUSTEE"): the notes it mentions are other issues
TRUSTEE_HEADING = re.compile(r"^\s*(?:CONCERNING|REGARDING|INFORMATION\s+CONCERNING|THE)\s+(?:THE\s+)?TRUSTEES?\s*$")

#: a leading conditional clause, up to its comma: what it names is a case the document allows for, not a sale
CONDITIONAL = re.compile(r"^\s*(?:if|in\s+the\s+event\s+(?:that\s+)?|should|to\s+the\s+extent\s+(?:that\s+)?)\b[^,;]{0,200}(?=,)", re.I)
#: the main clause after a leading condition, when it is only a possibility ("..., we may retain ...")
MODAL_MAIN = re.compile(r"\s*,\s*(?:then\s+)?(?:we|the\s+(?:company|registrant|issuer)|it|they)\s+(?:may|might|could|would|can)\b", re.I)
#: state keys: the deal's borrower when it is not the registrant, and defined terms of instruments
BORROWER = "__borrower__"
ALIAS = "__alias__:"
ITEM_HEADING = re.compile(r"\s*Item\s+\d+(?:\.\d+)?\b", re.I)
#: a defined term right after a mention: ('the "Term Loan"'), (each, a "Note"), (collectively, the "Warrants")
DEFINED_TERM = re.compile(r"^\s*\(\s*(?:the\s+|each,?\s+an?\s+|collectively,?\s+the\s+|an?\s+)?[“\"]([A-Z][^”\"]{1,40}?)[,]?[”\"]")


def _learn_aliases(text: str, ends: list[tuple[int, str]], state: dict[str, str]) -> None:
    """Defined terms of instrument mentions become mentions of the same type later in the part."""
    for end, itype in ends:
        m = DEFINED_TERM.match(text[end:])
        if m and len(m.group(1).split()) <= 4:
            state[ALIAS + m.group(1)] = itype


def _borrower(ctx: DocContext, sent: Span) -> str | None:
    """A subsidiary that is the sentence's subject of a loan or note agreement is the deal's issuer.

    Layout: "<Subsidiary> ("ABC"), a wholly-owned subsidiary of <Registrant>, entered into a ... Loan Agreement".
    """
    text = span_text(sent)
    m = re.search(r"\bentered\s+into\b(?:[^.;]|\.(?=\d)){0,80}?\b(?:loan|credit|note\s+purchase|financing|indenture)\b", text, re.I)
    if not m:
        return None
    for ent in span_ents(sent):
        rel = ent.start_char - sent.start_char
        if ent.label_ != "ORG" or rel >= m.start():
            continue
        between = text[rel : m.start()]
        if not re.search(r"\bsubsidiary\s+of\b", between, re.I):
            return None
        key = ctx.registry.find("Company", ent.text)
        if key and key != ctx.registry.registrant:
            return key
        return None
    return None


@dataclass
class Mention:
    itype: str
    start: int  # sentence-relative
    end: int
    underlying: bool = False
    foreign: bool = False  # qualified by another issuer's name ("Combinet Common Stock")


def _mentions(ctx: DocContext, view: PartView, sent: Span, aliases: dict[str, str] | None = None) -> list[Mention]:
    text = span_text(sent)
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for pat, itype in MENTIONS:
        for m in pat.finditer(text):
            if any(not (m.end() <= s or m.start() >= e) for s, e in taken):
                continue
            if itype == "Common Stock" and re.search(r"closing\s+(?:bid\s+)?price\s+of\s+(?:our\s+|the\s+)?$", text[: m.start()], re.I):
                continue
            taken.append(m.span())
            if itype == "Note" and (
                re.match(r"\s+(?:are|is|will\s+be|shall\s+be)\s+convertible", text[m.end():], re.I)
                or ("Convertible Note" in ctx.instrument_types and not re.search(r"non-?convertible", text[max(0, m.start() - 20) : m.start()], re.I))
            ):
                itype = "Convertible Note"  # "the promissory notes are convertible ..." / the notes already described
            found.append(Mention(itype, m.start(), m.end()))
    for alias, itype in (aliases or {}).items():
        for m in re.finditer(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", text):
            if not any(not (m.end() <= s or m.start() >= e) for s, e in taken):
                taken.append(m.span())
                found.append(Mention(itype, m.start(), m.end()))
    found.sort(key=lambda x: x.start)
    found = [x for x in found if not NEGATED_LEAD.search(text[max(0, x.start - 100) : x.start])]
    reg_names = _registrant_words(ctx)
    for men in found:
        if _owned_by_other(sent, men, reg_names):
            men.foreign = True
            continue
        lead = text[max(0, men.start - 80) : men.start]
        if UNDERLYING_LEAD.search(lead) and men.itype in STOCK:
            men.underlying = True
        qual = re.search(r"([A-Z][\w&.-]+)(['’]s)?\s+(?:stock\s+)?$", lead)
        if qual and not qual.group(1).isupper():
            word = qual.group(1).lower()
            if word not in reg_names and word not in _NOT_ISSUER:
                qpos = sent.start_char + men.start - len(lead) + qual.start(1)
                in_org = any(e.label_ == "ORG" and e.start_char <= qpos < e.end_char for e in span_ents(sent))
                men.foreign = in_org or bool(qual.group(2))
    return found


def _owned_by_other(sent: Span, men: Mention, reg_names: set[str]) -> bool:
    """A mention followed by "of <another company>" ("each option of Target Corp. to purchase") is that company's."""
    m = OWNER_AFTER.match(span_text(sent), men.end)
    if m is None:
        return False
    pos = sent.start_char + m.end()
    for ent in span_ents(sent):
        if ent.label_ == "ORG" and ent.start_char == pos:
            words = {w.lower() for w in re.findall(r"[A-Za-z][\w&.-]+", ent.text)}
            return not (words & (reg_names | {"company", "registrant"}))
    return False


def _trustee_section(flow_text: str, pos: int) -> bool:
    """Whether ``pos`` lies under a heading such as "CONCERNING THE TRUSTEE" (the trustee's other engagements)."""
    start = max(0, pos - 3000)
    lines = flow_text[start:pos].split("\n")[:-1]
    for line in reversed(lines):
        s = line.strip()
        if s and len(s) <= 60 and s.upper() == s and re.search(r"[A-Z]{3}", s) and not re.search(r"\d{2}", s):
            return bool(TRUSTEE_HEADING.match(s))
    return False


_NOT_ISSUER = {
    "registrant", "company", "our", "its", "the", "additional", "corresponding", "such", "series", "class",
    "convertible", "redeemable", "outstanding", "restricted", "new", "voting", "each", "these", "those", "all",
    "purchase", "common", "preferred", "senior", "secured",
}


def _foreign_before(ctx: DocContext, sent: Span, pos: int) -> bool:
    """A title qualified by another company's possessive ("Acme Corp.'s 5% Notes") is that company's."""
    lead = span_text(sent)[max(0, pos - 60) : pos]
    m = re.search(r"([A-Z][\w&.,-]*(?:\s+[A-Z][\w&.,-]*)*)['’]s\s+$", lead)
    if not m:
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w&.-]+", m.group(1))}
    return not (words & (_registrant_words(ctx) | {"company", "registrant", "company's"}))


def _registrant_words(ctx: DocContext) -> set[str]:
    key = ctx.registry.registrant
    if not key:
        return set()
    ent = ctx.registry.entities[key]
    return {w.lower() for n in (ent.name, *ent.aliases) for w in re.findall(r"[A-Za-z][\w&.-]+", n)}


def _governing(mentions: list[Mention], pos: int, types: set[str]) -> Mention | None:
    """The nearest mention of a compatible type before ``pos`` (else after it)."""
    before = [m for m in mentions if m.end <= pos and m.itype in types and not m.foreign]
    if before:
        return before[-1]
    after = [m for m in mentions if m.start >= pos and m.itype in types and not m.foreign]
    return after[0] if after else None


def _amounts(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in re.finditer(MONEY, text):
        v = parse_money(m.group(0))
        if v is not None:
            out.append((format_decimal(v), m.start(), m.end()))
    return out


def instruments_in_sentence(ctx: DocContext, view: PartView, sent: Span, state: dict[str, str]) -> None:
    reg = ctx.registry
    issuer = reg.registrant
    if issuer is None:
        return
    text = span_text(sent)
    if ITEM_HEADING.match(text):
        state.pop(BORROWER, None)
    if _trustee_section(view.flow.text, sent.start_char):
        return  # an 8-K item is one deal: a borrower named in another item does not carry over
    issuer = _borrower(ctx, sent) or state.get(BORROWER) or issuer
    if issuer != reg.registrant:
        state[BORROWER] = issuer
    aliases = {k[len(ALIAS):]: v for k, v in state.items() if k.startswith(ALIAS)}
    mentions = _mentions(ctx, view, sent, aliases)
    titles = debt_titles(text)
    _learn_aliases(text, [(m.end, m.itype) for m in mentions if not m.foreign] + [(t.end, t.itype) for t in titles], state)
    if not mentions and not titles:
        return
    base = sent.start_char
    sale = bool(SALE_WORDS.search(text))

    def key_of(itype: str) -> str:
        return reg.instrument(issuer, itype)

    def ev(s: int, e: int, method: str, conf: float = 0.75):
        return ctx.evidence(view.flow, base + s, base + e, method, conf, text)

    def last_of(types: set[str], pos: int) -> str | None:
        g = _governing(mentions, pos, types)
        if g:
            return g.itype
        if any(x.foreign and x.itype in types for x in mentions):
            return None  # the sentence speaks of another company's instrument of this kind
        for t in types:
            if t in state:
                return state[t]
        return None

    with_terms: set[str] = set()

    def term(relation: str, types: set[str], value: str, s: int, e: int) -> None:
        itype = last_of(types, s)
        if itype is None:
            return
        reg.fact(key_of(itype), relation, value, ev(s, e, f"rule:instrument-{relation}"))
        with_terms.add(itype)

    claimed: list[tuple[int, int]] = [r.span() for r in CONVERSION_RATE.finditer(text)]
    for title in titles:
        if _foreign_before(ctx, sent, title.start):
            continue
        key = key_of(title.itype)
        for value, s, e in title.principal:
            reg.fact(key, "principal_amount", value, ev(s, e, "rule:debt-title-principal", 0.8))
        if title.rate:
            value, s, e = title.rate
            reg.fact(key, "interest_rate", value, ev(s, e, "rule:debt-title-rate", 0.8))
        if title.maturity:
            value, s, e = title.maturity
            reg.fact(key, "maturity", value, ev(s, e, "rule:debt-title-maturity", 0.8))
        claimed.extend((s, e) for _, s, e in [*title.principal, *filter(None, (title.rate, title.maturity))])
        reg.fact(issuer, "issued", title.itype, ev(title.head_start, title.end, "rule:debt-title", 0.75))
        with_terms.add(title.itype)
        state[title.itype] = title.itype
        ctx.instrument_types.add(title.itype)
    for relation, pat, types in TERMS:
        for m in pat.finditer(text):
            if any(s <= m.start("m") < e for s, e in claimed):
                continue
            claimed.append((m.start("m"), m.end("m")))
            if relation == "price_per_share" and re.search(r"per\s+unit$", m.group(0), re.I):
                types = {"Unit"}
            if statistic_price(text, m.start("m")) or inventory_sentence(text):
                continue
            for value, s, e in _amounts(m.group("m")):
                term(relation, types, value, m.start("m") + s, m.start("m") + e)
    for m in PER_SHARE.finditer(text):
        if any(s <= m.start("m") < e for s, e in claimed):
            continue
        g = _governing([x for x in mentions if not x.underlying], m.start(), DERIVATIVE | CONVERTIBLE | STOCK)
        rel = "price_per_share"
        types = STOCK
        if g is not None and g.itype in DERIVATIVE:
            rel, types = "exercise_price", DERIVATIVE
        elif g is not None and g.itype in CONVERTIBLE:
            rel, types = "conversion_price", CONVERTIBLE
        elif g is None:
            continue
        if statistic_price(text, m.start("m")) or inventory_sentence(text):
            continue
        claimed.append((m.start("m"), m.end("m")))
        for value, s, e in _amounts(m.group("m")):
            term(rel, types, value, m.start("m") + s, m.start("m") + e)
    for m in list(INTEREST.finditer(text)) + list(RATE_NOTE.finditer(text)):
        if any(s <= m.start("p") < e for s, e in claimed):
            continue
        p = parse_percent(m.group("p"))
        if p is not None and p < 50:
            term("interest_rate", DEBT, format_decimal(p), m.start("p"), m.end("p"))
    for m in MATURITY.finditer(text):
        if any(s <= m.start("v") < e for s, e in claimed):
            continue
        v = _date_or_duration(m.group("v"))
        if v:
            term("maturity", DEBT, v, m.start("v"), m.end("v"))
    for m in EXPIRATION.finditer(text):
        v = _date_or_duration(m.group("v"))
        if not v:
            continue
        if last_of(DERIVATIVE, m.start("v")) is None and last_of(DEBT, m.start("v")) is not None:
            term("maturity", DEBT, v, m.start("v"), m.end("v"))  # a loan or note that "expires" matures then
        else:
            term("expiration", DERIVATIVE, v, m.start("v"), m.end("v"))
    for m in EXPIRE_ANNIVERSARY.finditer(text):
        v = _anniversary(m.group("v"))
        if v and last_of(DERIVATIVE, m.start("v")) is not None:
            term("expiration", DERIVATIVE, v, m.start("v"), m.end("v"))
    for m in INTEREST_CLAUSE.finditer(text):
        rest = m.group("rest")
        for p_m in re.finditer(r"(?<![\d./-])(\d{1,2}(?:\.\d+)?(?:(?:\s+|\s*-\s*)\d{1,2}/\d{1,2}|[¼½¾⅛⅜⅝⅞])?)\s*%", rest):
            if SPREAD_AFTER.match(rest[p_m.end():]) or SPREAD_BEFORE.search(rest[: p_m.start()]):
                continue  # "0.25% in excess of the prime rate": a margin, not a rate per year
            s0 = m.start("rest") + p_m.start(1)
            if any(s <= s0 < e for s, e in claimed):
                continue
            term("interest_rate", DEBT, format_decimal(parse_percent(p_m.group(0))), s0, m.start("rest") + p_m.end())
    shares_done = [(m.start("n"), m.end("n")) for m in SHARES.finditer(text)]
    for m in SHARES.finditer(text):
        n = parse_number(m.group("n"))
        if n is None or n < MIN_COUNT or in_exclusion_list(view.flow.text, base + m.start("n")):
            continue
        if any(s <= m.start("n") < e for s, e in claimed):
            continue  # a conversion rate's count
        raw = m.group("n")
        if re.search(r"\d{1,3}(?:,\d{3})+\s+million", raw):  # "2,996,667 million shares": the unit word is a slip
            n = parse_number(raw.split()[0]) or n
        lead = text[max(0, m.start("n") - 80) : m.start("n")].rstrip() + " "
        pos = m.start()
        stock_mention = next((x for x in mentions if x.start >= m.start("what") - 1 and x.start <= m.end() + 2), None)
        if stock_mention is not None and stock_mention.foreign:
            continue
        stock_end = stock_mention.end if stock_mention is not None else m.end()
        if standing_count(text, m.start("n"), stock_end):
            continue
        if re.search(r"(?:to\s+(?:purchase|acquire|buy)|exercisable\s+(?:for|into))\s+(?:up\s+to\s+)?(?:an\s+aggregate\s+of\s+)?(?:up\s+to\s+)?(?:an\s+additional\s+)?$", lead, re.I):
            g = _governing(mentions, pos, DERIVATIVE)
            if g:
                term("shares", {g.itype}, format_decimal(n), m.start("n"), m.end("n"))
            continue
        if re.search(r"(?:into|underlying|upon\s+(?:exercise|conversion)\s+of)\s+[^.;]{0,30}$", lead, re.I):
            continue
        if not sale:
            continue
        if stock_mention is not None and stock_mention.itype in STOCK | {"Convertible Preferred Stock"}:
            itype = stock_mention.itype  # "shares of Series C Convertible Preferred Stock": the class named
        else:
            itype = "Preferred Stock" if m.group("what").lower() == "preferred" else "Common Stock"
        term("shares", {itype}, format_decimal(n), m.start("n"), m.end("n"))
    for m in DERIVATIVE_SHARES.finditer(text):
        # "warrants to purchase up to 7,230,301 Warrant Shares" / "shares, or the Warrant Shares, of our common stock"
        n = parse_number(m.group("n"))
        if n is None or n < MIN_COUNT or any(s <= m.start("n") < e for s, e in shares_done) or inventory_sentence(text):
            continue
        if in_exclusion_list(view.flow.text, base + m.start("n")):
            continue
        g = _governing(mentions, m.start(), DERIVATIVE)
        if g:
            term("shares", {g.itype}, format_decimal(n), m.start("n"), m.end("n"))
    # what each derivative or convertible is exercisable for / convertible into
    for men in mentions:
        if men.foreign:
            continue
        if men.itype == "Warrant" and re.match(r"common\s+stock", text[men.start : men.end], re.I):
            reg.fact(key_of("Warrant"), "exercisable_for", key_of("Common Stock"), ev(men.start, men.end, "rule:instrument-underlying"))
        if men.underlying and men.itype in STOCK:
            lead = text[max(0, men.start - 80) : men.start]
            head_types = CONVERTIBLE if re.search(r"convertible|conversion", lead, re.I) else DERIVATIVE
            g = _governing([x for x in mentions if x is not men], men.start, head_types)
            if g is None or is_menu(text, g, men, mentions):
                continue
            rel = "convertible_into" if g.itype in CONVERTIBLE else "exercisable_for"
            reg.fact(key_of(g.itype), rel, key_of(men.itype), ev(men.start, men.end, "rule:instrument-underlying"))
        if men.itype in STOCK and not men.foreign:
            # "shares of common stock issuable upon the exercise of stock options outstanding"
            for h, htype in issuable_upon(text, men, mentions, DERIVATIVE | CONVERTIBLE):
                rel = "convertible_into" if htype in CONVERTIBLE else "exercisable_for"
                lo, hi = min(men.start, h.start), max(men.end, h.end)
                reg.fact(key_of(htype), rel, key_of(men.itype), ev(lo, hi, "rule:instrument-issuable-upon"))
                if not CONDITIONAL.match(text):
                    # shares issuable upon exercise of warrants: the warrants are outstanding, so issued
                    reg.fact(issuer, "issued", htype, ev(h.start, h.end, "rule:instrument-issuable-upon", 0.65))
                    ctx.instrument_types.add(htype)
        stock = as_converted(text, men, mentions)
        if stock is not None:
            reg.fact(key_of("Convertible Preferred Stock"), "convertible_into", key_of(stock.itype), ev(men.start, stock.end, "rule:instrument-as-converted"))
    # what the issuer sold or granted
    hypothetical = CONDITIONAL.match(text)
    # "If we do not ..., we may retain a dealer manager to manage a subscription rights offering": the whole sentence is a case
    modal_main = bool(hypothetical and MODAL_MAIN.match(text, hypothetical.end()))
    for men in mentions:
        if men.foreign or men.underlying:
            continue
        if modal_main and men.itype not in with_terms:
            continue
        if men.itype in STOCK and men.itype not in with_terms:
            continue
        if hypothetical and men.start < hypothetical.end() and men.itype not in with_terms:
            continue  # "If we offer common stock in a subscription rights offering, ...": a case, not a sale
        if sale or men.itype in with_terms:
            reg.fact(issuer, "issued", men.itype, ev(men.start, men.end, "rule:instrument-issued", 0.7))
            state[men.itype] = men.itype
            ctx.instrument_types.add(men.itype)
    for men in mentions:
        if not men.foreign:
            for group in (DERIVATIVE, CONVERTIBLE, DEBT, STOCK):
                if men.itype in group:
                    for t in group:
                        state.pop(t, None)
                    state[men.itype] = men.itype


_ORDINALS = {w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)}


def _anniversary(text: str) -> str | None:
    """ "5-year" / "fifth (5th)" / "tenth" anniversary -> P5Y, P5Y, P10Y."""
    m = re.match(r"(\d{1,2})(?:-|\s+)year", text)
    if m:
        return f"P{int(m.group(1))}Y"
    word = text.split()[0].lower()
    return f"P{_ORDINALS[word]}Y" if word in _ORDINALS else None


def _date_or_duration(text: str) -> str | None:
    d = parse_date(text)
    if d:
        return d.isoformat()
    return parse_duration(text)


def apply_instruments(ctx: DocContext, view: PartView) -> None:
    """Run the instrument rules over a parsed part, carrying the last-mentioned types across sentences."""
    if view.doc is None:
        return
    state: dict[str, str] = {}
    for sent in view.doc.sents:
        instruments_in_sentence(ctx, view, sent, state)
    drop_years_with_dates(ctx)


def drop_years_with_dates(ctx: DocContext) -> None:
    """A year read from a title ("Notes due 2022") is the same maturity as a full date of that year, once."""
    facts = ctx.registry.facts
    dated = {(f.subject, f.relation, f.object[:4]) for f in facts if f.relation in ("maturity", "expiration") and len(f.object) == 10}
    ctx.registry.facts = [
        f for f in facts
        if not (f.relation in ("maturity", "expiration") and re.fullmatch(r"\d{4}", f.object) and (f.subject, f.relation, f.object) in dated)
    ]
