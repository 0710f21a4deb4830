"""Which text of a view gets the statistical parse, and which is only tokenised.

NER and the parser are most of a build's time, yet most of a filing holds no
fact of the kinds the graph keeps, or holds it in a layout read by structure
(cover pages, form boxes, tables, signature blocks: those rules read the
layout view, never the parse). The FINISH rules read the parse only through
``doc.ents`` (people, companies, agencies), ``doc.sents`` (sentence rules),
``tag_`` (person clean-up, role verbs) and ``dep_`` (role appositions,
subjects of "acts as agent"). So a view is cut into *units* (a line of the
reflowed text, or a sentence of a paragraph) and a unit is parsed when it
can hold such a fact:

* it has a run of two capitalised words (a name, not "The Company") or a trigger word of a rule
  (roles and appointments, securities, prices and percentages, parties,
  agents, counsel, trustees, acquisitions, subsidiaries, incorporation);
* and it is not a table row of figures (financial statements, rate tables);
* and it is not in the body of a long agreement-like exhibit (contracts,
  indentures, charters, plans) past its opening, where the parties, their
  agents and the deal are named; the signature pages are read by structure.

Everything else is *filler*: tokenised only, one flat sentence per unit, no
entities, so every offset into the view and every Doc-based rule still work.

A parsed unit gets the *full* set of components (tagger, parser, NER) only if
it holds a trigger word of a rule that reads ``dep_`` or the role verbs'
``tag_`` (people's roles and appointments, agents, counsel, trustees,
underwriters). The others hold names, securities or deal words read by regular
expressions over ``doc.ents``: they get ``ner`` alone (its own tok2vec, about
two thirds of the parse) and cheap sentences (:func:`sentence_starts`).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, NamedTuple, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from graph.mentions.context import PartView

#: agreement-like exhibits: their body past the opening is legal boilerplate
LONG_EXHIBITS = re.compile(r"EX-(?:1|2|3|4|10)(?:\b|\.)", re.I)
#: characters of an agreement-like exhibit part read with the parse (parties, recitals, first sections)
OPENING_CHARS = 12_000
#: lines (reflowed paragraphs) longer than this are cut into sentences and selected sentence by sentence
LONG_LINE = 300

#: capitalised only because they start a sentence: "The Company", "In March", "Each Lender" name nothing
_STARTERS = r"(?:The|This|That|These|Those|Such|Each|Any|All|No|In|On|At|As|For|If|Our|Its|Their|Under|Upon|During|After|Before|With|By|From|To|Although|When|While)\b"
_NAME_PAIR = re.compile(r"\b(?!" + _STARTERS + r")[A-Z][\w'’&.-]*,?[ \t]+(?:(?:of|and|&|de|van|von)[ \t]+)?[A-Z][\w'’&.-]*")

_TRIGGER = re.compile(
    r"[$%§]|/s/|\b(?:Mr|Mrs|Ms|Dr)\.|"
    r"\b(?:president|officer|director|chair\w*|secretary|treasurer|controller|counsel|partner|"
    r"appoint\w*|elect\w*|resign\w*|retir\w*|named|hired|employ\w*|succe\w*|terminat\w*|"
    r"shares?|stock|notes?|debentures?|bonds?|warrants?|units?|securities|offering|underwrit\w*|"
    r"placement|agent|trustee|registrar|purchaser|investors?|lenders?|borrower|"
    r"acqui\w*|merg\w*|subsidiar\w*|incorporat\w*|organi[sz]ed|parent|owned|holders?|"
    r"symbol|exchange|nasdaq|nyse|auditors?|accountants?|commission)\b",
    re.I,
)
#: words of the rules that read the dependency parse: role titles and role verbs (graph.mentions.roles),
#: agents, counsel and trustees as subjects (graph.mentions.parties)
_DEP_TRIGGER = re.compile(
    r"/s/|\b(?:Mr|Mrs|Ms|Dr)\.|"
    r"\b(?:president|officer|director|chair\w*|secretary|treasurer|controller|comptroller|counsel|ceo|cfo|coo|member|"
    r"(?:re-?)?(?:appoint|nam|elect|promot|serv|resign|retir|succeed|becam|becom|join|hir|assum|designat|select|act)"
    r"(?:e|es|ed|ing|s)?|agents?|trustees?|registrar|underwrit\w*|bookrunners?|managers?|advis[eo]rs?|"
    r"auditors?|accountants?|relates|offered|(?:stock|share)holders?)\b",  # "This Prospectus relates to N shares ... offered by": the deal reader's subject and object
    re.I,
)
#: a sentence end for NER-only text: a lower-case word of two letters or more (or a closing bracket or quote),
#: its stop, then a capital ("J. P. Morgan" is not cut, "(the \"Notes\"). The" is)
_PLAIN_END = re.compile(r"(?<=[a-z)\]\"'”’]{2}[.!?])[\"')\]]?\s+(?=[\"(\[]?[A-Z0-9])")
_NER_SENTENCE = re.compile(r"\n|" + _PLAIN_END.pattern)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s+(?=[\"(\[]?[A-Z0-9])")
#: words before a full stop that do not end a sentence: initials ("Greg B. Spear") and the abbreviations of
#: names and titles; a unit cut there would hand the two halves of one name to separate parses
_NOT_AN_END = re.compile(r"(?:^|[\s(“\"])(?:[A-Z]|Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|Jr|Sr|St|No|Nos|Messrs|Hon|Gen|Lt|Col|Esq|U\.S|[A-Z]\.[A-Z])$")
_DIGIT = re.compile(r"\d")
_NONSPACE = re.compile(r"\S")


class Region(NamedTuple):
    """Consecutive text of a view: ``parse`` says whether it gets NER and the parser.

    ``units`` are the starts of its sentences for the filler Doc (view offsets).
    """

    start: int
    end: int
    parse: bool
    units: tuple[int, ...]
    full: bool = True  # tagger and parser too (a parsed region); False: NER alone


def units(text: str) -> list[tuple[int, int]]:
    """Lines of ``text`` with their line end; a line over :data:`LONG_LINE` cut at sentence ends."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n:
        nl = text.find("\n", start)
        end = n if nl < 0 else nl + 1
        if end - start > LONG_LINE:
            s = start
            for m in _SENTENCE_END.finditer(text, start, end):
                if m.end() - s >= 40 and not _NOT_AN_END.search(text, max(s, m.start() - 12), m.start()):
                    out.append((s, m.end()))
                    s = m.end()
            if s < end:
                out.append((s, end))
        else:
            out.append((start, end))
        start = end
    return out


def is_figures(line: str) -> bool:
    """A table row of figures: digits are over a quarter of its visible characters."""
    visible = len(_NONSPACE.findall(line))
    return visible >= 8 and len(_DIGIT.findall(line)) * 4 > visible


def needs_parse(line: str) -> bool:
    """Whether a unit can hold a fact a rule reads from the parse."""
    if not any(c.isalpha() for c in line) or is_figures(line):
        return False
    return bool(_NAME_PAIR.search(line) or _TRIGGER.search(line))


def needs_full(line: str) -> bool:
    """Whether a parsed unit holds a trigger word of a rule that reads the dependency parse or tags."""
    return bool(_DEP_TRIGGER.search(line))


def sentence_starts(text: str) -> list[int]:
    """Cheap sentence starts for NER-only text: every line, and plain sentence ends within a line."""
    out = [0]
    for m in _NER_SENTENCE.finditer(text):
        if m.end() < len(text) and m.end() > out[-1]:
            out.append(m.end())
    return out


#: a gap this short between parsed text (blank lines, rules, a dateline) is parsed with it
GAP_CHARS = 120
#: NER-only text this short next to fully parsed text joins it: names in signature blocks and short
#: lines ("By: /s/ Jane Doe", "Jane Doe", "Chief Executive Officer") need their neighbours as context
CONTEXT_CHARS = 400


def _runs(spans: list[tuple[int, int]], kinds: list[tuple[bool, bool]]) -> list[list]:
    """Consecutive units of one kind: ``[kind, first unit, last unit + 1, characters]``."""
    out: list[list] = []
    for i, ((s, e), kind) in enumerate(zip(spans, kinds)):
        if out and out[-1][0] == kind:
            out[-1][2] = i + 1
            out[-1][3] += e - s
        else:
            out.append([kind, i, i + 1, e - s])
    return out


def _smooth(spans: list[tuple[int, int]], kinds: list[tuple[bool, bool]]) -> list[tuple[bool, bool]]:
    """Join short gaps and short NER-only stretches to the parsed text around them (see the constants)."""
    kinds = list(kinds)
    runs = _runs(spans, kinds)
    for j, (kind, a, b, chars) in enumerate(runs):
        if kind[0] or chars > GAP_CHARS or j == 0 or j == len(runs) - 1:
            continue
        before, after = runs[j - 1][0], runs[j + 1][0]
        if before[0] and after[0]:
            kinds[a:b] = [(True, before[1] or after[1])] * (b - a)
    runs = _runs(spans, kinds)
    for j, (kind, a, b, chars) in enumerate(runs):
        if not kind[0] or kind[1] or chars > CONTEXT_CHARS:
            continue
        near = [runs[k][0] for k in (j - 1, j + 1) if 0 <= k < len(runs)]
        if any(parse and full for parse, full in near):
            kinds[a:b] = [(True, True)] * (b - a)
    return kinds


def regions(text: str, doc_type: str | None = None, offset: int = 0) -> list[Region]:
    """Consecutive regions covering ``text`` exactly, each parsed (fully or NER only) or filler.

    ``offset`` is where ``text`` starts in its document part (a long part is
    read in several views), for the opening of agreement-like exhibits.
    """
    boilerplate = bool(doc_type and LONG_EXHIBITS.match(doc_type.strip()))
    spans = units(text)
    kinds: list[tuple[bool, bool]] = []
    for s, e in spans:
        parse = needs_parse(text[s:e]) and not (boilerplate and offset + s >= OPENING_CHARS)
        kinds.append((parse, parse and needs_full(text[s:e])))
    kinds = _smooth(spans, kinds)
    out: list[Region] = []
    for (parse, full), a, b, _ in _runs(spans, kinds):
        end = spans[b][0] if b < len(spans) else len(text)
        out.append(Region(spans[a][0], end, parse, tuple(s for s, _ in spans[a:b]), full))
    return out or [Region(0, len(text), False, (0,))]


def parsed_share(text: str, doc_type: str | None = None) -> float:
    """The share of ``text``'s characters that get the statistical parse (for benchmarks and docs)."""
    if not text:
        return 0.0
    return sum(r.end - r.start for r in regions(text, doc_type) if r.parse) / len(text)


#: characters of one document that get a Doc at all; views past it are read by structure only, so a
#: 50 MB one-line text is read in bounded memory (its opening still gets the parse)
DOCUMENT_NLP_CHARS = 1_000_000


def view_scopes(views: Sequence["PartView"]) -> list[list[Region]]:
    """The regions of each view of one document, in order; ``[]``: the view gets no Doc.

    A view's offset in its part (long parts are read in several views) decides
    the opening of agreement-like exhibits; views past
    :data:`DOCUMENT_NLP_CHARS` of the document's text get no Doc.
    """
    out: list[list[Region]] = []
    part_offset: dict[int, int] = {}
    seen = 0
    for view in views:
        text = view.flow.text
        offset = part_offset.get(view.part_index, 0)
        part_offset[view.part_index] = offset + len(text)
        if not view.nlp or seen >= DOCUMENT_NLP_CHARS:
            out.append([])
            continue
        seen += len(text)
        if os.environ.get("FILING_KG_PARSE_ALL"):  # the benchmark's reference: every view parsed whole
            out.append([Region(0, len(text), True, (0,))])
        else:
            out.append(regions(text, view.doc_type, offset))
    return out
