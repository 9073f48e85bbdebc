"""The real remote-devices campaign (read from ../shared, copied to a temp folder under
meaningless file names): every reply is matched to its body from its own text."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from foicollate.campaign.workspace import Campaign

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "remote-devices"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/remote-devices is not here")
def test_real_replies_are_matched_to_their_bodies(tmp_path: Path) -> None:
    gold = yaml.safe_load((CORPUS / "gold.yaml").read_text(encoding="utf-8"))["documents"]
    (tmp_path / "bodies.csv").write_text(
        "name,nation\nLondon Borough of Barnet,England\nDevon County Council,England\n"
        "Hertsmere Borough Council,England\nHertfordshire County Council,England\n"
        "Mid Devon District Council,England\nBarnsley Metropolitan Borough Council,England\n",
        encoding="utf-8",
    )
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    renamed: dict[str, str] = {}
    for i, f in enumerate(sorted((CORPUS / "docs").iterdir())):
        name = f"download ({i}){f.suffix}"
        shutil.copyfile(f, inbox / name)
        renamed[name] = f.stem
    with Campaign.init(tmp_path / "ws", tmp_path / "bodies.csv",
                       questionnaire=CORPUS / "questionnaire.yaml", sent=date(2020, 2, 11)) as camp:
        camp.add([inbox])
        camp.extract()
        replies = 0
        for f in camp.files():
            expected = gold[renamed[f.name]]
            if expected["kind"] != "response":
                continue
            replies += 1
            body = camp.matcher().get(f.body_id) if f.body_id else None
            assert body is not None and body.name == expected["authority"], f.name
        assert replies == 3
        hertsmere = camp.show("hertsmere")
        assert {r.target_id for r in hertsmere.status.referred_to} <= {
            "hertfordshire-county-council"
        }
