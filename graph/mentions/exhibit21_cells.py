"""What one cell of an Exhibit 21 list says: a jurisdiction, a name, or noise.

Subsidiary lists print the same things in many shapes; this module reads one
cell (an HTML table cell, a fixed-width column, or a whole list line):

* jurisdictions kept as printed ("England and Wales", "Korea", "People's
  Republic of China"), postal and old-style codes spelled out ("DE",
  "Del."), a US suffix dropped ("Delaware, U.S."), a pair split in two
  ("Delaware and Australia");
* names with footnote marks (``*``, ``†``, ``(1)``), ownership percentages,
  d/b/a, "formerly" and numbering removed, and their marks kept to find a
  footnote that names the immediate parent;
* a jurisdiction printed inside the name cell: "Name (Delaware)",
  "Name, a Delaware corporation", "Name, organized under the laws of Peru",
  "Name - Delaware".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.mentions.gazetteer import COMPANY_WITH_SUFFIX
from graph.normalize.places import US_STATES, normalize_jurisdiction

#: old-style state abbreviations of 1990s lists ("Del.", "Calif.")
_OLD_STATE_ABBREV: dict[str, str] = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "cal": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia",
    "ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "kans": "Kansas", "ky": "Kentucky", "la": "Louisiana",
    "md": "Maryland", "mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi",
    "mo": "Missouri", "mont": "Montana", "neb": "Nebraska", "nebr": "Nebraska", "nev": "Nevada",
    "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania", "penn": "Pennsylvania", "tenn": "Tennessee",
    "tex": "Texas", "vt": "Vermont", "va": "Virginia", "wash": "Washington", "wis": "Wisconsin",
    "wisc": "Wisconsin", "wyo": "Wyoming", "w va": "West Virginia",
}
_US_SUFFIX = re.compile(
    r"\s*(?:,\s*|\s+|\()(?:U\.?\s?S\.?(?:A\.?)?|United\s+States(?:\s+of\s+America)?|America)\)?\s*$", re.I
)
_US_PREFIX = re.compile(r"^(?:the\s+)?(?:state|commonwealth)\s+of\s+(?:the\s+)?", re.I)
_JURIS_SPLIT = re.compile(r"\s*(?:;|/|&|,|\band\b)\s*", re.I)
_CONNECTOR_END = re.compile(r"(?:\band|\bof|\bthe|&|,|/)\s*$", re.I)

#: footnote marks printed next to a name
MARK_CHARS = "*†‡§¶#"
_TRAILING_MARK = re.compile(r"\s*(?P<m>[*†‡§¶#]+|\(\s*(?:\d{1,2}|[a-zA-Z])\s*\)|\[\s*\w{1,2}\s*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*$")
_INNER_MARK = re.compile(r"[*†‡§¶]+")
# a superscript digit rendered flat against a suffix: "Acme Holdings LLC2", "Acme Corporation1"
_GLUED_DIGIT = re.compile(r"(?<=[A-Za-z.)])(?P<m>\d{1,2})\s*$")
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_NUMBERING = re.compile(r"^(?:\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)]|[•·▪●◦■□➢►\-–—o]\s)\s*")
_BULLET = re.compile(r"^[•·▪●◦■□➢►]\s*")
_PERCENT = re.compile(
    r"\s*[(\[]?\s*(?:approximately\s+)?\d{1,3}(?:\.\d+)?\s*%(?:\s*(?:owned|ownership|interest|held|voting)[^)\]]*)?\s*[)\]]?", re.I
)
#: an ownership percentage printed in a name cell or its own column: "(51% owned)", "100%", "50.1 %"
OWNED_PERCENT = re.compile(r"(?<![\d.])(?P<p>\d{1,3}(?:\.\d+)?)\s*%")
_ALIAS_TAIL = re.compile(
    r"\s*[(\[,;-]?\s*\b(?:d/b/a|d\.b\.a\.?|dba|doing\s+business\s+as|f/k/a|fka|formerly(?:\s+known\s+as)?|"
    r"a/k/a|aka|also\s+known\s+as|trading\s+as|t/a|operating\s+as)\b.*$",
    re.I,
)
_NUMBER_CELL = re.compile(r"^[(\[]?\s*[\d.,]+\s*%?\s*[)\]]?$|^[-–—]+$|^n/?a$", re.I)
_MARK_CELL = re.compile(r"^(?:[*†‡§¶#]+|\(\s*(?:\d{1,2}|[a-zA-Z])\s*\)|\[\s*\w{1,2}\s*\])$")

# "Name, a Delaware corporation" / "Name, an Ohio limited liability company"
_A_JURIS_ENTITY = re.compile(
    r",?\s+an?\s+(?P<j>[A-Z][\w .,'’&-]{1,60}?)\s+(?:nonprofit\s+|non-profit\s+|professional\s+|public\s+|private\s+|"
    r"business\s+|stock\s+|statutory\s+|general\s+|limited\s+)?(?:corporation|limited\s+liability\s+company|"
    r"limited\s+partnership|partnership|company|limited\s+company|trust|bank|banking\s+corporation|entity|"
    r"LLC|corp\.?|association|societ[ye]|cooperative)\s*$",
    re.I,
)
# "Name, organized under the laws of Peru" / "Name (incorporated in Bermuda)"
_ORGANIZED = re.compile(
    r"[,(]?\s+(?:an?\s+(?:company|corporation|entity)\s+)?(?:organi[sz]ed|incorporated|formed|existing|registered)\s+"
    r"(?:under\s+the\s+laws\s+of|in)\s+(?P<j>[^()]{2,60}?)\)?\s*$",
    re.I,
)
_TRAILING_PAREN = re.compile(r"\s*\((?P<j>[^()]{2,60})\)\s*$")
_DASH_JURIS = re.compile(r"\s+[-–—:]\s+(?P<j>[^-–—:]{2,60})$")


def _clean(text: str) -> str:
    s = re.sub(r"\s+", " ", text).strip()
    s = _INNER_MARK.sub("", s)
    return s.strip(" .,;:")


def _printed(raw: str, canonical: str) -> str:
    """The jurisdiction as printed, without a US suffix or "State of"; codes spelled out."""
    s = _US_SUFFIX.sub("", raw).strip(" ,.") or raw
    s = _US_PREFIX.sub("", s).strip()
    s = re.sub(r"^the\s+", "", s, flags=re.I)  # "The Netherlands"
    letters = re.sub(r"[^A-Za-z]", "", s)
    if len(letters) <= 2 or s.upper() in US_STATES:
        return canonical
    if "," in s:  # "Ontario, Canada": the first part as printed, when it is a place
        head = s.split(",", 1)[0].strip()
        if normalize_jurisdiction(head):
            s = head
    if s.isupper():
        s = " ".join(w.capitalize() if w.lower() not in ("of", "and", "the") else w.lower() for w in s.split())
    return s


def _one(raw: str) -> str | None:
    raw = raw.strip(" .,;:()")
    if not raw or len(raw) > 60 or not re.search(r"[A-Za-z]", raw):
        return None
    letters = re.sub(r"[.\s]", "", raw)
    if len(letters) == 2 and letters.isalpha():
        return US_STATES.get(letters.upper()) or normalize_jurisdiction(letters)
    old = _OLD_STATE_ABBREV.get(re.sub(r"[.]", "", raw).lower().strip())
    if old and raw[:1].isupper():
        return old
    if len(raw.split()) > 8 or not raw[:1].isalpha():
        return None
    base = _US_SUFFIX.sub("", raw).strip(" ,")
    if "(" in base or ("," in base and not normalize_jurisdiction(base.split(",", 1)[0])):
        return None  # "Name, Country" is not a jurisdiction; "Ontario, Canada" is
    canonical = normalize_jurisdiction(raw)
    return _printed(raw, canonical) if canonical else None


def jurisdictions(text: str) -> list[str]:
    """The jurisdiction(s) a cell prints, as FORMAT.md records them; [] if the cell is not one."""
    raw = _clean(text)
    if not raw or len(raw) > 80 or _CONNECTOR_END.search(raw):
        return []
    one = _one(raw)
    if one:
        return [one]
    parts = [p for p in _JURIS_SPLIT.split(raw)]
    if len(parts) < 2 or any(not p for p in parts):
        return []
    found = [_one(p) for p in parts]
    if all(found):
        return list(dict.fromkeys(f for f in found if f))
    return []


def is_number_cell(text: str) -> bool:
    """Ownership percentages, counts and dashes: columns with no relation."""
    return bool(_NUMBER_CELL.match(text.strip()))


def is_mark_cell(text: str) -> bool:
    """A cell holding only a footnote mark."""
    return bool(_MARK_CELL.match(text.strip()))


@dataclass
class NamePart:
    """A name read from a cell: cleaned name, its offsets in the cell, its marks, an inline jurisdiction."""

    name: str
    start: int
    end: int
    marks: list[str] = field(default_factory=list)
    juris: list[str] = field(default_factory=list)
    juris_start: int = 0
    juris_end: int = 0
    percent: tuple[str, int, int] | None = None  # an inline "(51% owned)": the number and its cell offsets


def has_company_suffix(text: str) -> bool:
    """A company suffix at the end, in any case ("ACME CORPORATION", "Acme, INC.")."""
    text = text.strip(" *")
    return bool(COMPANY_WITH_SUFFIX.search(text) or COMPANY_WITH_SUFFIX.search(text.title()))


def mark_key(mark: str) -> str:
    """One spelling of a footnote mark: "(1)", "[1]", "1" and "¹" are the same mark."""
    return re.sub(r"[\s()\[\].]", "", mark).translate(_SUPERSCRIPTS)


def _strip_marks(text: str, marks: list[str]) -> str:
    while True:
        m = _TRAILING_MARK.search(text)
        if m and m.start() > 0:
            marks.append(mark_key(m.group("m")))
            text = text[: m.start()]
            continue
        g = _GLUED_DIGIT.search(text)
        if g and g.start() > 0 and COMPANY_WITH_SUFFIX.search(text[: g.start()]):
            marks.append(g.group("m"))
            text = text[: g.start()]
            continue
        return text


def read_name(cell: str, *, inline_juris: bool = True) -> NamePart | None:
    """Name, marks and (optionally) an inline jurisdiction of one name cell; None for empty text."""
    text = cell
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    m = _NUMBERING.match(text) or _BULLET.match(text)
    if m and not re.match(r"^[A-Za-z]\.\s?[A-Z]\.", text):  # "A. B. Dick Co." is not numbering
        lead += m.end()
        text = text[m.end():]
    marks: list[str] = []
    lm = re.match(r"^([*†‡§¶]+)\s*", text)
    if lm:
        marks.append(lm.group(1))
        lead += lm.end()
        text = text[lm.end():]
    pm = OWNED_PERCENT.search(text)  # before the jurisdiction cuts the cell's tail
    percent = (pm.group("p"), lead + pm.start("p"), lead + pm.end("p")) if pm else None
    if pm is not None:  # "Name (Sweden) (51% owned)": the jurisdiction is the parenthesis before the share
        text = _PERCENT.sub("", text).rstrip()
    juris: list[str] = []
    js = je = 0
    if inline_juris:
        for pattern in (_TRAILING_PAREN, _A_JURIS_ENTITY, _ORGANIZED, _DASH_JURIS):
            body = _strip_marks(text, marks)
            jm = pattern.search(body)
            if jm and jm.start() > 0:
                found = jurisdictions(jm.group("j"))
                if found:
                    juris, js, je = found, lead + jm.start("j"), lead + jm.end("j")
                    text = body[: jm.start()]
                    break
    kept = len(text.rstrip())
    text = _ALIAS_TAIL.sub("", text)
    text = _PERCENT.sub("", text)
    text = _strip_marks(text, marks)
    for inner in _INNER_MARK.findall(text):
        marks.append(inner)
    name = re.sub(r"\s+", " ", _INNER_MARK.sub("", text)).strip(" ,;:-–—")
    if name.endswith("(") or (name.count("(") > name.count(")")):
        name = name.rsplit("(", 1)[0].strip(" ,;:-")
    if not name:
        return None
    end = lead + min(kept, len(text.rstrip()) + 1)
    return NamePart(name, lead, max(end, lead + 1), list(dict.fromkeys(marks)), juris, js, je, percent)
