"""Robustness and label-free coverage on a corpus of real filings without gold.

    .venv/bin/python benchmarks/bench_corpus.py                # ../shared/corpus/8-K when present, else data/filings
    .venv/bin/python benchmarks/bench_corpus.py --corpus DIR --jobs 2

Builds the corpus with ``filing-kg build`` into a temporary folder exactly as a
user would, then prints: documents built and failed (with each failure's one
line), wall time, and the coverage report of ``filing-kg stats --coverage`` —
per form kind, the share of documents with a registrant, a CIK or commission
file number, a signer and at least one officer. No answers are needed, so it
finds layouts the rules do not read (and crashes) on filings nobody annotated.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "8-K"
FALLBACK = ROOT / "data" / "filings"


def _cli() -> list[str]:
    exe = Path(sys.executable).with_name("filing-kg")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "graph.cli"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS if SHARED_CORPUS.is_dir() else FALLBACK)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    files = sorted(p for p in args.corpus.rglob("*") if p.is_file() and not p.name.endswith(".md"))
    print(f"corpus: {args.corpus} ({len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB)")
    with tempfile.TemporaryDirectory(prefix="fkg-corpus-") as tmp:
        out = Path(tmp) / "out"
        t0 = time.perf_counter()
        build = subprocess.run(
            [*_cli(), "build", str(args.corpus), "--out", str(out), "--jobs", str(args.jobs)],
            capture_output=True, text=True,
        )
        seconds = time.perf_counter() - t0
        errors = [line for line in build.stderr.splitlines() if line.startswith("error:")]
        summary = re.search(r"documents:\s+(\d+) built, (\d+) failed", build.stdout)
        built, failed = (int(summary.group(1)), int(summary.group(2))) if summary else (0, len(errors))
        print(f"build: {built} built, {failed} failed in {seconds:.0f} s (--jobs {args.jobs})")
        for line in errors:
            print(f"  {line}")
        if not (out / "store").is_dir():
            print(build.stderr[-2000:])
            return 1
        cov = subprocess.run([*_cli(), "stats", "--coverage", "--store", str(out / "store")], capture_output=True, text=True)
        print(cov.stdout.rstrip())
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
