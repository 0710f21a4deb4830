"""docs/extraction.md lists every extraction step, in the shipped order."""

from __future__ import annotations

import re
from pathlib import Path

from graph.mentions.rules import FINISH, PREPARE

DOC = Path(__file__).resolve().parents[2] / "docs" / "extraction.md"


def test_every_step_is_documented_in_order() -> None:
    listed = re.findall(r"^\| `([a-z0-9-]+)` \|", DOC.read_text(encoding="utf-8"), re.M)
    assert listed == PREPARE + FINISH, "regenerate the step tables of docs/extraction.md"
