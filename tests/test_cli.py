"""The command line as a user runs it: ``zangraph`` in process (click's CliRunner), and the installed entry
point once in a subprocess, for its exit codes."""

from __future__ import annotations

import json
import shutil
import tomllib

import jsonschema
import pytest

from .conftest import FILES, ROOT, invoke_zangraph, run_zangraph

SCHEMA = json.loads((ROOT / "docs" / "document-model.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parsed_all():
    """`zangraph parse --all --json`, run once for the tests that read it."""
    return invoke_zangraph("parse", "--all", "--json")


@pytest.mark.corpus
def test_the_json_of_every_source_matches_the_schema(parsed_all):
    result = parsed_all
    assert result.returncode == 0, result.stderr
    documents = json.loads(result.stdout)["documents"]
    manifest = tomllib.loads((ROOT / "data" / "sources" / "manifest.toml").read_text(encoding="utf-8"))
    assert [d["source"]["file"] for d in documents] == [s["file"] for s in manifest["source"]]
    validator = jsonschema.validators.validator_for(SCHEMA)
    validator.check_schema(SCHEMA)  # once, not once a document (what jsonschema.validate does)
    for data in documents:
        validator(SCHEMA).validate(data)
        assert data["schema_version"] == 3 and data["fidelity"]["ok"] is True, data["source"]["file"]


@pytest.mark.unit
def test_parse_json_content():
    data = json.loads(invoke_zangraph("parse", FILES["360ru"], "--json").stdout)
    assert data["header"]["number"] == "360" and data["header"]["registration_date"] == "2017-12-06"
    notes = [n for n in data["notes"] if n["target"]["eid"] == "att_1__chp_2__sec_6__para_52__indent_24"]
    (effect,) = notes[0]["effects"]
    assert (notes[0]["kind"], effect["change"], effect["announces"]) == ("editorial", "announced", "new_wording")
    assert effect["act"] == {"type": "order", "number": "73", "date": "2026-02-24",
                             "issuer": "Министра труда и социальной защиты населения РК", "registered": None}
    assert effect["rule"]["kind"] == "fixed_date" and effect["rule"]["date"] == "2026-07-11"


@pytest.mark.corpus
def test_parse_all_report():
    result = invoke_zangraph("parse", "--all", "--report")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "3 chapters, 27 sections, 0 cards" in out
    assert "14 cards" in out
    assert "Fidelity: every non-blank line is placed" in out
    assert "[duplicate_number] /akn/kz/act/order/2017/360" in out
    # 13 in the five texts; in the development corpus, order 348's point 3 after 1 and again after 3, the notes
    # of order 248 (changed in Russian, new wording in Kazakh) and order 160's annex item 3 (No 135 / No 195).
    # In the official versions, 22 more: order 360's item 5 of 2020 naming chapters 3 and 4 that the Russian
    # text lacks (2) and naming other chapters in Kazakh (1); "3-бөлім" among the Kazakh chapters (2020, 2025);
    # point 66 printed twice in the Kazakh text of 2025, and so missing from the English and Russian (3); the
    # headings of five sections naming the career centre in Kazakh, the employment centre in English (5);
    # order 292's code '3412-008' in Russian and Kazakh (2), and its notes on points 2 and 3, "as amended by"
    # in English against "с изменениями" / "өзгерістер енгізілді" (6); order 350 point 2's categories in
    # English against Russian (1).
    # And 9 found as the lists and cards are read: order 360's duties and knowledge printed over two paragraphs
    # (split_item), 2 in English and 5 in Russian; order 292's card 11 giving a career adviser's ladder
    # (quoted_ladder) in English and Russian.
    assert "Findings (48):" in out
    assert "[split_item] /akn/kz/act/order/2017/360: 004_02f4d226a4fb9b82.txt:1147" in out
    assert "[quoted_ladder] /akn/kz/act/order/2019/292: card 11" in out


@pytest.mark.corpus
def test_parse_all_json_has_documents_and_alignments(parsed_all):
    data = json.loads(parsed_all.stdout)
    assert [d["source"]["file"] for d in data["documents"]][:5] == list(FILES.values())
    # Texts of one act in two languages are aligned where they are consolidated at the same date; a text with
    # no date (the five seeds) is its language's current text, aligned with the newest text of each other
    # language and never with an older snapshot (order 360 of 2020).
    assert {(a["left"], a["right"]) for a in data["alignments"]} == {
        (FILES["350en"], FILES["350kk"]), (FILES["360en"], FILES["360ru"]),
        (FILES["350en"], "124669_rus_2022-09-22.md"), (FILES["350kk"], "124669_rus_2022-09-22.md"),
        (FILES["360en"], "116614_kaz_2025-10-06.md"), (FILES["360ru"], "116614_kaz_2025-10-06.md"),
        ("116614_rus_2020-04-02.md", "116614_kaz_2020-04-02.md"),
        (FILES["292en"], "131993_rus_2023-01-13.md"), (FILES["292en"], "131993_kaz_2023-01-13.md"),
        ("131993_rus_2023-01-13.md", "131993_kaz_2023-01-13.md"),
        ("114873_rus_v2017.md", "114873_kaz_v2017.md"), ("114873_rus_v2019.md", "114873_kaz_v2019.md"),
        ("12388_rus.md", "12388_kaz.md"), ("181792_rus.md", "181792_kaz.md")}


@pytest.mark.corpus
def test_bad_source_exits_2_and_keeps_the_previous_output(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "data" / "sources", sources)
    out = tmp_path / "model.json"
    assert invoke_zangraph("parse", "--all", "--json", "--sources", str(sources), "-o", str(out)).returncode == 0
    good = out.read_text(encoding="utf-8")
    (sources / FILES["360ru"]).write_text("changed", encoding="utf-8")
    result = invoke_zangraph("parse", "--all", "--json", "--sources", str(sources), "-o", str(out))
    assert result.returncode == 2
    assert f"{FILES['360ru']}: checksum" in result.stderr and "does not match the manifest" in result.stderr
    assert out.read_text(encoding="utf-8") == good
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".model.json")] == []


@pytest.mark.unit
def test_a_path_is_read_with_the_manifest_beside_it(tmp_path):
    sources = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "data" / "sources", sources)
    result = invoke_zangraph("parse", str(sources / FILES["350kk"]), "--report", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "order No 350 of 2018-08-14, registered No 17383 on 2018-09-18; status: Күшін жойған" in result.stdout


@pytest.mark.server
def test_usage_errors():
    # The installed entry point, as a user runs it: its exit code is the process's.
    result = run_zangraph("parse")
    assert result.returncode == 2 and "give one FILE or --all" in result.stderr
    result = run_zangraph("parse", "nonexistent.txt")
    assert result.returncode == 2 and "nonexistent.txt: file is not in the manifest" in result.stderr


@pytest.mark.unit
def test_help_teaches():
    out = invoke_zangraph("parse", "--help").stdout
    assert "zangraph parse --all --report" in out and "Exit codes" in out


@pytest.mark.unit
def test_an_impossible_date_in_the_metadata_is_a_clear_error(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "data" / "sources", sources)
    meta = sources / "124669_2022-09-22.meta.yaml"
    lines = meta.read_text(encoding="utf-8").split("\n")
    [at] = [i for i, line in enumerate(lines) if line.strip() == "rus: 2022-09-22"]
    lines[at] = lines[at].replace("2022-09-22", "2022-02-31")
    meta.write_text("\n".join(lines), encoding="utf-8")
    result = invoke_zangraph("parse", "124669_rus_2022-09-22.md", "--sources", str(sources))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"124669_2022-09-22.meta.yaml:{at + 1}: impossible date 2022-02-31" in result.stderr
