"""The doctests of the HTTP service, under the names it is installed with (``zangraph.api...``). pytest collects
the doctests of src/zangraph and tests/ itself; collecting api/ as a folder would import its modules a second
time, as a top-level package ``api``."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import zangraph.api

pytestmark = pytest.mark.unit

MODULES = sorted(m.name for m in pkgutil.walk_packages(zangraph.api.__path__, "zangraph.api."))


def test_every_module_of_the_service_is_found():
    assert {"zangraph.api.app", "zangraph.api.pages.render", "zangraph.api.serve"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_in_the_docstrings_hold(name):
    module = importlib.import_module(name)
    # The options pytest runs the other doctests with (pyproject.toml, doctest_optionflags).
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed (the output above says which)"
