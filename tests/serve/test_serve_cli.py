"""`filing-kg serve` as a real process: binds 127.0.0.1, answers, refuses updates, stops on SIGINT."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request


def test_serve_command(served_store_path, tmp_path):
    import shutil

    store = tmp_path / "store"
    shutil.copytree(served_store_path, store)
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "serve", "--store", str(store), "--port", "0", "--timeout", "20"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    try:
        line = proc.stderr.readline()
        m = re.search(r"SPARQL endpoint: (http://127\.0\.0\.1:\d+/sparql)", line)
        assert m, line
        url = m.group(1)
        q = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
        with urllib.request.urlopen(url + "?" + q, timeout=30) as resp:
            n = int(json.loads(resp.read())["results"]["bindings"][0]["n"]["value"])
        assert n > 1000
        req = urllib.request.Request(url, data=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
        try:
            urllib.request.urlopen(req, timeout=30)
            raise AssertionError("update was accepted")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
