"""Whether a number in a sentence belongs to a deal or describes a standing position.

A share count is a deal number when shares are sold, issued or underlie what
is sold; the same words also print capitalisation ("250,000,000 shares
authorized", "3,025,554 shares issued and outstanding"), reserves under plans
("shares reserved for future issuance"), inventories of what is outstanding
("As of June 30, we had warrants to purchase ..."), and statistics
("weighted average exercise price", a buyback's "average price of $17.62 per
share"). These are read from the words that *attach* to the count or price:
the status phrase right after the shares noun, the lead-in clause before the
count, and the clause frame of the sentence.
"""

from __future__ import annotations

import re

#: status words right after "N shares [of ... stock]": a standing position, not a deal number
_STATUS_AFTER = re.compile(
    r"^\s*(?:\([^)]{0,80}\)\s*)?,?\s*(?:that\s+are\s+|which\s+are\s+|then\s+)?"
    r"(?:(?:issued\s+and\s+)?outstanding|authorized|issuable|reserved|underlying|held\b|beneficially|"
    r"owned|subject\s+to|available\s+for|remaining|previously)",
    re.I,
)
#: lead-ins that count what exists rather than what is sold
_STATUS_BEFORE = re.compile(
    r"(?:based\s+on|excludes?|excluding|consist(?:s|ed|ing)?\s+of|comprised\s+of|we\s+had|there\s+(?:were|are)|"
    r"holders?\s+of(?:\s+record\s+of)?|owns?|owned|owner\s+of|held|holds?|reserved|authorized|"
    r"repurchased?|bought\s+back|redeemed|"
    r"(?:may|might|could)\s+(?:from\s+time\s+to\s+time\s+)?(?:issue|sell|offer)|(?:permit|authorize|allow)s?\s+[^.;]{0,40}?\s+to\s+issue)"
    r"\s+(?:approximately\s+|about\s+|an\s+aggregate\s+of\s+|a\s+total\s+of\s+|up\s+to\s+)?"
    # a conjunct of such a count ("based on 3,025,554 shares of Common Stock and 7,440 shares of ...")
    r"(?:\d[\d,]*\s+shares\s+of\s+[^,;]{1,50}?,?\s+and\s+)?$",
    re.I,
)
#: "As of <date>, we had / there were ...": an inventory of what is outstanding
_INVENTORY = re.compile(r"^\s*(?:as\s+of|at)\s+[^,]{3,40}(?:,\s*\d{4})?,\s+(?:we|the\s+company|there)\s+(?:had|have|has|were|are)\b", re.I)
#: "... were outstanding" later in the clause
_OUTSTANDING_FRAME = re.compile(r"^[^;]{0,160}?\b(?:were|are|was|is|remain(?:ed)?)\s+(?:issued\s+and\s+)?outstanding\b", re.I)
#: statistics and market quotations in front of a price
_STATISTIC_BEFORE = re.compile(
    r"(?:weighted[-\s]+average|average|closing|last\s+reported|high|low|bid|ask(?:ed)?|market)\s+(?:sale\s+|sales\s+|trading\s+)?"
    r"(?:exercise\s+|conversion\s+|purchase\s+|sale\s+|sales\s+|stock\s+)?price(?:\s+per\s+share)?\s+(?:of\s+|was\s+|is\s+)?(?:approximately\s+|about\s+)?$",
    re.I,
)


def inventory_sentence(sentence: str) -> bool:
    """True for "As of <date>, we had ..." sentences, which list what is outstanding."""
    return bool(_INVENTORY.match(sentence))


#: a caption that labels a standing position ("Common stock to be outstanding after this offering")
_STATUS_CAPTION = re.compile(r"\b(?:outstanding|authorized|reserved|beneficially|owned)\b", re.I)


def _caption_of(sentence: str, start: int) -> str:
    """The caption of a value in a caption/value layout, else ''.

    Either the line above a value that starts its own line, or the cell before
    it in a table row ("Common stock to be outstanding after this offering | N shares").
    """
    line_start = sentence.rfind("\n", 0, start) + 1
    prefix = sentence[line_start:start]
    if prefix.rstrip().endswith("|"):
        cells = [c for c in prefix.split("|") if c.strip()]
        return cells[-1] if cells else ""
    if prefix.strip():
        return ""
    lines = [ln for ln in sentence[:line_start].split("\n") if ln.strip()]
    return lines[-1] if lines else ""


def standing_count(sentence: str, start: int, end: int) -> bool:
    """True when the share count at ``sentence[start:end]`` (the whole "N shares of X" phrase) is a standing position."""
    after = sentence[end : end + 120]
    before = sentence[max(0, start - 60) : start]
    return bool(
        _STATUS_AFTER.match(after)
        or _STATUS_CAPTION.search(_caption_of(sentence, start))
        or _STATUS_BEFORE.search(before)
        or _OUTSTANDING_FRAME.match(after)
        or inventory_sentence(sentence)
    )


def statistic_price(sentence: str, start: int) -> bool:
    """True when the price at ``start`` is an average, a market quotation or another statistic."""
    return bool(_STATISTIC_BEFORE.search(sentence[max(0, start - 70) : start]))


#: a bullet or list mark at the start of a line
_BULLET = re.compile(r"^\s*(?:[•·▪●◦∙]|(?:[\-–—*]|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\))(?:\s|$))")
#: the lead-in of a capitalisation list: "... is based on N shares outstanding as of <date> and excludes:"
_EXCLUSION_LEAD = re.compile(
    r"\b(?:exclud(?:es?|ing)|does\s+not\s+(?:include|reflect|give\s+effect\s+to)|do\s+not\s+(?:include|reflect)|"
    r"not\s+including|consist(?:s|ed)?\s+of|(?:is|are)\s+based\s+on)\b[^:]{0,200}:\s*$",
    re.I,
)


def _list_item_line(line: str) -> bool:
    """A line that can sit inside a bulleted list: a bullet, an item ending in ';' or a short page-furniture line."""
    s = line.strip()
    return (
        not s
        or bool(_BULLET.match(s))
        or bool(re.search(r";(?:\s*(?:and|or))?$", s))
        or (len(s.split()) <= 3 and not s.endswith(":"))
    )


def in_exclusion_list(text: str, pos: int) -> bool:
    """True when ``pos`` lies in an item of a list led by "... outstanding ... and excludes:".

    Prospectus capitalisation and dilution sections list what is outstanding,
    reserved or issuable after a lead line ending with a colon; each bullet is a
    standing position, whichever verb ("issued and sold", "issuable") it uses.
    """
    line_start = text.rfind("\n", 0, pos) + 1
    end = line_start - 1
    for _ in range(60):
        if end <= 0:
            return False
        s = text.rfind("\n", 0, end) + 1
        prev = text[s:end]
        end = s - 1
        if _EXCLUSION_LEAD.search(prev.strip()):
            return True
        if not _list_item_line(prev):
            return False
    return False
