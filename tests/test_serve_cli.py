"""`zangraph serve -p 0`, `ask` and `query` as a user runs them (serve in a process of its own, the others in
process)."""

from __future__ import annotations

import httpx
import pytest

from zangraph.cli.main import COMMANDS

from .conftest import invoke_zangraph, serving, sources_of


@pytest.mark.server
def test_serve_on_a_free_port(published, dataset_size):
    with serving(published) as (url, _):
        health = httpx.get(f"{url}/healthz", timeout=2).json()
        assert health["store"] == "embedded" and health["triples"] == dataset_size
        act = httpx.get(f"{url}/api/v1/acts/order-2018-350", params={"at": "2023-07-01"}).json()
        assert act["status"] == "no_longer_in_force"


@pytest.mark.server
def test_serve_builds_a_missing_dataset_first(tmp_path):
    # A corpus of one text (order 194 of 2024): building it is building, whatever the corpus.
    sources = sources_of(tmp_path / "sources", "197693_rus.md")
    with serving(tmp_path / "fresh", ZANGRAPH_SOURCES_DIR=str(sources)) as (_, lines):
        text = "".join(lines)
        assert "building it" in text and "] validate" in text and "Serving on" in text, text
        assert (tmp_path / "fresh" / "dataset.trig").is_file()


@pytest.mark.corpus
def test_ask_position(published):
    result = invoke_zangraph("ask", "position", "social work consultant", "--at", "2020-05-01",
                             ZANGRAPH_BUILD_DIR=str(published))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Social work consultant on 2020-05-01 (certainty: estimated)")
    assert "Order No 350 of 2018-08-14, annex 1, chapter 2, point 3" in result.stdout
    assert "3 years of experience as a specialist of the highest qualification level of the first category" in result.stdout
    result = invoke_zangraph("ask", "position", "social worker", ZANGRAPH_BUILD_DIR=str(published))
    assert result.returncode == 2 and "matches several positions" in result.stderr


@pytest.mark.corpus
def test_query_a_cookbook_query_and_a_file(published, tmp_path):
    result = invoke_zangraph("query", "acts-amending", "-p", "act=https://zangraph.example/akn/kz/act/order/2018/350",
                             ZANGRAPH_BUILD_DIR=str(published))
    assert result.returncode == 0, result.stderr
    assert "383" in result.stdout and "201" in result.stdout and result.stdout.rstrip().endswith("(2 rows)")
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/zangraph/ontology#Position> ; "
                  "<https://w3id.org/zangraph/ontology#characterisedBy> ?part . FILTER (STRSTARTS(STR(?part), "
                  "'https://zangraph.example/akn/kz/act/order/2017/360/') || STRSTARTS(STR(?part), "
                  "'https://zangraph.example/akn/kz/act/order/2019/292/')) }")
    result = invoke_zangraph("query", str(rq), "-f", "csv", ZANGRAPH_BUILD_DIR=str(published))
    # The 27 sections of order 360's annex as restated in 2023; the six sections of the annex of 2017 that name
    # a medico-social institution's position (director, three deputies, head of the medical department,
    # methodologist), which the restated annex names for a centre of special social services under other
    # titles; and the four positions only order 292 has (social psychologist, social worker with convicts,
    # consulting psychologist, forensic consulting psychologist).
    assert result.stdout.split() == ["n", "37"]
    result = invoke_zangraph("query", "nonexistent", ZANGRAPH_BUILD_DIR=str(published))
    assert result.returncode == 2 and "no such file or query" in result.stderr


def _cli(published, *args: str):
    from click.testing import CliRunner

    from zangraph.cli.main import main

    return CliRunner().invoke(main, list(args), env={"ZANGRAPH_BUILD_DIR": str(published)})


@pytest.mark.corpus
def test_positions_lists_and_filters_in_any_language(published):
    listed = _cli(published, "positions")
    assert listed.exit_code == 0 and "social-work-consultant  " in listed.output
    russian = _cli(published, "positions", "консультант по социальной", "--lang", "ru")
    assert russian.exit_code == 0
    assert [line.split()[0] for line in russian.output.splitlines()] == [
        "social-work-consultant", "social-work-consultant-of-the-employment-center"]
    assert "Консультант по социальной работе карьерного центра" in russian.output


@pytest.mark.corpus
def test_mistyped_names_get_a_suggestion(published):
    position = _cli(published, "ask", "position", "social work consultnt")
    assert position.exit_code == 2 and "did you mean Social work consultant" in position.output
    query = _cli(published, "query", "versions-of-prat")
    assert query.exit_code == 2 and "(did you mean versions-of-part?)" in query.output
    act = _cli(published, "query", "acts-amending", "-p", "act=order-2018-305")
    assert act.exit_code == 2 and "no such act in the graph (did you mean order-2018-350" in act.output
    found = _cli(published, "query", "acts-amending", "-p", "act=order-2018-350")
    assert found.exit_code == 0 and found.output.rstrip().endswith("(2 rows)")  # orders 383 (2022) and 201 (2023)


@pytest.mark.corpus
def test_query_parameters_take_the_apis_ids(published):
    # Section 2 of chapter 2 of the annex of 2017 (the consultant): one version, from order 360's entry into force
    # until the restatement of 2023; on 01.05.2020 orders 360 and 350 characterise the consultant.
    result = _cli(published, "query", "versions-of-part", "-p", "part=order-2017-360~att_1__chp_2__sec_2", "-f", "csv")
    assert result.exit_code == 0 and result.output.count("@original") == 1
    positions = _cli(published, "query", "acts-characterising-position", "-p", "position=social-work-consultant",
                     "-p", "at=2020-05-01")
    assert positions.output.rstrip().endswith("(2 rows)")


@pytest.mark.corpus
def test_ask_answers_in_whole_sentences_of_the_language_asked(published):
    # Order 360 (restated in 2023), section 2 of chapter 2 in Russian (seed lines 1117-1157): four categories,
    # 3, 2, 1 years, and none without a category ("без предъявления требований к стажу работы").
    russian = _cli(published, "ask", "position", "social-work-consultant", "--at", "2024-01-01", "--lang", "ru")
    assert russian.exit_code == 0
    assert "Приказ № 360 от 2017-10-25, приложение 1 в редакции order-2023-220, глава 2, параграф 2" in russian.output
    assert "стаж 3 года в должности" in russian.output
    assert "стаж 1 год в должности" in russian.output and "без требований к стажу" in russian.output
    assert "образование: высшее (медицинское, педагогическое, социальное)" in russian.output
    assert "years" not in russian.output and "experience" not in russian.output
    english = _cli(published, "ask", "position", "social-work-consultant", "--at", "2024-01-01")
    assert "1 year of experience as" in english.output and "1 years" not in english.output
    assert "no experience required" in english.output


@pytest.mark.server
@pytest.mark.parametrize("command", ["main", *COMMANDS])
def test_the_command_and_its_help_start_without_the_parser_or_the_web_framework(command):
    # What `zangraph --version`, `--help` and `zangraph COMMAND --help` load (their time is in docs/benchmarks.md):
    # the group, and the module that declares the command, each in a fresh interpreter.
    import subprocess
    import sys

    module = "zangraph.cli.main" if command == "main" else COMMANDS[command][0].split(":")[0]
    code = (f"import sys, {module}; heavy = [m for m in ('fastapi', 'uvicorn', 'rdflib', 'pyshacl', 'pyoxigraph', "
            "'pydantic_settings', 'zangraph.parse.corpus') if m in sys.modules]; print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
