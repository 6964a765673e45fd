"""`zangraph build` as a user runs it: progress, the published dataset, and a build that is not published."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil

import pytest

from zangraph.graph import publish as publishing

from .conftest import ROOT, WARNINGS, invoke_zangraph, sources_of


@pytest.mark.corpus
def test_build_publishes_a_conforming_dataset_and_keeps_it_when_a_build_violates(publication, tmp_path):
    # The build is the session's one (`zangraph build`, in process; see conftest.py). The build that violates
    # goes into a copy of its folder, from one text (order 194 of 2024, whose versions in force have no end):
    # a violation is one whatever the corpus.
    out, result = publication
    assert result.returncode == 0, result.stderr
    assert "] parse sources" in result.stderr and "] validate" in result.stderr
    assert f"{WARNINGS} warnings (validation.txt)" in result.stderr
    published = (out / "dataset.trig").read_bytes()
    assert f"0 violations, {WARNINGS} warnings" in (out / "validation.txt").read_text(encoding="utf-8")
    # The report names the dataset it is about; no temporary file is left behind.
    report = json.loads((out / "validation.json").read_text(encoding="utf-8"))
    assert report["dataset_sha256"] == hashlib.sha256(published).hexdigest()
    assert sorted(p.name for p in out.iterdir()) == [".current", ".releases", "dataset.trig", "search.sqlite",
                                                     "validation.json", "validation.txt"]
    assert len(list((out / ".releases").iterdir())) == 1
    out = shutil.copytree(out, tmp_path / "build", symlinks=True)

    # Shapes that the data cannot meet: every version would need an end.
    shapes = tmp_path / "shapes"
    shutil.copytree(ROOT / "shapes", shapes)
    strict = (shapes / "time.ttl").read_text(encoding="utf-8").replace(
        "sh:property [ sh:path zg:end ; sh:maxCount 1 ;", "sh:property [ sh:path zg:end ; sh:minCount 1 ; sh:maxCount 1 ;")
    (shapes / "time.ttl").write_text(strict, encoding="utf-8")
    result = invoke_zangraph("build", ZANGRAPH_BUILD_DIR=str(out), ZANGRAPH_SHAPES_DIR=str(shapes),
                             ZANGRAPH_SOURCES_DIR=str(sources_of(tmp_path / "sources", "197693_rus.md")))
    assert result.returncode == 1
    assert "Does not conform" in result.stdout and "Violation: VersionShape" in result.stdout
    assert "not published" in result.stderr
    assert (out / "rejected.trig").is_file()
    assert (out / "dataset.trig").read_bytes() == published


@pytest.mark.corpus
def test_build_reports_a_bad_curated_file_with_exit_code_2(tmp_path):
    curated = tmp_path / "curated"
    shutil.copytree(ROOT / "data" / "curated", curated)
    (curated / "publications.toml").write_text('[[publication]]\nact = "order-2024-316"\n', encoding="utf-8")
    result = invoke_zangraph("build", ZANGRAPH_BUILD_DIR=str(tmp_path / "b"), ZANGRAPH_CURATED_DIR=str(curated))
    assert result.returncode == 2
    assert "publications.toml: publication entry 1 is incomplete" in result.stderr
    assert not (tmp_path / "b" / "dataset.trig").exists()


@pytest.mark.corpus
def test_a_dataset_and_a_report_about_another_are_refused(published, tmp_path):
    # What a build killed between writing its report and its dataset leaves: the new report beside the old
    # dataset (made here by changing the dataset's bytes).
    build = tmp_path / "build"
    shutil.copytree(published, build)
    (build / "dataset.trig").write_bytes((published / "dataset.trig").read_bytes() + b"# another build\n")
    result = invoke_zangraph("query", "acts-amending", "-p", "act=https://zangraph.example/akn/kz/act/order/2018/350",
                             ZANGRAPH_BUILD_DIR=str(build))
    assert result.returncode == 2
    assert "its validation report is about another dataset (a build was interrupted" in result.stderr


def _publish_until_killed(build, files: dict[str, bytes], kill_at: int) -> int:
    """Publish ``files`` in a child process that dies (no clean-up, like SIGKILL) at its ``kill_at``-th file
    system step; its exit status (0: it finished first)."""
    context = multiprocessing.get_context("fork")

    def child() -> None:
        steps = [0]

        def dying(real):
            def step(*args, **kwargs):
                steps[0] += 1
                if steps[0] == kill_at:
                    os._exit(9)
                return real(*args, **kwargs)
            return step

        for name in ("replace", "symlink", "fsync", "unlink", "mkdir"):
            setattr(os, name, dying(getattr(os, name)))
        shutil.rmtree = dying(shutil.rmtree)
        publishing.publish_files(build, files)
        os._exit(0)

    process = context.Process(target=child)
    process.start()
    process.join(30)
    return process.exitcode


@pytest.mark.server
def test_a_build_killed_at_any_step_of_publishing_leaves_a_matching_pair(published, tmp_path):
    old = {name: (published / name).read_bytes() for name in ("dataset.trig", "validation.json", "validation.txt")}
    data = old["dataset.trig"] + b"# the next build\n"
    report = json.loads(old["validation.json"]) | {"dataset_sha256": hashlib.sha256(data).hexdigest()}
    new = {"dataset.trig": data, "validation.json": json.dumps(report).encode(), "validation.txt": b"next\n"}
    build = tmp_path / "build"
    publishing.publish_files(build, old)
    outcomes = []
    for kill_at in range(1, 40):
        status = _publish_until_killed(build, new, kill_at)
        found = publishing.published(build)
        # Whatever the moment: a dataset with the report about it, the old pair or the new one.
        assert not found.mismatched and found.report is not None, kill_at
        assert found.report["dataset_sha256"] == found.sha256, kill_at
        assert found.dataset.read_bytes() in (old["dataset.trig"], new["dataset.trig"]), kill_at
        outcomes.append(found.dataset.read_bytes() == data)
        if status == 0:
            break
        publishing.publish_files(build, old)  # back to the old pair for the next kill (and clean what the killed one left)
    assert status == 0 and outcomes[-1] and not outcomes[0]  # killed at first: old pair; finished: new pair
    assert False in outcomes[:-1] and kill_at > 5
    # Nothing of the killed builds is left once a build completes.
    assert len(list((build / ".releases").iterdir())) == 1
    assert not list(build.glob(".*.link-*"))
