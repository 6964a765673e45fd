"""Identifiers are made from identity and parse back into it: the FRBR value type, and every IRI the graph mints."""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest

from zangraph.model.ids import ActNames, FrbrUri, Ids, number_token

BASE = "https://example.org/kz"


@pytest.mark.unit
@pytest.mark.parametrize(("uri", "path", "key"), [
    (FrbrUri.act("order", 2001, "17"), "/akn/kz/act/order/2001/17", "order-2001-17"),
    (FrbrUri.act("joint-order", date(2001, 5, 3), "12-1"), "/akn/kz/act/joint-order/2001-05-03/12-1",
     "joint-order-2001-05-03-12-1"),
    (FrbrUri.act("order", 2016, "42-3.3.12").part("att_1__chp_1__sec_4-1__para_12-1__indent_17"),
     "/akn/kz/act/order/2016/42-3.3.12/~att_1__chp_1__sec_4-1__para_12-1__indent_17",
     "order-2016-42-3.3.12~att_1__chp_1__sec_4-1__para_12-1__indent_17"),
    (FrbrUri.act("order", 2001, "17").part("preamble").at("order-2003-9"),
     "/akn/kz/act/order/2001/17/~preamble/@order-2003-9", "order-2001-17~preamble@order-2003-9"),
    # A number printed with dashes ("№ 18-42-3.3.4" of 2018) whose first two parts could be a month and a day.
    (FrbrUri.act("order", 2018, "18-42-3.3.4"), "/akn/kz/act/order/2018/18-42-3.3.4", "order-2018-18-42-3.3.4"),
    (FrbrUri.act("order", 2001, "ҚР-ДСМ-130-2020").part("att_1").at("original").expressed_in("kk"),
     "/akn/kz/act/order/2001/ҚР-ДСМ-130-2020/~att_1/@original/kk", "order-2001-ҚР-ДСМ-130-2020~att_1@original"),
])
def test_frbr_uri_formats_and_parses_back(uri, path, key):
    assert str(uri) == path
    assert FrbrUri.parse(path) == uri
    assert uri.key == key
    assert FrbrUri.from_key(key) == FrbrUri(uri.type, uri.date, uri.number, uri.eid, uri.version)


@pytest.mark.unit
@pytest.mark.parametrize(("published", "token"), [("№ 692/1", "692-1"), ("N 248", "248"), ("№ 19-42-3.3.17", "19-42-3.3.17"),
                                                  ("№150-ө-м", "150-ө-м"), ("31-ө-м", "31-ө-м")])
def test_numbers_as_published_become_path_segments(published, token):
    assert number_token(published) == token
    assert FrbrUri.parse(str(FrbrUri.act("order", 2001, token))).number == token


@pytest.mark.unit
def test_two_acts_with_one_number_in_one_year_are_named_by_their_dates():
    names = ActNames([("order", date(2026, 2, 24), "73"), ("order", date(2026, 5, 4), "№ 73")])
    first, second = names.uri("order", date(2026, 2, 24), "73"), names.uri("order", date(2026, 5, 4), "73")
    assert first != second
    assert (first.key, second.key) == ("order-2026-02-24-73", "order-2026-05-04-73")
    assert names.uri("order", date(2026, 2, 24), "74").key == "order-2026-74"


@pytest.mark.unit
@pytest.mark.parametrize(("make", "expected"), [
    (lambda i: i.event("order-2003-9", "order-2001-17", "att_1__chp_2__para_4", "new_wording"),
     {"event": "order-2003-9~order-2001-17~att_1__chp_2__para_4~new_wording"}),
    (lambda i: i.position("social-work-consultant"), {"position": "social-work-consultant"}),
    (lambda i: i.span("a_b.txt", 3, 5, 100, 250), {"span_file": "a_b.txt", "span_lines": "3-5", "span_chars": "100-250"}),
    (lambda i: i.note("a_b.md", 411), {"note_file": "a_b.md", "note_line": "411"}),
    (lambda i: i.boundary("order-2001-17~att_1__chp_2__sec_6"), {"boundary": "order-2001-17~att_1__chp_2__sec_6"}),
    (lambda i: i.named_act("labour-code"), {"named_act": "labour-code"}),
    (lambda i: i.graph("source/a_b.txt"), {"graph": "source/a_b.txt"}),
])
def test_other_identifiers_round_trip(make, expected):
    ids = Ids(BASE)
    iri = make(ids)
    assert iri.startswith(BASE + "/")
    assert ids.parse(str(iri)) == expected


@pytest.mark.unit
def test_identifiers_do_not_depend_on_the_base_path():
    a, b = Ids("https://a.example"), Ids("https://b.example/data")
    uri = FrbrUri.act("order", 2001, "17")
    assert str(a.of(uri)).removeprefix("https://a.example") == str(b.of(uri)).removeprefix("https://b.example/data")


@pytest.mark.unit
def test_foreign_and_malformed_iris_are_refused():
    ids = Ids(BASE)
    with pytest.raises(ValueError, match="is not under"):
        ids.parse("https://elsewhere.example/akn/kz/act/order/2001/17")
    with pytest.raises(ValueError, match="not an identifier Zangraph mints"):
        ids.parse(BASE + "/akn/kz/act/order/2001/17/extra")
    with pytest.raises(ValueError, match="must not end with"):
        Ids(BASE + "/")
    with pytest.raises(ValueError, match="unknown act type"):
        FrbrUri.act("memo", 2001, "17")


@pytest.mark.corpus
def test_every_iri_the_graph_mints_parses_back_into_itself(built):
    """Each IRI under the base in the built dataset is one Zangraph mints; the FRBR ones format back to
    themselves. (The dataset is read with Oxigraph's parser: rdflib's takes fifteen times as long.)"""
    ids = Ids("https://zangraph.example")
    minted = {t.value for quad in ox.parse(path=str(built), format=ox.RdfFormat.TRIG)
              for t in (quad.subject, quad.predicate, quad.object, quad.graph_name)
              if isinstance(t, ox.NamedNode) and t.value.startswith(ids.base + "/")}
    assert len(minted) > 10000
    for iri in minted:
        parts = ids.parse(str(iri))
        if "type" in parts:
            assert str(ids.of(ids.frbr(str(iri)))) == str(iri)
