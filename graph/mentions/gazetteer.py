"""Closed lists the rules rely on: agencies, legal suffixes, words that are never names.

Kept in one place so a reviewer can see (and extend) every list the
extraction depends on; nothing here names a particular filer.
"""

from __future__ import annotations

import re

#: Government agencies: canonical name -> aliases (abbreviations, older names).
AGENCIES: dict[str, tuple[str, ...]] = {
    "Securities Investor Protection Corporation": ("SIPC",),
    "Financial Industry Regulatory Authority": ("FINRA",),
    "Securities and Exchange Commission": ("SEC", "U.S. Securities and Exchange Commission", "United States Securities and Exchange Commission"),
    "Federal Communications Commission": ("FCC",),
    "Federal Trade Commission": ("FTC",),
    "European Commission": (),
    "Congress": ("U.S. Congress", "United States Congress"),
    "Food and Drug Administration": ("FDA", "U.S. Food and Drug Administration"),
    "Internal Revenue Service": ("IRS",),
    "Public Company Accounting Oversight Board": ("PCAOB", "Public Companies Accounting Oversight Board"),
    "Federal Reserve Board": ("Federal Reserve", "Board of Governors of the Federal Reserve System"),
    "Federal Deposit Insurance Corporation": ("FDIC",),
    "Commodity Futures Trading Commission": ("CFTC",),
    "Department of Justice": ("DOJ", "U.S. Department of Justice"),
    "Environmental Protection Agency": ("EPA",),
    "Federal Energy Regulatory Commission": ("FERC",),
    "Nuclear Regulatory Commission": ("NRC",),
    "Office of the Comptroller of the Currency": ("OCC",),
    "Small Business Administration": ("SBA",),
    "Department of Defense": ("DoD",),
    "Department of Energy": ("DOE",),
    "Federal Aviation Administration": ("FAA",),
}

#: Abbreviations so common as words that they only count in parentheses or next to the full name.
WEAK_AGENCY_ABBREVIATIONS = {"IRS", "DOE", "NRC", "OCC", "SBA", "EPA", "DOJ", "FAA"}

LEGAL_SUFFIX = (
    r"(?:Inc|Incorporated|Corp|Corporation|Company|Co|LLC|L\.L\.C|LLP|L\.L\.P|LP|L\.P|Ltd|Limited|"
    r"plc|PLC|N\.A|N\.V|AG|GmbH|S\.A(?:\.\s*de\s*C\.V)?|SA|Pte\.?\s*Ltd|Pty\.?\s*Ltd|Pty\s+Limited|K\.K|"
    r"PC|P\.C|P\.A|CPA|CPAs|(?:[Aa]\s+)?Professional\s+(?:Law\s+)?(?:Corporation|Association)|National\s+Association|"
    r"Trust|Fund|Partners|Partnership|Associates|Holdings|Bancorp|Group)"
)

#: A legal suffix at the end of a name ("..., Inc." / "... LLC"): used to tell firms from people.
COMPANY_WITH_SUFFIX = re.compile(r"(?:^|[\s,])" + LEGAL_SUFFIX + r"\.?\s*$")
_SUFFIX_AT = re.compile(r"(?:,?\s+" + LEGAL_SUFFIX + r"(?:\.(?=[\s,;:)\"'’”]|$))?(?![\w&]))+")
_TOKEN = re.compile(r"\S+")
_CONNECTORS = {"of", "&", "de", "la", "du", "the", "for", "y", "del", "und"}
_ABBREV_DOT = re.compile(r"^(?:[A-Z]\.|[A-Z]\.[A-Z]\.(?:[A-Z]\.)?|Bros\.|St\.|Mt\.|Intl\.|U\.S\.)$")
#: Capitalised words that end a walk back: documents, laws and captions are not part of a firm's name.
_NAME_BREAKERS = {
    "report", "form", "agreement", "act", "section", "item", "exhibit", "statement", "registration", "annual",
    "quarterly", "current", "board", "directors", "trustees", "rule", "regulation", "schedule", "plan", "letter",
    "certificate", "notice", "prospectus", "amendment", "pursuant", "under", "between", "among", "dear", "re",
    "consent", "opinion", "agent", "counsel", "auditors", "accountants", "affiliate", "division", "office",
}
#: Names made only of these words are descriptions ("Growth Fund", "Investment Company"), not firms.
GENERIC_NAME_WORDS = {
    "investment", "investments", "holding", "holdings", "management", "trust", "fund", "funds", "company", "growth",
    "partnership", "partners", "registered", "limited", "liability", "corporation", "group", "associates", "capital",
    "the", "of", "income", "equity", "money", "market", "series", "portfolio", "inc", "co", "llc", "lp", "ltd", "new",
    "parent", "operating", "subsidiary", "acquisition", "merger", "delaware", "nevada", "business", "independent",
    "accounting", "firm", "public", "corp", "cpa", "pc", "working", "access", "liquidity", "venture", "private",
}
_TITLE_WORDS = {
    "chief", "executive", "financial", "operating", "accounting", "technology", "officer", "president", "vice",
    "senior", "chairman", "director", "secretary", "treasurer", "general", "counsel", "controller", "principal",
    "member", "board", "ceo", "cfo", "coo", "founder", "partner", "managing", "head", "manager",
}
ABBREV_SUFFIX_END = re.compile(r"(?:Inc|Corp|Co|Ltd|L\.P|N\.A|N\.V|B\.V|S\.A|C\.V|A\.G|L\.L\.C|L\.L\.P|P\.C|P\.A|K\.K|Pte|Pty|S\.p\.A)\.$")
_LEADING_NOISE = {"about", "the", "a", "an", "by", "with", "from", "and", "of", "for", "to", "on", "in", "at", "re:", "between"}


def find_company_names(text: str) -> list[tuple[int, int]]:
    """Spans of capitalised names ending in a legal suffix, never crossing a sentence end.

    Walks back from each suffix over capitalised tokens and connectors, so
    "About Innovo Group Inc." gives "Innovo Group Inc." and
    "Chief Financial Officer of Innovo Group" is not taken whole.
    """
    spans: list[tuple[int, int]] = []
    for m in _SUFFIX_AT.finditer(text):
        end = m.end()
        if re.search(r"\b(?:the|this|such|each|any|our|its)\s*$", text[max(0, m.start() - 6) : m.start()], re.I):
            continue  # "the Company", "the Trust": a reference, not a name
        if text[end - 1] == "." and not ABBREV_SUFFIX_END.search(text[:end]):
            end -= 1
        if _LAW_AFTER.match(text, end):
            continue  # "Delaware General Corporation Law", "Investment Company Act": a law, not a firm
        professional = _PROFESSIONAL_FORM.search(m.group(0)) is not None
        toks = [t for t in _TOKEN.finditer(text, max(0, m.start() - 160), m.start())]
        chosen: list[re.Match[str]] = []
        right = m.start()
        for t in reversed(toks):
            word = t.group(0)
            if "\n" in text[t.end() : right]:
                break
            right = t.start()
            dash = max(word.rfind("--"), word.rfind("—"))
            if dash >= 0:  # "First!--Cisco Systems Inc.": only what follows the dash
                tail = word[dash + (2 if word[dash] == "-" else 1):]
                if tail[:1].isupper():
                    tail_match = _TOKEN.match(text, t.start() + len(word) - len(tail))
                    if tail_match:
                        chosen.append(tail_match)
                break
            if word.endswith((":", ";")):
                break
            bare = word.strip("\"“”'(),")
            if not bare:
                break
            if word.startswith("(") and word.endswith(")") and len(word) > 2 and bare[:1].isupper():
                chosen.append(t)  # "Apple Computer Trading (Shanghai) Co., Ltd."
                continue
            if bare.lower() in _NAME_BREAKERS:
                break
            if word.endswith((".", ";", ":", ")")) and chosen and (not _ABBREV_DOT.match(word) or ABBREV_SUFFIX_END.search(word)):
                break  # a sentence end, or the legal suffix of a name before ("BankBoston, N.A. Arthur Andersen LLP")
            if word.endswith(",") and chosen:
                break
            if word.startswith(("(", "\"", "“")):
                if bare[:1].isupper() or bare[:1].isdigit():
                    chosen.append(t)
                break
            if re.fullmatch(r"\d+\.\d+\.?|\d+-[A-Z]{1,3}(?:/A)?|[A-Z]-\d+(?:/A)?", bare):
                break  # an exhibit or form number ("20.1 Aames ...", "10-Q of Corvella ...")
            # "State Street Bank and Trust Company": a bank's name coordinates its trust business
            bank_and_trust = bare == "and" and (
                re.match(r"\s+(?:Trust|Savings|Loan)\b", text[t.end() :]) is not None
                and re.search(r"\b(?:Bank|Savings)\s+$", text[max(0, t.start() - 12) : t.start()]) is not None
            )
            # "Wilmer Cutler Pickering Hale and Dorr LLP": partners joined by "and" in a law or accounting firm's name
            left = re.search(r"([A-Z][\w'’-]*)\s+$", text[max(0, t.start() - 40) : t.start()])
            partners_and = (
                bare == "and" and professional and bool(chosen) and chosen[-1].group(0)[:1].isupper()
                and left is not None and left.group(1).lower() not in _NOT_PARTNER
                and not any(c.group(0) == "and" for c in chosen)
            )
            if bare[:1].isupper() or bare[:1].isdigit() or bare.lower() in _CONNECTORS or bank_and_trust or partners_and:
                chosen.append(t)
                if len(chosen) >= 8:
                    break
                continue
            break
        chosen.reverse()
        while chosen and not _name_article(text, chosen[0]) and (
            chosen[0].group(0).strip("\"“(").lower() in _LEADING_NOISE | _CONNECTORS
            or (len(chosen) > 1 and re.fullmatch(r"[\d,.]+", chosen[0].group(0)) and chosen[1].group(0).lower() in _CONNECTORS)
        ):
            chosen.pop(0)  # "fiscal 1995 of Wal-Mart Stores, Inc.": a bare number before "of" is no part of a name
        # "Chief Financial Officer of Innovo Group": the name starts after "of"
        for i, t in enumerate(chosen):
            if t.group(0).lower() == "of" and i and _TITLE_WORDS.issuperset(w.group(0).lower().strip(",") for w in chosen[:i]):
                chosen = chosen[i + 1 :]
                break
        if not chosen:
            continue
        start = chosen[0].start() + (len(chosen[0].group(0)) - len(chosen[0].group(0).lstrip("\"“(")))
        start = _comma_list_start(text, start, end, professional)
        if is_generic_company_name(text[start:end]):
            continue
        spans.append((start, end))
    # "Innovo Group Inc." also ends in "Group": keep only maximal spans
    return [sp for sp in spans if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in spans)]


def _name_article(text: str, tok: re.Match[str]) -> bool:
    """A capitalised "The" inside a sentence belongs to the name ("and The Depository Trust Company")."""
    if tok.group(0) != "The":
        return False
    return re.search(r"[a-z,][ \t]+$", text[max(0, tok.start() - 20) : tok.start()]) is not None


_LAW_AFTER = re.compile(r"[ \t]+(?:Law|Act|Code|Statute|Agreement|Plan)\b")
#: "Fenner & Smith Incorporated": a partnership-style name whose first word may follow a comma list of surnames.
_LIST_TAIL = re.compile(r"[A-Z][\w'’.-]*(?:,\s+|\s+&\s+|\s+and\s+)")
#: Legal forms of law and accounting firms, whose names are lists of partners.
_PROFESSIONAL_FORM = re.compile(r"\b(?:LLP|L\.L\.P|P\.C|PC|P\.A|Professional)\b")
_LIST_PIECE = re.compile(r"(?:(?<=[\s(\"“:])|^)(?P<piece>(?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]*),[ \t]+$")
#: Capitalised words that start sentences or name places, never the first partner of a firm name.
_NOT_PARTNER = {
    "accordingly", "additionally", "also", "however", "thus", "therefore", "furthermore", "moreover", "finally",
    "in", "on", "at", "by", "for", "as", "if", "when", "then", "yes", "no", "and", "or", "the", "a", "an", "inc",
    "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp", "lp", "plc", "trust",
    "dear", "gentlemen", "sirs", "attention", "copy", "cc",
}


def _comma_list_start(text: str, start: int, end: int, professional: bool = False) -> int:
    """Extend a firm name back over its comma list of partners' surnames.

    "Weil, Gotshal & Manges LLP", "Merrill Lynch, Pierce, Fenner & Smith
    Incorporated", "Skadden, Arps, Slate, Meagher & Flom LLP": the walk back
    from the suffix stops at the first comma; a name whose first word is
    followed by a comma or an ampersand, and that holds an ampersand, takes
    the capitalised one-word pieces before it (the first partner may have
    two words). Law and accounting firms may join their last partners with
    "and" ("Mintz, Levin, Cohn, Ferris, Glovsky and Popeo, P.C."). A piece
    that is a legal form ends another firm and is not taken.
    """
    name = text[start:end]
    if "&" not in name and not (professional and re.search(r"[A-Z][\w'’-]*\s+and\s+[A-Z]", name)):
        return start
    two_words = False
    while not two_words and _LIST_TAIL.match(text, start):
        m = _LIST_PIECE.search(text, max(0, start - 60), start)
        if not m:
            break
        words = m.group("piece").split()
        if any(w.lower().strip(".") in _NOT_PARTNER | _NAME_BREAKERS or w.lower().endswith("ly") for w in words):
            break
        before = text[max(0, m.start() - 40) : m.start()].rstrip(" \t")
        if len(words) == 2 and re.search(r"[A-Z][\w'’-]*$", before):
            break  # "X Merrill Lynch, Pierce": the piece is not bounded on its left
        if len(words) == 1 and re.search(r"[A-Z][\w'’-]*$", before):
            break
        start = m.start("piece")
        two_words = len(words) == 2
    return start


#: Last words that make a capitalised phrase a firm's name even without a legal suffix ("Tungsten Advisors").
FIRM_WORDS = {
    "advisors", "advisers", "securities", "capital", "partners", "markets", "bank", "bancorp", "ventures",
    "investments", "equities", "brokerage", "management", "associates", "services",
}

#: Words that begin or make up ORG-looking spans that are not companies.
NOT_COMPANY_WORDS = {
    "common", "preferred", "stock", "shares", "warrant", "warrants", "note", "notes", "act", "rule",
    "regulation", "item", "exhibit", "form", "section", "board", "directors", "company", "registrant",
    "agreement", "plan", "schedule", "annual", "report", "current", "quarterly", "securities", "exchange",
    "commission", "the", "our", "its", "this", "such", "state", "federal", "business", "news", "trust",
    "fund", "class", "series", "units", "options", "debentures", "certificate", "articles", "bylaws",
    "financial", "statements", "sarbanes", "oxley", "employer", "identification", "jurisdiction",
    "incorporation", "principal", "executive", "offices", "telephone", "number", "zip", "code",
    "accredited", "investor", "investors", "purchaser", "purchasers", "independent", "auditor",
    "auditors", "accountants", "consultant", "subscription", "merger", "sub", "closing", "date",
    "trustees", "of", "and", "to", "for", "in", "on", "by", "with", "a", "an",
}

#: ORG spans that the statistical model often produces but that are never parties.
ORG_STOPLIST = {
    "board of directors", "the board", "board", "company", "the company", "registrant", "the registrant",
    "common stock", "preferred stock", "securities act", "exchange act", "securities exchange act",
    "nasdaq", "nyse", "amex", "otc", "otcbb", "otc bulletin board", "nasdaq national market",
    "nasdaq stock market", "new york stock exchange", "american stock exchange", "regulation d",
    "regulation s", "regulation s-k", "regulation s-b", "form 8-k", "form 10-k", "form 10-q", "sarbanes-oxley act",
    "news", "ceo", "cfo", "coo", "president", "chairman", "treasury", "treasury stock",
}

#: Exchange names as written -> FORMAT vocabulary.
EXCHANGE_NAMES: dict[str, str] = {
    "nasdaq": "NASDAQ",
    "nasdaq nm": "NASDAQ",
    "nasdaq national market": "NASDAQ",
    "nasdaq stock market": "NASDAQ",
    "nasdaq global market": "NASDAQ",
    "nasdaq global select market": "NASDAQ",
    "nasdaq capital market": "NASDAQ",
    "nasdaq smallcap market": "NASDAQ",
    "nasdaq smallcap": "NASDAQ",
    "nyse": "NYSE",
    "new york stock exchange": "NYSE",
    "amex": "NYSE American",
    "american stock exchange": "NYSE American",
    "nyse american": "NYSE American",
    "nyse mkt": "NYSE American",
    "nyse amex": "NYSE American",
    "otcbb": "OTC Bulletin Board",
    "otc bb": "OTC Bulletin Board",
    "otc bulletin board": "OTC Bulletin Board",
    "otc": "OTC Markets",
    "otcqb": "OTC Markets",
    "otcqx": "OTC Markets",
    "otc markets": "OTC Markets",
    "pink sheets": "OTC Markets",
    "otc pink": "OTC Markets",
}


def is_generic_company_name(name: str) -> bool:
    """"Growth Fund", "Nevada Corporation", "Registered Limited Liability Partnership": descriptions, not names."""
    from graph.normalize.places import normalize_jurisdiction

    words = re.findall(r"[a-z0-9]+", name.lower().replace("’", "'"))
    if not words:
        return True
    rest = [w for w in words if w not in GENERIC_NAME_WORDS]
    if not rest:
        return True
    if normalize_jurisdiction(" ".join(rest)) is not None and len(rest) <= 2:
        return True
    # "New York Business Corporation": a jurisdiction plus descriptive words
    plain = [w for w in words if w not in _DESCRIPTIVE]
    return bool(plain) and normalize_jurisdiction(" ".join(plain)) is not None


_DESCRIPTIVE = {
    "business", "corporation", "company", "limited", "liability", "partnership", "trust", "statutory", "general",
    "nonprofit", "professional", "a", "an", "the", "inc", "corp", "co", "llc", "lp",
}


#: Stock exchanges and markets named in prose are companies (FORMAT: Nasdaq is a Company). A
#: capitalised "The" is part of the name ("The Nasdaq Capital Market"); a bare abbreviation counts
#: only outside a ticker parenthesis ("(NASDAQ: INNO)" names no entity).
EXCHANGE_ENTITY = re.compile(
    r"(?:The\s+)?(?:"
    r"(?:New\s+York|American|Pacific|Chicago|Boston|Philadelphia|Midwest|Cincinnati|Toronto|London)\s+Stock\s+Exchange"
    r"|Nasdaq\s+(?:Stock\s+Market|National\s+Market|SmallCap\s+Market|Capital\s+Market|Global\s+(?:Select\s+)?Market)(?:\s+LLC)?"
    r"|NASDAQ\s+(?:Stock\s+Market|National\s+Market|SmallCap\s+Market|Capital\s+Market|Global\s+(?:Select\s+)?Market)"
    r"|NYSE\s+(?:American|Arca|MKT|Amex)(?:\s+LLC)?"
    r"|OTC\s+Bulletin\s+Board"
    r")(?![\w-])"
)
EXCHANGE_ABBREVIATION = re.compile(r"(?<![\w(/-])(?:NASDAQ|Nasdaq|NYSE|AMEX)(?![\w:/-])(?!\s*[:)])")

#: Named courts are government bodies: "Court of Chancery of the State of Delaware", "U.S. Bankruptcy
#: Court, District of Minnesota", "federal district court for the District of Delaware".
COURT = re.compile(
    r"(?:(?:The\s+)?(?:United\s+States|U\.\s?S\.)\s+)?(?:[Ff]ederal\s+)?"
    r"(?:(?:[Dd]istrict|[Bb]ankruptcy|[Cc]ircuit|[Ss]upreme|[Ss]uperior|[Cc]hancery|[Tt]ax)\s+)?[Cc]ourt"
    r"(?:\s+of\s+(?:Chancery|Appeals))?"
    r"(?:\s+of\s+the\s+State\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
    r"|,?\s+(?:for\s+the\s+)?(?:(?:Northern|Southern|Eastern|Western|Central|Middle)\s+)?District\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
    r"|\s+for\s+the\s+[A-Z][a-z]+\s+Circuit)"
)
