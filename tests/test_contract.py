"""The API keeps its published contract: Schemathesis generates requests from `/openapi.json` (valid ones and
broken ones) against a real `zangraph serve` on loopback, on the embedded store and on a real Oxigraph server,
and runs every one of its checks on each answer: no 5xx, only documented statuses, content types and
headers, bodies that match their response models, broken input rejected, valid input accepted, 405 with
Allow for a method the resource does not take."""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode

from .conftest import serving

# Each operation gets this many generated requests per phase; enough to reach every parameter's edges (the
# coverage phase adds the boundary values of each schema), few enough for the suite to stay short.
EXAMPLES = 25

# What JSON Schema cannot say: a syntactically broken query is valid as far as it can tell (a string) and is a
# 400 by the Protocol; a diff's `from` after its `to` is two valid dates, and a 422. Every other operation keeps
# the default expectations.
CONFIG = SchemathesisConfig.from_dict({
    "operations": [
        {"include-path": "/sparql",
         "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "400", "404"]}}},
        {"include-path": "/api/v1/parts/{part_id}/diff",
         "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "404", "422"]}}},
    ],
})


@pytest.fixture(scope="module", params=["embedded", "remote"])
def api(request, published):
    env = {"ZANGRAPH_SPARQL_TIMEOUT": "5", "ZANGRAPH_SPARQL_WORKERS": "2"}
    if request.param == "remote":
        url = request.getfixturevalue("oxigraph_server")
        env |= {"ZANGRAPH_STORE": "remote", "ZANGRAPH_REMOTE_QUERY_URL": url}
    with serving(published, **env) as (url, _):
        # The query workers open their copies of the store with the first query.
        assert httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=120).status_code == 200
        yield schemathesis.openapi.from_url(url + "/openapi.json", config=CONFIG)


@pytest.mark.server
def test_every_operation_keeps_its_contract(api):
    # Each operation with requests that fit its schema and with requests that break it; every check of
    # Schemathesis runs on every answer. The examples are derived from a fixed seed, so that a run repeats.
    failures: list[str] = []
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
            def check(case) -> None:
                case.call_and_validate(timeout=30)

            try:
                check()
            except Unsatisfiable:
                # Nothing about the operation can be broken (no parameter, or only free text): no negative case.
                assert mode is GenerationMode.NEGATIVE, operation.label
            except (Exception, BaseExceptionGroup) as exc:  # each failure, with the operation and its request
                failures.append(f"{operation.label} ({mode}): {exc}")
    assert not failures, "\n\n".join(failures)


def test_the_contract_declares_problems_and_parameter_formats(client):
    document = client.get("/openapi.json").json()
    operations = [(path, method, op) for path, item in document["paths"].items() for method, op in item.items()]
    assert len(operations) >= 14
    for path, _method, op in operations:
        for status, response in op["responses"].items():
            if int(status) >= 400:
                assert list(response["content"]) == ["application/problem+json"], (path, status)
        assert {"405", "413", "414"} <= set(op["responses"]), path
    requirements = document["paths"]["/api/v1/positions/{position_id}/requirements"]["get"]
    params = {p["name"]: p["schema"] for p in requirements["parameters"]}
    assert params["at"]["format"] == "date" and params["at"]["type"] == "string"
    assert params["lang"]["enum"] == ["en", "ru", "kk"]
    assert set(requirements["responses"]) == {"200", "404", "405", "413", "414", "422", "503"}
    sparql = {p["name"] for p in document["paths"]["/sparql"]["get"]["parameters"]}
    assert sparql == {"query", "default-graph-uri", "named-graph-uri"}
    assert "HTTPValidationError" not in document["components"]["schemas"]
