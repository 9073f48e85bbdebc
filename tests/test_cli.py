"""The command line through its real entry point: help everywhere, collate end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from evalkit import FIXTURES

from foicollate.cli import cli

COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"{name} --help has no example"


def test_questionnaire_then_collate(tmp_path: Path) -> None:
    camp = FIXTURES / "library-opening-hours"
    runner = CliRunner()
    qpath = tmp_path / "q.yaml"
    r = runner.invoke(cli, ["questionnaire", str(camp / "request.txt"), "-o", str(qpath)])
    assert r.exit_code == 0, r.output
    assert "Wrote 9 questions" in r.output
    r = runner.invoke(cli, ["questionnaire", str(camp / "request.txt"), "-o", str(qpath)])
    assert r.exit_code != 0 and "--force" in r.output  # never overwrite a file a person may have edited
    out, csvp = tmp_path / "c.json", tmp_path / "c.csv"
    r = runner.invoke(cli, ["collate", str(camp / "docs"), "-q", str(camp / "questionnaire.yaml"),
                            "-o", str(out), "--csv", str(csvp), "--no-progress"])
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text())
    assert len(data["documents"]) == len(list((camp / "docs").iterdir()))
    for d in data["documents"]:
        if d["kind"] == "response":
            assert len(d["answers"]) == 9
    header = csvp.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "1_status" in header and "6_wifi" in header and "7_reduced_hours" in header


def test_collate_bad_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    camp = FIXTURES / "library-opening-hours"
    (tmp_path / "ok.txt").write_text("1. We have 4 libraries.\n")
    (tmp_path / "empty.txt").write_text("")
    r = CliRunner().invoke(cli, ["collate", str(tmp_path), "-q", str(camp / "questionnaire.yaml"),
                                 "-o", str(tmp_path / "o.json"), "--no-progress"])
    assert r.exit_code == 1
    assert "empty.txt" in r.output and "1 file(s) could not be read" in r.output
