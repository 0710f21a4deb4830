"""Form kinds: group EDGAR form and exhibit types for reports.

Amendments read as their form (``8-K/A`` -> ``8-K``), exhibits by their number
(``EX-21.01`` -> ``EX-21``), the old and new names of beneficial-ownership
schedules together (``SC 13G``, ``SCHEDULE 13G/A`` -> ``SC 13G``), and
prospectus rules by family (``424B4`` -> ``424B``).
"""

from __future__ import annotations

import re

_SCHEDULE = re.compile(r"^(?:SC|SCHEDULE)\s*(13[DG])$")
_PROSPECTUS = re.compile(r"^424[A-Z]\d*$")


def form_kind(form: str | None) -> str:
    """The kind a form or exhibit type is reported under; ``unknown`` when empty."""
    kind = re.sub(r"\s+", " ", (form or "").strip().upper())
    kind = re.sub(r"/A$", "", kind)
    if kind.startswith("EX-"):
        return kind.split(".")[0]
    m = _SCHEDULE.match(kind)
    if m:
        return f"SC {m.group(1)}"
    if _PROSPECTUS.match(kind):
        return "424B" if kind.startswith("424B") else kind
    return kind or "unknown"
