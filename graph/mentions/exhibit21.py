"""Exhibit 21 subsidiary lists: subsidiaries, their parents and places of organisation.

A part is a subsidiary list when its document type is EX-21 (or, with no
type, when it opens with a "Subsidiaries of" title). The list's rows come
from :mod:`graph.mentions.exhibit21_layout` (tables, fixed-width columns,
one entry per line, group headings) and their cells from
:mod:`graph.mentions.exhibit21_cells`. Each listed company is
``subsidiary_of`` the registrant (indentation alone never decides a parent,
following the Ex-21 convention) and, where a footnote says "a subsidiary of
X" / "owned by X", also of that immediate parent. Its jurisdiction gives
``state_of_incorporation``; the registrant's own row gives the registrant's.
The rows are claimed so that NER does not take fragments of them as firms.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graph.log import get_logger
from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import display_company
from graph.mentions.exhibit21_cells import OWNED_PERCENT, NamePart, has_company_suffix, jurisdictions, mark_key, read_name
from graph.mentions.exhibit21_layout import (
    Cell,
    Row,
    cell_kind,
    footnote,
    heading_jurisdiction,
    is_caption,
    is_caption_text,
    is_heading,
    is_prose,
    merge_wrapped,
    split_rows,
)
from graph.mentions.gazetteer import ABBREV_SUFFIX_END, COMPANY_WITH_SUFFIX
from graph.mentions.records import quantity, stake
from graph.model import FieldValue
from graph.normalize.names import name_key

log = get_logger(__name__)

METHOD = "rule:exhibit21-row"
_TITLE = re.compile(r"^\s*(?:exhibit\s+21[\w.()-]*\s*[-:–—]?\s*)?(?:list\s+of\s+)?(?:significant\s+)?subsidiaries\s+of\b", re.I | re.M)
# "Subsidiaries of [the Registrant,] Apple Inc.*" (the name may stand on the next line)
_SUBS_OF = re.compile(
    r"subsidiaries\s+of\s*(?:the\s+registrant\b[\s,:\-–—]*|the\s+company\b[\s,:\-–—]*)?\n?\s*"
    r"(?P<n>[A-Z0-9][^\n*|(†]{1,90}?)\s*(?:[*†(]|\bas\s+of\b|\bat\s+\w+\s+\d|\n|$)",
    re.I,
)
# "a list of IDT Corporation's (IDT) subsidiaries"
_POSSESSIVE = re.compile(
    r"(?P<n>(?:[A-Z0-9][\w.&,-]*\s+){0,6}?[A-Z0-9][\w.&-]*)['’]s?\s+(?:\([^)]{1,30}\)\s+)?"
    r"(?:significant\s+|principal\s+|direct\s+and\s+indirect\s+|wholly[- ]owned\s+|consolidated\s+)*subsidiaries\b"
)
# "ACME CORPORATION SUBSIDIARIES" / "Acme Corp. and Subsidiaries" / "ACME, INC. & SUBSIDIARIES" /
# "Acme Corp. and its Subsidiaries" as a title line
_NAME_SUBSIDIARIES = re.compile(
    r"^\s*(?P<n>[A-Z0-9][^\n|:]{1,80}?),?\s+(?:(?P<and>and|&)\s+(?:its\s+)?(?:consolidated\s+)?)?"
    r"(?:significant\s+|principal\s+|list\s+of\s+)?subsidiaries\s*:?\s*$",
    re.I | re.M,
)
# words of a group heading, never of an owner's name ("Domestic and Foreign Subsidiaries")
_GROUP_WORDS = re.compile(
    r"\b(?:domestic|foreign|international|u\.?s\.?|non-u\.?s\.?|significant|direct|indirect|other|wholly|owned|"
    r"consolidated|principal|active|inactive|operating|affiliates?|list|exhibit|company|companies|registrant|parent|"
    r"joint|ventures?|material|name|names)\b",
    re.I,
)
_PARENT_CAPTION = re.compile(r"\b(?:parent|owned\s+by|owner|held\s+by|shareholder|stockholder|member)\b", re.I)
_TITLE_CONNECTORS = {"of", "and", "&", "de", "la", "du", "the", "y", "for", "del"}
_NOT_A_NAME = re.compile(r"^(?:the\s+)?(?:registrant|company|corporation|issuer|parent)\b", re.I)
_PARENT_IN_NOTE = re.compile(
    r"\b(?:subsidiary|owned|held|controlled)\s+(?:\S+\s+){0,3}?(?:of|by|through)\s+(?P<p>[A-Z0-9][^;()]{2,120})", re.I
)
# "... and 50% by Y": a second owner of a joint venture
_MORE_PARENTS = re.compile(
    r"\band\s+(?:approximately\s+)?\d{1,3}(?:\.\d+)?\s*%\s+(?:is\s+)?(?:owned\s+|held\s+)?by\s+(?P<p>[A-Z0-9][^;()]{2,120})", re.I
)
_PARENT_END = re.compile(r",\s+(?:which|a|an|and)\b|\s+and\s+(?:(?:its|the|approximately|by)\b|\d)|\s+\(")
# the parent as the note's subject: "Acme Holdings Inc. owns 60%", "Acme Corp. holds a 51% interest"
_PARENT_OWNS = re.compile(
    r"^(?:\W{0,3})(?P<p>[A-Z0-9][^;()]{2,120}?)\s+(?:owns|holds|has)\s+(?:an?\s+|the\s+)?(?:approximately\s+)?"
    r"(?:\d{1,3}(?:\.\d+)?\s*%|all|a\s+majority|majority)"
)


@dataclass
class Entry:
    """One listed company: its name, where it is printed, its jurisdictions and footnote marks."""

    name: str
    start: int
    end: int
    juris: list[tuple[str, int, int]] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    indent: int = 0
    piped: bool = False
    parent: tuple[str, int, int] | None = None  # from a parent column
    percent: tuple[str, int, int] | None = None  # ownership percentage ("% owned" column or inline), with its span


def is_exhibit21(ctx: DocContext, view: PartView) -> bool:
    """EX-21 by document type, or an untyped part that opens with a "Subsidiaries of" title."""
    types = [view.doc_type or "", ctx.source.form_type.value if ctx.source.form_type else ""]
    if view.doc_type:
        return view.doc_type.upper().startswith("EX-21")
    if any(t.upper().startswith("EX-21") for t in types):
        return True
    head = view.layout.text[:600]
    m = _TITLE.search(head)
    return bool(m) and len(head[m.start():].split("\n", 1)[0]) < 120


def _name_end(text: str) -> str:
    """Cut a name read from running text: trailing punctuation, but a suffix keeps its period."""
    name = re.sub(r"\s+", " ", text).strip(" ,;:-–—")
    while name.endswith(".") and not re.search(ABBREV_SUFFIX_END.pattern, name, re.I):
        name = name[:-1].rstrip()
    return name


def _cut_name(text: str) -> str:
    """A name read from a title stops at the first lower-case word that is not a connector ("and its")."""
    words = text.split()
    kept: list[str] = []
    for w in words:
        if w[:1].islower() and w.lower() not in _TITLE_CONNECTORS and not re.match(r"^[a-z][A-Z]", w):
            break
        kept.append(w)
    while kept and kept[-1].lower().strip(",") in _TITLE_CONNECTORS:
        kept.pop()
    return " ".join(kept)


def find_list_owner(text: str) -> tuple[str, int, int] | None:
    """The company whose subsidiaries the part lists, from its title or opening sentence."""
    head = text[:2500].replace(" | ", "\n  ")  # table cells read as lines; offsets kept
    for pattern in (_SUBS_OF, _POSSESSIVE, _NAME_SUBSIDIARIES):
        for m in pattern.finditer(head):
            name = _name_end(_cut_name(m.group("n")))
            name = re.sub(r"^(?:of|list\s+of|a\s+list\s+of)\s+", "", name, flags=re.I)
            unmarked = read_name(name, inline_juris=False)
            name = _name_end(unmarked.name) if unmarked else ""
            if is_caption_text(name) and not has_company_suffix(name):
                continue  # "Name", "Entity": the caption under a title that names no one
            if pattern is _NAME_SUBSIDIARIES and not has_company_suffix(name):
                if not (m.group("and") and not _GROUP_WORDS.search(name)):
                    continue  # "Domestic Subsidiaries", "Domestic and Foreign Subsidiaries" name no owner
            if len(name) < 2 or _NOT_A_NAME.match(name) or is_prose(name) or not re.search(r"[A-Za-z]", name):
                continue
            if len(name.split()) > 8:
                continue
            start = m.start("n") + m.group("n").find(name[:5]) if name[:5] in m.group("n") else m.start("n")
            return name, start, start + len(name)
    return None


def _entries_of_row(row: Row, heading_juris: list[str] | None, parent_column: bool = False) -> list[Entry]:
    """The companies a row lists: (name, jurisdiction) pairs left to right, or "Name (Juris)" cells.

    With a parent column ("Owned by", "Parent" caption), a company named after
    a complete pair is the row's immediate parent, not another entry.
    """
    out: list[Entry] = []
    pending: Entry | None = None
    paired = False
    for i, cell in enumerate(row.cells):
        kind = cell_kind(cell.text) if i > 0 or len(row.cells) == 1 else ("text" if cell_kind(cell.text) != "mark" else "mark")
        if kind == "juris" and i == 0 and len(row.cells) == 1:
            return []  # a lone jurisdiction is a heading or a wrapped piece, not a company
        if kind == "juris":
            if pending is not None and not pending.juris:
                pending.juris = [(j, cell.start, cell.end) for j in jurisdictions(cell.text)]
                paired = True
            continue
        if kind == "mark":
            if pending is not None:
                pending.marks.append(mark_key(cell.text))
            continue
        if kind == "number":
            pm = OWNED_PERCENT.search(cell.text)
            if pending is not None and pending.percent is None and pm is not None:
                pending.percent = (pm.group("p"), cell.start + pm.start("p"), cell.start + pm.end("p"))
                continue
            if pending is not None and re.fullmatch(r"\(?\d{1,2}\)?", cell.text.strip()):
                pending.marks.append(mark_key(cell.text))  # a footnote column; used only if a note has it
            continue
        part = read_name(cell.text)
        if part is None or not _plausible(part.name):
            continue
        entry = _entry(cell, part)
        if pending is not None and paired and parent_column and not entry.juris:
            pending.parent = (entry.name, entry.start, entry.end)
            continue
        if pending is not None and paired and not entry.juris and not COMPANY_WITH_SUFFIX.search(entry.name):
            continue  # a d/b/a or note column after a complete pair
        if pending is not None:
            out.append(pending)
        pending, paired = entry, bool(entry.juris)
    if pending is not None:
        out.append(pending)
    kept = []
    for e in out:
        if not e.juris and heading_juris:
            e.juris = [(j, e.start, e.end) for j in heading_juris]
        if e.juris or COMPANY_WITH_SUFFIX.search(e.name) or heading_juris:
            kept.append(e)
    return kept


def _entry(cell: Cell, part: NamePart) -> Entry:
    s = cell.start + part.start
    e = min(cell.start + part.end, cell.end)
    juris = [(j, cell.start + part.juris_start, cell.start + part.juris_end) for j in part.juris]
    percent = (part.percent[0], cell.start + part.percent[1], cell.start + part.percent[2]) if part.percent else None
    return Entry(part.name, s, max(e, s + 1), juris, list(part.marks), percent=percent)


def _plausible(name: str) -> bool:
    if len(name) < 2 or len(name) > 160 or not re.search(r"[A-Za-z]{2}", name):
        return False
    if not re.match(r"^[A-Z0-9\"'“(&]|^[a-z][A-Z]", name):  # "iTunes K.K." starts lower-case
        return False
    return not is_prose(name) and not _NOT_A_NAME.fullmatch(name.strip(". "))


def note_parents(note: str) -> list[str]:
    """The immediate parents a footnote names: "a subsidiary of X", "wholly owned by X", "held through X",
    "X owns 60%", and a joint venture's "50% owned by X and 50% by Y"."""
    m = _PARENT_IN_NOTE.search(note) or _PARENT_OWNS.search(note)
    if not m:
        return []
    found = [m.group("p"), *(o.group("p") for o in _MORE_PARENTS.finditer(note, m.start("p")))]
    out = []
    for raw in found:
        parent = _name_end(_PARENT_END.split(raw)[0])
        if _plausible(parent) and parent not in out:
            out.append(parent)
    return out


@dataclass
class ListReading:
    """What one subsidiary list says: its entries, footnote parents, and the spans it covers."""

    entries: list[Entry] = field(default_factory=list)
    note_parents: dict[str, list[tuple[str, int, int]]] = field(default_factory=dict)
    claimed: list[tuple[int, int]] = field(default_factory=list)


def read_list(text: str) -> ListReading:
    """Entries, footnote parents and claimed spans of a subsidiary list's text."""
    out = ListReading()
    heading_juris: list[str] | None = None
    parent_column = False
    for row in merge_wrapped(split_rows(text)):
        note = footnote(row)
        if note is not None:
            mark, rest = note
            for parent in note_parents(rest):
                found = text.find(parent, row.start, row.end)
                off = found if found >= 0 else row.start
                out.note_parents.setdefault(mark, []).append((parent, off, off + len(parent)))
            out.claimed.append((row.start, row.end))
            continue
        if is_caption(row):
            parent_column = parent_column or any(_PARENT_CAPTION.search(c.text) for c in row.cells[1:])
            out.claimed.append((row.start, row.end))
            continue
        hj = heading_jurisdiction(row)
        if hj is not None:
            heading_juris = hj
            out.claimed.append((row.start, row.end))
            continue
        if is_heading(row):
            if len(row.cells) == 1 and not re.search(r"\bof\b", row.text, re.I):
                heading_juris = None  # a new group ("Foreign Subsidiaries")
            out.claimed.append((row.start, row.end))
            continue
        entries = _entries_of_row(row, heading_juris, parent_column)
        for entry in entries:
            entry.indent, entry.piped = row.indent, row.piped
        if entries:
            out.entries.extend(entries)
            out.claimed.append((row.start, row.end))
    return out


def owner_from_notes(reading: ListReading) -> tuple[str, int, int] | None:
    """The parent the footnotes name most that is not itself listed: the top of the tree."""
    listed = {name_key(e.name) for e in reading.entries}
    roots = [p for ps in reading.note_parents.values() for p in ps if name_key(p[0]) not in listed]
    if not roots:
        return None
    counts = Counter(name_key(p[0]) for p in roots)
    best = max(counts.values())
    return next(p for p in roots if counts[name_key(p[0])] == best)


def owner_from_title_block(text: str, reading: ListReading) -> tuple[str, int, int] | None:
    """A title line that is only a company name ("ACME CORPORATION" above "SUBSIDIARIES")."""
    first = reading.entries[0].start if reading.entries else len(text)
    for row in split_rows(text[:first]):
        if len(row.cells) != 1 or row.start >= first:
            continue
        cell = row.cells[0]
        named = read_name(cell.text, inline_juris=False)
        if named is None or is_prose(named.name) or not has_company_suffix(named.name):
            continue
        if re.search(r"\b(?:subsidiar|exhibit|list)\w*", named.name, re.I):
            continue
        return _name_end(named.name), cell.start + named.start, cell.start + named.end
    return None


def owner_from_top_row(reading: ListReading) -> tuple[str, int, int] | None:
    """Fixed-width lists that open with the parent's own row, every other row indented under it."""
    entries = reading.entries
    if len(entries) < 3 or entries[0].piped:
        return None
    top = entries[0]
    if all(e.indent > top.indent for e in entries[1:]):
        return top.name, top.start, top.end
    return None


def apply_exhibit21(ctx: DocContext, view: PartView) -> None:
    """Subsidiaries, their parents and jurisdictions of an Exhibit 21 part."""
    if not is_exhibit21(ctx, view):
        return
    reg = ctx.registry
    part = view.layout
    reading = read_list(part.text)
    for s, e in reading.claimed:
        ctx.claimed.append(part.source_span(s, e))
    if reg.registrant is None:
        # a title or heading names the owner outright; the footnotes' root is only a guess
        owner = (
            find_list_owner(part.text)
            or owner_from_title_block(part.text, reading)
            or owner_from_top_row(reading)
            or owner_from_notes(reading)
        )
        if owner is not None:
            name, s, e = owner
            ev = ctx.evidence(part, s, max(e, s + 1), "rule:exhibit21-heading", 0.85)
            reg.add("Company", display_company(name), ev, registrant=True)
    parent = reg.registrant
    if parent is None:
        log.debug("exhibit 21 part without a known registrant: %d rows without a parent", len(reading.entries))
    parent_names = [reg.entities[parent].name, *reg.entities[parent].aliases] if parent else []
    for entry in reading.entries:
        name = display_company(entry.name)
        ev = ctx.evidence(part, entry.start, entry.end, METHOD, 0.9)
        own_row = any(name_key(name) == name_key(n) for n in parent_names)
        key = parent if own_row else reg.add("Company", name, ev, exact=True)
        for j, js, je in entry.juris:
            reg.fact(key, "state_of_incorporation", j, ctx.evidence(part, js, max(je, js + 1), METHOD, 0.9))
        if parent is None or key == parent:
            continue
        reg.fact(key, "subsidiary_of", parent, ev)
        owner = parent
        if entry.parent is not None:
            pname, ps, pe = entry.parent
            pev = ctx.evidence(part, ps, pe, "rule:exhibit21-parent-column", 0.85)
            pkey = parent if any(name_key(pname) == name_key(n) for n in parent_names) else reg.add("Company", display_company(pname), pev)
            if pkey not in (key, parent):
                reg.fact(key, "subsidiary_of", pkey, pev)
                owner = pkey
        if entry.percent is not None:
            value, ps, pe = entry.percent
            pev = ctx.evidence(part, ps, pe, "rule:exhibit21-percent", 0.85)
            fv = FieldValue(value, pev.start, pev.end)
            stake(reg, owner, key, shares=None, percent=quantity(ctx.doc_id, fv, "rule:exhibit21-percent", "percent", 0.85), evidence=ev)
        for mark in entry.marks:
            for pname, ps, pe in reading.note_parents.get(mark, []):
                if any(name_key(pname) == name_key(n) for n in parent_names):
                    continue  # the note names the list's owner
                nev = ctx.evidence(part, ps, pe, "rule:exhibit21-footnote", 0.8)
                pkey = reg.add("Company", display_company(pname), nev)
                if pkey not in (key, parent):
                    reg.fact(key, "subsidiary_of", pkey, nev)
