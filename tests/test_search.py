"""The full-text index built with the dataset (SQLite FTS5): Russian and Kazakh words, their endings, dates."""

from __future__ import annotations

from datetime import date

import pytest

from zangraph.errors import InvalidParameter
from zangraph.graph.publish import published as published_build
from zangraph.store.search import SearchIndex

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def index(published) -> SearchIndex:
    found = published_build(published).search
    assert found is not None, "zangraph build publishes search.sqlite beside the dataset"
    return SearchIndex(path=found)


def _parts(hits) -> set[str]:
    return {h.part for h in hits if h.part}


def test_a_word_finds_its_forms_in_any_case(index):
    # "Консультант по социальной работе": the heading of section 2 of chapter 2 of order 360's annex.
    for words in ("консультант по социальной работе", "КОНСУЛЬТАНТ СОЦИАЛЬН", "социальн работ консультант"):
        hits = index.search(words, at=date(2024, 1, 1), lang="ru")
        assert "order-2017-360~att_1!order-2023-220__chp_2__sec_2" in _parts(hits), words


def test_kazakh_letters_are_letters_of_words(index):
    # "әлеуметтік жұмыс жөніндегі консультант": the same section's Kazakh heading.
    hits = index.search("Әлеуметтік ЖҰМЫС жөніндегі консультант", at=date(2024, 1, 1), lang="kk")
    assert "order-2017-360~att_1!order-2023-220__chp_2__sec_2" in _parts(hits)
    passage = next(h.passage for h in hits if h.part == "order-2017-360~att_1!order-2023-220__chp_2__sec_2")
    assert [text.lower() for text, matched in passage if matched] == [
        "әлеуметтік", "жұмыс", "жөніндегі", "консультант"]


def test_the_date_chooses_the_version_in_force(index):
    # Order 220's wording of the annex is in force from 01.07.2023; the wording of 2017 until then.
    before = _parts(index.search("консультант по социальной работе", at=date(2023, 6, 30), lang="ru"))
    after = _parts(index.search("консультант по социальной работе", at=date(2023, 7, 1), lang="ru"))
    assert "order-2017-360~att_1__chp_2__sec_2" in before and "order-2017-360~att_1__chp_2__sec_2" not in after
    assert "order-2017-360~att_1!order-2023-220__chp_2__sec_2" in after
    assert "order-2017-360~att_1!order-2023-220__chp_2__sec_2" not in before
    every = _parts(index.search("консультант по социальной работе", lang="ru"))
    assert {"order-2017-360~att_1__chp_2__sec_2", "order-2017-360~att_1!order-2023-220__chp_2__sec_2"} <= every


def test_the_preamble_lost_the_labour_codes_date_in_2022(index):
    # Order 488 of 2021 restated the preamble of order 360 without "от 23 ноября 2015 года" (from 03.01.2022).
    assert "order-2017-360~preamble" in _parts(index.search("23 ноября 2015", at=date(2021, 1, 1)))
    assert "order-2017-360~preamble" not in _parts(index.search("23 ноября 2015", at=date(2022, 1, 3)))


def test_titles_are_found_too(index):
    hits = index.search("Трудовой кодекс", lang="ru")
    assert any(h.kind == "title" and h.act == "labour-code" for h in hits)


@pytest.mark.parametrize("query", ["", "  ", "*** «»", " ".join(["слово"] * 13)])
def test_a_query_without_words_or_with_too_many_is_refused(index, query):
    with pytest.raises(InvalidParameter) as caught:
        index.search(query)
    assert "q" in str(caught.value)


def test_an_index_made_from_a_store_is_the_one_published(index, built):
    # What `zangraph serve` makes at start when a build has no index (a build of an earlier release).
    from zangraph.model.ids import Ids
    from zangraph.settings import Settings
    from zangraph.store.oxigraph import EmbeddedStore
    from zangraph.store.search import index_of

    made = SearchIndex(index_of(EmbeddedStore.from_trig(built), Ids(Settings().base_iri)))
    assert made.size == index.size > 9000
    words = "консультант по социальной работе"
    assert _parts(made.search(words, at=date(2024, 1, 1))) == _parts(index.search(words, at=date(2024, 1, 1)))
