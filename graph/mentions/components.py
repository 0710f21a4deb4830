"""spaCy pipeline components written for filings.

The statistical NER of a general English model is good at people and
organisations in prose but stumbles on filing prose: it tags "Common Stock"
as an organisation, cuts "Innovo Azteca Apparel, Inc." in two and misses
regulators' abbreviations. These components run after ``ner`` and repair its
entities with rules (legal-suffix company names, agencies, stop-lists), so
every later rule can trust ``doc.ents``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy
from spacy.attrs import IS_ALPHA, IS_LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.mentions.spanents import doc_text
from graph.normalize.titles import parse_titles
from graph.mentions.gazetteer import (
    AGENCIES,
    COMPANY_WITH_SUFFIX,
    COURT,
    EXCHANGE_ABBREVIATION,
    EXCHANGE_ENTITY,
    FIRM_WORDS,
    is_generic_company_name,
    find_company_names,
    NOT_COMPANY_WORDS,
    ORG_STOPLIST,
    WEAK_AGENCY_ABBREVIATIONS,
)

AGENCY_LABEL = "GOV"

AGENCY_PATTERNS: list[tuple[re.Pattern[str], str]] = []
for _canon, _aliases in AGENCIES.items():
    for _form in sorted((_canon, *_aliases), key=len, reverse=True):
        flags = 0 if _form.isupper() else re.I
        if _form.isupper() and _form in WEAK_AGENCY_ABBREVIATIONS:
            pat = r"(?<=\()" + re.escape(_form) + r"(?=\))"
        else:
            pat = r"(?<![\w])" + re.escape(_form).replace(r"\ ", r"\s+") + r"(?![\w])"
        AGENCY_PATTERNS.append((re.compile(pat, flags), _canon))

#: any agency form at all: one scan gates the fifty (a block of prose rarely names one)
_ANY_AGENCY = re.compile("|".join(f"(?i:{p.pattern})" if p.flags & re.I else f"(?:{p.pattern})" for p, _ in AGENCY_PATTERNS))


def agency_matches(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Every match of every agency form in ``text`` with its canonical name (overlaps included, as each form finds them)."""
    if _ANY_AGENCY.search(text) is None:
        return
    for pat, canon in AGENCY_PATTERNS:
        for m in pat.finditer(text):
            yield m, canon


_AGENCY_FORMS: dict[str, str] = {
    re.sub(r"\s+", " ", form).lower(): canon for canon, aliases in AGENCIES.items() for form in (canon, *aliases)
}


def agency_name(text: str) -> str | None:
    """The canonical agency a surface form denotes, or None."""
    flat = re.sub(r"\s+", " ", text).strip().lower()
    flat = re.sub(r"^the\s+", "", flat)
    return _AGENCY_FORMS.get(flat)


def _char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _name_article(doc: Doc, i: int) -> bool:
    """A capitalised "The" inside a sentence is part of the name ("between the Company and The Bank of New York")."""
    if doc[i].text != "The" or i == 0:
        return False
    prev = doc[i - 1]
    return prev.text == "," or (prev.is_alpha and prev.text.islower())


def _trim_org(span: Span) -> Span | None:
    """Drop leading articles/possessives and reject spans that are not companies."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an", "our", "its", "their") and not _name_article(span.doc, start):
        start += 1
    while end > start and span.doc[end - 1].text in ("'s", "’s", ",", "(", ")", "-", '"'):
        end -= 1
    # "Chief Financial Officer of Innovo Group": the company is what follows "of"
    for i in range(start, end):
        if span.doc[i].lower_ == "of" and i > start and parse_titles(span.doc[start:i].text).titles:
            start = i + 1
            break
    if end > start and span.doc[end - 1].text == "." :
        end -= 1
    if start >= end:
        return None
    new = Span(span.doc, start, end, label=span.label_)
    text = re.sub(r"\s+", " ", new.text).strip().lower()
    if text in ORG_STOPLIST:
        return None
    words = [w for w in re.findall(r"[a-z]{2,}", text)]
    if words and all(w in NOT_COMPANY_WORDS for w in words):
        return None
    if not any(ch.isalpha() for ch in text):
        return None
    if re.search(r"\b(?:stock|shares|warrants?|notes?|debentures?|units|options)$", text):
        return None  # "Series One Convertible Preferred Stock" is a security, not a company
    return new


@Language.component("fkg_org_patterns", requires=["doc.ents"], assigns=["doc.ents"])
def org_patterns(doc: Doc) -> Doc:
    """Company names ending in a legal suffix and government agencies override the model's spans."""
    forced: list[Span] = []
    text = doc_text(doc)
    for m, _canon in agency_matches(text):
        sp = _char_span(doc, m.start(), m.end(), AGENCY_LABEL)
        if sp is not None:
            forced.append(sp)
    for pat, label in ((COURT, AGENCY_LABEL), (EXCHANGE_ENTITY, "ORG"), (EXCHANGE_ABBREVIATION, "ORG")):
        for m in pat.finditer(text):
            sp = _char_span(doc, m.start(), m.end(), label)
            if sp is not None:
                forced.append(sp)
    for s, e in find_company_names(text):
        sp = _char_span(doc, s, e, "ORG")
        if sp is None:
            continue
        sp = _trim_org(sp)
        if sp is None:
            continue
        first = sp[0].text.lower()
        if first in NOT_COMPANY_WORDS and len(sp) <= 3:
            continue
        forced.append(sp)
    forced = filter_spans(forced)
    forced_tokens = {i for sp in forced for i in range(sp.start, sp.end)}
    kept: list[Span] = list(forced)
    for ent in doc.ents:
        if any(i in forced_tokens for i in range(ent.start, ent.end)):
            continue
        if ent.label_ in MISREAD_FIRM_LABELS and _firm_named(ent):
            ent = Span(doc, ent.start, ent.end, label="ORG")  # "Tungsten Advisors" read as a work of art
        if ent.label_ == "ORG":
            trimmed = _trim_org(ent)
            if trimmed is None:
                continue
            kept.append(trimmed)
        else:
            kept.append(ent)
    lower = _lowercase_phrases(doc)
    kept = [_drop_descriptive_head(e, lower) if e.label_ == "ORG" else e for e in kept]
    kept = [e for e in kept if not _after_indefinite_article(e)]
    doc.ents = [e for e in filter_spans(kept) if not (e.label_ == "ORG" and _common_phrase(e, lower))]
    return doc


#: Labels the model gives firm names it does not recognise ("Tungsten Advisors" as WORK_OF_ART).
MISREAD_FIRM_LABELS = {"WORK_OF_ART", "PRODUCT", "FAC", "LAW", "EVENT"}


def _firm_named(span: Span) -> bool:
    """Capitalised words ending in a firm word ("Advisors", "Securities", "Capital"), not a description."""
    words = span.text.split()
    if not 2 <= len(words) <= 6 or "\n" in span.text:
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w in ("&", "of", "and") for w in words):
        return False
    return words[-1].strip(".,").lower() in FIRM_WORDS and not is_generic_company_name(span.text)


def _after_indefinite_article(span: Span) -> bool:
    """"an Issuing Bank", "a Trust Company": a role or kind, not a named firm (names take no "a")."""
    if span.label_ != "ORG" or span.start == 0 or COMPANY_WITH_SUFFIX.search(span.text):
        return False
    return span.doc[span.start - 1].lower_ in ("a", "an")


def _lowercase_phrases(doc: Doc) -> str:
    """The document's text with white space collapsed, for finding phrases written in lower case."""
    return " " + re.sub(r"\s+", " ", doc_text(doc)) + " "


def _common_phrase(span: Span, flat: str) -> bool:
    """A capitalised phrase the document also writes in lower case is a term, not a name.

    "Debt Securities" / "debt securities", "Market Value" / "market value",
    "Shell Company" / "shell company": firms' names are never written in
    lower case, defined terms and headings often are.
    """
    words = span.text.split()
    if not 2 <= len(words) <= 5:
        return False
    phrase = " ".join(words)
    low = phrase.lower()
    if low == phrase or not re.fullmatch(r"[a-z][a-z&' -]*", low):
        return False
    return re.search(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])", flat) is not None


STREET_WORDS = {
    "street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane", "ln", "way", "court",
    "ct", "parkway", "pkwy", "circle", "place", "suite", "plaza", "square", "highway", "hwy", "terrace",
}


def _first_line(span: Span) -> Span | None:
    """Cut a span at its first line break: layout lines are separate items (names, then employers)."""
    for tok in span:
        if "\n" in tok.text or (tok.i > span.start and "\n" in span.doc[tok.i - 1].whitespace_ + span.doc[tok.i - 1].text):
            end = tok.i
            return Span(span.doc, span.start, end, label=span.label_) if end > span.start else None
        if tok.is_space and "\n" in tok.text:
            return Span(span.doc, span.start, tok.i, label=span.label_) if tok.i > span.start else None
    return span


@Language.component("fkg_person_cleanup", requires=["doc.ents"], assigns=["doc.ents"])
def person_cleanup(doc: Doc) -> Doc:
    """Drop PERSON spans that are brand, address or company fragments ("Joe" of "Joe's Jeans", "Honey Bell Circle")."""
    kept: list[Span] = []
    words = _lowercase_words(doc)
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG") and "\n" in ent.text:
            cut = _first_line(ent)
            if cut is None or not cut.text.strip():
                continue
            ent = cut
        if ent.label_ == "PERSON":
            # a name is proper nouns (and initials); "Shares Owned" or "Shopping Center" is not
            # a NER-only pass has no tags: '' is unknown, not a common noun
            if any(t.tag_ not in ("", "NNP", "NNPS", ".", ",", "HYPH", "POS") and t.is_alpha and len(t) > 1 for t in ent):
                continue
            nxt_word = doc[ent.end].lower_.strip(".,") if ent.end < len(doc) else ""
            prev = doc[ent.start - 1] if ent.start > 0 else None
            if nxt_word in STREET_WORDS or (prev is not None and prev.like_num):
                continue
            nxt = doc[ent.end] if ent.end < len(doc) else None
            if nxt is not None and nxt.text in ("'s", "’s") and len(ent) == 1:
                continue
            if re.search(r"\d|[@/]", ent.text):
                continue
            if _common_words(ent, words) or ent[-1].tag_ == "NNPS" or _plural_noun_end(ent, words):
                continue  # "Joint Bookrunners", "Eurocurrency Borrowings": plural nouns, not a person
        kept.append(ent)
    doc.ents = kept
    return doc


def drop_document_terms(doc: Doc) -> Doc:
    """Apply the vocabulary checks again on a view's Doc joined from separately parsed pieces.

    The components see one piece at a time, so a capitalised term ("Debt
    Securities", "Financial Statements") that the view writes in lower case
    only in another piece survives them; the joined Doc has the whole view's
    prose, so the same checks run here once more over all its entities.
    """
    lower = _lowercase_phrases(doc)
    words = _lowercase_words(doc)
    verdicts: dict[tuple[str, str], bool] = {}  # a name recurs: scan the view's text once per distinct name

    def term(e: Span) -> bool:
        key = (e.label_, e.text)
        if key not in verdicts:
            verdicts[key] = (e.label_ == "ORG" and _common_phrase(e, lower)) or (
                e.label_ == "PERSON" and (_common_words(e, words) or _plural_noun_end(e, words)))
        return verdicts[key]

    kept = [e for e in doc.ents if not term(e)]
    if len(kept) != len(doc.ents):
        doc.ents = kept
    return doc


def _lowercase_words(doc: Doc) -> set[str]:
    """Every word the document writes in lower case (the vocabulary of its prose)."""
    if not len(doc):
        return set()
    # from the token arrays: one Python string per distinct word, not a Token per word
    arr = doc.to_array([ORTH, IS_ALPHA, IS_LOWER])
    strings = doc.vocab.strings
    return {strings[int(i)] for i in numpy.unique(arr[(arr[:, 1] != 0) & (arr[:, 2] != 0), 0])}


def _plural_noun_end(span: Span, words: set[str]) -> bool:
    """A "name" ending in a plural the document writes in lower case ("Eurocurrency Borrowings")."""
    last = span[-1].text
    return last.endswith("s") and last.lower() in words


def _common_words(span: Span, words: set[str]) -> bool:
    """A "name" whose every word the document also writes in lower case is a phrase, not a person.

    Section headings and defined terms in title case ("Financial Statements",
    "Legal Proceedings", "Joint Bookrunners", "Trading Symbol") are tagged as
    people by small models; people's names are proper nouns the prose never
    writes in lower case. Initials and suffixes (``J.``, ``Jr.``) mark a name.
    """
    toks = [t.text for t in span if t.is_alpha]
    if len(toks) < 2 or any(len(t) == 1 for t in toks) or any(not t.is_alpha and t.text.strip(".") for t in span if t.text not in (",", "-")):
        return False
    return all(t.lower() in words for t in toks)


#: Nouns of documents, events and terms that head "X of COMPANY" in exhibit lists and captions
#: ("Press Release of", "Certification of", "Articles of Incorporation of", "Prime Rate of").
DOCUMENT_NOUNS = {
    "release", "certification", "certificate", "formation", "criteria", "agreement", "report", "statement",
    "statements", "consent", "opinion", "letter", "notice", "articles", "bylaws", "by-laws", "amendment", "rate",
    "plan", "schedule", "exhibit", "section", "dissolution", "designation", "designations", "resolution",
    "resolutions", "charter", "indenture", "supplement", "prospectus", "announcement", "transcript", "presentation",
}


def _drop_descriptive_head(span: Span, flat: str) -> Span:
    """"Press Release of FedEx Corporation" -> "FedEx Corporation": a common phrase before "of" is no part of a firm.

    The head is dropped only when the document writes it in lower case and it holds
    no firm word, so "Bank of America Corporation" and "First National Bank of
    Pennsylvania" stay whole while "Certification of X", "Formation of X",
    "Prime Rate of X" or "Applicable Servicing Criteria of X" give X.
    """
    for tok in span:
        if tok.lower_ != "of" or tok.i == span.start or tok.i + 1 >= span.end:
            continue
        head = span.doc[span.start : tok.i]
        words = head.text.split()
        if any(w.strip(".,").lower() in FIRM_WORDS for w in words):
            return span
        low = " ".join(words).lower()
        if not re.fullmatch(r"[a-z][a-z' -]*", low):
            return span
        if words[-1].lower() in DOCUMENT_NOUNS or re.search(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])", flat):
            return Span(span.doc, tok.i + 1, span.end, label=span.label_)
        return span
    return span
