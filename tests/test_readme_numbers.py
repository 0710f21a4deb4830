"""README.md quotes a build of the sample filings: a fresh build must print the same numbers.

The blocks and their expected text come from ``benchmarks/readme_numbers.py`` (one
place); after a change that moves the numbers, run it with ``--write`` and review.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT


def _numbers_module():
    name = "readme_numbers"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[name] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def blocks(tmp_path_factory):
    numbers = _numbers_module()
    text = numbers.README.read_text(encoding="utf-8")
    return text, numbers.readme_blocks(text, tmp_path_factory.mktemp("readme") / "out")


@pytest.mark.slow
def test_readme_quotes_a_fresh_sample_build(blocks):
    text, found = blocks
    assert [b.what for b in found][:1] == ["build summary"] and len(found) >= 2  # summary and an example query
    for block in found:
        assert block.current(text) == block.expected, (
            f"README.md's {block.what} block no longer matches a build of data/filings; "
            "run `.venv/bin/python benchmarks/readme_numbers.py --write` and review the diff")


def test_summary_block_cuts_the_relations_line():
    numbers = _numbers_module()
    output = ("documents: 2 built, 0 failed\nentities:  Company 3\n"
              "relations: a 9, b 8, c 7, d 6, e 5, f 4, g 3, h 2\ntriples:   40 (merged graph; 44 quads in the document graphs)\n")
    block = numbers.summary_block(output)
    assert "relations: a 9, b 8, c 7, d 6, e 5, f 4, ..." in block and "g 3" not in block
    assert block.endswith("44 quads in the document graphs)")


def test_a_changed_number_is_seen(tmp_path, monkeypatch):
    """The comparison can fail: a README whose triple count is off differs from the expected block."""
    numbers = _numbers_module()
    monkeypatch.setattr(numbers, "build_sample", lambda out, filings=None: "documents: 1 built, 0 failed\ntriples:   10\n")
    text = "`make run` prints a summary like:\n\n```\ndocuments: 1 built, 0 failed\ntriples:   11\n```\n"
    (block,) = numbers.readme_blocks(text, tmp_path)
    assert block.current(text) != block.expected
    fixed = text.replace("11", "10")
    (block,) = numbers.readme_blocks(fixed, tmp_path)
    assert block.current(fixed) == block.expected
