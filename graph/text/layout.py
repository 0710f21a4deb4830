"""Shared thresholds for what counts as a layout line rather than running prose.

``html_to_text`` and ``reflow`` must agree on them: HTML blocks whose line is at
least :data:`SHORT_LINE` long are followed by a blank line, so ``reflow`` (which
joins such long lines to the next one when they look hard-wrapped) never merges
two HTML paragraphs, while hard-wrapped plain text still gets joined.
"""

from __future__ import annotations

import re

from graph.source.render.builder import SHORT_LINE  # noqa: F401 - shared with the HTML renderer

_GAP = re.compile(r"(?<=\S) +(?=\S)")
_LIST_START = re.compile(r"^\s*(?:\(?[0-9ivxIVX]{1,4}[.)]|\([a-zA-Z]\)|[a-z][.)]|[\u2022\u00b7*\-])\s")


def is_layout_line(line: str) -> bool:
    """True for table rows and column layouts, which must stay lines of their own.

    Justified prose has many gaps of two or three spaces; columns have few,
    wide gaps. So: a `` | `` cell separator (or several ``|``), a rule line
    without letters or digits, any gap of 5+ spaces, or a gap of 3+ spaces on
    a line with few words.
    """
    if " | " in line or line.count("|") >= 2:
        return True
    if not any(ch.isalnum() for ch in line):
        return True  # rules and separators: "-----", "_____", "=====", "* * *"
    gaps = [len(m.group()) for m in _GAP.finditer(line.strip())]
    if not gaps:
        return False
    widest = max(gaps)
    return widest >= 5 or (widest >= 3 and len(gaps) < 5)


def starts_list_item(line: str) -> bool:
    """True when a line opens an enumerated or bulleted item: "(a) ...", "1. ...", "• ..."."""
    return bool(_LIST_START.match(line))
