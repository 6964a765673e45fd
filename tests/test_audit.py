"""Answers an auditor can sign: lists in the source's order, what an amending act did, one identifier form,
filters that say when they match nothing; on the embedded store and on a real Oxigraph server. Expected values
are read off the sources (line numbers of data/sources/004_02f4d226a4fb9b82.txt and 003_b05b1dd4fbab55f7.txt)."""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest

CONSULTANT = "/api/v1/positions/social-work-consultant/requirements"


def _source(client, number: str, at: str, lang: str) -> dict:
    answer = client.get(CONSULTANT, params={"at": at, "lang": lang}).json()
    return next(s for s in answer["sources"] if s["act"]["number"] == number)


def test_duties_come_in_the_order_of_the_source(client):
    # Order 360, annex as order 220 restated it, chapter 2 section 2 in Russian: point 40's duties on lines
    # 1121 to 1157 of the seed, point 41's knowledge from line 1161 (the first: the Constitution).
    order360 = _source(client, "360", "2024-01-01", "ru")
    duties = order360["duties"]
    lines = [d["span"]["first_line"] for d in duties]
    assert lines == sorted(lines) and (lines[0], lines[-1]) == (1121, 1157)
    assert [d["ordinal"] for d in duties] == list(range(1, len(duties) + 1))
    assert duties[0]["text"].startswith("осуществляет свою деятельность в отделениях социальной помощи на дому")
    assert duties[-1]["text"].startswith("обеспечивает выполнение правил и норм охраны труда")
    knowledge = order360["knowledge"]
    assert (knowledge[0]["text"], knowledge[0]["span"]["first_line"]) == ("Конституцию Республики Казахстан;", 1161)


def test_knowledge_of_a_card_comes_in_the_order_of_the_source(client):
    # Order 292, card 8 (lines 1405-1573 of the English seed): "Competence" items 1. to 12., lines 1523-1545.
    order292 = _source(client, "292", "2024-01-01", "en")
    knowledge = order292["knowledge"]
    assert [k["span"]["first_line"] for k in knowledge] == list(range(1523, 1546, 2))
    assert knowledge[0]["text"].startswith("1. Fundamentals of psychology, law, political science, pedagogy")
    assert knowledge[-1]["text"].startswith("12. Order of the Minister of Emergency Situations")


def test_the_effects_of_an_amending_act(client):
    # Order 316 (15.08.2024, in force ten days after its publication, whose date the corpus lacks: estimated
    # from 26.08.2024) gave new wordings to points 9, 12, 15, 18, 54, 57, 60 and 69 of order 360's annex as
    # restated by order 220, and inserted section 4-1 (footnotes of the seed, e.g. line 307 for point 9).
    effects = client.get("/api/v1/acts/order-2024-316/effects").json()
    assert effects["act"] == "order-2024-316"
    found = {(t["id"].split("__")[-1], e["kind"]) for e in effects["effects"] for t in e["targets"]}
    assert found == {*((f"para_{n}", "new_wording") for n in (9, 12, 15, 18, 54, 57, 60, 69)),
                     ("sec_4-1", "insertion")}
    for e in effects["effects"]:
        assert e["act"] == "order-2017-360" and e["acting_act"]["id"] == "order-2024-316"
        assert (e["effective"]["date"], e["effective"]["earliest"], e["effective"]["certainty"]) == \
            ("2024-08-26", "2024-08-26", "estimated")
        assert e["notes"] and not e["id"].startswith("http") and e["iri"].endswith(e["id"])
    point9 = next(e for e in effects["effects"] if e["targets"][0]["id"].endswith("para_9"))
    assert any(n["span"]["file"] == "004_02f4d226a4fb9b82.txt" and n["span"]["first_line"] == 307
               for n in point9["notes"])


def test_the_effects_of_an_act_announced_for_later(client):
    # Order 73 (24.02.2026) changes order 360 from 11.07.2026: the seed records it in "Примечание ИЗПИ!" notes.
    effects = client.get("/api/v1/acts/order-2026-73/effects").json()["effects"]
    assert effects and {e["kind"] for e in effects} == {"prospective_change"}
    assert {(e["effective"]["date"], e["effective"]["certainty"]) for e in effects} == {("2026-07-11", "exact")}
    assert any(t["id"].endswith("__sec_4__para_10") for e in effects for t in e["targets"])


def test_history_and_effects_as_csv(client):
    response = client.get("/api/v1/acts/order-2024-316/effects", headers={"Accept": "text/csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["part"].split("__")[-1] for r in rows} >= {"para_9", "para_54", "sec_4-1"}
    assert {(r["earliest"], r["certainty"]) for r in rows} == {("2024-08-26", "estimated")}
    history = client.get("/api/v1/acts/order-2017-290/history", headers={"Accept": "text/csv"})
    assert list(csv.reader(io.StringIO(history.text)))[1][4] == "entry_into_force"
    assert client.get("/api/v1/acts/order-2024-316/effects", headers={"Accept": "image/png"}).status_code == 406


def test_one_identifier_form_and_half_open_intervals(client):
    versions = client.get("/api/v1/parts/order-2017-360~att_1__chp_2__sec_2/versions").json()["versions"]
    (original,) = versions
    # In force from 17.12.2017 (estimated) until order 220's restatement on 01.07.2023: its last day 30.06.2023.
    assert (original["valid_to"], original["last_day"]) == ("2023-07-01", "2023-06-30")
    assert not original["made_by"]["event"].startswith("http")
    findings = client.get("/api/v1/findings", params={"kind": "duplicate_number"}).json()["findings"]
    assert all(not f["id"].startswith("http") and f["iri"].endswith("/" + f["id"]) for f in findings)
    act = client.get("/api/v1/acts/order-2017-360", params={"at": "2020-01-01"}).json()
    assert [b["boundary"] for b in act["estimated_because"]] == ["entry_into_force"]


@pytest.mark.parametrize(("params", "status"), [({"kind": "bogus"}, 422), ({"act": "order-2018-999"}, 404)])
def test_findings_filters_that_match_nothing_say_so(client, params, status):
    response = client.get("/api/v1/findings", params=params)
    assert response.status_code == status and response.headers["content-type"] == "application/problem+json"


VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
B = "https://zangraph.example"


def _void(client) -> list:
    response = client.get("/.well-known/void", headers={"Accept": "application/n-triples"})
    return list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))


def test_void_counts_equal_counts_made_from_the_dataset_file(client, built):
    # Counted here from the TriG file, by graph, by class and in all: not through the code under test.
    graphs: dict[str, list] = {}
    for q in ox.parse(path=str(built), format=ox.RdfFormat.TRIG):
        graphs.setdefault(q.graph_name.value, []).append(q)
    void = _void(client)

    def value(subject: str, name: str) -> int:
        return next(int(q.object.value) for q in void if q.subject.value == subject and
                    q.predicate.value == VOID + name)

    for graph, quads in graphs.items():
        assert value(graph, "triples") == len(quads), graph
        assert value(graph, "entities") == len({q.subject for q in quads}), graph
        assert value(graph, "classes") == len({q.object for q in quads if q.predicate.value == RDF_TYPE}), graph
    everything = [q for quads in graphs.values() for q in quads]
    typed: dict[str, set] = {}
    for q in everything:
        if q.predicate.value == RDF_TYPE:
            typed.setdefault(q.object.value, set()).add(q.subject)
    dataset = f"{B}/dataset"
    assert value(dataset, "triples") == len(everything)
    assert value(dataset, "entities") == len({q.subject for q in everything})
    assert value(dataset, "classes") == len(typed)
    parts = [q.object for q in void if q.subject.value == dataset and q.predicate.value == VOID + "classPartition"]
    counted = {next(x.object.value for x in void if x.subject == p and x.predicate.value == VOID + "class"):
               int(next(x.object.value for x in void if x.subject == p and x.predicate.value == VOID + "entities"))
               for p in parts}
    assert counted == {cls: len(subjects) for cls, subjects in typed.items()}
    # Every vocabulary the statements use (besides RDF itself) is named.
    vocabularies = {q.object.value for q in void if q.predicate.value == VOID + "vocabulary"}
    used = {iri.rsplit("#", 1)[0] + "#" if "#" in iri else iri.rsplit("/", 1)[0] + "/"
            for q in everything for iri in (q.predicate.value, q.object.value if q.predicate.value == RDF_TYPE else "")
            if iri}
    assert used - {"http://www.w3.org/1999/02/22-rdf-syntax-ns#"} <= vocabularies


def test_every_kind_of_iri_and_the_graphs_dereference_on_both_stores(client, built):
    # One IRI of each shape under the base (the path with its numbers and keys taken out), the dataset, every
    # named graph, and the ontology's namespace: each answers with statements about itself.
    minted: dict[str, str] = {}
    graphs = set()
    for q in ox.parse(path=str(built), format=ox.RdfFormat.TRIG):
        graphs.add(q.graph_name.value)
        for term in (q.subject, q.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(B + "/"):
                path = term.value[len(B) + 1:]
                shape = "/".join("#" if any(c.isdigit() for c in p) else p for p in path.split("/")[:3])
                shape += "~" if "/~" in path else ""
                shape += "@" if "/@" in path else ""
                minted.setdefault(shape, term.value)
    assert len(minted) >= 15
    for iri in [*minted.values(), *graphs, f"{B}/dataset"]:
        response = client.get("/id/" + iri[len(B) + 1:], headers={"Accept": "application/n-triples"})
        assert response.status_code == 200, iri
        assert any(q.subject.value == iri for q in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)), iri
    ontology = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert ontology.status_code == 200
    subjects = {q.subject.value for q in ox.parse(ontology.content, format=ox.RdfFormat.TURTLE)}
    assert "https://w3id.org/zangraph/ontology#Version" in subjects
    assert client.get("/ontology", headers={"Accept": "text/html"}).text.count("zg:ordinal") >= 1


def test_a_diff_lists_every_version_between_and_never_invents_a_change(client):
    # Point 54 of order 360 (annex as restated by order 220): its 2023 wording is in no text of the corpus (the
    # seeds show it as order 316 worded it, the official texts of 2025 as order 309 did); 316's takes effect
    # on 26.08.2024 (estimated), 309's on 17.10.2025. Rung 2 of the high level asks 2 years as 316 worded it
    # (English seed, line 1496) and 3 years as 309 did (Russian seed, line 1517).
    part = "order-2017-360~att_1!order-2023-220__chp_2__sec_6__para_54"
    answer = client.get(f"/api/v1/parts/{part}/diff", params={"from": "2024-01-01", "to": "2026-01-01",
                                                               "lang": "ru"}).json()
    assert [(v["made_by"]["act"], v["valid_from"], v["text"]) for v in answer["versions"]] == [
        ("order-2023-220", "2023-07-01", "unknown"), ("order-2024-316", "2024-08-26", "known"),
        ("order-2025-309", "2025-10-17", "known")]
    unknown, known = answer["steps"]
    assert unknown["text"] == "unknown" and unknown["changes"] == [] and unknown["diff"] == {}
    assert "no text" in unknown["reason"] and unknown["made_by"]["act"] == "order-2024-316"
    assert known["text"] == "known" and known["date"] == "2025-10-17"
    assert "высший уровень, ступень 2 (кейс-менеджер): стаж 2 → 3 года" in [c["sentence"] for c in known["changes"]]
    assert not any(c["change"] == "added" for s in answer["steps"] for c in s["changes"])
    backwards = client.get(f"/api/v1/parts/{part}/diff", params={"from": "2026-01-01", "to": "2024-01-01"})
    assert backwards.status_code == 422 and backwards.json()["parameter"] == "from"


def test_an_answer_says_whether_the_corpus_has_every_text_it_rests_on(client):
    # 01.05.2020: order 360's annex was in force for the consultant, and the official Russian text of 02.04.2020
    # (116614_rus_2020-04-02.md) gives it; order 350 too. The answer is complete.
    answer = client.get(CONSULTANT, params={"at": "2020-05-01"}).json()
    assert {s["act"]["id"]: s["text"] for s in answer["sources"]} == {"order-2017-360": "known",
                                                                       "order-2018-350": "known"}
    assert answer["completeness"] == "complete" and "incomplete_because" not in answer
    # 01.01.2024: point 69 of order 360 (the career centre assistant's requirements, chapter 3 section 1) was as
    # order 220 restated it; the seeds give it as orders 316 and 309 worded it (line 1971 of the Russian seed),
    # so its text at that date is in no source. The rest of the section is.
    assistant = client.get("/api/v1/positions/assistant-of-the-employment-center/requirements",
                           params={"at": "2024-01-01"}).json()
    order360 = next(s for s in assistant["sources"] if s["act"]["id"] == "order-2017-360")
    assert order360["text"] == "partial" and order360["reason"].endswith("annex 1, chapter 3, section 1, point 69")
    assert assistant["completeness"] == "incomplete" and assistant["incomplete_because"] == [order360["reason"]]
    # After order 316's wording took effect (26.08.2024), the seeds give every part: complete again.
    later = client.get("/api/v1/positions/assistant-of-the-employment-center/requirements",
                       params={"at": "2024-09-01"}).json()
    assert later["completeness"] == "complete"


def test_a_duty_broken_over_two_paragraphs_is_one_duty(client):
    # Seed 004, lines 1145 and 1147: "…социализации и интеграции нуждающихся лиц и их" / "семьям, защищает их
    # права и интересы в получении необходимых специальных социальных услуг;" is one duty: the Russian section
    # has 18 duties, as the English one (seed 002) has.
    russian = _source(client, "360", "2024-01-01", "ru")["duties"]
    english = _source(client, "360", "2024-01-01", "en")["duties"]
    assert len(russian) == len(english) == 18
    (joined,) = [d for d in russian if "нуждающихся лиц и их семьям, защищает их права" in d["text"]]
    assert (joined["span"]["first_line"], joined["span"]["last_line"]) == (1145, 1147)
    findings = client.get("/api/v1/findings", params={"kind": "split_item"}).json()["findings"]
    messages = {f["message"].split(":")[0] + ":" + f["message"].split(":")[1]: f["message"] for f in findings}
    assert "read as one item" in messages["004_02f4d226a4fb9b82.txt:1147"]
    # Line 1143 lacks its semicolon, but 1145 starts a duty of its own: two duties, reported for a reader.
    assert "read as two items" in messages["004_02f4d226a4fb9b82.txt:1145"]


@pytest.mark.corpus
def test_eli_terms_sit_on_the_classes_eli_gives_them(built):
    # eli:title belongs to expressions, eli:language too; an act (a work) is titled with dcterms:title.
    dataset = ox.Store()
    dataset.bulk_load(path=str(built), format=ox.RdfFormat.TRIG)

    def count(where: str) -> int:
        query = f"PREFIX eli: <http://data.europa.eu/eli/ontology#> SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ {where} }} }}"
        return int(next(iter(dataset.query(query)))["n"].value)

    assert count("?x eli:title ?t . FILTER NOT EXISTS { GRAPH ?h { ?x a eli:LegalExpression } }") == 0
    assert count("?x eli:language ?l . FILTER NOT EXISTS { GRAPH ?h { ?x a eli:LegalExpression } }") == 0
    assert count("?x <https://w3id.org/zangraph/ontology#snapshotOf> ?a . FILTER NOT EXISTS { GRAPH ?h { ?x a "
                 "<https://w3id.org/zangraph/ontology#SourceText> } }") == 0
    titles = dataset.query("SELECT DISTINCT (LANG(?t) AS ?lang) WHERE { GRAPH ?g { "
                           "<https://zangraph.example/akn/kz/act/order/2017/360> <http://purl.org/dc/terms/title> ?t } }")
    assert {row["lang"].value for row in titles} == {"en", "ru", "kk"}


def test_the_servers_json_ld_is_compacted_with_the_graphs_context(client):
    response = client.get("/id/akn/kz/act/order/2017/360", headers={"Accept": "application/ld+json"})
    document = response.json()
    assert document["@context"] == "/ontology/context.jsonld"
    act = next(n for n in document["@graph"] if n["@id"] == f"{B}/akn/kz/act/order/2017/360")
    # The header of the seeds: order No 360 of 25.10.2017, titled in three languages.
    assert act["number"] == "360" and act["@type"] == "LegalResource"
    assert set(act["title"]) == {"en", "ru", "kk"} and act["title"]["ru"].startswith("Об утверждении Типовых")
    context = client.get("/ontology/context.jsonld").json()["@context"]
    assert context["minExperienceYears"] == {"@id": "zg:minExperienceYears", "@type": "xsd:integer"}
    # Read back with its context, the JSON-LD is the same graph as the Turtle.
    import json

    from rdflib import Graph
    from rdflib.compare import isomorphic

    expanded = json.dumps({**document, "@context": context})
    turtle = client.get("/id/akn/kz/act/order/2017/360", headers={"Accept": "text/turtle"}).text
    assert isomorphic(Graph().parse(data=expanded, format="json-ld"), Graph().parse(data=turtle, format="turtle"))


def test_id_pages_list_items_in_their_order(client):
    # An expression with ten duties or more: its page lists duty/2 before duty/10 (not as text sorts them).
    query = ("PREFIX zg: <https://w3id.org/zangraph/ontology#> SELECT ?e WHERE { ?d zg:expressedIn ?e ; "
             "zg:ordinal 10 ; a zg:Duty } LIMIT 1")
    rows = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    expression = rows.json()["results"]["bindings"][0]["e"]["value"]
    page = client.get("/id/" + expression[len(B) + 1:], headers={"Accept": "text/html"}).text
    positions = [page.index(f"{expression[len(B):]}/duty/{n}<") for n in (1, 2, 9, 10)]
    assert positions == sorted(positions)


@pytest.mark.server
def test_every_iri_the_dataset_mints_dereferences(published, built):
    """Each of the some 33,000 IRIs under the base, fetched from a real server (eight at a time) on the embedded
    store: each answers 200 with statements about itself.

    On the remote store, test_every_kind_of_iri_and_the_graphs_dereference_on_both_stores fetches one IRI of
    every kind and every graph: the store's part is the same for every IRI (one query, the IRI bound into it),
    so an IRI of a kind that answers on both stores answers on the remote one as it does on the embedded one,
    where every IRI is fetched here."""
    from concurrent.futures import ThreadPoolExecutor
    from urllib.parse import quote

    import httpx

    from .conftest import serving

    everyone = sorted({t.value for q in ox.parse(path=str(built), format=ox.RdfFormat.TRIG)
                       for t in (q.subject, q.object) if isinstance(t, ox.NamedNode) and t.value.startswith(B + "/")})
    assert len(everyone) > 30_000
    with serving(published) as (url, _), httpx.Client(base_url=url, timeout=30) as http:
        def about_itself(iri: str) -> bool:
            response = http.get("/id/" + quote(iri[len(B) + 1:], safe="/~!@:"),
                                headers={"Accept": "application/n-triples"})
            return response.status_code == 200 and f"<{iri}>" in response.text

        with ThreadPoolExecutor(8) as pool:
            failed = [iri for iri, ok in zip(everyone, pool.map(about_itself, everyone), strict=True) if not ok]
    assert failed == []
