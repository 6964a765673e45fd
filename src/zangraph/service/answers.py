"""The service: point-in-time answers, as models (zangraph.service.models), from any repository.

The HTTP API, the pages and ``zangraph ask`` all answer through it; it knows the API's identifiers
(``order-2001-17``, ``order-2001-17~att_2__chp_3__sec_6__para_40``, ``family-support-worker``) and the IRIs
they stand for, and nothing about HTTP. It is made of answerers, one per kind of thing asked about (acts,
positions, parts, the dataset), which share the repository, the naming of ids and the boundaries of versions;
each public method of the service is one of theirs."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, cast

from pydantic import BaseModel

from zangraph.model.ids import Ids
from zangraph.service.acts import ActAnswers
from zangraph.service.boundaries import Boundaries
from zangraph.service.dataset import DatasetAnswers
from zangraph.service.memo import Memo
from zangraph.service.models import (
    ActAtDate,
    Acts,
    ActText,
    Comparison,
    Counts,
    Effects,
    Findings,
    History,
    PartAtDate,
    PartDiff,
    PartVersions,
    Positions,
    Requirements,
)
from zangraph.service.names import Names
from zangraph.service.parts import PartAnswers
from zangraph.service.positions import PositionAnswers
from zangraph.store.base import Repository

KEPT = 2048  # answers the service keeps by their question, the least recently asked dropped first
P = ParamSpec("P")
A = TypeVar("A", bound=BaseModel)


@dataclass(frozen=True)
class Question(Generic[A]):
    """A question to the service: one of its public methods and the arguments it is asked with. The repository
    does not change while the service runs, so equal questions have the same answer: the key it is kept under.

    >>> asked = Question.of(Service.act, "order-2001-17", date(2024, 1, 1))
    >>> asked == Question.of(Service.act, "order-2001-17", date(2024, 1, 1)), asked.args
    (True, ('order-2001-17', datetime.date(2024, 1, 1)))
    """

    method: Callable[..., A]
    args: tuple[Hashable, ...] = ()
    keywords: tuple[tuple[str, Hashable], ...] = ()

    @staticmethod
    def of(method: Callable[Concatenate[Service, P], A], *args: P.args, **kwargs: P.kwargs) -> Question[A]:
        """The question ``method`` answers with these arguments (checked against its signature by a type checker)."""
        return Question(method, args, tuple(sorted(kwargs.items())))


class Service:
    """Answers from a repository whose content does not change while the service runs. ``validation`` is the
    build's validation report, which the findings answer carries.

    Two kinds of memory, both explicit. Beneath, each answerer keeps what holds for an interval between two
    boundaries of versions (a position's answer, a source, an act's text) and what holds always (the acts, the
    positions). Above, the answers to the questions last asked are kept whole: ``kept`` looks one up without
    computing anything, ``answer`` works one out and keeps it."""

    def __init__(self, repository: Repository, ids: Ids, validation: dict[str, Any] | None = None,
                 kept: int = KEPT):
        self.repository = repository
        self.ids = ids
        self.names = Names(ids)
        boundaries = Boundaries(repository)
        self._acts = ActAnswers(repository, self.names)
        self._positions = PositionAnswers(repository, self.names, boundaries)
        self._parts = PartAnswers(repository, self.names, boundaries)
        self._dataset = DatasetAnswers(repository, self.names, self._acts, self._positions, validation)
        self._kept: Memo[Question[Any], BaseModel] = Memo(kept)

    def kept(self, question: Question[A]) -> A | None:
        """The answer kept for ``question``, or None: a lookup that never reaches the store, so an event loop
        may make it."""
        return cast("A | None", self._kept.get(question))

    def answer(self, question: Question[A]) -> A:
        """The answer to ``question``: the kept one, else worked out (which may query the store) and kept."""
        found = self.kept(question)
        if found is None:
            found = question.method(self, *question.args, **dict(question.keywords))
            self._kept.put(question, found)
        return found

    # -- the dataset -------------------------------------------------------------------------------------------

    def counts(self) -> Counts:
        return self._dataset.counts()

    def findings(self, kind: str | None = None, act: str | None = None) -> Findings:
        """The findings, of one kind or about one act where asked, with the build's validation report."""
        return self._dataset.findings(kind, act)

    # -- acts --------------------------------------------------------------------------------------------------

    def acts(self) -> Acts:
        return self._acts.acts()

    def act(self, ident: str, at: date) -> ActAtDate:
        return self._acts.act(ident, at)

    def history(self, ident: str) -> History:
        return self._acts.history(ident)

    def effects(self, ident: str) -> Effects:
        return self._acts.effects(ident)

    def act_text(self, ident: str, at: date, lang: str) -> ActText:
        return self._parts.act_text(ident, at, lang)

    # -- positions ---------------------------------------------------------------------------------------------

    def positions(self, q: str | None = None) -> Positions:
        return self._positions.positions(q)

    def requirements(self, ident: str, at: date, lang: str) -> Requirements:
        return self._positions.requirements(ident, at, lang)

    def compare(self, ident: str, first: date, second: date, lang: str) -> Comparison:
        return self._positions.compare(ident, first, second, lang)

    # -- parts -------------------------------------------------------------------------------------------------

    def part_versions(self, ident: str) -> PartVersions:
        return self._parts.part_versions(ident)

    def part(self, ident: str, at: date, lang: str) -> PartAtDate:
        return self._parts.part(ident, at, lang)

    def diff(self, ident: str, start: date, end: date, lang: str = "en") -> PartDiff:
        return self._parts.diff(ident, start, end, lang)
