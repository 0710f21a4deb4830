"""Throughput benchmark: `filing-kg build` against a bare spaCy ``nlp.pipe`` of the same model, same text.

    .venv/bin/python benchmarks/bench_throughput.py                 # the whole real corpus
    .venv/bin/python benchmarks/bench_throughput.py --docs 20 --rounds 1   # a quick check

The corpus is ``../shared/corpus/8-K`` (real 8-Ks) when it is there, else
``data/filings`` replicated under distinct names (``--corpus`` to choose);
``--docs`` takes that many documents of it (cycled if it has fewer). Each
configuration runs in its own child process (so peak RSS is its own):

* **bare nlp.pipe** -- the full pipeline of the same spaCy model (every
  component) over the clean text of every part of every document (what
  ``read_source`` gives), pinned to one core; reading is not timed. Twice:
  as spaCy ships it (thinc's BLIS matrix products: the issue's baseline), and
  like for like with the matrix products the build uses
  (``$FILING_KG_MATMUL``, numpy's BLAS by default; ``--no-like-for-like`` skips
  it), so the report separates doing less work from multiplying faster.
* **build --jobs 1** -- :func:`graph.pipeline.build_into_store` into a fresh
  on-disk store as ``filing-kg build`` runs it, pinned to one core, with
  seconds per stage from the pipeline's own timer; exports timed apart.
* **build --jobs 2** -- the same with a pool of two worker processes.
* **peak memory** -- max RSS of the --jobs 1 build at N = docs/5 and at 5N
  documents (``resource.getrusage``).
* **quality** -- micro fact and entity F1 of ``filing-kg evaluate data/gold``
  with the same code, so a speed-up that costs quality shows at once.

A shared machine's speed drifts by tens of percent within minutes, and the
passes are minutes apart. So every pass runs ``--rounds`` times (default 3),
every other round in reverse order; each ratio is taken between passes of the
same round, and the report gives the median over rounds with its range
(seconds are the median run's).

Targets (issue 17): build --jobs 1 >= 2.0x bare nlp.pipe; --jobs 2 >= 1.8x
--jobs 1; peak RSS at 5N <= 1.2x that at N (N >= 50) and < 1 GB; micro fact F1
not below 0.980. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "BLIS_NUM_THREADS": "1"}


# ---------------------------------------------------------------------- corpus and machine


REAL_CORPUS = ROOT.parent / "shared" / "corpus" / "8-K"


def make_corpus(filings: Path, docs: int, folder: Path) -> int:
    """``docs`` files of ``filings``, cycled, named ``r00042_<original name>``; returns total bytes."""
    sources = sorted(p for p in filings.iterdir() if p.is_file() and not p.name.startswith("."))
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(docs):
        src = sources[i % len(sources)]
        dst = folder / f"r{i:05d}_{src.name}"
        shutil.copyfile(src, dst)
        total += dst.stat().st_size
    return total


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        ram = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = f", load average {os.getloadavg()[0]:.2f} at start"
    return f"{os.cpu_count()} cores ({cpu}){ram}, Python {platform.python_version()}, {platform.system()}{load}"


# ---------------------------------------------------------------------- children


def _pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def child_baseline(corpus: Path, model: str, matmul: str) -> dict[str, Any]:
    """Bare nlp.pipe of the model (all components) over the clean text of every part.

    ``matmul`` ``shipped`` leaves the model's ops as spaCy loads them; otherwise
    its layers run on that backend, as the build's do.
    """
    import spacy

    from graph.mentions.nlp import use_matmul
    from graph.source import expand_sources, read_source

    _pin_one_core()
    texts = []
    for p in expand_sources([corpus]):
        texts.extend(part.text for part in read_source(p).parts if part.text.strip())
    nlp = spacy.load(model)
    if matmul != "shipped":
        use_matmul(nlp, matmul)
    nlp.max_length = max(nlp.max_length, 5_000_000)
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "chars": sum(map(len, texts)), "rss_mb": _rss_mb(resource.RUSAGE_SELF)}


def child_build(corpus: Path, model: str, jobs: int, out: Path, pin: bool) -> dict[str, Any]:
    """build_into_store as `filing-kg build` runs it, then the CLI's exports, timed apart."""
    from graph.config import Settings
    from graph.timing import StageTimer
    from graph.pipeline import build_into_store
    from graph.store import open_store

    if pin:
        _pin_one_core()
    settings = Settings(spacy_model=model)
    timer = StageTimer()
    with open_store(out / "store") as store:
        start = time.perf_counter()
        result = build_into_store([str(corpus)], store, settings, jobs=jobs, timer=timer, keep_extractions=False)
        seconds = time.perf_counter() - start
        rss_build = max(_rss_mb(resource.RUSAGE_SELF), _rss_mb(resource.RUSAGE_CHILDREN))
        start = time.perf_counter()
        store.export(out / "graph.trig", "trig")
        store.export(out / "graph.ttl", "turtle")
        exports = time.perf_counter() - start
        triples = len(store)
    return {
        "seconds": seconds,
        "exports": exports,
        "docs": len(result.extractions),
        "failures": len(result.failures),
        "triples": triples,
        "stages": timer.as_dict(),
        "rss_build_mb": rss_build,
        "rss_driver_mb": _rss_mb(resource.RUSAGE_SELF),
        "rss_workers_mb": _rss_mb(resource.RUSAGE_CHILDREN),
    }


def gold_f1() -> dict[str, float]:
    """Micro fact and entity F1 of ``filing-kg evaluate data/gold`` with this checkout's code."""
    proc = subprocess.run([sys.executable, "-m", "graph.cli", "evaluate", str(ROOT / "data" / "gold"),
                           "--filings", str(ROOT / "data" / "filings")], capture_output=True, text=True, cwd=ROOT)
    micro = next((l.split() for l in proc.stdout.splitlines() if l.startswith("MICRO")), None)
    if micro is None:
        return {}
    return {"fact_f1": float(micro[3]), "entity_f1": float(micro[9])}


def run_child(args: list[str]) -> dict[str, Any]:
    env = {**os.environ, **ONE_THREAD}
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"child {args} failed with status {proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------- report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=None, help="corpus size in documents (default: all of --corpus)")
    ap.add_argument("--small", type=int, default=None, help="N of the peak-memory check (default: docs / 5)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to measure")
    ap.add_argument("--corpus", "--filings", dest="filings", type=Path, default=None,
                    help="folder of filings (default: ../shared/corpus/8-K if present, else data/filings)")
    ap.add_argument("--no-f1", action="store_true", help="skip the gold evaluation")
    ap.add_argument("--no-like-for-like", action="store_true",
                    help="skip the bare pass with the build's matrix products")
    ap.add_argument("--rounds", type=int, default=3,
                    help="times each pass runs, alternating the order (default 3); ratios are medians of rounds")
    ap.add_argument("--model", default=None, help="spaCy model (default: the project's)")
    ap.add_argument("--json", type=Path, default=None, help="also write the raw results here")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        kind, corpus, model, *rest = args.child
        if kind == "baseline":
            res = child_baseline(Path(corpus), model, rest[0])
        else:
            res = child_build(Path(corpus), model, int(rest[0]), Path(rest[1]), rest[2] == "pin")
        print(json.dumps(res))
        return

    from graph.config import Settings
    from graph.mentions.nlp import matmul_backend

    model = args.model or Settings().spacy_model
    matmul = matmul_backend()
    if args.filings is None:
        args.filings = REAL_CORPUS if REAL_CORPUS.is_dir() else ROOT / "data" / "filings"
    if args.docs is None:
        args.docs = sum(1 for p in args.filings.iterdir() if p.is_file() and not p.name.startswith("."))
    if args.small is None:
        args.small = max(1, args.docs // 5)
    jobs_list = [int(j) for j in args.jobs.split(",") if j]
    print(f"machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="fkg-bench-") as tmp:
        tmpd = Path(tmp)
        corpus = tmpd / "corpus"
        size = make_corpus(args.filings, args.docs, corpus)
        mb = size / 1e6
        print(f"corpus: {args.docs} documents, {mb:.2f} MB ({args.filings}), {args.rounds} round(s)", flush=True)
        results: dict[str, Any] = {"machine": machine(), "docs": args.docs, "mb": mb, "rounds": []}
        passes: list[tuple[str, list[str]]] = [("baseline", ["baseline", str(corpus), model, "shipped"])]
        if not args.no_like_for_like:
            passes.append(("baseline_same_matmul", ["baseline", str(corpus), model, matmul]))
        for jobs in jobs_list:
            out = str(tmpd / f"out{jobs}")
            passes.append((f"jobs{jobs}", ["build", str(corpus), model, str(jobs), out, "pin" if jobs == 1 else "-"]))
        for r in range(args.rounds):
            # every other round runs the passes in reverse order, so a machine that speeds up or slows
            # down over the run moves the baseline and the builds alike instead of favouring one
            round_results: dict[str, Any] = {}
            for name, child in passes if r % 2 == 0 else passes[::-1]:
                if child[0] == "build":
                    shutil.rmtree(child[4], ignore_errors=True)  # a fresh store each round
                res = run_child(child)
                if name == "baseline_same_matmul":
                    res["matmul"] = matmul
                round_results[name] = res
                print(f"  round {r + 1}: {label(name)}: {res['seconds']:.1f}s", flush=True)
            results["rounds"].append(round_results)
        small = None
        if args.small and args.small != args.docs and 1 in jobs_list:
            small_corpus = tmpd / "small"
            make_corpus(args.filings, args.small, small_corpus)
            small = run_child(["build", str(small_corpus), model, "1", str(tmpd / "outsmall"), "pin"])
            results["small"] = small
            print(f"  build --jobs 1 at {args.small} documents: {small['seconds']:.1f}s", flush=True)

    if not args.no_f1:
        results["gold"] = gold_f1()
    report(results, args.docs, args.small, jobs_list, small)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


LABELS = {"baseline": "bare nlp.pipe", "baseline_same_matmul": "bare nlp.pipe, the build's matrix products"}


def label(name: str) -> str:
    """How the report names a pass: ``jobs2`` is ``build --jobs 2``."""
    return LABELS.get(name) or f"build --jobs {name.removeprefix('jobs')}"


def median_run(rounds: list[dict[str, Any]], name: str) -> dict[str, Any]:
    """The round whose ``name`` pass took the median time (the lower middle one for an even count)."""
    runs = sorted((r[name] for r in rounds), key=lambda x: x["seconds"])
    return runs[(len(runs) - 1) // 2]


def ratios(rounds: list[dict[str, Any]], num: str, den: str) -> list[float]:
    """``num`` seconds over ``den`` seconds, within each round."""
    return [r[num]["seconds"] / r[den]["seconds"] for r in rounds]


def spread(values: list[float]) -> str:
    """Median, and the range over rounds when there is more than one: ``2.31x (1.91-2.52x)``."""
    mid = statistics.median(values)
    return f"{mid:.2f}x" + (f" ({min(values):.2f}-{max(values):.2f}x)" if len(values) > 1 else "")


def report(results: dict[str, Any], docs: int, small_docs: int, jobs_list: list[int], small: dict | None) -> None:
    """Median seconds per pass over the rounds, and each target's ratio taken within a round, then its median."""
    mb = results["mb"]
    rounds = results["rounds"]
    base = median_run(rounds, "baseline")
    rows = [("bare nlp.pipe (all components, 1 core)", base["seconds"], "1.00x", "")]
    same = "baseline_same_matmul" in rounds[0]
    if same:
        rows.append((f"bare nlp.pipe, {rounds[0]['baseline_same_matmul']['matmul']} matrix products as the build",
                     median_run(rounds, "baseline_same_matmul")["seconds"],
                     spread(ratios(rounds, "baseline", "baseline_same_matmul")), ""))
    one = median_run(rounds, "jobs1") if 1 in jobs_list else None
    for jobs in jobs_list:
        r = median_run(rounds, f"jobs{jobs}")
        vs1 = f"{spread(ratios(rounds, 'jobs1', f'jobs{jobs}'))} --jobs 1" if one and jobs != 1 else ""
        rows.append((f"filing-kg build --jobs {jobs}" + (" (1 core)" if jobs == 1 else ""), r["seconds"],
                     spread(ratios(rounds, "baseline", f"jobs{jobs}")), vs1))
    print()
    print(f"median over {len(rounds)} round(s); ratios are taken within each round (median, range)")
    print("| run | seconds | documents/s | MB/s | vs bare nlp.pipe | |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, secs, ratio, extra in rows:
        print(f"| {name} | {secs:.1f} | {docs / secs:.2f} | {mb / secs:.3f} | {ratio} | {extra} |")
    if len(rounds) > 1:
        print()
        print("seconds per round: " + "; ".join(
            f"{label(name)} " + " / ".join(f"{r[name]['seconds']:.1f}" for r in rounds) for name in rounds[0]))
    if one:
        print()
        print("stage seconds of the median run (summed over processes)  " + "  ".join(f"--jobs {j}" for j in jobs_list))
        medians = {j: median_run(rounds, f"jobs{j}") for j in jobs_list}
        for st in one["stages"]:
            vals = "  ".join(f"{medians[j]['stages'].get(st, 0.0):8.1f}" for j in jobs_list)
            print(f"  {st:<36} {vals}")
        print(f"  {'exports (TriG + Turtle, not in the rate)':<36} " + "  ".join(f"{medians[j]['exports']:8.1f}" for j in jobs_list))
        print(f"triples: {one['triples']}, failures: {one['failures']}")
    gold = results.get("gold") or {}
    if gold:
        print(f"\ngold: micro fact F1 {gold['fact_f1']:.3f} (target >= 0.980), entity F1 {gold['entity_f1']:.3f}")
    if one:
        print(f"target --jobs 1 >= 2.0x bare: {spread(ratios(rounds, 'baseline', 'jobs1'))}")
        if same:
            print(f"  like for like (bare pass with the build's matrix products): "
                  f"{spread(ratios(rounds, 'baseline_same_matmul', 'jobs1'))}")
    if one and 2 in jobs_list:
        print(f"target --jobs 2 >= 1.8x --jobs 1: {spread(ratios(rounds, 'jobs1', 'jobs2'))}")
    if one and small:
        big = max(r["jobs1"]["rss_build_mb"] for r in rounds)
        little = small["rss_build_mb"]
        driver = max(r["jobs1"]["rss_driver_mb"] for r in rounds)
        print(f"target peak RSS 5N <= 1.2x N and < 1024 MB: {big / little:.2f}x, {big:.0f} MB")
        print()
        print(f"peak RSS, build --jobs 1: {little:.0f} MB at {small_docs} documents, {big:.0f} MB at {docs} "
              f"({big / little:.2f}x, the highest of the rounds); with the exports: {small['rss_driver_mb']:.0f} MB "
              f"and {driver:.0f} MB ({driver / small['rss_driver_mb']:.2f}x)")


if __name__ == "__main__":
    main()
