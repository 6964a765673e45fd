"""The pages' addresses answer the same resource as HTML, JSON, Turtle or CSV (by `_format` or Accept), on
both stores; a page that names a missing thing says so in HTML to a browser and in problem+json to a program."""

from __future__ import annotations

import csv
import io
import re

import pytest

CONSULTANT = "/positions/social-work-consultant"
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def test_a_browser_gets_html_and_a_program_json(client):
    page = client.get(CONSULTANT, params={"at": "2023-07-01"}, headers=BROWSER)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<html lang="en">' in page.text and 'name="viewport"' in page.text
    data = client.get(CONSULTANT, params={"at": "2023-07-01"}, headers={"Accept": "application/json"}).json()
    api = client.get("/api/v1" + CONSULTANT + "/requirements", params={"at": "2023-07-01"}).json()
    assert data == api  # the page's JSON is the API's answer
    assert client.get(CONSULTANT, params={"at": "2023-07-01", "_format": "json"}).json() == api


def test_the_ladder_as_csv(client):
    answer = client.get(CONSULTANT, params={"at": "2023-07-01", "_format": "csv"})
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    ours = [r for r in rows if r["act"] == "order-2017-360"]
    # Order 220's wording: the highest category 3 years, the first 2, the second 1, without a category none.
    assert [(r["category"], r["min_experience_years"]) for r in ours] == [
        ("highest", "3"), ("first", "2"), ("second", "1"), ("none", "0")]


def test_an_act_as_turtle_and_its_history_as_csv(client):
    turtle = client.get("/acts/order-2017-360", headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert "<https://zangraph.example/akn/kz/act/order/2017/360>" in turtle.text
    rows = list(csv.reader(io.StringIO(client.get("/acts/order-2017-360", params={"_format": "csv"}).text)))
    assert any("order-2023-220" in row and "2023-07-01" in row for row in rows)


def test_an_act_page_gives_its_text_in_force_and_what_is_unknown(client):
    page = client.get("/acts/order-2017-360", params={"at": "2024-01-01", "lang": "ru"}, headers=BROWSER).text
    # Point 54 as order 220 worded it, in force 01.07.2023 – 25.08.2024: no text of the corpus gives its words.
    # Each part is anchored by its printed eId, and links to its page.
    point = re.search(r'<p class="depth-3" id="att_1__chp_2__sec_6__para_54">(.*?)</p>', page)
    assert point and "Текст неизвестен" in point.group(1)
    assert 'href="/parts/order-2017-360~att_1!order-2023-220__chp_2__sec_6__para_54?' in point.group(1)
    section = re.search(r'<p class="depth-2" id="att_1__chp_2__sec_2">(.*?)</p>', page)
    assert section and "Консультант по социальной работе" in section.group(1)


def test_the_search_answers_as_json(client):
    found = client.get("/search", params={"q": "наставник", "at": "2025-10-17", "_format": "json"}).json()
    # Order 309 of 2025 introduced the category "наставник" (mentor) into points 54 and others.
    point_54 = "order-2017-360~att_1!order-2023-220__chp_2__sec_6__para_54!order-2025-309"
    assert any(h["part"].startswith(point_54) for h in found["hits"])
    assert all(any(p["match"] and p["text"].lower().startswith("наставник") for p in h["passage"])
               for h in found["hits"])
    before = client.get("/search", params={"q": "наставник", "at": "2025-10-16", "_format": "json"}).json()
    assert not any(h["part"].startswith(point_54) for h in before["hits"])


@pytest.mark.parametrize("path", ["/positions/no-such-position", "/acts/order-1999-1", "/parts/order-2017-360~x_9"])
def test_a_missing_thing_is_a_404_page_for_a_browser_and_a_problem_for_a_program(client, path):
    page = client.get(path, headers=BROWSER)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    problem = client.get(path, headers={"Accept": "application/json"})
    assert problem.status_code == 404 and problem.headers["content-type"] == "application/problem+json"


def test_a_bad_date_is_a_422_naming_the_parameter(client):
    page = client.get(CONSULTANT, params={"at": "2023-13-01"}, headers=BROWSER)
    assert page.status_code == 422 and "at=" in page.text
    problem = client.get(CONSULTANT, params={"at": "2023-13-01", "_format": "json"})
    assert problem.status_code == 422 and "at" in problem.json()["detail"]
    assert client.get(CONSULTANT, params={"_format": "pdf"}).status_code == 406


def test_the_source_page_marks_the_span(client):
    page = client.get("/sources/004_02f4d226a4fb9b82.txt", params={"lines": "1511"}, headers=BROWSER).text
    assert '<tr id="L1511"><td class="muted">1511</td><td><mark>54. Требования к квалификации:</mark></td></tr>' in page
    assert client.get("/sources/..%2Fpyproject.toml", headers=BROWSER).status_code == 404


def test_the_sparql_endpoint_shows_the_editor_to_a_browser_only(client):
    editor = client.get("/sparql", headers=BROWSER)
    assert editor.headers["content-type"].startswith("text/html") and 'id="yasgui"' in editor.text
    # Each cookbook query is there, its parameters bound to the examples of its header (acts-characterising-
    # position.rq: "?position  the position, e.g. <BASE/position/family-support-worker>", no position of the corpus).
    assert '"name": "acts-characterising-position"' in editor.text
    assert "VALUES (?position ?at) { (\\u003chttps://zangraph.example/position/family-support-worker\\u003e" \
        in editor.text
    description = client.get("/sparql")
    assert description.headers["content-type"].startswith("text/turtle")
    assert client.get("/static/yasgui-4.6.2/yasgui.min.js").status_code == 200


def test_the_home_page_as_turtle_is_the_void_description_and_as_csv_the_acts(client):
    turtle = client.get("/", params={"_format": "ttl"})
    assert turtle.headers["content-type"].startswith("text/turtle") and "void:Dataset" in turtle.text
    rows = list(csv.DictReader(io.StringIO(client.get("/", headers={"Accept": "text/csv"}).text)))
    ours = next(r for r in rows if r["act"] == "order-2017-360")
    assert (ours["number"], ours["date"]) == ("360", "2017-10-25")


def test_the_comparison_as_csv_names_the_rungs_order_350_took_with_it(client):
    rows = list(csv.DictReader(io.StringIO(client.get(
        CONSULTANT + "/compare", params={"from": "2023-06-30", "to": "2023-07-01", "_format": "csv"}).text)))
    assert [(r["act"], r["category"], r["change"]) for r in rows] == [
        ("order-2018-350", c, "removed") for c in ("highest", "first", "second", "none")]


def test_the_findings_as_turtle_are_the_findings_graph(client):
    turtle = client.get("/findings", params={"_format": "ttl"}).text
    found = client.get("/findings", params={"_format": "json"}).json()["findings"]
    assert found and all(f"<{f['iri']}>" in turtle for f in found)


def test_a_search_with_more_passages_than_shown_says_so(client):
    # "әлеуметтік" (social) stands in hundreds of passages of the Kazakh texts in force today.
    page = client.get("/search", params={"q": "әлеуметтік"}, headers=BROWSER).text
    assert "Only the 100 best are shown" in page and page.count("<mark>") >= 100
    narrow = client.get("/search", params={"q": "әлеуметтік жұмыс жөніндегі консультант", "at": "2024-01-01"},
                        headers=BROWSER).text
    assert "Only the" not in narrow and "<mark>консультант</mark>" in narrow


def test_an_act_no_longer_in_force_says_from_when_and_by_which_act(client):
    # Order 201 of 2023 ended order 350 of 2018: "вводится в действие с 1 июля 2023 года".
    page = client.get("/acts/order-2018-350", params={"at": "2024-01-01"}, headers=BROWSER).text
    ended = re.search(r'<dd id="ended">(.*?)</dd>', page, re.S)
    assert ended, "the page says when the act stopped being in force"
    assert "01.07.2023 (exact)" in ended.group(1) and 'href="/acts/order-2023-201?at=2024-01-01"' in ended.group(1)
    assert "вводится в действие с 1 июля 2023 года" in ended.group(1)
