"""Helpers for the reliability tests: run ``filing-kg`` as a real process, snapshot a store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import FILINGS, ROOT

CORPUS = Path(__file__).resolve().parent / "corpus"
#: A small, quick sample filing (an EX-32 certification) for builds that need one good document.
GOOD = FILINGS / "000_7210d5438e3bcbbd.txt"


def cli_env(**extra: str) -> dict[str, str]:
    """The test's environment for a child ``filing-kg``, without a size-limit override unless given."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **extra}
    if "FILING_KG_MAX_FILE_MB" not in extra:
        env.pop("FILING_KG_MAX_FILE_MB", None)
    return env


def run_cli(*args: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    """``filing-kg ARGS`` in a fresh interpreter (the real entry point, real exit status)."""
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=cli_env(**env), cwd=ROOT)


def store_snapshot(store_path: Path) -> list[str]:
    """Every quad of a store as sorted N-Quads lines: equal snapshots, equal stores."""
    from graph.store import open_store

    with open_store(store_path, read_only=True) as store:
        return sorted(str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, None))
