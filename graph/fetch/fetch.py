"""Orchestration: company -> listing -> filtered filings -> cached downloads -> a build-ready folder.

The output folder holds only filings (``<DIR>/<cik>/<accession>.txt`` for
full submissions, ``<DIR>/<cik>/<accession>_<document>`` for chosen
documents), so ``filing-kg build DIR`` reads it as it is; every file name is
unique because it carries the accession number, and file names are the
graph's document ids. Files are hard links to the cache where the file
system allows (copies otherwise), placed atomically.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable

from graph.fetch.cache import FilingCache, check_accession, safe_name
from graph.fetch.client import EdgarClient
from graph.fetch.config import FetchSettings
from graph.fetch.errors import FetchError, OfflineError, UserAgentError
from graph.fetch.listing import Filing, FilingFilter, Listing, list_filings, normalize_cik
from graph.fetch.shapes import expect_list, expect_object
from graph.fetch.tickers import TickerMap
from graph.log import get_logger

log = get_logger("fetch")

FULL = "full"
PRIMARY = "primary"


@dataclass(frozen=True)
class DocumentChoice:
    """What to download per filing: the full submission, the primary document, and/or documents by name pattern.

    Patterns (``*ex21*``, ``*.xml``) are matched, case-insensitively, against
    the names in the filing folder's ``index.json``.
    """

    full: bool = True
    primary: bool = False
    patterns: tuple[str, ...] = ()

    @classmethod
    def parse(cls, spec: str | None) -> "DocumentChoice":
        parts = [p.strip() for p in (spec or FULL).split(",") if p.strip()]
        if not parts:
            parts = [FULL]
        lowered = [p.lower() for p in parts]
        patterns = tuple(p for p, low in zip(parts, lowered) if low not in (FULL, PRIMARY))
        return cls(FULL in lowered, PRIMARY in lowered, patterns)


@dataclass
class FetchQuery:
    """One fetch: a company (CIK or ticker), the filter, what to download and where to put it."""

    cik: int | str | None = None
    ticker: str | None = None
    forms: Iterable[str] | str | None = None
    since: str | date | None = None
    until: str | date | None = None
    amendments: bool = False
    documents: str = FULL
    to: Path | None = None
    #: Keep only the newest N matching filings.
    limit: int | None = None


@dataclass
class FilingResult:
    """What happened to one filing: ``downloaded``, ``cached`` (no request), ``empty`` (no document matched) or ``failed``."""

    filing: Filing
    status: str
    paths: list[Path] = field(default_factory=list)
    error: str = ""


@dataclass
class FetchReport:
    cik: int
    company: str
    listed: int
    results: list[FilingResult]
    requests: int
    to: Path | None = None

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failures(self) -> list[FilingResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def paths(self) -> list[Path]:
        return [p for r in self.results for p in r.paths]


#: Called after each filing with (done, total, result); always on the calling thread.
Progress = Callable[[int, int, FilingResult], None]


class Fetcher:
    """Fetches filings through the cache; opens connections only when the cache cannot answer and not offline."""

    def __init__(self, settings: FetchSettings | None = None, client: EdgarClient | None = None) -> None:
        self.settings = settings or FetchSettings()
        self.cache = FilingCache(self.settings.cache_dir)
        self._client = client

    @property
    def client(self) -> EdgarClient:
        """The HTTP client, made on first use so that offline runs need no User-Agent."""
        if self.settings.offline:
            raise OfflineError("offline: no network access allowed")
        if self._client is None:
            self._client = EdgarClient(self.settings)
        return self._client

    @property
    def requests(self) -> int:
        return self._client.requests if self._client else 0

    # -- company and listing ------------------------------------------------

    def tickers(self) -> TickerMap:
        fetch_json = None if self.settings.offline else (lambda url: self.client.get_json(url))
        return TickerMap(self.cache, fetch_json, self.settings.archives_url, self.settings.tickers_ttl)

    def resolve_cik(self, cik: int | str | None = None, ticker: str | None = None) -> int:
        if (cik is None) == (ticker is None):
            raise FetchError("give exactly one of a CIK or a ticker")
        return normalize_cik(cik) if cik is not None else self.tickers().cik(str(ticker))

    def _submissions(self, name: str) -> Any:
        """One submissions JSON file: from EDGAR (and kept for --offline), or from the cache when offline."""
        relative = f"submissions/{name}"
        if self.settings.offline:
            data = self.cache.read_json(relative)
            if data is None:
                raise OfflineError(f"offline and {name} is not cached: run once online first")
            return data
        data = self.client.get_json(f"{self.settings.data_url}/submissions/{name}")
        self.cache.write_json(relative, data)
        return data

    def listing(self, cik: int | str, flt: FilingFilter | None = None) -> Listing:
        return list_filings(self._submissions, cik, flt)

    # -- one filing -------------------------------------------------------------

    def _index_names(self, filing: Filing) -> list[str]:
        """File names in the filing folder, from its ``index.json`` (cached next to the documents)."""
        relative = f"filings/{filing.accession}/index.json"
        data = self.cache.read_json(relative)
        if data is None:
            if self.settings.offline:
                raise OfflineError(f"offline and the index of {filing.accession} is not cached")
            data = self.client.get_json(self.settings.archives_url + filing.index_path())
            self.cache.write_json(relative, data)
        where = "index.json"
        directory = expect_object(expect_object(data, where).get("directory"), f"{where} directory")
        items = expect_list(directory.get("item"), f"{where} directory.item")
        return [str(i.get("name", "")) for i in items if isinstance(i, dict) and i.get("type") != "folder.gif"]

    def _wanted(self, filing: Filing, choice: DocumentChoice) -> list[tuple[str, str, str]]:
        """(cache name, output name, URL path) of each document to get for ``filing``."""
        check_accession(filing.accession)  # it names cache folders and URLs: never ``../``
        full = (f"{filing.accession}.txt", f"{filing.accession}.txt", filing.full_submission_path())
        out: list[tuple[str, str, str]] = []
        if choice.full:
            out.append(full)
        if choice.primary:
            name = filing.raw_primary_document()
            if name and name != full[0]:
                if safe_name(name, filing.accession):
                    out.append((name, f"{filing.accession}_{name}", f"{filing.folder_path()}/{name}"))
            elif not choice.full:
                log.info("%s lists no primary document; taking the full submission", filing.accession)
                out.append(full)
        if choice.patterns:
            for name in self._index_names(filing):
                if any(fnmatch.fnmatch(name.lower(), p.lower()) for p in choice.patterns) and name not in {o[0] for o in out}:
                    if safe_name(name, filing.accession):
                        out.append((name, name if name == full[0] else f"{filing.accession}_{name}", f"{filing.folder_path()}/{name}"))
        return out

    def fetch_filing(self, filing: Filing, choice: DocumentChoice, to: Path | None = None) -> FilingResult:
        """Get the chosen documents of one filing into the cache (and ``to``); never raises for this filing alone."""
        try:
            wanted = self._wanted(filing, choice)
            if not wanted:
                return FilingResult(filing, "empty", error=f"no (safe) document matches {', '.join(choice.patterns) or 'primary'}")
            downloaded = False
            paths = []
            info = {"cik": filing.cik, "form": filing.form, "filing_date": filing.filing_date.isoformat(), "company": filing.company}
            for name, out_name, url_path in wanted:
                cached = self.cache.cached(filing.accession, name)
                if cached is None:
                    if self.settings.offline:
                        raise OfflineError(f"offline and {filing.accession}/{name} is not cached")
                    url = self.settings.archives_url + url_path
                    self.client.download(url, self.cache.path(filing.accession, name))
                    self.cache.record(filing.accession, info, name, url)
                    cached = self.cache.path(filing.accession, name)
                    downloaded = True
                paths.append(place(cached, to / str(filing.cik) / out_name) if to else cached)
            return FilingResult(filing, "downloaded" if downloaded else "cached", paths)
        except UserAgentError:
            raise
        except FetchError as exc:
            log.warning("%s: %s", filing.accession, exc)
            return FilingResult(filing, "failed", error=str(exc))

    # -- the whole query -------------------------------------------------------

    def run(self, query: FetchQuery, progress: Progress | None = None, dry_run: bool = False) -> FetchReport:
        """List, filter and fetch; one filing's failure is reported, the others still come."""
        cik = self.resolve_cik(query.cik, query.ticker)
        flt = FilingFilter.build(query.forms, query.since, query.until, query.amendments)
        listing = self.listing(cik, flt)
        filings = listing.filings[: query.limit] if query.limit else listing.filings
        log.info("CIK %s (%s): %d filings match", cik, listing.company, len(filings))
        report = FetchReport(cik, listing.company, len(listing.filings), [], self.requests, query.to)
        if dry_run:
            report.results = [FilingResult(f, "listed") for f in filings]
            return report
        choice = DocumentChoice.parse(query.documents)
        results: dict[str, FilingResult] = {}
        workers = min(self.settings.workers, max(1, len(filings)))
        if workers > 1 and not self.settings.offline:
            _ = self.client  # create it once, before the threads share it
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="edgar") as pool:
                futures = {pool.submit(self.fetch_filing, f, choice, query.to): f for f in filings}
                for fut in as_completed(futures):
                    res = fut.result()
                    results[res.filing.accession] = res
                    if progress:
                        progress(len(results), len(filings), res)
        else:
            for f in filings:
                res = self.fetch_filing(f, choice, query.to)
                results[f.accession] = res
                if progress:
                    progress(len(results), len(filings), res)
        report.results = [results[f.accession] for f in filings]
        report.requests = self.requests
        return report


def place(src: Path, dest: Path) -> Path:
    """Put ``src`` at ``dest`` atomically: a hard link when possible, else a copy; skip when already identical."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        if dest.exists() and (os.path.samefile(src, dest) or dest.stat().st_size == src.stat().st_size and dest.read_bytes() == src.read_bytes()):
            return dest
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    os.unlink(tmp)
    try:
        try:
            os.link(src, tmp)
        except OSError:
            shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dest


def fetch(query: FetchQuery, settings: FetchSettings | None = None, progress: Progress | None = None) -> FetchReport:
    """Library entry point: ``fetch(FetchQuery(ticker="AAPL", forms="8-K", to=Path("filings")))``."""
    return Fetcher(settings).run(query, progress)
