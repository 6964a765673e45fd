"""The point-in-time API, on the embedded store and on a real Oxigraph server (the `client` fixture runs each
test on both). Expected values are read off the sources: see tests/test_temporal.py for the dates."""

from __future__ import annotations

import hashlib
import re

import pytest

from .conftest import WARNINGS

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def test_requirements_of_the_social_work_consultant_on_2020_05_01(client):
    answer = client.get("/api/v1/positions/social-work-consultant/requirements",
                        params={"at": "2020-05-01", "lang": "en"}).json()
    assert (answer["position"], answer["at"], answer["certainty"]) == ("social-work-consultant", "2020-05-01",
                                                                       "estimated")
    # Two acts in force together: order 360's annex as it stood from 2017 (chapter 2 section 2, points 34-36,
    # known from the Russian and Kazakh texts of 02.04.2020) and order 350 point 3.
    order360, order350 = answer["sources"]
    assert order360["act"] == {"id": "order-2017-360", "number": "360", "date": "2017-10-25"}
    assert order360["part"]["id"] == "order-2017-360~att_1__chp_2__sec_2"
    assert {k: order360["version"][k] for k in ("valid_from", "valid_to", "certainty")} == {
        "valid_from": "2017-12-17", "valid_to": "2023-07-01", "certainty": "estimated"}
    assert order360["text_available"] == {"en": False, "ru": True, "kk": True}
    # Point 36: three years in the first category for the highest, two in the second for the first, one
    # without category for the second, none without category.
    assert [(r["skill_level"], r["category"], r["min_experience_years"], r["prior_category"])
            for r in order360["qualification"]] == [
        ("high", "highest", 3, "first"), ("high", "first", 2, "second"), ("high", "second", 1, "none"),
        ("high", "none", 0, None)]
    assert order360["qualification"][0]["text"].startswith("высшей категории: высшее (или послевузовское) "
                                                            "образование (социальное, педагогическое, медицинское)")
    assert (order360["qualification"][0]["span"]["file"], order360["qualification"][0]["span"]["first_line"]) == (
        "116614_rus_2020-04-02.md", 1099)
    assert order350["act"] == {"id": "order-2018-350", "number": "350", "date": "2018-08-14"}
    assert order350["part"]["id"] == "order-2018-350~att_1__chp_2__para_3"
    assert {k: order350["version"][k] for k in ("valid_from", "valid_to", "certainty")} == {
        "valid_from": "2018-10-10", "valid_to": "2023-07-01", "certainty": "estimated"}
    # Which boundaries made it estimated, and under which rules (item 5 of order 360, item 4 of order 350).
    assert [(e["boundary"], e["date"]) for e in answer["estimated_because"]] == [
        ("valid_from", "2017-12-17"), ("valid_from", "2018-10-10")]
    assert answer["estimated_because"][1]["rule"] == (
        "This order shall be enforced upon expiry of twenty one calendar days after the date of its first "
        "official publication.")
    assert order350["text_available"] == {"en": True, "ru": True, "kk": True}
    ladder = [(r["skill_level"], r["category"], r["min_experience_years"], r["prior_category"])
              for r in order350["qualification"]]
    assert ladder == [("high", "highest", 3, "first"), ("high", "first", 2, "second"), ("high", "second", 1, "none"),
                      ("high", "none", 0, None)]
    first = order350["qualification"][0]
    assert first["education_level"] == ["higher"]
    assert first["education_fields"] == ["medical", "pedagogical", "social"]
    assert first["label"] == {"en": "with higher category", "kk": "жоғары санаттағы", "ru": "высшей категории"}
    assert first["span"]["file"] == "000_d858b89009a0e373.txt"
    assert (first["span"]["first_line"], first["span"]["last_line"]) == (122, 124)


def test_the_consultant_of_2020_in_kazakh(client):
    answer = client.get("/api/v1/positions/social-work-consultant/requirements",
                        params={"at": "2020-05-01", "lang": "kk"}).json()
    order360 = answer["sources"][0]
    assert (order360["language"], order360["fallback"]) == ("kk", False)
    assert order360["part"]["heading"] == "Әлеуметтік жұмыс жөніндегі консультант"
    assert [(r["category"], r["min_experience_years"]) for r in order360["qualification"]] == [
        ("highest", 3), ("first", 2), ("second", 1), ("none", 0)]
    assert order360["qualification"][0]["text"].startswith("жоғары санат – жоғары (немесе жоғары оқу орнынан кейінгі)")
    assert order360["qualification"][0]["span"]["file"] == "116614_kaz_2020-04-02.md"
    # Point 34 (duties) and point 35 (knowledge, "Білуге тиіс:") of the Kazakh text.
    assert order360["duties"][0]["text"].startswith("үйде әлеуметтік көмек көрсету бөлімшелерінде")
    assert order360["knowledge"][0]["text"] == "Қазақстан Республикасының Конституциясын;"


def test_requirements_of_the_social_work_consultant_on_2024_01_01(client):
    answer = client.get("/api/v1/positions/social-work-consultant/requirements",
                        params={"at": "2024-01-01", "lang": "en"}).json()
    # Order 360 by its annex as order 220 restated it (its parts carry the wording: "att_1!order-2023-220"),
    # no longer by the section of 2017; order 350 was abolished on 01.07.2023.
    assert [(s["act"]["id"], s["part"]["id"]) for s in answer["sources"]] == [
        ("order-2017-360", "order-2017-360~att_1!order-2023-220__chp_2__sec_2"),
        ("order-2019-292", "order-2019-292~att_1__att_1!order-2023-9__sec_8")]
    order360 = answer["sources"][0]
    assert order360["version"]["valid_from"] == "2023-07-01" and order360["version"]["certainty"] == "exact"
    assert order360["part"]["heading"] == "Social work consultant"
    assert [(r["category"], r["min_experience_years"]) for r in order360["qualification"]] == [
        ("highest", 3), ("first", 2), ("second", 1), ("none", 0)]
    # Point 40 (duties) and point 41 (knowledge) of the English text.
    assert order360["duties"][0]["text"].startswith("carries out its activities in the departments of social "
                                                    "assistance at home")
    knowledge_acts = {k["act"] for k in order360["knowledge"]}
    assert {"constitution", "social-code", "law-on-combating-corruption"} <= knowledge_acts
    # Order 292's card is known from order 9 (13.01.2023, ten days): estimated.
    assert answer["certainty"] == "estimated"
    assert answer["sources"][1]["version"]["valid_from"] == "2023-01-24"


def test_requirements_fall_back_to_another_language_and_say_so(client):
    # No English text gives order 360's annex as it stood before 2023: the Russian one answers.
    answer = client.get("/api/v1/positions/social-work-consultant/requirements",
                        params={"at": "2020-05-01", "lang": "en"}).json()
    order360 = answer["sources"][0]
    assert (order360["language"], order360["fallback"]) == ("ru", True)
    assert order360["part"]["heading"] == "Консультант по социальной работе"


def test_requirements_with_nothing_in_force(client):
    answer = client.get("/api/v1/positions/social-work-consultant/requirements", params={"at": "2017-01-01"}).json()
    assert answer["sources"] == [] and answer["reason"] == "no act in the graph characterises this position on this date"


def test_status_of_order_350_around_its_abolition(client):
    before = client.get("/api/v1/acts/order-2018-350", params={"at": "2023-06-30"}).json()
    after = client.get("/api/v1/acts/order-2018-350", params={"at": "2023-07-01"}).json()
    assert before["status"] == "in_force" and after["status"] == "no_longer_in_force"
    assert before["repealed_by"] == ["order-2023-201"] and before["amended_by"] == ["order-2022-383"]
    assert before["entry_into_force"] == {
        "rule": "This order shall be enforced upon expiry of twenty one calendar days after the date of its first "
                "official publication.", "earliest": "2018-10-10", "date": "2018-10-10", "certainty": "estimated"}
    assert before["certainty"] == "estimated"
    early = client.get("/api/v1/acts/order-2018-350", params={"at": "2018-10-01"}).json()
    assert early["status"] == "not_yet_in_force"


def test_history_of_order_360(client):
    events = client.get("/api/v1/acts/order-2017-360/history").json()["events"]
    first = events[0]
    assert (first["kind"], first["effective"]["earliest"], first["effective"]["certainty"]) == (
        "entry_into_force", "2017-12-17", "estimated")
    # Every act the snapshots record, in the order they took effect: 663 and 121 only the texts of 2020 record,
    # 388 only the Kazakh text of 2025.
    acting = list(dict.fromkeys(e["acting_act"]["id"] for e in events if e["kind"] != "entry_into_force"))
    assert acting == ["order-2019-663", "order-2020-121", "order-2021-488", "order-2022-388", "order-2023-220",
                      "order-2024-316", "order-2025-309", "order-2026-73"]
    targets: dict[tuple[str, str], list[str]] = {}
    for e in events:
        targets.setdefault((e["acting_act"]["id"], e["kind"]), []).extend(t["id"] for t in e["targets"])
    # "Пункт 2 с изменением, внесенным приказом ... от 11.12.2019 № 663 ...; в редакции приказа ... от
    # 02.04.2020 № 121": point 2 of chapter 1 section 1 of the annex of 2017.
    assert targets[("order-2019-663", "change")] == ["order-2017-360~att_1__chp_1__sec_1__para_2"]
    assert targets[("order-2020-121", "new_wording")] == ["order-2017-360~att_1__chp_1__sec_1__para_2"]
    # "Оң жақ жоғары бұрышы жаңа редакцияда ... 26.09.2022 № 388": the annex's upper right corner.
    assert targets[("order-2022-388", "new_wording")] == ["order-2017-360~att_1__preface"]
    lost = next(e for e in events if e["acting_act"]["id"] == "order-2022-388")
    assert {n["span"]["file"] for n in lost["notes"]} == {"116614_kaz_2025-10-06.md"}
    # Order 121 is also the act the metadata of the texts of 02.04.2020 says caused that version.
    restated_point = next(e for e in events if e["acting_act"]["id"] == "order-2020-121")
    assert "116614_2020-04-02.meta.yaml" in {n["span"]["file"] for n in restated_point["notes"]}
    kinds = [(e["acting_act"]["id"], e["kind"]) for e in events]
    assert ("order-2023-220", "new_wording") in kinds and ("order-2024-316", "insertion") in kinds
    assert ("order-2025-309", "heading_revision") in kinds
    restatement = next(e for e in events if e["acting_act"]["id"] == "order-2023-220")
    assert restatement["targets"] == [{"id": "order-2017-360~att_1", "label": "annex 1"}]
    assert restatement["effective"] == {"date": "2023-07-01", "earliest": "2023-07-01", "certainty": "exact",
                                        "rule": "shall be enforced from 01.07.2023"}
    assert {n["span"]["file"] for n in restatement["notes"]} == {"002_d17101f849a6b484.txt",
                                                                 "004_02f4d226a4fb9b82.txt",
                                                                 "116614_kaz_2025-10-06.md"}
    # The points order 316 and 309 changed are parts of the restated annex.
    assert "order-2017-360~att_1!order-2023-220__chp_2__sec_6__para_54" in targets[("order-2024-316", "new_wording")]
    prospective = [e for e in events if e["kind"] == "prospective_change"]
    assert len(prospective) == 6 and all(e["effective"]["date"] == "2026-07-11" for e in prospective)
    assert prospective[0]["notes"][0]["text"].startswith("Примечание ИЗПИ!")
    dates = [e["effective"]["earliest"] for e in events]
    assert dates == sorted(dates)


def test_versions_of_order_360_point_54(client):
    # Point 54 of the restated annex: made by order 220 from 01.07.2023, restated by 316 and 309.
    part = "order-2017-360~att_1!order-2023-220__chp_2__sec_6__para_54"
    versions = client.get(f"/api/v1/parts/{part}/versions").json()["versions"]
    assert [(v["valid_from"], v["valid_to"], v["made_by"]["act"], v["languages"]) for v in versions] == [
        ("2023-07-01", "2024-08-26", "order-2023-220", []), ("2024-08-26", "2025-10-17", "order-2024-316", ["en"]),
        ("2025-10-17", None, "order-2025-309", ["ru", "kk"])]
    # Point 54 of the annex of 2017 is another part (chapter 2 section 8, the methodologist), ended by the
    # restatement; the texts of 2020 give it.
    old = client.get("/api/v1/parts/order-2017-360~att_1__chp_2__sec_8__para_54/versions").json()["versions"]
    assert [(v["valid_from"], v["valid_to"], v["made_by"]["act"], v["languages"]) for v in old] == [
        ("2017-12-17", "2023-07-01", "order-2017-360", ["ru", "kk"])]


def test_part_text_at_a_date_with_fallback(client):
    part = "order-2017-360~att_1!order-2023-220__chp_2__sec_6__para_54"
    answer = client.get(f"/api/v1/parts/{part}", params={"at": "2026-01-01", "lang": "en"}).json()
    assert (answer["language"], answer["fallback"]) == ("ru", True)
    assert answer["text"].startswith("54. Требования к квалификации:\nспециалист высшего уровня квалификации:\n"
                                     "наставник:")
    none = client.get(f"/api/v1/parts/{part}", params={"at": "2024-01-01"}).json()
    assert none["text"] is None and none["text_available"] == {"en": False, "ru": False, "kk": False}


def test_diff_of_point_54_between_316_and_309(client):
    part = "order-2017-360~att_1!order-2023-220__chp_2__sec_6__para_54"
    answer = client.get(f"/api/v1/parts/{part}/diff", params={"from": "2024-09-01", "to": "2026-01-01"}).json()
    assert answer["from_version"].endswith("@order-2024-316") and answer["to_version"].endswith("@order-2025-309")
    (step,) = answer["steps"]
    # Order 316's wording is in the English seed only, order 309's in the Russian and Kazakh texts of 2025: no
    # language gives both, so the ladders are compared on their coded values, and no text diff is made.
    assert step["ladder_languages"] == ["en", "ru"] and step["diff"] == {}
    first = next(c for c in step["changes"] if (c["rung"], c["field"]) == (1, "category"))
    assert (first["skill_level"], first["before"], first["after"]) == ("high", "highest", "mentor")
    assert first["sentence"] == "high level, rung 1 (mentor): category the highest category → mentor"


def test_positions_match_titles_in_any_language(client):
    for q in ("КОНСУЛЬТАНТ ПО СОЦИАЛЬНОЙ", "жұмыс жөніндегі консультант", "social work consultant"):
        found = [p["id"] for p in client.get("/api/v1/positions", params={"q": q}).json()["positions"]]
        assert "social-work-consultant" in found, q


def test_acts_lists_every_act(client):
    acts = {a["id"]: a for a in client.get("/api/v1/acts").json()["acts"]}
    assert {"order-2018-350", "order-2017-360", "order-2019-292", "order-2023-201", "order-2022-383",
            "order-2024-316", "labour-code", "social-code"} <= set(acts)
    assert acts["order-2018-350"]["title"]["kk"] == "Әлеуметтік жұмыскерлерге қойылатын біліктілік талаптарын бекіту туралы"
    assert acts["order-2017-360"]["type"] == "order"


def test_the_seed_acts_have_titles_in_three_languages(client):
    acts = {a["id"]: a for a in client.get("/api/v1/acts").json()["acts"]}
    # The English seeds' titles; the Russian and Kazakh from the official texts' "#" lines.
    assert acts["order-2018-350"]["title"] == {
        "en": "On approval of qualification requirements to social workers",
        "ru": "Об утверждении квалификационных требований к социальным работникам",
        "kk": "Әлеуметтік жұмыскерлерге қойылатын біліктілік талаптарын бекіту туралы"}
    assert acts["order-2019-292"]["title"] == {
        "en": "On approval of the professional standard “Psychological and social work”",
        "ru": "Об утверждении профессионального стандарта «Психологическая и социальная работа»",
        "kk": "«Психологиялық және әлеуметтік жұмыс» кәсіптік стандартын бекіту туралы"}
    assert acts["order-2017-360"]["title"]["kk"] == (
        "Халықты әлеуметтік қорғау және жұмыспен қамту ұйымдарының басшылары, мамандары және басқа да "
        "қызметшілері лауазымдарының үлгілік біліктілік сипаттамаларын бекіту туралы")
    assert acts["order-2017-360"]["title"]["ru"].startswith("Об утверждении Типовых квалификационных характеристик")
    assert acts["order-2017-360"]["title"]["en"].startswith("On approval of the Standard Qualification")


def test_acts_of_the_development_corpus_are_listed(client):
    acts = {a["id"]: a for a in client.get("/api/v1/acts").json()["acts"]}
    # Titles as the texts' "#" lines give them; numbers as published, with their dots and hyphens.
    assert acts["order-2017-290"]["title"]["ru"] == "Об определении размера черты бедности"
    assert acts["order-2017-290"]["date"] == "2017-08-31"
    assert acts["order-2016-42-3.3.12"]["title"]["ru"].startswith("Об утверждении Реестра должностей гражданских")
    assert (acts["order-2016-42-3.3.12"]["number"], acts["order-2016-42-3.3.12"]["date"]) == ("42-3.3.12", "2016-12-07")
    assert acts["order-2009-692-1"]["number"] == "692/1"  # the act repealing order 536, named by its metadata


def test_history_of_an_act_told_by_three_snapshots(client):
    # Order 290: the notes of its 2018 and 2019 Russian texts, and its metadata's repeal by order 160.
    events = client.get("/api/v1/acts/order-2017-290/history").json()["events"]
    assert [(e["kind"], e["acting_act"]["id"], [t["id"] for t in e["targets"]], e["effective"]["date"],
             e["effective"]["certainty"]) for e in events] == [
        ("entry_into_force", "order-2017-290", ["order-2017-290"], "2017-10-01", "exact"),
        ("change", "order-2018-129", ["order-2017-290~para_1"], "2018-07-01", "exact"),
        ("change", "order-2019-135", ["order-2017-290~para_2"], "2019-04-01", "exact"),
        ("new_wording", "order-2019-523", ["order-2017-290~para_1"], "2019-10-01", "exact"),
        ("abolition", "order-2023-160", ["order-2017-290"], "2023-07-01", "exact")]
    # No text of order 290 records its repeal; its metadata's requisites do.
    [note] = events[-1]["notes"]
    assert note["span"]["file"] == "114873.meta.yaml" and note["text"].startswith("Утратил силу приказом")


def test_history_says_which_languages_a_change_touched(client):
    # Order 194's Russian text notes twice that order 179 of 12.05.2026 changed the Kazakh text only ("внесено
    # изменение на казахском языке, текст на русском языке не меняется"): the rules' point 5 and their annex.
    events = client.get("/api/v1/acts/order-2024-194/history").json()["events"]
    changes = [(e["acting_act"]["id"], e["targets"][0]["id"], e["languages"]) for e in events if e["kind"] == "change"]
    assert sorted(changes) == [("order-2026-179", "order-2024-194~att_1__att_1", ["kk"]),
                               ("order-2026-179", "order-2024-194~att_1__chp_2__para_5", ["kk"])]
    assert events[0]["kind"] == "entry_into_force" and events[0]["languages"] == []


def test_findings_filtered_by_kind_and_act(client):
    answer = client.get("/api/v1/findings", params={"kind": "duplicate_number"}).json()
    # "41" twice in order 360; "3." twice in the Rules of order 348 (chapter 1 and chapter 2)
    assert {f["act"] for f in answer["findings"]} == {"order-2017-360", "order-2023-348"}
    assert answer["validation"]["conforms"] is True and answer["validation"]["warnings"] == WARNINGS
    answer = client.get("/api/v1/findings", params={"act": "order-2018-350"}).json()
    assert {f["kind"] for f in answer["findings"]} == {"translation_discrepancy", "requirement_discrepancy"}


def test_an_answer_asked_again_comes_from_memory_on_the_event_loop(client, monkeypatch):
    """The second of two identical requests is answered from what the service keeps: without a hop to the thread
    pool (which costs more than the answer, docs/benchmarks.md) and without a query to the store."""
    from zangraph.api import routes

    url, params = "/api/v1/positions/social-work-consultant/requirements", {"at": "2024-01-01", "lang": "ru"}
    first = client.get(url, params=params)
    hops, queries = [], []

    async def refused(*args, **kwargs):
        hops.append(args)
        raise AssertionError("a kept answer went to the thread pool")

    repository = client.app.state.site.repository
    select = repository.select
    monkeypatch.setattr(routes, "run_in_threadpool", refused)
    monkeypatch.setattr(repository, "select", lambda *args, **kwargs: queries.append(args) or select(*args, **kwargs))
    again = client.get(url, params=params)
    assert (again.status_code, again.content) == (200, first.content)
    assert hops == [] and queries == []


def test_healthz(client, published, dataset_size):
    health = client.get("/healthz").json()
    assert health["dataset_sha256"] == hashlib.sha256((published / "dataset.trig").read_bytes()).hexdigest()
    assert health["triples"] == dataset_size and health["built"]


def test_errors_are_problem_json_with_one_shape(client):
    cases = [("/api/v1/acts/order-1999-1", 404), ("/api/v1/positions/nobody/requirements", 404),
             ("/api/v1/parts/order-2017-360~att_9/versions", 404),
             ("/api/v1/acts/order-2018-350?at=2023-02-30", 422), ("/api/v1/acts/order-2018-350?at=tomorrow", 422),
             ("/api/v1/positions/social-work-consultant/requirements?lang=fr", 422),
             ("/api/v1/parts/no-tilde/versions", 404), ("/api/v1/parts/order-2017-360~preamble/diff?from=2020-01-01", 422),
             ("/id/akn/kz/act/order/1999/1", 404)]
    for url, status in cases:
        response = client.get(url)
        assert response.status_code == status, url
        assert response.headers["content-type"] == "application/problem+json", url
        body = response.json()
        assert set(body) >= PROBLEM_KEYS and body["status"] == status, url
        assert set(body) - PROBLEM_KEYS <= {"parameter", "expected", "acceptable"}, url
    bad = client.get("/api/v1/acts/order-2018-350", params={"at": "2023-02-30"}).json()
    assert (bad["parameter"], bad["detail"]) == ("at", "parameter at='2023-02-30': expected a date YYYY-MM-DD")


BAD_INPUTS = [
    ("GET", "/api/v1/acts/order-%C2%B2-360", None, None, 404), ("GET", "/api/v1/acts/foo.bar/history", None, None, 404),
    ("GET", "/api/v1/parts/a~b%20c/versions", None, None, 404),
    ("GET", "/api/v1/parts/order-2017-360~a%20b?at=2020-01-01", None, None, 404),
    # An id built to make a backtracking pattern run for minutes: read in linear time
    ("GET", "/api/v1/parts/order-2017-360~" + "a__" * 5000 + "%25/versions", None, None, 404),
    ("GET", "/id/%01", None, None, 404), ("GET", "/id/..\\..\\etc\\passwd", None, None, 404),
    ("GET", "/id/akn/kz/act/order/2017/360/~%ff", None, None, 404),
    ("GET", "/sparql?query=ASK%7B%7D&default-graph-uri=not%20an%20iri", None, None, 400),
    ("GET", "/sparql?query=ASK%7B%7D&named-graph-uri=not%20an%20iri", None, None, 400),
    ("POST", "/sparql", b"query=\xff\xfe", "application/x-www-form-urlencoded", 400),
    ("POST", "/sparql", "ASK {}".encode("utf-16"), "application/sparql-query", 400),
    ("GET", "/sparql?query=SELECT%20*%20%7B%20SERVICE%20%3Chttp%3A%2F%2F127.0.0.1%3A1%2F%3E%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20%7D",
     None, None, 403),
]


@pytest.mark.parametrize(("method", "url", "body", "media", "status"), BAD_INPUTS)
def test_bad_inputs_are_answered_4xx_problems(client, method, url, body, media, status):
    # Each of these once answered 500 in text/plain (a traceback in the log, the connection reset).
    response = client.request(method, url, content=body, headers={"content-type": media} if media else {})
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "Traceback" not in response.text and "127.0.0.1:7" not in response.text


def test_linked_data_with_content_negotiation(client):
    url = "/id/akn/kz/act/order/2017/360"
    turtle = client.get(url, headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle") and turtle.headers["vary"] == "Accept"
    assert '"360"' in turtle.text
    html = client.get(url, headers={"Accept": "text/html,application/xhtml+xml"})
    assert html.headers["content-type"].startswith("text/html") and "<h1>Order 360 of 2017</h1>" in html.text
    assert 'href="/id/akn/kz/act/order/2017/360/~att_1"' in html.text
    for fmt, media in (("jsonld", "application/ld+json"), ("nt", "application/n-triples"),
                       ("rdf", "application/rdf+xml"), ("ttl", "text/turtle")):
        response = client.get(url, params={"_format": fmt})
        assert response.status_code == 200 and response.headers["content-type"].startswith(media), fmt
    version = client.get("/id/akn/kz/act/order/2017/360/~att_1!order-2023-220__chp_2__sec_6__para_54/@order-2024-316",
                         headers={"Accept": "application/n-triples"})
    assert "<https://w3id.org/zangraph/ontology#start>" in version.text


def test_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/v1/acts", "/api/v1/acts/{act_id}", "/api/v1/acts/{act_id}/history", "/api/v1/positions",
                 "/api/v1/positions/{position_id}/requirements", "/api/v1/parts/{part_id}/versions",
                 "/api/v1/parts/{part_id}", "/api/v1/parts/{part_id}/diff", "/api/v1/findings", "/healthz",
                 "/sparql"):
        assert path in spec["paths"], path


def test_pages_run_only_the_services_own_script_and_forbid_framing_and_every_answer_says_nosniff(client):
    page = client.get("/id/akn/kz/act/order/2017/360", headers={"Accept": "text/html"})
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "script-src 'self';" in policy and "connect-src 'self';" in policy and "unsafe-eval" not in policy
    assert "<script" not in page.text  # only the SPARQL editor runs script
    editor = client.get("/sparql", headers={"Accept": "text/html"}).text
    assert re.findall(r'<script src="([^"]+)"', editor) == ["/static/yasgui-4.6.2/yasgui.min.js", "/static/site/sparql.js"]
    assert page.headers["x-frame-options"] == "DENY" and page.headers["referrer-policy"] == "no-referrer"
    for url in ("/", "/api/v1/acts", "/healthz", "/api/v1/acts/order-1999-1"):
        assert client.get(url).headers["x-content-type-options"] == "nosniff", url


def test_the_api_reference_loads_nothing_from_elsewhere(client):
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assets = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert assets and all(a.startswith("/static/") for a in assets), (page, assets)
        assert "cdn" not in html and "fonts.googleapis" not in html
        for asset in assets:
            assert client.get(asset).status_code == 200, asset
