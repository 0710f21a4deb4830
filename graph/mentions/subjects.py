"""The subject of each attached document: whom "the Company" means in that part.

A filing's attachments are not all about the registrant. A merger agreement
filed as an exhibit defines its own parties -- "Acme Holdings, Inc., a
Delaware corporation (the "Company")" is the *target*, while the registrant
is "Parent" -- and the audited statements of a business acquired speak of
"the Company" meaning that business. Rules that default to the registrant
("the Company issued warrants", "John Doe, the Company's Chief Financial
Officer") must then credit the part's own subject instead.

The subject comes from structure: the defined term ``(the "Company")`` in the
opening of an exhibit, attached to a company name (with an optional ", a
STATE corporation" descriptor). The main document of a filing always speaks
for the registrant. A part that defines no other company keeps the registrant.
"""

from __future__ import annotations

import re

from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import display_company
from graph.mentions.gazetteer import find_company_names
from graph.normalize.names import name_key

#: how far into a part its parties are defined (agreements open with a cover and a table of contents)
OPENING_CHARS = 30000

_QUOTE = "[\"'“”‘’]"
DEFINED_COMPANY = re.compile(
    r"\(\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+)?|herein\s+)?(?:the\s+)?" + _QUOTE + r"(?:Company|Registrant|Issuer|Corporation)" + _QUOTE + r"\s*\)",
    re.I,
)
# ", a New York corporation" / ", a Delaware limited liability company" / ", a wholly owned subsidiary of ..."
DESCRIPTOR = re.compile(
    r",?\s+(?:an?\s+)[A-Za-z .,'-]{0,80}?(?:corporation|company|partnership|association|trust|bank|entity|organization)\s*,?\s*$",
    re.I,
)


def defined_company(text: str) -> tuple[str, int, int] | None:
    """The company named as ``(the "Company")`` in ``text``: (name, start, end) or None."""
    for m in DEFINED_COMPANY.finditer(text):
        before = text[max(0, m.start() - 300) : m.start()]
        offset = m.start() - len(before)
        d = DESCRIPTOR.search(before)
        head = before[: d.start()] if d else before.rstrip()
        flat = head.replace("\n", " ")
        spans = [s for s in find_company_names(flat) if len(flat[s[1] :].strip(" ,")) == 0]
        if spans:
            s, e = spans[-1]
            return re.sub(r"\s+", " ", head[s:e]).strip(), offset + s, offset + e
    return None


def assign_part_subjects(ctx: DocContext) -> None:
    """Give each attached part that defines another company as "the Company" that company as its subject."""
    reg = ctx.registry
    registrant = reg.entities.get(reg.registrant) if reg.registrant else None
    own = {name_key(n) for n in ((registrant.name, *registrant.aliases) if registrant else ())}
    openings: dict[int, PartView] = {}
    for view in ctx.views:
        openings.setdefault(view.part_index, view)
    for index, view in openings.items():
        if index == 0:
            continue  # the main document speaks for the registrant
        found = defined_company(view.layout.text[:OPENING_CHARS])
        if found is None:
            continue
        name, s, e = found
        if name_key(name) in own or reg.find("Company", name) == reg.registrant:
            continue
        ev = ctx.evidence(view.layout, s, e, "rule:defined-term", 0.85)
        subject = reg.add("Company", display_company(name), ev)
        for other in ctx.views:
            if other.part_index == index:
                other.subject = subject
