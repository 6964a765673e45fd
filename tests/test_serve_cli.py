"""`zangraph serve -p 0`, `ask` and `query` as a user runs them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx

from .conftest import ROOT, run_zangraph


def test_serve_on_a_free_port(published):
    exe = Path(sys.executable).parent / "zangraph"
    process = subprocess.Popen([str(exe), "serve", "-p", "0"], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "ZANGRAPH_BUILD_DIR": str(published)})
    try:
        url = None
        deadline = time.time() + 60
        while time.time() < deadline and url is None:
            line = process.stderr.readline()
            if m := re.search(r"Serving on (http://127\.0\.0\.1:\d+)", line):
                url = m.group(1)
        assert url, "serve did not print its address"
        for _ in range(50):
            try:
                health = httpx.get(f"{url}/healthz", timeout=2).json()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert health["store"] == "embedded" and health["triples"] == 88279
        act = httpx.get(f"{url}/api/v1/acts/order-2018-350", params={"at": "2023-07-01"}).json()
        assert act["status"] == "no_longer_in_force"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_builds_a_missing_dataset_first(tmp_path):
    exe = Path(sys.executable).parent / "zangraph"
    process = subprocess.Popen([str(exe), "serve", "-p", "0"], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "ZANGRAPH_BUILD_DIR": str(tmp_path / "fresh")})
    try:
        lines = []
        deadline = time.time() + 90
        while time.time() < deadline:
            line = process.stderr.readline()
            lines.append(line)
            if "Serving on" in line or not line:
                break
        text = "".join(lines)
        assert "building it" in text and "] validate" in text and "Serving on" in text, text
        assert (tmp_path / "fresh" / "dataset.trig").is_file()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_ask_position(published):
    result = run_zangraph("ask", "position", "social work consultant", "--at", "2020-05-01",
                          ZANGRAPH_BUILD_DIR=str(published))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Social work consultant on 2020-05-01 (certainty: estimated)")
    assert "Order No 350 of 2018-08-14, annex 1, chapter 2, point 3" in result.stdout
    assert "3 years' experience as a specialist of the highest qualification level of the first category" in result.stdout
    result = run_zangraph("ask", "position", "social worker", ZANGRAPH_BUILD_DIR=str(published))
    assert result.returncode == 2 and "matches several positions" in result.stderr


def test_query_a_cookbook_query_and_a_file(published, tmp_path):
    result = run_zangraph("query", "acts-amending", "-p", "act=https://zangraph.example/akn/kz/act/order/2018/350",
                          ZANGRAPH_BUILD_DIR=str(published))
    assert result.returncode == 0, result.stderr
    assert "383" in result.stdout and "201" in result.stdout and result.stdout.rstrip().endswith("(2 rows)")
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/zangraph/ontology#Position> }")
    result = run_zangraph("query", str(rq), "-f", "csv", ZANGRAPH_BUILD_DIR=str(published))
    # The 27 sections of order 360, and the four positions only order 292 has (social psychologist, social
    # worker with convicts, consulting psychologist, forensic consulting psychologist).
    assert result.stdout.split() == ["n", "31"]
    result = run_zangraph("query", "nonexistent", ZANGRAPH_BUILD_DIR=str(published))
    assert result.returncode == 2 and "no such file or query" in result.stderr
