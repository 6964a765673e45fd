"""`zangraph serve -p 0`, `ask` and `query` as a user runs them."""

from __future__ import annotations

import httpx

from .conftest import run_zangraph, serving


def test_serve_on_a_free_port(published, dataset_size):
    with serving(published) as (url, _):
        health = httpx.get(f"{url}/healthz", timeout=2).json()
        assert health["store"] == "embedded" and health["triples"] == dataset_size
        act = httpx.get(f"{url}/api/v1/acts/order-2018-350", params={"at": "2023-07-01"}).json()
        assert act["status"] == "no_longer_in_force"


def test_serve_builds_a_missing_dataset_first(tmp_path):
    with serving(tmp_path / "fresh") as (_, lines):
        text = "".join(lines)
        assert "building it" in text and "] validate" in text and "Serving on" in text, text
        assert (tmp_path / "fresh" / "dataset.trig").is_file()


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
    rq.write_text("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/zangraph/ontology#Position> ; "
                  "<https://w3id.org/zangraph/ontology#characterisedBy> ?part . FILTER (STRSTARTS(STR(?part), "
                  "'https://zangraph.example/akn/kz/act/order/2017/360/') || STRSTARTS(STR(?part), "
                  "'https://zangraph.example/akn/kz/act/order/2019/292/')) }")
    result = run_zangraph("query", str(rq), "-f", "csv", ZANGRAPH_BUILD_DIR=str(published))
    # The 27 sections of order 360's annex as restated in 2023; the six sections of the annex of 2017 that name
    # a medico-social institution's position (director, three deputies, head of the medical department,
    # methodologist), which the restated annex names for a centre of special social services under other
    # titles; and the four positions only order 292 has (social psychologist, social worker with convicts,
    # consulting psychologist, forensic consulting psychologist).
    assert result.stdout.split() == ["n", "37"]
    result = run_zangraph("query", "nonexistent", ZANGRAPH_BUILD_DIR=str(published))
    assert result.returncode == 2 and "no such file or query" in result.stderr
