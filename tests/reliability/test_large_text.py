"""Very large one-line texts build in bounded memory (selective parsing, a per-document NLP budget)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.reliability.conftest import cli_env
from tests.conftest import ROOT

#: the child's peak resident memory may not pass this (the model alone is about 0.3 GB)
PEAK_MB = 1_200

_CHILD = """
import json, resource, sys
from graph.config import Settings
from graph.mentions.extract import extract_document
from graph.mentions.nlp import load_nlp
from graph.source import read_source
sd = read_source(sys.argv[1])
ex = extract_document(sd, load_nlp(Settings().spacy_model))
names = sorted(e.name for e in ex.entities.values())
print(json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "names": names}))
"""

_PROSE = (
    "The parties agreed that the terms set out in this section shall apply to every later period. "
    "Nothing in this section limits any remedy available at law or in equity to either party. "
    "Each notice under this section shall be in writing and delivered by hand or by courier. "
)


def _one_line_text(path: Path, size: int) -> None:
    opening = (
        "CURRENT REPORT. Harrow Vale Industries, Inc. (the \"Company\") announced that the Board appointed "
        "Janet Q. Holloway as its Chief Financial Officer. "
    )
    body = _PROSE * (size // len(_PROSE) + 1)
    path.write_text((opening + body)[:size], encoding="utf-8")


def test_five_megabyte_one_line_text_builds_in_bounded_memory(tmp_path: Path) -> None:
    src = tmp_path / "long.txt"
    _one_line_text(src, 5_500_000)
    assert "\n" not in src.read_text(encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(src)], capture_output=True, text=True,
                          timeout=300, env=cli_env(), cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "Janet Q. Holloway" in out["names"]
    assert out["rss_mb"] < PEAK_MB, out["rss_mb"]
