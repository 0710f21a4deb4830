"""`filing-kg build --jobs N` / `--dask ...` on the command line."""

from __future__ import annotations

from click.testing import CliRunner

from graph.cli import main
from tests.parallel.conftest import FILES


def test_build_with_jobs(tmp_path):
    res = CliRunner().invoke(main, ["build", str(FILES[0]), str(FILES[1]), "--out", str(tmp_path), "--memory", "--jobs", "2"])
    assert res.exit_code == 0, res.output
    assert "documents: 2 built, 0 failed" in res.output


def test_bad_dask_address_is_a_one_line_error(tmp_path):
    res = CliRunner().invoke(main, ["build", str(FILES[0]), "--out", str(tmp_path), "--memory", "--dask", "local:many"])
    assert res.exit_code == 1
    assert "error: --dask 'local:many'" in res.output
