"""Every setting is documented in docs/settings.md, and read from the environment with its prefix."""

from __future__ import annotations

from pathlib import Path

import pytest

from zangraph.settings import Settings

pytestmark = pytest.mark.unit

DOC = (Path(__file__).resolve().parents[1] / "docs" / "settings.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    for name in Settings.model_fields:
        assert f"| `{name}` | `ZANGRAPH_{name.upper()}` |" in DOC, f"{name} is not in docs/settings.md"


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ZANGRAPH_BASE_IRI", "https://data.example.kz")
    monkeypatch.setenv("ZANGRAPH_BUILD_DIR", str(tmp_path))
    settings = Settings()
    assert settings.base_iri == "https://data.example.kz" and settings.build_dir == tmp_path
