"""The service's memory, which is explicit: answers kept whole by their question (looked up without reaching the
store), and beneath them what holds for an interval between two boundaries of versions."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from zangraph.errors import NotFound
from zangraph.model.ids import Ids
from zangraph.service.answers import Question, Service

pytestmark = pytest.mark.corpus

CONSULTANT = "social-work-consultant"


@pytest.fixture
def service(store, settings) -> Service:
    return Service(store, Ids(settings.base_iri))


def test_an_answer_is_kept_by_its_question_and_an_error_is_not(service):
    asked = Question.of(Service.requirements, CONSULTANT, date(2024, 1, 1), "en")
    assert service.kept(asked) is None
    answer = service.answer(asked)
    assert service.kept(asked) is answer and service.answer(asked) is answer
    assert service.kept(Question.of(Service.requirements, CONSULTANT, date(2024, 1, 1), "ru")) is None
    missing = Question.of(Service.history, "order-1999-1")
    with pytest.raises(NotFound):
        service.answer(missing)
    assert service.kept(missing) is None


def test_the_service_keeps_no_more_answers_than_its_bound(store, settings):
    service = Service(store, Ids(settings.base_iri), kept=2)
    questions = [Question.of(Service.positions, words) for words in ("social", "консультант", "work")]
    for question in questions:
        service.answer(question)
    assert [service.kept(q) is not None for q in questions] == [False, True, True]


def test_two_dates_of_one_interval_share_the_answer_worked_out_once(service):
    # No version of a part that characterises the consultant begins or ends between these two days.
    first, second = (service.requirements(CONSULTANT, when, "en") for when in (date(2024, 1, 1), date(2024, 1, 2)))
    assert (first.at, second.at) == (date(2024, 1, 1), date(2024, 1, 2))
    assert second.sources is first.sources


def test_an_answer_cannot_be_changed_once_given(service):
    answer = service.acts()
    with pytest.raises(ValidationError):
        answer.acts = []
