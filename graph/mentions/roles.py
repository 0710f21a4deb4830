"""People's roles read from prose: officers and directors named in sentences.

Layouts handled (one parsed sentence at a time, reflowed text):

* a title after the name: "John Doe, the Company's Chief Financial Officer,",
  "John Doe was appointed (as) President", "John Doe will serve as ...",
  "John Doe resigned as ...";
* a title before the name: "Chief Executive Officer John Doe";
* "A and B, the chief executive officer and secretary, respectively".

The company is the registrant unless an "of X" after the title names another
one; a role that ended at another company ("served as President of X from
2019 to 2023") is history, not a fact of the document.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import company_at, is_person_name
from graph.mentions.spanents import span_ents, span_text
from graph.normalize.titles import parse_titles


AFTER_NAME = re.compile(
    r"^\s*(?:,\s*(?:who\s+(?:is|was|has\s+been|will\s+serve\s+as)\s+)?|\s*\(|\s+(?:was|has\s+been|had\s+been|will\s+be|is)\s+"
    r"(?:appointed|named|elected|promoted)\s+(?:to\s+(?:the\s+(?:position|office)s?\s+of\s+)?|as\s+)?|\s+resigned\s+(?:as|from)\s+|"
    r"\s+(?:will\s+|has\s+|had\s+|currently\s+|also\s+)?(?:serve|serves|served|continue\s+to\s+serve|been\s+serving)\s+as\s+|\s+is\s+(?:the|our|its)\s+|"
    r"\s+as\s+(?:the\s+)?(?:company's\s+|registrant's\s+|our\s+|its\s+)?(?:new\s+|interim\s+|acting\s+)?(?=[A-Z])|"
    r"\s+(?:to|from)\s+(?=(?:the|its|our)\s+(?:company['’]s\s+)?board\b))"
    r"(?P<t>[^.;]{2,160})",
    re.I,
)
BEFORE_NAME = re.compile(r"(?P<t>(?:[A-Z][\w.'’-]*\s+|(?:and|of|the|board|member|corporate|current|former|interim|acting|independent)\s+){1,8}),?\s*$", re.I)
#: A title written before a name must end right before it in one of these words.
TITLE_TAIL = {
    "officer", "president", "ceo", "cfo", "coo", "cto", "cao", "chairman", "chairwoman", "chair", "director", "member",
    "secretary", "treasurer", "counsel", "controller", "vp", "founder", "chief", "manager", "head",
}
DIRECTOR_WORDS = re.compile(r"\b(?:board\s+member|member\s+of\s+(?:the|our|its)\s+board|directors?\b)", re.I)
STOP_TITLE = re.compile(r"\b(?:said|says|stated|announced|who|which|that|will|has|have|had|is|was|were|to)\b", re.I)


#: A company suffix's period inside a title phrase, before a comma or conjunction: "of Acme Corp., and ...".
SUFFIX_END = re.compile(r"\b(?:Inc|Corp|Co|Ltd|L\.P|N\.A|L\.L\.C|S\.A)$")
SUFFIX_PERIOD = re.compile(r"\.(?=\s*(?:,|and\b|or\b))")


def _title_span(after: str, m: re.Match[str]) -> str:
    """The title group of ``AFTER_NAME``, run on past company suffixes' periods ("President of Acme Corp., and ...")."""
    text = m.group("t")
    end = m.end("t")
    while end < len(after) and SUFFIX_PERIOD.match(after, end) and SUFFIX_END.search(after[max(0, end - 8) : end]):
        more = re.match(r"\.[^.;]{0,160}", after[end:])
        if more is None or len(text) + len(more.group()) > 240:
            break
        text += more.group()
        end += more.end()
    return text


def _title_window(text: str) -> str:
    """Cut a title phrase at the first thing that cannot be part of it."""
    text = re.sub(r"^\s*(?:age\s+)?\d{2}\s*,\s*", "", text)  # "John Smith, age 52, has served as ..."
    text = re.sub(r"^(?:has|had|also|currently|will)?\s*(?:served|serves|serve|been\s+serving|been)\s+as\s+(?:the\s+|our\s+|its\s+)?", "", text, flags=re.I)
    m = STOP_TITLE.search(text)
    return text[: m.start()] if m else text


def _org_after(view: PartView, sent: Span, start_char: int, window: str) -> Span | None:
    """The company in an "... of X" right after a title, if any."""
    for ent in span_ents(sent):
        if ent.start_char >= start_char and ent.label_ == "ORG" and ent.start_char - start_char <= len(window) + 5:
            between = view.flow.text[start_char : ent.start_char]
            if re.search(r"\bof\s+(?:the\s+)?$", between.strip() + " ", re.I) or re.search(r"\bof\s*$", between):
                return ent
    return None


def officers_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    reg = ctx.registry
    text = view.flow.text
    persons = [e for e in span_ents(sent) if e.label_ == "PERSON" and (is_person_name(e.text.strip()) or _honorific_surname(ctx, e))]
    if not persons or _in_signature_block(text, sent):
        return
    # "A and B, the Registrant's chief executive officer and executive vice president, respectively"
    resp = re.search(r"respectively", span_text(sent), re.I)
    if resp and len(persons) >= 2:
        after = text[persons[-1].end_char : sent.start_char + resp.start()]
        pieces = [p for p in re.split(r",\s*|\s+and\s+", re.sub(r"^[,\s]*(?:the\s+\w+'s\s+|our\s+|its\s+)?", "", after)) if p.strip()]
        if len(pieces) == len(persons):
            for pers, piece in zip(persons, pieces):
                _officer(ctx, view, pers, piece, None)
            return
    for pers in persons:
        _roles_from_parse(ctx, view, sent, pers, persons)
        after = text[pers.end_char : sent.end_char].split("\n", 1)[0]  # never across a layout line
        m = AFTER_NAME.match(after)
        if m:
            window = _title_window(_title_span(after, m))
            # stop at the next person's name
            for other in persons:
                if other.start_char > pers.end_char:
                    cut = other.start_char - pers.end_char - m.start("t")
                    if 0 < cut < len(window):
                        window = window[:cut]
            org = _org_after(view, sent, pers.end_char + m.start("t"), window)
            org_key = company_at(ctx, view, org, "rule:title-of") if org is not None else None
            if org_key is None:
                of = OF_NAME.search(window)
                if of:
                    org_key = reg.find("Company", of.group(1))
                    if org_key is None and not re.match(r"(?:the\s+)?(?:company|registrant|board|directors)\b", of.group(1), re.I):
                        continue  # a title at some other, unknown organisation
            if _former(after[: m.start("t")] + m.group("t")[:60], org_key, reg.registrant, span_text(sent)):
                continue
            if _at_unnamed_entity(window) or re.match(r"\s*(?:and|or)\b", window, re.I):
                continue  # "trustee of the managing member of X"; "A, and Director Independence" is a list, not apposition
            segments = coordinated_roles(ctx, view, sent, pers.end_char + m.start("t"), window)
            if segments:
                for title_text, keys in segments:
                    for key in keys:
                        _officer(ctx, view, pers, title_text, key)
                continue
            _officer(ctx, view, pers, window, org_key)
        before = text[max(sent.start_char, pers.start_char - 80) : pers.start_char].rsplit("\n", 1)[-1]
        bm = BEFORE_NAME.search(before)
        if bm and bm.group("t").split()[-1].lower().strip(",") in TITLE_TAIL:
            _officer(ctx, view, pers, bm.group("t"), None, before=True)


#: "of the managing member of X": a role held at an unnamed entity that stands in for X (its manager, partner).
UNNAMED_ENTITY = re.compile(
    r"\bof\s+(?:the|its|their|a|an)\s+(?:sole\s+)?(?:managing\s+member|general\s+partner|sole\s+member|manager|"
    r"investment\s+(?:manager|advis[eo]r)|trustee)\s+of\b",
    re.I,
)


def _at_unnamed_entity(window: str) -> bool:
    """Whether a title phrase puts the role at an entity the document names only by its role."""
    return bool(UNNAMED_ENTITY.search(window))


#: The "of" that opens a title's organisation list: "of X", "of both X and Y", "of each of X and Y".
OF_LIST = re.compile(r"\bof\s+(?:both\s+|each\s+of\s+)?", re.I)
#: What joins two organisations of one list: "X and Y", "X and of Y", "X, and the Y".
ORG_JOIN = re.compile(
    r"^\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:and|&)\s+(?:of\s+)?(?:(?:its|their|our)\s+(?:(?:wholly|majority)[\s-]+owned\s+)?(?:bank\s+)?subsidiary,?\s+)?"
)
REGISTRANT_WORD = re.compile(r"(?:the\s+)?(?:company|registrant|corporation)\b(?!['’])", re.I)
CAP_PHRASE = re.compile(r"(?:the\s+)?([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})")


def coordinated_roles(ctx: DocContext, view: PartView, sent: Span, base: int, window: str) -> list[tuple[str, list[str]]]:
    """Titles held at several companies of one apposition: [(title text, company keys)], or [] for one company.

    Coordinated organisations share the titles before their "of":
    "Chief Financial Officer and Secretary of both the Company and Horizon
    Bank" is two titles at each of two companies; separate "of"-phrases keep
    their own titles: "President of X, and Chief Executive Officer of Y".
    ``base`` is the window's offset in the flow text.
    """
    segments: list[tuple[str, list[str]]] = []
    pos = 0
    for of in OF_LIST.finditer(window):
        if of.start() < pos:
            continue
        keys: list[str] = []
        at = of.end()
        while True:
            found = _org_at(ctx, view, sent, base, window, at)
            if found is None:
                break
            key, end = found
            if key not in keys:
                keys.append(key)
            join = ORG_JOIN.match(window[end:])
            if join is None:
                break
            at = end + join.end()
        if not keys:
            continue
        title_text = window[pos : of.start()]
        if parse_titles(title_text).titles or DIRECTOR_WORDS.search(title_text):
            segments.append((title_text, keys))
        pos = at if at > of.end() else of.end()
        nxt = re.search(r"\S", window[pos:])
        pos = pos + (nxt.start() if nxt else 0)
        pos = _after_org(ctx, view, sent, base, window, segments, pos)
    if sum(len(k) for _t, k in segments) < 2:
        return []
    return segments


def _after_org(ctx: DocContext, view: PartView, sent: Span, base: int, window: str, segments: list, pos: int) -> int:
    """Skip the last organisation read (its name) and any joining comma or "and the" before the next title."""
    found = _org_at(ctx, view, sent, base, window, pos)
    if found is not None:
        pos = found[1]
    j = re.match(r"\s*(?:\([^)]{0,40}\))?\s*,?\s*(?:and\s+)?(?:the\s+|its\s+)?", window[pos:])
    return pos + (j.end() if j else 0)


def _org_at(ctx: DocContext, view: PartView, sent: Span, base: int, window: str, at: int) -> tuple[str, int] | None:
    """The company named at ``window[at:]`` (an ORG span, "the Company", a known name or defined term) and its end."""
    reg = ctx.registry
    rest = window[at:]
    r = REGISTRANT_WORD.match(rest)
    if r and reg.registrant:
        return reg.registrant, at + r.end()
    lead = re.match(r"(?:the\s+)?", rest).end()
    term = re.match(r"[A-Z][\w&.’'-]*", rest[lead:])
    if term:  # a defined term ("the Bank") stands for the company it was defined after
        key = defined_company(ctx, view, term.group())
        if key is not None:
            return key, at + lead + term.end()
    for ent in span_ents(sent):
        if ent.label_ == "ORG" and base + at <= ent.start_char <= base + at + lead + 1:
            key = company_at(ctx, view, ent, "rule:title-of")
            if key is not None:
                return key, min(len(window), ent.end_char - base)
    cap = CAP_PHRASE.match(rest)
    if cap:
        words = cap.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            key = reg.find("Company", name) or defined_company(ctx, view, name)
            if key is not None:
                return key, at + cap.start(1) + len(name)
    return None


def defined_company(ctx: DocContext, view: PartView, term: str) -> str | None:
    """The company a defined term stands for: 'Horizon Bank ("Bank")', 'Acme Corp. (the "Parent")', 'Acme Securities, Inc. (ASI)'."""
    if view.doc is None or not term[:1].isupper():
        return None
    text = view.flow.text
    pat = re.compile(r"\s*,?\s*\(\s*(?:the\s+|collectively,?\s+(?:the\s+)?)?[“\"']?" + re.escape(term) + r"[”\"']?\s*\)")
    for ent in view.doc.ents:
        if ent.label_ == "ORG" and pat.match(text, ent.end_char):
            return company_at(ctx, view, ent, "rule:defined-term")
    return None


def _in_signature_block(text: str, sent: Span) -> bool:
    """Whether a sentence is a signature block's printed name and title (read by the signature rule with its company line)."""
    lines_before = text[max(0, sent.start_char - 300) : sent.start_char].split("\n")[-4:]
    return "/s/" in span_text(sent).lower() or any("/s/" in line.lower() for line in lines_before)


#: A role told in the simple past ("served as", "was"): history, unless "has served".
PAST_ROLE = re.compile(
    r"^[^.;]{0,60}?\b(?:(?<!has\s)(?<!have\s)(?<!had\s)served|"
    r"(?:was|were)(?!\s+(?:appointed|named|elected|re-?elected|promoted|hired|designated|selected|also))|"
    r"previously|formerly|prior\s+to\s+(?:that|joining))\b",
    re.I,
)
#: A role with a closed date range: "from January 2020 to June 2023", "until 2019".
CLOSED_RANGE = re.compile(r"\bfrom\s+[^.;]{3,40}?\s+(?:to|through|until)\s+(?!present|date|the\s+present)(?:[A-Z][a-z]+\s+)?(?:\d{1,2},\s+)?(?:19|20)\d\d\b", re.I)


def _former(lead: str, org_key: str | None, registrant: str | None, sentence: str) -> bool:
    """Whether a role read after a name is a past one: at another company, or closed by a date range."""
    if not PAST_ROLE.search(lead):
        return False
    return (org_key is not None and org_key != registrant) or bool(CLOSED_RANGE.search(sentence))


#: Verbs whose subject or object takes the role named by their "as"-phrase, attribute or predicate
#: (matched on the word's form: the pipeline runs no lemmatizer).
ROLE_VERB = re.compile(
    r"(?:re-?)?(?:appoint|nam|elect|promot|serv|resign|retir|succeed|becam|becom|join|continu|remain|hir|assum|designat|select|act)"
    r"(?:e|es|ed|ing|s)?|is|was|were|are|be|been|being",
    re.I,
)
#: Past forms that tell a finished role.
PAST_FORMS = frozenset({"served", "was", "were"})


def _role_verb(tok) -> bool:
    return (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")) and bool(ROLE_VERB.fullmatch(tok.text))
#: Nouns that stand for a role: "the responsibilities of", "the position of".
ROLE_NOUNS = frozenset("responsibility duty role position office title post".split())
#: A title noun heads a phrase these words end ("Chief Executive Officer", "Secretary", "Chairman").
TITLE_HEADS = frozenset(
    """officer president chairman chairwoman chair secretary treasurer counsel controller comptroller director ceo cfo coo
    cto cao member""".split()
)


def _subtree_text(view: PartView, tok, stop: int | None = None) -> tuple[int, str]:
    """The text of a token's subtree (up to ``stop``, a token index), with its start offset."""
    left, right = tok.left_edge, tok.right_edge
    end_i = min(right.i + 1, stop) if stop is not None else right.i + 1
    doc = tok.doc
    if end_i <= left.i:
        return left.idx, ""
    span = doc[left.i : end_i]
    return span.start_char, span.text


def _title_phrases(pers: Span) -> list[tuple[object, object, int | None]]:
    """(title head token, governing verb or None, stop index) for the roles a parse gives a person."""
    root = pers.root
    out: list[tuple[object, object, int | None]] = []
    head = root.head
    if root.dep_ == "appos" and head.lower_ in TITLE_HEADS and head.i < root.i:
        out.append((head, None, pers.start))  # "its Chief Executive Officer, John Doe"
    for c in root.children:
        if c.dep_ == "appos" and c.i > root.i and c.lower_ in TITLE_HEADS:
            out.append((c, None, None))  # "John Doe, the Company's Chief Financial Officer,"
    verbs = []
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "oprd") and _role_verb(head):
        verbs.append(head)
        verbs.extend(c for c in head.children if c.dep_ in ("xcomp", "advcl") and _role_verb(c))
    if verbs and root.dep_ in ("dobj", "oprd", "nsubjpass"):  # "appointed X as Treasurer": the "as" may hang on the name
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ in ("as", "to"):
                out.extend((g, verbs[0], None) for g in c.children if g.dep_ == "pobj")
    for v in verbs:
        for c in v.children:
            if c.dep_ in ("attr", "oprd") and c.i > root.i:
                out.append((c, v, None))
            elif c.dep_ == "prep" and c.lower_ in ("as", "to"):
                out.extend((g, v, None) for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "dobj" and c.lower_.rstrip("s").replace("responsibilitie", "responsibility") in ROLE_NOUNS:  # "assuming the responsibilities of secretary"
                out.extend((g, v, None) for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj")
    return [(_past_role_noun(t), v, stop) for t, v, stop in out]


def _past_role_noun(tok):
    """"the position of Treasurer" -> "Treasurer": the role noun's "of"-object names the title."""
    if tok.lower_.rstrip("s") not in ROLE_NOUNS:
        return tok
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for g in p.children:
                if g.dep_ == "pobj":
                    return g
    return tok


def _roles_from_parse(ctx: DocContext, view: PartView, sent: Span, pers: Span, persons: list[Span]) -> None:
    """Roles the dependency parse ties to a person when the plain-text shapes above did not.

    Handles "X, a member of the firm, is Secretary of the Company", "including
    its Chairman and Chief Executive Officer, X", "the Board elected X
    President", "X was named to the position of Treasurer".
    """
    reg = ctx.registry
    for tok, verb, stop in _title_phrases(pers):
        start, text = _subtree_text(view, tok, stop)
        for other in persons:  # never across another person's name
            if other is not pers and start <= other.start_char < start + len(text):
                text = text[: other.start_char - start]
        window = _title_window(text)
        if re.search(r"\b(?:of|at|with|for)\s*$", window):
            continue  # "a director of" whose organisation the parse left outside the phrase: the text rules read it
        if re.search(r"\bcommittee\b", window, re.I):
            continue  # "Chairman of the Audit Committee" is a board committee, not an office of the company
        org_key = None
        of = re.search(r"\b(?:of|at)\s+(.+)$", window)
        if of:
            org = next((e for e in span_ents(sent) if e.label_ == "ORG" and 0 <= e.start_char - (start + of.start(1)) <= 4), None)
            if org is not None:
                org_key = company_at(ctx, view, org, "rule:title-of")
            elif not re.match(r"(?:the\s+)?(?:company|registrant|corporation|bank|board|directors|trust|fund|partnership)\b", of.group(1), re.I):
                continue  # a title at some other organisation the parser did not name
        lead = view.flow.text[pers.end_char : start + 30] if start > pers.end_char else ""
        if verb is not None and verb.lower_ in PAST_FORMS:
            lead = "served " + lead
        if _former(lead, org_key, reg.registrant, span_text(sent)) or _at_unnamed_entity(window):
            continue
        segments = coordinated_roles(ctx, view, sent, start, window)
        for title_text, keys in segments:
            for key in keys:
                _officer(ctx, view, pers, title_text, key)
        if not segments:
            _officer(ctx, view, pers, window, org_key)


OF_NAME = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})")


def _officer(ctx: DocContext, view: PartView, pers: Span, title_text: str, org_key: str | None, before: bool = False) -> None:
    reg = ctx.registry
    tp = parse_titles(title_text)
    director = tp.director or bool(DIRECTOR_WORDS.search(title_text))
    start_date, end_date = _role_dates(span_text(pers.sent))
    if before and re.search(r"\bformer\b", title_text, re.I):
        return
    if not tp.titles and not director:
        return
    org_key = org_key or reg.registrant
    if org_key is None:
        return
    ev = ctx.span_evidence(view, pers, "ner:person+rule:title", 0.75)
    pkey = _honorific_surname(ctx, pers) or reg.add("Person", re.sub(r"\s+", " ", pers.text.strip().strip(",")), ev)
    for t in tp.titles:
        reg.fact(pkey, "officer_of", org_key, ev, qualifier=t, start_date=start_date, end_date=end_date)
    if director:
        reg.fact(pkey, "director_of", org_key, ev, start_date=start_date, end_date=end_date)


def _honorific_surname(ctx: DocContext, pers: Span) -> str | None:
    """"Mr. Oyelaran": the one person of the document with that surname, if any."""
    if len(pers) != 1 or pers.start == 0:
        return None
    prev = pers.doc[pers.start - 1].text.rstrip(".").lower()
    if prev not in ("mr", "ms", "mrs", "dr", "miss"):
        return None
    return ctx.registry.find_person_by_surname(pers.text.strip())


STARTS = re.compile(r"\b(?:appointed|elected|named|hired|promoted|joined|engaged|retained)\b", re.I)
ENDS = re.compile(r"\b(?:resigned|retired|resignation|retirement|terminated|dismissed|removed|stepped\s+down|departed|left)\b", re.I)


def _role_dates(sentence: str) -> tuple[str | None, str | None]:
    """Appointment or departure date of a role, when the sentence states both the event and a date."""
    from graph.normalize.dates import find_dates

    dates = find_dates(sentence)
    if not dates:
        return None, None
    when = dates[0][2].isoformat()
    if ENDS.search(sentence):
        return None, when
    if STARTS.search(sentence):
        return when, None
    return None, None
