"""Letters signed by a firm: legal opinions, auditor consents, auditor change letters.

An EX-5 or EX-99 opinion ("the Shares ... will be validly issued, fully
paid and non-assessable") signed "/s/ SULLIVAN & WORCESTER LLP" makes that
firm the registrant's legal counsel; a consent of independent auditors, or
an Item 4.01 letter ("we agree with the statements"), makes the signing firm
its auditor. The firm comes from the signature, the role from the letter.
"""

from __future__ import annotations

import re

from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import display_company
from graph.mentions.gazetteer import COMPANY_WITH_SUFFIX
from graph.mentions.signatures import find_signatures, looks_like_person

LEGAL_OPINION = re.compile(
    r"validly\s+issued|non-?assessable|legal\s+opinion|we\s+are\s+of\s+the\s+opinion|our\s+opinion\s+that|legally\s+issued", re.I
)
AUDITOR_CONSENT = re.compile(
    r"consent\s+(?:of\s+independent|to\s+the\s+(?:incorporation|use|reference))[^.]{0,200}?(?:auditors?|accountants?|accounting\s+firm)|"
    r"(?:independent\s+)?(?:auditors?|accountants?)['’]?\s+consent",
    re.I,
)
AUDITOR_CHANGE = re.compile(r"change\s+(?:in|of)\s+(?:certifying\s+)?(?:accountants?|auditors?)|we\s+agree\s+with\s+(?:the\s+)?statements", re.I)
FIRM_SIGNER = re.compile(r"^[A-Z][\w&'’.,\- ]{2,80}$")


def _firm_name(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name.strip().strip("*")).strip(" ,")
    if not FIRM_SIGNER.match(name):
        return None
    if COMPANY_WITH_SUFFIX.search(name) or "&" in name:
        return display_company(name)
    return None


def apply_letters(ctx: DocContext, view: PartView) -> None:
    reg = ctx.registry
    if reg.registrant is None:
        return
    text = view.layout.text
    role = None
    if LEGAL_OPINION.search(text):
        role = "legal_counsel_for"
    elif AUDITOR_CONSENT.search(text) or AUDITOR_CHANGE.search(text):
        role = "auditor_of"
    if role is None:
        return
    for sig in find_signatures(text):
        raw = text[sig.start : sig.end]
        firm = _firm_name(raw) if not looks_like_person(sig.name) else None
        # a sole practitioner signs "/s/ Lawrence Scharfman, CPA": the firm is the name with its suffix
        line_end = text.find("\n", sig.start)
        full = text[sig.start : line_end if line_end >= 0 else len(text)].strip()
        if firm is None and re.search(r",\s*(?:CPA|CPAs|P\.?C\.?|LLP)\b", full):
            firm = display_company(full)
        if not firm:
            continue
        ev = ctx.evidence(view.layout, sig.start, sig.start + len(full), f"rule:letter-{role}", 0.8)
        key = reg.add("Company", firm, ev)
        if key != reg.registrant:
            reg.fact(key, role, reg.registrant, ev)
