"""`foicollate extract` killed with SIGKILL midway loses nothing, and the next run finishes.

FOICOLLATE_TEST_SLOW_EXTRACT (test-only) makes extract sleep per file so the kill lands
while files are still being written.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from foicollate.campaign.workspace import Campaign

N_FILES = 12
QUESTIONNAIRE = """\
title: Gritting
questions:
  - id: a
    text: How many gritters do you own?
    type: number
  - id: b
    text: How many tonnes of salt did you buy in 2021?
    type: number
"""


def make_campaign(tmp_path: Path) -> Path:
    (tmp_path / "q.yaml").write_text(QUESTIONNAIRE, encoding="utf-8")
    names = [f"Testshire {i:02d} Council" for i in range(N_FILES)]
    (tmp_path / "bodies.csv").write_text(
        "name,nation\n" + "".join(f"{n},England\n" for n in names), encoding="utf-8"
    )
    root = tmp_path / "camp"
    replies = tmp_path / "replies"
    replies.mkdir()
    for i, n in enumerate(names):
        (replies / f"reply-{i:02d}.txt").write_text(
            f"{n}\n\nDear Requester,\n\na) {10 + i}\nb) We do not hold this information.\n",
            encoding="utf-8",
        )
    with Campaign.init(root, tmp_path / "bodies.csv", questionnaire=tmp_path / "q.yaml",
                       sent=date(2022, 1, 10)) as camp:
        camp.add([replies])
        # a correction made before extraction: no run may lose it
        camp.set_answer("testshire 03", "b", status="refused", grounds="s12", note="by phone",
                        who="bob")
    return root


def extract_cmd() -> list[str]:
    return [sys.executable, "-c", "from foicollate.cli import cli; cli()", "extract",
            "--no-progress"]


def count(db: Path, sql: str) -> int:
    con = sqlite3.connect(db, timeout=5)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def test_sigkill_during_extract_then_rerun(tmp_path: Path) -> None:
    root = make_campaign(tmp_path)
    db = root / "campaign.db"
    env = {**os.environ, "FOICOLLATE_CAMPAIGN": str(root), "FOICOLLATE_TEST_SLOW_EXTRACT": "0.4"}
    proc = subprocess.Popen(extract_cmd(), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while count(db, "select count(*) from extractions") < 3:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "extract made no progress"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    done = count(db, "select count(*) from extractions")
    assert 3 <= done < N_FILES, "the kill should land midway"
    # what was committed is whole: every extracted file has all its answers
    assert count(db, "select count(*) from answers") == done * 2

    env.pop("FOICOLLATE_TEST_SLOW_EXTRACT")
    rerun = subprocess.run(extract_cmd(), env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"Extracted {N_FILES - done} file(s); {done} already done" in rerun.stdout

    assert count(db, "select count(*) from extractions") == N_FILES
    assert count(db, "select count(*) from answers") == N_FILES * 2
    assert count(db, "select count(*) from (select sha256, question from answers "
                     "group by 1, 2 having count(*) > 1)") == 0
    assert count(db, "select count(*) from files") == N_FILES
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    with Campaign.open(root) as camp:
        answers = {a.question.id: a for a in camp.show("testshire 03").answers}
        assert answers["b"].answer.status == "refused" and answers["b"].answer.grounds == "s12"
        assert answers["b"].corrected is not None and answers["b"].corrected.who == "bob"
        assert camp.db.execute("select count(*) from corrections").fetchone()[0] == 1
        assert all(b.replied is not None for b in camp.status().bodies)
