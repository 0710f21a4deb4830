"""Filer affinity: one filer's files stay with one worker when the load allows, every task runs once."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.parallel.affinity import LaneScheduler, Task, affinity_tasks, filer_key

SGML_HEADER = """<SEC-DOCUMENT>0000950123-99-000001.txt : 19990105
<SEC-HEADER>0000950123-99-000001.hdr.sgml : 19990105
ACCESSION NUMBER:\t\t0000950123-99-000001
CONFORMED SUBMISSION TYPE:\t8-K
FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE HOLDINGS INC
\t\tCENTRAL INDEX KEY:\t\t\t0000012345
"""

FORM4_XML = """<?xml version="1.0"?>
<ownershipDocument>
    <issuer>
        <issuerCik>0000067890</issuerCik>
        <issuerName>Sample Widget Corp</issuerName>
    </issuer>
</ownershipDocument>
"""


def test_the_filer_key_is_the_first_cik_of_the_header(tmp_path: Path):
    sgml = tmp_path / "a.txt"
    sgml.write_text(SGML_HEADER + "\nbody\n")
    xml = tmp_path / "f4.xml"
    xml.write_text(FORM4_XML)
    assert filer_key(sgml) == "cik:12345"
    assert filer_key(xml) == "cik:67890"


def test_files_without_a_header_are_grouped_by_folder(tmp_path: Path):
    (tmp_path / "acme").mkdir()
    loose = tmp_path / "acme" / "press-release.htm"
    loose.write_text("<html><body>Example Holdings announces results</body></html>")
    assert filer_key(loose) == "dir:" + str(tmp_path / "acme")
    assert filer_key(tmp_path / "missing.txt") == "dir:" + str(tmp_path)


def test_tasks_hold_one_filers_files_in_path_order(tmp_path: Path):
    paths = []
    for i, cik in enumerate(["0000000001", "0000000002", "0000000001", "0000000002", "0000000001"]):
        p = tmp_path / f"{i}.txt"
        p.write_text(SGML_HEADER.replace("0000012345", cik) + "x" * 100)
        paths.append(p)
    tasks = affinity_tasks(paths, size=2, limit=1 << 20)
    assert [(t.key, [Path(p).name for p in t.paths]) for t in tasks] == [
        ("cik:1", ["0.txt", "2.txt"]),
        ("cik:1", ["4.txt"]),
        ("cik:2", ["1.txt", "3.txt"]),
    ]
    assert all(t.size == sum(Path(p).stat().st_size for p in t.paths) for t in tasks)
    big = affinity_tasks(paths, size=8, limit=1)  # every file over the byte limit: a task alone
    assert sorted(len(t.paths) for t in big) == [1] * 5


def _drain(scheduler: LaneScheduler, turns: list[int]) -> dict[int, list[Task]]:
    """Ask lanes for tasks in the given turn order, then round robin until every lane gets None."""
    got: dict[int, list[Task]] = {}
    lanes = max(turns) + 1
    for lane in turns:
        task = scheduler.next_for(lane)
        if task is not None:
            got.setdefault(lane, []).append(task)
    while len(scheduler):
        for lane in range(lanes):
            task = scheduler.next_for(lane)
            if task is not None:
                got.setdefault(lane, []).append(task)
    assert all(scheduler.next_for(lane) is None for lane in range(lanes))
    return got


def _tasks(spec: list[tuple[str, int]]) -> list[Task]:
    return [Task(key, [f"{key}-{i}"], size) for i, (key, size) in enumerate(spec)]


def test_each_filer_goes_to_one_worker_when_the_load_is_even():
    tasks = _tasks([("a", 50), ("b", 40), ("a", 30), ("c", 30), ("b", 40), ("d", 30), ("c", 10), ("d", 10)])
    got = _drain(LaneScheduler(tasks, 2), [0, 1] * 4)
    keys = {lane: {t.key for t in ts} for lane, ts in got.items()}
    assert keys[0].isdisjoint(keys[1])  # no filer split across the workers
    assert sorted(t.paths[0] for ts in got.values() for t in ts) == sorted(t.paths[0] for t in tasks)
    loads = sorted(sum(t.size for t in ts) for ts in got.values())
    assert loads == [120, 120]  # a (80) and c (40) against b (80) and d (40): largest filer first, to the lighter
    for ts in got.values():
        assert [t.size for t in ts] == sorted((t.size for t in ts), reverse=True)  # largest first


def test_an_idle_worker_takes_the_largest_task_of_the_busiest():
    tasks = _tasks([("one", 10), ("one", 70), ("one", 40), ("one", 20)])
    scheduler = LaneScheduler(tasks, 2)
    assert scheduler.next_for(0).size == 70  # lane 0 owns the only filer
    assert scheduler.next_for(1).size == 40  # lane 1 has nothing: it takes lane 0's largest left
    assert scheduler.next_for(1).size == 20
    assert scheduler.next_for(0).size == 10
    assert scheduler.next_for(0) is None and scheduler.next_for(1) is None


def test_one_lane_runs_every_task_largest_first():
    tasks = _tasks([("a", 5), ("b", 9), ("a", 7)])
    got = _drain(LaneScheduler(tasks, 1), [0])
    assert [t.size for t in got[0]] == [9, 7, 5]
    with pytest.raises(ValueError):
        LaneScheduler(tasks, 0)
