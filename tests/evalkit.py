"""Scoring the engine on campaigns with gold: ../shared/eval/score.py, imported as is."""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from foicollate.collate import collate
from foicollate.questionnaire import load_questionnaire

TESTS = Path(__file__).resolve().parent
SHARED = TESTS.parent.parent / "shared"
FIXTURES = TESTS / "data" / "campaigns"
#: Written blind to the engine and first scored blind (0.562 cell accuracy); since then
#: used for development like the campaigns above. New blind sets go in a new folder.
HELDOUT = TESTS / "data" / "heldout"
#: A second set written blind; first scored blind at 0.718 (479 cells), then used for development.
BLIND = TESTS / "data" / "blind"
#: Still blind: gated by aggregate floors only; never read for development (see its README).
BLIND2 = TESTS / "data" / "blind2"
#: A third blind set (four of its eight campaigns moved to heldout/ for development); gated the same way.
BLIND3 = TESTS / "data" / "blind3"
BLIND4 = TESTS / "data" / "blind4"
BLIND5 = TESTS / "data" / "blind5"
BLIND6 = TESTS / "data" / "blind6"
BLIND7 = TESTS / "data" / "blind7"
#: An eighth set, written 2026-11-21 by a writer who saw no engine code; still blind.
BLIND8 = TESTS / "data" / "blind8"
#: A ninth set, written 2026-11-21 by a writer who saw no engine code; first scored blind at 0.718 (401 cells).
BLIND9 = TESTS / "data" / "blind9"


@lru_cache(maxsize=1)
def scorer() -> ModuleType:
    path = SHARED / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("foi_score", path)
    assert spec and spec.loader, f"cannot load {path}"
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def fixture_campaigns() -> list[Path]:
    sets = (FIXTURES, HELDOUT, BLIND, BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9)
    return sorted(p for d in sets if d.exists() for p in d.iterdir() if (p / "gold.yaml").exists())


@lru_cache(maxsize=32)
def collated(campaign: Path, tmp: Path) -> tuple[dict[str, Any], Path]:
    """Collate a campaign's docs; returns (metrics, path of collated.json)."""
    q = load_questionnaire(campaign / "questionnaire.yaml")
    result = collate([campaign / "docs"], q)
    out = tmp / f"{campaign.name}.json"
    out.write_text(json.dumps(result.to_json(), ensure_ascii=False))
    metrics, _wrong = scorer().score(campaign, out)
    return metrics, out


def cell_results(campaign: Path, collated_json: Path) -> list[tuple[float, bool]]:
    """(confidence, correct) for every gold cell of a campaign's responses."""
    sc = scorer()
    gold = yaml.safe_load((campaign / "gold.yaml").read_text())["documents"]
    qtypes = {str(q["id"]): q["type"] for q in yaml.safe_load(
        (campaign / "questionnaire.yaml").read_text())["questions"]}
    preds = sc.load_pred(collated_json)
    out = []
    for doc_id, g in gold.items():
        if g.get("kind") == "reference":
            continue
        answers = {str(a["question"]): a for a in preds.get(str(doc_id), {}).get("answers", [])}
        for qid, ga in (g.get("answers") or {}).items():
            pa = answers.get(str(qid), {})
            ok = ga.get("status") == (pa.get("status") or "not_answered")
            if ok and ga["status"] == "refused":
                ok = sc.norm_grounds(ga.get("grounds")) == sc.norm_grounds(pa.get("grounds"))
            if ok and ga["status"] == "referred" and ga.get("referred_to"):
                ok = sc.norm_authority(ga["referred_to"]) == sc.norm_authority(pa.get("referred_to"))
            if ok and ga["status"] == "answered":
                ok = sc.same_value(qtypes.get(str(qid), "text"), ga, pa)[0]
            out.append((float(pa.get("confidence") or 0.0), bool(ok)))
    return out
