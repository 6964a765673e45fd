"""The built dataset, queried with the project's .rq files on an embedded Oxigraph store."""

from __future__ import annotations

from datetime import date

import pytest

from zangraph.graph.dataset import build_dataset
from zangraph.graph.trig import Writer

B = "https://zangraph.example"
ACT360 = f"{B}/akn/kz/act/order/2017/360"
ZG = "https://w3id.org/zangraph/ontology#"


@pytest.mark.corpus
def test_versions_of_order_360_point_54(store):
    # Point 54 of the annex as order 220 worded it (in force from 01.07.2023); its later wordings by orders 316
    # (the English text gives it) and 309 (the Russian text and the Kazakh text of 2025).
    rows = store.select("versions-of-part", part=f"{ACT360}/~att_1!order-2023-220__chp_2__sec_6__para_54")
    got = [(r["start"], r["end"], r["startCertainty"].removeprefix(ZG), r["actingAct"].removeprefix(f"{B}/akn/kz/act/order/"),
            sorted((r["languages"] or "").split())) for r in rows]
    assert got == [
        (date(2023, 7, 1), date(2024, 8, 26), "exact", "2023/220", []),
        (date(2024, 8, 26), date(2025, 10, 17), "estimated", "2024/316", ["en"]),
        (date(2025, 10, 17), None, "estimated", "2025/309", ["kk", "ru"]),
    ]
    assert rows[0]["startRule"] == "shall be enforced from 01.07.2023"
    assert "ten calendar days after" in rows[1]["startRule"]


@pytest.mark.corpus
def test_versions_of_the_section_of_the_annex_as_worded_in_2017(store):
    # Section 6 of chapter 2 before order 220 restated the annex: in force from 01.01.2018 (item 5), until the
    # restatement; the texts of 02.04.2020 give it. The date is the Kazakh text's: the Russian text of 2020
    # names sections its annex does not have.
    rows = store.select("versions-of-part", part=f"{ACT360}/~att_1__chp_2__sec_6")
    assert [(r["start"], r["end"], r["startRule"], sorted((r["languages"] or "").split())) for r in rows] == [
        (date(2018, 1, 1), date(2023, 7, 1), "2018 жылғы 1 қаңтардан", ["kk", "ru"])]


@pytest.mark.corpus
def test_one_section_number_two_positions_across_the_restatement(store):
    # Chapter 1 section 5 is "Заместитель директора по социальной работе медико-социального учреждения
    # (организации)" in the annex of 2017 (texts of 02.04.2020) and "Руководитель структурного подразделения
    # (отдела, сектора) карьерного центра" in the annex order 220 restated: two parts, two positions.
    old, new = f"{ACT360}/~att_1__chp_1__sec_5", f"{ACT360}/~att_1!order-2023-220__chp_1__sec_5"
    query = ("PREFIX zg: <https://w3id.org/zangraph/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
             "SELECT ?p ?l WHERE { ?p zg:characterisedBy <%s> ; skos:prefLabel ?l . FILTER(LANG(?l) = 'ru') }")
    [before] = store.store.query(query % old, use_default_graph_as_union=True)
    [after] = store.store.query(query % new, use_default_graph_as_union=True)
    assert before["l"].value == "Заместитель директора по социальной работе медико-социального учреждения (организации)"
    assert after["l"].value == "Руководитель структурного подразделения (отдела, сектора) карьерного центра"
    assert before["p"] != after["p"]
    assert [(r["start"], r["end"]) for r in store.select("versions-of-part", part=old)] == [
        (date(2017, 12, 17), date(2023, 7, 1))]
    assert [(r["start"], r["end"]) for r in store.select("versions-of-part", part=new)] == [(date(2023, 7, 1), None)]


@pytest.mark.corpus
@pytest.mark.parametrize(("at", "acts"), [(date(2020, 5, 1), [("360", "att_1__chp_2__sec_2"),
                                                              ("350", "att_1__chp_2__para_3")]),
                                          (date(2024, 1, 1), [("360", "att_1!order-2023-220__chp_2__sec_2"),
                                                              ("292", "att_1__att_1!order-2023-9__sec_8")])])
def test_acts_that_characterise_the_social_work_consultant(store, at, acts):
    rows = store.select("acts-characterising-position", position=f"{B}/position/social-work-consultant", at=at)
    assert [(r["number"], r["part"].removeprefix(f"{B}/akn/kz/act/order/").split("/~")[1]) for r in rows] == acts


@pytest.mark.corpus
def test_every_act_amending_order_360(store):
    rows = store.select("acts-amending", act=ACT360)
    # 663 (point 2 of the annex changed) and 121 (point 2 in new wording), recorded only by the texts of 2020;
    # 488 (preamble); 388 (the annex's upper right corner), recorded only by the Kazakh text of 2025; 220 (the
    # annex); 316 (points 9, 12, 15, 18, 54, 57, 60, 69 and section 4-1); 309 (points 52-55, 57, 60, 67-69 and
    # the headings of sections 7 and 8); 73 (announced).
    assert [(r["number"], r["date"], r["events"]) for r in rows] == [
        ("663", date(2019, 12, 11), 1), ("121", date(2020, 4, 2), 1), ("488", date(2021, 12, 23), 1),
        ("388", date(2022, 9, 26), 1), ("220", date(2023, 6, 14), 1), ("316", date(2024, 8, 15), 9),
        ("309", date(2025, 10, 6), 11), ("73", date(2026, 2, 24), 6)]


@pytest.mark.corpus
def test_order_350_was_amended_and_repealed(store):
    rows = store.select("acts-amending", act=f"{B}/akn/kz/act/order/2018/350")
    assert [(r["number"], r["events"]) for r in rows] == [("383", 4), ("201", 1)]


@pytest.mark.corpus
def test_knowledge_acts_shared_by_all_positions_of_chapter_2(store):
    # Read off the texts: each of the ten "Shall be obliged to know" points of chapter 2 (38, 41, 44 ... 65)
    # names the Constitution and the Social Code; no other act is in all ten.
    rows = store.select("knowledge-shared-by-chapter", chapter=f"{ACT360}/~att_1!order-2023-220__chp_2",
                        at=date(2024, 1, 1))
    assert [r["name"] for r in rows] == ["Constitution of the Republic of Kazakhstan",
                                         "Social Code of the Republic of Kazakhstan"]


@pytest.mark.server
def test_build_is_byte_identical(built, tmp_path):
    # Built again by another run of `zangraph build` (the session's build ran in this process), with another
    # seed for the hashes of strings: the bytes depend on neither. The other process is what is tested.
    import os

    from .conftest import run_zangraph

    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    result = run_zangraph("build", "--no-validate", ZANGRAPH_BUILD_DIR=str(tmp_path), PYTHONHASHSEED=seed)
    assert result.returncode == 0, result.stderr
    again = (tmp_path / "dataset.trig").read_text(encoding="utf-8")
    assert again == built.read_text(encoding="utf-8")


@pytest.mark.corpus
def test_named_graphs(built):
    text = built.read_text(encoding="utf-8")
    for name in ("ontology", "works", "curated", "time", "domain", "findings", "source/000_d858b89009a0e373.txt",
                 "source/004_02f4d226a4fb9b82.txt"):
        assert f"<{B}/graph/{name}> {{" in text


@pytest.mark.corpus
def test_requirement_discrepancy_between_english_and_kazakh(store):
    rows = store.store.query(
        "PREFIX zg: <https://w3id.org/zangraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?c WHERE { ?f zg:findingKind zg:requirement_discrepancy ; rdfs:comment ?c }",
        use_default_graph_as_union=True)
    # Order 350 point 2: "professional of higher category" in English, "first" in Kazakh and Russian. Order 360,
    # the methodologist's point 63 of the restated annex: the Kazakh text asks 3, 2, 1 and 0 years of a
    # specialist of average level (highest to no category), the Russian and English texts 4, 3, 2 and 1; the
    # texts of 2020 read the same way in point 54 of the annex of 2017 (the methodologist, section 8).
    average = {"highest": (4, 3), "first": (3, 2), "second": (2, 1), "none": (1, 0)}
    point_63 = "att_1!order-2023-220__chp_2__sec_9__para_63"
    point_54 = "att_1__chp_2__sec_8__para_54"
    expected = {"att_1__chp_2__para_2 rung 1 (highest): prior_category highest in en, first in kk",
                "att_1__chp_2__para_2 rung 1 (highest): prior_category highest in en, first in ru"}
    for rung, category in zip((5, 6, 7, 8), average, strict=True):
        en_ru, kk = average[category]
        expected |= {f"{point_63} rung {rung} ({category}): min_experience_years {en_ru} in en, {kk} in kk",
                     f"{point_63} rung {rung} ({category}): min_experience_years {kk} in kk, {en_ru} in ru",
                     f"{point_54} rung {rung} ({category}): min_experience_years {kk} in kk, {en_ru} in ru"}
    assert {r["c"].value for r in rows} == expected


@pytest.mark.corpus
def test_card_quoting_another_positions_ladder(store):
    rows = store.store.query(
        "PREFIX zg: <https://w3id.org/zangraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?c WHERE { ?f zg:findingKind zg:quoted_ladder ; rdfs:comment ?c }", use_default_graph_as_union=True)
    # Card 11 gives the ladder of a career adviser ("Профконсультант" in Russian). In Kazakh it is "Кәсіби
    # консультант", and the card's other name is a "консультанты" of the penitentiary system: the words meet, so
    # the Kazakh text is not reported.
    assert sorted(r["c"].value for r in rows) == [
        "card 11 (Social worker for work with the convicts in the penitentiary system) gives the qualification "
        "ladder of 'Career advisor'",
        "card 11 («Социальный работник с осужденными в пенитенциарной системе») gives the qualification ladder of "
        "'Профконсультант'"]


def _conflicts(store) -> list[str]:
    """The messages of the requirement conflicts in a pyoxigraph store."""
    query = ("PREFIX zg: <https://w3id.org/zangraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
             "SELECT ?c WHERE { ?f zg:findingKind zg:requirement_conflict ; rdfs:comment ?c }")
    return sorted(r["c"].value for r in store.query(query, use_default_graph_as_union=True))


@pytest.mark.corpus
def test_two_acts_in_force_together_agree_on_the_consultant(store):
    # From 10.10.2018 to 01.07.2023 order 350 point 3 and order 360 chapter 2 section 2 (point 36) both set the
    # social work consultant's ladder; compared rung by rung in Russian and in Kazakh they agree: higher
    # (social, pedagogical, medical) education and 3, 2, 1 and 0 years, in the category below.
    assert _conflicts(store.store) == []


@pytest.mark.corpus
def test_two_acts_in_force_together_that_disagree_are_reported(tmp_path):
    import hashlib

    import pyoxigraph as ox

    from zangraph.settings import Settings

    from .conftest import ROOT, sources_of

    # The texts of the two acts compared, orders 350 and 360 (the others have no part in their comparison).
    sources = sources_of(tmp_path / "sources", "000_d858b89009a0e373.txt", "001_344c42459bfb1314.txt",
                         "002_d17101f849a6b484.txt", "004_02f4d226a4fb9b82.txt", "116614_rus_2020-04-02.md",
                         "116614_kaz_2020-04-02.md", "116614_kaz_2025-10-06.md", "124669_rus_2022-09-22.md")
    # Order 350 point 3 in Russian, its highest rung made to ask five years instead of three.
    path = sources / "124669_rus_2022-09-22.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("3. Требования к квалификации к консультанту"))
    rung = next(i for i in range(at, len(lines)) if lines[i].lstrip().startswith("высшей категории"))
    assert "не менее трех лет" in lines[rung]
    lines[rung] = lines[rung].replace("не менее трех лет", "не менее пяти лет")
    path.write_text("\n".join(lines), encoding="utf-8")
    manifest = sources / "manifest.toml"
    old = hashlib.sha256((ROOT / "data" / "sources" / path.name).read_bytes()).hexdigest()
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        old, hashlib.sha256(path.read_bytes()).hexdigest()), encoding="utf-8")
    dataset = build_dataset(Settings(sources_dir=sources))
    store = ox.Store()
    store.load(Writer().write(dataset.graphs).encode(), ox.RdfFormat.TRIG)
    assert _conflicts(store) == [
        "social-work-consultant from 2018-10-10 to 2023-07-01: order-2018-350 att_1__chp_2__para_3 and "
        "order-2017-360 att_1__chp_2__sec_2__para_36, ru texts, rung high/highest: min_experience_years 5 in "
        "order-2018-350, 3 in order-2017-360"]
