"""Identifiers are made from identity and parse back into it."""

from __future__ import annotations

import pytest

from zangraph.ids import Ids

BASE = "https://example.org/kz"


@pytest.mark.parametrize(("make", "expected"), [
    (lambda i: i.act("order", 2017, "360"), {"type": "order", "year": "2017", "number": "360"}),
    (lambda i: i.part(i.act("order", 2017, "360"), "att_1__chp_1__sec_4-1__para_12-1__indent_17"),
     {"type": "order", "year": "2017", "number": "360", "eid": "att_1__chp_1__sec_4-1__para_12-1__indent_17"}),
    (lambda i: i.version(i.part(i.act("order", 2018, "350"), "preamble"), "order-2022-383"),
     {"type": "order", "year": "2018", "number": "350", "eid": "preamble", "version": "order-2022-383"}),
    (lambda i: i.expression(i.version(i.part(i.act("order", 2019, "292"), "att_1__att_1__sec_8"), "order-2023-9"),
                            "en"),
     {"type": "order", "year": "2019", "number": "292", "eid": "att_1__att_1__sec_8", "version": "order-2023-9",
      "language": "en"}),
    (lambda i: i.event("order-2024-316", "order-2017-360", "att_1__chp_2__sec_6__para_54", "new_wording"),
     {"event": "order-2024-316~order-2017-360~att_1__chp_2__sec_6__para_54~new_wording"}),
    (lambda i: i.position("social-work-consultant"), {"position": "social-work-consultant"}),
    (lambda i: i.span("002_d17101f849a6b484.txt", 3, 5, 100, 250),
     {"span_file": "002_d17101f849a6b484.txt", "span_lines": "3-5", "span_chars": "100-250"}),
    (lambda i: i.note("004_02f4d226a4fb9b82.txt", 411), {"note_file": "004_02f4d226a4fb9b82.txt", "note_line": "411"}),
    (lambda i: i.boundary("order-2017-360~att_1__chp_2__sec_6"), {"boundary": "order-2017-360~att_1__chp_2__sec_6"}),
    (lambda i: i.named_act("labour-code"), {"named_act": "labour-code"}),
    (lambda i: i.graph("source/000_d858b89009a0e373.txt"), {"graph": "source/000_d858b89009a0e373.txt"}),
])
def test_round_trip(make, expected):
    ids = Ids(BASE)
    iri = make(ids)
    assert iri.startswith(BASE + "/")
    assert ids.parse(str(iri)) == expected


def test_identifiers_do_not_depend_on_the_base_path():
    a, b = Ids("https://a.example"), Ids("https://b.example/data")
    assert str(a.act("order", 2017, "360")).removeprefix("https://a.example") == \
        str(b.act("order", 2017, "360")).removeprefix("https://b.example/data")


def test_foreign_and_malformed_iris_are_refused():
    ids = Ids(BASE)
    with pytest.raises(ValueError, match="is not under"):
        ids.parse("https://elsewhere.example/akn/kz/act/order/2017/360")
    with pytest.raises(ValueError, match="not an identifier Zangraph mints"):
        ids.parse(BASE + "/akn/kz/act/order/2017/360/extra")
    with pytest.raises(ValueError, match="must not end with"):
        Ids(BASE + "/")
