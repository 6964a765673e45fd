"""Zangraph installs like a library: its wheel holds the one package ``zangraph`` (the HTTP service, the ontology,
the shapes and the queries inside it; nothing else at the top level of site-packages), and the package as
installed from the wheel builds from any folder whose settings point at the data and serves from the
repository root."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import httpx
import pytest

from .conftest import ROOT, sources_of, wait_for_address

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.mark.unit
def test_every_package_of_the_tree_is_listed_for_installation():
    setup = PROJECT["tool"]["setuptools"]
    folders = {"zangraph": ROOT / "src" / "zangraph",
               **{name: ROOT / folder for name, folder in setup["package-dir"].items() if name}}
    found = {".".join((name, *init.parent.relative_to(folder).parts))
             for name, folder in folders.items() for init in folder.rglob("__init__.py")}
    assert set(setup["packages"]) == found


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    return next(out.glob("zangraph-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel installed on its own into a folder put first on the path (its dependencies are this
    environment's), so that the code that runs is the installed one, not the checkout's."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    return target


@pytest.mark.server
def test_the_wheel_holds_the_package_alone_with_its_resources(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert {name.split("/")[0] for name in names} == {"zangraph", wheel.name.split("-py3")[0] + ".dist-info"}
    for resource in ("zangraph/ontology/zangraph.ttl", "zangraph/ontology/context.jsonld", "zangraph/shapes/time.ttl",
                     "zangraph/store/queries/act-history.rq", "zangraph/api/pages/templates/base.html",
                     "zangraph/api/static/yasgui-4.6.2/yasgui.min.js", "zangraph/api/serve.py"):
        assert resource in names, resource


def _zangraph(installed: Path, *args: str, cwd: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "zangraph.cli.main", *args], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(installed), **env})


@pytest.mark.server
def test_the_installed_package_builds_from_another_folder_and_serves_from_the_repository(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    build = tmp_path / "build"
    # A corpus of one text (order 194 of 2024): what is checked is that the installed package finds its shapes,
    # ontology, queries and templates, which any corpus needs.
    sources = sources_of(tmp_path / "sources", "197693_rus.md")
    settings = {"ZANGRAPH_SOURCES_DIR": str(sources),
                "ZANGRAPH_CURATED_DIR": str(ROOT / "data" / "curated"), "ZANGRAPH_BUILD_DIR": str(build)}
    where = _zangraph(installed, "--version", cwd=elsewhere)
    assert where.wait(30) == 0
    process = subprocess.run([sys.executable, "-c", "import zangraph.api.app, zangraph.resources as r; "
                              "print(zangraph.api.app.__file__, r.ONTOLOGY, r.SHAPES_DIR)"],
                             cwd=elsewhere, capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": str(installed)})
    assert all(path.startswith(str(installed)) for path in process.stdout.split()), process.stdout

    built = _zangraph(installed, "build", cwd=elsewhere, **settings)
    _, err = built.communicate(timeout=300)
    assert built.returncode == 0, err
    assert (build / "dataset.trig").is_file() and (build / "validation.json").is_file()

    server = _zangraph(installed, "serve", "-p", "0", cwd=ROOT, ZANGRAPH_BUILD_DIR=str(build))
    try:
        url = wait_for_address(server)
        assert httpx.get(url + "/healthz").json()["status"] == "ok"
        acts = httpx.get(url + "/api/v1/acts").json()["acts"]
        assert acts, "the installed service serves the acts it built"
        page = httpx.get(url + "/", headers={"Accept": "text/html"})
        assert page.status_code == 200 and "<html" in page.text  # the templates are found
        assert httpx.get(url + "/ontology", headers={"Accept": "text/turtle"}).status_code == 200
        script = re.search(r'src="(/static/[^"]+\.js)"', httpx.get(url + "/docs").text)
        assert script and httpx.get(url + script.group(1)).status_code == 200  # the vendored assets are found
    finally:
        server.terminate()
        server.wait(10)
