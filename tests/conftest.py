"""Shared fixtures: paths to the fixture corpus and ../shared, and a temporary workspace."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch a real campaign: the workspace default points at a temp folder."""
    monkeypatch.setenv("FOICOLLATE_HOME", str(tmp_path_factory.mktemp("home")))
