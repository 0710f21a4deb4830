"""Cover pages of asset-backed issuers (10-K, 10-D and 8-K under General Instruction J / Regulation AB).

Such a cover names several companies, each with its own captions and labels:

* a name over "(Exact name of issuing entity as specified in its charter)",
  and the same for the depositor and the sponsor;
* labelled lines "Commission File Number of issuing entity: 333-228379-03",
  "Central Index Key Number of depositor: 0001259380",
  "Central Index Key Number of sponsor (if applicable): 0001601902";
* captions naming their roles: "(State or other jurisdiction of incorporation
  or organization of the issuing entity)", "(I.R.S. Employer Identification
  No. for the Depositor)".

The labels and captions say whose value they hold, so values go to the
company of the role they name, whatever the order the blocks are printed in;
the issuing entity is the registrant. Captions that name no role are left to
the ordinary cover reader (:mod:`graph.mentions.cover`), which gives them to
the registrant.
"""

from __future__ import annotations

import re

from graph.mentions.context import DocContext
from graph.model import TextPart
from graph.normalize.names import titlecase_company
from graph.text.captions import candidates, find_captions

ROLE = r"issuing\s+entity|issuer|depositor|sponsor|securitizer"
ROLE_RE = re.compile(rf"\b({ROLE})\b", re.I)
NAME_CAP = re.compile(rf"\(\s*exact\s+name\s+of\s+(?:the\s+)?(?:{ROLE})\b", re.I)
STATE_CAP = re.compile(r"\(\s*state\s+or\s+other\s+jurisdiction", re.I)
IRS_CAP = re.compile(r"\(\s*i\.?\s?r\.?\s?s\.?\s+employer\s+identification", re.I)
CAPTIONS = {"name": NAME_CAP, "state": STATE_CAP, "irs": IRS_CAP}
#: "Central Index Key Number of depositor: 0001259380", "Commission File Number of issuing entity: 333-228379-03"
LABEL = re.compile(
    rf"(?P<label>central\s+index\s+key(?:\s+number)?|commission\s+file\s+number)\s+of\s+(?:the\s+)?(?P<role>{ROLE})\b"
    r"(?:\s*\(if\s+applicable\))?\s*[:.]?\s*(?:\|\s*)?(?P<value>\d{1,3}-\d{3,6}(?:-\d{1,3})?|\d{4,10})(?![\d-])",
    re.I,
)
COVER_CHARS = 6000  # an ABS cover's blocks all sit near the top of the document
CAPTION_TEXT = 240  # characters a wrapped caption may run to its ")"


def _role(text: str) -> str:
    word = re.sub(r"\s+", " ", text.lower())
    return "issuing entity" if word == "issuer" else word


def _caption_roles(text: str, line_start: int, col: int) -> list[str]:
    """Roles a caption names ("... for the Issuing Entity and the Depositor"), read to its ")"."""
    start = line_start + col
    close = text.find(")", start, start + CAPTION_TEXT)
    body = text[start : close if close > 0 else start + CAPTION_TEXT]
    roles = []
    for m in ROLE_RE.finditer(body):
        r = _role(m.group(1))
        if r not in roles:
            roles.append(r)
    return roles


def read_abs_cover(text: str) -> dict[str, dict[str, tuple[str, int, int]]]:
    """Per role ("issuing entity", "depositor", "sponsor"): its fields as (value, start, end).

    Field names: name, cik, file_number, state, irs. Empty when the cover
    names no role (an ordinary cover).
    """
    from graph.mentions.cover import VALIDATORS  # the shape checks of the ordinary cover

    head = text[:COVER_CHARS]
    out: dict[str, dict[str, tuple[str, int, int]]] = {}
    if not NAME_CAP.search(head):
        return out
    lines, caps = find_captions(head, CAPTIONS)
    by_line: dict[int, list] = {}
    for c in caps:
        by_line.setdefault(c.line, []).append(c)
    for cap in caps:
        roles = _caption_roles(head, lines[cap.line].start, cap.col)
        if not roles:
            continue
        validate = VALIDATORS[cap.kind]
        above = 1 if cap.kind == "name" else 3
        for s, e, loose, _how in candidates(lines, cap, by_line[cap.line], CAPTIONS, above=above, below=0 if cap.kind == "name" else 2):
            if cap.kind == "name" and LABEL.search(head[s:e]):
                break  # the line above is a label, not a name
            found = validate(head[s:e], loose)
            if found:
                v, a, b = found[0]
                for r in roles:
                    out.setdefault(r, {}).setdefault(cap.kind, (v, s + a, s + b))
                break
    for m in LABEL.finditer(head):
        field = "cik" if m.group("label").lower().startswith("central") else "file_number"
        value = m.group("value")
        if field == "cik":
            if "-" in value:
                continue
            value = value.lstrip("0") or "0"
        elif "-" not in value:
            continue
        out.setdefault(_role(m.group("role")), {}).setdefault(field, (value, m.start("value"), m.end("value")))
    return out


def apply_abs_cover(ctx: DocContext, part: TextPart) -> None:
    """Record each named party of an asset-backed cover with its own CIK, file number, state and IRS number."""
    roles = read_abs_cover(part.text)
    named = {r: f for r, f in roles.items() if "name" in f}
    if not named:
        return
    reg = ctx.registry
    for role, fields in named.items():
        name, s, e = fields["name"]
        display = titlecase_company(name) if name.isupper() else name
        ev = ctx.evidence(part, s, e, "rule:abs-cover", 0.95)
        key = reg.add("Company", display, ev, registrant=role == "issuing entity")
        if name != display:
            reg.entities[key].aliases.add(name)
        relations = (("cik", "cik"), ("file_number", "commission_file_number"), ("state", "state_of_incorporation"), ("irs", "irs_employer_id"))
        for field, relation in relations:
            if field in fields:
                v, s, e = fields[field]
                if any(f.subject == key and f.relation == relation for f in reg.facts) and relation != "commission_file_number":
                    continue  # the ordinary cover reader (or inline tags) stated it already
                reg.fact(key, relation, v, ctx.evidence(part, s, e, "rule:abs-cover", 0.9))
