"""Each shape has a passing fixture (tests/fixtures/valid.trig, in which every shape has a focus node) and a
failing one (tests/fixtures/shapes/<Shape>.ru, a SPARQL update that breaks it). ``zangraph validate`` exits 0
on the passing one and on the built dataset, 1 where a violation shape fails; warnings are findings. The command
runs in process (the installed one in a subprocess once, for the exit code of an error); the built dataset's
report is the one its build wrote."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Namespace
from rdflib.namespace import RDF

from zangraph.graph.validate import load_shapes
from zangraph.resources import SHAPES_DIR

from .conftest import WARNINGS as BUILT_WARNINGS
from .conftest import invoke_zangraph, run_zangraph

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = load_shapes()
NODE_SHAPES = sorted(str(s).rsplit("#", 1)[1] for s in SHAPES.subjects(RDF.type, SH.NodeShape))
WARNINGS = {str(s).rsplit("#", 1)[1] for s in SHAPES.subjects(SH.severity, SH.Warning)}


@pytest.mark.unit
def test_every_shape_has_a_failing_fixture():
    assert sorted(p.stem for p in (FIXTURES / "shapes").glob("*.ru")) == NODE_SHAPES


@pytest.mark.unit
def test_one_file_per_concern():
    assert sorted(p.name for p in SHAPES_DIR.glob("*.ttl")) == [
        "events.ttl", "provenance.ttl", "requirements.ttl", "structure.ttl", "time.ttl"]


@pytest.mark.unit
def test_every_shape_has_a_focus_node_in_the_passing_fixture():
    data = Dataset()
    data.parse(FIXTURES / "valid.trig", format="trig")
    union = Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    for shape in SHAPES.subjects(RDF.type, SH.NodeShape):
        targets = set()
        for cls in SHAPES.objects(shape, SH.targetClass):
            targets |= set(union.subjects(RDF.type, cls))
        for prop in SHAPES.objects(shape, SH.targetSubjectsOf):
            targets |= set(union.subjects(prop, None))
        assert targets, f"{shape} has no focus node in valid.trig"


@pytest.mark.unit
def test_the_passing_fixture_conforms():
    result = invoke_zangraph("validate", str(FIXTURES / "valid.trig"))
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("Conforms: ") and "0 violations, 0 warnings" in result.stdout


@pytest.mark.unit
@pytest.mark.parametrize("shape", NODE_SHAPES)
def test_the_failing_fixture_fails(shape, tmp_path):
    store = ox.Store()
    store.load(path=str(FIXTURES / "valid.trig"), format=ox.RdfFormat.TRIG)
    store.update((FIXTURES / "shapes" / f"{shape}.ru").read_text(encoding="utf-8"))
    broken = tmp_path / f"{shape}.trig"
    store.dump(str(broken), format=ox.RdfFormat.TRIG)
    result = invoke_zangraph("validate", str(broken))
    if shape in WARNINGS:
        assert result.returncode == 0, result.stdout
        assert f"Warning: {shape} (" in result.stdout
    else:
        assert result.returncode == 1, result.stdout
        assert f"Violation: {shape} (" in result.stdout


@pytest.mark.server
def test_validate_reports_errors_with_exit_code_2(tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> .", encoding="utf-8")
    result = run_zangraph("validate", str(bad))
    assert result.returncode == 2 and "bad.trig: not valid TriG" in result.stderr
    result = run_zangraph("validate", str(tmp_path / "missing.trig"))
    assert result.returncode == 2 and "no dataset there" in result.stderr


@pytest.mark.corpus
def test_the_built_dataset_conforms_with_its_findings_as_warnings(published, built):
    # The session's build validated the dataset (the one validation of it in a run: pySHACL takes a quarter of a
    # minute) and wrote its report as `zangraph validate` prints it, naming the dataset it is about.
    about = json.loads((published / "validation.json").read_text(encoding="utf-8"))["dataset_sha256"]
    assert about == hashlib.sha256(built.read_bytes()).hexdigest()
    report = (published / "validation.txt").read_text(encoding="utf-8")
    assert report.startswith("Conforms: "), report
    assert f"0 violations, {BUILT_WARNINGS} warnings" in report
    assert "another point of the same annex, in force at the same time, is printed with the same number 41" in report
