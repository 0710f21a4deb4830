"""The numbers README.md quotes from the sample build, produced in one place.

    .venv/bin/python benchmarks/readme_numbers.py           # print the blocks the README should hold
    .venv/bin/python benchmarks/readme_numbers.py --write   # and put them into README.md

Builds ``data/filings`` exactly as ``make run`` does (the ``build`` command), then
renders each README block that quotes that build: the build summary, and the output
of each example query shown as a table. ``tests/test_readme_numbers.py`` runs the
same code and fails when README.md and a fresh build disagree.

A block is found in README.md by the sentence before it: ``make run`` prints a
summary like:`` for the summary; for an example query, the command in backticks
(``filing-kg query NAME --store out/store --param k='v'``) followed by a fenced table,
whose header names the columns shown (the README may leave IRI columns out).
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FILINGS = ROOT / "data" / "filings"

#: Relations listed in the README's summary before "...": the line stays readable.
SHOWN_RELATIONS = 6

_SUMMARY_INTRO = "`make run` prints a summary like:\n\n```\n"
_QUERY = re.compile(r"`filing-kg query (?P<args>[^`]+)`(?P<between>(?:(?!```|`filing-kg).){0,600}?)```\n(?P<table>.*?)\n```", re.S)


@dataclass
class Block:
    """One quoted block of README.md: where it is and what a fresh build says it should be."""

    what: str
    start: int
    end: int
    expected: str

    def current(self, text: str) -> str:
        return text[self.start:self.end]


def build_sample(out: Path, filings: Path = FILINGS) -> str:
    """Run ``filing-kg build FILINGS --out OUT`` and return its summary (stdout), OUT written as ``out``."""
    from click.testing import CliRunner

    from graph.cli import main

    res = CliRunner().invoke(main, ["build", str(filings), "--out", str(out)])
    if res.exit_code != 0:
        raise RuntimeError(f"sample build failed ({res.exit_code}): {res.output}")
    return res.stdout.replace(str(out), "out")


def summary_block(build_output: str) -> str:
    """The summary as README shows it: the relations line cut after the most frequent few."""
    lines = []
    for line in build_output.strip().splitlines():
        if line.startswith("relations: "):
            parts = line[len("relations: "):].split(", ")
            if len(parts) > SHOWN_RELATIONS:
                line = "relations: " + ", ".join(parts[:SHOWN_RELATIONS]) + ", ..."
        lines.append(line)
    return "\n".join(lines)


def query_block(store: Path, args: str, columns: list[str], footer: list[str]) -> str:
    """The table ``filing-kg query ARGS`` prints, with only ``columns``, plus the README's footer lines."""
    from click.testing import CliRunner

    from graph.cli import main

    argv = shlex.split(args)
    argv = [str(store) if prev == "--store" else a for prev, a in zip([""] + argv, argv)]
    res = CliRunner().invoke(main, ["query", *argv, "--format", "csv"])
    if res.exit_code != 0:
        raise RuntimeError(f"filing-kg query {args}: {res.output}")
    import csv
    import io

    from rdflib import Literal

    from graph.query.table import render_table

    rows = [{k: Literal(v) for k, v in r.items() if v and k in columns} for r in csv.DictReader(io.StringIO(res.stdout))]
    table = "\n".join(line.rstrip() for line in render_table(rows, columns=columns).splitlines())
    return "\n".join([table, *footer])


def readme_blocks(text: str, out: Path) -> list[Block]:
    """Each block of README ``text`` that quotes the sample build in ``out``, with its expected text."""
    blocks: list[Block] = []
    start = text.find(_SUMMARY_INTRO)
    if start < 0:
        raise RuntimeError("README.md: no build summary block (`make run` prints a summary like:)")
    start += len(_SUMMARY_INTRO)
    end = text.index("\n```", start)
    blocks.append(Block("build summary", start, end, summary_block(build_sample(out))))
    for m in _QUERY.finditer(text):
        lines = m["table"].splitlines()
        if len(lines) < 2 or not set(lines[1]) <= {"-", " "}:
            continue  # a code block that is not a result table
        columns = lines[0].split()
        rows_line = next(i for i, line in enumerate(lines) if re.fullmatch(r"\(\d+ rows?\)|\(no results\)", line))
        expected = query_block(out / "store", m["args"], columns, lines[rows_line + 1:])
        blocks.append(Block(f"filing-kg query {m['args']}", m.start("table"), m.end("table"), expected))
    return blocks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="Replace the blocks in README.md.")
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        blocks = readme_blocks(text, Path(tmp) / "out")
    for b in blocks:
        state = "up to date" if b.current(text) == b.expected else "DIFFERS"
        print(f"== {b.what}: {state}\n{b.expected}\n")
    if args.write:
        for b in sorted(blocks, key=lambda b: -b.start):
            text = text[:b.start] + b.expected + text[b.end:]
        README.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
