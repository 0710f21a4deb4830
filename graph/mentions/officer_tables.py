"""Management tables: "Name | Age | Position" rows in 10-Ks, proxies and prospectuses.

Part III of a 10-K, a proxy statement or an S-1 lists executive officers and
directors in a table whose header names the columns ("Name", "Age",
"Position(s)"/"Title"/"Office"). Each row gives the person's titles at the
registrant, and a directorship when the position says so.
"""

from __future__ import annotations

import re

from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import is_person_name
from graph.normalize.names import titlecase_name
from graph.normalize.titles import parse_titles

HEADER = re.compile(r"^\s*name\b.*\b(?:position|positions|title|titles|office|offices|capacity)\b", re.I | re.M)
CELLS = re.compile(r"\s*\|\s*|\s{2,}|\t+")


def apply_officer_tables(ctx: DocContext, view: PartView) -> None:
    reg = ctx.registry
    if reg.registrant is None:
        return
    text = view.layout.text
    for h in HEADER.finditer(text):
        pos = text.find("\n", h.end()) + 1
        if pos <= 0:
            continue
        blank = 0
        last_person: str | None = None
        for line in text[pos:].split("\n")[:80]:
            start = pos
            pos += len(line) + 1
            if not line.strip() or re.fullmatch(r"[\s\-_=|]+", line):
                blank += 1
                if blank > 2:
                    break
                continue
            blank = 0
            cells = [c.strip() for c in CELLS.split(line.strip()) if c.strip()]
            if len(cells) < 2:
                if len(line.strip()) > 80:
                    break  # prose after the table
                if last_person and parse_titles(line).titles:  # a position wrapped onto the next line
                    _record(ctx, view, last_person, line.strip(), start, start + len(line))
                continue
            name = re.sub(r"\(\d+\)|\*+", "", cells[0]).strip(" ,")
            if name.isupper():
                name = titlecase_name(name)
            if not is_person_name(name):
                last_person = None
                continue
            position = " ".join(c for c in cells[1:] if not re.fullmatch(r"\d{1,3}", c))
            last_person = name
            s = start + line.find(cells[0])
            ev = ctx.evidence(view.layout, s, s + len(cells[0]), "rule:management-table", 0.85)
            key = reg.add("Person", name, ev)
            last_person = key
            _record(ctx, view, key, position, s, s + len(cells[0]))


def _record(ctx: DocContext, view: PartView, person_key: str, position: str, s: int, e: int) -> None:
    reg = ctx.registry
    tp = parse_titles(position)
    ev = ctx.evidence(view.layout, s, e, "rule:management-table", 0.85)
    for t in tp.titles:
        reg.fact(person_key, "officer_of", reg.registrant or "", ev, qualifier=t)
    if tp.director:
        reg.fact(person_key, "director_of", reg.registrant or "", ev)
