"""Run the evaluation: build each gold document alone, read its facts view, score it.

Going through the RDF graph and the shipped facts query (not the extraction
objects) means the score measures what users actually get out of the graph.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from fnmatch import fnmatch
from pathlib import Path

from graph.config import Settings
from graph.errors import EvaluationError
from graph.evaluate.gold import GoldDocument, load_gold_dir
from graph.evaluate.report import Report, aggregate
from graph.evaluate.score import DocumentScore, score_document
from graph.log import get_logger

log = get_logger("evaluate")

#: ``progress(done, total)``: called after each gold document is scored (a full run takes tens of seconds).
Progress = Callable[[int, int], None]


def predicted_rows(path: Path, settings: Settings) -> tuple[list[dict[str, str]], list[dict[str, str]], list[str]]:
    """Facts and entities of one document, as the facts view prints them, plus failures."""
    from graph.pipeline import extract_paths, to_dataset
    from graph.query.facts import fact_rows

    result = extract_paths([path], settings)
    failures = [str(f) for f in result.failures]
    if not result.extractions:
        return [], [], failures
    rows = fact_rows(to_dataset(result.extractions))
    facts = [
        {k: v for k, v in r.items() if k != "source"} for r in rows if r["relation"] != "type"
    ]
    entities = [{"name": r["subject"], "type": r["object"]} for r in rows if r["relation"] == "type"]
    return facts, entities, failures


def evaluate_documents(golds: list[GoldDocument], filings: Path, settings: Settings | None = None,
                       progress: Progress | None = None) -> tuple[Report, list[str]]:
    """Score each gold document against a build of its filing; ``progress`` hears of each one done."""
    settings = settings or Settings()
    scores: list[DocumentScore] = []
    failures: list[str] = []
    for done, gold in enumerate(golds, 1):
        path = filings / gold.document
        if not path.is_file():
            failures.append(f"{path}: named by {gold.path} but not found")
        else:
            facts, entities, errs = predicted_rows(path, settings)
            failures.extend(errs)
            scores.append(score_document(gold, facts, entities))
        if progress:
            progress(done, len(golds))
    return aggregate(scores), failures


def evaluate_dir(
    gold_dir: Path,
    filings: Path,
    settings: Settings | None = None,
    *,
    only: Sequence[str] = (),
    exclude: Sequence[str] = (),
    split: str | None = None,
    progress: Progress | None = None,
) -> tuple[Report, list[str]]:
    """Score the ``*.yaml`` gold files in ``gold_dir`` against builds of their filings.

    ``only``/``exclude`` are globs over document file names; ``split`` ("tune" or
    "check") keeps one half of the development split in ``gold_dir/splits.toml``,
    so rules are tuned on one part and checked on a part not looked at.
    """
    golds = load_gold_dir(gold_dir)
    if split is not None:
        held_out = load_split(gold_dir)
        golds = [g for g in golds if (g.document in held_out) == (split == "check")]
    if only:
        golds = [g for g in golds if any(fnmatch(g.document, pat) for pat in only)]
    golds = [g for g in golds if not any(fnmatch(g.document, pat) for pat in exclude)]
    if not golds:
        raise EvaluationError(f"no gold documents left to score in {gold_dir}")
    return evaluate_documents(golds, filings, settings, progress)


def load_split(gold_dir: Path) -> set[str]:
    """Documents of the held-out ("check") half named in ``gold_dir/splits.toml``."""
    path = gold_dir / "splits.toml"
    if not path.is_file():
        raise EvaluationError(f"{path} not found: --split needs a splits.toml with a 'check' list")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise EvaluationError(f"{path}: {exc}") from exc
    return set(data.get("check", {}).get("documents", []))
