"""The click side of fetching: shared EDGAR options, the ``fetch`` command's work, and fetch-then-build.

Kept here, not in :mod:`graph.cli`, so the CLI module only gains a few lines:
``@edgar_options()`` on the ``fetch`` command and ``@fetch_first`` on
``build``. Everything here prints; the library modules only log.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

import click

from graph.fetch.config import FetchSettings
from graph.fetch.errors import FetchError
from graph.fetch.fetch import FULL, Fetcher, FetchQuery, FetchReport
from graph.progress import StepBar


@dataclass
class EdgarArgs:
    """The EDGAR options of one command line, bundled so commands take a single parameter."""

    cik: str | None = None
    ticker: str | None = None
    forms: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    amendments: bool = False
    documents: str = FULL
    limit: int | None = None
    to: Path | None = None
    user_agent: str | None = None
    offline: bool = False
    cache_dir: Path | None = None
    data_url: str | None = None
    archives_url: str | None = None
    rate: float | None = None
    dry_run: bool = False

    @property
    def wanted(self) -> bool:
        return bool(self.cik or self.ticker)

    def settings(self) -> FetchSettings:
        overrides: dict[str, Any] = {
            k: v
            for k, v in {
                "user_agent": self.user_agent,
                "cache_dir": self.cache_dir,
                "data_url": self.data_url,
                "archives_url": self.archives_url,
                "rate": self.rate,
            }.items()
            if v is not None
        }
        return FetchSettings(offline=self.offline, **overrides)

    def query(self, to: Path | None) -> FetchQuery:
        if self.cik and self.ticker:
            raise click.UsageError("give --cik or --ticker, not both")
        return FetchQuery(
            cik=self.cik,
            ticker=self.ticker,
            forms=self.forms,
            since=self.since.date() if self.since else None,
            until=self.until.date() if self.until else None,
            amendments=self.amendments,
            documents=self.documents,
            to=to,
            limit=self.limit,
        )


_NAMES = {f.name for f in fields(EdgarArgs)}
_DATE = click.DateTime(formats=["%Y-%m-%d"])


def edgar_options(to_required: bool = False, to_help: str = "Folder for the fetched filings (<DIR>/<cik>/...).", dry_run: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add the EDGAR options to a command and hand them to it as one ``edgar: EdgarArgs`` parameter."""
    options = [
        click.option("--cik", metavar="CIK", help="Company by SEC Central Index Key, e.g. 320193."),
        click.option("--ticker", metavar="SYMBOL", help="Company by ticker, via EDGAR's company tickers file, e.g. AAPL."),
        click.option("--forms", metavar="LIST", help="Comma-separated form types, matched exactly, e.g. 8-K,10-K,3,4,D."),
        click.option("--amendments", is_flag=True, help="Also take the /A amendments of those forms."),
        click.option("--since", type=_DATE, metavar="YYYY-MM-DD", help="Filed on or after this date."),
        click.option("--until", type=_DATE, metavar="YYYY-MM-DD", help="Filed on or before this date."),
        click.option("--documents", default=FULL, show_default=True, metavar="WHAT", help="full (complete submission), primary, and/or name patterns from the filing index, comma-separated, e.g. 'primary,*ex21*'."),
        click.option("--limit", type=click.IntRange(min=1), metavar="N", help="Only the newest N matching filings."),
        click.option("--to", type=click.Path(file_okay=False, path_type=Path), required=to_required, help=to_help),
        click.option("--user-agent", metavar="TEXT", help='Name and contact e-mail sent to the SEC (default: $FILING_KG_USER_AGENT), e.g. "Jane Doe jane@example.com".'),
        click.option("--offline", is_flag=True, help="Use only the cache; no network."),
        click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), help="Cache folder (default: $FILING_KG_CACHE_DIR or ~/.cache/filing-kg/edgar)."),
        click.option("--data-url", metavar="URL", help="Base of the submissions API (default: $FILING_KG_EDGAR_DATA_URL or https://data.sec.gov)."),
        click.option("--archives-url", metavar="URL", help="Base of /Archives and /files (default: $FILING_KG_EDGAR_ARCHIVES_URL or https://www.sec.gov)."),
        click.option("--rate", type=click.FloatRange(min=0, min_open=True, max=10), metavar="N", help="Requests per second, at most 10 (SEC fair access)."),
    ]
    if dry_run:
        options.append(click.option("--dry-run", is_flag=True, help="List the matching filings; download nothing."))

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            edgar = EdgarArgs(**{k: kwargs.pop(k) for k in list(kwargs) if k in _NAMES})
            return fn(*args, edgar=edgar, **kwargs)

        for opt in reversed(options):
            wrapper = opt(wrapper)
        return wrapper

    return decorate


def run_fetch(edgar: EdgarArgs, to: Path | None, dry_run: bool = False) -> FetchReport:
    """Run the query with a progress bar; report each failed filing on one ``error:`` line (stderr)."""
    fetcher = Fetcher(edgar.settings())
    with StepBar("fetching") as bar:
        report = fetcher.run(edgar.query(to), progress=bar, dry_run=dry_run)
    for r in report.failures:
        click.echo(f"error: {r.filing.accession}: {r.error}", err=True)
    return report


def echo_report(report: FetchReport, dry_run: bool = False) -> None:
    """One line per filing, then a summary."""
    for r in report.results:
        f = r.filing
        where = r.error if r.status in ("failed", "empty") else ", ".join(str(p) for p in r.paths) or f.primary_document
        click.echo(f"{f.accession}  {f.filing_date}  {f.form:<8} {r.status:<10} {where}")
    click.echo(f"company:   {report.company or '?'} (CIK {report.cik})")
    if dry_run:
        click.echo(f"filings:   {len(report.results)} matched (dry run, nothing downloaded)")
    else:
        click.echo(
            f"filings:   {len(report.results)} matched: {report.count('downloaded')} downloaded, "
            f"{report.count('cached')} cached, {report.count('empty')} without matching documents, {len(report.failures)} failed"
        )
    click.echo(f"requests:  {report.requests}")
    if report.to and not dry_run:
        click.echo(f"folder:    {report.to}")


def run_fetch_command(edgar: EdgarArgs) -> int:
    """The ``fetch`` command: exit status 1 when a filing failed."""
    if not edgar.wanted:
        raise click.UsageError("give --cik or --ticker")
    report = run_fetch(edgar, edgar.to, dry_run=edgar.dry_run)
    echo_report(report, dry_run=edgar.dry_run)
    return 1 if report.failures else 0


def fetch_first(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Give a ``SOURCES...`` command the EDGAR options: with ``--cik``/``--ticker`` it fetches, then runs on what it fetched.

    The fetched files are added to SOURCES, so the command's own logic runs
    unchanged. Without ``--to`` they go to ``<--out>/filings``. A filing that
    failed to download makes the exit status 1, like a file that failed to build.
    """

    @edgar_options(to_help="Folder for the fetched filings (default: <out>/filings).")
    @functools.wraps(fn)
    def wrapper(*args: Any, edgar: EdgarArgs, **kwargs: Any) -> Any:
        sources = tuple(kwargs.get("sources") or ())
        if not edgar.wanted:
            if not sources:
                raise click.UsageError("give SOURCES, or --cik/--ticker to fetch them from EDGAR")
            return fn(*args, **kwargs)
        to = edgar.to or Path(kwargs.get("out") or "out") / "filings"
        report = run_fetch(edgar, to)
        fetched = report.paths
        click.echo(
            f"fetched:   {len(fetched)} files of {len(report.results)} filings "
            f"({report.count('downloaded')} downloaded, {report.count('cached')} cached, {len(report.failures)} failed) into {to}"
        )
        if not fetched and not sources:
            raise FetchError(f"nothing to build: no filing of CIK {report.cik} matched (or all failed)")
        kwargs["sources"] = sources + tuple(str(p) for p in fetched)
        try:
            result = fn(*args, **kwargs)
        except SystemExit as exc:
            if report.failures and not exc.code:
                sys.exit(1)
            raise
        if report.failures:
            sys.exit(1)
        return result

    return wrapper
