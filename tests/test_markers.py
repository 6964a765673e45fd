"""Every test is of exactly one kind, by its marker (docs/development.md): ``unit`` (in process, small inputs),
``corpus`` (the whole corpus, or the dataset built from it, in process), ``server`` (a real process is what is
tested) or ``browser`` (Chromium). The fast run, ``make test-fast``, leaves out the last two."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.unit

KINDS = {"unit", "corpus", "server", "browser"}


def test_every_test_is_of_exactly_one_kind(request):
    wrong = []
    for item in request.session.items:
        kinds = {mark.name for mark in item.iter_markers()} & KINDS
        if len(kinds) != 1:
            wrong.append(f"{item.nodeid}: {', '.join(sorted(kinds)) or 'no kind'}")
    assert wrong == []


def test_the_kinds_are_the_registered_markers(pytestconfig):
    registered = {line.split(":")[0] for line in pytestconfig.getini("markers")}
    assert registered >= KINDS
