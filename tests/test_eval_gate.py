"""The evaluation gate: the engine's scores on every gold campaign stay above pinned floors.

Floors live in tests/data/eval_floors.json; raise them when the engine improves and never
lower them without saying why in the commit (as Trafilatura's eval gate does).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from evalkit import SHARED, cell_results, collated, fixture_campaigns

FLOORS = json.loads((Path(__file__).parent / "data" / "eval_floors.json").read_text())
REAL = SHARED / "corpus" / "remote-devices"


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("collated")


@pytest.mark.parametrize("campaign", fixture_campaigns(), ids=lambda p: p.name)
def test_fixture_campaign_above_floor(campaign: Path, outdir: Path) -> None:
    metrics, _ = collated(campaign, outdir)
    floor = FLOORS["campaigns"][campaign.name]
    assert metrics["evidence_grounded"] in (None, 1.0), "every evidence span must be the document's own text"
    assert metrics["cell_accuracy"] >= floor, f"{campaign.name}: {metrics['cell_accuracy']} < floor {floor}"


def test_every_fixture_campaign_has_a_floor() -> None:
    assert {p.name for p in fixture_campaigns()} <= set(FLOORS["campaigns"])


def test_fixture_corpus_overall_floor(outdir: Path) -> None:
    cells = [c for p in fixture_campaigns() for c in cell_results(p, collated(p, outdir)[1])]
    accuracy = sum(ok for _c, ok in cells) / len(cells)
    assert len(cells) >= 1400
    assert accuracy >= FLOORS["fixture_overall"], accuracy


def test_confident_cells_floor(outdir: Path) -> None:
    """Cells at or above the documented 'confident' threshold (collate.CONFIDENT) are >= 99 % right."""
    from foicollate.collate import CONFIDENT

    cells = [c for p in fixture_campaigns() for c in cell_results(p, collated(p, outdir)[1])]
    confident = [ok for conf, ok in cells if conf >= CONFIDENT]
    precision = sum(confident) / max(len(confident), 1)
    assert precision >= FLOORS["confident_precision"], precision


@pytest.mark.skipif(not REAL.exists(), reason="../shared corpus not present")
def test_real_campaign_remote_devices(outdir: Path) -> None:
    metrics, _ = collated(REAL, outdir)
    assert metrics["cell_accuracy"] >= max(0.95, FLOORS["real_remote_devices"])
    assert metrics["evidence_grounded"] == 1.0
