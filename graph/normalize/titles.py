"""Officer titles as printed ("Sr. VP, GC, CAO & Secretary") to the FORMAT title vocabulary.

``officer_of`` facts carry one vocabulary title each (``graph.model.TITLES``);
a printed title line often holds several ("President and Chief Executive
Officer" is two facts) and "Director" is not a title but ``director_of``.

Rules (FORMAT.md, "Vocabularies"):

* longest phrase wins: "Executive Vice President" is not also "Vice
  President" or "President"; "Vice Chairman" is not "Chairman";
  "Assistant Secretary" is not "Secretary"; "Chief Executive Officer" is not
  "Executive Officer";
* "Chairman of the Board (of Directors)" is Chairman and does *not* make the
  person a director (the words belong to the chairman phrase);
* "Executive Officer" is kept only when no other title is found;
* titles outside the vocabulary ("General Manager", "General Partner",
  "Assistant Treasurer", "Managing Director") give nothing; "Managing
  Director", "Executive Director" and "Director of Marketing" are not board
  directorships;
* abbreviations (CEO, Sr., VP, GC, Pres., ...) are expanded and small
  misspellings ("EXEUCTIVE", "Principle") are corrected by a fuzzy match
  against the few words titles are made of.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from graph.model import TITLES

__all__ = ["TitleParse", "parse_titles", "is_title_text"]


@dataclass
class TitleParse:
    """Vocabulary titles found in a title text, in order, and whether it names a directorship."""

    titles: list[str] = field(default_factory=list)
    director: bool = False


_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "ceo": ("chief", "executive", "officer"),
    "cfo": ("chief", "financial", "officer"),
    "coo": ("chief", "operating", "officer"),
    "cao": ("chief", "accounting", "officer"),
    "cto": ("chief", "technology", "officer"),
    "peo": ("principal", "executive", "officer"),
    "pfo": ("principal", "financial", "officer"),
    "pao": ("principal", "accounting", "officer"),
    "vp": ("vice", "president"),
    "evp": ("executive", "vice", "president"),
    "svp": ("senior", "vice", "president"),
    "avp": ("assistant", "vice", "president"),
    "gc": ("general", "counsel"),
    "pres": ("president",),
    "sr": ("senior",),
    "snr": ("senior",),
    "exec": ("executive",),
    "asst": ("assistant",),
    "ass't": ("assistant",),
    "secy": ("secretary",),
    "sec'y": ("secretary",),
    "treas": ("treasurer",),
    "chmn": ("chairman",),
    "chrmn": ("chairman",),
    "chair": ("chairman",),
    "chairwoman": ("chairman",),
    "chairperson": ("chairman",),
    "comptroller": ("controller",),
    "gen": ("general",),
    "dir": ("director",),
    "mgr": ("manager",),
    "ofc": ("officer",),
    "fin": ("financial",),
    "acctg": ("accounting",),
    "ops": ("operations",),
    "bd": ("board",),
}

#: the words titles are made of; misspellings are corrected towards these
_LEXICON: frozenset[str] = frozenset(
    """chief executive financial operating operations accounting technology technical principal
    officer president chairman vice senior secretary assistant treasurer general counsel
    controller managing member director directors board corporate manager partner trustee
    deputy associate interim acting""".split()
)
#: extra words that still read as a title line (for is_title_text)
_TITLE_LINE_WORDS: frozenset[str] = _LEXICON | frozenset(
    """and of the to a an for co founder cofounder attorney in fact authorized signatory owner
    non independent lead elect group first head global officers fund company registrant""".split()
)
_HEAD_WORDS: frozenset[str] = frozenset(
    """officer president chairman secretary treasurer counsel controller member director directors
    manager partner trustee attorney signatory founder cofounder""".split()
)
_CHIEF_FUNCTIONS: dict[str, str] = {
    "executive": "Executive", "financial": "Financial", "operating": "Operating",
    "operations": "Operating", "accounting": "Accounting", "technology": "Technology",
    "technical": "Technology",
}
#: phrase (token tuple) -> title, or None for a known non-vocabulary title that must be consumed
_PHRASES: dict[tuple[str, ...], str | None] = {}
for _t in TITLES:
    _PHRASES[tuple(_t.lower().split())] = _t
_PHRASES.update({
    ("senior", "executive", "vice", "president"): "Executive Vice President",
    ("first", "vice", "president"): "Vice President",
    ("group", "vice", "president"): "Vice President",
    ("corporate", "vice", "president"): "Vice President",
    ("assistant", "vice", "president"): None,
    ("chief", "operations", "officer"): "Chief Operating Officer",
    ("chief", "technical", "officer"): "Chief Technology Officer",
    ("principal", "operating", "officer"): None,
    ("corporate", "secretary"): "Secretary",
    ("assistant", "corporate", "secretary"): "Assistant Secretary",
    ("assistant", "treasurer"): None,
    ("assistant", "controller"): None,
    ("assistant", "general", "counsel"): None,
    ("associate", "general", "counsel"): None,
    ("deputy", "general", "counsel"): None,
    ("deputy", "chairman"): "Vice Chairman",
    ("general", "partner"): None,
    ("general", "manager"): None,
    ("managing", "director"): None,
    ("managing", "partner"): None,
})
_MAX_PHRASE = max(len(p) for p in _PHRASES)
_NOT_BOARD_AFTER_OF: frozenset[str] = frozenset(
    """marketing sales finance financial operations research engineering development investor
    investors human business product products corporate communications technology information
    accounting tax administration public global strategic strategy manufacturing quality regulatory
    clinical legal internal risk compliance purchasing planning design software network networks
    international north south east west europe asia national regional field program programs
    medical scientific science services customer support training media creative art""".split()
)
_NOT_BOARD_BEFORE: frozenset[str] = frozenset(
    {"managing", "executive", "assistant", "associate", "deputy", "art", "creative", "program", "regional"}
)


def _prepare(text: str) -> str:
    s = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\b((?:[a-z]\.){2,})", lambda m: m.group(1).replace(".", ""), s)  # c.e.o. -> ceo
    s = s.replace("&", " and ").replace("/", " , ").replace("+", " and ")
    return s


def _raw_tokens(text: str) -> list[str]:
    return re.findall(r"[a-z]+(?:'[a-z]+)?|[,;()]", _prepare(text))


@lru_cache(maxsize=4096)
def _correct(word: str) -> str:
    """Nearest lexicon word for a (long enough) unknown word, else the word itself."""
    if word in _LEXICON or len(word) < 5 or word in _TITLE_LINE_WORDS:
        return word
    match = difflib.get_close_matches(word, _LEXICON, n=1, cutoff=0.8)
    return match[0] if match else word


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for tok in _raw_tokens(text):
        out.extend(_ABBREVIATIONS.get(tok, (_correct(tok),)))
    return out


def _compound_chief(tokens: list[str], i: int) -> tuple[list[str], int] | None:
    """'Chief Financial and Accounting Officer' / 'Principal Executive, Financial and Accounting Officer'."""
    head = tokens[i]
    if head not in ("chief", "principal"):
        return None
    functions: list[str] = []
    j = i + 1
    while j < len(tokens):
        tok = tokens[j]
        if tok in _CHIEF_FUNCTIONS:
            functions.append(_CHIEF_FUNCTIONS[tok])
        elif tok in (",", "and") and functions:
            pass
        else:
            break
        j += 1
    if len(functions) < 2 or j >= len(tokens) or tokens[j] != "officer" or tokens[j - 1] in (",", "and"):
        return None
    titles = [f"{head.capitalize()} {fn} Officer" for fn in functions]
    return [t for t in titles if t in TITLES], j + 1


def _skip_board_phrase(tokens: list[str], j: int) -> int:
    """Consume 'of the board (of directors)' after a chairman phrase."""
    if tokens[j:j + 3] == ["of", "the", "board"]:
        j += 3
    elif tokens[j:j + 2] == ["of", "board"]:
        j += 2
    else:
        return j
    if tokens[j:j + 2] in (["of", "directors"], ["of", "trustees"]):
        j += 2
    return j


def _is_board_director(tokens: list[str], i: int) -> bool:
    prev = tokens[i - 1] if i > 0 else ""
    if prev in _NOT_BOARD_BEFORE and not (prev == "executive" and i > 1 and tokens[i - 2] == "non"):
        return False
    if i + 1 < len(tokens) and tokens[i + 1] == "of":
        nxt = tokens[i + 2] if i + 2 < len(tokens) else ""
        if nxt == "the" and i + 3 < len(tokens):
            nxt = tokens[i + 3]
        if nxt in _NOT_BOARD_AFTER_OF:
            return False
    return True


def parse_titles(text: str) -> TitleParse:
    """Vocabulary titles (in order, deduplicated) and the director flag of a printed title."""
    tokens = _tokens(text or "")
    result = TitleParse()
    i = 0
    while i < len(tokens):
        compound = _compound_chief(tokens, i)
        if compound is not None:
            for t in compound[0]:
                if t not in result.titles:
                    result.titles.append(t)
            i = compound[1]
            continue
        for n in range(min(_MAX_PHRASE, len(tokens) - i), 0, -1):
            phrase = tuple(tokens[i:i + n])
            if phrase in _PHRASES:
                title = _PHRASES[phrase]
                j = i + n
                if title in ("Chairman", "Vice Chairman"):
                    j = _skip_board_phrase(tokens, j)
                if title is not None and title not in result.titles:
                    result.titles.append(title)
                i = j
                break
        else:
            tok = tokens[i]
            if tok in ("director", "directors") and _is_board_director(tokens, i):
                result.director = True
            elif tok == "board" and (
                tokens[max(0, i - 3):i] in (["member", "of", "the"],) or tokens[i + 1:i + 2] == ["member"]
            ):
                result.director = True
            i += 1
    if len(result.titles) > 1 and "Executive Officer" in result.titles:
        result.titles.remove("Executive Officer")
    return result


def is_title_text(text: str) -> bool:
    """Whether a line reads as a title ("Chief Executive Officer and Director") rather than a name.

    Used on signature blocks: at least half of the words must be title words
    (abbreviations and small misspellings included) and one must be a head
    word such as officer, president, director, secretary or counsel.
    """
    words = [t for t in _raw_tokens(text or "") if t not in (",", ";", "(", ")")]
    if not words:
        return False
    hits = 0
    head = False
    for w in words:
        expanded = _ABBREVIATIONS.get(w)
        if expanded is not None:
            hits += 1
            head = head or any(e in _HEAD_WORDS for e in expanded)
            continue
        c = _correct(w)
        if c in _TITLE_LINE_WORDS:
            hits += 1
            head = head or c in _HEAD_WORDS
    return head and hits * 2 >= len(words)
