"""Names of people and companies: matching keys, EDGAR name forms, display casing.

* :func:`name_key` is FORMAT.md's matching normalisation (case folded,
  punctuation dropped, white space collapsed); the evaluator and entity
  resolution must agree on it, so it lives here.
* EDGAR prints people surname first and upper case ("FOSTER ALAN H",
  "Melkote Rajesh Ramaswamy"); :func:`natural_person_name` turns those into
  "Alan H. Foster".
* :func:`company_core` drops legal-form suffixes and EDGAR state tags, for
  comparing "INNOVO GROUP INC" with "Innovo Group Inc." or "Innovo Group".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "name_key",
    "natural_person_name",
    "surname_first_to_natural",
    "titlecase_name",
    "company_core",
    "titlecase_company",
    "LEGAL_SUFFIXES",
]

_TYPOGRAPHIC = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
})


@lru_cache(maxsize=1 << 16)  # pure and called per pair of names by the resolvers: cached, bounded
def name_key(name: str) -> str:
    """Matching key of a name: NFKC, case folded, punctuation and symbols dropped, spaces collapsed.

    Punctuation is dropped, not replaced by a space ("H&L" is "hl", "T-E" is
    "te"), as FORMAT.md says; invisible format characters are dropped too.
    """
    s = name or ""
    for _ in range(5):  # dropping a character can let NFKC compose its neighbours: repeat to a fixed point
        key = _key_pass(s)
        if key == s:
            break
        s = key
    return s


def _key_pass(text: str) -> str:
    s = unicodedata.normalize("NFKC", text.translate(_TYPOGRAPHIC)).casefold()
    out: list[str] = []
    for ch in s:
        cat = unicodedata.category(ch)
        if cat[0] in ("P", "S") or cat in ("Cf", "Cn", "Co", "Cs"):
            continue
        out.append(" " if ch.isspace() or cat == "Cc" else ch)
    return unicodedata.normalize("NFKC", " ".join("".join(out).split()))


# --------------------------------------------------------------------------- people

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v", "esq", "md", "phd", "cpa"}
_ROMAN = {"ii", "iii", "iv", "vi", "vii", "viii"}


def _is_suffix(token: str) -> bool:
    return token.strip(".,").lower() in _SUFFIXES


def surname_first_to_natural(text: str) -> str:
    """EDGAR's surname-first order to natural order: "Melkote Rajesh Ramaswamy" -> "Rajesh Ramaswamy Melkote".

    A comma form ("Foster, Alan H.") swaps around the comma; otherwise the
    first token moves to the end, before a generational suffix ("FURROW SAMUEL J JR").
    """
    s = " ".join((text or "").split())
    if not s:
        return s
    if "," in s:
        head, _, tail = s.partition(",")
        tail_tokens = tail.split()
        if tail_tokens and not all(_is_suffix(t) for t in tail_tokens):
            suffix = [t for t in tail_tokens if _is_suffix(t)]
            given = [t for t in tail_tokens if not _is_suffix(t)]
            return " ".join([*given, head.strip(), *suffix])
        s = head.strip() + (" " + " ".join(tail_tokens) if tail_tokens else "")
    tokens = s.split()
    suffix: list[str] = []
    while len(tokens) > 2 and _is_suffix(tokens[-1]):
        suffix.insert(0, tokens.pop())
    if len(tokens) < 2:
        return " ".join(tokens + suffix)
    return " ".join([*tokens[1:], tokens[0], *suffix])


def _cap_word(word: str) -> str:
    """Capitalise one all-caps word: McDonald, O'Donnell, Smith-Jones, III."""
    if not word:
        return word
    low = word.lower()
    bare = low.strip(".,")
    if bare in _ROMAN:
        return word.upper()
    if "-" in word:
        return "-".join(_cap_word(p) for p in word.split("-"))
    m = re.match(r"^([do])'(\w.*)$", low)
    if m:
        return m.group(1).upper() + "'" + _cap_word(m.group(2))
    if low.startswith("mc") and len(low) > 3 and low[2].isalpha():
        return "Mc" + low[2].upper() + low[3:]
    return low[:1].upper() + low[1:]


def titlecase_name(text: str) -> str:
    """Title-case a person's name printed in capitals ("SAMUEL J. FURROW, JR." -> "Samuel J. Furrow, Jr.").

    Names already in mixed case are returned unchanged (their casing is the author's).
    """
    s = " ".join((text or "").split())
    letters = [c for c in s if c.isalpha()]
    if not letters or not (all(c.isupper() for c in letters) or all(c.islower() for c in letters)):
        return s
    return " ".join(_cap_word(w) for w in s.split(" "))


def natural_person_name(text: str) -> str:
    """A person's name from an EDGAR field, in natural order and casing ("FOSTER ALAN H" -> "Alan H. Foster").

    Surname-first is assumed for a comma form ("Foster, Alan H.") and for an
    all-capitals name without periods (EDGAR conformed names); other names
    keep their order. Single-letter initials get a period.
    """
    s = " ".join((text or "").split())
    if not s:
        return s
    letters = [c for c in s if c.isalpha()]
    upper = bool(letters) and all(c.isupper() for c in letters)
    comma_form = "," in s and not all(_is_suffix(t) for t in s.split(",", 1)[1].split())
    if comma_form or (upper and "." not in s and len(s.split()) >= 2):
        s = surname_first_to_natural(s)
    s = titlecase_name(s)
    tokens = [t + "." if len(t) == 1 and t.isalpha() else t for t in s.split()]
    return " ".join(tokens)


# --------------------------------------------------------------------------- companies

#: legal-form words dropped by company_core, as name_key tokens (longest first)
LEGAL_SUFFIXES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(x.split())
            for x in [
                "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited",
                "llc", "lc", "llp", "lp", "plc", "nv", "bv", "sa", "sa de cv", "de cv", "sab de cv",
                "ag", "gmbh", "kk", "pte", "pty", "pte ltd", "pty ltd", "spa", "srl", "sarl", "ab",
                "oyj", "asa", "se", "pc", "pa", "limited liability company", "limited partnership",
                "co ltd", "holdings inc", "the", "na", "national association", "professional corporation",
                "a professional corporation", "professional association", "a professional association",
                "professional law corporation", "a professional law corporation",
            ]
        ),
        key=len,
        reverse=True,
    )
)
_EDGAR_TAG_RE = re.compile(r"\s*/\s*[A-Za-z]{0,4}\s*/?\s*$")


@lru_cache(maxsize=1 << 16)
def company_core(name: str) -> str:
    """name_key of a company name without legal suffixes and EDGAR tags ("INNOVO GROUP INC /DE/" -> "innovo group")."""
    s = name or ""
    while True:
        stripped = _EDGAR_TAG_RE.sub("", s)
        if stripped == s:
            break
        s = stripped
    tokens = name_key(s).split()
    if tokens and tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for suffix in LEGAL_SUFFIXES:
            n = len(suffix)
            if len(tokens) > n and tuple(tokens[-n:]) == suffix:
                tokens = tokens[:-n]
                changed = True
                break
    return " ".join(tokens)


_KEEP_UPPER = {
    "llc", "lp", "llp", "plc", "nv", "bv", "sa", "ag", "kk", "lc", "pc", "usa", "us", "uk", "ii",
    "iii", "iv", "reit", "etf", "se", "ab", "asa",
}
_COMMON_SHORT = {
    "inc", "co", "the", "and", "of", "for", "new", "one", "two", "ten", "bay", "oil", "gas", "air",
    "sea", "sun", "net", "web", "bio", "art", "big", "top", "red", "car", "pay", "inn", "key", "fund",
    "de", "la", "le", "du", "van", "von", "del", "at", "on", "in", "by", "to", "my", "our", "its",
    "all", "far", "east", "west", "go", "way", "box", "ice", "hub", "lab", "aid", "max", "pro", "go",
}
_LOWER_INSIDE = {"and", "of", "the", "for", "de", "du", "la", "at", "on", "in", "by", "to"}


def _company_word(word: str, first: bool) -> str:
    core = re.sub(r"[^A-Za-z]", "", word)
    low = core.lower()
    if not core:
        return word
    if "." in word.strip(".") or (len(core) <= 2 and "." in word):  # L.P., N.V., S.A.
        return word
    if low in _KEEP_UPPER:
        return word
    if re.search(r"\d", word):  # 5G, 3M, 38TH
        return re.sub(r"(\d)([A-Za-z]+)", lambda m: m.group(1) + (m.group(2).lower() if m.group(2).lower() in ("st", "nd", "rd", "th") else m.group(2)), word)
    if len(core) <= 3 and low not in _COMMON_SHORT:
        return word  # IBM, MJM, BHI: acronyms
    if low in _LOWER_INSIDE and not first:
        return word.lower()
    if "-" in word:
        return "-".join(_company_word(p, first and i == 0) for i, p in enumerate(word.split("-")))
    cased = _cap_word(word)
    return re.sub(r"'S\b", "'s", cased)


def titlecase_company(text: str) -> str:
    """Title-case a company name printed in capitals ("INNOVO GROUP INC" -> "Innovo Group Inc").

    Short all-capital acronyms ("IBM") and legal forms ("LLC", "L.P.") are
    kept; names already in mixed case are returned unchanged.
    """
    s = " ".join((text or "").split())
    letters = [c for c in s if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return s
    words = s.split(" ")
    return " ".join(_company_word(w, i == 0) for i, w in enumerate(words))


#: legal-form words grouped by the legal form they denote
_FORM_CLASS: dict[tuple[str, ...], str] = {
    ("inc",): "inc", ("incorporated",): "inc", ("corp",): "corp", ("corporation",): "corp",
    ("co",): "co", ("company",): "co", ("ltd",): "ltd", ("limited",): "ltd", ("co", "ltd"): "ltd",
    ("llc",): "llc", ("lc",): "llc", ("limited", "liability", "company"): "llc", ("lp",): "lp",
    ("limited", "partnership"): "lp", ("llp",): "llp", ("plc",): "plc", ("pty",): "pty", ("pty", "ltd"): "pty",
    ("pte",): "pte", ("pte", "ltd"): "pte", ("kk",): "kk", ("sa", "de", "cv"): "sa", ("sa",): "sa",
    ("ag",): "ag", ("gmbh",): "gmbh", ("pc",): "pc", ("nv",): "nv", ("bv",): "bv",
    ("na",): "na", ("national", "association"): "na", ("professional", "corporation"): "pc",
    ("professional", "association"): "pa", ("pa",): "pa",
}


def company_form(name: str) -> str | None:
    """The legal form a company name ends in ("inc", "llc", ...), or None when it names none."""
    s = _EDGAR_TAG_RE.sub("", name or "")
    tokens = name_key(s).split()
    for n in (3, 2, 1):
        if len(tokens) > n and tuple(tokens[-n:]) in _FORM_CLASS:
            return _FORM_CLASS[tuple(tokens[-n:])]
    return None


def same_company_name(a: str, b: str) -> bool:
    """Names of one company: equal cores and no conflicting legal forms.

    "Innovo Group" = "INNOVO GROUP INC." = "Innovo Group, Inc.", but
    "Apple Asia Limited" != "Apple Asia LLC" and "Apple Pty Limited" != "Apple Inc.".
    """
    if company_core(a) != company_core(b):
        return False
    fa, fb = company_form(a), company_form(b)
    if fa is None or fb is None or fa == fb:
        return _pty_compatible(a, b)
    return False


def _pty_compatible(a: str, b: str) -> bool:
    """"Pty"/"Pte" are part of the form even when "Limited" follows: do not fold them away."""
    ka, kb = name_key(a).split(), name_key(b).split()
    return ("pty" in ka) == ("pty" in kb) and ("pte" in ka) == ("pte" in kb)
